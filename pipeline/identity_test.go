package pipeline

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
