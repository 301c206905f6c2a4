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

// bruteLoss computes the loss of merging x and v from the counts alone.
func (st *state) bruteLoss(x, v int) float64 {
	S := st.S
	qq := func(n, la, lb float64) float64 {
		if n == 0 {
			return 0
		}
		return n * (math.Log(n) - la - lb)
	}
	before := 0.0
	for a := range st.k {
		for b := range st.k {
			if a == x || a == v || b == x || b == v {
				before += qq(st.n[a*S+b], st.lc[a], st.lc[b])
			}
		}
	}
	lm := math.Log(st.cnt[x] + st.cnt[v])
	after := qq(st.n[x*S+x]+st.n[x*S+v]+st.n[v*S+x]+st.n[v*S+v], lm, lm)
	for d := range st.k {
		if d != x && d != v {
			after += qq(st.n[x*S+d]+st.n[v*S+d], lm, st.lc[d]) + qq(st.n[d*S+x]+st.n[d*S+v], st.lc[d], lm)
		}
	}
	return before - after
}

// TestLossesStayExact checks the kept sums and losses against ones
// computed from the counts after every step of a run.
func TestLossesStayExact(t *testing.T) {
	t.Parallel()
	t.Run("toy", func(t *testing.T) { t.Parallel(); lossesStayExact(t, counterOf(toyCorpus(400, 3)), 6) })
	t.Run("random", func(t *testing.T) { t.Parallel(); lossesStayExact(t, counterOf(randomCorpus(300, 9)), 5) })
}

// randomCorpus draws sentences of Zipf-distributed words, each word
// preferring a few successors.
func randomCorpus(n int, seed uint64) [][]string {
	r := rand.New(rand.NewPCG(seed, 2))
	z := rand.NewZipf(r, 1.2, 1, 60)
	var out [][]string
	for range n {
		s := make([]string, 3+r.IntN(10))
		for i := range s {
			w := z.Uint64()
			if i > 0 && r.IntN(2) == 0 {
				w = (uint64(len(s[i-1]))*7 + w%3) % 61
			}
			s[i] = fmt.Sprintf("w%d", w)
		}
		out = append(out, s)
	}
	return out
}

func lossesStayExact(t *testing.T, c *Counter, C int) {
	vocab := c.vocab(1, 0)
	adj := newAdjacency(c, vocab)
	st := newState(C+1, len(vocab))
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }
	check := func(step string) {
		t.Helper()
		S := st.S
		for a := range st.k {
			tot := 0.0
			for d := range st.k {
				tot += st.n[a*S+d] + st.n[d*S+a]
				if st.n[a*S+d] != st.nT[d*S+a] {
					t.Fatalf("%s: n and nT differ at (%d,%d)", step, a, d)
				}
			}
			if !near(st.T[a], tot) {
				t.Fatalf("%s: T(%d) = %g, from the counts %g", step, a, st.T[a], tot)
			}
			for b := a + 1; b < st.k; b++ {
				if got, want := st.L[a*S+b], st.bruteLoss(a, b); !near(got, want) {
					t.Fatalf("%s: L(%d,%d) = %g, from the counts %g", step, a, b, got, want)
				}
			}
		}
		sum := 0.0
		for s := range st.k {
			sum += st.cnt[s]
		}
		want := 0.0
		for w := range vocab {
			if st.slotOf[w] >= 0 {
				want += float64(c.counts[vocab[w]])
			}
		}
		if sum != want {
			t.Fatalf("%s: cluster counts sum to %g, words to %g", step, sum, want)
		}
	}
	for w := range C {
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]))
		check(fmt.Sprintf("fill %d", w))
	}
	for w := C; w < len(vocab); w++ {
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]))
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
		st.addWord(adj, int32(w), float64(c.counts[vocab[w]]))
	}
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
