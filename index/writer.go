package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// Default batch thresholds of a Writer. A batch is flushed when it holds
// DefaultBatchDocs documents or DefaultBatchBytes bytes of documents,
// whichever comes first. BenchmarkWrite (3.6 kB articles, on disk) spent
// 5.3 CPU-ms per doc with batches of 10, 2.4 with 100, 1.6 with 500 and
// 1.8 with 2000: each flush makes and persists a segment that scorch then
// merges, so small batches cost. Memory pulls the other way: scorch
// analyses the whole batch before it builds the segment, and the analysed
// batch (with each article's quote documents) was the largest thing on
// the heap, about 100 MB at 500 Wikinews articles. At 250 the live heap's
// peak fell from 241 to 157 MiB with no measurable change in write time
// (go run ./pipeline/internal/loadtest -n 10000, 320 MiB memory limit).
// The byte limit (bleve's in-memory estimate, Batch.TotalDocsSize, 6.7 kB
// for those 3.6 kB articles, so 1.7 MiB for 250) bounds memory when
// articles are long: it takes over from the count above about 35 kB of
// text per article.
const (
	DefaultBatchDocs  = 250
	DefaultBatchBytes = 16 << 20
)

// ErrWriterClosed is returned by Write after Close.
var ErrWriterClosed = errors.New("index writer closed")

// ErrNoID is returned by Write for a Doc with an empty ID.
var ErrNoID = errors.New("doc has no ID")

// DocRef names a document a Writer was given: its ID and its Source.
type DocRef struct {
	ID     string
	Source string
}

// WriteError is returned by Write, Flush and Close when documents a Writer
// was given are not in the index: those of a batch whose flush failed, or
// the one given to Write after such a failure, which the Writer refuses
// (a failed flush can leave Bleve's in-memory state out of step with the
// disk, so nothing more is written). Err says why and wraps ErrDiskFull
// when the disk is full.
type WriteError struct {
	Docs []DocRef // the documents not saved, in the order they were written
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("%d documents not saved: %v", len(e.Docs), e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// Status says what Write did with a Doc.
type Status int

const (
	// Added means the ID was not in the index: the Doc is new.
	Added Status = iota + 1
	// Updated means the ID was in the index (or earlier in the pending
	// batch) with another Hash: the Doc replaces it, without duplicates.
	Updated
	// Unchanged means the same ID and Hash are already in the index or in
	// the pending batch: nothing is written.
	Unchanged
)

// String returns "added", "updated" or "unchanged".
func (s Status) String() string {
	switch s {
	case Added:
		return "added"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// WriterOption configures NewWriter.
type WriterOption func(*Writer)

// WithBatchDocs sets how many documents a Writer collects before it
// flushes (default DefaultBatchDocs); n <= 0 keeps the default.
func WithBatchDocs(n int) WriterOption {
	return func(w *Writer) {
		if n > 0 {
			w.maxDocs = n
		}
	}
}

// WithBatchBytes sets how many bytes of documents (bleve's in-memory
// estimate, Batch.TotalDocsSize) a Writer collects before it flushes
// (default DefaultBatchBytes); n <= 0 keeps the default.
func WithBatchBytes(n int) WriterOption {
	return func(w *Writer) {
		if n > 0 {
			w.maxBytes = uint64(n)
		}
	}
}

// Writer adds Docs to an Index in batches. A Writer is NOT safe for
// concurrent use, because bleve's Batch is not: use one writer goroutine.
// Several Writers on one Index must not write the same IDs, or Status may
// be wrong. What Write accepts is durable once Flush or Close returns nil.
// After a flush fails, every later Write fails with a *WriteError.
type Writer struct {
	ix      *Index
	batch   *bleve.Batch
	pending map[string]pendingDoc // by ID: the docs in batch
	order   []string              // IDs of pending, in the order written
	// pendingQuotes: ID -> number of quote documents queued with it.
	pendingQuotes map[string]int
	maxDocs       int
	maxBytes      uint64
	closed        bool
	failed        error // why a flush failed; nil while none has
}

type pendingDoc struct{ hash, source string }

// NewWriter returns a Writer on ix with the batch thresholds of opts.
func (ix *Index) NewWriter(opts ...WriterOption) *Writer {
	w := &Writer{
		ix:            ix,
		batch:         ix.b.NewBatch(),
		pending:       make(map[string]pendingDoc),
		pendingQuotes: make(map[string]int),
		maxDocs:       DefaultBatchDocs,
		maxBytes:      DefaultBatchBytes,
	}
	for _, opt := range opts {
		opt(w)
	}
	return w
}

// Write queues d for indexing and flushes the batch when it reaches a
// threshold. A Doc whose ID and Hash are already in the index or in the
// pending batch is Unchanged and not written; a Doc with an empty Hash is
// always written. Write returns ctx's error if ctx is done, without
// queueing d. When the flush it triggers fails, or one failed before, the
// error is a *WriteError naming every document lost, d among them.
func (w *Writer) Write(ctx context.Context, d Doc) (Status, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("index %s: %w", d.ID, err)
	}
	if w.closed {
		return 0, fmt.Errorf("index %s: %w", d.ID, ErrWriterClosed)
	}
	if d.ID == "" {
		return 0, fmt.Errorf("index doc from %q: %w", d.Source, ErrNoID)
	}
	if w.failed != nil {
		return 0, &WriteError{Docs: []DocRef{{d.ID, d.Source}}, Err: fmt.Errorf("not written after an earlier failure: %w", w.failed)}
	}

	status := Added
	if p, ok := w.pending[d.ID]; ok {
		if p.hash == d.Hash && p.hash != "" {
			return Unchanged, nil
		}
		status = Updated
	} else {
		h, ok, err := w.ix.Hash(d.ID)
		if err != nil {
			return 0, fmt.Errorf("index %s: %w", d.ID, err)
		}
		if ok {
			if h == d.Hash && h != "" {
				return Unchanged, nil
			}
			status = Updated
		}
	}

	if err := w.queue(ctx, &d, status); err != nil {
		return 0, err
	}
	if _, ok := w.pending[d.ID]; !ok {
		w.order = append(w.order, d.ID)
	}
	w.pending[d.ID] = pendingDoc{d.Hash, d.Source}
	if len(w.pending) >= w.maxDocs || w.batch.TotalDocsSize() >= w.maxBytes {
		if err := w.Flush(); err != nil {
			return 0, err
		}
	}
	return status, nil
}

// queue adds d and its quote documents to the batch. Mapping a document
// runs Bleve's analysers, so a panic there is recovered here as d's error.
func (w *Writer) queue(ctx context.Context, d *Doc, status Status) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("index %s: map document: %w: panic: %v", d.ID, ErrPanic, r)
		}
	}()
	if err := w.batch.Index(d.ID, w.ix.newBody(d)); err != nil {
		return fmt.Errorf("index %s: map document: %w", d.ID, err)
	}
	return w.queueQuotes(ctx, d, status)
}

