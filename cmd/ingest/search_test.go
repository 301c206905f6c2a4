package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/index"
)

// wideIndex writes an index of 100 articles of 12 words each, every
// word new (w00000 to w01199), each said again in a quote by Ann Lee:
// more words than a search may read (index.MaxTerms).
func wideIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter()
	for i := range 100 {
		words := make([]string, 12)
		for j := range words {
			words[j] = fmt.Sprintf("w%05d", i*12+j)
		}
		text := strings.Join(words, " ")
		d := index.Doc{
			ID: fmt.Sprintf("d%03d", i), Title: fmt.Sprintf("Article %d", i), Source: fmt.Sprintf("d%03d.txt", i), Text: text,
			Quotes: []index.Quote{{Text: text, Speaker: "Ann Lee", Kind: "direct"}},
		}
		if _, err := w.Write(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSearchBudgetsAndMistakes: a malformed query exits 2 (issue 20:
// title:(unclosed found nothing and exited 0), a search over its budget
// exits 5 and says what was exceeded, and * lists every article.
func TestSearchBudgetsAndMistakes(t *testing.T) {
	t.Parallel()
	dir := wideIndex(t)
	tests := []struct {
		args []string
		code int
		say  string // on stderr, or on stdout when code is 0
	}{
		{[]string{"search", "title:(unclosed"}, exitUsage, "the query syntax has no parentheses"},
		{[]string{"quotes", "(w00001 w00002)"}, exitUsage, "no parentheses"},
		{[]string{"entities", "w00001)"}, exitUsage, "no parentheses"},
		{[]string{"entities", "--top", "5000"}, exitUsage, "--top must be 1 to 1000"},
		{[]string{"search", "--limit", "20000", "--offset", "1", "w00001"}, exitUsage, "is more than 20000"},
		{[]string{"search", "w*"}, exitOverBudget, "search over budget: it reads more than 1024 terms"},
		{[]string{"search", "*01"}, exitOverBudget, "*01 starts with a wildcard"},
		{[]string{"quotes", "w*"}, exitOverBudget, "search over budget"},
		{[]string{"entities", "--type", "speaker", "w*"}, exitOverBudget, "search over budget"},
		{[]string{"search", "--timeout", "1ns", "w00001"}, exitOverBudget, "--timeout is 1ns: narrow the query or raise --timeout"},
		{[]string{"search", "--timeout", "-1s", "w00001"}, exitUsage, "--timeout must be"},
		{[]string{"search", "--timeout", "0", "w00001"}, exitOK, "1 hit for w00001"},
		{[]string{"search", "*"}, exitOK, "100 hits for *"},
		{[]string{"search", strings.Repeat("* ", 16)}, exitOK, "100 hits"},
		{[]string{"quotes", "*"}, exitOK, "100 quotes"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append([]string{tc.args[0], "--index", dir}, tc.args[1:]...)
			code, out, errs := ingest(t, t.Context(), "", args...)
			got := errs
			if tc.code == exitOK {
				got = out
			}
			if code != tc.code || !strings.Contains(got, tc.say) {
				t.Errorf("exit %d, want %d saying %q\nstdout: %s\nstderr: %s", code, tc.code, tc.say, out, errs)
			}
		})
	}
	code, _, errs := ingest(t, t.Context(), "", "search", "--index", dir, "--json", "w*")
	if code != exitOverBudget || !strings.Contains(errs, `"code":5`) {
		t.Errorf("--json: exit %d, stderr %s; want 5 and an exit_error with code 5", code, errs)
	}
}
