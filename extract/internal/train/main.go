// Command train builds the entity model that package extract embeds. It
// reads CoNLL-2003 train and dev files, tokenises and part-of-speech tags
// every sentence with prose exactly as extract.Tagger does at run time,
// projects the gold labels onto prose's tokens, trains the averaged
// perceptron in package ner and writes the gzipped model:
//
//	go run ./extract/internal/train -data ../shared/data/ner -out extract/names/model/ner.bin.gz
//
// It is run by "make model"; it is not part of the ingest binary.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/bylinehq/byline/extract/internal/ner"
)

func main() {
	data := flag.String("data", "../shared/data/ner", "directory with conll2003_train.txt and conll2003_dev.txt")
	out := flag.String("out", "extract/names/model/ner.bin.gz", "model `file` to write")
	epochs := flag.Int("epochs", 15, "training epochs (the best on dev is kept)")
	seed := flag.Uint64("seed", 1, "shuffle seed")
	prune := flag.Float64("prune", 0.5, "drop features whose largest averaged weight is below this")
	stages := flag.Int("stages", 2, "1: one sequence model; 2: a second stage that aggregates the first's labels over the document")
	folds := flag.Int("folds", 4, "cross-validation folds that give the second stage its training labels")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log, *data, *out, *epochs, *seed, *prune, *stages, *folds); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, data, out string, epochs int, seed uint64, prune float64, stages, folds int) error {
	start := time.Now()
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return err
	}
	pm := doc.Model
	train, err := readCoNLL(filepath.Join(data, "conll2003_train.txt"), pm)
	if err != nil {
		return err
	}
	dev, err := readCoNLL(filepath.Join(data, "conll2003_dev.txt"), pm)
	if err != nil {
		return err
	}
	log.Info("data read", "train_docs", len(train), "dev_docs", len(dev), "duration", time.Since(start).Round(time.Millisecond))
	cfg := ner.TrainConfig{Epochs: epochs, Seed: seed, Prune: prune, Logger: log}
	var (
		m     *ner.Model
		score ner.Score
	)
	if stages > 1 {
		m, score, err = ner.TrainStacked(train, dev, folds, cfg)
	} else {
		m, score, err = ner.Train(train, dev, cfg)
	}
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return err
	}
	log.Info("model written", "file", out, "bytes", st.Size(), "features", m.Features(),
		"dev_f1", fmt.Sprintf("%.4f", score.F1()), "duration", time.Since(start).Round(time.Second))
	return nil
}

// readCoNLL reads a CoNLL-2003 file into documents whose tokens are
// prose's, with the gold IOB1 labels converted to BIO and projected onto
// them: a prose token takes the label of the CoNLL token it starts in, as
// an I- label when it does not start that token.
func readCoNLL(path string, pm *prose.Model) ([]ner.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var docs []ner.Doc
	var cur *ner.Doc
	var words, tags []string
	flushSentence := func() error {
		if len(words) == 0 {
			return nil
		}
		if cur == nil {
			docs = append(docs, ner.Doc{})
			cur = &docs[len(docs)-1]
		}
		s, labels, err := project(words, bio(tags), pm)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		cur.Sentences = append(cur.Sentences, s)
		cur.Labels = append(cur.Labels, labels)
		words, tags = words[:0], tags[:0]
		return nil
	}
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			if err := flushSentence(); err != nil {
				return nil, err
			}
		case fs[0] == "-DOCSTART-":
			if err := flushSentence(); err != nil {
				return nil, err
			}
			cur = nil
		case len(fs) < 2:
			return nil, fmt.Errorf("%s:%d: want word and tags", path, line)
		default:
			words = append(words, fs[0])
			tags = append(tags, fs[len(fs)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := flushSentence(); err != nil {
		return nil, err
	}
	return docs, nil
}

// bio converts IOB1 tags (I-X opens a chunk unless it follows X) to BIO.
func bio(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && prev[min(2, len(prev)):] != t[2:] {
			t = "B-" + t[2:]
		}
		out[i] = t
		prev = t
	}
	return out
}

// project tokenises the words joined by spaces with prose and gives each
// prose token a label.
func project(words, tags []string, pm *prose.Model) (ner.Sentence, []int, error) {
	text := strings.Join(words, " ")
	owner := make([]int, len(text)) // byte -> word index
	starts := make([]int, len(words))
	pos := 0
	for i, w := range words {
		starts[i] = pos
		for k := range len(w) {
			owner[pos+k] = i
		}
		pos += len(w)
		if pos < len(text) {
			owner[pos] = -1
			pos++
		}
	}
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(pm))
	if err != nil {
		return nil, nil, err
	}
	var s ner.Sentence
	var labels []int
	at := 0
	for _, t := range doc.Tokens() {
		p := strings.Index(text[at:], t.Text)
		if p < 0 {
			// prose normalised the token; take the next word.
			p = 0
			for at+p < len(text) && text[at+p] == ' ' {
				p++
			}
		} else {
			at += p
			p = 0
		}
		wi := -1
		if at < len(text) {
			wi = owner[at]
		}
		l := "O"
		if wi >= 0 {
			l = tags[wi]
			if at != starts[wi] && strings.HasPrefix(l, "B-") {
				l = "I-" + l[2:]
			}
		}
		li := ner.LabelIndex(l)
		if li < 0 {
			return nil, nil, fmt.Errorf("unknown label %q", l)
		}
		s = append(s, ner.Token{Text: t.Text, POS: t.Tag})
		labels = append(labels, li)
		if q := strings.Index(text[at:], t.Text); q == 0 {
			at += len(t.Text)
		}
	}
	return s, labels, nil
}
