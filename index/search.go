package index

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	plainformat "github.com/blevesearch/bleve/v2/search/highlight/format/plain"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
	vellumregexp "github.com/blevesearch/vellum/regexp"
)

// ErrBadQuery is wrapped by Search's error when the request cannot be
// run as given: a query-string syntax error (the parser's message is
// kept), an invalid regular expression or fuzziness, an empty query, a
// negative Limit or Offset, or an unknown Sort.
var ErrBadQuery = errors.New("bad query")

// MarkStart and MarkEnd enclose each match in Hit.Fragments, as in
// "the «leaked» cables". Callers that print to a terminal may replace them
// (with ANSI bold, for instance). The text is not escaped: a guillemet in
// an article reads the same as a marker.
const (
	MarkStart = "«"
	MarkEnd   = "»"
)

// DefaultLimit is the number of hits Search returns when Request.Limit is 0.
const DefaultLimit = 10

// fragmentSize is the length in bytes of a highlighted fragment, bleve's
// default.
const fragmentSize = 200

// highlighterName is the bleve highlighter registered by this package:
// bleve's simple highlighter with MarkStart/MarkEnd around matches.
const highlighterName = "byline"

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return simplehighlighter.NewHighlighter(
			simplefragmenter.NewFragmenter(fragmentSize),
			plainformat.NewFragmentFormatter(MarkStart, MarkEnd),
			simplehighlighter.DefaultSeparator,
		), nil
	})
	if err != nil {
		panic(err) // only if another package registered our name
	}
}

// Sort orders of Request.Sort. Ties are broken by score, then by the
// order of the documents in the index, so equal requests on an index that
// has not changed give equal pages, and pages do not overlap. (Breaking
// ties by document ID, as Byline did, made bleve read the ID of every
// matching document, not just of those on the page: a third of the CPU
// time of a term search on 10,000 articles.)
const (
	SortRelevance = ""           // best score first
	SortNewest    = "-published" // latest Published first, undated last
	SortOldest    = "published"  // earliest Published first, undated last
)

// Request is a search. Query uses Bleve's query-string syntax
// (https://blevesearch.com/docs/Query-String-Query/): plain terms search
// title, text, quotes and entity names; field:term, field:"a phrase",
// +required, -excluded, person_exact:"Neil Basu" (exact, case-sensitive),
// published:>="2019-07-01" (quoted; a date without a zone is UTC).
// Unlike plain Bleve, an unprefixed range clause is required, not
// optional: published:>="2019-07-01" published:<"2019-08-01" is July 2019.
// Bounds on one date field make one range, met by one value: on the
// many-valued date field (dates the text mentions) that query means a
// date in July 2019 is mentioned.
type Request struct {
	Query string
	// Limit is the page size; 0 means DefaultLimit.
	Limit int
	// Offset is the number of hits skipped, for paging.
	Offset int
	// Sort is SortRelevance, SortNewest or SortOldest.
	Sort string
}

// Results is one page of hits.
type Results struct {
	// Total is the number of documents that matched, of which Hits is a page.
	Total uint64
	// Took is the time Bleve spent on the search.
	Took time.Duration
	Hits []Hit
}

// Hit is a matching document with its stored fields.
type Hit struct {
	ID     string
	Score  float64
	Title  string
	Source string
	URL    string
	// Published is in UTC (the index keeps no zone), seconds precision;
	// zero if the document had none.
	Published time.Time
	// Fragments maps "title", "text" and "quote" to the best fragment of
	// that field in which the query matched, with matches between
	// MarkStart and MarkEnd. Fields without a match are absent.
	Fragments    map[string][]string
	Person       []string
	Organization []string
	Place        []string
	Speaker      []string
}

// storedFields are the fields a Hit is filled from.
var storedFields = []string{
	fieldTitle, fieldSource, fieldURL, fieldPublished,
	fieldPerson, fieldOrganization, fieldPlace, fieldSpeaker,
}

