package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// Ingest reads, cleans and tags every input and writes the articles to w.
// known, when not nil, is asked for the content hash already indexed under
// an article's id, so unchanged articles skip tagging; it is usually the
// index w writes to. onFail is called, from one goroutine, for every
// article that failed. Ingest does not close w: the caller does, also after
// cancellation. When w has a Flush method, Ingest flushes it before it
// returns, also after cancellation, so that the articles a failed flush
// cost are reported here.
//
// The returned error is a run-level failure (index I/O, the context); a
// failed article is only counted and passed to onFail. When w fails with
// an *index.WriteError (the disk is full), every article it names is
// reported and counted as failed, and the run goes on without writing or
// tagging: each later article is reported as not saved, so that every
// article is either indexed or named. The error, wrapping ErrWrite, is
// then returned at the end.
func Ingest(ctx context.Context, inputs []string, t Tagger, w Writer, known Hasher, opt Options, onFail func(*ItemError)) error {
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	var writeErr atomic.Pointer[error] // the first *index.WriteError's cause
	// lost reports the documents of we; current is the article whose
	// Write returned it, not yet counted as indexed.
	lost := func(we *index.WriteError, current string) {
		for _, d := range we.Docs {
			if d.ID != current {
				opt.Stats.Indexed.Add(-1)
			}
			opt.Stats.Failed.Add(1)
			report(&Item{Source: d.Source, Err: &ItemError{Stage: StageIndex, Source: d.Source, Err: notSaved(we.Err)}}, onFail)
		}
		writeErr.CompareAndSwap(nil, &we.Err)
	}
	if known != nil {
		known = haltingHasher{known, &writeErr}
	}
	err := run(ctx, inputs, haltingTagger{t, &writeErr}, known, opt, func(ctx context.Context, it *Item) error {
		if it.Err != nil {
			if ie, ok := it.Err.(*ItemError); ok && errors.Is(ie.Err, errHalted) {
				ie.Stage = StageIndex
			}
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
		var we *index.WriteError
		if errors.As(err, &we) {
			lost(we, it.ID)
			return nil
		}
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
	if f, ok := w.(interface{ Flush() error }); ok {
		var we *index.WriteError
		if ferr := f.Flush(); errors.As(ferr, &we) {
			lost(we, "")
		} else if ferr != nil && err == nil {
			err = fmt.Errorf("flush index: %w", ferr)
		}
	}
	if p := writeErr.Load(); p != nil && err == nil {
		return fmt.Errorf("%w: %w", ErrWrite, *p)
	}
	return err
}

// ErrWrite is wrapped by Ingest's error when the index could not be
// written to and articles were reported as not saved. The index's
// in-memory state may then be ahead of what is on disk: reopen it to
// count what was saved.
var ErrWrite = errors.New("writing to the index failed")

// errHalted is wrapped by the error of the articles the index could not
// save, and of those not tagged after that.
var errHalted = errors.New("not saved")

// notSaved is the error of one article the index could not save because
// of cause. It is short when the disk is full, for the failures are many
// and the cause is reported once.
func notSaved(cause error) error {
	if errors.Is(cause, index.ErrDiskFull) {
		cause = index.ErrDiskFull
	}
	return fmt.Errorf("%w: %w", errHalted, cause)
}

// haltingHasher is h until *failed is set; then it knows no article. A
// failed flush can leave the index's in-memory state out of step with the
// disk (and Bleve panicking on it): lookups in it prove nothing.
type haltingHasher struct {
	h      Hasher
	failed *atomic.Pointer[error]
}

func (h haltingHasher) Hash(id string) (string, bool, error) {
	if h.failed.Load() != nil {
		return "", false, nil
	}
	return h.h.Hash(id)
}

// BySource is h's SourceFinder, when it has one: wrapping must not hide
// it, or an edited file's old versions are never found.
func (h haltingHasher) BySource(ctx context.Context, source string) ([]index.SourceDoc, error) {
	f, ok := h.h.(SourceFinder)
	if !ok || h.failed.Load() != nil {
		return nil, nil
	}
	return f.BySource(ctx, source)
}

// haltingTagger is t until *failed is set; then it tags nothing and fails
// every article with errHalted and that error, so a run that can no
// longer write spends no time tagging what it cannot save.
type haltingTagger struct {
	t      Tagger
	failed *atomic.Pointer[error]
}

func (h haltingTagger) halted() error {
	if p := h.failed.Load(); p != nil {
		return notSaved(*p)
	}
	return nil
}

func (h haltingTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	if err := h.halted(); err != nil {
		return extract.Result{}, err
	}
	return h.t.Tag(ctx, text, published)
}

func (h haltingTagger) TagArticle(ctx context.Context, text string, meta extract.TagMeta) (extract.Result, error) {
	if err := h.halted(); err != nil {
		return extract.Result{}, err
	}
	if at, ok := h.t.(ArticleTagger); ok {
		return at.TagArticle(ctx, text, meta)
	}
	return h.t.Tag(ctx, text, meta.Published)
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
		tag(ctx, it, t, opt.TagTimeout, opt.Stats, log.With("stage", StageTag))
	}
	if it.Err != nil {
		return Record{}, it.Err
	}
	return it.Record(), nil
}
