package index

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// testDocs is a small made-up corpus. a3 shares a surname with a1's
// people and has no date; a4 falls in the month after a1.
func testDocs() []Doc {
	return []Doc{
		{
			ID:           "a1",
			Title:        "Ambassador resigns after cables leak",
			Source:       "testdata/a1.html",
			URL:          "https://news.example/a1",
			Published:    time.Date(2019, 7, 10, 9, 30, 0, 0, time.UTC),
			Text:         "The ambassador resigned on Wednesday after leaked diplomatic cables criticised the administration. Police said an inquiry into the leak had begun.",
			Person:       []string{"Kim Darroch", "Neil Basu"},
			Organization: []string{"Foreign Office", "Metropolitan Police"},
			Place:        []string{"Washington", "London"},
			Speaker:      []string{"Neil Basu"},
			Quote:        []string{"We will pursue those responsible for the leaks."},
			Hash:         "h1",
		},
		{
			ID:           "a2",
			Title:        "Police chief defends officers",
			Source:       "testdata/a2.html",
			Published:    time.Date(2017, 12, 4, 12, 0, 0, 0, time.FixedZone("CET", 3600)),
			Text:         "The commissioner defended her officers over the handling of material found on a computer.",
			Person:       []string{"Cressida Dick", "Damian Green"},
			Organization: []string{"Metropolitan Police"},
			Place:        []string{"London"},
			Speaker:      []string{"Cressida Dick"},
			Quote:        []string{"I am confident my officers acted properly."},
			Hash:         "h2",
		},
		{
			ID:     "a3",
			Title:  "Brothers open a bakery",
			Source: "testdata/a3.txt",
			Text:   "Two brothers, Raj and Sunil Basu, opened a bakery in Leeds on Saturday.",
			Person: []string{"Raj Basu", "Sunil Basu"},
			Place:  []string{"Leeds"},
			Hash:   "h3",
		},
		{
			ID:        "a4",
			Title:     "Heatwave expected in Paris",
			Source:    "testdata/a4.txt",
			Published: time.Date(2019, 8, 2, 0, 0, 0, 0, time.UTC),
			Text:      "Forecasters expect temperatures above 40C in Paris next week.",
			Place:     []string{"Paris"},
			Hash:      "h4",
		},
	}
}

// newTestIndex returns a memory index holding docs.
func newTestIndex(t testing.TB, docs []Doc) *Index {
	t.Helper()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	for _, d := range docs {
		if _, err := w.Write(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func hitIDs(r *Results) []string {
	ids := make([]string, 0, len(r.Hits))
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearchQueries(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, testDocs())
	tests := []struct {
		name  string
		query string
		want  []string // IDs, sorted
	}{
		{"unqualified term in text", "inquiry", []string{"a1"}},
		{"unqualified term stemmed", "leaks", []string{"a1"}},
		{"unqualified term in title", "heatwave", []string{"a4"}},
		{"unqualified term in quote only", "pursue", []string{"a1"}},
		{"unqualified phrase", `"diplomatic cables"`, []string{"a1"}},
		{"unqualified term in entity only", "darroch", []string{"a1"}},
		{"unqualified name phrase in entity only", `"kim darroch"`, []string{"a1"}},
		{"unqualified fuzzy", "cabels~1", []string{"a1"}},
		{"unqualified wildcard", "diplom*", []string{"a1"}},
		{"unqualified excluded", "+london -darroch", []string{"a2"}},
		{"unqualified boost", "bakery^3 heatwave", []string{"a3", "a4"}},
		{"star matches all", "*", []string{"a1", "a2", "a3", "a4"}},
		{"regexp", "title:/resign.*/", []string{"a1"}},
		{"unqualified terms are optional", "bakery heatwave", []string{"a3", "a4"}},
		{"required and excluded", "+police -leak", []string{"a2"}},
		{"person surname", "person:basu", []string{"a1", "a3"}},
		{"person case-insensitive", "person:BASU", []string{"a1", "a3"}},
		{"person phrase", `person:"Neil Basu"`, []string{"a1"}},
		{"person phrase lower case", `person:"neil basu"`, []string{"a1"}},
		{"person not stemmed", "person:basus", nil},
		{"person exact", `person_exact:"Neil Basu"`, []string{"a1"}},
		{"person exact is case-sensitive", `person_exact:"neil basu"`, nil},
		{"person exact needs whole name", `person_exact:"Basu"`, nil},
		{"organization phrase", `organization:"metropolitan police"`, []string{"a1", "a2"}},
		{"organization exact", `organization_exact:"Foreign Office"`, []string{"a1"}},
		{"place", "place:london", []string{"a1", "a2"}},
		{"speaker", "speaker:dick", []string{"a2"}},
		{"speaker is not person", "speaker:green", nil},
		{"quote stemmed", "quote:confidently", []string{"a2"}},
		{"title field", "title:resign", []string{"a1"}},
		{"title field excludes text", "title:diplomatic", nil},
		{"source keyword", "source:testdata/a3.txt", []string{"a3"}},
		{"date from", `published:>="2019-07-01"`, []string{"a1", "a4"}},
		{"date month", `published:>="2019-07-01" published:<"2019-08-01"`, []string{"a1"}},
		{"date before", `published:<"2018-01-01"`, []string{"a2"}},
		{"zero date is not year 1", `published:<"1900-01-01"`, nil},
		{"date range filters terms", `police published:>="2019-01-01"`, []string{"a1"}},
		{"date range filters required terms", `+police published:>="2019-01-01"`, []string{"a1"}},
		{"date range with optional terms after required", `+london police published:>="2019-01-01"`, []string{"a1"}},
		{"date is UTC", `published:>="2017-12-04T11:00:00Z" published:<="2017-12-04T11:00:00Z"`, []string{"a2"}},
		{"hash is not searchable", "hash:h1", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := ix.Search(t.Context(), Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
			}
			if res.Total != uint64(len(tc.want)) {
				t.Errorf("Search(%q).Total = %d, want %d", tc.query, res.Total, len(tc.want))
			}
		})
	}
}

func TestSearchBadRequest(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, testDocs())
	tests := []struct {
		name string
		req  Request
		msg  string // in the error
	}{
		{"unclosed phrase", Request{Query: `person:"Neil`}, "unterminated quote"},
		{"bad date", Request{Query: `published:>="July"`}, "invalid time"},
		{"bad regexp", Request{Query: "/[/"}, "missing closing ]"},
		{"bad regexp in field", Request{Query: "title:/(/"}, "missing closing )"},
		{"regexp assertion", Request{Query: "/leak$/"}, "zero width"},
		{"fuzziness too high", Request{Query: "leak~3"}, "fuzziness 3 exceeds"},
		{"empty", Request{Query: "  "}, "empty query"},
		{"negative limit", Request{Query: "leak", Limit: -1}, "negative"},
		{"unknown sort", Request{Query: "leak", Sort: "title"}, "unknown sort"},
		// Bleve reads these as words, parentheses stripped, and finds
		// nothing or the wrong articles (issue 20).
		{"unclosed parenthesis", Request{Query: "title:(unclosed"}, `"(" at byte 6 of "(unclosed": the query syntax has no parentheses`},
		{"grouping", Request{Query: "+(leak cables) -police"}, `"(" at byte 1`},
		{"closing parenthesis", Request{Query: "leak)"}, `")" at byte 4`},
		{"window", Request{Query: "leak", Limit: 100, Offset: MaxWindow}, "is more than"},
		{"limit", Request{Query: "leak", Limit: MaxWindow + 1}, "is more than"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ix.Search(t.Context(), tc.req)
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%+v) error = %v, want ErrBadQuery", tc.req, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Search(%+v) error = %q, want it to contain %q", tc.req, err, tc.msg)
			}
		})
	}
}

