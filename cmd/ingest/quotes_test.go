package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestQuotesBySpeakerOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir); code != 0 {
		t.Fatalf("add: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}

	code, out, errs := ingest(t, t.Context(), "", "quotes", "--index", dir, "--json", "--speaker", "Neil Basu", "leak")
	if code != 0 {
		t.Fatalf("quotes: exit %d\nstderr: %s", code, errs)
	}
	var sources []string
	n := 0
	for _, m := range jsonLines(t, out) {
		if m["message_type"] != "quote" {
			continue
		}
		n++
		text, _ := m["text"].(string)
		if m["speaker"] != "Neil Basu" {
			t.Errorf("quote by %v listed for --speaker \"Neil Basu\": %q", m["speaker"], text)
		}
		if !strings.Contains(strings.ToLower(text), "leak") {
			t.Errorf("quote without the word: %q", text)
		}
		if m["title"] == "" {
			t.Errorf("quote without its article's title: %v", m)
		}
		sources = append(sources, filepath.Base(m["source"].(string)))
	}
	if n < 2 || !slices.Contains(sources, bbc) || !slices.Contains(sources, dm) {
		t.Errorf("Basu's quotes about the leak come from %v, want both Darroch articles", sources)
	}

	// Trump also talks about leaking ("stop their leaking problems"), and
	// Basu is named in the same article: neither makes his quote Basu's.
	_, out, _ = ingest(t, t.Context(), "", "quotes", "--index", dir, `speaker:"Neil Basu" ambassador well`)
	if strings.Contains(out, "I wish the British ambassador well") {
		t.Errorf("Trump's quote listed for Basu:\n%s", out)
	}
	_, out, _ = ingest(t, t.Context(), "", "quotes", "--index", dir, "--speaker", "Trump", "ambassador")
	if !strings.Contains(out, "Donald Trump: “I wish the British ambassador well") {
		t.Errorf("Trump's quote not listed:\n%s", out)
	}

	// Article search still returns only articles.
	_, out, _ = ingest(t, t.Context(), "", "search", "--index", dir, "--json", `speaker:"Neil Basu"`)
	if got := hitSources(t, out); !slices.Equal(got, []string{bbc, dm}) {
		t.Errorf("search speaker:\"Neil Basu\" = %v, want the two articles", got)
	}

	if code, _, _ := ingest(t, t.Context(), "", "quotes", "--index", dir); code != exitUsage {
		t.Errorf("quotes without query or speaker: exit %d, want %d", code, exitUsage)
	}
}
