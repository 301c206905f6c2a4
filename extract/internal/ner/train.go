package ner

import (
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
)

// Doc is a training document: its sentences and a gold label index (into
// Labels) per token.
type Doc struct {
	Sentences []Sentence
	Labels    [][]int
	// Prior is a first stage's labels for the sentences, when training or
	// scoring a second stage; nil otherwise.
	Prior [][]int
}

// TrainConfig sets the trainer's knobs. The zero value trains 15 epochs
// with seed 1 and no pruning.
type TrainConfig struct {
	Epochs int     // passes over the training data (default 15)
	Seed   uint64  // shuffles the sentences each epoch
	Prune  float64 // drop features whose largest absolute averaged weight is below this
	Logger *slog.Logger
}

// Score is chunk-level precision, recall and F1 on labelled documents
// (exact span and type; MISC counted like the other types).
type Score struct {
	TP, FP, FN int
	ByType     map[string][3]int
}

// F1 returns the micro F1 of s.
func (s Score) F1() float64 { return f1(s.TP, s.FP, s.FN) }

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}

// TypeF1 returns the F1 of one chunk type.
func (s Score) TypeF1(typ string) float64 {
	c := s.ByType[typ]
	return f1(c[0], c[1], c[2])
}

// Evaluate tags docs with m and scores the chunks against their labels.
func (m *Model) Evaluate(docs []Doc) Score {
	s := Score{ByType: map[string][3]int{}}
	for _, d := range docs {
		pred := m.Tag(d.Sentences)
		if d.Prior != nil {
			pred = m.tag(d.Sentences, d.Prior)
		}
		for si := range d.Sentences {
			gold := map[Chunk]bool{}
			for _, c := range Chunks(d.Labels[si]) {
				gold[c] = true
			}
			for _, c := range Chunks(pred[si]) {
				t := s.ByType[c.Type]
				if gold[c] {
					s.TP++
					t[0]++
					delete(gold, c)
				} else {
					s.FP++
					t[1]++
				}
				s.ByType[c.Type] = t
			}
			for c := range gold {
				t := s.ByType[c.Type]
				s.FN++
				t[2]++
				s.ByType[c.Type] = t
			}
		}
	}
	return s
}

// Train learns a model from train with the averaged structured perceptron,
// scoring every epoch on dev and keeping the epoch with the best dev F1.
// The result is deterministic for a given config and data.
func Train(train, dev []Doc, cfg TrainConfig) (*Model, Score, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 15
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	type sent struct {
		feats [][]int32
		gold  []int
	}
	index := map[uint64]int32{}
	var sents []sent
	for di, d := range train {
		if len(d.Sentences) != len(d.Labels) {
			return nil, Score{}, fmt.Errorf("ner: train doc %d: %d sentences, %d label rows", di, len(d.Sentences), len(d.Labels))
		}
		fs := features(d.Sentences, d.Prior)
		for si, s := range fs {
			if len(s) != len(d.Labels[si]) {
				return nil, Score{}, fmt.Errorf("ner: train doc %d sentence %d: %d tokens, %d labels", di, si, len(s), len(d.Labels[si]))
			}
			st := sent{feats: make([][]int32, len(s)), gold: toStates(d.Labels[si])}
			for ti, tf := range s {
				row := make([]int32, len(tf))
				for k, f := range tf {
					r, ok := index[f]
					if !ok {
						r = int32(len(index))
						index[f] = r
					}
					row[k] = r
				}
				st.feats[ti] = row
			}
			sents = append(sents, st)
		}
	}
	nf := len(index)
	cfg.Logger.Info("features indexed", "sentences", len(sents), "features", nf)

	// w holds the current weights; u accumulates c*update so that the
	// average after c steps is w - u/c.
	w := make([]float32, nf*nStates)
	u := make([]float32, nf*nStates)
	var tw, tu [nStates + 1][nStates]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var best *Model
	var bestScore Score
	bestF1 := -1.0
	scores := [][nStates]float32{}
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, si := range order {
			s := sents[si]
			scores = scores[:0]
			for _, tf := range s.feats {
				var sc [nStates]float32
				for _, r := range tf {
					row := w[int(r)*nStates:][:nStates]
					for k := range sc {
						sc[k] += row[k]
					}
				}
				scores = append(scores, sc)
			}
			pred := viterbi(scores, &tw)
			for i := range pred {
				g, p := s.gold[i], pred[i]
				gp, pp := nStates, nStates
				if i > 0 {
					gp, pp = s.gold[i-1], pred[i-1]
				}
				if g == p && gp == pp {
					continue
				}
				if g != p {
					mistakes++
					for _, r := range s.feats[i] {
						w[int(r)*nStates+g]++
						u[int(r)*nStates+g] += c
						w[int(r)*nStates+p]--
						u[int(r)*nStates+p] -= c
					}
				}
				tw[gp][g]++
				tu[gp][g] += c
				tw[pp][p]--
				tu[pp][p] -= c
			}
			c++
		}
		m := averaged(index, w, u, &tw, &tu, c, 0)
		sc := m.Evaluate(dev)
		cfg.Logger.Info("epoch", "n", epoch, "mistakes", mistakes, "dev_f1", fmt.Sprintf("%.4f", sc.F1()),
			"per", fmt.Sprintf("%.4f", sc.TypeF1("PER")), "org", fmt.Sprintf("%.4f", sc.TypeF1("ORG")),
			"loc", fmt.Sprintf("%.4f", sc.TypeF1("LOC")), "misc", fmt.Sprintf("%.4f", sc.TypeF1("MISC")))
		if f := sc.F1(); f > bestF1 {
			bestF1, bestScore = f, sc
			best = averaged(index, w, u, &tw, &tu, c, cfg.Prune)
		}
	}
	if best == nil {
		return nil, Score{}, fmt.Errorf("ner: train: no training data")
	}
	if cfg.Prune > 0 {
		bestScore = best.Evaluate(dev)
		cfg.Logger.Info("pruned", "features", best.Features(), "dev_f1", fmt.Sprintf("%.4f", bestScore.F1()))
	}
	return best, bestScore, nil
}

