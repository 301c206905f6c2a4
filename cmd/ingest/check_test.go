package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommand: ingest check says a sound index is sound (text and
// JSON), and names a half-created, damaged or missing one with what to
// do, exit 1.
func TestCheckCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "idx")
	if code, _, errs := ingest(t, t.Context(), "", "add", "--quiet", "--index", dir, corpusDir); code != 0 {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	code, out, errs := ingest(t, t.Context(), "", "check", "--index", dir)
	if code != 0 || !strings.HasPrefix(out, dir+": sound: 3 articles, ") {
		t.Errorf("check of a sound index: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, _ = ingest(t, t.Context(), "", "check", "--json", "--index", dir)
	if s := jsonLines(t, out); code != 0 || len(s) != 1 || s[0]["ok"] != true || s[0]["articles"] != 3.0 || s[0]["mapping_version"] == "" {
		t.Errorf("check --json of a sound index: exit %d, %s", code, out)
	}

	half := filepath.Join(t.TempDir(), "half")
	if err := os.MkdirAll(filepath.Join(half, "store"), 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, errs = ingest(t, t.Context(), "", "check", "--index", half)
	if code != 1 || !strings.Contains(errs, half+" is a half-created index") || !strings.Contains(errs, "delete it and run again") {
		t.Errorf("check of a half-created index: exit %d, stderr %q", code, errs)
	}
	code, out, _ = ingest(t, t.Context(), "", "check", "--json", "--index", half)
	if s := jsonLines(t, out); code != 1 || len(s) != 1 || s[0]["ok"] != false || s[0]["problem"] != "half-created" {
		t.Errorf("check --json of a half-created index: exit %d, %s", code, out)
	}

	zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	for _, z := range zaps {
		if err := os.Truncate(z, 100); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs = ingest(t, t.Context(), "", "check", "--json", "--index", dir)
	if s := jsonLines(t, out); code != 1 || len(s) != 1 || s[0]["problem"] != "damaged" || !strings.Contains(errs, "delete it and ingest again") {
		t.Errorf("check --json of a damaged index: exit %d, %s%s", code, out, errs)
	}

	code, _, errs = ingest(t, t.Context(), "", "check", "--index", filepath.Join(t.TempDir(), "none"))
	if code != 1 || !strings.Contains(errs, "no index at") {
		t.Errorf("check of no index: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := ingest(t, t.Context(), "", "check", "--index", dir, "extra"); code != 2 {
		t.Errorf("check with an argument: exit %d, want 2", code)
	}
}
