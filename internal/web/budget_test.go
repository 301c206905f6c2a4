package web

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bylinehq/byline/index"
)

// generatedIndex is an in-memory index of n small made-up articles
// drawn from a vocabulary of 30,000 words, with names and a quote each:
// tens of thousands of distinct words over its fields, as real news has.
func generatedIndex(t *testing.T, n int) *index.Index {
	t.Helper()
	r := rand.New(rand.NewPCG(20, 20))
	syl := []string{"ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "ze", "pa", "dor", "len", "bri", "ost", "quin", "ter"}
	word := func(i int) string {
		var b strings.Builder
		for ; ; i /= len(syl) {
			b.WriteString(syl[i%len(syl)])
			if i < len(syl) {
				return b.String()
			}
		}
	}
	zipf := rand.NewZipf(r, 1.1, 2, 29_999)
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = word(int(zipf.Uint64()))
		}
		return strings.Join(w, " ")
	}
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	name := func() string { return title(word(r.IntN(3000))) + " " + title(word(r.IntN(3000))) }
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	for i := range n {
		speaker := name()
		d := index.Doc{
			ID:           fmt.Sprintf("gen%05d", i),
			Title:        words(6),
			Source:       fmt.Sprintf("gen/%05d.txt", i),
			Published:    time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3000)),
			Text:         words(30),
			Person:       []string{speaker, name()},
			Organization: []string{title(word(r.IntN(500))) + " Council"},
			Place:        []string{title(word(r.IntN(300)))},
			Speaker:      []string{speaker},
			Quotes:       []index.Quote{{Text: words(8), Speaker: speaker, Kind: "direct"}},
		}
		if _, err := w.Write(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestServeHostileQueries sends the queries that were a denial of
// service (issue 20: q=* took 2.7 s on 297 articles, 16 * clauses 38.8 s
// and 2 GB, four concurrent "* *" 18 s each) and others that expand to
// many words, some at once, to a server with a 2 s budget a request:
// each is answered within its budget (and a margin for the race
// detector), with hits or a 503 JSON error, and the server still answers
// a plain search at once afterwards.
func TestServeHostileQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of 2,000 articles")
	}
	t.Parallel()
	const budget = 2 * time.Second
	const margin = 3 * time.Second // a loaded machine, the race detector
	var logs syncBuffer
	h := New(generatedIndex(t, 2000), slog.New(slog.NewTextHandler(&logs, nil)), WithTimeout(budget), WithMaxSearches(2))
	srv := httptest.NewUnstartedServer(h)
	srv.Config.WriteTimeout = budget + 10*time.Second // as ingest serve sets it
	srv.Start()
	defer srv.Close()

	var (
		mu   sync.Mutex
		sent = map[int]int{} // responses received by status
	)
	// get GETs path, an API route or a page, and checks that it was
	// answered in time with results or a 503 that says why. An API
	// response is returned decoded; a page as {"page": its HTML}.
	get := func(t *testing.T, path string) (int, map[string]any, time.Duration) {
		t.Helper()
		start := time.Now()
		var body []byte
		resp, err := srv.Client().Get(srv.URL + path)
		if err == nil {
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		took := time.Since(start)
		if took > budget+margin {
			t.Errorf("GET %s took %v, more than its budget %v", path, took.Round(time.Millisecond), budget)
		}
		if err != nil {
			t.Errorf("GET %s: %v", path, err)
			mu.Lock()
			sent[0]++ // nothing
			mu.Unlock()
			return 0, nil, took
		}
		mu.Lock()
		sent[resp.StatusCode]++
		mu.Unlock()
		var m map[string]any
		if strings.HasPrefix(path, "/api/") {
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("GET %s: status %d, body not JSON: %v", path, resp.StatusCode, err)
				return resp.StatusCode, nil, took
			}
		} else {
			m = map[string]any{"page": string(body)}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: page of type %q", path, ct)
			}
		}
		switch resp.StatusCode {
		case http.StatusOK:
			if _, ok := m["returned"]; !ok && m["page"] == nil {
				t.Errorf("GET %s: 200 without results: %v", path, m)
			}
		case http.StatusServiceUnavailable:
			msg, _ := m["error"].(string)
			if page, ok := m["page"].(string); ok && strings.Contains(page, `class="error"`) {
				msg = page
			}
			if msg == "" {
				t.Errorf("GET %s: 503 without an error: %v", path, m)
			}
			if resp.Header.Get("Retry-After") == "" {
				t.Errorf("GET %s: 503 without Retry-After", path)
			}
		default:
			t.Errorf("GET %s: status %d %v, want 200 or 503", path, resp.StatusCode, m)
		}
		return resp.StatusCode, m, took
	}

	hostile := []string{
		"*",
		strings.TrimSpace(strings.Repeat("* ", 16)),
		"* *",
		"ka*", "k*", "*a", "title:*", "person:*",
		"/.*/", "/k.*a/", "/.*zzz.*/ /.*yyy.*/ /.*xxx.*/ /.*www.*/", "/k.*zzz.*/ /l.*yyy.*/ /m.*xxx.*/ /t.*www.*/",
		"kalo~2", "kalomine~2 tashivo~2",
		strings.Repeat("kalomi~1 ", 40),
		strings.Repeat("k* ", 50),
		`"` + strings.Repeat("ka lo ", 300) + `"`,
		strings.Repeat("kalo ", 800),
	}
	// The two that were the worst are answered with every article.
	for _, qs := range hostile[:2] {
		code, m, took := get(t, "/api/search?q="+q(qs))
		if code != http.StatusOK || m["total"] != 2000.0 {
			t.Errorf("%q: status %d, total %v in %v; want all 2000 articles", qs, code, m["total"], took)
		}
	}
	// One at a time, each is within its budget or over one of the
	// search's own, never waiting for a turn.
	for _, qs := range hostile {
		path := "/api/search?q=" + q(qs)
		if code, m, _ := get(t, path); code != http.StatusOK && !strings.Contains(fmt.Sprint(m["error"]), index.ErrOverBudget.Error()) {
			t.Errorf("GET %s: %d %v, want results or a search over budget", path, code, m)
		}
	}
	// All at once, more than its turns, on every route that searches.
	var wg sync.WaitGroup
	for _, qs := range hostile {
		for _, path := range []string{"/api/search?q=", "/api/quotes?q=", "/api/entities?q=", "/?q="} {
			wg.Go(func() { get(t, path+q(qs)) })
		}
	}
	for range 8 {
		wg.Go(func() { get(t, "/api/search?q="+q("* *")) })
	}
	wg.Wait()

	// Still responsive.
	start := time.Now()
	code, m, _ := get(t, "/api/search?q=kalo")
	if code != http.StatusOK || time.Since(start) > margin {
		t.Errorf("after the hostile queries: status %d in %v: %v", code, time.Since(start), m)
	}
	// The log says what each client was sent, or that it was sent
	// nothing.
	srv.Close()
	logged := map[int]int{}
	for line := range strings.Lines(logs.String()) {
		var status int
		if i := strings.Index(line, " status="); i >= 0 {
			fmt.Sscanf(line[i:], " status=%d", &status)
			if strings.Contains(line, "response not delivered") {
				status = 0
			}
			logged[status]++
		}
	}
	if fmt.Sprint(logged) != fmt.Sprint(sent) {
		t.Errorf("log has statuses %v, clients were sent %v", logged, sent)
	}
	if t.Failed() {
		t.Logf("server log:\n%s", logs.String())
	}
}

