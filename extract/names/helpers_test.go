package names

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/nlp"
	"github.com/bylinehq/byline/extract/internal/testnews"
)

// testTokenizer loads prose's model once for all tests in the package.
var testTokenizer = sync.OnceValues(func() (*nlp.Tokenizer, error) { return nlp.NewTokenizer(slog.New(slog.DiscardHandler)) })

// result is what the tests read of a tagged text.
type result struct {
	Entities []Entity
}

// tag finds the entities of text as extract.Tagger.Tag does: tokens, then
// the model and the rules.
func tag(t testing.TB, text string) (result, error) {
	t.Helper()
	toks, err := tokens(t, context.Background(), text)
	if err != nil {
		return result{}, err
	}
	return result{Entities: model(t).Find(text, toks)}, nil
}

func tokens(t testing.TB, ctx context.Context, text string) ([]nlp.Token, error) {
	t.Helper()
	tk, err := testTokenizer()
	if err != nil {
		t.Fatalf("NewTokenizer: %v", err)
	}
	return tk.Tokens(ctx, text)
}

func model(t testing.TB) *Model {
	t.Helper()
	m, err := LoadModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkOffsets fails t unless every entity of r is the slice of text its
// offsets say.
func checkOffsets(t testing.TB, name, text string, r result) {
	t.Helper()
	for _, e := range r.Entities {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			t.Errorf("%s: entity %+v: offsets out of range [0,%d]", name, e, len(text))
			continue
		}
		if got := text[e.Start:e.End]; got != e.Text {
			t.Errorf("%s: text[%d:%d] = %q, entity text %q", name, e.Start, e.End, got, e.Text)
		}
		if !utf8.ValidString(e.Text) || strings.TrimSpace(e.Text) != e.Text {
			t.Errorf("%s: entity text %q is not trimmed valid UTF-8", name, e.Text)
		}
		switch e.Type {
		case Person, Organization, Place:
		default:
			t.Errorf("%s: entity %+v has type %q", name, e, e.Type)
		}
	}
}

// taggerTexts reads the articles of extract's tagger golden test.
func taggerTexts(tb testing.TB) []string {
	tb.Helper()
	return testnews.Texts(tb, filepath.Join("..", "testdata", "tagger"))
}
