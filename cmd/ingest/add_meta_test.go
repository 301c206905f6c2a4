package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/pipeline"
)

// metaFolder writes a journalist's folder: three pasted articles that
// state no date and a meta.jsonl sidecar matching them by id, by file
// name and by path, with one line that matches nothing.
func metaFolder(t *testing.T, aDate string) (dir, meta string) {
	t.Helper()
	dir = t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "march"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a.txt"), "Bridge reopens after repairs\n\nThe old river bridge reopened on Wednesday after six months of repairs, the town council said.\n")
	write(t, filepath.Join(dir, "b.html"), "<html><body><article><h1>Library extends its hours</h1><p>The central library will stay open until nine in the evening from next month, its director announced.</p></article></body></html>\n")
	write(t, filepath.Join(dir, "march", "c.txt"), "Market moves to the square\n\nThe weekly farmers' market moved to the town square last week, traders said.\n")
	meta = filepath.Join(dir, "meta.jsonl")
	write(t, meta, `{"id": "a", "date": "`+aDate+`", "url": "https://news.example/bridge", "licence": "CC BY 4.0"}
{"file": "b.html", "published": "2019-03-09", "authors": "Jo Bloggs"}
{"path": "march/c.txt", "date": "2019-03-10", "site_name": "Town Crier"}
{"id": "gone", "date": "2019-03-11"}
`)
	return dir, meta
}

// summaryOf returns the summary object of add --json output.
func summaryOf(t *testing.T, out string) map[string]any {
	t.Helper()
	for _, m := range jsonLines(t, out) {
		if m["message_type"] == "summary" {
			return m
		}
	}
	t.Fatalf("no summary in %s", out)
	return nil
}

func TestAddWithMeta(t *testing.T) {
	t.Parallel()
	dir, meta := metaFolder(t, "2019-03-08")
	idx := filepath.Join(t.TempDir(), "idx")
	add := func(t *testing.T, want map[string]float64, wantMeta map[string]any) {
		t.Helper()
		code, out, errs := ingest(t, t.Context(), "", "add", "--json", "--quiet", "--index", idx, "--meta", meta, dir)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, out, errs)
		}
		s := summaryOf(t, out)
		for k, v := range want {
			if s[k] != v {
				t.Errorf("summary %s = %v, want %v (%v)", k, s[k], v, s)
			}
		}
		m, _ := s["meta"].(map[string]any)
		for k, v := range wantMeta {
			if m[k] != v {
				t.Errorf("summary meta.%s = %v, want %v (%v)", k, m[k], v, m)
			}
		}
	}
	metaCounts := map[string]any{"matched": 3.0, "unmatched": 0.0, "unused": 1.0, "errors": 0.0}

	t.Run("first run", func(t *testing.T) {
		add(t, map[string]float64{"read": 3, "indexed": 3, "failed": 0, "skipped": 0}, metaCounts)
		code, out, errs := ingest(t, t.Context(), "", "search", "--index", idx, "--json", `published:>="2019-03-08" published:<"2019-03-11"`)
		if code != 0 {
			t.Fatalf("search: exit %d: %s", code, errs)
		}
		if got := hitSources(t, out); strings.Join(got, " ") != "a.txt b.html c.txt" {
			t.Errorf("published in range: %v, want all three", got)
		}
	})
	t.Run("re-run unchanged", func(t *testing.T) {
		add(t, map[string]float64{"read": 3, "indexed": 0, "unchanged": 3}, metaCounts)
	})
	t.Run("edited date re-indexes", func(t *testing.T) {
		edited := strings.Replace(readFile(t, meta), `"date": "2019-03-08"`, `"date": "2019-03-15"`, 1)
		write(t, meta, edited)
		add(t, map[string]float64{"read": 3, "indexed": 1, "unchanged": 2}, metaCounts)
	})
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExtractWithMetaResolvesWeekday: "on Wednesday" in an article dated
// by its sidecar line Friday 8 March 2019 is 6 March.
func TestExtractWithMetaResolvesWeekday(t *testing.T) {
	t.Parallel()
	dir, meta := metaFolder(t, "2019-03-08")
	code, out, errs := ingest(t, t.Context(), "", "extract", "--meta", meta, filepath.Join(dir, "a.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r pipeline.Record
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Published == nil || *r.Published != "2019-03-08" || r.Sources["published"] != pipeline.FromMeta {
		t.Errorf("published %v from %q, want 2019-03-08 from meta", r.Published, r.Sources["published"])
	}
	if r.URL == nil || *r.URL != "https://news.example/bridge" {
		t.Errorf("url %v", r.URL)
	}
	found := false
	for _, d := range r.Dates {
		if d.Text == "Wednesday" {
			found = true
			if d.Value == nil || *d.Value != "2019-03-06" {
				t.Errorf("Wednesday = %v, want 2019-03-06", d.Value)
			}
		}
	}
	if !found {
		t.Errorf("no Wednesday in %+v", r.Dates)
	}
}

func TestAddMetaProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		withMeta bool
		badLine  bool
		code     int
		stderr   []string // each must appear exactly once
	}{
		{"sidecar without --meta is skipped once", false, false, 0,
			[]string{"skipped: ", "meta.jsonl: no line has text or html: a metadata file? pass it with --meta", "failed 0, skipped 1"}},
		{"bad line names file:line and the rest goes on", true, true, 3,
			[]string{"meta.jsonl:5: meta: not a JSON object", "indexed 3", "meta: 3 matched, 0 files without a line, 1 unused lines, 1 bad lines"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir, meta := metaFolder(t, "2019-03-08")
			if tt.badLine {
				write(t, meta, readFile(t, meta)+`{"id": "x", "date": `+"\n")
			}
			args := []string{"add", "--quiet", "--index", filepath.Join(t.TempDir(), "idx")}
			if tt.withMeta {
				args = append(args, "--meta", meta)
			}
			code, _, errs := ingest(t, t.Context(), "", append(args, dir)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			for _, s := range tt.stderr {
				if n := strings.Count(errs, s); n != 1 {
					t.Errorf("%q appears %d times in stderr:\n%s", s, n, errs)
				}
			}
			if strings.Contains(errs, "no text or html\n") {
				t.Errorf("a metadata line failed as an article:\n%s", errs)
			}
		})
	}
}

// TestAddJSONReportsSkippedSidecar: with --json the skipped sidecar is one
// "skipped" message with its reason, and the summary has no meta counts.
func TestAddJSONReportsSkippedSidecar(t *testing.T) {
	t.Parallel()
	dir, meta := metaFolder(t, "2019-03-08")
	code, out, errs := ingest(t, t.Context(), "", "add", "--json", "--quiet", "--index", filepath.Join(t.TempDir(), "idx"), dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var skipped []map[string]any
	for _, m := range jsonLines(t, out) {
		if m["message_type"] == "skipped" {
			skipped = append(skipped, m)
		}
	}
	if len(skipped) != 1 || skipped[0]["source"] != meta || !strings.HasPrefix(skipped[0]["reason"].(string), "no line has text or html") {
		t.Errorf("skipped messages: %v", skipped)
	}
	if s := summaryOf(t, out); s["skipped"] != 1.0 || s["failed"] != 0.0 || s["meta"] != nil {
		t.Errorf("summary: %v", s)
	}
}
