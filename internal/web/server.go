// Package web is the HTTP side of ingest serve: a handler that answers
// searches of one Byline index with HTML pages for a browser (/ for
// search, /quotes, /entities and /articles/ID; plain HTML, no JavaScript)
// and with a JSON API for scripts (/api/search, /api/quotes,
// /api/entities and /api/articles/ID). The API's objects are those of
// internal/api, the CLI's --json output, so a script reads both alike.
//
// It only reads what package index returns. It does not open, write or
// close the index, listen, set the server's timeouts or handle signals:
// cmd/ingest does that, and serves New's handler. It knows nothing of
// ingestion (pipeline, extract) or of the command line.
package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

// Limits of the HTTP API; see the help of ingest serve.
const (
	maxLimit          = 100    // hits, quotes or names per response
	maxOffset         = 10_000 // bleve collects offset+limit hits per request
	maxQueryBytes     = 4096   // of q and speaker
	defaultSearchSize = 10     // as ingest search --limit
	defaultQuotesSize = 20     // as ingest quotes --limit
	defaultEntityTop  = 10     // as ingest entities --top
)

//go:embed templates/*.html
var templateFS embed.FS

// pageNames are the templates of templates/, each executed within
// layout.html.
var pageNames = []string{"search", "quotes", "entities", "article", "error"}

// Server is the HTTP handler of ingest serve: the pages and the JSON API
// over one index. It is safe for concurrent use, as index.Index is.
type Server struct {
	ix    *index.Index
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New returns the handler of ingest serve over ix, logging requests (at
// Info) and failures (at Error) to logger; a nil logger discards them.
// The caller keeps ix open while the handler serves and closes it after.
func New(ix *index.Index, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{ix: ix, log: logger, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	funcs := template.FuncMap{"mark": markFragment, "entityQuery": entityQuery, "entityHref": entityHref}
	for _, name := range pageNames {
		s.pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
	s.mux.Handle("/api/search", s.api(s.apiSearch))
	s.mux.Handle("/api/quotes", s.api(s.apiQuotes))
	s.mux.Handle("/api/entities", s.api(s.apiEntities))
	s.mux.Handle("/api/articles/{id}", s.api(s.apiArticle))
	s.mux.Handle("/api/", s.api(func(*http.Request) (any, error) { return nil, errNotFound }))
	s.mux.Handle("/{$}", s.page(s.searchPage))
	s.mux.Handle("/quotes", s.page(s.quotesPage))
	s.mux.Handle("/entities", s.page(s.entitiesPage))
	s.mux.Handle("/articles/{id}", s.page(s.articlePage))
	s.mux.Handle("/", s.page(func(*http.Request) (string, any, error) { return "", nil, errNotFound }))
	return s
}

// ServeHTTP sets the security headers, routes r and logs it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	// No scripts, frames or outside resources; links to the articles
	// do not tell the news site what was searched.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(rec, r)
	s.log.Info("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
		"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start))
}

type statusRecorder struct {
	http.ResponseWriter
	status, bytes int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// httpError is an error with the status and the message to send.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

var errNotFound = &httpError{http.StatusNotFound, "not found"}

func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// status maps err to the status and message sent: its own for an
// httpError, 400 with the query's mistake for index.ErrBadQuery, and 500
// with a fixed message otherwise, whose cause is logged by the caller.
func status(err error) (int, string) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, index.ErrBadQuery):
		return http.StatusBadRequest, err.Error()
	}
	return http.StatusInternalServerError, "internal error"
}

// logFailure logs a 500's cause: at Debug when the client went away
// (its request's context is done), else at Error.
func (s *Server) logFailure(r *http.Request, err error) {
	if r.Context().Err() != nil {
		s.log.Debug("request abandoned", "path", r.URL.Path, "err", err)
		return
	}
	s.log.Error("request failed", "path", r.URL.Path, "err", err)
}

// allowGet answers 405 to methods other than GET and HEAD.
func allowGet(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	return false
}

// api adapts an API handler: GET only, the value or error as JSON.
func (s *Server) api(h func(*http.Request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v any
		code := http.StatusOK
		if !allowGet(w, r) {
			code, v = http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"}
		} else if out, err := h(r); err != nil {
			var msg string
			code, msg = status(err)
			if code == http.StatusInternalServerError {
				s.logFailure(r, err)
			}
			v = map[string]string{"error": msg}
		} else {
			v = out
		}
		body, err := json.Marshal(v)
		if err != nil {
			s.logFailure(r, err)
			code, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		w.Write(append(body, '\n'))
	})
}

// page adapts an HTML page handler: GET only; it returns the template to
// execute with its data, or an error shown on the error page.
func (s *Server) page(h func(*http.Request) (string, any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := http.StatusOK
		var name string
		var data any
		if !allowGet(w, r) {
			code, name, data = http.StatusMethodNotAllowed, "error", errorView{http.StatusMethodNotAllowed, "Method not allowed."}
		} else {
			var err error
			name, data, err = h(r)
			if err != nil {
				var msg string
				code, msg = status(err)
				if code == http.StatusInternalServerError {
					s.logFailure(r, err)
				}
				if pe, ok := data.(interface{ setError(string) }); ok {
					pe.setError(msg) // the page shows its own error, with its form
				} else {
					name, data = "error", errorView{code, msg}
				}
			}
		}
		var buf bytes.Buffer
		if err := s.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
			s.logFailure(r, fmt.Errorf("template %s: %w", name, err))
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		w.Write(buf.Bytes())
	})
}

// Parameters.

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

// Queries, shared by the API and the pages.

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
	q.Top, err = intParam(vals, "top", defaultEntityTop, 1, maxLimit, true)
	return q, err
}

