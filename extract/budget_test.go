package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// countingCtx is a context whose Err is nil for its first left calls and
// context.Canceled after: cancellation at a chosen check, without timing.
type countingCtx struct {
	context.Context
	left, calls int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

// TestTagStopsWhenCancelled checks that Tag looks at its context between
// sentences and phases and inside the quote and date finders, and stops at
// any of those looks with the context's error: the pipeline's time budget
// relies on it.
func TestTagStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	tg := tagger(t)
	text := strings.Repeat("Jo Lim said on Monday: \"We will win.\" ", 200)
	all := &countingCtx{Context: t.Context(), left: 1 << 30}
	if _, err := tg.Tag(all, text, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if all.calls < 200+4 {
		t.Fatalf("%d looks at the context for 200 sentences, want one a sentence and one between phases", all.calls)
	}
	for _, k := range []int{0, 1, all.calls / 2, all.calls - 3, all.calls - 2, all.calls - 1} {
		ctx := &countingCtx{Context: t.Context(), left: k}
		if _, err := tg.Tag(ctx, text, time.Time{}); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at look %d of %d: err %v", k+1, all.calls, err)
		}
	}
}

// pathologicalTexts are articles built to provoke super-linear tagging:
// one line of 64,000 quotation marks (issue 20: 99 s before prose's words
// were bounded), paragraphs of quotations, and runs of capitalised words
// with no full stop at two sizes, to show how the entity rules scale.
var pathologicalTexts = []struct {
	name string
	text string
}{
	{"64000 straight marks", strings.Repeat(`"`, 64000)},
	{"64000 curly marks", strings.Repeat("“”", 32000)},
	{"32000 brackets", strings.Repeat("(", 16000) + strings.Repeat(")", 16000)},
	{"16000 quotations", strings.Repeat(`"We won," she said. `, 8000)},
	{"2000 names one sentence", strings.Repeat("Ana Ruiz ", 2000)},
	{"8000 names one sentence", strings.Repeat("Ana Ruiz ", 8000)},
	{"64000 digits", strings.Repeat("1 ", 32000)},
}

// BenchmarkTagPathological times the Tagger on pathological articles, in
// ms/article: go test -run='^$' -bench=TagPathological ./extract
// Issue 20's target is 64,000 quotation marks in under 1 s.
func BenchmarkTagPathological(b *testing.B) {
	tg := tagger(b)
	for _, p := range pathologicalTexts {
		b.Run(strings.ReplaceAll(p.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := tg.Tag(b.Context(), p.text, time.Time{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/article")
		})
	}
}
