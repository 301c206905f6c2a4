package extract

import (
	"testing"

	"github.com/bylinehq/byline/extract/internal/nlp"
	"github.com/bylinehq/byline/internal/benchdata"
)

// stageInput is one article prepared up to the stage a benchmark measures,
// so that each benchmark times its own stage only.
type stageInput struct {
	raw  []byte
	art  Article
	toks []nlp.Token
	ents []Entity
}

// stageInputs cleans, tokenises and tags the benchmark articles
// (shared/data/wikinews when present, else the sample corpus) once.
func stageInputs(b *testing.B, tg *Tagger) []stageInput {
	b.Helper()
	base, _, err := benchdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]stageInput, 0, len(base))
	for _, a := range base {
		art, err := CleanText(a.Raw)
		if err != nil {
			b.Fatalf("%s: %v", a.Name, err)
		}
		toks, err := tg.tok.Tokens(b.Context(), art.Text)
		if err != nil {
			b.Fatalf("%s: %v", a.Name, err)
		}
		labelled := append([]nlp.Token(nil), toks...)
		out = append(out, stageInput{
			raw: a.Raw, art: art, toks: toks,
			ents: tg.names.Find(art.Text, labelled),
		})
	}
	return out
}

// BenchmarkStage times each step of cleaning and tagging on one goroutine.
// One iteration is a pass over all the benchmark articles, so every stage
// is measured on the same texts:
//
//	clean      CleanText
//	tokens     sentence splitting, prose tokens and part-of-speech tags
//	ner        the entity model, the rule layer and in-document aliasing
//	quotes     FindQuotes
//	dates      FindDates
//	tag        Tagger.Tag: all of tokens, ner, quotes and dates
//
// BenchmarkTokens in extract/internal/nlp compares tokens with prose's own
// part-of-speech tagger.
//
// Run on one core for per-core figures:
// go test -run='^$' -bench=Stage -cpu=1 ./extract
func BenchmarkStage(b *testing.B) {
	tg := tagger(b)
	in := stageInputs(b, tg)
	ctx := b.Context()
	stages := []struct {
		name string
		f    func(b *testing.B, s *stageInput)
	}{
		{"clean", func(b *testing.B, s *stageInput) {
			if _, err := CleanText(s.raw); err != nil {
				b.Fatal(err)
			}
		}},
		{"tokens", func(b *testing.B, s *stageInput) {
			if _, err := tg.tok.Tokens(ctx, s.art.Text); err != nil {
				b.Fatal(err)
			}
		}},
		{"ner", func(b *testing.B, s *stageInput) {
			toks := append([]nlp.Token(nil), s.toks...)
			tg.names.Find(s.art.Text, toks)
		}},
		{"quotes", func(b *testing.B, s *stageInput) {
			FindQuotes(s.art.Text, s.ents)
		}},
		{"dates", func(b *testing.B, s *stageInput) {
			FindDates(s.art.Text, s.art.Published)
		}},
		{"tag", func(b *testing.B, s *stageInput) {
			if _, err := tg.Tag(ctx, s.art.Text, s.art.Published); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for i := range in {
					st.f(b, &in[i])
				}
				n += len(in)
			}
			reportArticles(b, n)
		})
	}
}

// reportArticles reports throughput in articles/s and ms/article for n
// articles processed during the benchmark.
func reportArticles(b *testing.B, n int) {
	sec := b.Elapsed().Seconds()
	if n == 0 || sec == 0 {
		return
	}
	b.ReportMetric(float64(n)/sec, "articles/s")
	b.ReportMetric(sec*1000/float64(n), "ms/article")
}
