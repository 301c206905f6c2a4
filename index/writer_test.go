package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// numberedDocs returns n distinct docs with IDs doc000, doc001, ...
func numberedDocs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{
			ID:        fmt.Sprintf("doc%03d", i),
			Title:     fmt.Sprintf("Report number %d", i),
			Text:      fmt.Sprintf("The council published report %d on the harbour.", i),
			Person:    []string{"Ada Lovelace"},
			Published: time.Date(2020, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
			Hash:      fmt.Sprintf("hash%d", i),
		}
	}
	return docs
}

func writeAll(t *testing.T, w *Writer, docs []Doc, want Status) {
	t.Helper()
	for _, d := range docs {
		got, err := w.Write(t.Context(), d)
		if err != nil {
			t.Fatalf("Write(%s): %v", d.ID, err)
		}
		if got != want {
			t.Errorf("Write(%s) = %v, want %v", d.ID, got, want)
		}
	}
}

func checkCount(t *testing.T, ix *Index, want uint64) {
	t.Helper()
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("Count() = %d, want %d", n, want)
	}
}

func TestReopen(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "idx")
	docs := numberedDocs(25)

	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(WithBatchDocs(10))
	writeAll(t, w, docs, Added)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkCount(t, ix, uint64(len(docs)))
	for _, d := range docs {
		h, ok, err := ix.Hash(d.ID)
		if err != nil || !ok || h != d.Hash {
			t.Errorf("Hash(%s) = %q, %v, %v; want %q, true, nil", d.ID, h, ok, err, d.Hash)
		}
	}
	if h, ok, err := ix.Hash("nope"); err != nil || ok || h != "" {
		t.Errorf(`Hash("nope") = %q, %v, %v; want "", false, nil`, h, ok, err)
	}
	res, err := ix.Search(t.Context(), Request{Query: `person:"ada lovelace" published:>="2020-01-26"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("after reopen: %d hits for Jan 26 onwards, want 0", res.Total)
	}
	res, err = ix.Search(t.Context(), Request{Query: `person:"ada lovelace" published:>="2020-01-25"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("after reopen: %d hits for Jan 25 onwards, want 1 (doc024)", res.Total)
	}

	// Reopened, the same docs are unchanged and the count stays.
	w = ix.NewWriter()
	writeAll(t, w, docs, Unchanged)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	checkCount(t, ix, uint64(len(docs)))
}

func TestCancelThenClose(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "idx")
	docs := numberedDocs(40)

	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	w := ix.NewWriter(WithBatchDocs(10))
	accepted := 0
	for i, d := range docs {
		if i == 25 {
			cancel()
		}
		if _, err := w.Write(ctx, d); err != nil {
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Write(%s) after cancel: %v, want context.Canceled", d.ID, err)
			}
			continue
		}
		accepted++
	}
	if accepted != 25 {
		t.Fatalf("accepted %d docs, want 25", accepted)
	}
	// 20 docs were flushed in two batches; Close flushes the other 5.
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkCount(t, ix, 25)
	if _, ok, _ := ix.Hash("doc024"); !ok {
		t.Error("doc024, written before the cancel and flushed by Close, is missing")
	}
	if _, ok, _ := ix.Hash("doc025"); ok {
		t.Error("doc025, written after the cancel, is in the index")
	}
}

func TestWriteUnchanged(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := numberedDocs(5)

	w := ix.NewWriter()
	writeAll(t, w, docs, Added)
	// Still in the pending batch.
	writeAll(t, w, docs, Unchanged)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	// Now in the index.
	writeAll(t, w, docs, Unchanged)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	checkCount(t, ix, uint64(len(docs)))
}

