package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// ErrOverBudget is wrapped by the error of Search, SearchQuotes and
// Entities when a search would cost more than it may: its context's
// deadline passed (the error then also wraps context.DeadlineExceeded),
// it would read more than MaxTerms terms, it has more than
// MaxExpandingClauses wildcard, regular-expression or fuzzy clauses, or
// Bleve estimates it needs more than MaxSearchMemory bytes. The request is
// well formed; a narrower one, or a longer deadline, may succeed.
var ErrOverBudget = errors.New("search over budget")

// Budgets of one search. A wildcard such as * matched every word of the
// index once in each of the seven fields a clause without a field
// searches, and bleve made a searcher for each: on 297 articles q=*
// took 2.7 s, and 16 such clauses 38.8 s and 2 GB (issue 20).
const (
	// MaxTerms bounds the terms one search reads: each word of a clause
	// in each field it searches, and each word of the index that a
	// wildcard, prefix, regular expression or fuzzy term matches. Each
	// costs a searcher while the search runs, and time in proportion to
	// the documents it is in: on 10,000 Wikinews articles a* read 1,450
	// terms in 0.76 s, le* 170 in 50 ms, leak~2 270 in 110 ms. 1,024 is
	// Lucene's old default for the same limit.
	MaxTerms = 1024
	// MaxExpandingClauses bounds the wildcard (leak*), regular-expression
	// (/lea.*/) and fuzzy (leak~1) clauses of a query. Each one walks a
	// field's dictionary of words (the whole of it for *eak), once per
	// field it searches, before MaxTerms can stop it, and without
	// looking at the deadline.
	MaxExpandingClauses = 4
	// MaxSearchMemory bounds Bleve's estimate of the memory a search
	// needs (collector, searchers, the hits kept), in bytes.
	MaxSearchMemory = 64 << 20
	// MaxWindow bounds Offset+Limit: bleve keeps that many hits in
	// memory while it collects them.
	MaxWindow = 20_000
	// MaxEntityTop bounds EntityRequest.Top, the names listed per type.
	MaxEntityTop = 1000
)

// budgeted returns ctx carrying the budgets bleve enforces itself while
// it searches: MaxTerms, counted over the whole query, and
// MaxSearchMemory, checked once the searchers are built and before any
// document is read.
func budgeted(ctx context.Context) context.Context {
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, MaxTerms)
	return context.WithValue(ctx, bleve.SearchQueryStartCallbackKey, bleve.SearchQueryStartCallbackFn(checkMemory))
}

// checkMemory is bleve's SearchQueryStartCallbackFn for MaxSearchMemory;
// need is in bytes.
func checkMemory(need uint64) error {
	if need > MaxSearchMemory {
		return fmt.Errorf("%w: it needs about %d MiB, more than %d MiB", ErrOverBudget, need>>20, MaxSearchMemory>>20)
	}
	return nil
}

// searchError is the error of a bleve search that failed with err under
// ctx: ctx's error when it is done first (ErrOverBudget too when its
// deadline passed), ErrOverBudget for bleve's limit on terms, else err.
func searchError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		if !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w (%w)", ctxErr, err)
		}
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return fmt.Errorf("%w: it took longer than its time limit: %w", ErrOverBudget, err)
		}
		return err
	}
	// bleve's search.RecordTermSearcher returns a plain error.
	if strings.Contains(err.Error(), "TooManyTermSearchers") {
		return fmt.Errorf("%w: it reads more than %d terms; a clause without a field searches %d fields, and wildcards, prefixes, regular expressions and fuzzy terms read every word they match: make them longer or name a field",
			ErrOverBudget, MaxTerms, len(defaultFields))
	}
	return err
}

// checkWindow checks Offset and Limit of a request against MaxWindow.
// Its error wraps ErrBadQuery.
func checkWindow(limit, offset int) error {
	if limit < 0 || offset < 0 {
		return fmt.Errorf("negative limit %d or offset %d: %w", limit, offset, ErrBadQuery)
	}
	if limit > MaxWindow || offset > MaxWindow-limit {
		return fmt.Errorf("offset %d plus limit %d is more than %d: %w", offset, limit, MaxWindow, ErrBadQuery)
	}
	return nil
}

// matchAllStars replaces each clause of q that is only stars and names no
// field (*, **) by a match-all query. Bleve reads * as a wildcard that
// matches every word of every field searched; what the user means is
// every document, which bleve's match-all searcher walks without reading
// a word. Several match-alls in one list become one. title:* is left as
// it is: articles with a title, at the cost of every word of the titles.
func matchAllStars(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.WildcardQuery:
		if q.FieldVal == "" && q.Wildcard != "" && strings.Trim(q.Wildcard, "*") == "" {
			return query.NewMatchAllQuery()
		}
	case *query.BooleanQuery:
		if q.Must != nil {
			q.Must = matchAllStars(q.Must)
		}
		if q.Should != nil {
			q.Should = matchAllStars(q.Should)
		}
		if q.MustNot != nil {
			q.MustNot = matchAllStars(q.MustNot)
		}
	case *query.ConjunctionQuery:
		q.Conjuncts = oneMatchAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		q.Disjuncts = oneMatchAll(q.Disjuncts)
	}
	return q
}

