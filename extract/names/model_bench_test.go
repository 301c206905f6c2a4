package names

import (
	"testing"
)

// BenchmarkEntities measures the entity path of Tag: sentence splitting,
// prose tokenisation and part-of-speech tagging, the entity model, the rule
// layer and in-document aliasing. Run it on one core for the per-core
// figure: go test -run='^$' -bench=Entities -cpu=1 ./extract/names
func BenchmarkEntities(b *testing.B) {
	texts := taggerTexts(b)
	m := model(b)
	ctx := b.Context()
	n := 0
	for b.Loop() {
		for _, text := range texts {
			toks, err := tokens(b, ctx, text)
			if err != nil {
				b.Fatal(err)
			}
			m.Find(text, toks)
			n += len(toks)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
