package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/pipeline"
)

// request sends method path to h and returns the response.
func request(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequestWithContext(t.Context(), method, path, nil))
	return rec
}

// getJSON GETs path from h, checks the content type and decodes the body.
func getJSON(t *testing.T, h http.Handler, path string) (int, map[string]any) {
	t.Helper()
	rec := request(t, h, http.MethodGet, path)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("GET %s: body is not a JSON object: %v\n%s", path, err, rec.Body)
	}
	return rec.Code, m
}

// getHTML GETs path from h, checks the status and content type and
// returns the page.
func getHTML(t *testing.T, h http.Handler, path string, want int) string {
	t.Helper()
	rec := request(t, h, http.MethodGet, path)
	if rec.Code != want {
		t.Errorf("GET %s: status %d, want %d\n%s", path, rec.Code, want, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	return rec.Body.String()
}

func q(s string) string { return url.QueryEscape(s) }

func objects(t *testing.T, v any) []map[string]any {
	t.Helper()
	list, ok := v.([]any)
	if !ok {
		t.Fatalf("%v is not a list", v)
	}
	out := make([]map[string]any, len(list))
	for i, e := range list {
		out[i] = e.(map[string]any)
	}
	return out
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

const corpusDir = "../../corpus"

// The seed articles: two about the Darroch cables leak, one LBC interview.
const (
	bbc = "000_4e0b8ae045c7ba6e.txt"
	dm  = "001_e9a0c4fc5fbda047.txt"
	lbc = "002_5db6a7f1b5a475b5.txt"
)

// TestServeCorpus serves an index of the seed corpus: every API endpoint
// and page.
func TestServeCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	const basu = `person:"Neil Basu"`
	h := New(corpusIndex(t), discard())
	var darroch string // the ID of the BBC article
	t.Run("api", func(t *testing.T) {
		t.Run("search", func(t *testing.T) {
			code, m := getJSON(t, h, "/api/search?q="+q(basu))
			if code != http.StatusOK {
				t.Fatalf("status %d: %v", code, m)
			}
			for _, k := range []string{"query", "sort", "total", "offset", "limit", "returned", "took_ms", "hits"} {
				if _, ok := m[k]; !ok {
					t.Errorf("no %q in %v", k, m)
				}
			}
			hits := objects(t, m["hits"])
			var srcs []string
			for _, hit := range hits {
				srcs = append(srcs, filepath.Base(hit["source"].(string)))
				if strings.HasSuffix(hit["source"].(string), bbc) {
					darroch = hit["id"].(string)
				}
			}
			slices.Sort(srcs)
			if want := []string{bbc, dm}; !slices.Equal(srcs, want) {
				t.Errorf("hits %v, want %v (not the LBC interview)", srcs, want)
			}
		})
		t.Run("search sorted and paged", func(t *testing.T) {
			_, m := getJSON(t, h, "/api/search?q=leak&sort=newest&limit=1&offset=0")
			hits := objects(t, m["hits"])
			if m["total"] != 3.0 || len(hits) != 1 || !strings.HasSuffix(hits[0]["source"].(string), lbc) {
				t.Errorf("newest first: total %v, hits %v; want the dated LBC article of 3", m["total"], hits)
			}
			_, m = getJSON(t, h, "/api/search?q=leak&sort=newest&limit=1&offset=1")
			if hits := objects(t, m["hits"]); len(hits) != 1 || hits[0]["rank"] != 2.0 {
				t.Errorf("offset 1: hits %v, want rank 2", hits)
			}
		})
		t.Run("quotes by speaker", func(t *testing.T) {
			code, m := getJSON(t, h, "/api/quotes?speaker="+q("Neil Basu"))
			quotes := objects(t, m["quotes"])
			if code != http.StatusOK || len(quotes) == 0 {
				t.Fatalf("status %d, %v", code, m)
			}
			for _, qu := range quotes {
				if qu["speaker"] != "Neil Basu" || qu["message_type"] != "quote" {
					t.Errorf("quote %v, want one by Neil Basu", qu)
				}
			}
			_, m2 := getJSON(t, h, "/api/quotes?speaker="+q("Neil Basu")+"&q=leak")
			if n, all := m2["total"].(float64), m["total"].(float64); n == 0 || n >= all {
				t.Errorf("Basu on leaks: %v of his %v quotes, want some, not all", n, all)
			}
		})
		t.Run("entities", func(t *testing.T) {
			code, m := getJSON(t, h, "/api/entities?type=person")
			if code != http.StatusOK {
				t.Fatalf("status %d: %v", code, m)
			}
			found := false
			for _, e := range objects(t, m["entities"]) {
				if e["type"] != "person" {
					t.Errorf("entity %v, want people only", e)
				}
				found = found || e["name"] == "Neil Basu" && e["articles"] == 2.0
			}
			if !found {
				t.Errorf("Neil Basu in 2 articles not among %v", m["entities"])
			}
			if _, m := getJSON(t, h, "/api/entities?top=1"); m["returned"] != 3.0 {
				t.Errorf("top 1 of each kind: %v, want 3 names", m)
			}
		})
		t.Run("entities of a query", func(t *testing.T) {
			// Only the LBC article names Cressida Dick, and not Neil Basu.
			code, m := getJSON(t, h, "/api/entities?type=person&q="+q(`person:"Cressida Dick"`))
			if code != http.StatusOK || m["query"] != `person:"Cressida Dick"` {
				t.Fatalf("status %d: %v", code, m)
			}
			var names []string
			for _, e := range objects(t, m["entities"]) {
				names = append(names, e["name"].(string))
				if e["articles"] != 1.0 {
					t.Errorf("entity %v, want 1 article", e)
				}
			}
			if !slices.Contains(names, "Cressida Dick") || slices.Contains(names, "Neil Basu") {
				t.Errorf("people of the LBC article: %v", names)
			}
		})
		t.Run("speakers of a query", func(t *testing.T) {
			code, m := getJSON(t, h, "/api/entities?type=speaker&q=leak")
			if code != http.StatusOK {
				t.Fatalf("status %d: %v", code, m)
			}
			found := false
			for _, e := range objects(t, m["entities"]) {
				if _, ok := e["articles"]; ok || e["type"] != "speaker" {
					t.Errorf("entity %v, want a speaker with quotes", e)
				}
				found = found || e["name"] == "Neil Basu" && e["quotes"].(float64) >= 2
			}
			if !found {
				t.Errorf("Neil Basu not quoted twice about a leak: %v", m["entities"])
			}
		})
		t.Run("article", func(t *testing.T) {
			if darroch == "" {
				t.Fatal("no article ID from the search")
			}
			code, m := getJSON(t, h, "/api/articles/"+darroch)
			if code != http.StatusOK || m["id"] != darroch || !strings.Contains(m["title"].(string), "diplomatic cables") {
				t.Fatalf("status %d, %v", code, m)
			}
			if !slices.Contains(m["person"].([]any), any("Neil Basu")) {
				t.Errorf("people %v, want Neil Basu", m["person"])
			}
			if text, _ := m["text"].(string); !strings.HasPrefix(text, "Scotland Yard has launched a criminal investigation") || !strings.Contains(text, "\n\n") {
				t.Errorf("text %.80q…, want the article's paragraphs", text)
			}
			if m["message_type"] != "article" {
				t.Errorf("message_type %v, want article", m["message_type"])
			}
			quotes := objects(t, m["quotes"])
			if len(quotes) < 11 {
				t.Fatalf("%d quotes; the order test needs more than 10", len(quotes))
			}
			for i, qu := range quotes {
				if want := darroch + "#q" + strconv.Itoa(i); qu["id"] != want || qu["article"] != darroch {
					t.Errorf("quote %d is %v, %v; want %s in the article's order", i, qu["id"], qu["article"], want)
				}
			}
		})
		errCases := []struct {
			name, path string
			status     int
		}{
			{"bad query", "/api/search?q=" + q(`person:"unclosed`), 400},
			{"bad fuzziness", "/api/search?q=leak~9", 400},
			{"no query", "/api/search", 400},
			{"bad sort", "/api/search?q=leak&sort=best", 400},
			{"bad limit", "/api/search?q=leak&limit=ten", 400},
			{"zero limit", "/api/search?q=leak&limit=0", 400},
			{"negative offset", "/api/search?q=leak&offset=-1", 400},
			{"deep offset", "/api/search?q=leak&offset=10001", 400},
			{"long query", "/api/search?q=" + strings.Repeat("a", maxQueryBytes+1), 400},
			{"quotes without query", "/api/quotes", 400},
			{"bad type", "/api/entities?type=city", 400},
			{"bad entities query", "/api/entities?q=" + q(`person:"unclosed`), 400},
			{"bad speakers query", "/api/entities?type=speaker&q=leak~9", 400},
			{"long entities query", "/api/entities?q=" + strings.Repeat("a", maxQueryBytes+1), 400},
			{"unknown article", "/api/articles/0123456789abcdef0123456789abcdef", 404},
			{"article id not an id", "/api/articles/" + url.PathEscape("x/ .*"), 404},
			{"regexp id", "/api/articles/" + url.PathEscape(".*"), 404},
			{"unknown path", "/api/nothing", 404},
		}
		for _, c := range errCases {
			t.Run(c.name, func(t *testing.T) {
				code, m := getJSON(t, h, c.path)
				if code != c.status {
					t.Errorf("status %d, want %d: %v", code, c.status, m)
				}
				if msg, _ := m["error"].(string); msg == "" || len(m) != 1 {
					t.Errorf("body %v, want {\"error\": ...}", m)
				}
			})
		}
		t.Run("method not allowed", func(t *testing.T) {
			for _, p := range []string{"/api/search?q=leak", "/api/articles/" + darroch, "/", "/quotes"} {
				rec := request(t, h, http.MethodPost, p)
				if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
					t.Errorf("POST %s: %d, Allow %q", p, rec.Code, rec.Header().Get("Allow"))
				}
			}
		})
	})

	t.Run("pages", func(t *testing.T) {
		page := getHTML(t, h, "/?q="+q(basu), 200)
		for _, want := range []string{"Police launch probe into leak of ambassador’s diplomatic cables", "Sir Kim Darroch’s diplomatic emails", "2 articles", `href="/articles/` + darroch + `"`, `href="/?q=person%3a%22Neil%20Basu%22"`} {
			if !strings.Contains(page, want) {
				t.Errorf("search page lacks %q", want)
			}
		}
		if strings.Contains(page, "Damian Green Leak Detectives") {
			t.Error("search page lists the LBC article")
		}
		if page := getHTML(t, h, "/?q=leak", 200); !strings.Contains(page, "<mark>leak</mark>") {
			t.Error("no highlighted match on the search page")
		}
		if page := getHTML(t, h, "/?q="+q(`person:"unclosed`), 400); !strings.Contains(page, "unterminated quote") || !strings.Contains(page, `name="q" value="person:&#34;unclosed"`) {
			t.Error("bad query: the page lacks the error or the form")
		}
		if page := getHTML(t, h, "/", 200); !strings.Contains(page, "published:&gt;=") {
			t.Error("the empty search page lacks the cheat-sheet")
		}
		if page := getHTML(t, h, "/quotes?speaker="+q("Neil Basu"), 200); !strings.Contains(page, "The publication of leaked communications") {
			t.Error("quotes page lacks Basu's quote")
		}
		if page := getHTML(t, h, "/entities", 200); !strings.Contains(page, ">Neil Basu</a>") || !strings.Contains(page, "<h2>organization</h2>") {
			t.Error("entities page lacks Neil Basu or the organisations")
		}
		page = getHTML(t, h, "/entities?type=speaker&q=leak", 200)
		for _, want := range []string{`<th>quotes</th>`, `href="/quotes?q=leak&amp;speaker=Neil%20Basu">Neil Basu</a>`, `name="q" value="leak"`, `<option value="speaker" selected>`} {
			if !strings.Contains(page, want) {
				t.Errorf("speakers page lacks %q", want)
			}
		}
		page = getHTML(t, h, "/entities?type=person&q="+q("leak"), 200)
		if want := `<td class="n">2</td><td><a href="/?q=%2Bperson%3A%22Neil%20Basu%22%20leak">Neil Basu</a>`; !strings.Contains(page, want) {
			t.Errorf("entities page for leak lacks the link %s", want)
		}
		if _, m := getJSON(t, h, "/api/search?q="+q(`+person:"Neil Basu" leak`)); m["total"] != 2.0 {
			t.Errorf("the link's search finds %v articles, want the 2 counted", m["total"])
		}
		page = getHTML(t, h, "/entities?q="+q(`<b>"`), 400)
		if !strings.Contains(page, `value="&lt;b&gt;&#34;"`) || strings.Contains(page, "<b>") {
			t.Error("entities page: the bad query is not escaped back into the form")
		}
		if page := getHTML(t, h, "/articles/"+darroch, 200); !strings.Contains(page, "<h1>Police launch probe") || !strings.Contains(page, "The publication of leaked communications") {
			t.Error("article page lacks its title or quotes")
		}
		page = getHTML(t, h, "/articles/"+darroch, 200)
		for _, want := range []string{
			"<p>Scotland Yard has launched a criminal investigation into the leak of diplomatic dispatches sent by Britain’s US ambassador Sir Kim Darroch.</p>",
			"<p>The inquiry will be carried out by the Metropolitan Police",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("article page lacks the paragraph %q", want)
			}
		}
		getHTML(t, h, "/articles/nope", 404)
		getHTML(t, h, "/nowhere", 404)
	})
}

