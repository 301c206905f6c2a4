package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bylinehq/byline/extract"
)

// slowTagger tags like fakeTagger, but on a text containing "STUCK" it
// works until its context ends, and on one containing "LATE" it ignores
// its context and returns a result after 11 s.
type slowTagger struct{ fakeTagger }

func (s slowTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	switch {
	case strings.Contains(text, "STUCK"):
		<-ctx.Done()
		return extract.Result{}, ctx.Err()
	case strings.Contains(text, "LATE"):
		time.Sleep(11 * time.Second)
	}
	return s.fakeTagger.Tag(ctx, text, published)
}

// TestTagOverBudgetFailsAndRunGoesOn checks the per-article time budget:
// an article whose tagging does not end within it, whether the tagger
// stops when told (STUCK) or returns late (LATE), fails in the tag stage
// with the budget as its reason, and the other articles are indexed. The
// clock is synctest's, so the 10 s pass at once.
func TestTagOverBudgetFailsAndRunGoesOn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":     article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"stuck.txt": article("Stuck", "This text keeps the tagger STUCK."),
		"late.txt":  article("Late", "This text makes the tagger LATE."),
		"b.txt":     article("Looms", "The Jacquard loom used punched cards."),
	})
	for _, tt := range []struct {
		name    string
		timeout time.Duration
		failed  []string
		reason  string
	}{
		{"default budget", 0, []string{"late.txt", "stuck.txt"}, "over the time budget of 10s"},
		{"a budget of 30s", 30 * time.Second, []string{"stuck.txt"}, "over the time budget of 30s"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				w := newMemWriter()
				stats := new(Stats)
				var failed []string
				start := time.Now()
				err := Ingest(t.Context(), []string{dir}, slowTagger{}, w, w, Options{Workers: 2, Stats: stats, TagTimeout: tt.timeout}, func(e *ItemError) {
					failed = append(failed, filepath.Base(e.Source))
					if e.Stage != StageTag || !errors.Is(e, ErrOverBudget) || e.Err.Error() != tt.reason {
						t.Errorf("%s failed in stage %q with %q, want stage tag, %q", e.Source, e.Stage, e.Err, tt.reason)
					}
				})
				if err != nil {
					t.Fatalf("Ingest: %v", err)
				}
				if strings.Join(slices.Sorted(slices.Values(failed)), " ") != strings.Join(tt.failed, " ") {
					t.Errorf("failed %v, want %v", failed, tt.failed)
				}
				if got, want := stats.Indexed.Load(), int64(4-len(tt.failed)); got != want {
					t.Errorf("indexed %d, want %d", got, want)
				}
				if d := time.Since(start); d > 2*max(DefaultTagTimeout, tt.timeout) {
					t.Errorf("the run took %v (fake clock): the budget did not stop the stuck article", d)
				}
			})
		})
	}
}

// TestTagNoBudget checks that a negative TagTimeout sets no budget: an
// article that takes 11 s is tagged.
func TestTagNoBudget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"late.txt": article("Late", "Ada Lovelace makes the tagger LATE.")})
	synctest.Test(t, func(t *testing.T) {
		w := newMemWriter()
		stats := new(Stats)
		err := Ingest(t.Context(), []string{dir}, slowTagger{}, w, w, Options{Stats: stats, TagTimeout: -1}, func(e *ItemError) {
			t.Errorf("failed: %v", e)
		})
		if err != nil || stats.Indexed.Load() != 1 {
			t.Fatalf("Ingest: %v, indexed %d, want 1", err, stats.Indexed.Load())
		}
	})
}
