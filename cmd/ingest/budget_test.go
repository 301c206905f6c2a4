package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTagTimeoutFlag checks --tag-timeout on extract and add: an article
// over the budget is reported as failed in the tag stage with the budget
// as its reason and the exit code is 3; 0 means no budget.
func TestTagTimeoutFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "Filing\n\nThe report was filed on Monday by Jo Lim.\n")
	write(t, b, "Looms\n\nThe Jacquard loom used punched cards.\n")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"extract over budget", []string{"extract", "--tag-timeout", "1ns", a, b}, 3},
		{"add over budget", []string{"add", "--quiet", "--index", filepath.Join(t.TempDir(), "ix"), "--tag-timeout", "1ns", a, b}, 3},
		{"extract without budget", []string{"extract", "--tag-timeout", "0", a, b}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, _, errs := ingest(t, t.Context(), "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errs)
			}
			if tc.code == 0 {
				return
			}
			for _, src := range []string{a, b} {
				if want := src + ": tag: over the time budget of 1ns"; !strings.Contains(errs, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errs)
				}
			}
		})
	}
}