func (s *Server) entities(r *http.Request, q entitiesQuery) ([]index.EntityCount, error) {
	return s.ix.Entities(r.Context(), index.EntityRequest{Type: q.Type, Top: q.Top, Query: q.Query})
}

// article returns the article id with its text and quotes; an unknown
// id is errNotFound.
func (s *Server) article(r *http.Request, id string) (*index.Article, error) {
	a, err := s.ix.Article(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		return nil, errNotFound
	}
	return a, err
}

// JSON API.

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

// HTML pages.

type errorView struct {
	Status  int
	Message string
}

// formError is embedded by the views of pages with a form: an error is
// shown above the results, with the form kept.
type formError struct{ Error string }

func (e *formError) setError(msg string) { e.Error = msg }

// pager links to the previous and next pages of a result list.
type pager struct {
	From, To   int // 1-based ranks shown
	Total      uint64
	Prev, Next string // URLs; empty when there is none
}

func newPager(r *http.Request, offset, limit, shown int, total uint64) pager {
	p := pager{From: offset + 1, To: offset + shown, Total: total}
	link := func(off int) string {
		v := r.URL.Query()
		v.Set("offset", strconv.Itoa(off))
		return r.URL.Path + "?" + v.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if next := offset + shown; shown > 0 && uint64(next) < total && next <= maxOffset {
		p.Next = link(next)
	}
	return p
}

type hitView struct {
	api.Hit
	Link      string // the article on the web, if known
	Date      string
	Fragments []fragmentView
}

// newHitView is the view of hit h at rank (0 for none), without its
// fragments.
func newHitView(rank int, h index.Hit) hitView {
	return hitView{Hit: api.NewHit(rank, h), Link: webLink(h.URL, h.Source), Date: api.Date(h.Published)}
}

type fragmentView struct{ Field, Text string }

type searchView struct {
	formError
	searchQuery
	Sorts   []sortOption
	Results *index.Results
	Hits    []hitView
	Took    string
	Pager   pager
}

type sortOption struct {
	Name     string
	Selected bool
}

func (s *Server) searchPage(r *http.Request) (string, any, error) {
	v := &searchView{}
	q, err := parseSearch(r)
	v.searchQuery = q
	for _, o := range sorts {
		v.Sorts = append(v.Sorts, sortOption{o.name, o.name == q.Sort})
	}
	if err != nil {
		return "search", v, err
	}
	if strings.TrimSpace(q.Query) == "" {
		return "search", v, nil // the form and the cheat-sheet
	}
	res, err := s.search(r, q)
	if err != nil {
		return "search", v, err
	}
	v.Results = res
	v.Took = res.Took.Round(10 * time.Microsecond).String()
	v.Pager = newPager(r, q.Offset, q.Limit, len(res.Hits), res.Total)
	for i, h := range res.Hits {
		hv := newHitView(q.Offset+i+1, h)
		for _, f := range api.FragmentOrder(h.Fragments) {
			for _, t := range h.Fragments[f] {
				hv.Fragments = append(hv.Fragments, fragmentView{f, api.OneLine(t)})
			}
		}
		v.Hits = append(v.Hits, hv)
	}
	return "search", v, nil
}

// webLink is the address of an article on the web: its URL, else its
// source if that is one.
func webLink(u, source string) string {
	if u != "" {
		return u
	}
	if strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") {
		return source
	}
	return ""
}

type quoteView struct {
	api.Quote
	Who, Date, Link string
	Text            string
}

