package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/web"
)

// request sends method path to h and returns the response.
func request(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequestWithContext(t.Context(), method, path, nil))
	return rec
}

// getJSON GETs path from h and decodes the body.
func getJSON(t *testing.T, h http.Handler, path string) (int, map[string]any) {
	t.Helper()
	rec := request(t, h, http.MethodGet, path)
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("GET %s: body is not a JSON object: %v\n%s", path, err, rec.Body)
	}
	return rec.Code, m
}

func q(s string) string { return url.QueryEscape(s) }

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestServeCommand serves an index of the seed corpus built by ingest add:
// the API's hits are the lines of ingest search --json, the index is held
// while it is open, and the command prints its URL, answers on a real
// listener and stops when its context is cancelled.
func TestServeCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if code, _, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	const basu = `person:"Neil Basu"`
	code, cliOut, errs := ingest(t, t.Context(), "", "search", "--index", dir, "--json", basu)
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errs)
	}
	var cliHits []map[string]any
	for _, m := range jsonLines(t, cliOut) {
		if m["message_type"] == "hit" {
			cliHits = append(cliHits, m)
		}
	}

	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := web.New(ix, discard())
	t.Run("api search is search --json", func(t *testing.T) {
		code, m := getJSON(t, h, "/api/search?q="+q(basu))
		if code != http.StatusOK {
			t.Fatalf("status %d: %v", code, m)
		}
		hits, _ := m["hits"].([]any)
		// The hits are the lines of ingest search --json, field for field.
		if len(hits) != len(cliHits) {
			t.Fatalf("%d hits, CLI %d", len(hits), len(cliHits))
		}
		for i := range hits {
			a, _ := json.Marshal(hits[i])
			b, _ := json.Marshal(cliHits[i])
			if string(a) != string(b) {
				t.Errorf("hit %d differs from the CLI's:\n%s\n%s", i, a, b)
			}
		}
	})

	t.Run("locked", func(t *testing.T) {
		code, _, errs := ingest(t, t.Context(), "", "serve", "--index", dir, "--addr", "127.0.0.1:0")
		if code != exitFatal || !strings.Contains(errs, "open elsewhere") || !strings.Contains(errs, "stop the other") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("listener", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		outR, outW := io.Pipe()
		done := make(chan int, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--index", dir, "--addr", "127.0.0.1:0"}, strings.NewReader(""), outW, io.Discard)
			outW.Close()
		}()
		line, err := bufio.NewReader(outR).ReadString('\n')
		if err != nil {
			t.Fatalf("no URL on stdout: %v (exit %d)", err, <-done)
		}
		base := strings.TrimSpace(line)
		if !strings.HasPrefix(base, "http://127.0.0.1:") {
			t.Fatalf("stdout %q, want the URL on 127.0.0.1", line)
		}
		resp, err := http.Get(base + "api/search?q=" + q(basu))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		err = json.NewDecoder(resp.Body).Decode(&m)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 || m["total"] != 2.0 {
			t.Errorf("GET: %v, status %d, %v", err, resp.StatusCode, m)
		}
		cancel() // as Ctrl-C
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("exit %d after shutdown, want 0", code)
			}
		case <-time.After(shutdownTimeout + 5*time.Second):
			t.Fatal("serve did not stop when its context was cancelled")
		}
		// The index was closed: another command can open it.
		if code, _, errs := ingest(t, t.Context(), "", "search", "--index", dir, "leak"); code != 0 {
			t.Errorf("search after serve: exit %d: %s", code, errs)
		}
	})
}

func TestIsLoopback(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.0.0.2": true, "::1": true, "localhost": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.5": false, "example.org": false,
	} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestServeUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"serve", "--addr", "8080"},
		{"serve", "extra"},
	} {
		if code, _, errs := ingest(t, t.Context(), "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; %s", args, code, exitUsage, errs)
		}
	}
	code, _, errs := ingest(t, t.Context(), "", "serve", "--index", filepath.Join(t.TempDir(), "none"))
	if code != exitFatal || !strings.Contains(errs, "ingest add") {
		t.Errorf("missing index: exit %d, stderr %q", code, errs)
	}
}
