package extract

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"

	"github.com/bylinehq/byline/extract/internal/ner"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Tagger finds people, organisations and places in article text. It holds
// the prose part-of-speech and entity models and a sentence segmenter, all
// loaded once by New. A Tagger is safe for concurrent use by multiple
// goroutines; the zero value is not usable, call New.
type Tagger struct {
	model     *prose.Model
	pos       *posTagger // prose's part-of-speech model, faster; nil: prose's own
	ner       *ner.Model
	segmenter *sentences.DefaultSentenceTokenizer
	logger    *slog.Logger
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
	var (
		model *prose.Model
		seg   *sentences.DefaultSentenceTokenizer
	)
	err := recoverProse("load model", func() error {
		// An empty document with tagging and extraction on makes prose load
		// its default model, which it exposes as Document.Model.
		doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			return err
		}
		model = doc.Model
		// prose rebuilds its Punkt segmenter (parsing its training data, about
		// 25 ms) on every NewDocument that segments; build the same English
		// segmenter once instead. It also reports sentence offsets.
		seg, err = english.NewSentenceTokenizer(nil)
		return err
	})
	if err != nil {
		return nil, err
	}
	if model == nil {
		return nil, fmt.Errorf("extract: load model: prose returned no model")
	}
	nm, err := loadNER()
	if err != nil {
		return nil, err
	}
	o.logger.Debug("models loaded", "duration", time.Since(start), "entity_features", nm.Features())
	return &Tagger{model: model, pos: newPOSTagger(model), ner: nm, segmenter: seg, logger: o.logger, dateOrder: o.dateOrder}, nil
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
}

// Tag finds entities, quotes and dates in text, cleaned article text whose paragraphs are
// separated by "\n\n". published is the publication date (zero when
// unknown). Every returned Entity satisfies text[e.Start:e.End] == e.Text.
// A panic inside prose on this text is returned as an error. Tag returns
// ctx's error if ctx is cancelled while it runs. Tag is safe for concurrent
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
	var toks []token
	err := recoverProse("tag", func() error {
		var err error
		toks, err = t.tokens(ctx, text)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	labelTokens(t.ner, toks)
	ents := resolve(text, findEntities(text, toks))

	res := Result{
		Entities:      ents,
		People:        names(ents, Person),
		Organizations: names(ents, Organization),
		Places:        names(ents, Place),
		// Quotes take their speakers from the entities above; dates are
		// resolved against published.
		Quotes: FindQuotes(text, ents),
		Dates:  FindDates(text, published, WithDateOrder(order)),
	}
	return res, nil
}

// token is one prose token aligned with the text: text[start:end] is the
// token as written (prose normalises curly quotes, so Text may differ).
type token struct {
	text       string // prose's token text
	tag        string // Penn Treebank part of speech
	label      string // the entity model's IOB label ("O", "B-PERSON", …)
	start, end int    // byte offsets into the tagged text; -1 if unaligned
	sent       int    // sentence number
	first      bool   // first token of its sentence
	alone      bool   // its sentence is a whole line (a headline, a short paragraph)
}

// tokens segments text into sentences once, tags each sentence with its own
// prose document and aligns the tokens with the text.
//
// One document per sentence matters: prose's tokenizer caches the tokens of
// each whitespace-separated word, so repeated words in one document share a
// token and the last occurrence's tag and label overwrite the earlier ones.
func (t *Tagger) tokens(ctx context.Context, text string) ([]token, error) {
	var out []token
	sent := 0
	safe := proseSafe(text)
	for _, s := range t.sentences(safe) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ptoks, err := t.proseTokens(safe[s.start:s.end])
		if err != nil {
			return nil, err
		}
		pos := s.start
		first := true
		for _, pt := range ptoks {
			start, end := align(safe, pos, s.end, pt.Text)
			if start < 0 {
				t.logger.Debug("token not aligned with text", "token", pt.Text, "offset", pos)
			} else {
				pos = end
			}
			out = append(out, token{
				text: pt.Text, tag: pt.Tag, label: "O",
				start: start, end: end, sent: sent, first: first, alone: s.alone,
			})
			first = false
		}
		sent++
	}
	return out, nil
}

