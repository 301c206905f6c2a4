package extract

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract/internal/testnews"
)

// devGold is the dates part of corpus/dev/wikinews-dates.gold.json, in the
// gold format of corpus/README.md.
type devGold struct {
	Documents []struct {
		File   string `json:"file"`
		Anchor string `json:"anchor"`
		Dates  []struct {
			Text  string  `json:"text"`
			Value *string `json:"value"`
		} `json:"dates"`
	} `json:"documents"`
}

// sharedWikinews is where the Wikinews articles are when the checkout sits
// beside the project's shared folder (../shared/data/wikinews from the
// repository root), relative to this package.
var sharedWikinews = filepath.Join("..", "..", "shared", "data", "wikinews")

// wikinewsDir returns the Wikinews articles' directory: -wikinews-dir, or
// else sharedWikinews when it exists; the test skips, saying so, when
// there is neither.
func wikinewsDir(t *testing.T) string {
	t.Helper()
	dir := cmp.Or(*testnews.Dir, sharedWikinews)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no Wikinews articles at %s (set -wikinews-dir): %v", dir, err)
	}
	return dir
}

// TestDevGoldDates scores FindDates against the dev gold of dates on
// Wikinews articles, directly rather than through pipeline/eval, so the
// figure does not depend on the other aspects the dev gold leaves out. It
// runs whenever the articles are found (see wikinewsDir):
//
//	go test ./extract -run DevGoldDates -v
//
// Gold strings are located as corpus/README.md says (the n-th listing of a
// string is its n-th whole-word, case-sensitive occurrence, longest
// strings first); a prediction matches a gold date it overlaps. It reports
// span F1 and value F1 (a match counts only with the gold value, null
// equal to null), once over all predictions and once without predicted
// durations, which the gold guidelines do not annotate.
func TestDevGoldDates(t *testing.T) {
	dir := wikinewsDir(t)
	b, err := os.ReadFile(filepath.Join("..", "corpus", "dev", "wikinews-dates.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g devGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	type counts struct{ pred, gold, spans, values int }
	var all, noDur counts
	for _, d := range g.Documents {
		raw, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		art, err := CleanText(raw)
		if err != nil {
			t.Fatal(err)
		}
		anchor, err := time.Parse(time.DateOnly, d.Anchor)
		if err != nil {
			t.Fatal(err)
		}
		var strs []string
		for _, gd := range d.Dates {
			strs = append(strs, gd.Text)
		}
		spans := locate(art.Text, strs)
		pred := FindDates(art.Text, anchor)
		for _, skipDur := range []bool{false, true} {
			c := &all
			if skipDur {
				c = &noDur
			}
			used := make([]bool, len(d.Dates))
			for _, p := range pred {
				if skipDur && p.Granularity != nil && *p.Granularity == GranularityDuration {
					continue
				}
				c.pred++
				for i, sp := range spans {
					if used[i] || sp[0] < 0 || p.Start >= sp[1] || sp[0] >= p.End {
						continue
					}
					used[i] = true
					c.spans++
					gv, pv := d.Dates[i].Value, p.Value
					if gv == nil && pv == nil || gv != nil && pv != nil && *gv == *pv {
						c.values++
					} else if !skipDur {
						t.Logf("%s: %q value %s, gold %s", d.File, p.Text, deref(pv), deref(gv))
					}
					break
				}
			}
			c.gold += len(d.Dates)
		}
	}
	f1 := func(tp, pred, gold int) float64 {
		if tp == 0 {
			return 0
		}
		p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
		return 2 * p * r / (p + r)
	}
	for _, x := range []struct {
		name string
		c    counts
	}{{"all predictions", all}, {"durations left out", noDur}} {
		t.Logf("%s: %d gold, %d predicted; span F1 %.3f, value F1 %.3f",
			x.name, x.c.gold, x.c.pred, f1(x.c.spans, x.c.pred, x.c.gold), f1(x.c.values, x.c.pred, x.c.gold))
	}
	// Floors just under the figures measured on 2026-12-07 (value F1
	// 0.927, span F1 0.985, durations left out): one or two dates lost of
	// 138 fail the test. Raise them when the figures rise.
	if v := f1(noDur.values, noDur.pred, noDur.gold); v < devDatesValueF1 {
		t.Errorf("value F1 %.3f below %.2f", v, devDatesValueF1)
	}
	if v := f1(noDur.spans, noDur.pred, noDur.gold); v < devDatesSpanF1 {
		t.Errorf("span F1 %.3f below %.2f", v, devDatesSpanF1)
	}
}

// The dev gate's floors (TestDevGoldDates).
const (
	devDatesValueF1 = 0.91
	devDatesSpanF1  = 0.97
)

func deref(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// locate finds the n-th listing of each string as its n-th whole-word,
// case-sensitive occurrence in text, longest strings first and without
// overlap, and returns [start, end) per listing ({-1, -1} when not found).
func locate(text string, strs []string) [][2]int {
	out := make([][2]int, len(strs))
	var taken [][2]int
	order := make([]int, len(strs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(strs[b]), len(strs[a])) })
	seen := map[string]int{}
	occ := map[string][][2]int{}
	for _, i := range order {
		s := strs[i]
		if _, ok := occ[s]; !ok {
			for at := 0; ; {
				j := strings.Index(text[at:], s)
				if j < 0 {
					break
				}
				st, en := at+j, at+j+len(s)
				at = st + 1
				if st > 0 && isAlnum(text[st-1]) || en < len(text) && isAlnum(text[en]) {
					continue
				}
				if slices.ContainsFunc(taken, func(t [2]int) bool { return st < t[1] && t[0] < en }) {
					continue
				}
				occ[s] = append(occ[s], [2]int{st, en})
			}
			taken = append(taken, occ[s]...)
		}
		n := seen[s]
		seen[s]++
		out[i] = [2]int{-1, -1}
		if n < len(occ[s]) {
			out[i] = occ[s][n]
		}
	}
	return out
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
