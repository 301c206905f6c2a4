package pipeline

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

func TestCanonicalURLDropsTracking(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"https://Example.com/news/story/?utm_source=x&utm_medium=email#top", "https://example.com/news/story"},
		{"https://example.com/news/story?id=7&fbclid=abc&gclid=1", "https://example.com/news/story?id=7"},
		{"https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc&page=2", "https://example.com/a?page=2"},
		{"https://example.com/a?UTM_Campaign=x&at_medium=RSS&at_campaign=KARANGA", "https://example.com/a"},
		{"https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"}, // order kept
		{"https://example.com/search?q=utm_source", "https://example.com/search?q=utm_source"},
		{"http://127.0.0.1:8080/a/", "http://localhost:8080/a"},
		{"http://[::1]:8080/a", "http://localhost:8080/a"},
		{"http://LOCALHOST/a", "http://localhost/a"},
		{"http://127.0.0.2/a", "http://localhost/a"},
		{"http://10.0.0.1:8080/a", "http://10.0.0.1:8080/a"},
		{"", ""},
	} {
		if got := canonicalURL(tc.in); got != tc.want {
			t.Errorf("canonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if withoutTracking("https://example.com/a?utm_source=x") != "https://example.com/a" {
		t.Error("the stored URL keeps its tracking")
	}
}

// newsServer serves /news/N (an article naming itself canonical when
// canonical is set), /shared?id=N (the same article, reached by a
// share link: canonical /news/N), /home/N (an article whose template
// names the home page canonical) and /moved/N (a redirect to /news/N).
// It counts requests per path.
func newsServer(t *testing.T) (*httptest.Server, func(path string) int) {
	t.Helper()
	var mu = make(chan struct{}, 1)
	hits := map[string]int{}
	body := func(w http.ResponseWriter, n, canonical string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		link := ""
		if canonical != "" {
			link = `<link rel="canonical" href="` + canonical + `">`
		}
		fmt.Fprintf(w, `<html><head><title>Story %s</title>%s</head><body><article><h1>Story %s</h1>
<p>Ada Lovelace said the engine numbered %s might compose music of any complexity.</p>
<p>The analytical engine weaves algebraic patterns as the Jacquard loom weaves flowers.</p></article></body></html>`, n, link, n, n)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/{n}", func(w http.ResponseWriter, r *http.Request) { body(w, r.PathValue("n"), "") })
	mux.HandleFunc("/shared", func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("id")
		body(w, n, "/news/"+n)
	})
	mux.HandleFunc("/home/{n}", func(w http.ResponseWriter, r *http.Request) { body(w, r.PathValue("n"), "/") })
	mux.HandleFunc("/moved/{n}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/"+r.PathValue("n"), http.StatusMovedPermanently)
	})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu <- struct{}{}
		hits[r.URL.Path]++
		<-mu
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s, func(path string) int {
		mu <- struct{}{}
		defer func() { <-mu }()
		return hits[path]
	}
}

// TestTrackingParametersMakeNoDuplicates: one article reached by links
// that differ in tracking parameters, through a share link whose page
// names the article's canonical URL, or through a redirect, is one
// article; articles whose template names the home page canonical stay
// apart.
func TestTrackingParametersMakeNoDuplicates(t *testing.T) {
	t.Parallel()
	s, hits := newsServer(t)
	list := filepath.Join(t.TempDir(), "urls.txt")
	lines := []string{
		s.URL + "/news/1?utm_source=x",
		s.URL + "/news/1?utm_source=y&fbclid=z", // fetched once: the same page
		s.URL + "/shared?id=2&utm_medium=social",
		s.URL + "/news/2", // the page /shared?id=2 names canonical
		s.URL + "/moved/3",
		s.URL + "/news/3", // where /moved/3 leads
		s.URL + "/home/4",
		s.URL + "/home/5", // not the same article as 4, whatever the template says
	}
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	w, stats, failed := ingestFailures(t, nil, Options{URLLists: []string{list}, Fetch: fastFetch()})
	if len(failed) > 0 {
		t.Fatalf("failures: %v", failed)
	}
	if got := hits("/news/1"); got != 1 {
		t.Errorf("/news/1 fetched %d times, want 1", got)
	}
	urls := map[string]int{}
	for _, d := range w.docs {
		urls[strings.TrimPrefix(d.URL, s.URL)]++
	}
	want := map[string]int{"/news/1": 1, "/news/2": 1, "/news/3": 1, "/home/4": 1, "/home/5": 1}
	if fmt.Sprint(urls) != fmt.Sprint(want) {
		t.Errorf("documents by URL %v, want %v (read %d, indexed %d, unchanged %d)", urls, want, stats.Read.Load(), stats.Indexed.Load(), stats.Unchanged.Load())
	}
}