// averaged returns the averaged weights as a model, without the features
// whose largest absolute weight is below prune.
func averaged(index map[uint64]int32, w, u []float32, tw, tu *[nStates + 1][nStates]float32, c float32, prune float64) *Model {
	m := &Model{index: newTable(len(index))}
	for f, r := range index {
		var row [nStates]float32
		big := false
		for k := range row {
			i := int(r)*nStates + k
			row[k] = w[i] - u[i]/c
			big = big || math.Abs(float64(row[k])) >= prune
		}
		if !big || prune > 0 && allZero(row) {
			continue
		}
		m.index.put(f, int32(len(m.w)/nStates))
		m.w = append(m.w, row[:]...)
	}
	for a := range tw {
		for b := range tw[a] {
			m.trans[a][b] = tw[a][b] - tu[a][b]/c
		}
	}
	return m
}

func allZero(row [nStates]float32) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

// TrainStacked learns a two-stage model (Ratinov and Roth's prediction
// aggregation): a first stage as Train does, and a second stage that sees
// the first stage's labels of each token, its neighbours and the same
// word elsewhere in the document. The second stage trains on labels the
// first stage gave documents it was not trained on (folds-fold
// cross-validation), so that it learns how far to trust them on new text.
func TrainStacked(train, dev []Doc, folds int, cfg TrainConfig) (*Model, Score, error) {
	if folds < 2 {
		folds = 4
	}
	first, score, err := Train(train, dev, cfg)
	if err != nil {
		return nil, Score{}, err
	}
	cfg.Logger.Info("first stage", "dev_f1", fmt.Sprintf("%.4f", score.F1()))
	train2 := make([]Doc, len(train))
	for k := range folds {
		var in []Doc
		for i, d := range train {
			if i%folds != k {
				in = append(in, d)
			}
		}
		cfg.Logger.Info("cross-validation fold", "n", k+1, "of", folds)
		fcfg := cfg
		fcfg.Logger = slog.New(slog.DiscardHandler)
		m, _, err := Train(in, dev, fcfg)
		if err != nil {
			return nil, Score{}, err
		}
		for i, d := range train {
			if i%folds == k {
				d.Prior = m.tag(d.Sentences, nil)
				train2[i] = d
			}
		}
	}
	dev2 := make([]Doc, len(dev))
	for i, d := range dev {
		d.Prior = first.tag(d.Sentences, nil)
		dev2[i] = d
	}
	second, score, err := Train(train2, dev2, cfg)
	if err != nil {
		return nil, Score{}, err
	}
	return Stacked(first, second), score, nil
}
