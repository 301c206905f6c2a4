package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Labels are the BIO labels the model assigns, in the order of its weight
// rows. "MISC" (nationalities, events, works) is learnt so that it bounds
// its neighbours; callers usually ignore it.
var Labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// LabelIndex returns the index of a BIO label in Labels, or -1.
func LabelIndex(l string) int { return slices.Index(Labels, l) }

// states are the labels the model learns and decodes, BILOU rather than
// BIO (Ratinov and Roth 2009): per type, the Beginning, Inside and Last
// token of a chunk, and a Unit chunk of one token. Tag and Evaluate speak
// BIO (Labels); only the weights and the decoder see states.
var states = []string{"O",
	"B-PER", "I-PER", "L-PER", "U-PER",
	"B-ORG", "I-ORG", "L-ORG", "U-ORG",
	"B-LOC", "I-LOC", "L-LOC", "U-LOC",
	"B-MISC", "I-MISC", "L-MISC", "U-MISC"}

const nStates = 17

// stateIndex returns the index of a BILOU state in states, or -1.
func stateIndex(s string) int { return slices.Index(states, s) }

// A state's part of a chunk: (state-1)%4 for states other than O.
const (
	partB = iota
	partI
	partL
	partU
)

// allowed reports whether state b may follow state a (a == -1 at the start
// of a sentence): after O, L or U (or at the start) a chunk begins (B or U)
// or nothing does; after B or I the same chunk goes on (I or L).
func allowed(a, b int) bool {
	open := a > 0 && ((a-1)%4 == partB || (a-1)%4 == partI)
	if !open {
		return b == 0 || (b-1)%4 == partB || (b-1)%4 == partU
	}
	return (b-1)/4 == (a-1)/4 && ((b-1)%4 == partI || (b-1)%4 == partL)
}

// allowedFrom[a+1][b] is allowed(a, b), computed once for the decoder.
var allowedFrom = func() (t [nStates + 1][nStates]bool) {
	for a := -1; a < nStates; a++ {
		for b := range nStates {
			t[a+1][b] = allowed(a, b)
		}
	}
	return t
}()

// closed reports whether a sentence may end in state b: not inside a chunk.
func closed(b int) bool {
	return b == 0 || (b-1)%4 == partL || (b-1)%4 == partU
}

// toStates turns a sentence's BIO labels (indices into Labels) into
// states. A stray I-X opens a chunk, as in Chunks.
func toStates(bio []int) []int {
	out := make([]int, len(bio))
	for i, l := range bio {
		if l == 0 {
			continue
		}
		ty := typeOf(l)
		begins := l%2 == 1 || i == 0 || typeOf(bio[i-1]) != ty
		goesOn := i+1 < len(bio) && bio[i+1] != 0 && bio[i+1]%2 == 0 && typeOf(bio[i+1]) == ty
		part := partL
		switch {
		case begins && goesOn:
			part = partB
		case begins:
			part = partU
		case goesOn:
			part = partI
		}
		out[i] = 1 + 4*ty + part
	}
	return out
}

// toBIO turns decoded states into BIO labels (indices into Labels).
func toBIO(st []int) []int {
	out := make([]int, len(st))
	for i, s := range st {
		if s == 0 {
			continue
		}
		ty, part := (s-1)/4, (s-1)%4
		if part == partB || part == partU {
			out[i] = 1 + 2*ty
		} else {
			out[i] = 2 + 2*ty
		}
	}
	return out
}

// Model is a trained sequence model. Its methods are safe for concurrent
// use once it is loaded; it is never modified after Load.
type Model struct {
	index *table    // feature -> row in w
	w     []float32 // rows of nStates weights
	trans [nStates + 1][nStates]float32

	// next, when not nil, is a second stage that relabels the document
	// knowing this model's labels (prediction aggregation).
	next *Model
}

// Stacked returns a model that tags with first, then relabels with second
// given first's labels.
func Stacked(first, second *Model) *Model {
	m := *first
	m.next = second
	return &m
}

// Features returns the number of features the model has weights for.
func (m *Model) Features() int {
	if m.next != nil {
		return m.index.len() + m.next.Features()
	}
	return m.index.len()
}

// Tag labels every token of doc, sentence by sentence, with the indices
// into Labels of the highest-scoring label sequence.
func (m *Model) Tag(doc []Sentence) [][]int {
	d := analyse(doc)
	feats := baseFeatures(doc, d)
	labels := m.decode(feats)
	if m.next != nil {
		// The second stage's features are the first's and more: add to
		// them rather than make them again.
		d.addPrior(feats, labels)
		labels = m.next.decode(feats)
	}
	return labels
}

// tag labels doc with this model alone; prior is the first stage's labels
// when m is a second stage, else nil.
func (m *Model) tag(doc []Sentence, prior [][]int) [][]int {
	return m.decode(features(doc, prior))
}

// decode returns the best labels for the features of a document's tokens.
func (m *Model) decode(feats [][][]uint64) [][]int {
	out := make([][]int, len(feats))
	var scores [][nStates]float32
	for si, s := range feats {
		scores = scores[:0]
		for _, tf := range s {
			var sc [nStates]float32
			for _, f := range tf {
				if r := m.index.get(f); r >= 0 {
					row := m.w[int(r)*nStates : int(r)*nStates+nStates]
					for k := range sc {
						sc[k] += row[k]
					}
				}
			}
			scores = append(scores, sc)
		}
		out[si] = toBIO(viterbi(scores, &m.trans))
	}
	return out
}

