package pipeline

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/pipeline/internal/fetch"
)

// ingestFailures runs Ingest over inputs with opt and returns the writer,
// the stats and every failure by source.
func ingestFailures(t *testing.T, inputs []string, opt Options) (*memWriter, *Stats, map[string]*ItemError) {
	t.Helper()
	w := newMemWriter()
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	failed := map[string]*ItemError{}
	err := Ingest(t.Context(), inputs, fakeTagger{}, w, w, opt, func(e *ItemError) {
		if failed[e.Source] != nil {
			t.Errorf("%s reported twice: %v and %v", e.Source, failed[e.Source], e)
		}
		failed[e.Source] = e
	})
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	return w, opt.Stats, failed
}

func TestOtherSchemesAreRefusedNotReadAsPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":          article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"notes:2019.txt": article("Notes", "A file whose name has a colon is still a file."),
	})
	inputs := []string{"file:///etc/passwd", "FILE:/etc/passwd", "ftp://files.example/a.txt", filepath.Join(dir, "a.txt"), filepath.Join(dir, "notes:2019.txt")}
	_, stats, failed := ingestFailures(t, inputs, Options{})
	for _, in := range inputs[:3] {
		e := failed[in]
		if e == nil || e.Stage != StageRead || !errors.Is(e, fetch.ErrScheme) || !strings.Contains(e.Error(), "unsupported scheme") || strings.Contains(e.Error(), "no such file") {
			t.Errorf("%s: failure %v, want an unsupported scheme in stage read", in, e)
		}
	}
	if stats.Indexed.Load() != 2 || stats.Failed.Load() != 3 {
		t.Errorf("indexed %d, failed %d; want 2, 3", stats.Indexed.Load(), stats.Failed.Load())
	}
}
