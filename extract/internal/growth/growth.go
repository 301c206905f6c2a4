// Package growth checks, for tests, that the work a function does grows
// linearly with its input. Wall-clock ratios flake on a loaded machine, so
// it measures what does not depend on the load: the bytes the function
// allocates, which for the extract packages track the text they scan
// (every window read for an attribution or a tense is tokenised into a
// fresh slice). A rescan of the text per quotation mark or per candidate
// shows as allocation that grows with the square of the input. It is for
// tests only; nothing in the product imports it.
package growth

import (
	"runtime"
	"testing"
)

// Bytes returns the bytes f allocates on the heap. Other goroutines'
// allocations count too, so call it from a test that is not parallel:
// parallel tests wait until the sequential ones are done.
func Bytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Factor is how much larger the big input of Linear is than the small one.
const Factor = 8

// MaxRatio is the most the big input may allocate relative to the small
// one: linear work gives about Factor (slices that double as they grow
// and fixed costs move it by up to half either way), quadratic work
// Factor², 64.
const MaxRatio = 3 * Factor

// Linear fails t when run(Factor*n) allocates more than MaxRatio times
// what run(n) does. run builds its input of size n, which should be large
// enough that fixed costs do not dominate, and returns the call to
// measure; building is not measured. The call runs once before measuring,
// so that lazily built tables do not count.
func Linear(t testing.TB, name string, n int, run func(n int) func()) {
	t.Helper()
	small, big := run(n), run(Factor*n)
	small()
	bs, bb := Bytes(small), Bytes(big)
	if bs == 0 {
		t.Errorf("%s: the small input allocates nothing; make it larger", name)
		return
	}
	ratio := float64(bb) / float64(bs)
	if ratio > MaxRatio {
		t.Errorf("%s: %dx the input allocates %.1fx the bytes (%d vs %d): the work grows faster than the input", name, Factor, ratio, bb, bs)
		return
	}
	t.Logf("%s: %dx the input, %.1fx the bytes", name, Factor, ratio)
}
