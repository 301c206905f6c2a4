package index

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// quoteDocs are two articles quoting different people: Basu about a leak,
// Trump about the ambassador, and a quote about a leak by someone else.
func quoteDocs() []Doc {
	return []Doc{
		{
			ID: "a1", Title: "Police open inquiry into cables leak", Source: "a1.txt",
			Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC),
			Text:      "Neil Basu said the leak had damaged relations. Donald Trump said he wished the ambassador well.",
			Person:    []string{"Neil Basu", "Donald Trump"}, Speaker: []string{"Neil Basu", "Donald Trump"},
			Quotes: []Quote{
				{Text: "The leak has damaged our relations abroad.", Speaker: "Neil Basu", Kind: "direct"},
				{Text: "I wish the ambassador well.", Speaker: "Donald Trump", Kind: "direct"},
				{Text: "Turn yourself in.", Speaker: "Neil Basu", Kind: "direct"},
			},
			Hash: "h1",
		},
		{
			ID: "a2", Title: "Trump on the leak", Source: "a2.txt",
			Published: time.Date(2019, 7, 13, 0, 0, 0, 0, time.UTC),
			Text:      "Donald Trump said the leak was bad. A reporter asked about Neil Basu.",
			Person:    []string{"Donald Trump", "Neil Basu"}, Speaker: []string{"Donald Trump"},
			Quotes: []Quote{
				{Text: "The leak was a very bad thing.", Speaker: "Donald Trump", Kind: "direct"},
				{Text: "leaker", Kind: "partial"},
			},
			Hash: "h2",
		},
	}
}

func quoteHitIDs(r *QuoteResults) []string {
	ids := []string{}
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearchQuotes(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, quoteDocs())
	tests := []struct {
		name string
		req  QuoteRequest
		want []string
	}{
		{"speaker and word", QuoteRequest{Query: "leak", Speaker: "Neil Basu"}, []string{"a1#q0"}},
		{"speaker field in the query", QuoteRequest{Query: `speaker:"Neil Basu" leak`}, []string{"a1#q0"}},
		{"word of another speaker's quote", QuoteRequest{Query: "ambassador", Speaker: "Neil Basu"}, []string{}},
		{"speaker only, newest article first", QuoteRequest{Speaker: "Donald Trump"}, []string{"a2#q0", "a1#q1"}},
		{"surname", QuoteRequest{Speaker: "basu"}, []string{"a1#q0", "a1#q2"}},
		{"word, any speaker, stemmed", QuoteRequest{Query: "leaks"}, []string{"a2#q0", "a1#q0"}},
		{"title words", QuoteRequest{Query: "title:inquiry"}, []string{"a1#q0", "a1#q1", "a1#q2"}},
		{"excluded word", QuoteRequest{Query: "-leak", Speaker: "Neil Basu"}, []string{"a1#q2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := ix.SearchQuotes(t.Context(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			got := quoteHitIDs(res)
			if tt.name == "word, any speaker, stemmed" || tt.name == "title words" || tt.name == "surname" {
				slices.Sort(got) // equal scores: order is not the point
				slices.Sort(tt.want)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("SearchQuotes(%+v) = %v, want %v", tt.req, got, tt.want)
			}
		})
	}
}

func TestSearchQuotesHit(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, quoteDocs())
	res, err := ix.SearchQuotes(t.Context(), QuoteRequest{Query: "relations", Speaker: "Neil Basu"})
	if err != nil {
		t.Fatal(err)
	}
	want := QuoteHit{
		ID: "a1#q0", ArticleID: "a1", Text: "The leak has damaged our relations abroad.", Speaker: "Neil Basu",
		Kind: "direct", Title: "Police open inquiry into cables leak", Source: "a1.txt",
		Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC),
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %+v, want one", res.Hits)
	}
	got := res.Hits[0]
	got.Score = 0
	if got != want {
		t.Errorf("hit = %+v\nwant %+v", got, want)
	}
}

func TestSearchQuotesBadRequest(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, quoteDocs())
	for _, req := range []QuoteRequest{{}, {Query: "  "}, {Query: `speaker:"Neil`}, {Speaker: "x", Limit: -1}} {
		if _, err := ix.SearchQuotes(t.Context(), req); !errors.Is(err, ErrBadQuery) {
			t.Errorf("SearchQuotes(%+v) error = %v, want ErrBadQuery", req, err)
		}
	}
}

// TestArticleSearchSkipsQuotes checks that quote documents never show up
// as articles, nor in Count.
func TestArticleSearchSkipsQuotes(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, quoteDocs())
	res, err := ix.Search(t.Context(), Request{Query: `speaker:"Neil Basu"`})
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(res); !slices.Equal(got, []string{"a1"}) {
		t.Errorf("Search = %v, want only the article a1", got)
	}
	checkCount(t, ix, 2)
}

// TestRewriteReplacesQuotes checks that re-ingesting an article replaces
// its quote documents, whether the old version is in the index or still in
// the pending batch.
func TestRewriteReplacesQuotes(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, quoteDocs())
	v2 := quoteDocs()[0]
	v2.Hash = "h1b"
	v2.Quotes = []Quote{{Text: "The inquiry continues.", Speaker: "Neil Basu", Kind: "direct"}}
	w := ix.NewWriter()
	if st, err := w.Write(t.Context(), v2); err != nil || st != Updated {
		t.Fatalf("Write v2 = %v, %v; want updated", st, err)
	}
	// A third version in the same batch, with no quotes at all.
	v3 := v2
	v3.Hash = "h1c"
	v3.Quotes = nil
	if st, err := w.Write(t.Context(), v3); err != nil || st != Updated {
		t.Fatalf("Write v3 = %v, %v; want updated", st, err)
	}
	v4 := v2
	v4.Hash = "h1d"
	if _, err := w.Write(t.Context(), v4); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.SearchQuotes(t.Context(), QuoteRequest{Speaker: "Neil Basu"})
	if err != nil {
		t.Fatal(err)
	}
	if got := quoteHitIDs(res); !slices.Equal(got, []string{"a1#q0"}) || res.Hits[0].Text != "The inquiry continues." {
		t.Errorf("after rewrites: %+v, want only the new quote a1#q0", res.Hits)
	}
	res, err = ix.SearchQuotes(t.Context(), QuoteRequest{Speaker: "Donald Trump"})
	if err != nil {
		t.Fatal(err)
	}
	if got := quoteHitIDs(res); !slices.Equal(got, []string{"a2#q0"}) {
		t.Errorf("Trump's quotes after a1 was rewritten = %v, want only a2's", got)
	}
	checkCount(t, ix, 2)
}
