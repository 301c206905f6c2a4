package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// fullWriter batches like index.Writer and fails as it does when the disk
// fills: the flush of batch number failAt loses its docs, and every Write
// after that is refused.
type fullWriter struct {
	batch, failAt, flushes int
	pending                []index.DocRef
	saved                  map[string]bool
	failed                 error
}

func (w *fullWriter) Write(ctx context.Context, d index.Doc) (index.Status, error) {
	if w.failed != nil {
		return 0, &index.WriteError{Docs: []index.DocRef{{ID: d.ID, Source: d.Source}}, Err: w.failed}
	}
	w.pending = append(w.pending, index.DocRef{ID: d.ID, Source: d.Source})
	if len(w.pending) == w.batch {
		if err := w.Flush(); err != nil {
			return 0, err
		}
	}
	return index.Added, nil
}

func (w *fullWriter) Flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	docs := w.pending
	w.pending = nil
	if w.flushes++; w.flushes == w.failAt {
		w.failed = fmt.Errorf("flush: %w: no space left on device", index.ErrDiskFull)
		return &index.WriteError{Docs: docs, Err: w.failed}
	}
	for _, d := range docs {
		w.saved[d.ID] = true
	}
	return nil
}

func (w *fullWriter) Close() error { return w.Flush() }

// countingTagger counts the articles it tags.
type countingTagger struct{ n atomic.Int64 }

func (c *countingTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	c.n.Add(1)
	return fakeTagger{}.Tag(ctx, text, published)
}

// TestIngestDiskFull: when the index cannot save a batch, every article
// of it is reported with its source, the run goes on naming each later
// article as not saved without tagging it, the counts add up, and Ingest
// returns ErrWrite wrapping the cause (issue 20).
func TestIngestDiskFull(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 190 // 4 batches of 40 flushed in Write, 30 by the last Flush
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("a%03d.txt", i)] = article(fmt.Sprintf("Report %d", i), fmt.Sprintf("Ada Lovelace wrote note %d on the engine.", i))
	}
	writeFiles(t, dir, files)
	for _, failAt := range []int{2, 5} { // a flush in Write; the last Flush
		t.Run(fmt.Sprint("flush ", failAt), func(t *testing.T) {
			w := &fullWriter{batch: 40, failAt: failAt, saved: map[string]bool{}}
			tagger := new(countingTagger)
			stats := new(Stats)
			failed := map[string]string{}
			err := Ingest(t.Context(), []string{dir}, tagger, w, nil, Options{Workers: 1, Stats: stats}, func(e *ItemError) {
				if _, dup := failed[e.Source]; dup {
					t.Errorf("%s reported twice", e.Source)
				}
				failed[e.Source] = e.Stage + ": " + e.Err.Error()
			})
			if !errors.Is(err, ErrWrite) || !errors.Is(err, index.ErrDiskFull) {
				t.Errorf("Ingest = %v, want ErrWrite wrapping ErrDiskFull", err)
			}
			for src, f := range failed {
				if f != "index: not saved: the disk is full" {
					t.Errorf("%s: failed with %q, want index: not saved: the disk is full", src, f)
				}
			}
			if got, want := stats.Indexed.Load(), int64(len(w.saved)); got != want {
				t.Errorf("Stats.Indexed = %d, want %d saved", got, want)
			}
			if got, want := stats.Failed.Load(), int64(n-len(w.saved)); got != want {
				t.Errorf("Stats.Failed = %d, want %d", got, want)
			}
			if len(w.saved)+len(failed) != n {
				t.Errorf("%d saved + %d named as failed, want %d", len(w.saved), len(failed), n)
			}
			if failAt*40 < n {
				if tagged := tagger.n.Load(); tagged >= n {
					t.Errorf("tagged all %d articles after the index failed", tagged)
				}
			}
		})
	}
}
