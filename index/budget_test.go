package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// wideDocs are n articles of 12 words each, every word new ("w00001"),
// said again in a quote each: 12n distinct words in text and in quote,
// more than MaxTerms from n = 86 on.
func wideDocs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		words := make([]string, 12)
		for j := range words {
			words[j] = fmt.Sprintf("w%05d", i*12+j)
		}
		docs[i] = Doc{
			ID:        fmt.Sprintf("d%03d", i),
			Title:     fmt.Sprintf("Article %d", i),
			Text:      strings.Join(words, " "),
			Published: time.Date(2020, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
			Quotes:    []Quote{{Text: "quoted " + strings.Join(words, " "), Speaker: "Ann Lee", Kind: "direct"}},
		}
	}
	return docs
}

// TestSearchMatchAll checks that a query of stars alone lists every
// article (not the quote documents) without scoring them, and does not
// expand * into every word of the index: on this index that would read
// more than MaxTerms terms and fail (issue 20: q=* took 2.7 s on 297
// articles).
func TestSearchMatchAll(t *testing.T) {
	t.Parallel()
	const n = 100
	ix := newTestIndex(t, wideDocs(n))
	for _, qs := range []string{"*", "**", "+*", strings.Repeat("* ", 16)} {
		t.Run(qs, func(t *testing.T) {
			t.Parallel()
			res, err := ix.Search(t.Context(), Request{Query: qs, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != n || len(res.Hits) != 10 {
				t.Fatalf("%d hits of %d, want 10 of %d", len(res.Hits), res.Total, n)
			}
			for _, h := range res.Hits {
				if h.Score != 0 || h.Fragments != nil || strings.Contains(h.ID, "#") {
					t.Errorf("hit %+v: want an article, unscored, without fragments", h)
				}
			}
			// Pages follow one another without overlap.
			next, err := ix.Search(t.Context(), Request{Query: qs, Limit: 10, Offset: 10})
			if err != nil {
				t.Fatal(err)
			}
			if next.Total != n || len(next.Hits) != 10 || next.Hits[0].ID == res.Hits[0].ID {
				t.Errorf("second page %v of %d, first %v", hitIDs(next), next.Total, hitIDs(res))
			}
		})
	}
	t.Run("newest", func(t *testing.T) {
		t.Parallel()
		res, err := ix.Search(t.Context(), Request{Query: "*", Limit: 3, Sort: SortNewest})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != n || !res.Hits[0].Published.Equal(time.Date(2020, 1, 28, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("total %d, first %v; want %d, the newest first", res.Total, res.Hits[0].Published, n)
		}
	})
	t.Run("with a term", func(t *testing.T) {
		t.Parallel()
		// Every article, the one with the word first.
		res, err := ix.Search(t.Context(), Request{Query: "w00123 *"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != n || res.Hits[0].ID != "d010" || res.Hits[0].Score == 0 {
			t.Errorf("total %d, first %+v; want %d, d010 scored first", res.Total, res.Hits[0], n)
		}
	})
	t.Run("none", func(t *testing.T) {
		t.Parallel()
		res, err := ix.Search(t.Context(), Request{Query: "-*"})
		if err != nil || res.Total != 0 {
			t.Errorf("-*: %v, %v; want no hits", res, err)
		}
	})
	t.Run("quotes and entities", func(t *testing.T) {
		t.Parallel()
		qr, err := ix.SearchQuotes(t.Context(), QuoteRequest{Query: "*"})
		if err != nil || qr.Total != n {
			t.Errorf("SearchQuotes(*): %v, %v; want %d quotes", qr, err, n)
		}
		ents, err := ix.Entities(t.Context(), EntityRequest{Type: SpeakerType, Query: "*"})
		if err != nil || len(ents) != 1 || ents[0].Quotes != n {
			t.Errorf("Entities(speaker, *): %v, %v; want Ann Lee with %d", ents, err, n)
		}
	})
}

// TestSearchOverBudget checks each budget of a search: the terms it may
// read, its expanding clauses, its deadline and its memory. Each is
// ErrOverBudget, not ErrBadQuery: the query is well formed.
func TestSearchOverBudget(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, wideDocs(100)) // 1,200 words w00000 to w01199
	past, cancel := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	t.Cleanup(cancel)
	tests := []struct {
		name string
		ctx  context.Context
		q    string
		msg  string
	}{
		{"prefix", t.Context(), "w*", "reads more than 1024 terms"},
		{"prefix in a field", t.Context(), "text:w0*", "reads more than 1024 terms"},
		{"regexp", t.Context(), "/w.*/", "reads more than 1024 terms"},
		{"regexp of a class", t.Context(), "/w[0-9]+/", "reads more than 1024 terms"},
		{"two prefixes", t.Context(), "text:w00* text:w01*", "reads more than 1024 terms"},
		{"expanding clauses", t.Context(), "a* b* c* d* e*", "5 wildcard, regular-expression and fuzzy clauses, more than 4"},
		{"fuzzy clauses", t.Context(), "w00001~1 w00002~1 w00003~1 w00004~1 /w0001.*/", "5 wildcard"},
		{"leading wildcard", t.Context(), "*001", "*001 starts with a wildcard"},
		{"leading ?", t.Context(), "w00001 ?00001", "?00001 starts with a wildcard"},
		{"field of stars", t.Context(), "title:*", "title:* starts with a wildcard"},
		{"regexp without a prefix", t.Context(), "/.*zzz.*/", "/.*zzz.*/ starts with a wildcard"},
		{"regexp alternatives", t.Context(), "-text:/(w0|x)1/", "text:/(w0|x)1/ starts"},
		{"deadline", past, "w00001", "longer than its time limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ix.Search(tc.ctx, Request{Query: tc.q})
			if !errors.Is(err, ErrOverBudget) || errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%q) error = %v, want ErrOverBudget", tc.q, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Search(%q) error = %q, want it to say %q", tc.q, err, tc.msg)
			}
			if tc.ctx == past && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v does not wrap context.DeadlineExceeded", err)
			}
		})
	}
	t.Run("within", func(t *testing.T) {
		t.Parallel()
		for _, q := range []string{"w0000*", "text:w00*", "w00001~1", "w00001 w00002 w00003 w00004 w00005", "/w0000[1-3]/", "w000?1"} {
			if _, err := ix.Search(t.Context(), Request{Query: q}); err != nil {
				t.Errorf("Search(%q): %v", q, err)
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		t.Parallel()
		_, err := ix.SearchQuotes(t.Context(), QuoteRequest{Query: "w*"})
		if !errors.Is(err, ErrOverBudget) {
			t.Errorf("SearchQuotes error = %v, want ErrOverBudget", err)
		}
	})
	t.Run("entities", func(t *testing.T) {
		t.Parallel()
		_, err := ix.Entities(t.Context(), EntityRequest{Query: "w*"})
		if !errors.Is(err, ErrOverBudget) {
			t.Errorf("Entities error = %v, want ErrOverBudget", err)
		}
		_, err = ix.Entities(t.Context(), EntityRequest{Top: MaxEntityTop + 1})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Entities(Top %d) error = %v, want ErrBadQuery", MaxEntityTop+1, err)
		}
	})
	t.Run("memory", func(t *testing.T) {
		t.Parallel()
		if err := checkMemory(MaxSearchMemory); err != nil {
			t.Errorf("checkMemory(MaxSearchMemory) = %v", err)
		}
		if err := checkMemory(MaxSearchMemory + 1); !errors.Is(err, ErrOverBudget) {
			t.Errorf("checkMemory(MaxSearchMemory+1) = %v, want ErrOverBudget", err)
		}
	})
}