// TestOneServerByTwoNamesIsOneArticle: the same page fetched as
// 127.0.0.1 and as localhost is one article, fetched once.
func TestOneServerByTwoNamesIsOneArticle(t *testing.T) {
	t.Parallel()
	s, hits := newsServer(t)
	byName := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	list := filepath.Join(t.TempDir(), "urls.txt")
	lines := []string{s.URL + "/news/1", byName + "/news/1", byName + "/news/2", s.URL + "/news/2/"}
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	w, _, failed := ingestFailures(t, nil, Options{URLLists: []string{list}, Fetch: fastFetch()})
	if len(failed) > 0 {
		t.Fatalf("failures: %v", failed)
	}
	if len(w.docs) != 2 || hits("/news/1") != 1 {
		t.Errorf("%d documents, /news/1 fetched %d times; want 2, 1", len(w.docs), hits("/news/1"))
	}
}

// ingestIndex runs Ingest over inputs into ix, as `ingest add` does.
func ingestIndex(t *testing.T, ix *index.Index, inputs ...string) *Stats {
	t.Helper()
	w := ix.NewWriter()
	stats := new(Stats)
	err := Ingest(t.Context(), inputs, fakeTagger{}, w, ix, Options{Stats: stats}, func(e *ItemError) { t.Errorf("failed: %v", e) })
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// TestEditedFileIsUpdatedInPlace: editing a pasted .txt and running again
// updates its article under the same id; it kept both versions, because
// a file's id was its text's. A file known by its text in an index from
// before (an earlier version, or two: the bug's duplicates) is replaced
// too, and another folder's file of the same name is left alone.
func TestEditedFileIsUpdatedInPlace(t *testing.T) {
	t.Parallel()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "pasted.txt")
	writeFiles(t, dir, map[string]string{"pasted.txt": article("Leak inquiry", "Ada Lovelace said the inquiry would start on Monday.")})
	ingestIndex(t, ix, path)
	before := docsOf(t, ix, path)
	if len(before) != 1 {
		t.Fatalf("first run: %d documents, want 1", len(before))
	}

	writeFiles(t, dir, map[string]string{"pasted.txt": article("Leak inquiry widens", "Ada Lovelace said the inquiry would start on Tuesday.")})
	stats := ingestIndex(t, ix, path)
	after := docsOf(t, ix, path)
	if len(after) != 1 || after[0].ID != before[0].ID || !strings.Contains(after[0].Text, "Tuesday") {
		t.Errorf("after the edit: %v, want one document, id %s, with the new text", after, before[0].ID)
	}
	if stats.Indexed.Load() != 1 {
		t.Errorf("indexed %d, want 1 (updated)", stats.Indexed.Load())
	}
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("index holds %d articles, want 1", n)
	}
	if again := ingestIndex(t, ix, path); again.Unchanged.Load() != 1 || again.Tagged.Load() != 0 {
		t.Errorf("third run: unchanged %d, tagged %d; want 1, 0", again.Unchanged.Load(), again.Tagged.Load())
	}
}

// TestFilesKnownByTheirTextAreReplaced: an index written when a file's id
// was its text's holds two versions of an edited file (the bug) and one
// of an unchanged file named from another folder; a run over the first
// leaves one article of it, and the other folder's file of the same name
// is not touched.
func TestFilesKnownByTheirTextAreReplaced(t *testing.T) {
	t.Parallel()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"pasted.txt":    article("Leak inquiry widens", "Ada Lovelace said the inquiry would start on Tuesday."),
		"unchanged.txt": article("Looms", "The Jacquard loom used punched cards."),
	})
	w := ix.NewWriter()
	old := func(source, title, text string) {
		t.Helper()
		a, err := extract.CleanText([]byte(article(title, text)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(t.Context(), index.Doc{ID: textID(a.Text), Source: source, Title: a.Title, Text: a.Text, Hash: "old"}); err != nil {
			t.Fatal(err)
		}
	}
	pasted, unchanged := filepath.Join(dir, "pasted.txt"), filepath.Join(dir, "unchanged.txt")
	old(pasted, "Leak inquiry", "Ada Lovelace said the inquiry would start on Monday.")
	old(pasted, "Leak inquiry widens", "Ada Lovelace said the inquiry would start on Tuesday.")
	old("unchanged.txt", "Looms", "The Jacquard loom used punched cards.") // named relative to its folder then
	// Another folder's file once named like this one, known by its path.
	if _, err := w.Write(t.Context(), index.Doc{ID: "0123456789abcdef0123456789abcdef", Source: pasted, Title: "Not this one", Text: "Not this one.", Hash: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	ingestIndex(t, ix, pasted, unchanged)
	if got := docsOf(t, ix, pasted); len(got) != 2 {
		t.Errorf("%s: %d documents, want the new one and the other folder's", pasted, len(got))
	}
	if got := docsOf(t, ix, "unchanged.txt"); len(got) != 0 {
		t.Errorf("the unchanged file's old document is still there: %v", got)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("index holds %d articles, want 3", n)
	}
}

func docsOf(t *testing.T, ix *index.Index, source string) []index.SourceDoc {
	t.Helper()
	docs, err := ix.BySource(t.Context(), source)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
