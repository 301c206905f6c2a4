package main

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/web"
)

// TestShowCorpus builds an index of the seed corpus, finds the LBC
// article's ID with search, and shows it as text and as JSON.
func TestShowCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir); code != 0 {
		t.Fatalf("add: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	code, out, errs := ingest(t, t.Context(), "", "search", "--index", dir, "--json", `person:"Cressida Dick"`)
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errs)
	}
	var id string
	for _, m := range jsonLines(t, out) {
		if m["message_type"] == "hit" {
			id, _ = m["id"].(string)
		}
	}
	if id == "" {
		t.Fatalf("no hit for the LBC article:\n%s", out)
	}

	t.Run("text search prints the id", func(t *testing.T) {
		code, out, errs := ingest(t, t.Context(), "", "search", "--index", dir, `person:"Cressida Dick"`)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, " · id "+id+"\n") {
			t.Errorf("text results do not give the id %s to pass to show:\n%s", id, out)
		}
	})

	t.Run("text", func(t *testing.T) {
		code, out, errs := ingest(t, t.Context(), "", "show", "--index", dir, id)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		want := []string{
			"Met Commissioner: Damian Green Leak Detectives Could Be Prosecuted\n",
			" · 2017-12-04 · id " + id + "\n",
			"people: ", "Cressida Dick",
			"\nQuotes (",
			"\n1. ",
			"\nText\n\n",
		}
		last := 0
		for _, w := range want {
			i := strings.Index(out[last:], w)
			if i < 0 {
				t.Fatalf("output lacks %q after byte %d (the order is title, meta, names, quotes, text):\n%s", w, last, out)
			}
			last += i + len(w)
		}
		text := out[strings.Index(out, "\nText\n\n")+len("\nText\n\n"):]
		if n := strings.Count(text, "\n\n"); n < 5 {
			t.Errorf("text has %d paragraph breaks, want the article's paragraphs:\n%s", n, text)
		}
		if !strings.Contains(text, "duty of confidentiality") {
			t.Errorf("text lacks the article's words:\n%s", text)
		}
	})

	t.Run("json is the API's body", func(t *testing.T) {
		code, out, errs := ingest(t, t.Context(), "", "show", "--index", dir, "--json", id)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := jsonLines(t, out)
		if len(lines) != 1 || lines[0]["message_type"] != "article" || lines[0]["id"] != id {
			t.Fatalf("want one article object, got:\n%s", out)
		}
		for _, k := range []string{"title", "source", "published", "person", "organization", "place", "quotes", "text"} {
			if _, ok := lines[0][k]; !ok {
				t.Errorf("no %q in %s", k, out)
			}
		}
		ix, err := index.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		rec := request(t, web.New(ix, discard()), http.MethodGet, "/api/articles/"+id)
		if rec.Code != http.StatusOK || rec.Body.String() != out {
			t.Errorf("GET /api/articles/%s: %d\n%s\nwant the bytes of show --json:\n%s", id, rec.Code, rec.Body, out)
		}
	})

	t.Run("unknown ID", func(t *testing.T) {
		code, out, errs := ingest(t, t.Context(), "", "show", "--index", dir, "0123456789abcdef0123456789abcdef")
		if code != exitFatal || out != "" || !strings.HasPrefix(errs, `ingest show: no such article: "0123456789abcdef0123456789abcdef" in `) {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and the message", code, out, errs, exitFatal)
		}
		code, out, errs = ingest(t, t.Context(), "", "show", "--index", dir, "--json", "nope")
		if code != exitFatal || out != "" {
			t.Errorf("--json: exit %d, stdout %q", code, out)
		}
		var exitErr map[string]any
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &exitErr); err != nil || exitErr["message_type"] != "exit_error" || exitErr["code"] != float64(exitFatal) {
			t.Errorf("--json: stderr %q, want an exit_error object last", errs)
		}
	})

	t.Run("a quote's ID is not an article's", func(t *testing.T) {
		if code, _, errs := ingest(t, t.Context(), "", "show", "--index", dir, id+"#q0"); code != exitFatal || !strings.Contains(errs, "no such article") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}

// TestPrintArticle pins the text layout on an article with every kind of
// field, an unknown speaker and reported speech.
func TestPrintArticle(t *testing.T) {
	t.Parallel()
	a := &index.Article{
		ID: "a1", Title: "Harbour  wall\nrebuilt", Source: "a1.txt", URL: "https://news.example/a1",
		Text:   "Mary Jones spoke.\n\nThe council\nagreed.",
		Person: []string{"Mary Jones", "Ann Lee"}, Place: []string{"Portree"},
		Quotes: []index.QuoteHit{
			{Text: "We will rebuild it.", Speaker: "Mary Jones", Kind: "direct"},
			{Text: "that the wall would be rebuilt", Speaker: "Ann Lee", Kind: "indirect"},
			{Text: "at last", Kind: "partial"},
		},
	}
	var out strings.Builder
	printArticle(&Env{Stdout: &out}, a)
	want := `Harbour wall rebuilt
a1.txt · date unknown · id a1
url: https://news.example/a1
people: Mary Jones, Ann Lee
places: Portree

Quotes (3)
1. Mary Jones: “We will rebuild it.”
2. Ann Lee: (reported) that the wall would be rebuilt
3. (speaker unknown): “at last”

Text

Mary Jones spoke.

The council agreed.
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