// highlightFields are the fields Search returns fragments of.
var highlightFields = []string{fieldTitle, fieldText, fieldQuote}

// Search runs req. It returns an error wrapping ErrBadQuery for a request
// that cannot be run, ErrOverBudget for one that would cost more than a
// search may (see ErrOverBudget; ctx's deadline is the time budget), and
// ctx's error if ctx is done first. A query of stars (*) alone matches
// every article; those are returned unscored, in index order (or by
// date), without fragments.
func (ix *Index) Search(ctx context.Context, req Request) (*Results, error) {
	if strings.TrimSpace(req.Query) == "" {
		return nil, fmt.Errorf("search: empty query: %w", ErrBadQuery)
	}
	limit := req.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	if err := checkWindow(limit, req.Offset); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var order []string
	switch req.Sort {
	case SortRelevance:
		order = []string{"-_score"}
	case SortNewest, SortOldest:
		order = []string{req.Sort, "-_score"}
	default:
		return nil, fmt.Errorf("search: unknown sort %q: %w", req.Sort, ErrBadQuery)
	}
	q, all, err := articleQuery(req.Query)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}

	sr := bleve.NewSearchRequestOptions(q, limit, req.Offset, false)
	sr.SortBy(order)
	sr.Fields = storedFields
	if all {
		// Every article: no score to compute, no word to highlight.
		sr.Score = "none"
	} else {
		sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		sr.Highlight.Fields = highlightFields
	}

	res, err := ix.b.SearchInContext(budgeted(ctx), sr)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, searchError(ctx, err))
	}
	out := &Results{Total: res.Total, Took: res.Took, Hits: make([]Hit, 0, len(res.Hits))}
	if res.TotalRelation == bleve.TotalRelationGte {
		// Unscored, bleve stopped at the page's last hit: the total
		// is every article.
		n, err := ix.Count()
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
		out.Total = max(n, res.Total)
	}
	for _, dm := range res.Hits {
		out.Hits = append(out.Hits, newHit(dm))
	}
	return out, nil
}

// parseQuery parses qs, a query string of Request.Query or
// QuoteRequest.Query, and checks it: its error wraps ErrBadQuery for a
// mistake, ErrOverBudget for too many expanding clauses. Clauses of stars
// alone are match-alls (matchAllStars).
func parseQuery(qs string) (query.Query, error) {
	if err := checkSyntax(qs); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBadQuery, err)
	}
	q, err := query.NewQueryStringQuery(qs).Parse()
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBadQuery, err)
	}
	if err := checkQuery(q); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBadQuery, err)
	}
	q = matchAllStars(q)
	if err := checkExpanding(q); err != nil {
		return nil, err
	}
	return q, nil
}

// articleQuery parses qs, a query string of Request.Query, into the query
// Search runs: default fields expanded, date ranges required, quote
// documents excluded. all reports that it matches every article. Its
// error wraps ErrBadQuery or ErrOverBudget (parseQuery).
func articleQuery(qs string) (q query.Query, all bool, err error) {
	q, err = parseQuery(qs)
	if err != nil {
		return nil, false, err
	}
	if isMatchAll(q) {
		return articlesOnly(query.NewMatchAllQuery()), true, nil
	}
	q = rangesAsFilters(expandDefaultField(q))
	// Articles only: quote documents (quotes.go) share the index.
	q = articlesOnly(q)
	if v, ok := q.(query.ValidatableQuery); ok {
		if err := v.Validate(); err != nil {
			return nil, false, fmt.Errorf("%w: %s", ErrBadQuery, err)
		}
	}
	return q, false, nil
}

