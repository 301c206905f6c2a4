package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestEntitiesOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir); code != 0 {
		t.Fatalf("add: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}

	t.Run("speakers about a topic", func(t *testing.T) {
		code, out, errs := ingest(t, t.Context(), "", "entities", "--index", dir, "--type", "speaker", "--top", "3", "leak")
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 2 || !strings.Contains(lines[0], "QUOTES") || strings.Contains(lines[0], "ARTICLES") {
			t.Fatalf("output %q, want a QUOTES column and names", out)
		}
		if !strings.Contains(out, "Neil Basu") {
			t.Errorf("Neil Basu not among the top 3 quoted about a leak:\n%s", out)
		}

		_, out, _ = ingest(t, t.Context(), "", "entities", "--index", dir, "--json", "--type", "speaker", "leak")
		var all int
		for _, m := range jsonLines(t, out) {
			if m["message_type"] != "entity" {
				continue
			}
			if _, ok := m["articles"]; ok || m["type"] != "speaker" {
				t.Errorf("speaker line %v, want type speaker with quotes only", m)
			}
			if m["name"] == "Neil Basu" {
				all = int(m["quotes"].(float64))
			}
		}
		// Basu's quotes about the leak, as ingest quotes counts them.
		_, out, _ = ingest(t, t.Context(), "", "quotes", "--index", dir, "--json", "--speaker", "Neil Basu", "--limit", "100", "leak")
		want := 0
		for _, m := range jsonLines(t, out) {
			if m["message_type"] == "quote" && m["speaker"] == "Neil Basu" {
				want++
			}
		}
		if all < 2 || all != want {
			t.Errorf("Neil Basu: %d quotes about a leak, ingest quotes lists %d", all, want)
		}
	})

	t.Run("organisations of the articles matching a query", func(t *testing.T) {
		const query = `person:"Cressida Dick"`
		_, out, _ := ingest(t, t.Context(), "", "search", "--index", dir, "--json", query)
		var want []string
		for _, m := range jsonLines(t, out) {
			if m["message_type"] != "hit" {
				continue
			}
			if filepath.Base(m["source"].(string)) != lbc {
				t.Fatalf("search %s finds %v, want the LBC article only", query, m["source"])
			}
			for _, o := range m["organization"].([]any) {
				want = append(want, o.(string))
			}
		}
		if len(want) == 0 {
			t.Fatalf("the LBC article names no organisation; search output:\n%s", out)
		}
		code, out, errs := ingest(t, t.Context(), "", "entities", "--index", dir, "--json", "--type", "organization", query)
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		var got []string
		for _, m := range jsonLines(t, out) {
			if m["message_type"] == "entity" {
				got = append(got, m["name"].(string))
				if m["articles"] != 1.0 {
					t.Errorf("%v, want 1 article", m)
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("entities %s = %v, want the LBC article's %v", query, got, want)
		}
	})

	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"leak~9"},
			{"--type", "speaker", `"unclosed`},
			{"--type", "city"},
			{"--top", "0"},
		} {
			args := append([]string{"entities", "--index", dir}, args...)
			if code, _, errs := ingest(t, t.Context(), "", args...); code != exitUsage {
				t.Errorf("%v: exit %d, want %d; stderr %s", args, code, exitUsage, errs)
			}
		}
	})
}
