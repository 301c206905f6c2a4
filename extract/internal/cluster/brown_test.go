package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// toyCorpus generates sentences from a grammar with clear word classes:
// determiner, adjective, noun, verb, person, city.
func toyCorpus(n int, seed uint64) [][]string {
	r := rand.New(rand.NewPCG(seed, 1))
	classes := map[string][]string{
		"det":    {"the", "a", "this", "every"},
		"adj":    {"big", "small", "red", "old", "new"},
		"noun":   {"dog", "cat", "house", "car", "tree", "bird"},
		"verb":   {"saw", "liked", "found", "visited", "left"},
		"person": {"Alice", "Bob", "Carol", "Dave", "Erin"},
		"city":   {"Paris", "Rome", "Oslo", "Lima", "Quito"},
	}
	pick := func(c string) string { w := classes[c]; return w[r.IntN(len(w))] }
	var out [][]string
	for range n {
		var s []string
		s = append(s, pick("person"), pick("verb"))
		if r.IntN(2) == 0 {
			s = append(s, pick("det"), pick("adj"), pick("noun"))
		} else {
			s = append(s, "in", pick("city"))
		}
		s = append(s, ".")
		out = append(out, s)
	}
	return out
}

func counterOf(sents [][]string) *Counter {
	c := NewCounter()
	for _, s := range sents {
		c.Add(s)
	}
	return c
}

func TestBrownToyClasses(t *testing.T) {
	t.Parallel()
	c := counterOf(toyCorpus(3000, 7))
	words, err := Brown(c, Config{Clusters: 8, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	path := map[string]string{}
	for _, w := range words {
		path[w.Text] = w.Path
	}
	same := [][]string{
		{"Alice", "Bob", "Carol", "Dave", "Erin"},
		{"Paris", "Rome", "Oslo", "Lima", "Quito"},
		{"saw", "liked", "found", "visited", "left"},
		{"dog", "cat", "house", "car", "tree", "bird"},
	}
	for _, group := range same {
		for _, w := range group[1:] {
			if path[w] != path[group[0]] {
				t.Errorf("%s has path %q, %s has %q; want one cluster", w, path[w], group[0], path[group[0]])
			}
		}
	}
	if path["Alice"] == path["Paris"] {
		t.Errorf("people and cities share path %q", path["Alice"])
	}
	n, depth := PathStats(words)
	if n > 8 || depth == 0 {
		t.Errorf("PathStats = %d clusters, depth %d; want at most 8 and a tree", n, depth)
	}
}

// TestLossesStayExact checks the incremental loss updates against losses
// computed from scratch after every step of a run.
func TestLossesStayExact(t *testing.T) {
	t.Parallel()
	c := counterOf(toyCorpus(400, 3))
	vocab := c.vocab(1, 0)
	adj := newAdjacency(c, vocab)
	C := 6
	st := newState(C+1, len(vocab))
	for w := range C {
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]), false)
	}
	st.initLoss()
	check := func(step string) {
		t.Helper()
		for a := range st.k {
			for b := a + 1; b < st.k; b++ {
				got, want := st.L[a*st.S+b], st.fresh(a, b)
				if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
					t.Fatalf("%s: L(%d,%d) = %g, from scratch %g", step, a, b, got, want)
				}
			}
			// R too.
			r := 0.0
			for d := range st.k {
				r += st.q[a*st.S+d] + st.q[d*st.S+a]
			}
			if math.Abs(r-st.R[a]) > 1e-6*math.Max(1, math.Abs(r)) {
				t.Fatalf("%s: R(%d) = %g, from scratch %g", step, a, st.R[a], r)
			}
		}
	}
	for w := C; w < len(vocab); w++ {
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]), true)
		check(fmt.Sprintf("add %d", w))
		s, u := st.best()
		st.merge(s, u, nil)
		check(fmt.Sprintf("merge after %d", w))
	}
	tr := &tree{}
	for s := range st.k {
		st.node[s] = tr.leaf()
	}
	for st.k > 1 {
		s, u := st.best()
		st.merge(s, u, tr)
		check("final merge")
	}
}

// TestLossMatchesMutualInformation checks a loss against the drop in
// mutual information computed directly on the cluster bigram table.
func TestLossMatchesMutualInformation(t *testing.T) {
	t.Parallel()
	c := counterOf(toyCorpus(300, 5))
	vocab := c.vocab(1, 0)
	adj := newAdjacency(c, vocab)
	st := newState(len(vocab)+1, len(vocab))
	for w := range vocab {
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]), false)
	}
	st.initLoss()
	mi := func(assign []int) float64 {
		n := map[[2]int]float64{}
		cnt := map[int]float64{}
		for w := range vocab {
			cnt[assign[w]] += float64(c.counts[vocab[w]])
			for i := adj.rightStart[w]; i < adj.rightStart[w+1]; i++ {
				n[[2]int{assign[w], assign[adj.rightTo[i]]}] += adj.rightN[i]
			}
		}
		sum := 0.0
		for k, v := range n {
			sum += v * math.Log(v/(cnt[k[0]]*cnt[k[1]]))
		}
		return sum
	}
	assign := make([]int, len(vocab))
	for w := range assign {
		assign[w] = w
	}
	before := mi(assign)
	for _, pair := range [][2]int{{0, 1}, {2, 9}, {5, 6}} {
		merged := append([]int(nil), assign...)
		merged[pair[1]] = pair[0]
		want := before - mi(merged)
		got := st.L[pair[0]*st.S+pair[1]]
		if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
			t.Errorf("loss of merging %v = %g, mutual information drops by %g", pair, got, want)
		}
	}
}

func TestBrownDeterministicAndFormat(t *testing.T) {
	t.Parallel()
	sents := toyCorpus(500, 11)
	a, err := Brown(counterOf(sents), Config{Clusters: 5, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Brown(counterOf(sents), Config{Clusters: 5, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	fa, fb := Format(a), Format(b)
	if fa != fb {
		t.Fatal("two runs on the same text differ")
	}
	lines := strings.Split(strings.TrimSpace(fa), "\n")
	if len(lines) != len(a) {
		t.Fatalf("Format wrote %d lines for %d words", len(lines), len(a))
	}
	for _, l := range lines {
		p, w, ok := strings.Cut(l, "\t")
		if !ok || w == "" || strings.Trim(p, "01") != "" {
			t.Fatalf("bad line %q", l)
		}
	}
}

func TestBrownEdgeCases(t *testing.T) {
	t.Parallel()
	if _, err := Brown(NewCounter(), Config{}); err != ErrNoWords {
		t.Errorf("empty counter: err = %v, want ErrNoWords", err)
	}
	c := NewCounter()
	c.Add([]string{"one"})
	c.Add(nil)
	ws, err := Brown(c, Config{MinCount: 1})
	if err != nil || len(ws) != 1 || ws[0].Path == "" {
		t.Fatalf("one word: %v, %v", ws, err)
	}
	if c.Tokens() != 1 || c.Sentences() != 1 || c.Types() != 1 || c.Count("one") != 1 {
		t.Errorf("counter: %d tokens, %d sentences, %d types", c.Tokens(), c.Sentences(), c.Types())
	}
	// More clusters than words, and a vocabulary cap.
	c = counterOf(toyCorpus(50, 1))
	ws, err = Brown(c, Config{Clusters: 100, MinCount: 1, MaxVocab: 10})
	if err != nil || len(ws) != 10 {
		t.Fatalf("capped: %d words, %v", len(ws), err)
	}
}