// corpusIndex is an in-memory index of the seed corpus, tagged as ingest
// add tags it.
func corpusIndex(t *testing.T) *index.Index {
	t.Helper()
	tagger, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	if err := pipeline.Ingest(t.Context(), []string{corpusDir}, tagger, w, ix, pipeline.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return ix
}

// hostileIndex is an in-memory index of one article whose every field
// tries to inject markup, and n more plain ones.
func hostileIndex(t *testing.T, n int) *index.Index {
	t.Helper()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	docs := []index.Doc{{
		ID:     "hostile",
		Title:  `<script>alert("title")</script> hostile`,
		Source: `"><script>alert("source")</script>`,
		URL:    `javascript:alert("url")`,
		Text:   `A hostile «guillemet» text with <b>tags</b> & <script>alert("text")</script>.`,
		Person: []string{`"><img src=x onerror=alert(1)>`},
		Quotes: []index.Quote{{Text: `hostile <script>alert("quote")</script>`, Speaker: `<i>Mallory</i>`, Kind: "direct"}},
	}}
	for i := range n {
		docs = append(docs, index.Doc{ID: fmt.Sprintf("plain%03d", i), Title: fmt.Sprintf("Plain %d", i), Text: "common words"})
	}
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

func TestServeEscapesHostileText(t *testing.T) {
	t.Parallel()
	h := New(hostileIndex(t, 0), discard())
	pages := []struct {
		path   string
		status int
	}{
		{"/?q=hostile", 200},
		{"/articles/hostile", 200},
		{"/quotes?q=hostile", 200},
		{"/entities", 200},
		{"/?q=" + q(`<script>alert("query")</script>`), 400}, // the query and its error echoed
		{"/?q=" + q(`"<script>"`), 200},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			t.Parallel()
			page := getHTML(t, h, p.path, p.status)
			for _, bad := range []string{"<script>", "<img", "<i>", "<b>", "javascript:"} {
				if strings.Contains(page, bad) {
					i := strings.Index(page, bad)
					t.Errorf("page contains %q: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
				}
			}
		})
	}
	page := getHTML(t, h, "/?q=hostile", 200)
	for _, want := range []string{"&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;", "<mark>hostile</mark>", "&lt;b&gt;tags&lt;/b&gt; &amp;"} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	if h := request(t, h, http.MethodGet, "/").Header(); !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("security headers missing: %v", h)
	}
}

