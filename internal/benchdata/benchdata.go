// Package benchdata supplies articles for Byline's benchmarks and load
// test: the Wikinews dev set (shared/data/wikinews beside the repository)
// when it is present, else the sample corpus embedded in package corpus,
// replicated to any number of articles with distinct ids and content.
//
// It is for benchmarks and tools only; nothing in the product imports it.
package benchdata

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bylinehq/byline/corpus"
)

// wikinewsRel is where the Wikinews dev set lives relative to a directory
// that contains both the repository and shared/.
var wikinewsRel = filepath.Join("shared", "data", "wikinews")

// Article is one plain-text article as read from disk: the title on the
// first line, a blank line, then the body (the layout CleanText reads).
type Article struct {
	Name string // file name; replicas add "~k"
	Raw  []byte
}

// Title returns the article's first line.
func (a Article) Title() string {
	t, _, _ := strings.Cut(string(a.Raw), "\n")
	return strings.TrimSpace(t)
}

// Body returns everything after the first line and the blank lines after
// it. Title() + "\n\n" + Body() is what CleanText sees for a file.
func (a Article) Body() string {
	_, b, _ := strings.Cut(string(a.Raw), "\n")
	return strings.TrimLeft(b, "\r\n")
}

// WikinewsDir finds shared/data/wikinews by walking up from the working
// directory, so it works from the repository root, a package directory or
// a worktree. It returns "" when there is none.
func WikinewsDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, wikinewsRel)
		if m, _ := filepath.Glob(filepath.Join(p, "*.txt")); len(m) > 0 {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load returns the base articles, sorted by name, and where they came
// from: the Wikinews directory, or "corpus" for the embedded sample.
func Load() ([]Article, string, error) {
	if dir := WikinewsDir(); dir != "" {
		arts, err := loadFS(os.DirFS(dir))
		return arts, dir, err
	}
	arts, err := loadFS(corpus.FS)
	return arts, "corpus", err
}

func loadFS(fsys fs.FS) ([]Article, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []Article
	for _, n := range names {
		raw, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("benchdata: %w", err)
		}
		out = append(out, Article{Name: n, Raw: raw})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("benchdata: no .txt articles")
	}
	return out, nil
}

// Replica returns copy k of base article i: k == 0 is the article itself;
// later copies carry a one-sentence paragraph naming the copy, so that
// their cleaned text, content hash and document id differ while the work
// of tagging them is the same. It is safe for concurrent use.
func Replica(base []Article, n int) Article {
	a := base[n%len(base)]
	k := n / len(base)
	if k == 0 {
		return a
	}
	raw := make([]byte, 0, len(a.Raw)+40)
	raw = append(raw, strings.TrimRight(string(a.Raw), "\n")...)
	raw = fmt.Appendf(raw, "\n\nThis is archive copy %d.\n", k)
	return Article{Name: fmt.Sprintf("%s~%d", a.Name, k), Raw: raw}
}

// Replicate returns n articles: the base set in order, then replicas.
func Replicate(base []Article, n int) []Article {
	out := make([]Article, n)
	for i := range out {
		out[i] = Replica(base, i)
	}
	return out
}