// checkQuery finds the mistakes in a parsed query that bleve reports only
// when it runs it, as errors indistinguishable from I/O failures: a
// regular expression that does not compile, a fuzziness above bleve's
// maximum (leak~3).
func checkQuery(q query.Query) error {
	fuzzy := func(f int) error {
		if f > searcher.MaxFuzziness {
			return fmt.Errorf("fuzziness %d exceeds the maximum, %d", f, searcher.MaxFuzziness)
		}
		return nil
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				if err := checkQuery(c); err != nil {
					return err
				}
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if err := checkQuery(c); err != nil {
				return err
			}
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			if err := checkQuery(c); err != nil {
				return err
			}
		}
	case *query.RegexpQuery:
		// scorch compiles with vellum, which rejects more than Go's
		// regexp does (zero-width assertions, automata too large).
		if _, err := vellumregexp.New(q.Regexp); err != nil {
			return err
		}
	case *query.MatchQuery:
		return fuzzy(q.Fuzziness)
	case *query.MatchPhraseQuery:
		return fuzzy(q.Fuzziness)
	case *query.FuzzyQuery:
		return fuzzy(q.Fuzziness)
	}
	return nil
}

// defaultFields are searched by a query clause that names no field: the
// article's words and the names found in it.
var defaultFields = []string{
	fieldTitle, fieldText, fieldQuote,
	fieldPerson, fieldOrganization, fieldPlace, fieldSpeaker,
}

// expandDefaultField replaces each clause of q without a field (leak,
// "diplomatic cables", cabels~1, diplo*) by a disjunction of copies of it,
// one per field of defaultFields. Each copy is analysed with its field's
// analyzer, so "leaked" is stemmed against text and not against person.
// A document matching in several fields scores higher.
func expandDefaultField(q query.Query) query.Query { return expandDefault(q, defaultFields) }

// expandDefault is expandDefaultField over fields.
func expandDefault(q query.Query, fields []string) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		if q.Must != nil {
			q.Must = expandDefault(q.Must, fields)
		}
		if q.Should != nil {
			q.Should = expandDefault(q.Should, fields)
		}
		if q.MustNot != nil {
			q.MustNot = expandDefault(q.MustNot, fields)
		}
		return q
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = expandDefault(c, fields)
		}
		return q
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = expandDefault(d, fields)
		}
		return q
	case query.FieldableQuery:
		if q.Field() != "" {
			return q
		}
		alts := make([]query.Query, len(fields))
		for i, f := range fields {
			alts[i] = withField(q, f)
		}
		return query.NewDisjunctionQuery(alts)
	}
	return q
}

// withField returns a shallow copy of q searching field.
func withField(q query.FieldableQuery, field string) query.Query {
	v := reflect.ValueOf(q)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return q
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	fq := c.Interface().(query.FieldableQuery)
	fq.SetField(field)
	return fq
}

// rangesAsFilters makes the optional (unprefixed) date and numeric range
// clauses of a parsed query string required, as if they had a +. Plain
// Bleve ORs unprefixed clauses, so published:>="2019-07-01"
// published:<"2019-08-01" would match every document dated after June or
// before August, and leak published:>="2019-07-01" everything from July.
// A range is a filter, so it is required; terms stay optional and rank.
func rangesAsFilters(q query.Query) query.Query {
	bq, ok := q.(*query.BooleanQuery)
	if !ok {
		return q
	}
	should, ok := bq.Should.(*query.DisjunctionQuery)
	if !ok {
		return q
	}
	var ranges, rest []query.Query
	for _, d := range should.Disjuncts {
		switch d.(type) {
		case *query.DateRangeQuery, *query.DateRangeStringQuery, *query.NumericRangeQuery:
			ranges = append(ranges, d)
		default:
			rest = append(rest, d)
		}
	}
	if len(ranges) == 0 {
		return q
	}
	hadMust := bq.Must != nil
	bq.AddMust(joinDateRanges(ranges)...)
	should.Disjuncts = rest
	switch {
	case len(rest) == 0:
		bq.Should = nil
	case !hadMust:
		// Without a required clause one of the terms had to match;
		// with the range now required, say so, or they would only rank.
		bq.SetMinShould(1)
	}
	return bq
}

