package main

import (
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
)

// defaultMemoryLimit is the Go runtime's soft memory limit for the
// commands that ingest (add, reindex) when neither --memory-limit nor
// GOMEMLIMIT sets one. Without a limit the garbage collector lets the heap
// grow to twice what is live (GOGC=100) and ingesting Wikinews held 260 MiB
// live and 480 MiB of heap RSS at 10,000 articles. With the limit it
// collects more often instead, once the heap nears it; it is soft, so a
// larger live heap still works, only with more GC. The figure is for the
// Go heap only: binary, stacks and the index files the kernel maps come on
// top (make loadtest reports each).
const defaultMemoryLimit = 320 << 20

// memoryLimitFlag adds --memory-limit to fs.
func memoryLimitFlag(fs *flag.FlagSet) *string {
	return fs.String("memory-limit", "", "soft limit of the Go heap, e.g. `400MiB` or 1GiB (off: none; default: GOMEMLIMIT, else 320MiB)")
}

// setMemoryLimit applies --memory-limit (flagValue) or, when it is empty,
// leaves a limit the runtime took from GOMEMLIMIT (envValue) or sets
// defaultMemoryLimit. It returns the limit in bytes, math.MaxInt64 for
// none.
func setMemoryLimit(flagValue, envValue string) (int64, error) {
	limit, err := memoryLimit(flagValue, envValue)
	if err != nil {
		return 0, err
	}
	if limit >= 0 {
		debug.SetMemoryLimit(limit)
	}
	return debug.SetMemoryLimit(-1), nil
}

// memoryLimit is the limit setMemoryLimit sets: -1 means the runtime's
// own (from GOMEMLIMIT) stands.
func memoryLimit(flagValue, envValue string) (int64, error) {
	switch {
	case flagValue != "":
		n, err := parseBytes(flagValue)
		if err != nil {
			return 0, usagef("bad --memory-limit %q: %v", flagValue, err)
		}
		return n, nil
	case envValue != "":
		return -1, nil
	}
	return defaultMemoryLimit, nil
}

// parseBytes reads a size: a number of bytes with an optional unit, B,
// KiB, MiB, GiB, TiB (and KB, MB, GB, TB as powers of 1000), or off for
// no limit (math.MaxInt64).
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return math.MaxInt64, nil
	}
	units := []struct {
		suffix string
		mult   float64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1},
	}
	mult := 1.0
	for _, u := range units {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) {
		return 0, fmt.Errorf("want a size such as 400MiB or off")
	}
	if f*mult >= math.MaxInt64 {
		return math.MaxInt64, nil
	}
	return int64(f * mult), nil
}
