package pipeline

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/pipeline/internal/fetch"
)

// site is a local news site: a feed and a sitemap of 50 articles each,
// pages that honour conditional requests, and pages that fail in every
// way a fetch can.
type site struct {
	*httptest.Server
	mu          sync.Mutex
	full        int // 200 answers with a body
	notModified int // 304 answers
	conditional int // requests carrying If-None-Match or If-Modified-Since
}

const lastModified = "Mon, 02 Mar 2026 10:00:00 GMT"

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>`)
		for i := range 50 {
			d := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, -i)
			fmt.Fprintf(w, "<item><title>Story %d</title><link>%s/news/%d</link><pubDate>%s</pubDate></item>", i, s.URL, i, d.Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range 50 {
			fmt.Fprintf(w, "<url><loc>/archive/%d</loc><lastmod>2025-12-%02d</lastmod></url>", i, i%28+1)
		}
		fmt.Fprint(w, `</urlset>`)
	})
	article := func(w http.ResponseWriter, r *http.Request) {
		body := fmt.Sprintf(`<html><head><title>Story at %s</title></head><body><article>
<h1>Story at %s</h1><p>Ada Lovelace said the engine at %s might compose music of any complexity.</p>
<p>The analytical engine weaves algebraic patterns as the Jacquard loom weaves flowers and leaves.</p>
</article></body></html>`, r.URL.Path, r.URL.Path, r.URL.Path)
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			s.conditional++
		}
		if r.Header.Get("If-None-Match") == etag {
			s.notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.full++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/news/", article)
	mux.HandleFunc("/archive/", article)
	mux.HandleFunc("/private/", article)
	mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		// The charset is named only in the header: the cleaner must use it.
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><head><title>Caf\xe9 society</title></head><body><article><p>\x93We serve caf\xe9 cr\xe8me all day,\x94 said the owner, Zo\xeb Smith.</p><p>Prices start at \x803.</p></article></body></html>"))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><p>%s</p></body></html>", strings.Repeat("x", 4096))
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *site) counts() (full, notModified, conditional int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full, s.notModified, s.conditional
}

// fastFetch lets tests reach the loopback site without waiting a second
// per request.
func fastFetch() FetchOptions {
	return FetchOptions{AllowPrivate: true, Rate: 10000, PerHost: 4, Timeout: 5 * time.Second}
}

func TestIngestFeedAndSitemapThenReRunThenReindex(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	store := NewStore(filepath.Join(t.TempDir(), "pages"))
	w := newMemWriter()
	inputs := []string{s.URL + "/feed.xml", s.URL + "/sitemap.xml"}
	var failures []string
	onFail := func(e *ItemError) { failures = append(failures, e.Error()) }

	first := new(Stats)
	if err := Ingest(t.Context(), inputs, fakeTagger{}, w, w, Options{Fetch: fastFetch(), Store: store, Stats: first}, onFail); err != nil {
		t.Fatal(err)
	}
	if len(failures) > 0 {
		t.Fatalf("failures: %v", failures)
	}
	if first.Read.Load() != 100 || first.Fetched.Load() != 100 || first.Indexed.Load() != 100 {
		t.Fatalf("first run: read %d, fetched %d, indexed %d; want 100 each", first.Read.Load(), first.Fetched.Load(), first.Indexed.Load())
	}
	var d index.Doc
	for _, doc := range w.docs {
		if doc.Source == s.URL+"/news/7" {
			d = doc
		}
	}
	if d.Source != s.URL+"/news/7" || d.URL != s.URL+"/news/7" || d.Title != "Story at /news/7" || len(d.Person) != 1 {
		t.Errorf("doc of /news/7 = %+v", d)
	}

	// A re-run asks conditionally for every page and fetches nothing new.
	second := new(Stats)
	if err := Ingest(t.Context(), inputs, fakeTagger{}, w, w, Options{Fetch: fastFetch(), Store: store, Stats: second}, onFail); err != nil {
		t.Fatal(err)
	}
	full, notModified, conditional := s.counts()
	if full != 100 || notModified != 100 || conditional != 100 {
		t.Errorf("site answered %d in full and %d not modified to %d conditional requests; want 100, 100, 100", full, notModified, conditional)
	}
	if second.Fetched.Load() != 0 || second.NotModified.Load() != 100 || second.Unchanged.Load() != 100 || second.Tagged.Load() != 0 {
		t.Errorf("second run: fetched %d, not modified %d, unchanged %d, tagged %d; want 0, 100, 100, 0",
			second.Fetched.Load(), second.NotModified.Load(), second.Unchanged.Load(), second.Tagged.Load())
	}

	// Reindex rebuilds a fresh index from the store, with the site gone.
	s.Close()
	fresh := newMemWriter()
	re := new(Stats)
	if err := Ingest(t.Context(), nil, fakeTagger{}, fresh, fresh, Options{Store: store, Reindex: true, Stats: re}, onFail); err != nil {
		t.Fatal(err)
	}
	if re.Indexed.Load() != 100 || re.Fetched.Load() != 0 || len(failures) > 0 {
		t.Errorf("reindex: indexed %d, fetched %d, failures %v; want 100, 0, none", re.Indexed.Load(), re.Fetched.Load(), failures)
	}
	if got := fresh.docs[d.ID]; got.Hash != d.Hash || got.Source != d.Source {
		t.Errorf("reindexed doc %+v, want %+v", got, d)
	}
}

func TestFetchFailuresAreReportedAndTheBatchGoesOn(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	list := filepath.Join(t.TempDir(), "urls.txt")
	paths := []string{"/news/1", "/missing", "/private/x", "/pdf", "/loop", "/slow", "/big", "/news/2"}
	var lines []string
	for _, p := range paths {
		lines = append(lines, s.URL+p)
	}
	lines = append(lines, "# a comment", "", "ftp://files.example/a", s.URL+"/news/1") // the repeat is fetched once
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := fastFetch()
	opt.MaxBytes = 2048
	opt.Timeout = 2 * time.Second // for /slow; loose enough for a loaded -race run
	w := newMemWriter()
	stats := new(Stats)
	got := map[string]error{}
	err := Ingest(t.Context(), nil, fakeTagger{}, w, w, Options{URLLists: []string{list}, Fetch: opt, Stats: stats}, func(e *ItemError) {
		if e.Stage != StageFetch {
			t.Errorf("%v: stage %s, want fetch", e, e.Stage)
		}
		got[strings.TrimPrefix(e.Source, s.URL)] = e.Err
	})
	if err != nil {
		t.Fatal(err)
	}
	var status *fetch.StatusError
	for path, check := range map[string]func(error) bool{
		"/missing": func(err error) bool {
			return errors.As(err, &status) && status.Code == 404 && err.Error() == "HTTP 404 Not Found"
		},
		"/private/x": func(err error) bool { return errors.Is(err, fetch.ErrRobots) },
		"/pdf": func(err error) bool {
			return errors.Is(err, fetch.ErrNotHTML) && strings.Contains(err.Error(), "application/pdf")
		},
		"/loop": func(err error) bool { return errors.Is(err, fetch.ErrTooManyRedirects) },
		"/slow": func(err error) bool { return errors.Is(err, fetch.ErrTimeout) },
		"/big":  func(err error) bool { return errors.Is(err, fetch.ErrTooLarge) },
		"ftp://files.example/a": func(err error) bool {
			return errors.Is(err, fetch.ErrScheme)
		},
	} {
		err, ok := got[path]
		if !ok || !check(err) {
			t.Errorf("%s: failed with %v (reported %t)", path, err, ok)
		}
	}
	if stats.Failed.Load() != 7 || stats.Indexed.Load() != 2 || stats.Fetched.Load() != 2 {
		t.Errorf("failed %d, indexed %d, fetched %d; want 7, 2, 2", stats.Failed.Load(), stats.Indexed.Load(), stats.Fetched.Load())
	}
}

func TestWindows1252PageIsDecodedFromTheHeader(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	var items []*Item
	err := Extract(t.Context(), []string{s.URL + "/cp1252"}, fakeTagger{}, Options{Fetch: fastFetch()}, func(it *Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil || len(items) != 1 || items[0].Err != nil {
		t.Fatalf("Extract: %v, %v", err, items)
	}
	a := items[0].Article
	want := "“We serve café crème all day,” said the owner, Zoë Smith.\n\nPrices start at €3."
	if a.Title != "Café society" || a.Text != want {
		t.Errorf("title %q, text %q; want %q, %q", a.Title, a.Text, "Café society", want)
	}
}

func TestPrivateAddressRefusedWithoutTheFlag(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	w := newMemWriter()
	var errs []error
	opt := fastFetch()
	opt.AllowPrivate = false
	err := Ingest(t.Context(), []string{s.URL + "/news/1"}, fakeTagger{}, w, w, Options{Fetch: opt}, func(e *ItemError) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fetch.ErrPrivate) || !strings.Contains(errs[0].Error(), "127.0.0.1 is a loopback address") {
		t.Errorf("errors %v, want one refusing the loopback address", errs)
	}
	if full, _, _ := s.counts(); full != 0 {
		t.Errorf("site answered %d requests", full)
	}
}

func TestURLListFromStdinAndSince(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	w := newMemWriter()
	stats := new(Stats)
	opt := fastFetch()
	opt.Since = time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC) // the feed's last 5 days
	stdin := strings.NewReader(s.URL + "/news/100\n" + s.URL + "/news/101\n")
	err := Ingest(t.Context(), []string{s.URL + "/feed.xml"}, fakeTagger{}, w, w,
		Options{Fetch: opt, URLLists: []string{"-"}, Stdin: stdin, Stats: stats}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Indexed.Load() != 7 {
		t.Errorf("indexed %d, want 5 from the feed and 2 from stdin", stats.Indexed.Load())
	}
}