func TestSearchHighlight(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, testDocs())
	tests := []struct {
		query string
		field string
		want  string // substring of the fragment
	}{
		{"leak", "text", "Police said an inquiry into the «leak» had begun."},
		{"leak", "text", "after «leaked» diplomatic"},
		{"leak", "title", "after cables «leak»"},
		{"text:leak", "text", "the «leak» had"},
		{"responsible", "quote", "those «responsible» for"},
		{`"diplomatic cables"`, "text", "«diplomatic» «cables»"},
	}
	for _, tc := range tests {
		t.Run(tc.query+"/"+tc.field, func(t *testing.T) {
			t.Parallel()
			res, err := ix.Search(t.Context(), Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("Search(%q): no hits", tc.query)
			}
			frags := res.Hits[0].Fragments[tc.field]
			if !slices.ContainsFunc(frags, func(f string) bool { return strings.Contains(f, tc.want) }) {
				t.Errorf("Search(%q) fragments[%s] = %q, want one containing %q", tc.query, tc.field, frags, tc.want)
			}
		})
	}

	t.Run("no fragment without a match", func(t *testing.T) {
		t.Parallel()
		res, err := ix.Search(t.Context(), Request{Query: "text:leak"})
		if err != nil {
			t.Fatal(err)
		}
		if f, ok := res.Hits[0].Fragments["title"]; ok {
			t.Errorf("title fragment %q for a query on text only", f)
		}
	})
}

func TestSearchHitFields(t *testing.T) {
	t.Parallel()
	docs := testDocs()
	ix := newTestIndex(t, docs)
	res, err := ix.Search(t.Context(), Request{Query: "commissioner"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(res.Hits))
	}
	h := res.Hits[0]
	h.Score = 0
	h.Fragments = nil
	d := docs[1]
	want := Hit{
		ID:           d.ID,
		Title:        d.Title,
		Source:       d.Source,
		Published:    d.Published.UTC(),
		Person:       d.Person,
		Organization: d.Organization,
		Place:        d.Place,
		Speaker:      d.Speaker,
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("hit = %+v\nwant %+v", h, want)
	}

	res, err = ix.Search(t.Context(), Request{Query: "bakery"})
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Hits[0].Published; !p.IsZero() {
		t.Errorf("undated doc has Published %v", p)
	}
	if u := res.Hits[0].URL; u != "" {
		t.Errorf("doc without URL has URL %q", u)
	}
}