// TestServeArticleText shows an article whose text tries to inject
// markup and to break out of its paragraphs: the page escapes it, one
// <p> per paragraph, and the API returns it as stored.
func TestServeArticleText(t *testing.T) {
	t.Parallel()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	text := "First </p><script>alert(\"p1\")</script> paragraph &amp; more.\n\n" +
		"Second <img src=x onerror=alert(2)>\nwrapped line.\n \n\n" +
		"Third «said» <a href=\"javascript:alert(3)\">link</a>"
	w := ix.NewWriter()
	if _, err := w.Write(t.Context(), index.Doc{ID: "textual", Title: "T", Source: "t.txt", Text: text}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	h := New(ix, discard())

	page := getHTML(t, h, "/articles/textual", 200)
	for _, bad := range []string{"<script>", "<img", "</p><script", "<a href=\"javascript", "&amp; more"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{
		"<p>First &lt;/p&gt;&lt;script&gt;alert(&#34;p1&#34;)&lt;/script&gt; paragraph &amp;amp; more.</p>",
		"<p>Second &lt;img src=x onerror=alert(2)&gt; wrapped line.</p>",
		"<p>Third «said» &lt;a href=&#34;javascript:alert(3)&#34;&gt;link&lt;/a&gt;</p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(page, "<p>"); n != 3+1 { // and the meta line
		t.Errorf("%d <p> elements, want 3 paragraphs and the meta line", n)
	}

	code, m := getJSON(t, h, "/api/articles/textual")
	if code != 200 || m["text"] != text {
		t.Errorf("status %d, text %q; want 200 and the text as stored", code, m["text"])
	}
	for _, p := range []string{"/api/articles/nope", "/api/articles/textual%23q0"} {
		if code, m := getJSON(t, h, p); code != 404 || m["error"] != "not found" {
			t.Errorf("GET %s: %d %v, want 404", p, code, m)
		}
	}
	getHTML(t, h, "/articles/nope", 404)
}

func TestServeCapsLimit(t *testing.T) {
	t.Parallel()
	h := New(hostileIndex(t, 150), discard())
	_, m := getJSON(t, h, "/api/search?q=common&limit=1000")
	if m["limit"] != float64(maxLimit) || len(objects(t, m["hits"])) != maxLimit || m["total"] != 150.0 {
		t.Errorf("limit %v, %d hits of %v; want %d of 150", m["limit"], len(objects(t, m["hits"])), m["total"], maxLimit)
	}
	_, m = getJSON(t, h, "/api/entities?top=5000")
	if m["top"] != float64(maxLimit) {
		t.Errorf("top %v, want %d", m["top"], maxLimit)
	}
	// The page links to the next page, and that one has the rest.
	page := getHTML(t, h, "/?q=common&limit=1000", 200)
	if !strings.Contains(page, `href="/?limit=1000&amp;offset=100&amp;q=common" rel="next"`) {
		t.Errorf("no link to the next page:\n%s", page)
	}
	_, m = getJSON(t, h, "/api/search?q=common&limit=1000&offset=100")
	if n := len(objects(t, m["hits"])); n != 50 {
		t.Errorf("second page: %d hits, want 50", n)
	}
}

// ExampleNew asks a server for the names in an index, as a script would:
// GET /api/entities.
func ExampleNew() {
	ix, err := index.NewMemOnly()
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	w.Write(context.Background(), index.Doc{ID: "a", Title: "Leak inquiry", Person: []string{"Neil Basu"}, Organization: []string{"Metropolitan Police"}})
	w.Write(context.Background(), index.Doc{ID: "b", Title: "Cables", Person: []string{"Kim Darroch", "Neil Basu"}})
	w.Close()

	srv := httptest.NewServer(New(ix, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/entities?type=person")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	io.Copy(os.Stdout, resp.Body)
	// Output:
	// 200 OK application/json; charset=utf-8
	// {"type":"person","query":"","top":10,"returned":2,"entities":[{"articles":2,"message_type":"entity","name":"Neil Basu","type":"person"},{"articles":1,"message_type":"entity","name":"Kim Darroch","type":"person"}]}
}

// TestServeHidesFailures closes the index under the server: searches
// fail with 500 and a fixed message; the cause goes to the log only.
func TestServeHidesFailures(t *testing.T) {
	t.Parallel()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	h := New(ix, slog.New(slog.NewTextHandler(&logs, nil)))
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	code, m := getJSON(t, h, "/api/search?q=leak")
	if code != http.StatusInternalServerError || m["error"] != "internal error" {
		t.Errorf("status %d, %v; want 500 internal error", code, m)
	}
	if page := getHTML(t, h, "/entities", http.StatusInternalServerError); strings.Contains(page, "closed") {
		t.Error("the page tells the cause")
	}
	if !strings.Contains(logs.String(), "request failed") || !strings.Contains(logs.String(), "closed") {
		t.Errorf("log lacks the cause:\n%s", logs.String())
	}
}
