package corpus_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
	"github.com/bylinehq/byline/pipeline/eval"
)

// wikinewsDir is the Wikinews article directory the gold files under dev/
// and test/ refer to. The articles are not in the repository (CC BY 2.5,
// passed by path); by default they are found beside the checkout, in the
// project's shared folder (../shared/data/wikinews from the repository
// root), and the tests that need them skip, saying where they looked, when
// they are missing.
var wikinewsDir = flag.String("wikinews-dir", filepath.Join("..", "..", "shared", "data", "wikinews"),
	"directory of the Wikinews NNNNN.txt articles that dev/ and test/ gold files name")

// wikinewsGolds are the gold files whose documents are Wikinews
// articles in wikinewsDir.
var wikinewsGolds = []string{
	"dev/wikinews-dates.gold.json",
	"dev/wikinews-quotes.gold.json",
	"dev/wikinews-quotes-2.gold.json",
	"dev/wikinews-quotes-3.gold.json",
	"test/wikinews-quotes-heldout-2.gold.json",
}

func loadGoldFile(t *testing.T, path string) *eval.Gold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	g, err := eval.LoadGold(f)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return g
}

// TestIndirectQuoteGoldsAreMeasurements checks what makes the blind
// quote golds (the held-out test/ gold and the second dev gold)
// measurements rather than gates: each sets no thresholds, says how it
// was made, holds the number of documents its selection rule picks, and
// annotates indirect speech in every document, so that predicted indirect
// quotes are scored there.
func TestIndirectQuoteGoldsAreMeasurements(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		path string
		docs int
	}{
		{"test/wikinews-quotes-heldout-2.gold.json", 20},
		{"dev/wikinews-quotes-3.gold.json", 20},
		{"dev/wikinews-quotes-2.gold.json", 25},
	} {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			g := loadGoldFile(t, tc.path)
			if g.Description == "" {
				t.Error("description is empty: say who annotated it, when and how")
			}
			if len(g.Thresholds) != 0 {
				t.Errorf("thresholds = %v, want none: a blind quote gold measures, it does not gate", g.Thresholds)
			}
			if len(g.Documents) != tc.docs {
				t.Errorf("%d documents, want the %d the selection rule picks", len(g.Documents), tc.docs)
			}
			for _, d := range g.Documents {
				if !d.Indirect {
					t.Errorf("%s: not flagged indirect, so predicted indirect quotes would go unscored", d.File)
				}
				if d.People != nil || d.Organizations != nil || d.Places != nil || d.Dates != nil {
					t.Errorf("%s: annotates more than quotes", d.File)
				}
			}
		})
	}
}

// TestWikinewsGoldStringsOccurInCleanedText cleans each article a Wikinews
// gold file names, as the pipeline does for plain text, and scores the
// gold against records with no predictions: the scorer itself then
// locates every gold quote (and any other gold string) in the cleaned
// text, and any it cannot find is reported as a gold error.
func TestWikinewsGoldStringsOccurInCleanedText(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(*wikinewsDir); err != nil {
		t.Skipf("Wikinews articles not found at %s (set -wikinews-dir): %v", *wikinewsDir, err)
	}
	for _, path := range wikinewsGolds {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			g := loadGoldFile(t, path)
			var recs []pipeline.Record
			for _, d := range g.Documents {
				raw, err := os.ReadFile(filepath.Join(*wikinewsDir, d.File))
				if err != nil {
					t.Errorf("article of %s: %v", d.File, err)
					continue
				}
				a, err := extract.CleanText(raw)
				if err != nil {
					t.Errorf("clean %s: %v", d.File, err)
					continue
				}
				recs = append(recs, pipeline.Record{Source: d.File, Title: a.Title, Text: a.Text})
			}
			r := eval.Score(g, recs)
			for _, it := range r.Items {
				if it.Kind == eval.GoldErr || it.Kind == eval.NoRecord {
					t.Errorf("%s: %s %s %q: %s", it.Doc, it.Metric, it.Kind, it.Text, it.Want)
				}
			}
			if n := len(r.Documents); n != len(g.Documents) || slices.ContainsFunc(r.Documents, func(d eval.DocReport) bool { return d.Missing }) {
				t.Errorf("scored %d of %d documents, some without a record", n, len(g.Documents))
			}
		})
	}
}