func TestWriteUpdated(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	old := Doc{ID: "x", Title: "Mayor opens bridge", Text: "The mayor opened the bridge.", Hash: "v1"}
	revised := Doc{ID: "x", Title: "Mayor closes bridge", Text: "The mayor closed the bridge.", Hash: "v2"}
	third := Doc{ID: "x", Title: "Mayor reopens bridge", Text: "The mayor reopened the tunnel.", Hash: "v3"}

	w := ix.NewWriter()
	writeAll(t, w, []Doc{old}, Added)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	writeAll(t, w, []Doc{revised}, Updated)
	// Same ID, new hash, while the previous revision is still pending.
	writeAll(t, w, []Doc{third}, Updated)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	checkCount(t, ix, 1)
	if h, _, _ := ix.Hash("x"); h != "v3" {
		t.Errorf("Hash(x) = %q, want v3", h)
	}
	for q, want := range map[string]uint64{"opened": 0, "closed": 0, "tunnel": 1} {
		res, err := ix.Search(t.Context(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("Search(%q).Total = %d, want %d", q, res.Total, want)
		}
	}
}

func TestWriteEmptyHashAlwaysWritten(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	d := Doc{ID: "x", Text: "first"}
	writeAll(t, w, []Doc{d}, Added)
	d.Text = "second"
	writeAll(t, w, []Doc{d}, Updated)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), Request{Query: "second"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("rewritten doc without hash: %d hits for its new text, want 1", res.Total)
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	if _, err := w.Write(t.Context(), Doc{Text: "no id"}); !errors.Is(err, ErrNoID) {
		t.Errorf("Write without ID: %v, want ErrNoID", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := w.Write(t.Context(), Doc{ID: "a"}); !errors.Is(err, ErrWriterClosed) {
		t.Errorf("Write after Close: %v, want ErrWriterClosed", err)
	}
	checkCount(t, ix, 0)
}

func TestWriteFlushesAtThresholds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  WriterOption
	}{
		{"docs", WithBatchDocs(3)},
		{"bytes", WithBatchBytes(1)}, // every doc exceeds one byte
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ix, err := NewMemOnly()
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			w := ix.NewWriter(tc.opt)
			writeAll(t, w, numberedDocs(3), Added)
			// Flushed by the threshold, before Close.
			checkCount(t, ix, 3)
		})
	}
}

func TestPublishedOutOfRange(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	d := Doc{ID: "old", Text: "armada", Published: time.Date(1588, 8, 8, 0, 0, 0, 0, time.UTC), Hash: "h"}
	writeAll(t, w, []Doc{d}, Added)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), Request{Query: "armada"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || !res.Hits[0].Published.IsZero() {
		t.Errorf("doc dated 1588: hits %+v, want one, undated", res.Hits)
	}
}

func TestOpenMappingVersion(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "other")
	b, err := bleve.New(path, bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err := Open(path); !errors.Is(err, ErrMappingVersion) {
		if err == nil {
			ix.Close()
		}
		t.Errorf("Open(index not made by Open) error = %v, want ErrMappingVersion", err)
	}
}

func TestOpenLocked(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix2, err := Open(path, WithLockTimeout(50*time.Millisecond))
	if err == nil {
		ix2.Close()
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second Open of an open index: error = %v, want ErrLocked", err)
	}
}

// TestSearchWhileWriting runs searches concurrently with the single
// writer goroutine, as serve would during an ingest; run with -race.
func TestSearchWhileWriting(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := numberedDocs(60)
	done := make(chan error, 1)
	go func() {
		w := ix.NewWriter(WithBatchDocs(7))
		for _, d := range docs {
			if _, err := w.Write(t.Context(), d); err != nil {
				done <- err
				return
			}
		}
		done <- w.Close()
	}()
	var g sync.WaitGroup
	for range 3 {
		g.Go(func() {
			for range 20 {
				if _, err := ix.Search(t.Context(), Request{Query: "harbour"}); err != nil {
					t.Error(err)
					return
				}
				if _, _, err := ix.Hash("doc001"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	g.Wait()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkCount(t, ix, uint64(len(docs)))
}
