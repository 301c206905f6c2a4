package eval

import (
	"testing"

	"github.com/bylinehq/byline/extract"
)

// TestScoreIndirectOnlyWhereAnnotated checks that predicted indirect
// speech counts only against gold documents flagged "indirect": a gold
// set of direct and partial quotes keeps measuring those alone.
func TestScoreIndirectOnlyWhereAnnotated(t *testing.T) {
	t.Parallel()
	const clause = "work on the sea wall would start in March"
	g := withoutGone(loadTestGold(t))
	recs := perfectRecords(t)
	ind := quote(t, textA, clause, 1, ptr("Jane Whitaker"), extract.Indirect)
	recs[0].Quotes = append([]extract.Quote{ind}, recs[0].Quotes...)

	if v, _, _ := Score(g, recs).Metric("quotes.f1"); v != 1 {
		t.Errorf("gold without indirect annotation: quotes.f1 = %v, want 1 (indirect prediction not scored)", v)
	}

	g.Documents[0].Indirect = true
	r := Score(g, recs)
	if v, _, _ := r.Metric("quotes.f1"); v >= 1 {
		t.Errorf("gold annotating indirect speech but listing none: quotes.f1 = %v, want < 1", v)
	}
	if len(r.Items) != 1 || r.Items[0].Kind != Spurious || r.Items[0].Text != clause {
		t.Errorf("items = %+v, want the indirect quote spurious", r.Items)
	}

	g.Documents[0].Quotes = append([]GoldQuote{{Text: clause, Speaker: ptr("Jane Whitaker"), Kind: extract.Indirect}}, g.Documents[0].Quotes...)
	r = Score(g, recs)
	for _, m := range []string{"quotes.f1", "speakers.accuracy", "quote_kinds.accuracy"} {
		if v, _, _ := r.Metric(m); v != 1 {
			t.Errorf("indirect quote annotated and found: %s = %v, want 1", m, v)
		}
	}
}
