package names

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/bylinehq/byline/extract/internal/ner"
	"github.com/bylinehq/byline/extract/internal/nlp"
)

// nerModel is the entity model trained by "make model" from CoNLL-2003
// (see model/README.md for its provenance, size and licence).
//
//go:embed model/ner.bin.gz
var nerModel []byte

// Model finds people, organisations and places in tokenised text: the
// sequence model embedded in model/ner.bin.gz and the rules and name
// resolution around it. A Model is read-only and safe for concurrent use.
type Model struct {
	ner *ner.Model
}

// LoadModel decodes the embedded entity model once per process; every
// caller shares it.
var LoadModel = sync.OnceValues(func() (*Model, error) {
	m, err := ner.Load(bytes.NewReader(nerModel))
	if err != nil {
		return nil, fmt.Errorf("extract: load entity model: %w", err)
	}
	return &Model{ner: m}, nil
})

// Features is the number of features the sequence model has weights for.
func (m *Model) Features() int { return m.ner.Features() }

// Find returns the people, organisations and places mentioned in text,
// each with the canonical name it resolves to in the document, sorted by
// Start. toks are text's tokens in sentence order (nlp.Tokenizer.Tokens);
// Find sets their Label to the sequence model's IOB label.
func (m *Model) Find(text string, toks []nlp.Token) []Entity {
	labelTokens(m.ner, toks)
	return resolve(text, findMentions(text, toks))
}

// proseLabels maps the model's entity types to the IOB label suffixes
// prose uses, which the rule layer reads (proseVote).
var proseLabels = map[string]string{"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "MISC": "MISC"}

// labelTokens runs the entity model over toks, a document's tokens in
// sentence order, and sets each token's label ("O", "B-PERSON",
// "I-ORGANIZATION", "B-LOCATION", "B-MISC", …).
func labelTokens(m *ner.Model, toks []nlp.Token) {
	var doc []ner.Sentence
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && toks[b].Sent == toks[a].Sent {
			b++
		}
		s := make(ner.Sentence, b-a)
		for i, t := range toks[a:b] {
			s[i] = ner.Token{Text: t.Text, POS: t.Tag}
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
			toks[k].Label = lab
			k++
		}
	}
}
