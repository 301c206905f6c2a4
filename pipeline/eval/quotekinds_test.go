package eval

import (
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// textK is an invented article with indirect, direct and partial quotes.
const textK = "Ann Lee said the bridge would reopen in May. “We are ready,” she said. " +
	"Critics called it “a folly”. Tom Hart said the cost would be high."

// kindGold is the gold of textK: two indirect, one direct, one partial.
func kindGold(indirect bool) *Gold {
	qs := []GoldQuote{
		{Text: "the bridge would reopen in May", Speaker: ptr("Ann Lee"), Kind: extract.Indirect},
		{Text: "We are ready,", Speaker: ptr("Ann Lee"), Kind: extract.Direct},
		{Text: "a folly", Kind: extract.Partial},
		{Text: "the cost would be high", Speaker: ptr("Tom Hart"), Kind: extract.Indirect},
	}
	if !indirect { // a gold of direct and partial quotes only
		qs = []GoldQuote{qs[1], qs[2]}
	}
	return &Gold{Documents: []GoldDoc{{File: "k.txt", Indirect: indirect, Quotes: qs}}}
}

// TestScoreQuoteKinds checks the per-kind detection metrics against
// figures computed by hand.
func TestScoreQuoteKinds(t *testing.T) {
	t.Parallel()
	perfect := []extract.Quote{
		quote(t, textK, "the bridge would reopen in May", 1, ptr("Ann Lee"), extract.Indirect),
		quote(t, textK, "We are ready,", 1, ptr("Ann Lee"), extract.Direct),
		quote(t, textK, "a folly", 1, nil, extract.Partial),
		quote(t, textK, "the cost would be high", 1, ptr("Tom Hart"), extract.Indirect),
	}
	// mixed finds the first clause and the direct quote, calls the
	// partial quote indirect and misses the second clause.
	mixed := []extract.Quote{
		perfect[0],
		perfect[1],
		quote(t, textK, "a folly", 1, nil, extract.Indirect),
	}
	nan := -1.0 // undefined
	for _, tc := range []struct {
		name     string
		indirect bool
		preds    []extract.Quote
		noRecord bool
		want     map[string]float64
	}{
		{"perfect", true, perfect, false, map[string]float64{
			"quotes.f1": 1, "quotes_direct.f1": 1, "quotes_indirect.precision": 1, "quotes_indirect.recall": 1,
		}},
		// quotes: TP 3 (the partial pairs with the indirect prediction,
		// its kind wrong), FN 1. quotes_direct: gold direct and partial,
		// prediction direct only: TP 1, FN 1. quotes_indirect: gold two
		// clauses, predictions a clause and the partial: TP 1, FP 1, FN 1.
		{"mixed", true, mixed, false, map[string]float64{
			"quotes.precision": 1, "quotes.recall": 0.75,
			"quotes_direct.precision": 1, "quotes_direct.recall": 0.5, "quotes_direct.f1": 2.0 / 3,
			"quotes_indirect.precision": 0.5, "quotes_indirect.recall": 0.5, "quotes_indirect.f1": 0.5,
			"quote_kinds.accuracy": 2.0 / 3,
		}},
		// Not flagged: indirect predictions are not scored, and
		// quotes_indirect is undefined; the direct quote is found, the
		// partial one was predicted as indirect and so is missed.
		{"not flagged", false, mixed, false, map[string]float64{
			"quotes.precision": 1, "quotes.recall": 0.5,
			"quotes_direct.precision": 1, "quotes_direct.recall": 0.5,
			"quotes_indirect.f1": nan,
		}},
		{"no record", true, nil, true, map[string]float64{
			"quotes.recall": 0, "quotes_direct.recall": 0, "quotes_indirect.recall": 0,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var recs []pipeline.Record
			if !tc.noRecord {
				recs = []pipeline.Record{{Source: "k.txt", Text: textK, Result: extract.Result{Quotes: tc.preds}}}
			}
			r := Score(kindGold(tc.indirect), recs)
			for name, want := range tc.want {
				got, ok, err := r.Metric(name)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case want == nan && ok:
					t.Errorf("%s = %v, want undefined", name, got)
				case want != nan && (!ok || !near(got, want)):
					t.Errorf("%s = %v (defined %v), want %v", name, got, ok, want)
				}
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestQuoteKindThresholds checks that the per-kind metrics are names
// --min and Gold.Thresholds accept.
func TestQuoteKindThresholds(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"quotes_direct.f1=0.9", "quotes_indirect.precision=0.8", "quotes_indirect.recall=0.5"} {
		if _, _, err := ParseThreshold(s); err != nil {
			t.Errorf("ParseThreshold(%q): %v", s, err)
		}
	}
	r := Score(kindGold(true), []pipeline.Record{{Source: "k.txt", Text: textK}})
	fails, skipped, err := r.Check(map[string]float64{"quotes_direct.f1": 0.9, "quotes_indirect.recall": 0.5})
	if err != nil || len(fails) != 2 || len(skipped) != 0 {
		t.Errorf("Check with no predictions = %v, %v, %v; want both failing", fails, skipped, err)
	}
}

// TestQuotePairingByOverlapRatio checks that a partial quote inside an
// indirect clause keeps the prediction that fits it: pairing by bytes of
// overlap in gold order gave it to the clause, listed first.
func TestQuotePairingByOverlapRatio(t *testing.T) {
	t.Parallel()
	const text = "Lee said the plan was “a folly” and would fail."
	clause := GoldQuote{Text: "the plan was “a folly” and would fail", Speaker: ptr("Ann Lee"), Kind: extract.Indirect}
	partial := GoldQuote{Text: "a folly", Speaker: ptr("Ann Lee"), Kind: extract.Partial}
	predClause := quote(t, text, "the plan was “a folly” and would fail", 1, ptr("Lee"), extract.Indirect)
	predPartial := quote(t, text, "a folly", 1, ptr("Lee"), extract.Partial)
	for _, tc := range []struct {
		name     string
		preds    []extract.Quote
		tp, fn   int
		missed   string
		kindsAcc float64
	}{
		{"partial only", []extract.Quote{predPartial}, 1, 1, clause.Text, 1},
		{"both", []extract.Quote{predPartial, predClause}, 2, 0, "", 1},
		{"both, clause first", []extract.Quote{predClause, predPartial}, 2, 0, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := &Gold{Documents: []GoldDoc{{File: "l.txt", Indirect: true, Quotes: []GoldQuote{clause, partial}}}}
			r := Score(g, []pipeline.Record{{Source: "l.txt", Text: text, Result: extract.Result{Quotes: tc.preds}}})
			if c := r.Overall.PRF["quotes"]; c != (Counts{TP: tc.tp, FN: tc.fn}) {
				t.Errorf("quotes = %+v, want TP %d FN %d", c, tc.tp, tc.fn)
			}
			if v, _, _ := r.Metric("quote_kinds.accuracy"); v != tc.kindsAcc {
				t.Errorf("quote_kinds.accuracy = %v, want %v", v, tc.kindsAcc)
			}
			for _, it := range r.Items {
				if it.Kind != Missed || it.Text != tc.missed {
					t.Errorf("item %+v, want only %q missed", it, tc.missed)
				}
			}
		})
	}
}

// TestLocateQuotesPrefersEnclosed checks that a short gold quote goes to
// an occurrence its quotation marks enclose exactly before one that only
// starts a longer quote.
func TestLocateQuotesPrefersEnclosed(t *testing.T) {
	t.Parallel()
	const (
		longFirst = "Fans of the “furry fandom.” met on Sunday. One called it “furry”."
		bareFirst = "A furry coat. She said the “furry fandom.” was welcoming."
	)
	for _, tc := range []struct {
		name string
		text string
		gold []string
		want []int // occurrence (1-based) of each gold string, 0 for none
	}{
		{"standalone after longer quote", longFirst, []string{"furry"}, []int{2}},
		{"two listings take both, in text order", longFirst, []string{"furry", "furry"}, []int{1, 2}},
		{"next to a mark beats bare", bareFirst, []string{"furry"}, []int{2}},
		{"the longer quote itself", longFirst, []string{"furry fandom.", "furry"}, []int{1, 2}},
		{"more listings than occurrences", bareFirst, []string{"furry", "furry", "furry"}, []int{1, 2, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			qs := make([]GoldQuote, len(tc.gold))
			for i, s := range tc.gold {
				qs[i] = GoldQuote{Text: s}
			}
			got := locateQuotes(tc.text, qs)
			for i, s := range got {
				want := -1
				if tc.want[i] > 0 {
					want, _ = at(t, tc.text, tc.gold[i], tc.want[i])
				}
				if s.start != want {
					t.Errorf("gold %d (%q) at %d, want %d", i, tc.gold[i], s.start, want)
				}
			}
		})
	}
}

func TestQuoteTier(t *testing.T) {
	t.Parallel()
	const text = "He said “furry fandom.” and ‘furry’, then furry fur and “furry ”."
	for _, tc := range []struct {
		name string
		s    string
		n    int
		want int
	}{
		{"start of a longer quote", "furry", 1, tierQuoted},
		{"single marks", "furry", 2, tierEnclosed},
		{"no mark", "furry", 3, tierBare},
		{"space inside the marks", "furry", 4, tierEnclosed},
		{"punctuation before the closing mark", "furry fandom", 1, tierEnclosed},
		{"mark after, none before", "fandom.", 1, tierQuoted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, b := at(t, text, tc.s, tc.n)
			if got := quoteTier(text, a, b); got != tc.want {
				t.Errorf("quoteTier(%q #%d) = %d, want %d", tc.s, tc.n, got, tc.want)
			}
		})
	}
}
