// Command lexcover measures how much of CoNLL-2003 the embedded lexicon
// (package lexicon) covers: the share of gold PER, ORG, LOC and MISC
// chunks found in the gazetteers of their type, how often a gazetteer
// match is a gold chunk of that type, and the share of tokens that have a
// word cluster.
//
//	go run ./extract/internal/train/lexcover -data ../shared/data/ner
//
// It reads conll2003_train.txt and, for the cluster figures only,
// conll2003_dev.txt when present. Tokens are CoNLL's, which are close to
// the model's.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bylinehq/byline/extract/internal/lexicon"
)

type sentence struct {
	words []string
	tags  []string // IOB1 as in the file
}

type chunk struct {
	start, end int // tokens [start, end)
	typ        string
}

func main() {
	data := flag.String("data", "../shared/data/ner", "directory with conll2003_train.txt (and conll2003_dev.txt)")
	top := flag.Int("top", 0, "also list each list's `n` most frequent matches that are not a gold chunk of its type")
	flag.Parse()
	if err := run(*data, *top); err != nil {
		fmt.Fprintln(os.Stderr, "lexcover:", err)
		os.Exit(1)
	}
}

// listType maps a list to the chunk type it stands for.
func listType(list string) string {
	switch {
	case strings.HasPrefix(list, "loc."):
		return "LOC"
	case strings.HasPrefix(list, "per."):
		return "PER"
	case strings.HasPrefix(list, "org."):
		return "ORG"
	}
	return "MISC"
}

