package web

import (
	"net/http"

	"github.com/bylinehq/byline/internal/api"
)

// The JSON API: /api/search, /api/quotes, /api/entities and
// /api/articles/{id}, each answering one object (see the help of ingest
// serve). The elements of its lists are internal/api's, as the CLI's
// --json lines are.

type apiSearchResponse struct {
	Query    string    `json:"query"`
	Sort     string    `json:"sort"`
	Total    uint64    `json:"total"`
	Offset   int       `json:"offset"`
	Limit    int       `json:"limit"`
	Returned int       `json:"returned"`
	TookMS   float64   `json:"took_ms"`
	Hits     []api.Hit `json:"hits"`
}

func (s *Server) apiSearch(r *http.Request) (any, error) {
	q, err := parseSearch(r)
	if err != nil {
		return nil, err
	}
	res, err := s.search(r, q)
	if err != nil {
		return nil, err
	}
	out := apiSearchResponse{
		Query: q.Query, Sort: q.Sort, Total: res.Total, Offset: q.Offset, Limit: q.Limit,
		Returned: len(res.Hits), TookMS: api.TookMS(res.Took), Hits: make([]api.Hit, 0, len(res.Hits)),
	}
	for i, h := range res.Hits {
		out.Hits = append(out.Hits, api.NewHit(q.Offset+i+1, h))
	}
	return out, nil
}

type apiQuotesResponse struct {
	Query    string      `json:"query"`
	Speaker  string      `json:"speaker"`
	Total    uint64      `json:"total"`
	Offset   int         `json:"offset"`
	Limit    int         `json:"limit"`
	Returned int         `json:"returned"`
	TookMS   float64     `json:"took_ms"`
	Quotes   []api.Quote `json:"quotes"`
}

func (s *Server) apiQuotes(r *http.Request) (any, error) {
	q, err := parseQuotes(r)
	if err != nil {
		return nil, err
	}
	res, err := s.quotes(r, q)
	if err != nil {
		return nil, err
	}
	out := apiQuotesResponse{
		Query: q.Query, Speaker: q.Speaker, Total: res.Total, Offset: q.Offset, Limit: q.Limit,
		Returned: len(res.Hits), TookMS: api.TookMS(res.Took), Quotes: make([]api.Quote, 0, len(res.Hits)),
	}
	for i, h := range res.Hits {
		out.Quotes = append(out.Quotes, api.NewQuote(q.Offset+i+1, h))
	}
	return out, nil
}

type apiEntitiesResponse struct {
	Type     string           `json:"type"`
	Query    string           `json:"query"`
	Top      int              `json:"top"`
	Returned int              `json:"returned"`
	Entities []map[string]any `json:"entities"`
}

func (s *Server) apiEntities(r *http.Request) (any, error) {
	q, err := parseEntities(r)
	if err != nil {
		return nil, err
	}
	ents, err := s.entities(r, q)
	if err != nil {
		return nil, err
	}
	out := apiEntitiesResponse{Type: q.Type, Query: q.Query, Top: q.Top, Returned: len(ents), Entities: make([]map[string]any, 0, len(ents))}
	for _, e := range ents {
		out.Entities = append(out.Entities, api.NewEntity(e))
	}
	return out, nil
}

func (s *Server) apiArticle(r *http.Request) (any, error) {
	a, err := s.article(r, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return api.NewArticle(a), nil
}