// joinDateRanges joins the open-ended date ranges on one field, the
// two halves of date:>="2019-07-01" date:<"2019-08-01", into one closed
// range: a document matches if one of its values lies between the bounds.
// For a field with one value a document (published) that is what the two
// clauses meant anyway; for one with many (date) it is what the user
// means, "mentions a date in July", rather than "mentions a date from
// July on and a date before August". It is also what makes the query
// fast: each open range alone matches nearly every document (on 10,000
// articles, 6.6 CPU-ms against 1.4 for the closed range; cmd loadtest).
func joinDateRanges(ranges []query.Query) []query.Query {
	var out []query.Query
	byField := map[string]*query.DateRangeQuery{}
	for _, r := range ranges {
		d, ok := r.(*query.DateRangeQuery)
		if !ok {
			out = append(out, r)
			continue
		}
		j, seen := byField[d.FieldVal]
		if !seen {
			c := *d
			byField[d.FieldVal] = &c
			out = append(out, &c)
			continue
		}
		if !d.Start.IsZero() && (j.Start.IsZero() || d.Start.After(j.Start.Time) ||
			d.Start.Equal(j.Start.Time) && !inclusive(d.InclusiveStart, true)) {
			j.Start, j.InclusiveStart = d.Start, d.InclusiveStart
		}
		if !d.End.IsZero() && (j.End.IsZero() || d.End.Before(j.End.Time) ||
			d.End.Equal(j.End.Time) && !inclusive(d.InclusiveEnd, false)) {
			j.End, j.InclusiveEnd = d.End, d.InclusiveEnd
		}
	}
	return out
}

// inclusive reads a range bound's inclusiveness as bleve does: a start
// is inclusive unless said otherwise, an end exclusive.
func inclusive(b *bool, unset bool) bool {
	if b == nil {
		return unset
	}
	return *b
}

// newHit converts a bleve hit. Stored fields with one value come back from
// bleve as a scalar, with several as a []any.
func newHit(dm *search.DocumentMatch) Hit {
	h := Hit{
		ID:           dm.ID,
		Score:        dm.Score,
		Title:        firstString(dm.Fields[fieldTitle]),
		Source:       firstString(dm.Fields[fieldSource]),
		URL:          firstString(dm.Fields[fieldURL]),
		Person:       stringList(dm.Fields[fieldPerson]),
		Organization: stringList(dm.Fields[fieldOrganization]),
		Place:        stringList(dm.Fields[fieldPlace]),
		Speaker:      stringList(dm.Fields[fieldSpeaker]),
	}
	if p := firstString(dm.Fields[fieldPublished]); p != "" {
		if t, err := time.Parse(time.RFC3339, p); err == nil {
			h.Published = t.UTC()
		}
	}
	for field, frags := range dm.Fragments {
		for _, f := range frags {
			if !strings.Contains(f, MarkStart) {
				continue
			}
			if h.Fragments == nil {
				h.Fragments = make(map[string][]string)
			}
			h.Fragments[field] = append(h.Fragments[field], f)
		}
	}
	return h
}

func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func firstString(v any) string {
	if s := stringList(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

// articlesOnly restricts q to articles: quote documents (quotes.go) share
// the index and some fields.
func articlesOnly(q query.Query) query.Query {
	// Into the parsed query's own boolean rather than around it: one
	// searcher less for every hit to pass through.
	if bq, ok := q.(*query.BooleanQuery); ok {
		bq.AddMustNot(unscored{isQuoteDoc()})
		return bq
	}
	return query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{unscored{isQuoteDoc()}})
}

// unscored is a query searched without scores, frequencies or term
// vectors, for a must-not clause: bleve searches those with the options
// of the whole request, so advancing the quote-document clause past every
// candidate read the frequency and norm of every quote document it
// skipped, a third of the CPU time of a term search. (Bleve's own
// Filter clause, which does this, goes through a match-all searcher and
// cost more.)
type unscored struct{ query.Query }

// Searcher implements query.Query.
func (u unscored) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, _ search.SearcherOptions) (search.Searcher, error) {
	return u.Query.Searcher(ctx, i, m, search.SearcherOptions{Score: "none"})
}