// syncBuffer is a strings.Builder safe for the concurrent writes of a
// logger.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeBusy takes every turn to use the index: a request waits for
// one up to queueWait, then is answered 503 with Retry-After, as JSON on
// the API and as a page with its form on the pages. The form alone,
// which searches nothing, needs no turn.
func TestServeBusy(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		s := New(nil, discard(), WithMaxSearches(1)) // a busy server never reaches the index
		s.turns <- struct{}{}
		start := time.Now()
		code, m := getJSON(t, s, "/api/search?q=leak")
		if code != http.StatusServiceUnavailable || !strings.Contains(fmt.Sprint(m["error"]), "busy") {
			t.Errorf("status %d, %v; want 503 busy", code, m)
		}
		if waited := time.Since(start); waited != queueWait {
			t.Errorf("waited %v for a turn, want %v", waited, queueWait)
		}
		for _, path := range []string{"/api/quotes?q=leak", "/api/entities", "/api/articles/a1"} {
			if rec := request(t, s, http.MethodGet, path); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
				t.Errorf("GET %s: %d, Retry-After %q; want 503, 1", path, rec.Code, rec.Header().Get("Retry-After"))
			}
		}
		page := getHTML(t, s, "/?q=leak", http.StatusServiceUnavailable)
		if !strings.Contains(page, `<p class="error">busy`) || !strings.Contains(page, `value="leak"`) {
			t.Errorf("busy page lacks the error or the form:\n%s", page)
		}
		getHTML(t, s, "/", http.StatusOK)
		<-s.turns
	})
}

