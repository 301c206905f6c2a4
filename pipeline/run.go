package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// Ingest reads, cleans and tags every input and writes the articles to w.
// known, when not nil, is asked for the content hash already indexed under
// an article's id, so unchanged articles skip tagging; it is usually the
// index w writes to. onFail is called, from one goroutine, for every
// article that failed. Ingest does not close w: the caller does, also after
// cancellation, so that what was batched is flushed.
//
// The returned error is a run-level failure (index I/O, the context); a
// failed article is only counted and passed to onFail.
func Ingest(ctx context.Context, inputs []string, t Tagger, w Writer, known Hasher, opt Options, onFail func(*ItemError)) error {
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	return run(ctx, inputs, t, known, opt, func(ctx context.Context, it *Item) error {
		if it.Err != nil {
			report(it, onFail)
			return nil
		}
		if it.Unchanged {
			opt.Stats.Unchanged.Add(1)
			return nil
		}
		status, err := w.Write(ctx, ToDoc(it))
		if err != nil {
			return fmt.Errorf("index %s: %w", it.Source, err)
		}
		if status == index.Unchanged {
			opt.Stats.Unchanged.Add(1)
		} else {
			opt.Stats.Indexed.Add(1)
		}
		return nil
	})
}

// Extract reads, cleans and tags every input and passes each article to
// emit in input order, failed ones included (with Err set), so the caller
// can print or score them. emit runs in one goroutine.
func Extract(ctx context.Context, inputs []string, t Tagger, opt Options, emit func(*Item) error) error {
	// Workers finish out of order; hold early items until their turn. Only
	// articles that overtook a slower one wait here.
	pending := map[int]*Item{}
	next := 0
	return run(ctx, inputs, t, nil, opt, func(ctx context.Context, it *Item) error {
		pending[it.Seq] = it
		for {
			it, ok := pending[next]
			if !ok {
				return nil
			}
			delete(pending, next)
			next++
			if err := emit(it); err != nil {
				return err
			}
		}
	})
}

func report(it *Item, onFail func(*ItemError)) {
	if onFail == nil {
		return
	}
	ie, ok := it.Err.(*ItemError)
	if !ok {
		ie = &ItemError{Stage: "unknown", Source: it.Source, Err: it.Err}
	}
	onFail(ie)
}

// ToDoc converts a tagged item to the document the index stores.
func ToDoc(it *Item) index.Doc {
	r := it.Result
	d := index.Doc{
		ID:           it.ID,
		Title:        it.Article.Title,
		Source:       it.Source,
		URL:          it.Article.URL,
		Published:    it.Article.Published,
		Text:         it.Article.Text,
		Person:       names(r.People),
		Organization: names(r.Organizations),
		Place:        names(r.Places),
		Hash:         it.Hash,
	}
	for _, q := range r.Quotes {
		d.Quote = append(d.Quote, q.Text)
		iq := index.Quote{Text: q.Text, Kind: q.Kind}
		if q.Speaker != nil {
			iq.Speaker = *q.Speaker
		}
		d.Quotes = append(d.Quotes, iq)
		if q.Speaker != nil && !slices.Contains(d.Speaker, *q.Speaker) {
			d.Speaker = append(d.Speaker, *q.Speaker)
		}
	}
	return d
}

func names(ns []extract.Name) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}
