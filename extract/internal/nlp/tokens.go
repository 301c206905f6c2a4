package nlp

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Tokenizer splits text into sentences and tokens and tags each token's
// part of speech, with prose's model (loaded once by NewTokenizer) and a
// Punkt sentence segmenter. A Tokenizer is safe for concurrent use; the
// zero value is not usable.
type Tokenizer struct {
	model     *prose.Model
	pos       *posTagger // prose's part-of-speech model, faster; nil: prose's own
	segmenter *sentences.DefaultSentenceTokenizer
	logger    *slog.Logger
}

// NewTokenizer loads prose's model and the English sentence segmenter.
// prose panics when its embedded model fails to load; NewTokenizer does
// not recover that, its caller does. logger receives tokens that could not
// be aligned with the text, at debug level.
func NewTokenizer(logger *slog.Logger) (*Tokenizer, error) {
	// An empty document with tagging and extraction on makes prose load
	// its default model, which it exposes as Document.Model.
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	model := doc.Model
	// prose rebuilds its Punkt segmenter (parsing its training data, about
	// 25 ms) on every NewDocument that segments; build the same English
	// segmenter once instead. It also reports sentence offsets.
	seg, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, err
	}
	if model == nil {
		return nil, fmt.Errorf("prose returned no model")
	}
	return &Tokenizer{model: model, pos: newPOSTagger(model), segmenter: seg, logger: logger}, nil
}

// Token is one prose token aligned with the text: text[Start:End] is the
// token as written (prose normalises curly quotes, so Text may differ).
type Token struct {
	Text       string // prose's token text
	Tag        string // Penn Treebank part of speech
	Label      string // the entity model's IOB label ("O", "B-PERSON", …)
	Start, End int    // byte offsets into the tagged text; -1 if unaligned
	Sent       int    // sentence number
	First      bool   // first token of its sentence
	Alone      bool   // its sentence is a whole line (a headline, a short paragraph)
	Title      bool   // the token is in the article's headline (set by the caller)
}

// Tokens segments text into sentences once, tags each sentence with its own
// prose document and aligns the tokens with the text.
//
// One document per sentence matters: prose's tokenizer caches the tokens of
// each whitespace-separated word, so repeated words in one document share a
// token and the last occurrence's tag and label overwrite the earlier ones.
func (t *Tokenizer) Tokens(ctx context.Context, text string) ([]Token, error) {
	var out []Token
	sent := 0
	safe := proseSafe(text)
	for _, s := range t.sentences(safe) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ptoks, err := t.proseTokens(breakLongWords(safe[s.start:s.end]))
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
			out = append(out, Token{
				Text: pt.Text, Tag: pt.Tag, Label: "O",
				Start: start, End: end, Sent: sent, First: first, Alone: s.alone,
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
func (t *Tokenizer) sentences(text string) []sentSpan {
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
