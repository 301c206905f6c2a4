package extract

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/bylinehq/byline/extract/internal/ner"
)

// nerModel is the entity model trained by "make model" from CoNLL-2003
// (see model/README.md for its provenance, size and licence).
//
//go:embed model/ner.bin.gz
var nerModel []byte

// loadNER decodes the embedded entity model once per process; every
// Tagger shares it (a ner.Model is read-only).
var loadNER = sync.OnceValues(func() (*ner.Model, error) {
	m, err := ner.Load(bytes.NewReader(nerModel))
	if err != nil {
		return nil, fmt.Errorf("extract: load entity model: %w", err)
	}
	return m, nil
})

// proseLabels maps the model's entity types to the IOB label suffixes
// prose uses, which the rule layer reads (proseVote).
var proseLabels = map[string]string{"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "MISC": "MISC"}

// labelTokens runs the entity model over toks, a document's tokens in
// sentence order, and sets each token's label ("O", "B-PERSON",
// "I-ORGANIZATION", "B-LOCATION", "B-MISC", …).
func labelTokens(m *ner.Model, toks []token) {
	var doc []ner.Sentence
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && toks[b].sent == toks[a].sent {
			b++
		}
		s := make(ner.Sentence, b-a)
		for i, t := range toks[a:b] {
			s[i] = ner.Token{Text: t.text, POS: t.tag}
		}
		doc = append(doc, s)
		a = b
	}
	labels := m.Tag(doc)
	k := 0
	for si := range doc {
		for _, l := range labels[si] {
			lab := ner.Labels[l]
			if lab != "O" {
				lab = lab[:2] + proseLabels[lab[2:]]
			}
			toks[k].label = lab
			k++
		}
	}
}