// Flush writes the pending batch to the index and waits until scorch has
// persisted it. If it fails, the pending batch is dropped, the error is a
// *WriteError naming its documents (none of which count as saved), and
// every later Write fails.
func (w *Writer) Flush() error {
	n := len(w.pending)
	if n == 0 {
		return nil
	}
	size := w.batch.TotalDocsSize()
	start := time.Now()
	err := w.ix.b.Batch(w.batch)
	// A new batch rather than Reset: scorch's Batch may still be ranging
	// over the old one's operations in a goroutine after it returns when
	// the batch holds deletes (quote documents replaced), and Reset would
	// race with it.
	w.batch = w.ix.b.NewBatch()
	var lost []DocRef
	if err != nil {
		lost = make([]DocRef, 0, n)
		for _, id := range w.order {
			lost = append(lost, DocRef{id, w.pending[id].source})
		}
	}
	clear(w.pending)
	clear(w.pendingQuotes)
	w.order = w.order[:0]
	if err != nil {
		w.failed = diskFull(err)
		return &WriteError{Docs: lost, Err: fmt.Errorf("flush %d docs: %w", n, w.failed)}
	}
	w.ix.logger.Debug("flushed batch", "docs", n, "bytes", size, "took", time.Since(start))
	return nil
}

// Close flushes the pending batch and makes later Writes fail. It does not
// close the Index. It takes no context so that it can run after a
// cancellation to keep what was written. Calling Close again does nothing.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if err := w.Flush(); err != nil {
		return fmt.Errorf("close index writer: %w", err)
	}
	return nil
}
