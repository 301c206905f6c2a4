package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// articleDocs are a dated article with twelve quotes (more than ten, so
// that an order by the position as text would show) and an undated one
// with no URL, names or quotes.
func articleDocs() []Doc {
	long := Doc{
		ID: "long", Title: "Harbour wall: council answers", Source: "long.html",
		URL:          "https://news.example/long",
		Published:    time.Date(2021, 3, 2, 10, 30, 0, 0, time.FixedZone("CET", 3600)),
		Text:         "Mary Jones spoke.\n\nThe council met on Monday — “at last”, said one.\n\nÉmile Zola was not there.",
		Person:       []string{"Mary Jones", "Émile Zola", "Ann Lee"},
		Organization: []string{"Harbour Council"},
		Place:        []string{"Portree"},
		Speaker:      []string{"Mary Jones"},
		Hash:         "h1",
	}
	for i := range 12 {
		q := Quote{Text: fmt.Sprintf("Quote number %d.", i), Speaker: "Mary Jones", Kind: "direct"}
		if i%5 == 4 {
			q.Speaker, q.Kind = "", "partial"
		}
		long.Quotes = append(long.Quotes, q)
	}
	return []Doc{long, {ID: "bare", Title: "Bare", Source: "bare.txt", Text: "Nothing else.", Hash: "h2"}}
}

func TestArticle(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, articleDocs())
	docs := articleDocs()
	wantQuotes := make([]QuoteHit, len(docs[0].Quotes))
	for i, q := range docs[0].Quotes {
		wantQuotes[i] = QuoteHit{
			ID: quoteID("long", i), ArticleID: "long", Text: q.Text, Speaker: q.Speaker, Kind: q.Kind,
			Title: docs[0].Title, Source: docs[0].Source, URL: docs[0].URL,
			Published: time.Date(2021, 3, 2, 9, 30, 0, 0, time.UTC),
		}
	}
	tests := []struct {
		name    string
		id      string
		want    *Article
		wantErr error
	}{
		{"every stored field, quotes in order", "long", &Article{
			ID: "long", Title: docs[0].Title, Source: docs[0].Source, URL: docs[0].URL,
			Published: time.Date(2021, 3, 2, 9, 30, 0, 0, time.UTC),
			Text:      docs[0].Text,
			Person:    docs[0].Person, Organization: docs[0].Organization, Place: docs[0].Place,
			Speaker: docs[0].Speaker, Quotes: wantQuotes,
		}, nil},
		{"no date, names or quotes", "bare", &Article{
			ID: "bare", Title: "Bare", Source: "bare.txt", Text: "Nothing else.", Quotes: []QuoteHit{},
		}, nil},
		{"unknown ID", "nope", nil, ErrNotFound},
		{"empty ID", "", nil, ErrNotFound},
		{"a quote document's ID", quoteID("long", 0), nil, ErrNotFound},
		{"a prefix of an ID", "lon", nil, ErrNotFound},
		{"a pattern", "l.*", nil, ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ix.Article(t.Context(), tc.id)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Article(%q) error %v, want %v", tc.id, err, tc.wantErr)
			}
			if err != nil && tc.id != "" && !strings.Contains(err.Error(), tc.id) {
				t.Errorf("error %q does not name the ID", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Article(%q) =\n%+v\nwant\n%+v", tc.id, got, tc.want)
			}
		})
	}
}

// TestArticleAfterUpdate replaces an article by one with fewer quotes and
// another text: Article returns the new version only.
func TestArticleAfterUpdate(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, articleDocs())
	d := articleDocs()[0]
	d.Text, d.Hash, d.Quotes = "Rewritten.", "h3", d.Quotes[:2]
	w := ix.NewWriter()
	if st, err := w.Write(t.Context(), d); err != nil || st != Updated {
		t.Fatalf("Write: %v, %v", st, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := ix.Article(t.Context(), "long")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Rewritten." || len(a.Quotes) != 2 || a.Quotes[1].ID != quoteID("long", 1) {
		t.Errorf("text %q, %d quotes (%v); want the new text and 2 quotes", a.Text, len(a.Quotes), a.Quotes)
	}
}

func TestArticleErrors(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, articleDocs())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := ix.Article(ctx, "long"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
	closed, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = closed.Article(t.Context(), "long")
	if err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("closed index: %v, want a failure other than ErrNotFound", err)
	}
}

// BenchmarkArticle looks articles up by ID in an on-disk index of 5,000
// generated docs with three quotes each: Article, and the two
// regular-expression searches on _id and on the quotes' article field
// that serve's article page ran before Article existed.
func BenchmarkArticle(b *testing.B) {
	const nDocs = 5000
	ix, err := Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	g := newDocGen(3)
	w := ix.NewWriter()
	for i := range nDocs {
		d := g.doc(i)
		for range 3 {
			d.Quotes = append(d.Quotes, Quote{Text: g.words(20), Speaker: d.Person[0], Kind: "direct"})
		}
		if _, err := w.Write(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	lookups := []struct {
		name string
		get  func(id string) error
	}{
		{"Article", func(id string) error {
			_, err := ix.Article(b.Context(), id)
			return err
		}},
		{"regexp-searches", func(id string) error {
			if _, err := ix.Search(b.Context(), Request{Query: "_id:/" + id + "/", Limit: 1}); err != nil {
				return err
			}
			_, err := ix.SearchQuotes(b.Context(), QuoteRequest{Query: "article:/" + id + "/", Limit: 1000})
			return err
		}},
	}
	for _, l := range lookups {
		b.Run(l.name, func(b *testing.B) {
			n := 0
			start, cpu0 := time.Now(), cpuTime(b)
			for b.Loop() {
				if err := l.get(fmt.Sprintf("gen%07d", n*7919%nDocs)); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(n), "ms/article")
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/1000/float64(n), "cpu-ms/article")
		})
	}
}
