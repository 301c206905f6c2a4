package cluster

import (
	"errors"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"
)

// Config sets Brown's knobs. The zero value makes 1000 clusters of the
// words seen at least 3 times, with no cap on their number.
type Config struct {
	Clusters int // C, the window of clusters (default 1000)
	MinCount int // words seen fewer times are left out (default 3)
	MaxVocab int // at most this many words, the most frequent (0: all)
	Logger   *slog.Logger
}

// Word is one clustered word: its text as added, its bit-string path in the
// cluster tree and how often it was added.
type Word struct {
	Text  string
	Path  string
	Count int64
}

// ErrNoWords is returned by Brown when no word is frequent enough.
var ErrNoWords = errors.New("cluster: no word reaches the minimum count")

// Brown clusters the words counted by c and returns them with their paths,
// most frequent first. The result is deterministic for a given Counter and
// Config. Time is about O(V·C²) for V words in the worst case and much less
// on text, where most cluster pairs never occur next to each other; memory
// is about 56·C² bytes plus the bigram lists.
func Brown(c *Counter, cfg Config) ([]Word, error) {
	if cfg.Clusters <= 0 {
		cfg.Clusters = 1000
	}
	if cfg.MinCount <= 0 {
		cfg.MinCount = 3
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	vocab := c.vocab(cfg.MinCount, cfg.MaxVocab)
	if len(vocab) == 0 {
		return nil, ErrNoWords
	}
	start := time.Now()
	adj := newAdjacency(c, vocab)
	log.Info("cluster: bigrams counted", "words", len(vocab), "bigram_types", len(adj.rightTo),
		"duration", time.Since(start).Round(time.Millisecond))

	C := min(cfg.Clusters, len(vocab))
	st := newState(C+1, len(vocab))
	counts := make([]float64, len(vocab))
	for r, id := range vocab {
		counts[r] = float64(c.counts[id])
	}
	// The C most frequent words start as clusters of their own.
	for w := range C {
		st.addWord(adj, int32(w), counts[w], false)
	}
	st.initLoss()
	log.Info("cluster: window filled", "clusters", C, "duration", time.Since(start).Round(time.Millisecond))
	// Each further word joins as a cluster and the best pair is merged.
	last := time.Now()
	for w := C; w < len(vocab); w++ {
		st.addWord(adj, int32(w), counts[w], true)
		s, t := st.best()
		st.merge(s, t, nil)
		if time.Since(last) > 30*time.Second || w == len(vocab)-1 {
			last = time.Now()
			log.Info("cluster: words placed", "done", w+1, "of", len(vocab),
				"duration", time.Since(start).Round(time.Second))
		}
	}
	// Merge the C clusters down to one, recording the tree.
	tree := &tree{}
	for s := range st.k {
		st.node[s] = tree.leaf()
	}
	leafOf := make([]int32, len(vocab))
	for w := range leafOf {
		leafOf[w] = st.node[st.slotOf[w]]
	}
	for st.k > 1 {
		s, t := st.best()
		st.merge(s, t, tree)
	}
	paths := tree.paths(st.node[0])
	log.Info("cluster: tree built", "duration", time.Since(start).Round(time.Second))

	out := make([]Word, len(vocab))
	for r, id := range vocab {
		out[r] = Word{Text: c.words[id], Path: paths[leafOf[r]], Count: c.counts[id]}
	}
	return out, nil
}

// adjacency holds the bigram counts between vocabulary words (by rank) as
// compressed rows: right neighbours and left neighbours.
type adjacency struct {
	rightStart []int32 // word w's right neighbours are rightTo[rightStart[w]:rightStart[w+1]]
	rightTo    []int32
	rightN     []float64
	leftStart  []int32
	leftTo     []int32
	leftN      []float64
}

func newAdjacency(c *Counter, vocab []int32) *adjacency {
	rank := make([]int32, len(c.words))
	for i := range rank {
		rank[i] = -1
	}
	for r, id := range vocab {
		rank[id] = int32(r)
	}
	var keys []uint64
	prev := int32(-1)
	for _, id := range c.stream {
		cur := int32(-1)
		if id >= 0 {
			cur = rank[id]
		}
		if prev >= 0 && cur >= 0 {
			keys = append(keys, uint64(prev)<<32|uint64(cur))
		}
		prev = cur
	}
	a := &adjacency{}
	a.rightStart, a.rightTo, a.rightN = rows(keys, len(vocab))
	for i, k := range keys {
		keys[i] = k<<32 | k>>32
	}
	a.leftStart, a.leftTo, a.leftN = rows(keys, len(vocab))
	return a
}

// rows sorts keys (row<<32 | column) and returns them run-length counted
// as compressed rows.
func rows(keys []uint64, n int) (start, to []int32, cnt []float64) {
	slices.Sort(keys)
	start = make([]int32, n+1)
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		start[keys[i]>>32+1]++
		to = append(to, int32(uint32(keys[i])))
		cnt = append(cnt, float64(j-i))
		i = j
	}
	for r := range n {
		start[r+1] += start[r]
	}
	return start, to, cnt
}

