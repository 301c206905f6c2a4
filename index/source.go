package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// maxDocsPerSource bounds BySource: a source is one file or URL, which
// holds one article, or a few versions of it in an index written before
// files were known by their path.
const maxDocsPerSource = 100

// SourceDoc is an article found by BySource: its ID and stored text.
type SourceDoc struct {
	ID   string
	Text string
}

// BySource returns the articles (not quote documents) whose Source is
// source exactly, at most 100, in no particular order. It is safe for
// concurrent use; documents still in a Writer's batch are not seen.
func (ix *Index) BySource(ctx context.Context, source string) ([]SourceDoc, error) {
	q := query.NewTermQuery(source)
	q.SetField(fieldSource)
	b := query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{isQuoteDoc()})
	req := bleve.NewSearchRequestOptions(b, maxDocsPerSource, 0, false)
	req.Fields = []string{fieldText}
	req.SortBy([]string{"_id"})
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("find documents of %s: %w", source, err)
	}
	out := make([]SourceDoc, 0, len(res.Hits))
	for _, h := range res.Hits {
		text, _ := h.Fields[fieldText].(string)
		out = append(out, SourceDoc{ID: h.ID, Text: text})
	}
	return out, nil
}

// Replace writes d as Write does, and removes the articles old (with
// their quote documents) in the same batch, so that a kill between the
// two cannot lose the article or keep both: they are the same article
// under IDs it no longer has (a file once known by its text, now by its
// path). IDs among old equal to d.ID are ignored. When d is already in
// the pending batch, or in the index with the same Hash, nothing is
// removed: it was written, with its removals, before. The Status is
// Updated when d replaced an old article, else Write's. Like Write,
// Replace is not safe for concurrent use.
func (w *Writer) Replace(ctx context.Context, d Doc, old ...string) (Status, error) {
	if _, pending := w.pending[d.ID]; pending || len(old) == 0 || d.ID == "" || w.closed || w.failed != nil || ctx.Err() != nil {
		return w.Write(ctx, d) // which fails, or needs no removal
	}
	if h, ok, err := w.ix.Hash(d.ID); err != nil {
		return 0, fmt.Errorf("index %s: %w", d.ID, err)
	} else if ok && h == d.Hash && h != "" {
		return Unchanged, nil
	}
	removed := false
	for _, id := range old {
		if id == d.ID || id == "" {
			continue
		}
		if _, ok, err := w.ix.Hash(id); err != nil {
			return 0, fmt.Errorf("index %s: %w", id, err)
		} else if !ok {
			continue
		}
		quotes, err := w.ix.quoteIDs(ctx, id)
		if err != nil {
			return 0, err
		}
		w.batch.Delete(id)
		for _, q := range quotes {
			w.batch.Delete(q)
		}
		removed = true
	}
	// d is not pending nor unchanged, so Write queues it and the batch's
	// next flush (or Close) carries the removals too.
	status, err := w.Write(ctx, d)
	if err == nil && removed && status == Added {
		status = Updated
	}
	return status, err
}
