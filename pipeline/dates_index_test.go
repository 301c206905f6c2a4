package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bylinehq/byline/corpus"
	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// TestDateFieldFindsMentionedMonth ingests the sample corpus with the real
// tagger and checks that one query on the date field finds the articles
// that mention a date in July 2019: the two Darroch-leak articles, which
// state no date and are ingested as published on 12 July 2019, and not
// the LBC article of December 2017, which mentions only a year.
func TestDateFieldFindsMentionedMonth(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the tagger's model")
	}
	dir := t.TempDir()
	files := map[string][]string{}
	for _, name := range []string{"000_4e0b8ae045c7ba6e.txt", "001_e9a0c4fc5fbda047.txt", "002_5db6a7f1b5a475b5.txt"} {
		b, err := fs.ReadFile(corpus.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		key := "stated"
		if name != "002_5db6a7f1b5a475b5.txt" {
			key = "july"
		}
		files[key] = append(files[key], p)
	}
	tagger, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	july := Options{Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC)}
	if err := Ingest(t.Context(), files["july"], tagger, w, nil, july, nil); err != nil {
		t.Fatal(err)
	}
	if err := Ingest(t.Context(), files["stated"], tagger, w, nil, Options{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	search := func(q string) []string {
		res, err := ix.Search(t.Context(), index.Request{Query: q})
		if err != nil {
			t.Fatalf("search %s: %v", q, err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, filepath.Base(h.Source))
		}
		slices.Sort(out)
		return out
	}
	if got, want := search(`date:>="2019-07-01" date:<"2019-08-01"`), []string{"000_4e0b8ae045c7ba6e.txt", "001_e9a0c4fc5fbda047.txt"}; !slices.Equal(got, want) {
		t.Errorf("July 2019: got %q, want %q", got, want)
	}
	if got := search(`date:>="2019-08-01" date:<"2019-09-01"`); len(got) != 0 {
		t.Errorf("August 2019: got %q, want nothing", got)
	}
}