func newQuoteView(rank int, h index.QuoteHit) quoteView {
	return quoteView{
		Quote: api.NewQuote(rank, h), Who: h.Speaker, Date: api.Date(h.Published),
		Link: webLink(h.URL, h.Source), Text: api.OneLine(h.Text),
	}
}

type quotesView struct {
	formError
	quotesQuery
	Results *index.QuoteResults
	Quotes  []quoteView
	Pager   pager
}

func (s *Server) quotesPage(r *http.Request) (string, any, error) {
	v := &quotesView{}
	q, err := parseQuotes(r)
	v.quotesQuery = q
	if err != nil {
		return "quotes", v, err
	}
	if strings.TrimSpace(q.Query) == "" && strings.TrimSpace(q.Speaker) == "" {
		return "quotes", v, nil
	}
	res, err := s.quotes(r, q)
	if err != nil {
		return "quotes", v, err
	}
	v.Results = res
	v.Pager = newPager(r, q.Offset, q.Limit, len(res.Hits), res.Total)
	for i, h := range res.Hits {
		v.Quotes = append(v.Quotes, newQuoteView(q.Offset+i+1, h))
	}
	return "quotes", v, nil
}

type entitiesView struct {
	formError
	entitiesQuery
	Types  []string
	Groups []entityGroup
}

type entityGroup struct {
	Type  string
	Names []index.EntityCount
}

func (s *Server) entitiesPage(r *http.Request) (string, any, error) {
	v := &entitiesView{Types: append(slices.Clip(index.EntityTypes), index.SpeakerType)}
	q, err := parseEntities(r)
	v.entitiesQuery = q
	if err != nil {
		return "entities", v, err
	}
	ents, err := s.entities(r, q)
	if err != nil {
		return "entities", v, err
	}
	for _, e := range ents {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Type != e.Type {
			v.Groups = append(v.Groups, entityGroup{Type: e.Type})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Names = append(g.Names, e)
	}
	return "entities", v, nil
}

type articleView struct {
	hitView
	Quotes     []quoteView
	Paragraphs []string
}

func (s *Server) articlePage(r *http.Request) (string, any, error) {
	a, err := s.article(r, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	h := index.Hit{
		ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published,
		Person: a.Person, Organization: a.Organization, Place: a.Place, Speaker: a.Speaker,
	}
	v := &articleView{hitView: newHitView(0, h), Paragraphs: api.Paragraphs(a.Text)}
	for i, q := range a.Quotes {
		v.Quotes = append(v.Quotes, newQuoteView(i+1, q))
	}
	return "article", v, nil
}

// markFragment escapes a highlighted fragment for HTML and turns the
// index's match marks into <mark> elements. A stray mark (a guillemet in
// the article itself) never leaves an element open or closes one that
// was not opened.
func markFragment(s string) template.HTML {
	var b strings.Builder
	open := false
	for s != "" {
		i := strings.IndexAny(s, index.MarkStart+index.MarkEnd)
		if i < 0 {
			b.WriteString(template.HTMLEscapeString(s))
			break
		}
		b.WriteString(template.HTMLEscapeString(s[:i]))
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case string(r) == index.MarkStart && !open:
			b.WriteString("<mark>")
			open = true
		case string(r) == index.MarkEnd && open:
			b.WriteString("</mark>")
			open = false
		default:
			b.WriteRune(r) // a guillemet of the article's own
		}
		s = s[i+size:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// entityHref is the link from a name of the entities page to what it
// counted, within the page's query q: for a speaker, the quotes page with
// speaker and q; for another name, the search for articles naming it
// (person:"Kim Darroch"), required, followed by q.
func entityHref(e index.EntityCount, q string) string {
	if e.Type == index.SpeakerType {
		v := url.Values{"speaker": {e.Name}}
		if strings.TrimSpace(q) != "" {
			v.Set("q", q)
		}
		return "/quotes?" + queryEncode(v)
	}
	sq := entityQuery(e.Type, e.Name)
	if strings.TrimSpace(q) != "" {
		sq = "+" + sq + " " + q
	}
	return "/?" + queryEncode(url.Values{"q": {sq}})
}

// queryEncode is v.Encode with spaces as %20, as html/template writes
// them, rather than +.
func queryEncode(v url.Values) string {
	return strings.ReplaceAll(v.Encode(), "+", "%20") // a + of the values is %2B
}

// entityQuery is the query for articles naming name in field:
// field:"name", with the quotes and backslashes in name escaped.
func entityQuery(field, name string) string {
	return field + `:"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
}
