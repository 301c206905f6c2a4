package lexicon

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io/fs"
	"math/bits"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed data/gazetteers/*.txt.gz
var gazetteerFS embed.FS

// MaxLists is the most lists a Gazetteer holds.
const MaxLists = 32

// Gazetteer is a set of named lists of names ("loc.city", "per.first",
// "org.sport" …), each entry a sequence of tokens as the entity model
// tokenises them ("New York City" is three). It is read-only and safe for
// concurrent use.
type Gazetteer struct {
	lists   []string
	entries []entry
	index   map[string][]int32 // lower-cased first token -> entries, longest first
}

type entry struct {
	tokens []string
	lists  uint32 // bit i: in list i
}

// Match is one list that matches at a token: the list (an index into
// Lists), the token's place in the matched entry in BILOU form ('B'egin,
// 'I'nside, 'L'ast, 'U'nit for a one-token entry), and whether it matched
// only when case is ignored.
type Match struct {
	List   uint8
	Tag    byte
	Folded bool
}

// Gazetteers returns the embedded gazetteers, decoded on the first call
// (data/gazetteers/*.txt.gz; a list is named after its file): about 0.2 s
// of CPU and 30 MB, kept for the life of the process.
func Gazetteers() *Gazetteer { return embedded() }

var embedded = sync.OnceValue(func() *Gazetteer {
	sub, err := fsSub()
	if err == nil {
		var g *Gazetteer
		if g, err = Load(sub); err == nil {
			return g
		}
	}
	// Embedded and checked by the tests: a bad file is a build error.
	panic(fmt.Sprintf("lexicon: embedded gazetteers: %v", err))
})

func fsSub() (fs.FS, error) { return fs.Sub(gazetteerFS, "data/gazetteers") }

// Load reads every NAME.txt.gz (gzipped) or NAME.txt file at the top of
// fsys as the list NAME: one entry a line, tokens separated by single
// spaces; blank lines and lines starting with '#' are skipped. Lists are
// ordered by name.
func Load(fsys fs.FS) (*Gazetteer, error) {
	files, err := fs.Glob(fsys, "*.txt*")
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	g := &Gazetteer{index: map[string][]int32{}}
	for _, name := range files {
		list, ok := strings.CutSuffix(name, ".txt.gz")
		if !ok {
			if list, ok = strings.CutSuffix(name, ".txt"); !ok {
				continue
			}
		}
		if len(g.lists) == MaxLists {
			return nil, fmt.Errorf("more than %d lists", MaxLists)
		}
		bit := uint32(1) << len(g.lists)
		g.lists = append(g.lists, list)
		if err := readList(fsys, name, func(line string) { g.add(line, bit) }); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	longestFirst := func(a, b int32) int { return len(g.entries[b].tokens) - len(g.entries[a].tokens) }
	for k, ids := range g.index {
		slices.SortStableFunc(ids, longestFirst)
		g.index[k] = slices.Clip(ids)
	}
	return g, nil
}

// add puts the entry line (tokens joined by single spaces) in the lists
// of bit.
func (g *Gazetteer) add(line string, bit uint32) {
	tokens := strings.Split(line, " ")
	key := strings.ToLower(tokens[0])
	ids := g.index[key]
	for _, id := range ids {
		if slices.Equal(g.entries[id].tokens, tokens) {
			g.entries[id].lists |= bit
			return
		}
	}
	g.index[key] = append(ids, int32(len(g.entries)))
	g.entries = append(g.entries, entry{tokens: tokens, lists: bit})
}

func readList(fsys fs.FS, name string, add func(string)) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	sc := bufio.NewScanner(r)
	if path.Ext(name) == ".gz" {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return err
		}
		defer zr.Close()
		sc = bufio.NewScanner(zr)
	}
	for sc.Scan() {
		line := strings.Join(strings.Fields(sc.Text()), " ")
		if line == "" || line[0] == '#' {
			continue
		}
		add(line)
	}
	return sc.Err()
}

// Lists returns the names of the lists, in the order Match.List indexes.
func (g *Gazetteer) Lists() []string { return slices.Clone(g.lists) }

// Entries returns the number of distinct entries over all lists.
func (g *Gazetteer) Entries() int { return len(g.entries) }

// List returns the name of list i.
func (g *Gazetteer) List(i uint8) string { return g.lists[i] }

// String returns a match of the embedded gazetteers as a feature value:
// "B-loc.city", or "B-loc.city/i" when it matched ignoring case. For a
// Gazetteer made by Load, use its Name.
func (m Match) String() string {
	return Gazetteers().Name(m)
}

// Name returns m, a match of g, as String does.
func (g *Gazetteer) Name(m Match) string {
	s := string(m.Tag) + "-" + g.lists[m.List]
	if m.Folded {
		s += "/i"
	}
	return s
}

// Contains reports which lists hold the entry of tokens exactly, as a
// bit set over Lists.
func (g *Gazetteer) Contains(tokens ...string) uint32 {
	if len(tokens) == 0 {
		return 0
	}
	var lists uint32
	for _, id := range g.index[strings.ToLower(tokens[0])] {
		if e := g.entries[id]; slices.Equal(e.tokens, tokens) {
			lists |= e.lists
		}
	}
	return lists
}

// Match finds, for every list, the longest entries in the sentence's
// tokens, left to right and without overlap within a list, and returns the
// matches at each token (nil where none). Matching is case-sensitive
// first; then, where a list has no match, ignoring case ("NEW YORK",
// "new york"), and such matches have Folded set. Lists overlap freely
// ("Barcelona" is a city and a club). The result shares one backing array.
func (g *Gazetteer) Match(tokens []string) [][]Match {
	out := make([][]Match, len(tokens))
	if len(tokens) == 0 {
		return out
	}
	var buf []Match
	type span struct {
		start, n int
		list     uint8
		folded   bool
	}
	var spans []span
	// covered[i]: lists with a case-sensitive match over token i.
	covered := make([]uint32, len(tokens))
	cands := make([][]int32, len(tokens))
	for i, t := range tokens {
		cands[i] = g.lookup(t)
	}
	for _, folded := range []bool{false, true} {
		var free [MaxLists]int // per list, the first token not yet matched
		for i := range tokens {
			var done uint32 // lists matched at i
			for _, id := range cands[i] {
				e := &g.entries[id]
				n := len(e.tokens)
				want := e.lists &^ done &^ covered[i]
				if want == 0 || i+n > len(tokens) || !g.matches(e.tokens, tokens[i:i+n], folded) {
					continue
				}
				for w := want; w != 0; w &= w - 1 {
					l := bits.TrailingZeros32(w)
					if free[l] > i {
						continue
					}
					free[l] = i + n
					done |= 1 << l
					spans = append(spans, span{i, n, uint8(l), folded})
				}
			}
		}
		if !folded {
			for _, s := range spans {
				for k := s.start; k < s.start+s.n; k++ {
					covered[k] |= 1 << s.list
				}
			}
		}
	}
	// Lay the spans out per token.
	count := make([]int, len(tokens))
	total := 0
	for _, s := range spans {
		for k := s.start; k < s.start+s.n; k++ {
			count[k]++
		}
		total += s.n
	}
	buf = make([]Match, 0, total)
	for i := range tokens {
		if count[i] > 0 {
			out[i] = buf[len(buf) : len(buf) : len(buf)+count[i]]
			buf = buf[:len(buf)+count[i]]
		}
	}
	for _, s := range spans {
		for k := s.start; k < s.start+s.n; k++ {
			tag := byte('I')
			switch {
			case s.n == 1:
				tag = 'U'
			case k == s.start:
				tag = 'B'
			case k == s.start+s.n-1:
				tag = 'L'
			}
			out[k] = append(out[k], Match{List: s.list, Tag: tag, Folded: s.folded})
		}
	}
	return out
}

// lookup returns the entries whose first token is t ignoring case,
// lower-casing ASCII on the stack.
func (g *Gazetteer) lookup(t string) []int32 {
	var buf [32]byte
	if len(t) > len(buf) {
		return g.index[strings.ToLower(t)]
	}
	for i := range len(t) {
		c := t[i]
		if c >= 0x80 {
			return g.index[strings.ToLower(t)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return g.index[string(buf[:len(t)])]
}

func (g *Gazetteer) matches(entry, tokens []string, folded bool) bool {
	for k, t := range entry {
		if t != tokens[k] && (!folded || !strings.EqualFold(t, tokens[k])) {
			return false
		}
	}
	return true
}
