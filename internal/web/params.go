package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

// The parameters of the pages and the API, read from the URL and
// checked, and the queries they make of the index.

// intParam reads the integer parameter name from vals: def when absent, an error
// below lo, capped at hi when capped, else an error above hi.
func intParam(vals url.Values, name string, def, lo, hi int, capped bool) (int, error) {
	v := vals.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return 0, badRequest("%s must be a whole number, not %q", name, v)
	case n < lo:
		return 0, badRequest("%s must be %d or more", name, lo)
	case n > hi && capped:
		return hi, nil
	case n > hi:
		return 0, badRequest("%s must be %d or less", name, hi)
	}
	return n, nil
}

// pageParams reads limit (default def, capped at maxLimit) and offset.
func pageParams(vals url.Values, def int) (limit, offset int, err error) {
	if limit, err = intParam(vals, "limit", def, 1, maxLimit, true); err != nil {
		return 0, 0, err
	}
	offset, err = intParam(vals, "offset", 0, 0, maxOffset, false)
	return limit, offset, err
}

// textParam reads a query-text parameter, bounded in length.
func textParam(vals url.Values, name string) (string, error) {
	v := vals.Get(name)
	if len(v) > maxQueryBytes {
		return "", badRequest("%s is longer than %d bytes", name, maxQueryBytes)
	}
	return v, nil
}

// sorts maps the sort parameter to index.Request.Sort.
var sorts = []struct{ name, value string }{
	{"relevance", index.SortRelevance},
	{"newest", index.SortNewest},
	{"oldest", index.SortOldest},
}

func sortParam(vals url.Values) (name, value string, err error) {
	name = vals.Get("sort")
	if name == "" {
		name = "relevance"
	}
	for _, s := range sorts {
		if s.name == name {
			return name, s.value, nil
		}
	}
	return "", "", badRequest("sort must be relevance, newest or oldest, not %q", name)
}

// The queries of the pages and the API: each parsed from the URL, then
// run on the index.

type searchQuery struct {
	Query, Sort   string
	Limit, Offset int
	sort          string // index.Request.Sort
}

func parseSearch(r *http.Request) (searchQuery, error) {
	var q searchQuery
	var err error
	vals := r.URL.Query()
	if q.Query, err = textParam(vals, "q"); err != nil {
		return q, err
	}
	if q.Limit, q.Offset, err = pageParams(vals, defaultSearchSize); err != nil {
		return q, err
	}
	q.Sort, q.sort, err = sortParam(vals)
	return q, err
}

func (s *Server) search(r *http.Request, q searchQuery) (*index.Results, error) {
	if strings.TrimSpace(q.Query) == "" {
		return nil, badRequest("no query: pass q")
	}
	done, err := s.turn(r.Context())
	if err != nil {
		return nil, err
	}
	defer done()
	return s.ix.Search(r.Context(), index.Request{Query: q.Query, Limit: q.Limit, Offset: q.Offset, Sort: q.sort})
}

type quotesQuery struct {
	Query, Speaker string
	Limit, Offset  int
}

func parseQuotes(r *http.Request) (quotesQuery, error) {
	var q quotesQuery
	var err error
	vals := r.URL.Query()
	if q.Query, err = textParam(vals, "q"); err != nil {
		return q, err
	}
	if q.Speaker, err = textParam(vals, "speaker"); err != nil {
		return q, err
	}
	q.Limit, q.Offset, err = pageParams(vals, defaultQuotesSize)
	return q, err
}

func (s *Server) quotes(r *http.Request, q quotesQuery) (*index.QuoteResults, error) {
	if strings.TrimSpace(q.Query) == "" && strings.TrimSpace(q.Speaker) == "" {
		return nil, badRequest("no query: pass speaker, q or both")
	}
	done, err := s.turn(r.Context())
	if err != nil {
		return nil, err
	}
	defer done()
	return s.ix.SearchQuotes(r.Context(), index.QuoteRequest{Query: q.Query, Speaker: q.Speaker, Limit: q.Limit, Offset: q.Offset})
}

type entitiesQuery struct {
	Type, Query string
	Top         int
}

func parseEntities(r *http.Request) (entitiesQuery, error) {
	vals := r.URL.Query()
	q := entitiesQuery{Type: vals.Get("type")}
	if !api.KnownEntityType(q.Type) {
		return q, badRequest("type must be person, organization, place or speaker, not %q", q.Type)
	}
	var err error
	if q.Query, err = textParam(vals, "q"); err != nil {
		return q, err
	}
	q.Top, err = intParam(vals, "top", index.DefaultEntityTop, 1, maxLimit, true)
	return q, err
}

func (s *Server) entities(r *http.Request, q entitiesQuery) ([]index.EntityCount, error) {
	done, err := s.turn(r.Context())
	if err != nil {
		return nil, err
	}
	defer done()
	return s.ix.Entities(r.Context(), index.EntityRequest{Type: q.Type, Top: q.Top, Query: q.Query})
}

// article returns the article id with its text and quotes; an unknown
// id is errNotFound.
func (s *Server) article(r *http.Request, id string) (*index.Article, error) {
	done, err := s.turn(r.Context())
	if err != nil {
		return nil, err
	}
	defer done()
	a, err := s.ix.Article(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		return nil, errNotFound
	}
	return a, err
}
