package extract

import (
	"go/build"
	"path"
	"slices"
	"strings"
	"testing"
)

// TestPackageLayout keeps the arrows of extract's packages pointing one
// way: clean, names, quotes and dates import none of each other, except
// quotes, which takes speakers' names from names, and all of them may use
// the shared packages under extract/internal. The entity model (ner) reads
// its word resources from lexicon, which, like the cluster algorithm that
// built them, imports nothing of ours. No extract package imports
// pipeline, index or cmd.
func TestPackageLayout(t *testing.T) {
	t.Parallel()
	const mod = "github.com/bylinehq/byline/"
	allowed := map[string][]string{
		"extract/clean":            nil,
		"extract/names":            {"extract/internal/nlp", "extract/internal/ner", "extract/internal/lexicon"},
		"extract/quotes":           {"extract/internal/nlp", "extract/names"},
		"extract/dates":            {"extract/internal/nlp"},
		"extract/internal/nlp":     nil,
		"extract/internal/ner":     {"extract/internal/nlp", "extract/internal/lexicon"},
		"extract/internal/lexicon": nil,
		"extract/internal/cluster": nil,
		"extract":                  {"extract/clean", "extract/names", "extract/quotes", "extract/dates", "extract/internal/nlp"},
	}
	for pkg, ok := range allowed {
		t.Run(pkg, func(t *testing.T) {
			t.Parallel()
			p, err := build.Import(mod+pkg, ".", 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range p.Imports {
				rel, ours := strings.CutPrefix(imp, mod)
				if !ours {
					continue
				}
				if !slices.Contains(ok, rel) {
					t.Errorf("%s imports %s; it may import only %v of Byline's packages", pkg, path.Clean(rel), ok)
				}
			}
		})
	}
}