// proseSafe returns text with the same byte length and offsets, where
// invalid UTF-8 bytes are spaces and letters whose lower case has another
// UTF-8 length ("İ", the Kelvin sign) are stand-ins of the same length and
// case. prose's tokenizer indexes a word with offsets found in its lower
// case and panics on such text.
func proseSafe(text string) string {
	var b []byte // nil until the first change
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		var repl string
		switch {
		case r == utf8.RuneError && n == 1:
			repl = " "
		case utf8.RuneLen(unicode.ToLower(r)) != n:
			repl = standIn(n, unicode.IsUpper(r))
		}
		if repl != "" && b == nil {
			b = make([]byte, 0, len(text))
			b = append(b, text[:i]...)
		}
		switch {
		case repl != "":
			b = append(b, repl...)
		case b != nil:
			b = append(b, text[i:i+n]...)
		}
		i += n
	}
	if b == nil {
		return text
	}
	return string(b)
}

// standIn returns a letter of n UTF-8 bytes whose lower case has the same
// length.
func standIn(n int, upper bool) string {
	switch {
	case n == 2 && upper:
		return "Ö" // Ö
	case n == 2:
		return "ö" // ö
	case n == 3 && upper:
		return "Ａ" // fullwidth A
	case n == 3:
		return "ａ" // fullwidth a
	case upper:
		return "𐐀" // Deseret capital long I
	}
	return "𐐨"
}

// sentences splits text into lines (a headline or paragraph never runs
// into the next) and each line into sentences, trimmed of surrounding space.
func (t *Tagger) sentences(text string) []sentSpan {
	var out []sentSpan
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) != "" {
			for _, s := range t.segmenter.Tokenize(line) {
				a, b := lineStart+s.Start, lineStart+s.End
				for a < b {
					r, n := utf8.DecodeRuneInString(text[a:])
					if !unicode.IsSpace(r) {
						break
					}
					a += n
				}
				for b > a {
					r, n := utf8.DecodeLastRuneInString(text[:b])
					if !unicode.IsSpace(r) {
						break
					}
					b -= n
				}
				if a < b {
					out = append(out, sentSpan{a, b, false})
				}
			}
		}
		if n := len(out); n > 0 && out[n-1].start >= lineStart && (n == 1 || out[n-2].start < lineStart) {
			out[n-1].alone = true
		}
		lineStart = lineEnd + 1
	}
	return out
}

// sentSpan is a sentence's byte span; alone reports that it is its line's
// only sentence.
type sentSpan struct {
	start, end int
	alone      bool
}

// alignWindow is how far past the expected position align looks for a
// token before giving up on it (in bytes). prose drops nothing but
// whitespace, so a token is normally found at once.
const alignWindow = 64

// align finds tok in text[from:limit], skipping whitespace, and returns its
// byte offsets, or -1, -1. It undoes prose's normalisation: curly quotes
// became straight ones and "&rsquo;" an apostrophe.
func align(text string, from, limit int, tok string) (int, int) {
	for from < limit {
		r, n := utf8.DecodeRuneInString(text[from:])
		if !unicode.IsSpace(r) {
			break
		}
		from += n
	}
	for p := from; p < limit && p <= from+alignWindow; {
		if end, ok := matchAt(text, p, limit, tok); ok {
			return p, end
		}
		_, n := utf8.DecodeRuneInString(text[p:])
		p += n
	}
	return -1, -1
}

// matchAt reports whether tok, as prose normalised it, is written at
// text[p:], and where it ends.
func matchAt(text string, p, limit int, tok string) (int, bool) {
	for _, want := range tok {
		if p >= limit {
			return 0, false
		}
		if want == '\'' && strings.HasPrefix(text[p:limit], "&rsquo;") {
			p += len("&rsquo;")
			continue
		}
		got, n := utf8.DecodeRuneInString(text[p:limit])
		switch {
		case got == want:
		case want == '"' && (got == '\u201c' || got == '\u201d'):
		case want == '\'' && (got == '\u2018' || got == '\u2019'):
		default:
			return 0, false
		}
		p += n
	}
	return p, true
}