func run(data string, top int) error {
	train, err := read(filepath.Join(data, "conll2003_train.txt"))
	if err != nil {
		return err
	}
	g := lexicon.Gazetteers()
	lists := g.Lists()
	types := []string{"PER", "ORG", "LOC", "MISC"}
	typeMask := map[string]uint32{}
	for i, l := range lists {
		typeMask[listType(l)] |= 1 << i
	}
	total := map[string]int{}
	whole := map[string]int{}            // the chunk is an entry of a list of its type (case as written)
	wholeFold := map[string]int{}        // ... ignoring case
	tokenAll := map[string]int{}         // every token of the chunk is matched by a list of its type
	anyMatch := map[string]int{}         // some token of the chunk is matched by a list of its type
	byList := map[string][2]int{}        // list -> chunks of its type that are whole entries of it, spans matched
	spanGold := map[string][2]int{}      // type -> spans matched (case-sensitive), of which gold chunks of the type
	wrong := map[string]map[string]int{} // list -> matched text that is not a gold chunk of its type -> count
	for _, s := range train {
		ms := g.Match(s.words)
		gold := map[[2]int]string{}
		for _, c := range chunks(s.tags) {
			gold[[2]int{c.start, c.end}] = c.typ
			total[c.typ]++
			toks := s.words[c.start:c.end]
			in := g.Contains(toks...)
			if in&typeMask[c.typ] != 0 {
				whole[c.typ]++
			}
			for i, l := range lists {
				if in&(1<<i) != 0 && listType(l) == c.typ {
					v := byList[l]
					v[0]++
					byList[l] = v
				}
			}
			if folded(g, toks)&typeMask[c.typ] != 0 {
				wholeFold[c.typ]++
			}
			all, some := true, false
			for k := c.start; k < c.end; k++ {
				hit := false
				for _, m := range ms[k] {
					if listType(lists[m.List]) == c.typ {
						hit = true
					}
				}
				all = all && hit
				some = some || hit
			}
			if all {
				tokenAll[c.typ]++
			}
			if some {
				anyMatch[c.typ]++
			}
		}
		// Spans the lists match case-sensitively, and whether they are
		// gold chunks of the list's type.
		for k := range s.words {
			for _, m := range ms[k] {
				if m.Folded || (m.Tag != 'B' && m.Tag != 'U') {
					continue
				}
				end := k + 1
				if m.Tag == 'B' {
					for end < len(s.words) && !hasEnd(ms[end], m.List) {
						end++
					}
					end++
				}
				typ := listType(lists[m.List])
				v := spanGold[typ]
				v[0]++
				if gold[[2]int{k, end}] == typ {
					v[1]++
				} else if top > 0 {
					l := lists[m.List]
					if wrong[l] == nil {
						wrong[l] = map[string]int{}
					}
					wrong[l][strings.Join(s.words[k:min(end, len(s.words))], " ")]++
				}
				spanGold[typ] = v
				w := byList[lists[m.List]]
				w[1]++
				byList[lists[m.List]] = w
			}
		}
	}
	fmt.Printf("Gazetteers: %d lists, %d entries. CoNLL-2003 train, %d sentences.\n\n", len(lists), g.Entries(), len(train))
	fmt.Println("| type | gold chunks | chunk is an entry | ... ignoring case | every token matched | some token matched |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, t := range types {
		n := total[t]
		fmt.Printf("| %s | %d | %s | %s | %s | %s |\n", t, n, pct(whole[t], n), pct(wholeFold[t], n), pct(tokenAll[t], n), pct(anyMatch[t], n))
	}
	fmt.Println("\nCase-sensitive gazetteer matches (longest, per list type) that are exactly a gold chunk of that type:")
	fmt.Println("\n| type | spans matched | gold chunks of the type |")
	fmt.Println("|---|---|---|")
	for _, t := range types {
		v := spanGold[t]
		fmt.Printf("| %s | %d | %s |\n", t, v[0], pct(v[1], v[0]))
	}
	fmt.Println("\n| list | gold chunks of its type that are entries | spans matched |")
	fmt.Println("|---|---|---|")
	for _, l := range lists {
		fmt.Printf("| %s | %d | %d |\n", l, byList[l][0], byList[l][1])
	}
	for _, l := range lists {
		if len(wrong[l]) == 0 {
			continue
		}
		var ws []string
		for w := range wrong[l] {
			ws = append(ws, w)
		}
		slices.SortFunc(ws, func(a, b string) int { return wrong[l][b] - wrong[l][a] })
		var parts []string
		for _, w := range ws[:min(top, len(ws))] {
			parts = append(parts, fmt.Sprintf("%s (%d)", w, wrong[l][w]))
		}
		fmt.Printf("\n%s, not a gold %s: %s\n", l, listType(l), strings.Join(parts, ", "))
	}
	fmt.Printf("\nWord clusters: %d words.\n\n", lexicon.ClusterWords())
	fmt.Println("| set | tokens | cluster as written | as written or lower-cased | tokens in gold chunks: as written or lower-cased |")
	fmt.Println("|---|---|---|---|---|")
	sets := []struct {
		name string
		s    []sentence
	}{{"train", train}}
	if dev, err := read(filepath.Join(data, "conll2003_dev.txt")); err == nil {
		sets = append(sets, struct {
			name string
			s    []sentence
		}{"dev", dev})
	}
	for _, set := range sets {
		var n, exact, either, inChunk, inChunkHit int
		for _, s := range set.s {
			for i, w := range s.words {
				n++
				_, ok := lexicon.ClusterPath(w)
				_, okl := lexicon.ClusterPath(strings.ToLower(w))
				if ok {
					exact++
				}
				if ok || okl {
					either++
				}
				if s.tags[i] != "O" {
					inChunk++
					if ok || okl {
						inChunkHit++
					}
				}
			}
		}
		fmt.Printf("| %s | %d | %s | %s | %s |\n", set.name, n, pct(exact, n), pct(either, n), pct(inChunkHit, inChunk))
	}
	return nil
}

// folded returns the lists that hold toks ignoring case: those whose
// match starts at the first token and ends at the last.
func folded(g *lexicon.Gazetteer, toks []string) uint32 {
	ms := g.Match(toks)
	n := len(toks)
	var lists uint32
	for _, m := range ms[0] {
		if n == 1 && m.Tag == 'U' || n > 1 && m.Tag == 'B' &&
			slices.ContainsFunc(ms[n-1], func(x lexicon.Match) bool { return x.List == m.List && x.Tag == 'L' }) {
			lists |= 1 << m.List
		}
	}
	return lists
}

func hasEnd(ms []lexicon.Match, list uint8) bool {
	for _, m := range ms {
		if m.List == list && (m.Tag == 'L' || m.Tag == 'U') {
			return true
		}
	}
	return false
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// chunks returns the IOB1 chunks of tags.
func chunks(tags []string) []chunk {
	var out []chunk
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == "O" {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, chunk{i, j, typ})
		i = j
	}
	return out
}

func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []sentence
	var cur sentence
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || fs[0] == "-DOCSTART-" {
			if len(cur.words) > 0 {
				out = append(out, cur)
				cur = sentence{}
			}
			continue
		}
		cur.words = append(cur.words, fs[0])
		cur.tags = append(cur.tags, fs[len(fs)-1])
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}
