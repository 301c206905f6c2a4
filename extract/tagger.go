package extract

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/dates"
	"github.com/bylinehq/byline/extract/internal/nlp"
	"github.com/bylinehq/byline/extract/names"
	"github.com/bylinehq/byline/extract/quotes"
)

// Tagger finds people, organisations and places in article text. It holds
// the prose part-of-speech and entity models and a sentence segmenter, all
// loaded once by New. A Tagger is safe for concurrent use by multiple
// goroutines; the zero value is not usable, call New.
type Tagger struct {
	tok       *nlp.Tokenizer
	names     *names.Model
	dateOrder DateOrder
}

// Option configures a Tagger in New.
type Option func(*options)

type options struct {
	logger    *slog.Logger
	dateOrder DateOrder
}

// WithNumericDates sets how the Tagger reads all-numeric dates such as
// "10/07/2019" (see DateOrder); the default, OrderUnknown, resolves only
// the unambiguous ones. The CLI sets it from --date-order.
func WithNumericDates(o DateOrder) Option {
	return func(opts *options) { opts.dateOrder = o }
}

// WithLogger makes the Tagger log through l (model load time at debug
// level, tokens it could not align with the text). The default discards.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) {
		if l != nil {
			o.logger = l
		}
	}
}

// New loads the prose model and the English sentence segmenter once and
// returns a Tagger that reuses them for every text. prose panics when its
// embedded model fails to load; New recovers that and returns it as an
// error. Loading takes about half a second.
func New(opts ...Option) (*Tagger, error) {
	o := options{logger: slog.New(slog.DiscardHandler)}
	for _, apply := range opts {
		apply(&o)
	}
	start := time.Now()
	var tok *nlp.Tokenizer
	err := recoverProse("load model", func() error {
		var err error
		tok, err = nlp.NewTokenizer(o.logger)
		return err
	})
	if err != nil {
		return nil, err
	}
	nm, err := names.LoadModel()
	if err != nil {
		return nil, err
	}
	o.logger.Debug("models loaded", "duration", time.Since(start), "entity_features", nm.Features())
	return &Tagger{tok: tok, names: nm, dateOrder: o.dateOrder}, nil
}

// recoverProse runs f and turns a panic inside it (prose panics through
// checkError) into an error carrying the stack.
func recoverProse(what string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: %s: prose panicked: %v\n%s", what, r, debug.Stack())
		}
	}()
	if err := f(); err != nil {
		return fmt.Errorf("extract: %s: %w", what, err)
	}
	return nil
}

// TagMeta is what the caller knows about an article beyond its text, for
// TagArticle. The zero value means nothing is known.
type TagMeta struct {
	// Published is the publication date relative dates resolve against;
	// zero when unknown.
	Published time.Time
	// Language is the page's declared language as a BCP 47 tag
	// (Article.Language: "en-US", "en-GB"), "" when undeclared. When the
	// Tagger's numeric date order is OrderUnknown (WithNumericDates not
	// given, --date-order auto), DateOrderFor(Language) decides how
	// "10/07/2019" reads.
	Language string
	// Title is the article's headline, "" when it has none. Its names are
	// found with the text's (one document: "Barcelona" in the headline and
	// in the body are read together) and returned in Result.TitleEntities,
	// and they count in People, Organizations and Places.
	Title string
}

// Tag finds entities, quotes and dates in text, cleaned article text whose paragraphs are
// separated by "\n\n". published is the publication date (zero when
// unknown). Every returned Entity satisfies text[e.Start:e.End] == e.Text.
// A panic inside prose on this text is returned as an error. Tag returns
// ctx's error if ctx is cancelled while it runs: it looks at ctx between
// sentences while tokenising, between its phases (tokens, names, quotes,
// dates) and within the quote and date finders, but not inside the entity
// model. Tag is safe for concurrent
// use. It is TagArticle with only a publication date.
func (t *Tagger) Tag(ctx context.Context, text string, published time.Time) (Result, error) {
	return t.TagArticle(ctx, text, TagMeta{Published: published})
}

// TagArticle is Tag for an article whose metadata is known: meta.Published
// is the publication date and meta.Language, the page's language, sets how
// numeric dates read when the Tagger was not given an order. It is safe for
// concurrent use.
func (t *Tagger) TagArticle(ctx context.Context, text string, meta TagMeta) (Result, error) {
	published := meta.Published
	order := t.dateOrder
	if order == OrderUnknown {
		order = DateOrderFor(meta.Language)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	// The headline is tagged with the text, as its own line before it, so
	// that its names count and resolve with the body's.
	doc, off := text, 0
	if title := strings.TrimSpace(meta.Title); title != "" && !strings.Contains(title, "\n") {
		doc, off = meta.Title+"\n\n"+text, len(meta.Title)+2
	}
	var toks []nlp.Token
	err := recoverProse("tag", func() error {
		var err error
		toks, err = t.tok.Tokens(ctx, doc)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	if off > 0 {
		// The sentences before the first that starts in the text are the
		// headline's (one, unless it has several).
		title := true
		for i := range toks {
			if i > 0 && toks[i].Sent != toks[i-1].Sent {
				title = toks[i].Start >= 0 && toks[i].Start < off || toks[i].Start < 0 && title
			}
			toks[i].Title = title
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	all := t.names.Find(doc, toks)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	titleEnts, ents := []Entity{}, make([]Entity, 0, len(all))
	for _, e := range all {
		if e.Start < off {
			titleEnts = append(titleEnts, e)
			continue
		}
		e.Start -= off
		e.End -= off
		ents = append(ents, e)
	}
	both := append(titleEnts[:len(titleEnts):len(titleEnts)], ents...)

	// Quotes take their speakers from the entities above; dates are
	// resolved against published.
	qs, err := quotes.FindContext(ctx, text, ents, quotes.Options{Indirect: true})
	if err != nil {
		return Result{}, err
	}
	ds, err := dates.FindContext(ctx, text, published, WithDateOrder(order))
	if err != nil {
		return Result{}, err
	}
	res := Result{
		Entities:      ents,
		TitleEntities: titleEnts,
		People:        names.Tally(both, Person),
		Organizations: names.Tally(both, Organization),
		Places:        names.Tally(both, Place),
		Quotes:        qs,
		Dates:         ds,
	}
	return res, nil
}
