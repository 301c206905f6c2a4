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
// Config. Each word added costs a scan of the C² losses plus work
// proportional to C times the number of clusters next to the smaller of
// the two merged (few, for the rare words that come last); memory is about
// 32·C² bytes plus the bigram lists.
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
		st.addWord(adj, int32(w), counts[w])
	}
	log.Info("cluster: window filled", "clusters", C, "duration", time.Since(start).Round(time.Millisecond))
	// Each further word joins as a cluster and the best pair is merged.
	last := time.Now()
	for w := C; w < len(vocab); w++ {
		st.addWord(adj, int32(w), counts[w])
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

// tableSize bounds the counts whose logarithm is looked up, not computed.
const tableSize = 1 << 20

// logTable[i] = log(i), hTable[i] = i·log(i).
var logTable, hTable = func() ([]float64, []float64) {
	l, h := make([]float64, tableSize), make([]float64, tableSize)
	for i := 1; i < tableSize; i++ {
		l[i] = math.Log(float64(i))
		h[i] = float64(i) * l[i]
	}
	return l, h
}()

// logf returns the natural logarithm of a positive whole number x.
func logf(x float64) float64 {
	if x < tableSize {
		return logTable[int(x)]
	}
	return math.Log(x)
}

// h returns x·log(x) for a whole number x >= 0 (0 for 0).
func h(x float64) float64 {
	if x < tableSize {
		return hTable[int(x)]
	}
	return x * math.Log(x)
}

// g returns h(a+b) - h(a) - h(b): what a cell of count a+b has over two of
// counts a and b. It is 0 when a or b is.
func g(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return h(a+b) - h(a) - h(b)
}

// state is the window of clusters, held in S slots of dense S×S matrices.
//
// Mutual information is kept in counts: the sum over cluster pairs (a, b)
// of n·log(n/(cnt[a]·cnt[b])) for the n bigrams from a to b; leaving out the
// division by the number of bigrams makes every loss the same multiple of
// the true one. Expanding n·log(n) - n·log(cnt) over the cells of two
// clusters x and v, the loss of merging them is
//
//	L(x,v) = log(cnt[x]+cnt[v])·(T[x]+T[v]) - log(cnt[x])·T[x] - log(cnt[v])·T[v]
//	       + h(n[x,x]) + h(n[x,v]) + h(n[v,x]) + h(n[v,v]) - h(n[x,x]+n[x,v]+n[v,x]+n[v,v])
//	       - O(x,v)
//
// where h(n) = n·log(n), T[x] is the number of bigrams x is in (row plus
// column sum) and O(x,v) = Σ over d not x or v of g(n[x,d], n[v,d]) +
// g(n[d,x], n[d,v]) is the overlap of their neighbourhoods. Only O is a
// sum over clusters; it is kept up to date, and a merge or a new word
// changes it only where the smaller cluster has neighbours.
type state struct {
	S, k   int       // slots, active slots (0..k-1)
	n, nT  []float64 // n[a*S+b]: how often cluster a precedes b; nT its transpose
	O      []float64 // O[a*S+b] = O[b*S+a]: neighbourhood overlap of a and b
	L      []float64 // L[a*S+b], a<b: mutual information lost by merging a and b
	cnt    []float64 // cluster counts
	lc     []float64 // their logarithms
	T      []float64 // bigrams each cluster is in (row plus column sum)
	slotOf []int32   // word -> slot, -1 before it is added
	member [][]int32 // slot -> words
	node   []int32   // slot -> tree node (last phase)

	// scratch
	touched []bool
	nb      []int32
}

func newState(S, words int) *state {
	st := &state{S: S,
		n: make([]float64, S*S), nT: make([]float64, S*S),
		O: make([]float64, S*S), L: make([]float64, S*S),
		cnt: make([]float64, S), lc: make([]float64, S), T: make([]float64, S),
		slotOf: make([]int32, words), member: make([][]int32, S), node: make([]int32, S),
		touched: make([]bool, S),
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

func (st *state) setO(a, b int, v float64) {
	st.O[a*st.S+b] = v
	st.O[b*st.S+a] = v
}

// lossOf computes the loss of merging x and v from the kept sums.
func (st *state) lossOf(x, v int) float64 {
	S := st.S
	xx, xv, vx, vv := st.n[x*S+x], st.n[x*S+v], st.n[v*S+x], st.n[v*S+v]
	return logf(st.cnt[x]+st.cnt[v])*(st.T[x]+st.T[v]) - st.lc[x]*st.T[x] - st.lc[v]*st.T[v] +
		h(xx) + h(xv) + h(vx) + h(vv) - h(xx+xv+vx+vv) - st.O[x*S+v]
}

func (st *state) setLoss(a, b int) {
	if a > b {
		a, b = b, a
	}
	st.L[a*st.S+b] = st.lossOf(a, b)
}

// neighbours lists the active clusters other than x and skip next to x
// in either order, in st.nb, and marks them in st.touched.
func (st *state) neighbours(x, skip int) []int32 {
	S := st.S
	st.nb = st.nb[:0]
	row, col := st.n[x*S:x*S+st.k], st.nT[x*S:x*S+st.k]
	for d := range st.k {
		if d != x && d != skip && (row[d] != 0 || col[d] != 0) {
			st.nb = append(st.nb, int32(d))
			st.touched[d] = true
		}
	}
	return st.nb
}

func (st *state) untouch() {
	for _, d := range st.nb {
		st.touched[d] = false
	}
}

// addWord puts word w in the next free slot as a cluster of its own and
// brings the sums and losses up to date.
func (st *state) addWord(adj *adjacency, w int32, count float64) {
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
	nb := st.neighbours(x, -1)
	row, col := st.n[x*S:x*S+st.k], st.nT[x*S:x*S+st.k]
	st.T[x] = 0
	for d := range st.k {
		st.T[x] += row[d] + col[d]
	}
	for _, d := range nb {
		st.T[d] += row[d] + col[d]
	}
	// x is a new third cluster for pairs of its neighbours.
	for i, u := range nb {
		for _, v := range nb[i+1:] {
			o := st.O[int(u)*S+int(v)] + g(col[u], col[v]) + g(row[u], row[v])
			st.setO(int(u), int(v), o)
		}
	}
	// x's overlap with every cluster, over x's neighbours.
	for v := range x {
		rv := st.n[v*S : v*S+st.k]
		o := 0.0
		for _, d32 := range nb {
			d := int(d32)
			if d == v {
				continue
			}
			o += g(row[d], rv[d]) + g(col[d], st.nT[v*S+d])
		}
		st.setO(x, v, o)
	}
	// Losses: x's, and those of x's neighbours, whose T changed.
	for v := range x {
		st.setLoss(v, x)
	}
	for _, u32 := range nb {
		u := int(u32)
		for v := range x {
			if v != u && !(st.touched[v] && v < u) {
				st.setLoss(u, v)
			}
		}
	}
	st.untouch()
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

// merge joins clusters s and t (s < t), brings the sums and losses of the
// other pairs up to date, frees a slot (moving the last slot into it) and
// computes the losses of the merged cluster. With a tree, the merge is
// recorded, s's cluster on the left.
func (st *state) merge(s, t int, tr *tree) {
	S := st.S
	if tr != nil {
		st.node[s] = tr.join(st.node[s], st.node[t])
		st.node[t] = st.node[s]
	}
	// The cluster with fewer neighbours (F) joins the other (K): the work
	// is proportional to F's neighbours.
	K, F := s, t
	if st.degree(s) < st.degree(t) {
		K, F = t, s
	}
	nb := st.neighbours(F, K)
	rK, rF := st.n[K*S:K*S+st.k], st.n[F*S:F*S+st.k]
	cK, cF := st.nT[K*S:K*S+st.k], st.nT[F*S:F*S+st.k]
	// Pairs (u, v) apart from K and F: their third clusters K and F become
	// one. Nothing changes unless u or v is next to F.
	for _, u32 := range nb {
		u := int(u32)
		for v := range st.k {
			if v == u || v == K || v == F || (st.touched[v] && v < u) {
				continue
			}
			d := g(cK[u]+cF[u], cK[v]+cF[v]) - g(cK[u], cK[v]) - g(cF[u], cF[v]) +
				g(rK[u]+rF[u], rK[v]+rF[v]) - g(rK[u], rK[v]) - g(rF[u], rF[v])
			if d != 0 {
				st.setO(u, v, st.O[u*S+v]+d)
				// Nothing else in u and v's loss changes.
				st.setLoss(u, v)
			}
		}
	}
	// The merged cluster's overlaps, from K's: F leaves as a third cluster
	// and K's cells next to F's neighbours grow.
	for v := range st.k {
		if v == K || v == F {
			continue
		}
		rv, cv := st.n[v*S:v*S+st.k], st.nT[v*S:v*S+st.k]
		o := st.O[K*S+v] - g(rK[F], rv[F]) - g(cK[F], cv[F])
		for _, d32 := range nb {
			d := int(d32)
			if d == v {
				continue
			}
			o += g(rK[d]+rF[d], rv[d]) - g(rK[d], rv[d]) + g(cK[d]+cF[d], cv[d]) - g(cK[d], cv[d])
		}
		st.setO(K, v, o)
	}
	// Apply the merge to K's counts.
	self := rK[K] + rK[F] + rF[K] + rF[F]
	for d := range st.k {
		if d != K && d != F {
			st.setN(K, d, rK[d]+rF[d])
			st.setN(d, K, cK[d]+cF[d])
		}
	}
	st.setN(K, K, self)
	st.cnt[K] += st.cnt[F]
	st.lc[K] = logf(st.cnt[K])
	st.T[K] += st.T[F]
	if len(st.member[K]) < len(st.member[F]) {
		st.member[K], st.member[F] = st.member[F], st.member[K]
	}
	for _, w := range st.member[F] {
		st.slotOf[w] = int32(K)
	}
	st.member[K] = append(st.member[K], st.member[F]...)
	st.member[F] = st.member[F][:0]
	st.untouch()
	last := st.k - 1
	st.move(last, F)
	if K == last {
		K = F
	}
	st.k--
	for v := range st.k {
		if v != K {
			st.setLoss(K, v)
		}
	}
}

// degree returns the number of clusters next to x.
func (st *state) degree(x int) int {
	n := 0
	row, col := st.n[x*st.S:x*st.S+st.k], st.nT[x*st.S:x*st.S+st.k]
	for d := range st.k {
		if row[d] != 0 || col[d] != 0 {
			n++
		}
	}
	return n
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
			st.setO(to, d, st.O[from*S+d])
			a, b := min(from, d), max(from, d)
			c, e := min(to, d), max(to, d)
			st.L[c*S+e] = st.L[a*S+b]
		}
		st.setN(to, to, st.n[from*S+from])
		st.cnt[to], st.lc[to], st.T[to] = st.cnt[from], st.lc[from], st.T[from]
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
		st.setO(from, d, 0)
	}
	st.member[from] = st.member[from][:0]
	st.cnt[from], st.lc[from], st.T[from] = 0, 0, 0
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