func TestSearchOrderAndPaging(t *testing.T) {
	t.Parallel()
	// Identical docs score the same, so only the index order orders them:
	// pages must be slices of one order, the same on every request.
	var docs []Doc
	for _, id := range []string{"d", "b", "e", "a", "c"} {
		docs = append(docs, Doc{ID: id, Title: "Harbour", Text: "harbour walls", Hash: id})
	}
	ix := newTestIndex(t, docs)
	all, err := ix.Search(t.Context(), Request{Query: "harbour"})
	if err != nil {
		t.Fatal(err)
	}
	order := hitIDs(all)
	if got := slices.Sorted(slices.Values(order)); !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) {
		t.Fatalf("Search(harbour) = %v, want each doc once", order)
	}

	tests := []struct {
		req  Request
		want []string
	}{
		{Request{Query: "harbour"}, order},
		{Request{Query: "harbour", Limit: 2}, order[:2]},
		{Request{Query: "harbour", Limit: 2, Offset: 2}, order[2:4]},
		{Request{Query: "harbour", Offset: 4}, order[4:]},
	}
	for _, tc := range tests {
		res, err := ix.Search(t.Context(), tc.req)
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%+v) = %v, want %v", tc.req, got, tc.want)
		}
		if res.Total != 5 {
			t.Errorf("Search(%+v).Total = %d, want 5", tc.req, res.Total)
		}
	}
}

func TestSearchSortByDate(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, testDocs())
	tests := []struct {
		sort string
		want []string
	}{
		{SortNewest, []string{"a4", "a1", "a2", "a3"}},
		{SortOldest, []string{"a2", "a1", "a4", "a3"}},
	}
	for _, tc := range tests {
		t.Run(tc.sort, func(t *testing.T) {
			t.Parallel()
			// Every doc has a title, so "title:*"-like matching is done
			// with terms covering all four.
			res, err := ix.Search(t.Context(), Request{Query: "ambassador police bakery heatwave", Sort: tc.sort})
			if err != nil {
				t.Fatal(err)
			}
			if got := hitIDs(res); !slices.Equal(got, tc.want) {
				t.Errorf("sort %q = %v, want %v", tc.sort, got, tc.want)
			}
		})
	}
}

func TestSearchCancelled(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, testDocs())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := ix.Search(ctx, Request{Query: "leak"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Search with cancelled context: error = %v, want context.Canceled", err)
	}
}

// TestDocFieldsMapped checks that every Doc JSON tag is a mapped field
// path, since users type the tags in queries.
func TestDocFieldsMapped(t *testing.T) {
	t.Parallel()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	dm := m.TypeMapping[docType]
	typ := reflect.TypeFor[Doc]()
	for i := range typ.NumField() {
		tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if _, ok := dm.Properties[tag]; !ok {
			t.Errorf("Doc field %s (json %q) has no mapping", typ.Field(i).Name, tag)
		}
	}
	if all, ok := dm.Properties["_all"]; !ok || all.Enabled {
		t.Error("_all is not disabled")
	}
	fields, err := newTestIndex(t, testDocs()).b.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(fields, "_all") {
		t.Errorf("index has an _all field: %v", fields)
	}
	indexed := 0
	for i := range typ.NumField() {
		if tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ","); tag != "-" {
			indexed++
		}
	}
	if len(dm.Properties) != indexed+1 { // plus _all
		t.Errorf("mapping has %d properties, Doc has %d indexed fields", len(dm.Properties)-1, indexed)
	}
}

func TestSearchDateRangeJoined(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ix := newTestIndex(t, []Doc{
		{ID: "july", Title: "July", Hash: "1", Date: []time.Time{day(2019, 7, 10)}},
		{ID: "around", Title: "Around", Hash: "2", Date: []time.Time{day(2018, 5, 1), day(2020, 5, 1)}},
		{ID: "edges", Title: "Edges", Hash: "3", Date: []time.Time{day(2019, 6, 30), day(2019, 8, 1)}},
		{ID: "first", Title: "First", Hash: "4", Date: []time.Time{day(2019, 7, 1)}},
	})
	tests := []struct {
		name, q string
		want    []string
	}{
		// Two bounds on one field are one range: a value must lie in it.
		{"month", `date:>="2019-07-01" date:<"2019-08-01"`, []string{"first", "july"}},
		{"bounds in either order", `date:<"2019-08-01" date:>="2019-07-01"`, []string{"first", "july"}},
		{"exclusive start", `date:>"2019-07-01" date:<"2019-08-01"`, []string{"july"}},
		{"inclusive end", `date:>="2019-07-02" date:<="2019-08-01"`, []string{"edges", "july"}},
		{"tighter bound wins", `date:>="2019-01-01" date:>="2019-07-02" date:<"2019-08-01"`, []string{"july"}},
		{"open range", `date:>="2020-01-01"`, []string{"around"}},
		{"with a term", `july date:>="2019-07-01" date:<"2019-08-01"`, []string{"july"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := ix.Search(t.Context(), Request{Query: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Search(%s) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}