// logTableSize bounds the counts whose logarithm is looked up, not computed.
const logTableSize = 1 << 20

var logTable = func() []float64 {
	t := make([]float64, logTableSize)
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

// logf returns the natural logarithm of a positive whole number x.
func logf(x float64) float64 {
	if x < logTableSize {
		return logTable[int(x)]
	}
	return math.Log(x)
}

// qq is one cell's share of the mutual information between adjacent
// clusters, in counts: n·log(n/(a·b)) for a bigram count n between clusters
// of counts a and b, given as logarithms. The missing division by the
// total makes every loss the same multiple of the true one.
func qq(n, la, lb float64) float64 {
	if n <= 0 {
		return 0
	}
	return n * (logf(n) - la - lb)
}

// state is the window of clusters, held in S slots of dense S×S matrices.
type state struct {
	S, k   int       // slots, active slots (0..k-1)
	n, nT  []float64 // n[a*S+b]: how often cluster a precedes b; nT its transpose
	q, qT  []float64 // q[a*S+b] = qq(n[a,b], lc[a], lc[b]); qT its transpose
	L      []float64 // L[a*S+b], a<b: mutual information lost by merging a and b
	cnt    []float64 // cluster counts
	lc     []float64 // their logarithms
	R      []float64 // R[a] = Σ_d q[a,d]+q[d,a] over active d
	slotOf []int32   // word -> slot, -1 before it is added
	member [][]int32 // slot -> words
	node   []int32   // slot -> tree node (last phase)

	// scratch
	touched []bool
	tl      []int32
	mr, mc  []float64
	qmr     []float64
	qmc     []float64
	A       []float64
}

func newState(S, words int) *state {
	st := &state{S: S,
		n: make([]float64, S*S), nT: make([]float64, S*S),
		q: make([]float64, S*S), qT: make([]float64, S*S), L: make([]float64, S*S),
		cnt: make([]float64, S), lc: make([]float64, S), R: make([]float64, S),
		slotOf: make([]int32, words), member: make([][]int32, S), node: make([]int32, S),
		touched: make([]bool, S), mr: make([]float64, S), mc: make([]float64, S),
		qmr: make([]float64, S), qmc: make([]float64, S), A: make([]float64, S),
	}
	for i := range st.slotOf {
		st.slotOf[i] = -1
	}
	return st
}

func (st *state) setN(a, b int, v float64) {
	st.n[a*st.S+b] = v
	st.nT[b*st.S+a] = v
}

func (st *state) setQ(a, b int, v float64) {
	st.q[a*st.S+b] = v
	st.qT[b*st.S+a] = v
}

func (st *state) loss(a, b int) float64 {
	if a > b {
		a, b = b, a
	}
	return st.L[a*st.S+b]
}

func (st *state) setLoss(a, b int, v float64) {
	if a > b {
		a, b = b, a
	}
	st.L[a*st.S+b] = v
}

// addWord puts word w in the next free slot as a cluster of its own. With
// update set, the losses of the other pairs take in the new cluster and
// its own losses are computed; without it the caller runs initLoss.
func (st *state) addWord(adj *adjacency, w int32, count float64, update bool) {
	S := st.S
	x := st.k
	st.k++
	st.cnt[x], st.lc[x] = count, logf(count)
	st.slotOf[w] = int32(x)
	st.member[x] = append(st.member[x][:0], w)
	for i := adj.rightStart[w]; i < adj.rightStart[w+1]; i++ {
		if y := st.slotOf[adj.rightTo[i]]; y >= 0 {
			st.setN(x, int(y), st.n[x*S+int(y)]+adj.rightN[i])
		}
	}
	for i := adj.leftStart[w]; i < adj.leftStart[w+1]; i++ {
		if y := st.slotOf[adj.leftTo[i]]; y >= 0 && int(y) != x {
			st.setN(int(y), x, st.n[int(y)*S+x]+adj.leftN[i])
		}
	}
	// q and R for the new row and column.
	rx := 0.0
	st.tl = st.tl[:0]
	for d := range st.k {
		qr := qq(st.n[x*S+d], st.lc[x], st.lc[d])
		qc := qq(st.nT[x*S+d], st.lc[d], st.lc[x])
		if d == x {
			st.setQ(x, x, qr)
			rx += 2 * qr
			continue
		}
		st.setQ(x, d, qr)
		st.setQ(d, x, qc)
		rx += qr + qc
		st.R[d] += qr + qc
		if qr != 0 || qc != 0 || st.n[x*S+d] != 0 || st.nT[x*S+d] != 0 {
			st.tl = append(st.tl, int32(d))
		}
	}
	st.R[x] = rx
	if !update {
		return
	}
	// Every pair (u, v) now has x as a third cluster d: add its share
	// where u or v meets x.
	for _, u := range st.tl {
		st.touched[u] = true
	}
	lx := st.lc[x]
	for _, u32 := range st.tl {
		u := int(u32)
		nux, nxu := st.n[u*S+x], st.n[x*S+u]
		su := st.q[u*S+x] + st.q[x*S+u]
		for v := range x {
			if v == u || (st.touched[v] && v < u) {
				continue
			}
			luv := logf(st.cnt[u] + st.cnt[v])
			c := su + st.q[v*S+x] + st.q[x*S+v] -
				qq(nux+st.n[v*S+x], luv, lx) - qq(nxu+st.n[x*S+v], lx, luv)
			st.L[min(u, v)*S+max(u, v)] += c
		}
	}
	for _, u := range st.tl {
		st.touched[u] = false
	}
	for v := range x {
		st.setLoss(v, x, st.fresh(v, x))
	}
}

// initLoss computes the loss of every pair from scratch.
func (st *state) initLoss() {
	for a := range st.k {
		for b := a + 1; b < st.k; b++ {
			st.L[a*st.S+b] = st.fresh(a, b)
		}
	}
}

// fresh computes the loss of merging clusters x and v from the counts.
func (st *state) fresh(x, v int) float64 {
	S, k := st.S, st.k
	lxv := logf(st.cnt[x] + st.cnt[v])
	sum := st.R[x] + st.R[v] - st.q[x*S+x] - st.q[v*S+v] - st.q[x*S+v] - st.q[v*S+x]
	nx, nv := st.n[x*S:x*S+k], st.n[v*S:v*S+k]
	tx, tv := st.nT[x*S:x*S+k], st.nT[v*S:v*S+k]
	lc := st.lc[:k]
	for d := range k {
		if d == x || d == v {
			continue
		}
		if r := nx[d] + nv[d]; r > 0 {
			sum -= r * (logf(r) - lxv - lc[d])
		}
		if c := tx[d] + tv[d]; c > 0 {
			sum -= c * (logf(c) - lc[d] - lxv)
		}
	}
	self := nx[x] + nx[v] + nv[x] + nv[v]
	return sum - qq(self, lxv, lxv)
}

// best returns the pair of active slots with the smallest loss, the first
// in slot order among equals.
func (st *state) best() (int, int) {
	bs, bt, bl := 0, 1, math.Inf(1)
	for a := range st.k {
		row := st.L[a*st.S : a*st.S+st.k]
		for b := a + 1; b < st.k; b++ {
			if row[b] < bl {
				bs, bt, bl = a, b, row[b]
			}
		}
	}
	return bs, bt
}

// merge joins cluster t into cluster s (s < t), updates every other
// pair's loss, frees slot t (moving the last slot into it) and computes
// the losses of the merged cluster. With a tree, the merge is recorded.
func (st *state) merge(s, t int, tr *tree) {
	S, k := st.S, st.k
	mcnt := st.cnt[s] + st.cnt[t]
	lm, ls, lt := logf(mcnt), st.lc[s], st.lc[t]
	st.tl = st.tl[:0]
	for d := range k {
		if d == s || d == t {
			continue
		}
		st.mr[d] = st.n[s*S+d] + st.n[t*S+d]
		st.mc[d] = st.nT[s*S+d] + st.nT[t*S+d]
		st.qmr[d] = qq(st.mr[d], lm, st.lc[d])
		st.qmc[d] = qq(st.mc[d], st.lc[d], lm)
		st.A[d] = st.q[d*S+s] + st.q[s*S+d] + st.q[d*S+t] + st.q[t*S+d] - st.qmr[d] - st.qmc[d]
		if st.mr[d] != 0 || st.mc[d] != 0 {
			st.tl = append(st.tl, int32(d))
			st.touched[d] = true
		}
	}
	// Pairs (u, v) apart from s and t: s and t leave as third clusters,
	// the merged one comes in. Nothing changes unless u or v meets them.
	ns, nsT := st.n[s*S:s*S+k], st.nT[s*S:s*S+k]
	nt, ntT := st.n[t*S:t*S+k], st.nT[t*S:t*S+k]
	for _, u32 := range st.tl {
		u := int(u32)
		for v := range k {
			if v == u || v == s || v == t || (st.touched[v] && v < u) {
				continue
			}
			luv := logf(st.cnt[u] + st.cnt[v])
			delta := -(st.A[u] + st.A[v]) +
				qq(nsT[u]+nsT[v], luv, ls) + qq(ns[u]+ns[v], ls, luv) +
				qq(ntT[u]+ntT[v], luv, lt) + qq(nt[u]+nt[v], lt, luv) -
				qq(st.mc[u]+st.mc[v], luv, lm) - qq(st.mr[u]+st.mr[v], lm, luv)
			st.L[min(u, v)*S+max(u, v)] += delta
		}
	}
	for _, u := range st.tl {
		st.touched[u] = false
	}
	// Apply the merge to slot s.
	self := st.n[s*S+s] + st.n[s*S+t] + st.n[t*S+s] + st.n[t*S+t]
	rs := 0.0
	for d := range k {
		if d == s || d == t {
			continue
		}
		st.R[d] -= st.A[d]
		st.setN(s, d, st.mr[d])
		st.setN(d, s, st.mc[d])
		st.setQ(s, d, st.qmr[d])
		st.setQ(d, s, st.qmc[d])
		rs += st.qmr[d] + st.qmc[d]
	}
	st.setN(s, s, self)
	st.cnt[s], st.lc[s] = mcnt, lm
	qs := qq(self, lm, lm)
	st.setQ(s, s, qs)
	st.R[s] = rs + 2*qs
	// Members: relabel the smaller list.
	if len(st.member[s]) < len(st.member[t]) {
		st.member[s], st.member[t] = st.member[t], st.member[s]
	}
	for _, w := range st.member[t] {
		st.slotOf[w] = int32(s)
	}
	st.member[s] = append(st.member[s], st.member[t]...)
	st.member[t] = st.member[t][:0]
	if tr != nil {
		st.node[s] = tr.join(st.node[s], st.node[t])
	}
	st.move(k-1, t)
	st.k--
	for v := range st.k {
		if v != s {
			st.setLoss(s, v, st.fresh(s, v))
		}
	}
}

// move puts the cluster in slot from into the free slot to and clears
// slot from. Slot to's old row and column are overwritten.
func (st *state) move(from, to int) {
	S, k := st.S, st.k
	if from != to {
		for d := range k {
			if d == from || d == to {
				continue
			}
			st.setN(to, d, st.n[from*S+d])
			st.setN(d, to, st.nT[from*S+d])
			st.setQ(to, d, st.q[from*S+d])
			st.setQ(d, to, st.qT[from*S+d])
			st.setLoss(to, d, st.loss(from, d))
		}
		st.setN(to, to, st.n[from*S+from])
		st.setQ(to, to, st.q[from*S+from])
		st.cnt[to], st.lc[to], st.R[to] = st.cnt[from], st.lc[from], st.R[from]
		st.member[to], st.member[from] = st.member[from], st.member[to]
		for _, w := range st.member[to] {
			st.slotOf[w] = int32(to)
		}
		st.node[to] = st.node[from]
	}
	// The freed slot's row and column start empty for the next word.
	for d := range k {
		st.setN(from, d, 0)
		st.setN(d, from, 0)
		st.setQ(from, d, 0)
		st.setQ(d, from, 0)
	}
	st.member[from] = st.member[from][:0]
	st.cnt[from], st.lc[from], st.R[from] = 0, 0, 0
}

// tree is the merge tree of the last phase: nodes 0..leaves-1 are the
// clusters left after the window phase, each later node joins two.
type tree struct {
	left, right []int32 // -1 for a leaf
}

func (t *tree) leaf() int32 {
	t.left = append(t.left, -1)
	t.right = append(t.right, -1)
	return int32(len(t.left) - 1)
}

func (t *tree) join(a, b int32) int32 {
	t.left = append(t.left, a)
	t.right = append(t.right, b)
	return int32(len(t.left) - 1)
}

// paths returns the bit string of every node below root.
func (t *tree) paths(root int32) []string {
	out := make([]string, len(t.left))
	type item struct {
		n    int32
		path string
	}
	stack := []item{{root, ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out[it.n] = it.path
		if t.left[it.n] >= 0 {
			stack = append(stack, item{t.left[it.n], it.path + "0"}, item{t.right[it.n], it.path + "1"})
		}
	}
	// A single cluster still gets a path, so that every word has one.
	if out[root] == "" {
		out[root] = "0"
	}
	return out
}

// PathStats summarises clustered words: how many distinct paths there are
// and the longest.
func PathStats(words []Word) (clusters, maxDepth int) {
	seen := map[string]bool{}
	for _, w := range words {
		if !seen[w.Path] {
			seen[w.Path] = true
			maxDepth = max(maxDepth, len(w.Path))
		}
	}
	return len(seen), maxDepth
}

// Format writes words as "path\tword" lines, grouped by path in the
// order of the tree and, within a path, most frequent first (Liang's
// paths file without its counts).
func Format(words []Word) string {
	ws := slices.Clone(words)
	slices.SortStableFunc(ws, func(a, b Word) int { return strings.Compare(a.Path, b.Path) })
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Path)
		b.WriteByte('\t')
		b.WriteString(w.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
