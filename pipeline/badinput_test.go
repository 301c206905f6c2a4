package pipeline

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// badInputServer serves one good article and pages that fail in the ways
// a journalist's URLs do.
func badInputServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Good page</title></head><body><article><p>Ada Lovelace wrote the first program, a good page says.</p></article></body></html>`)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4 not an article")
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/private/page", func(w http.ResponseWriter, r *http.Request) {
		t.Error("a page robots.txt disallows was requested")
	})
	mux.HandleFunc("/truncated-gzip", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		fmt.Fprintf(zw, "<html><body><article><p>%s</p></article></body></html>", strings.Repeat("A page cut off in transit. ", 200))
		zw.Close()
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes()[:buf.Len()/2])
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><p>%s</p></body></html>", strings.Repeat("x", 64<<10))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestBadInputsAreReportedByName runs one batch holding every class of
// bad input a journalist meets, beside good articles, and checks that each
// bad one is reported once, by its file, line or URL, with its stage and
// reason, and counted, and that every good one is indexed. It keeps the
// fault-injection campaign of issue 20 ("17 classes of bad input were
// reported by name, and the rest of each batch was indexed") as a test.
func TestBadInputsAreReportedByName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := badInputServer(t)
	p := func(name string) string { return filepath.Join(dir, name) }

	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	invalid := bytes.Repeat([]byte("caf\xc3\xa9 \xff\xfe\xfd\xfc\xfb "), 100) // valid UTF-8 among mostly invalid bytes
	writeFiles(t, dir, map[string]string{
		"good.txt":         article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"good.html":        `<html><head><title>Looms</title></head><body><article><p>The Jacquard loom used punched cards to weave patterns.</p></article></body></html>`,
		"empty.txt":        "",
		"blank.txt":        " \n\t\n\n",
		"binary.txt":       string(random),
		"nul.txt":          "Title\n\nSome text with a NUL\x00 byte in it.",
		"invalid-utf8.txt": string(invalid),
		"no-article.html":  `<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>`,
		"deep.html":        strings.Repeat("<div>", 600) + "<p>Too deep to reach.</p>" + strings.Repeat("</div>", 600),
		"broken-link.txt":  "->nowhere.txt",
		"panic.txt":        article("Boom", "This text makes the tagger PANIC on purpose."),
		"unreadable.txt":   article("Secret", "Nobody may read this file."),
		"folder/ok.txt":    article("Notes", "Ada Lovelace published her notes in a journal."),
		"folder/again/up":  "->..",
		"articles.jsonl":   `{"id":"j1","title":"Notes","text":"Ada Lovelace published her notes."}` + "\n" + "{not json\n" + `{"id":"j3","title":"No text"}` + "\n" + `{"id":"j4","text":"Dated oddly.","published":"last Tuesday"}` + "\n",
	})
	// Over the cap without writing 16 MiB: a sparse file.
	writeFiles(t, dir, map[string]string{"huge.txt": ""})
	if err := os.Truncate(p("huge.txt"), MaxInputBytes+1); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p("unreadable.txt"), 0); err != nil {
		t.Fatal(err)
	}
	fifo := p("folder/pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Logf("no named pipes here: %v", err)
		fifo = ""
	}

	type want struct {
		source, stage, reason string
	}
	cases := []struct {
		class string
		input string // "" when the source is reached through another input
		want
	}{
		{"empty file", p("empty.txt"), want{p("empty.txt"), StageClean, "no article text found"}},
		{"blank file", p("blank.txt"), want{p("blank.txt"), StageClean, "no article text found"}},
		{"binary file", p("binary.txt"), want{p("binary.txt"), StageClean, "input is not text"}},
		{"NUL bytes", p("nul.txt"), want{p("nul.txt"), StageClean, "input is not text: NUL byte"}},
		{"invalid UTF-8", p("invalid-utf8.txt"), want{p("invalid-utf8.txt"), StageClean, "invalid UTF-8"}},
		{"file over the size cap", p("huge.txt"), want{p("huge.txt"), StageRead, "input larger than 16 MiB"}},
		{"HTML with no article text", p("no-article.html"), want{p("no-article.html"), StageClean, "no article text found"}},
		{"HTML nested too deep", p("deep.html"), want{p("deep.html"), StageClean, "nested too deeply"}},
		{"unreadable file", p("unreadable.txt"), want{p("unreadable.txt"), StageRead, "permission denied"}},
		{"broken symlink", p("broken-link.txt"), want{p("broken-link.txt"), StageRead, "no such file or directory"}},
		{"missing path", p("typo.txt"), want{p("typo.txt"), StageRead, "no such file or directory"}},
		{"directory loop", p("folder"), want{p("folder/again/up"), StageRead, "directory loop"}},
		{"named pipe in a folder", "", want{fifo, StageRead, "not a regular file"}},
		{"bad JSON Lines line", p("articles.jsonl"), want{p("articles.jsonl") + ":2", StageClean, "not a JSON article"}},
		{"JSON Lines with no text", "", want{p("articles.jsonl") + ":3", StageClean, "article has no text or html"}},
		{"JSON Lines with a bad date", "", want{p("articles.jsonl") + ":4", StageClean, `published "last Tuesday"`}},
		{"article that crashes the tagger", p("panic.txt"), want{p("panic.txt"), StageTag, "panic: tagger blew up"}},
		{"unsupported scheme", "file:///etc/passwd", want{"file:///etc/passwd", StageRead, `unsupported scheme "file:"`}},
		{"unreachable URL", "http://" + closedPort(t) + "/news", want{"", StageFetch, "connection refused"}},
		{"404", s.URL + "/missing", want{s.URL + "/missing", StageFetch, "HTTP 404 Not Found"}},
		{"500", s.URL + "/broken", want{s.URL + "/broken", StageFetch, "HTTP 500 Internal Server Error"}},
		{"non-HTML content type", s.URL + "/report.pdf", want{s.URL + "/report.pdf", StageFetch, "not HTML: content type application/pdf"}},
		{"redirect loop", s.URL + "/loop", want{s.URL + "/loop", StageFetch, "too many redirects"}},
		{"disallowed by robots.txt", s.URL + "/private/page", want{s.URL + "/private/page", StageFetch, "disallowed by robots.txt"}},
		{"truncated gzip", s.URL + "/truncated-gzip", want{s.URL + "/truncated-gzip", StageFetch, "unexpected EOF"}},
		{"slow server", s.URL + "/slow", want{s.URL + "/slow", StageFetch, "timeout"}},
		{"page over the size cap", s.URL + "/huge", want{s.URL + "/huge", StageFetch, "response too large"}},
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: the unreadable file is readable and not checked")
	}
	inputs := []string{p("good.txt"), p("good.html"), s.URL + "/good"}
	var expected []want
	for i, c := range cases {
		if c.source == "" && c.input != "" {
			cases[i].source = c.input
		}
		if c.input != "" {
			inputs = append(inputs, c.input)
		}
		switch {
		case c.class == "unreadable file" && os.Geteuid() == 0:
			cases[i].reason = "" // read, and indexed
		case c.class == "named pipe in a folder" && fifo == "":
			cases[i].reason = ""
		default:
			expected = append(expected, cases[i].want)
		}
	}

	fo := fastFetch()
	fo.MaxRetries = -1
	fo.MaxBytes = 32 << 10
	fo.Timeout = time.Second
	_, stats, failed := ingestFailures(t, inputs, Options{Fetch: fo, Workers: 2})

	for _, c := range cases {
		t.Run(c.class, func(t *testing.T) {
			if c.reason == "" {
				t.Skip("not a failure on this system")
			}
			e := failed[c.source]
			if e == nil {
				t.Fatalf("%s: not reported", c.source)
			}
			if e.Stage != c.stage || !strings.Contains(e.Err.Error(), c.reason) {
				t.Errorf("%s: stage %s, reason %q; want %s, %q", c.source, e.Stage, e.Err, c.stage, c.reason)
			}
			if got, want := e.Error(), fmt.Sprintf("%s: %s: %v", c.source, c.stage, e.Err); got != want {
				t.Errorf("message %q does not name source, stage and reason", got)
			}
		})
	}
	if len(expected) < 17 {
		t.Errorf("%d classes of bad input checked, want at least 17", len(expected))
	}
	if int(stats.Failed.Load()) != len(expected) || len(failed) != len(expected) {
		t.Errorf("failed %d, reported %d; want %d", stats.Failed.Load(), len(failed), len(expected))
		for src, e := range failed {
			t.Logf("  %s: %v", src, e)
		}
	}
	// The rest of the batch: good.txt, good.html, /good, folder/ok.txt,
	// the good JSON Lines line (and the unreadable file, as root).
	good := int64(5)
	if os.Geteuid() == 0 {
		good++
	}
	if stats.Indexed.Load() != good {
		t.Errorf("indexed %d, want %d", stats.Indexed.Load(), good)
	}
}
