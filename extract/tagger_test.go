package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/testnews"
	"github.com/bylinehq/byline/internal/benchdata"
)

// testTagger loads the model once for all tests in the package.
var testTagger = sync.OnceValues(func() (*Tagger, error) { return New() })

func tagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := testTagger()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tg
}

// TestEntityModelShared checks that every Tagger uses the one model the
// process loaded.
func TestEntityModelShared(t *testing.T) {
	t.Parallel()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if a.names != b.names || a.names == nil {
		t.Error("two Taggers hold different entity models; want the one loaded once")
	}
}

// checkOffsets fails t unless every entity of r is the slice of text its
// offsets say.
func checkOffsets(t testing.TB, name, text string, r Result) {
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

func TestTagResultShape(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"", "   \n\n  ", "no names here at all.", "Mr Alfred Pennyworth met the Gotham City Council."} {
		r, err := tagger(t).Tag(t.Context(), text, time.Time{})
		if err != nil {
			t.Fatalf("Tag(%q): %v", text, err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("null")) {
			t.Errorf("Tag(%q) marshals with null slices: %s", text, b)
		}
		checkOffsets(t, text, text, r)
	}
}

func TestTagCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := tagger(t).Tag(ctx, "Mr Alfred Pennyworth met Bruce Wayne.", time.Time{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Tag with cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestRecoverProse(t *testing.T) {
	t.Parallel()
	err := recoverProse("tag", func() error { panic("open weights.gob: no such file") })
	if err == nil || !strings.Contains(err.Error(), "prose panicked: open weights.gob") {
		t.Fatalf("recoverProse(panicking func) = %v, want an error naming the panic", err)
	}
	sentinel := errors.New("bad")
	if err := recoverProse("tag", func() error { return sentinel }); !errors.Is(err, sentinel) {
		t.Fatalf("recoverProse(failing func) = %v, want it to wrap %v", err, sentinel)
	}
}

// TestTagOffsetsCurlyText checks alignment through prose's normalisation
// on text full of typographic quotes and repeated words.
func TestTagOffsetsCurlyText(t *testing.T) {
	t.Parallel()
	text := "Headline about Mr O\u2019Sullivan\u2019s \u2018plan\u2019\n\n" +
		"\u201cWe will win,\u201d said Mr O\u2019Sullivan. \u201cWe will,\u201d said Ms Rhiannon Jones of the Welsh Rugby Union, \u201cwin.\u201d\n\n" +
		"Jones said Jones&rsquo;s team\u2026 would travel to Paris."
	r, err := tagger(t).Tag(t.Context(), text, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, "curly", text, r)
	want := map[string]string{"Rhiannon Jones": Person, "Welsh Rugby Union": Organization, "Paris": Place}
	for _, e := range r.Entities {
		delete(want, e.Canonical)
	}
	if len(want) > 0 {
		t.Errorf("missing %v in %+v", want, r.Entities)
	}
}

func TestTagConcurrent(t *testing.T) {
	t.Parallel()
	tg := tagger(t)
	texts := []string{
		"Dr Helen Okafor, a director at the World Health Organization, spoke in Geneva.",
		"Prime Minister Jacinda Ardern visited Auckland on Tuesday.",
		"The European Central Bank (ECB) held rates, the ECB said.",
	}
	want := make([]Result, len(texts))
	for i, text := range texts {
		r, err := tg.Tag(t.Context(), text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 3 {
				k := (g + i) % len(texts)
				r, err := tg.Tag(t.Context(), texts[k], time.Time{})
				if err != nil {
					t.Error(err)
					return
				}
				if got, exp := fmt.Sprint(r), fmt.Sprint(want[k]); got != exp {
					t.Errorf("concurrent Tag(%q) = %s, sequential %s", texts[k], got, exp)
				}
			}
		})
	}
	wg.Wait()
}

// TestTagWikinewsOffsets checks the offset invariant over every fifth
// wikinews development article (all of them take over two minutes under
// -race; FuzzTag covers odd input).
func TestTagWikinewsOffsets(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped with -short")
	}
	dir := benchdata.WikinewsDir()
	if dir == "" {
		t.Skip("shared/data/wikinews not found beside the repository")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		t.Skipf("no articles in %s", dir)
	}
	tg := tagger(t)
	for i, p := range paths {
		if i%5 != 0 {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := tg.Tag(t.Context(), string(b), time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		checkOffsets(t, filepath.Base(p), string(b), r)
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Mr Basu said: \u201cGo.\u201d",
		"The BBC and the Bank of England (BoE) met in London.",
		"Sir Ann\u2019s \u2018plan\u2019&rsquo;s O\u2019Neil.",
		"\xffInvalid UTF-8 Dr \xfe Who",
		"PRESIDENT OF THE UNITED STATES",
	} {
		f.Add(s)
	}
	tg, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := tg.Tag(t.Context(), text, time.Time{})
		if err != nil {
			t.Fatalf("Tag(%q): %v", text, err)
		}
		for _, e := range r.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("Tag(%q): entity %+v breaks the offset invariant", text, e)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	texts := taggerTexts(b)
	tg := tagger(b)
	ctx := context.Background()
	articles := 0
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			if _, err := tg.Tag(ctx, text, time.Time{}); err != nil {
				b.Fatal(err)
			}
			articles++
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(sec*1000/float64(articles), "ms/article")
	b.ReportMetric(float64(articles)/sec, "articles/s")
}

// taggerTexts reads the articles of extract's tagger expectations test.
func taggerTexts(tb testing.TB) []string {
	tb.Helper()
	return testnews.Texts(tb, filepath.Join("testdata", "tagger"))
}
