package pipeline

import (
	"context"
	"fmt"
	"slices"
	"time"

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
		start := time.Now()
		var status index.Status
		var err error
		if r, ok := w.(Replacer); ok && len(it.Replaces) > 0 {
			status, err = r.Replace(ctx, ToDoc(it), it.Replaces...)
		} else {
			status, err = w.Write(ctx, ToDoc(it))
		}
		opt.Stats.WriteNanos.Add(int64(time.Since(start)))
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
	d.Date = mentionedDates(r.Dates)
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

// mentionedDates returns the first and last day of every resolved date of
// day, week or month granularity or finer, for index.Doc.Date. A clock
// time's day counts; years and coarser do not.
func mentionedDates(ds []extract.Date) []time.Time {
	var out []time.Time
	for _, d := range ds {
		if d.Granularity == nil || d.Begin == nil || d.Through == nil {
			continue
		}
		switch *d.Granularity {
		case extract.GranularityTime, extract.GranularityPartOfDay, extract.GranularityDay,
			extract.GranularityWeekend, extract.GranularityWeek, extract.GranularityMonth:
		default:
			continue
		}
		for _, s := range []string{*d.Begin, *d.Through} {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t, err = time.Parse(time.DateOnly, s)
			}
			if err == nil && !slices.ContainsFunc(out, t.Equal) {
				out = append(out, t.UTC())
			}
		}
	}
	return out
}

func names(ns []extract.Name) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}

// ExtractText cleans and tags one pasted text exactly as Extract does a
// .txt file (the first line may become the title, a dateline or byline is
// dropped, paragraphs are split) and returns its record. Scorers use it so
// that a quality figure is what `ingest extract` gives a user.
func ExtractText(ctx context.Context, t Tagger, source string, text []byte, opt Options) (Record, error) {
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	log := opt.logger()
	it := &Item{Source: source, Format: FormatText, Raw: text}
	clean(ctx, it, opt, nil, log.With("stage", StageClean))
	if it.Err == nil {
		tag(ctx, it, t, opt.Stats, log.With("stage", StageTag))
	}
	if it.Err != nil {
		return Record{}, it.Err
	}
	return it.Record(), nil
}
