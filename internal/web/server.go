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
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/bylinehq/byline/index"
)

// Limits of the HTTP API; see the help of ingest serve.
const (
	maxLimit          = 100    // hits, quotes or names per response
	maxOffset         = 10_000 // bleve collects offset+limit hits per request
	maxQueryBytes     = 4096   // of q and speaker
	defaultSearchSize = 10     // as ingest search --limit
	defaultQuotesSize = 20     // as ingest quotes --limit
)

// Budgets of a request; see WithTimeout and WithMaxSearches.
const (
	// DefaultTimeout is the time a request may take, waiting for a turn
	// included, when New is given no WithTimeout.
	DefaultTimeout = 5 * time.Second
	// DefaultMaxSearches is the number of requests that may use the
	// index at once when New is given no WithMaxSearches.
	DefaultMaxSearches = 4
	// queueWait is the longest a request waits for its turn before it is
	// answered 503, within its timeout.
	queueWait = time.Second
)

//go:embed templates/*.html
var templateFS embed.FS

// pageNames are the templates of templates/, each executed within
// layout.html.
var pageNames = []string{"search", "quotes", "entities", "article", "error"}

// Server is the HTTP handler of ingest serve: the pages and the JSON API
// over one index. It is safe for concurrent use, as index.Index is.
type Server struct {
	ix      *index.Index
	log     *slog.Logger
	pages   map[string]*template.Template
	mux     *http.ServeMux
	timeout time.Duration
	turns   chan struct{} // a token for each request using the index
}

// Option configures New.
type Option func(*Server)

// WithTimeout sets the time a request may take (DefaultTimeout when d is
// 0 or less): waiting for its turn, then searching. A request over it is
// answered 503 with what was exceeded.
func WithTimeout(d time.Duration) Option {
	return func(s *Server) {
		if d > 0 {
			s.timeout = d
		}
	}
}

// WithMaxSearches sets the number of requests that may use the index at
// once (DefaultMaxSearches when n is 0 or less). Another waits up to a
// second for a turn, then is answered 503 with a Retry-After header.
func WithMaxSearches(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.turns = make(chan struct{}, n)
		}
	}
}

// New returns the handler of ingest serve over ix, logging requests (at
// Info) and failures (at Error) to logger; a nil logger discards them.
// The caller keeps ix open while the handler serves and closes it after.
func New(ix *index.Index, logger *slog.Logger, opts ...Option) *Server {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		ix: ix, log: logger, pages: map[string]*template.Template{}, mux: http.NewServeMux(),
		timeout: DefaultTimeout, turns: make(chan struct{}, DefaultMaxSearches),
	}
	for _, opt := range opts {
		opt(s)
	}
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

// Timeout is the time a request may take (WithTimeout).
func (s *Server) Timeout() time.Duration { return s.timeout }

// ServeHTTP sets the security headers, routes r within its timeout and
// logs it with the status the client was sent: the response is flushed
// before the log line, so a write that fails (the server's write
// timeout passed, the client left) is logged as such, at Warn, rather
// than as the status that was meant.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	// No scripts, frames or outside resources; links to the articles
	// do not tell the news site what was searched.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(rec, r.WithContext(ctx))
	if rec.err == nil {
		if err := http.NewResponseController(rec).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
			rec.err = err
		}
	}
	attrs := []any{"method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
		"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start)}
	if rec.err != nil {
		s.log.Warn("response not delivered", append(attrs, "err", rec.err)...)
		return
	}
	s.log.Info("request", attrs...)
}

// statusRecorder records the status and the bytes of a response, and
// the first error writing it.
type statusRecorder struct {
	http.ResponseWriter
	status, bytes int
	err           error
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	if err != nil && r.err == nil {
		r.err = err
	}
	return n, err
}

// Unwrap gives http.ResponseController the ResponseWriter to flush.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// errBusy answers a request that found no turn to use the index.
var errBusy = &httpError{http.StatusServiceUnavailable, "busy: too many searches at once; try again in a moment"}

// turn waits for a turn to use the index, at most queueWait and not past
// ctx's deadline; done gives it back. It fails with errBusy, or ctx's
// error if ctx is cancelled first.
func (s *Server) turn(ctx context.Context) (done func(), err error) {
	select {
	case s.turns <- struct{}{}:
		return func() { <-s.turns }, nil
	default:
	}
	t := time.NewTimer(queueWait)
	defer t.Stop()
	select {
	case s.turns <- struct{}{}:
		return func() { <-s.turns }, nil
	case <-t.C:
		return nil, errBusy
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, errBusy
		}
		return nil, ctx.Err()
	}
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
// httpError, 400 with the query's mistake for index.ErrBadQuery, 503 with
// what was exceeded for index.ErrOverBudget, and 500 with a fixed message
// otherwise, whose cause is logged by the caller.
func (s *Server) status(err error) (int, string) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, index.ErrBadQuery):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, fmt.Sprintf("%v: the search took longer than this server allows (%v); narrow the query", index.ErrOverBudget, s.timeout)
	case errors.Is(err, index.ErrOverBudget):
		return http.StatusServiceUnavailable, err.Error()
	}
	return http.StatusInternalServerError, "internal error"
}

// setStatusHeaders sets the headers that go with code: Retry-After for
// a 503, the time after which a turn is likely free.
func setStatusHeaders(w http.ResponseWriter, code int) {
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
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
			code, msg = s.status(err)
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
		body = append(body, '\n')
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		setStatusHeaders(w, code)
		w.WriteHeader(code)
		w.Write(body)
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
				code, msg = s.status(err)
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
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		setStatusHeaders(w, code)
		w.WriteHeader(code)
		w.Write(buf.Bytes())
	})
}