func TestCheckSyntax(t *testing.T) {
	t.Parallel()
	tests := []struct {
		q   string
		bad string // the error names it; "" for none
	}{
		{`leak`, ""},
		{`title:(unclosed`, `"(" at byte 6`},
		{`(a b)`, `"(" at byte 0`},
		{`+person:"Neil Basu" -(x)`, `"(" at byte 21`},
		{`a)`, `")" at byte 1`},
		{`a\(b\)`, ""},
		{`\(leak`, ""},
		{`"(a phrase)"`, ""},
		{`"an \"escaped (\" quote"`, ""},
		{`/a(b|c)/`, ""},
		{`title:/a(b|c)/`, ""},
		{`+/(x)/`, ""},
		{`published:>="2019-07-01"`, ""},
		{`leak^2 cable~1 a:b`, ""},
		{`/a(b`, `"(" at byte 2`},
		{`"unterminated (`, ""}, // the parser's error
	}
	for _, tc := range tests {
		err := checkSyntax(tc.q)
		switch {
		case tc.bad == "" && err != nil:
			t.Errorf("checkSyntax(%q) = %v, want nil", tc.q, err)
		case tc.bad != "" && (err == nil || !strings.Contains(err.Error(), tc.bad)):
			t.Errorf("checkSyntax(%q) = %v, want it to say %s", tc.q, err, tc.bad)
		}
	}
}