// viterbi returns the best label sequence for emission scores under the
// transition weights (row nStates is the start of the sentence).
func viterbi(scores [][nStates]float32, trans *[nStates + 1][nStates]float32) []int {
	n := len(scores)
	if n == 0 {
		return nil
	}
	neg := float32(math.Inf(-1))
	best := make([][nStates]float32, n)
	back := make([][nStates]int8, n)
	for b := range nStates {
		best[0][b] = neg
		if allowedFrom[0][b] {
			best[0][b] = scores[0][b] + trans[nStates][b]
		}
	}
	for i := 1; i < n; i++ {
		for b := range nStates {
			best[i][b] = neg
			for a := range nStates {
				if best[i-1][a] == neg || !allowedFrom[a+1][b] {
					continue
				}
				if v := best[i-1][a] + trans[a][b]; v > best[i][b] {
					best[i][b] = v
					back[i][b] = int8(a)
				}
			}
			if best[i][b] != neg {
				best[i][b] += scores[i][b]
			}
		}
	}
	out := make([]int, n)
	for b := 1; b < nStates; b++ {
		if closed(b) && best[n-1][b] > best[n-1][out[n-1]] {
			out[n-1] = b
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
	return out
}

// magic starts a model file; the version follows it.
const magic = "BYLINE-NER"

const formatVersion = 3

// Save writes m gzipped: magic, version, the number of stages, then per
// stage the weight scale, the transitions, and each feature's hash, a
// bitmask of its non-zero labels and those weights quantised to int16
// (weight = q * scale).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var stages []*Model
	for s := m; s != nil; s = s.next {
		stages = append(stages, s)
	}
	_, err = bw.WriteString(magic)
	if err == nil {
		err = binary.Write(bw, binary.LittleEndian, [2]uint32{formatVersion, uint32(len(stages))})
	}
	for _, s := range stages {
		if err == nil {
			err = s.saveStage(bw)
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	return nil
}

func (m *Model) saveStage(bw io.Writer) (err error) {
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	put(scale)
	put(m.trans)
	keys := make([]uint64, 0, m.index.len())
	rowOf := make(map[uint64]int32, m.index.len())
	m.index.each(func(k uint64, r int32) {
		keys = append(keys, k)
		rowOf[k] = r
	})
	slices.Sort(keys) // deterministic output
	put(uint32(len(keys)))
	for _, k := range keys {
		row := m.w[int(rowOf[k])*nStates:][:nStates]
		var mask uint32
		var q []int16
		for l, v := range row {
			if qv := int16(math.Round(float64(v / scale))); qv != 0 {
				mask |= 1 << l
				q = append(q, qv)
			}
		}
		put(k)
		put(mask)
		put(q)
	}
	return err
}

// ErrFormat is returned by Load for data that is not a model file of this
// version.
var ErrFormat = errors.New("ner: not a model file of this version")

// maxStages bounds the stages Load accepts.
const maxStages = 4

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	var vs [2]uint32
	if err := binary.Read(br, binary.LittleEndian, &vs); err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	if vs[0] != formatVersion || vs[1] == 0 || vs[1] > maxStages {
		return nil, ErrFormat
	}
	var first, last *Model
	for st := range int(vs[1]) {
		m, err := loadStage(br)
		if err != nil {
			return nil, fmt.Errorf("ner: load stage %d: %w", st+1, err)
		}
		if first == nil {
			first = m
		} else {
			last.next = m
		}
		last = m
	}
	return first, nil
}

func loadStage(br io.Reader) (*Model, error) {
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	var n uint32
	var scale float32
	m := &Model{}
	get(&scale)
	get(&m.trans)
	get(&n)
	if err != nil {
		return nil, err
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("%d features: %w", n, ErrFormat)
	}
	m.index = newTable(int(n))
	m.w = make([]float32, int(n)*nStates)
	for i := range int(n) {
		var k uint64
		var mask uint32
		get(&k)
		get(&mask)
		for l := range nStates {
			if mask&(1<<l) != 0 {
				var q int16
				get(&q)
				m.w[i*nStates+l] = float32(q) * scale
			}
		}
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		m.index.put(k, int32(i))
	}
	return m, nil
}

// Chunk is a labelled span of tokens [Start, End) of one sentence.
type Chunk struct {
	Type       string // PER, ORG, LOC or MISC
	Start, End int
}

// Chunks decodes label indices into chunks. A stray I-X opens a chunk.
func Chunks(labels []int) []Chunk {
	var out []Chunk
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 {
			i++
			continue
		}
		typ := strings.TrimPrefix(strings.TrimPrefix(Labels[l], "B-"), "I-")
		j := i + 1
		for j < len(labels) && labels[j] != 0 && labels[j]%2 == 0 && Labels[labels[j]] == "I-"+typ {
			j++
		}
		out = append(out, Chunk{typ, i, j})
		i = j
	}
	return out
}
