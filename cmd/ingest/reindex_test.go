package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// newsSite serves robots.txt, an RSS feed of three articles and the
// articles, answering conditional requests with 304.
func newsSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var full atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Local</title>
<item><link>%[1]s/a/1</link><pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate></item>
<item><link>%[1]s/a/2</link><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate></item>
<item><link>%[1]s/a/3</link><pubDate>Fri, 02 Jan 2026 09:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a/", func(w http.ResponseWriter, r *http.Request) {
		etag := `"` + strings.ReplaceAll(r.URL.Path, "/", "-") + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>Council story %[1]s</title>
<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>
<body><article><h1>Council story %[1]s</h1>
<p>Mayor Jane Okafor said on Monday that the council would reopen the library in %[1]s.</p>
<p>"We promised it and we will deliver it," Okafor said.</p></article></body></html>`, r.URL.Path)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &full
}

func TestAddFeedThenRerunThenReindex(t *testing.T) {
	srv, full := newsSite(t)
	dir := t.TempDir()
	ix := filepath.Join(dir, "x.bleve")
	fetchArgs := []string{"--allow-private", "--rate", "100", "--contact", "mailto:desk@example.org", "--quiet", "--json"}

	code, out, errs := ingest(t, t.Context(), "", append([]string{"add", "--index", ix, "--since", "2026-03-01"}, append(fetchArgs, srv.URL+"/feed.xml")...)...)
	if code != 0 {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	s := jsonLines(t, out)[0]
	if s["read"] != 2.0 || s["indexed"] != 2.0 || s["fetched"] != 2.0 || s["not_modified"] != 0.0 {
		t.Errorf("first add: %v", s)
	}

	code, out, errs = ingest(t, t.Context(), "", append([]string{"add", "--index", ix, "--since", "2026-03-01"}, append(fetchArgs, srv.URL+"/feed.xml")...)...)
	if code != 0 {
		t.Fatalf("second add: exit %d\n%s", code, errs)
	}
	s = jsonLines(t, out)[0]
	if s["fetched"] != 0.0 || s["not_modified"] != 2.0 || s["unchanged"] != 2.0 || full.Load() != 2 {
		t.Errorf("second add: %v; %d full answers, want 2", s, full.Load())
	}

	srv.Close()
	code, out, errs = ingest(t, t.Context(), "", "reindex", "--index", filepath.Join(dir, "y.bleve"), "--store", ix+".pages", "--json", "--quiet")
	if code != 0 {
		t.Fatalf("reindex: exit %d\n%s", code, errs)
	}
	if s = jsonLines(t, out)[0]; s["indexed"] != 2.0 || s["index_total"] != 2.0 {
		t.Errorf("reindex: %v", s)
	}
	code, out, _ = ingest(t, t.Context(), "", "search", "--index", filepath.Join(dir, "y.bleve"), "--json", `person:"Jane Okafor"`)
	if code != 0 || !strings.Contains(out, srv.URL+"/a/1") {
		t.Errorf("search after reindex: exit %d\n%s", code, out)
	}
}

func TestReindexWithoutStore(t *testing.T) {
	t.Parallel()
	code, _, errs := ingest(t, t.Context(), "", "reindex", "--index", filepath.Join(t.TempDir(), "x.bleve"))
	if code != exitFatal || !strings.Contains(errs, "no page store") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