// oneMatchAll applies matchAllStars to each of qs and keeps the first
// match-all among them.
func oneMatchAll(qs []query.Query) []query.Query {
	out := qs[:0]
	seen := false
	for _, c := range qs {
		c = matchAllStars(c)
		if _, all := c.(*query.MatchAllQuery); all {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, c)
	}
	return out
}

// isMatchAll reports whether q, a parsed query after matchAllStars,
// matches every document: its clauses are all match-alls.
func isMatchAll(q query.Query) bool {
	switch q := q.(type) {
	case *query.MatchAllQuery:
		return true
	case *query.BooleanQuery:
		if q.MustNot != nil || q.Must == nil && q.Should == nil {
			return false
		}
		return (q.Must == nil || isMatchAll(q.Must)) && (q.Should == nil || isMatchAll(q.Should))
	case *query.ConjunctionQuery:
		return len(q.Conjuncts) > 0 && allMatchAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return len(q.Disjuncts) > 0 && allMatchAll(q.Disjuncts)
	}
	return false
}

func allMatchAll(qs []query.Query) bool {
	for _, c := range qs {
		if !isMatchAll(c) {
			return false
		}
	}
	return true
}

// countExpanding counts the clauses of q that expand to the words of the
// index they match: wildcards, prefixes, regular expressions and fuzzy
// terms and phrases.
func countExpanding(q query.Query) int {
	switch q := q.(type) {
	case *query.BooleanQuery:
		n := 0
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				n += countExpanding(c)
			}
		}
		return n
	case *query.ConjunctionQuery:
		n := 0
		for _, c := range q.Conjuncts {
			n += countExpanding(c)
		}
		return n
	case *query.DisjunctionQuery:
		n := 0
		for _, c := range q.Disjuncts {
			n += countExpanding(c)
		}
		return n
	case *query.WildcardQuery, *query.RegexpQuery, *query.PrefixQuery, *query.FuzzyQuery:
		return 1
	case *query.MatchQuery:
		if q.Fuzziness != 0 {
			return 1
		}
	case *query.MatchPhraseQuery:
		if q.Fuzziness != 0 {
			return 1
		}
	}
	return 0
}

// checkExpanding checks q, a parsed query after matchAllStars, against
// MaxExpandingClauses, and refuses a wildcard or regular expression
// without a literal prefix (see leadingWildcard). Its error wraps
// ErrOverBudget.
func checkExpanding(q query.Query) error {
	if n := countExpanding(q); n > MaxExpandingClauses {
		return fmt.Errorf("%w: it has %d wildcard, regular-expression and fuzzy clauses, more than %d", ErrOverBudget, n, MaxExpandingClauses)
	}
	if p := leadingWildcard(q); p != "" {
		return fmt.Errorf("%w: %s starts with a wildcard, which reads every word of each field searched; start it with a letter or more", ErrOverBudget, p)
	}
	return nil
}

// leadingWildcard returns the first wildcard (*eak, title:*) or regular
// expression (/.*eak/) of q that has no literal prefix, as the user
// wrote it, or "". Bleve walks a field's dictionary to find the words
// such a clause matches; a literal prefix limits the walk to the words
// that start with it, but without one the walk takes in every word, and
// it does not stop for the search's deadline: four such clauses took 5 s
// on 3,000 generated articles under the race detector. Lucene's query
// parser refuses leading wildcards by default for the same reason.
func leadingWildcard(q query.Query) string {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				if p := leadingWildcard(c); p != "" {
					return p
				}
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if p := leadingWildcard(c); p != "" {
				return p
			}
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			if p := leadingWildcard(c); p != "" {
				return p
			}
		}
	case *query.WildcardQuery:
		if strings.IndexAny(q.Wildcard, "*?") == 0 {
			return fieldPrefix(q.FieldVal) + q.Wildcard
		}
	case *query.RegexpQuery:
		// checkQuery has compiled it with vellum; Go's syntax is a
		// superset.
		if re, err := regexp.Compile(q.Regexp); err != nil || hasNoPrefix(re) {
			return fieldPrefix(q.FieldVal) + "/" + q.Regexp + "/"
		}
	}
	return ""
}

func hasNoPrefix(re *regexp.Regexp) bool {
	prefix, _ := re.LiteralPrefix()
	return prefix == ""
}

func fieldPrefix(field string) string {
	if field == "" {
		return ""
	}
	return field + ":"
}
