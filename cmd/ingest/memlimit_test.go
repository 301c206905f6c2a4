package main

import (
	"math"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, flag, env string
		want            int64
		wantErr         bool
	}{
		{"default", "", "", defaultMemoryLimit, false},
		{"GOMEMLIMIT stands", "", "1GiB", -1, false},
		{"flag wins over GOMEMLIMIT", "400MiB", "1GiB", 400 << 20, false},
		{"plain bytes", "1048576", "", 1 << 20, false},
		{"decimal unit", "1.5GB", "", 1_500_000_000, false},
		{"binary unit with space", "2 GiB", "", 2 << 30, false},
		{"kibibytes", "512KiB", "", 512 << 10, false},
		{"off", "off", "", math.MaxInt64, false},
		{"huge is no limit", "1e30", "", math.MaxInt64, false},
		{"negative", "-5MiB", "", 0, true},
		{"no number", "MiB", "", 0, true},
		{"unknown unit", "5 parsecs", "", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := memoryLimit(tc.flag, tc.env)
			if (err != nil) != tc.wantErr {
				t.Fatalf("memoryLimit(%q, %q) error %v, want error %v", tc.flag, tc.env, err, tc.wantErr)
			}
			if err == nil && got != tc.want {
				t.Errorf("memoryLimit(%q, %q) = %d, want %d", tc.flag, tc.env, got, tc.want)
			}
		})
	}
}