// TestServeOverBudget: a malformed query is 400, a search over one of
// its budgets 503, on the API and the pages.
func TestServeOverBudget(t *testing.T) {
	t.Parallel()
	h := New(hostileIndex(t, 3), discard())
	tests := []struct {
		path   string
		status int
		msg    string
	}{
		{"/api/search?q=" + q("title:(unclosed"), 400, "no parentheses"},
		{"/api/quotes?q=" + q("(leak)"), 400, "no parentheses"},
		{"/api/search?q=" + q("title:*"), 503, "starts with a wildcard"},
		{"/api/entities?q=" + q("a* b* c* d* e*"), 503, "more than 4"},
		{"/api/search?q=*", 200, ""},
	}
	for _, tc := range tests {
		code, m := getJSON(t, h, tc.path)
		if code != tc.status || !strings.Contains(fmt.Sprint(m["error"]), tc.msg) {
			t.Errorf("GET %s: %d %v, want %d %q", tc.path, code, m, tc.status, tc.msg)
		}
	}
	if page := getHTML(t, h, "/?q="+q("title:*"), 503); !strings.Contains(page, "starts with a wildcard") {
		t.Errorf("the page does not say what was over budget:\n%s", page)
	}
	if page := getHTML(t, h, "/quotes?q="+q("title:(x"), 400); !strings.Contains(page, "no parentheses") {
		t.Errorf("the page does not say what is wrong:\n%s", page)
	}

	// A request out of time before it searches.
	h = New(hostileIndex(t, 3), discard(), WithTimeout(time.Nanosecond))
	code, m := getJSON(t, h, "/api/search?q=plain")
	if code != http.StatusServiceUnavailable || !strings.Contains(fmt.Sprint(m["error"]), "took longer than this server allows (1ns)") {
		t.Errorf("out of time: %d %v, want 503", code, m)
	}
}

// TestServeLogsUndelivered serves with a write timeout that has passed
// before any response is written: the client gets nothing, and the log
// says so instead of "status=200" (issue 20: serve logged 200 for a
// search that ran past the write timeout).
func TestServeLogsUndelivered(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	srv := httptest.NewUnstartedServer(New(hostileIndex(t, 3), slog.New(slog.NewTextHandler(&logs, nil))))
	srv.Config.WriteTimeout = time.Nanosecond
	srv.Start()
	resp, err := srv.Client().Get(srv.URL + "/api/search?q=plain")
	if err == nil {
		resp.Body.Close()
		t.Logf("the client got %s", resp.Status)
	}
	srv.Close() // waits for the handler, and its log line
	if !strings.Contains(logs.String(), "response not delivered") || strings.Contains(logs.String(), "msg=request ") {
		t.Errorf("log:\n%s\nwant the response logged as not delivered", logs.String())
	}
}
