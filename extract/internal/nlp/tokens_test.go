package nlp

import (
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/testnews"
)

// testTokenizer loads prose's model once for all tests in the package.
var testTokenizer = sync.OnceValues(func() (*Tokenizer, error) { return NewTokenizer(slog.New(slog.DiscardHandler)) })

func tokenizer(t testing.TB) *Tokenizer {
	t.Helper()
	tk, err := testTokenizer()
	if err != nil {
		t.Fatalf("NewTokenizer: %v", err)
	}
	return tk
}

func TestAlign(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, tok string
		from            int
		start, end      int
	}{
		{"plain", "Mr Basu said", "Basu", 2, 3, 7},
		{"curly apostrophe", "Britain\u2019s envoy", "'s", 7, 7, 11},
		{"curly double quote", "said: \u201cGo\u201d", `"`, 5, 6, 9},
		{"html entity apostrophe", "Britain&rsquo;s envoy", "'s", 7, 7, 15},
		{"skips unknown bytes", "a \u200bword", "word", 1, 5, 9},
		{"missing", "nothing here", "Basu", 0, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start, end := align(tt.text, tt.from, len(tt.text), tt.tok)
			if start != tt.start || end != tt.end {
				t.Fatalf("align(%q, %d, %q) = %d, %d; want %d, %d", tt.text, tt.from, tt.tok, start, end, tt.start, tt.end)
			}
		})
	}
}

func TestProseSafe(t *testing.T) {
	t.Parallel()
	tests := []string{
		"plain ASCII",
		"\x80\x98&rsquo's",
		"\u0130stanbul and the \u212a scale, \u1e9e, \ufffd",
		"caf\xc3",
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			out := proseSafe(in)
			if len(out) != len(in) {
				t.Fatalf("proseSafe(%q) = %q: length %d, want %d", in, out, len(out), len(in))
			}
			if !utf8.ValidString(out) {
				t.Fatalf("proseSafe(%q) = %q is not valid UTF-8", in, out)
			}
			if len(strings.ToLower(out)) != len(out) {
				t.Fatalf("proseSafe(%q) = %q changes length in lower case", in, out)
			}
			if _, err := tokenizer(t).Tokens(t.Context(), in); err != nil {
				t.Fatalf("Tokens(%q): %v", in, err)
			}
		})
	}
}

// BenchmarkTokens times Tokens on the tagger's test articles with the fast
// part-of-speech tagger and with prose's own, for comparison:
// go test -run='^$' -bench=Tokens -cpu=1 ./extract/internal/nlp
func BenchmarkTokens(b *testing.B) {
	fast := tokenizer(b)
	slow := *fast
	slow.pos = nil
	texts := taggerTexts(b)
	for _, tk := range []struct {
		name string
		t    *Tokenizer
	}{{"fast", fast}, {"prosepos", &slow}} {
		b.Run(tk.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, text := range texts {
					if _, err := tk.t.Tokens(b.Context(), text); err != nil {
						b.Fatal(err)
					}
				}
				n += len(texts)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(n), "ms/article")
		})
	}
}

// taggerTexts reads the articles of extract's tagger golden test.
func taggerTexts(tb testing.TB) []string {
	tb.Helper()
	return testnews.Texts(tb, filepath.Join("..", "..", "testdata", "tagger"))
}
