package extract

import (
	"testing"
)

// BenchmarkEntities measures the entity path of Tag: sentence splitting,
// prose tokenisation and part-of-speech tagging, the entity model, the rule
// layer and in-document aliasing. Run it on one core for the per-core
// figure: go test -run='^$' -bench=Entities -cpu=1 ./extract
func BenchmarkEntities(b *testing.B) {
	texts := taggerTexts(b)
	tg := tagger(b)
	ctx := b.Context()
	tokens := 0
	for b.Loop() {
		for _, text := range texts {
			toks, err := tg.tokens(ctx, text)
			if err != nil {
				b.Fatal(err)
			}
			labelTokens(tg.ner, toks)
			resolve(text, findEntities(text, toks))
			tokens += len(toks)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// TestEntityModelShared checks that every Tagger uses the one model the
// process loaded.
func TestEntityModelShared(t *testing.T) {
	t.Parallel()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if a.ner != b.ner || a.ner == nil {
		t.Error("two Taggers hold different entity models; want the one loaded once")
	}
}
