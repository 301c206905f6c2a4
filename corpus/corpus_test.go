package corpus_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/corpus"
	"github.com/bylinehq/byline/pipeline/eval"
)

// articles are the sample articles the corpus must ship.
var articles = []string{
	"000_4e0b8ae045c7ba6e.txt",
	"001_e9a0c4fc5fbda047.txt",
	"002_5db6a7f1b5a475b5.txt",
}

// loadGold reads gold.json with the scorer's own strict loader, so a
// misspelt key or a bad value fails here rather than being silently
// ignored when eval runs.
func loadGold(t *testing.T) *eval.Gold {
	t.Helper()
	b, err := fs.ReadFile(corpus.FS, "gold.json")
	if err != nil {
		t.Fatalf("read gold.json: %v", err)
	}
	g, err := eval.LoadGold(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("load gold.json: %v", err)
	}
	return g
}

func readArticle(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(corpus.FS, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	if !utf8.Valid(b) {
		t.Fatalf("%s is not valid UTF-8", name)
	}
	return string(b)
}

func TestFSHoldsArticlesAndGold(t *testing.T) {
	t.Parallel()
	txt, err := fs.Glob(corpus.FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(txt, articles) {
		t.Errorf("articles in FS = %q, want %q", txt, articles)
	}
	for _, name := range append(slices.Clone(articles), "gold.json") {
		fi, err := fs.Stat(corpus.FS, name)
		if err != nil {
			t.Errorf("stat %s: %v", name, err)
			continue
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

var (
	dayRe   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timexRe = regexp.MustCompile(`^(PRESENT_REF|PAST_REF|FUTURE_REF|\d{4}(-\d{2}(-\d{2}(T(\d{2}:\d{2}|MO|AF|EV|NI))?)?|-W\d{2}(-WE)?)?)$`)
	kinds   = []string{"direct", "partial", "indirect"}
)

// TestGoldIsWellFormed checks what the scorer relies on: every document
// names an article in FS, dates are well formed, names are unique, every
// quote's speaker is one of the document's entities and no mention string
// is claimed by two entities (the scorer could not tell which one it is).
func TestGoldIsWellFormed(t *testing.T) {
	t.Parallel()
	g := loadGold(t)
	if g.Description == "" {
		t.Error("description is empty")
	}
	var files []string
	for _, d := range g.Documents {
		files = append(files, d.File)
	}
	sort.Strings(files)
	if !slices.Equal(files, articles) {
		t.Errorf("documents = %q, want one per article %q", files, articles)
	}
	for _, d := range g.Documents {
		t.Run(d.File, func(t *testing.T) {
			t.Parallel()
			if _, err := fs.Stat(corpus.FS, d.File); err != nil {
				t.Errorf("file: %v", err)
			}
			if d.Notes == "" {
				t.Error("notes are empty: say where the anchor comes from")
			}
			if !dayRe.MatchString(d.AnchorDate) {
				t.Errorf("anchor %q is not YYYY-MM-DD", d.AnchorDate)
			}
			if p := d.Published.Value; p != nil && !dayRe.MatchString(*p) {
				t.Errorf("published %q is not YYYY-MM-DD", *p)
			}
			names := map[string]bool{}
			owner := map[string]string{}
			for _, e := range entities(d) {
				if e.Name == "" || len(e.Mentions) == 0 {
					t.Errorf("entity %q: empty name or no mentions", e.Name)
				}
				if names[e.Name] {
					t.Errorf("entity %q listed twice", e.Name)
				}
				names[e.Name] = true
				for _, m := range e.Mentions {
					if o, ok := owner[m]; ok {
						t.Errorf("mention %q claimed by %q and %q", m, o, e.Name)
					}
					owner[m] = e.Name
				}
			}
			for _, q := range d.Quotes {
				if !slices.Contains(kinds, q.Kind) {
					t.Errorf("quote %.30q: kind %q", q.Text, q.Kind)
				}
				if q.Speaker != nil && !names[*q.Speaker] {
					t.Errorf("quote %.30q: speaker %q is not an entity of the document", q.Text, *q.Speaker)
				}
			}
			for _, dt := range d.Dates {
				if dt.Value != nil && !timexRe.MatchString(*dt.Value) {
					t.Errorf("date %q: value %q is not TIMEX3-style", dt.Text, *dt.Value)
				}
			}
		})
	}
}

// TestGoldStringsOccurInArticles checks the gold against the article text
// with the scorer's matching rules: titles and quotes occur in the text,
// every mention string matches at least once when mentions are matched
// longest first without overlap, and the date strings, matched the same
// way, occur in the order the gold lists them.
func TestGoldStringsOccurInArticles(t *testing.T) {
	t.Parallel()
	g := loadGold(t)
	for _, d := range g.Documents {
		t.Run(d.File, func(t *testing.T) {
			t.Parallel()
			text := readArticle(t, d.File)
			if title := d.Title.Value; title != nil {
				first, _, _ := strings.Cut(text, "\n")
				if *title == "" || !strings.Contains(first, *title) {
					t.Errorf("title %q is not in the first line %q", *title, first)
				}
			}

			var mentions []string
			for _, e := range entities(d) {
				mentions = append(mentions, e.Mentions...)
			}
			found := map[string]int{}
			for _, m := range longestMatches(text, mentions) {
				found[m]++
			}
			for _, m := range mentions {
				if found[m] == 0 {
					t.Errorf("mention %q never matches as a whole word (or only inside a longer mention)", m)
				}
			}

			var want []string
			for _, dt := range d.Dates {
				want = append(want, dt.Text)
			}
			// The cleaner drops datelines and repeated captions, so the raw
			// text may hold more occurrences than the gold lists; the gold
			// must still follow text order.
			if got := longestMatches(text, want); !isSubsequence(want, got) {
				t.Errorf("date strings in text order = %q,\ngold lists %q (not in that order)", got, want)
			}

			norm, orig := normalize(text)
			from := 0
			for _, q := range d.Quotes {
				nq, _ := normalize(q.Text)
				i := findOpened(norm, orig, text, nq, from)
				if i < 0 {
					t.Errorf("quote %q does not occur after a quotation mark after the previous quote", q.Text)
					continue
				}
				from = i + len(nq)
			}
		})
	}
}

func entities(d eval.GoldDoc) []eval.GoldEntity {
	return slices.Concat(d.People, d.Organizations, d.Places)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// longestMatches scans text left to right and returns the strings of pats
// found there as whole words, case-sensitively, preferring the longest
// pattern at each position and never overlapping.
func longestMatches(text string, pats []string) []string {
	byLen := slices.Clone(pats)
	sort.SliceStable(byLen, func(i, j int) bool { return len(byLen[i]) > len(byLen[j]) })
	var out []string
	for i := 0; i < len(text); {
		if p := matchAt(text, i, byLen); p != "" {
			out = append(out, p)
			i += len(p)
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return out
}

// matchAt returns the first of pats (longest first) that occurs in text at
// byte offset i as a whole word, or "".
func matchAt(text string, i int, pats []string) string {
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && isWord(r) {
		return ""
	}
	for _, p := range pats {
		if p == "" || !strings.HasPrefix(text[i:], p) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i+len(p):]); i+len(p) < len(text) && isWord(r) {
			continue
		}
		return p
	}
	return ""
}

const quoteMarks = "\"'“”‘’«»„"

// normalize drops quotation marks and collapses white space (including
// no-break spaces and paragraph breaks) to one space, as the scorer does.
// orig[i] is the byte offset in s of byte i of the result.
func normalize(s string) (string, []int) {
	var b strings.Builder
	var orig []int
	space := false
	for i, r := range s {
		switch {
		case strings.ContainsRune(quoteMarks, r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			orig = append(orig, i)
		}
		space = false
		n, _ := b.WriteRune(r)
		for range n {
			orig = append(orig, i)
		}
	}
	return b.String(), orig
}

// findOpened returns the offset in norm of the first occurrence of q at or
// after from that starts right after a quotation mark in the original text
// (ignoring white space), or -1.
func findOpened(norm string, orig []int, text, q string, from int) int {
	for from <= len(norm) {
		i := strings.Index(norm[from:], q)
		if i < 0 {
			return -1
		}
		i += from
		before := strings.TrimRightFunc(text[:orig[i]], unicode.IsSpace)
		if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(quoteMarks, r) {
			return i
		}
		from = i + 1
	}
	return -1
}

func Example() {
	b, err := fs.ReadFile(corpus.FS, "gold.json")
	if err != nil {
		panic(err)
	}
	var g struct {
		Documents []struct {
			File   string `json:"file"`
			Anchor string `json:"anchor"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		panic(err)
	}
	for _, d := range g.Documents {
		fmt.Println(d.File, d.Anchor)
	}
	// Output:
	// 000_4e0b8ae045c7ba6e.txt 2019-07-12
	// 001_e9a0c4fc5fbda047.txt 2019-07-12
	// 002_5db6a7f1b5a475b5.txt 2017-12-04
}

// isSubsequence reports whether sub occurs in seq in order, not
// necessarily contiguously.
func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}
