package eval

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// Item kinds in a Report.
const (
	Missed   = "missed"    // a gold item with no matching prediction
	Spurious = "spurious"  // a prediction with no matching gold item
	Wrong    = "wrong"     // matched, but the speaker, kind, value or title differs
	GoldErr  = "gold"      // a gold string not found in the text (also counted as missed)
	NoRecord = "no_record" // a gold document with no record (all its items missed)
)

// Item is one disagreement between gold and prediction, for a person to
// look at.
type Item struct {
	Doc    string `json:"doc"`    // the gold document's file
	Metric string `json:"metric"` // family: "people", "quotes", "speakers", …
	Kind   string `json:"kind"`   // Missed, Spurious, Wrong, GoldErr or NoRecord
	Text   string `json:"text"`   // the gold or predicted string
	Want   string `json:"want,omitempty"`
	Got    string `json:"got,omitempty"`
	// Start and End are byte offsets into the record's text, -1 when the
	// item has no place in it.
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Context string `json:"context,omitempty"` // about 60 characters around the item
}

// DocReport is the score of one document.
type DocReport struct {
	File    string `json:"file"`
	Source  string `json:"source,omitempty"` // the paired record's Source, or ID for JSONL
	Missing bool   `json:"missing,omitempty"`
	Scores  Scores `json:"scores"`
}

// Report is the result of scoring a corpus: overall (micro-averaged)
// scores, scores per document sorted by file, and every disagreement
// sorted by document, offset, metric and text. It is not modified after
// Score or ScoreCoNLL returns it, so concurrent reads are safe.
type Report struct {
	Overall   Scores
	Documents []DocReport
	Items     []Item
	// Unscored lists the sources (or ids) of records no gold document
	// names, sorted.
	Unscored []string
	timeml   bool // from ScoreTimeML: the text report shows only the timex metrics
}

// Metric returns the overall value of the named metric and whether it is
// defined.
func (r *Report) Metric(name string) (value float64, defined bool, err error) {
	return r.Overall.Metric(name)
}

// Score compares records with the gold standard. A gold document is paired
// with the record whose Source equals its file or ends with "/"+file, or
// whose ID equals it (JSONL corpora); exact matches win over suffix
// matches, and the first record in Source order wins among equals.
func Score(g *Gold, recs []pipeline.Record) *Report {
	r := &Report{Overall: newScores()}
	used := make([]bool, len(recs))
	for _, d := range g.Documents {
		i := pairRecord(d.File, recs)
		dr := DocReport{File: d.File, Scores: newScores()}
		var items []Item
		if i < 0 {
			dr.Missing = true
			items = scoreMissing(d, dr.Scores)
		} else {
			used[i] = true
			dr.Source = cmp.Or(recs[i].Source, recs[i].ID)
			items = scoreDoc(d, &recs[i], dr.Scores)
		}
		r.Overall.add(dr.Scores)
		r.Documents = append(r.Documents, dr)
		r.Items = append(r.Items, items...)
	}
	for i, rec := range recs {
		if !used[i] {
			r.Unscored = append(r.Unscored, cmp.Or(rec.Source, rec.ID))
		}
	}
	r.sort()
	return r
}

func (r *Report) sort() {
	slices.SortStableFunc(r.Documents, func(a, b DocReport) int { return strings.Compare(a.File, b.File) })
	slices.SortStableFunc(r.Items, func(a, b Item) int {
		return cmp.Or(
			strings.Compare(a.Doc, b.Doc),
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End),
			strings.Compare(a.Metric, b.Metric),
			strings.Compare(a.Kind, b.Kind),
			strings.Compare(a.Text, b.Text),
		)
	})
	slices.Sort(r.Unscored)
}

// pairRecord returns the index of the record for file, or -1.
func pairRecord(file string, recs []pipeline.Record) int {
	best, bestExact := -1, false
	for i, rec := range recs {
		src := filepath.ToSlash(rec.Source)
		exact := src == file || rec.ID == file
		if !exact && !strings.HasSuffix(src, "/"+file) {
			continue
		}
		switch {
		case best < 0, exact && !bestExact:
		case exact == bestExact && src < filepath.ToSlash(recs[best].Source):
		default:
			continue
		}
		best, bestExact = i, exact
	}
	return best
}

// scoreMissing counts every gold item of a document without a record as
// missed.
func scoreMissing(d GoldDoc, s Scores) []Item {
	for _, set := range []struct {
		fam  string
		ents []GoldEntity
	}{{"people", d.People}, {"organizations", d.Organizations}, {"places", d.Places}} {
		if set.ents == nil {
			continue // not annotated
		}
		s.addPRF(set.fam, Counts{FN: len(set.ents)})
		n := 0
		for _, e := range set.ents {
			n += len(e.Mentions)
		}
		s.addPRF(set.fam+"_mentions", Counts{FN: n})
		s.addPRF("entities_mentions", Counts{FN: n})
	}
	if d.Quotes != nil {
		s.addPRF("quotes", Counts{FN: len(d.Quotes)})
		direct, indirect := quoteKindCounts(d.Quotes)
		s.addPRF("quotes_direct", Counts{FN: direct})
		if d.Indirect {
			s.addPRF("quotes_indirect", Counts{FN: indirect})
		}
	}
	if d.Dates != nil {
		s.addPRF("dates", Counts{FN: len(d.Dates)})
	}
	if d.Title.Present {
		s.addAcc("title", Ratio{Total: 1})
	}
	if d.Published.Present {
		s.addAcc("published", Ratio{Total: 1})
	}
	return []Item{{Doc: d.File, Kind: NoRecord, Text: d.File, Start: -1, End: -1}}
}

// span is a byte range [start, end) with the index of what it came from.
type span struct {
	start, end int
	idx        int
}

// matchSpans pairs gold and predicted spans one-to-one, greedily by
// overlap (largest first, then gold order, then prediction order), where
// two spans may pair when ok allows it and they overlap by at least half
// the shorter one. It returns for each gold span the index of its
// prediction or -1, and for each prediction whether it was used.
func matchSpans(gold, pred []span, ok func(g, p int) bool) (goldTo []int, predUsed []bool) {
	return pairSpans(gold, pred, ok, false)
}

// pairSpans is matchSpans; with byRatio, candidates are ranked first by
// their overlap ratio (overlap over union) rather than by overlap in
// bytes, so that a short span inside a long one pairs with the prediction
// that covers it best, not with whichever long span is listed first.
func pairSpans(gold, pred []span, ok func(g, p int) bool, byRatio bool) (goldTo []int, predUsed []bool) {
	var cands []pairCand
	for gi, g := range gold {
		for pi, p := range pred {
			ov := min(g.end, p.end) - max(g.start, p.start)
			shorter := min(g.end-g.start, p.end-p.start)
			if ov <= 0 || 2*ov < shorter || (ok != nil && !ok(gi, pi)) {
				continue
			}
			cands = append(cands, pairCand{ov, max(g.end, p.end) - min(g.start, p.start), gi, pi})
		}
	}
	return pairGreedily(cands, len(gold), len(pred), byRatio)
}

// pairCand is a gold span g and a prediction p that may pair, with their
// overlap and the length of their union in bytes.
type pairCand struct{ ov, union, g, p int }

// pairGreedily pairs ngold gold spans with npred predictions one-to-one
// from cands, best candidate first: largest overlap ratio when byRatio
// (ov/union; see pairSpans), then largest overlap, then gold order, then
// prediction order. It returns for each gold span the index of its
// prediction or -1, and for each prediction whether it was used.
func pairGreedily(cands []pairCand, ngold, npred int, byRatio bool) (goldTo []int, predUsed []bool) {
	slices.SortFunc(cands, func(a, b pairCand) int {
		byR := 0
		if byRatio { // a.ov/a.union vs b.ov/b.union, larger first
			byR = cmp.Compare(b.ov*a.union, a.ov*b.union)
		}
		return cmp.Or(byR, cmp.Compare(b.ov, a.ov), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	goldTo = make([]int, ngold)
	for i := range goldTo {
		goldTo[i] = -1
	}
	predUsed = make([]bool, npred)
	for _, c := range cands {
		if goldTo[c.g] >= 0 || predUsed[c.p] {
			continue
		}
		goldTo[c.g] = c.p
		predUsed[c.p] = true
	}
	return goldTo, predUsed
}

// docScorer scores one document against its record.
type docScorer struct {
	d     GoldDoc
	rec   *pipeline.Record
	s     Scores
	items []Item
}

func (ds *docScorer) item(metric, kind, text string, start, end int) *Item {
	it := Item{Doc: ds.d.File, Metric: metric, Kind: kind, Text: text, Start: start, End: end}
	if start >= 0 {
		it.Context = excerpt(ds.rec.Text, start, end)
	}
	ds.items = append(ds.items, it)
	return &ds.items[len(ds.items)-1]
}

func scoreDoc(d GoldDoc, rec *pipeline.Record, s Scores) []Item {
	ds := &docScorer{d: d, rec: rec, s: s}
	// A nil gold list is an aspect not annotated: it is not scored.
	if d.People != nil {
		ds.entities("people", extract.Person, d.People, rec.People)
	}
	if d.Organizations != nil {
		ds.entities("organizations", extract.Organization, d.Organizations, rec.Organizations)
	}
	if d.Places != nil {
		ds.entities("places", extract.Place, d.Places, rec.Places)
	}
	ds.mentions()
	if d.Quotes != nil {
		ds.quotes()
	}
	if d.Dates != nil {
		ds.dates()
	}
	ds.metadata()
	return ds.items
}

// entities scores document-level entities of one type.
func (ds *docScorer) entities(fam, typ string, gold []GoldEntity, pred []extract.Name) {
	type cand struct{ strength, g, p int }
	var cands []cand
	for gi, g := range gold {
		for pi, p := range pred {
			var m int
			if typ == extract.Person {
				m = personMatch(g.Name, g.Aliases, p.Name)
			} else {
				m = orgMatch(g.Name, g.Aliases, p.Name)
			}
			if m != noMatch {
				cands = append(cands, cand{m, gi, pi})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.strength, a.strength), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	goldUsed := make([]bool, len(gold))
	predUsed := make([]bool, len(pred))
	var c Counts
	for _, m := range cands {
		if goldUsed[m.g] || predUsed[m.p] {
			continue
		}
		goldUsed[m.g], predUsed[m.p] = true, true
		c.TP++
	}
	for gi, g := range gold {
		if !goldUsed[gi] {
			c.FN++
			start, end := ds.firstGoldMention(g)
			ds.item(fam, Missed, g.Name, start, end)
		}
	}
	for pi, p := range pred {
		if !predUsed[pi] {
			c.FP++
			start, end := ds.firstPredMention(typ, p.Name)
			ds.item(fam, Spurious, p.Name, start, end)
		}
	}
	ds.s.addPRF(fam, c)
}

// firstGoldMention returns the first place in the text a gold entity is
// mentioned, or -1, -1.
func (ds *docScorer) firstGoldMention(g GoldEntity) (int, int) {
	best, end := -1, -1
	for _, m := range append([]string{g.Name}, g.Mentions...) {
		if at := findWords(ds.rec.Text, m); len(at) > 0 && (best < 0 || at[0] < best) {
			best, end = at[0], at[0]+len(m)
		}
	}
	return best, end
}

// firstPredMention returns the first predicted mention resolving to name.
func (ds *docScorer) firstPredMention(typ, name string) (int, int) {
	for _, e := range ds.rec.Entities {
		if e.Type == typ && (e.Canonical == name || (e.Canonical == "" && e.Text == name)) {
			return e.Start, e.End
		}
	}
	return -1, -1
}

var mentionFamily = map[string]string{
	extract.Person:       "people_mentions",
	extract.Organization: "organizations_mentions",
	extract.Place:        "places_mentions",
}

// mentions scores entity mentions of the annotated types.
func (ds *docScorer) mentions() {
	text := ds.rec.Text
	annotated := map[string]bool{
		extract.Person:       ds.d.People != nil,
		extract.Organization: ds.d.Organizations != nil,
		extract.Place:        ds.d.Places != nil,
	}
	type goldMention struct {
		typ, name string
		raw       span // the occurrence as written, for nesting
		span      span // the name part
	}
	var gms []goldMention
	for _, set := range []struct {
		typ  string
		ents []GoldEntity
	}{{extract.Person, ds.d.People}, {extract.Organization, ds.d.Organizations}, {extract.Place, ds.d.Places}} {
		for _, e := range set.ents {
			for _, m := range e.Mentions {
				at := findWords(text, m)
				if len(at) == 0 {
					it := ds.item(mentionFamily[set.typ], GoldErr, m, -1, -1)
					it.Want = fmt.Sprintf("mention of %s not found in the text", e.Name)
					ds.s.addPRF(mentionFamily[set.typ], Counts{FN: 1})
					ds.s.addPRF("entities_mentions", Counts{FN: 1})
					continue
				}
				for _, a := range at {
					s, en := nameSpan(text, a, a+len(m), set.typ == extract.Person)
					gms = append(gms, goldMention{set.typ, e.Name, span{a, a + len(m), 0}, span{s, en, 0}})
				}
			}
		}
	}
	// Drop occurrences nested in a longer one and duplicates of a span.
	var kept []goldMention
	seen := make(map[[2]int]bool)
	for i, g := range gms {
		nested := false
		for j, o := range gms {
			if i != j && o.raw.start <= g.raw.start && g.raw.end <= o.raw.end && o.raw.end-o.raw.start > g.raw.end-g.raw.start {
				nested = true
				break
			}
		}
		key := [2]int{g.span.start, g.span.end}
		if nested || seen[key] {
			continue
		}
		seen[key] = true
		kept = append(kept, g)
	}
	var pms []extract.Entity
	for _, e := range ds.rec.Entities {
		if annotated[e.Type] {
			pms = append(pms, e)
		}
	}
	gold := make([]span, len(kept))
	for i, g := range kept {
		gold[i] = g.span
	}
	pred := make([]span, len(pms))
	for i, p := range pms {
		s, e := nameSpan(text, p.Start, p.End, p.Type == extract.Person)
		pred[i] = span{s, e, i}
	}
	goldTo, predUsed := matchSpans(gold, pred, func(g, p int) bool { return kept[g].typ == pms[p].Type })
	counts := make(map[string]*Counts)
	for typ, f := range mentionFamily {
		if annotated[typ] {
			counts[f] = &Counts{}
		}
	}
	for i, g := range kept {
		f := mentionFamily[g.typ]
		if goldTo[i] >= 0 {
			counts[f].TP++
			continue
		}
		counts[f].FN++
		ds.item(f, Missed, text[g.span.start:g.span.end], g.span.start, g.span.end)
	}
	for i, p := range pms {
		if predUsed[i] {
			continue
		}
		f := mentionFamily[p.Type]
		counts[f].FP++
		ds.item(f, Spurious, p.Text, pred[i].start, pred[i].end)
	}
	for f, c := range counts {
		ds.s.addPRF(f, *c)
		ds.s.addPRF("entities_mentions", *c)
	}
}

// locateQuotes finds each gold quote in the text. The n listings of a
// normalised text take n distinct occurrences of it: those enclosed
// exactly by quotation marks first, then those next to one, then the
// rest, each in text order; the chosen occurrences go to the listings in
// text order. So "furry" finds a standalone “furry” rather than the start
// of an earlier “furry fandom.”, and "impossible" finds the quoted word,
// not an earlier unquoted one. Unlocated quotes get span{-1, -1}.
func locateQuotes(text string, qs []GoldQuote) []span {
	v := newView(text)
	out := make([]span, len(qs))
	listings := make(map[string][]int) // normalised text -> listing indices
	var texts []string
	for i, q := range qs {
		out[i] = span{-1, -1, i}
		nq := normQuote(q.Text)
		if _, seen := listings[nq]; !seen {
			texts = append(texts, nq)
		}
		listings[nq] = append(listings[nq], i)
	}
	for _, nq := range texts {
		type occ struct{ start, end, tier int }
		var occs []occ
		for _, a := range findWords(v.norm, nq) {
			s, e := v.orig(a, a+len(nq))
			occs = append(occs, occ{s, e, quoteTier(text, s, e)})
		}
		slices.SortStableFunc(occs, func(a, b occ) int { return cmp.Compare(a.tier, b.tier) })
		ls := listings[nq]
		occs = occs[:min(len(occs), len(ls))]
		slices.SortFunc(occs, func(a, b occ) int { return cmp.Compare(a.start, b.start) })
		for j, o := range occs {
			out[ls[j]] = span{o.start, o.end, ls[j]}
		}
	}
	return out
}

// quotes scores quote detection, speakers and kinds, and detection per
// kind group: quotes_direct (direct and partial gold against direct and
// partial predictions) and, in documents flagged indirect,
// quotes_indirect (indirect against indirect). Quote spans pair by
// overlap ratio (see pairSpans), so a partial quote inside an indirect
// clause keeps the prediction that fits it.
func (ds *docScorer) quotes() {
	text := ds.rec.Text
	located := locateQuotes(text, ds.d.Quotes)
	var gold []span
	var c Counts
	for i, q := range ds.d.Quotes {
		if located[i].start < 0 {
			it := ds.item("quotes", GoldErr, q.Text, -1, -1)
			it.Want = "quote not found in the text"
			c.FN++
			continue
		}
		gold = append(gold, located[i])
	}
	preds := scoredQuotes(ds.rec.Quotes, ds.d.Indirect)
	pred := make([]span, len(preds))
	for i, q := range preds {
		pred[i] = span{q.Start, q.End, i}
	}
	goldTo, predUsed := pairSpans(gold, pred, nil, true)
	var speakers, kinds Ratio
	for gi, g := range gold {
		q := ds.d.Quotes[g.idx]
		pi := goldTo[gi]
		if pi < 0 {
			c.FN++
			ds.item("quotes", Missed, q.Text, g.start, g.end)
			continue
		}
		c.TP++
		p := preds[pi]
		if q.Speaker != nil || p.Speaker == nil {
			right := ds.speakerRight(q.Speaker, p.Speaker)
			speakers.judge(right)
			if !right {
				it := ds.item("speakers", Wrong, q.Text, g.start, g.end)
				it.Want, it.Got = orNull(q.Speaker), orNull(p.Speaker)
			}
		}
		kinds.judge(p.Kind == q.Kind)
		if p.Kind != q.Kind {
			it := ds.item("quote_kinds", Wrong, q.Text, g.start, g.end)
			it.Want, it.Got = q.Kind, p.Kind
		}
	}
	for pi, p := range preds {
		if !predUsed[pi] {
			c.FP++
			ds.item("quotes", Spurious, p.Text, p.Start, p.End)
		}
	}
	ds.s.addPRF("quotes", c)
	ds.s.addAcc("speakers", speakers)
	ds.s.addAcc("quote_kinds", kinds)
	ds.s.addPRF("quotes_direct", kindCounts(ds.d.Quotes, located, preds, false))
	if ds.d.Indirect {
		ds.s.addPRF("quotes_indirect", kindCounts(ds.d.Quotes, located, preds, true))
	}
}

// kindCounts counts detection within one kind group: indirect quotes, or
// direct and partial ones. Gold quotes of the group (located or not) are
// paired only with predictions of the group, as in quotes.
func kindCounts(qs []GoldQuote, located []span, preds []extract.Quote, indirect bool) Counts {
	var c Counts
	var gold, pred []span
	for i, q := range qs {
		if (q.Kind == extract.Indirect) != indirect {
			continue
		}
		if located[i].start < 0 {
			c.FN++
			continue
		}
		gold = append(gold, located[i])
	}
	for i, p := range preds {
		if (p.Kind == extract.Indirect) == indirect {
			pred = append(pred, span{p.Start, p.End, i})
		}
	}
	goldTo, predUsed := pairSpans(gold, pred, nil, true)
	for _, p := range goldTo {
		if p >= 0 {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, used := range predUsed {
		if !used {
			c.FP++
		}
	}
	return c
}

// quoteKindCounts returns how many of qs are of kind indirect and how
// many are not (direct and partial).
func quoteKindCounts(qs []GoldQuote) (direct, indirect int) {
	for _, q := range qs {
		if q.Kind == extract.Indirect {
			indirect++
		} else {
			direct++
		}
	}
	return direct, indirect
}

// scoredQuotes returns the predicted quotes that count against a gold
// document: all of them when it annotates indirect speech, else those
// that are not of kind extract.Indirect.
func scoredQuotes(qs []extract.Quote, indirect bool) []extract.Quote {
	if indirect {
		return qs
	}
	out := make([]extract.Quote, 0, len(qs))
	for _, q := range qs {
		if q.Kind != extract.Indirect {
			out = append(out, q)
		}
	}
	return out
}

func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

// speakerRight reports whether the predicted speaker matches the gold one:
// by the organisation rule when the gold speaker is one of the document's
// organisations, else by the person rule with the gold person's aliases.
func (ds *docScorer) speakerRight(gold, pred *string) bool {
	if gold == nil || pred == nil {
		return gold == nil && pred == nil
	}
	for _, o := range ds.d.Organizations {
		if o.Name == *gold {
			return orgMatch(o.Name, o.Aliases, *pred) != noMatch
		}
	}
	var aliases []string
	for _, p := range ds.d.People {
		if p.Name == *gold {
			aliases = p.Aliases
			break
		}
	}
	return personMatch(*gold, aliases, *pred) != noMatch
}

// dates scores date detection and values.
func (ds *docScorer) dates() {
	text := ds.rec.Text
	listed := make(map[string]int)
	var gold []span
	var c Counts
	for i, d := range ds.d.Dates {
		k := listed[d.Text]
		listed[d.Text]++
		at := findWords(text, d.Text)
		if k >= len(at) {
			it := ds.item("dates", GoldErr, d.Text, -1, -1)
			it.Want = fmt.Sprintf("occurrence %d not found in the text (found %d)", k+1, len(at))
			c.FN++
			continue
		}
		gold = append(gold, span{at[k], at[k] + len(d.Text), i})
	}
	pred := make([]span, len(ds.rec.Dates))
	for i, d := range ds.rec.Dates {
		pred[i] = span{d.Start, d.End, i}
	}
	goldTo, predUsed := matchSpans(gold, pred, nil)
	var values Ratio
	for gi, g := range gold {
		d := ds.d.Dates[g.idx]
		pi := goldTo[gi]
		if pi < 0 {
			c.FN++
			ds.item("dates", Missed, d.Text, g.start, g.end)
			continue
		}
		c.TP++
		p := ds.rec.Dates[pi]
		right := (d.Value == nil && p.Value == nil) || (d.Value != nil && p.Value != nil && *d.Value == *p.Value)
		values.judge(right)
		if !right {
			it := ds.item("date_values", Wrong, d.Text, g.start, g.end)
			it.Want, it.Got = orNull(d.Value), orNull(p.Value)
		}
	}
	for pi, p := range ds.rec.Dates {
		if !predUsed[pi] && !outOfDateScope(p) {
			c.FP++
			ds.item("dates", Spurious, p.Text, p.Start, p.End)
		}
	}
	ds.s.addPRF("dates", c)
	ds.s.addAcc("date_values", values)
}

// outOfDateScope reports whether a predicted date is of a kind the gold
// guidelines leave unannotated (corpus/README.md: durations and
// frequencies), so that, unmatched, it is neither right nor spurious. One
// the gold does annotate is still matched and scored like any other.
func outOfDateScope(d extract.Date) bool {
	if d.Granularity == nil {
		return false
	}
	g := *d.Granularity
	return g == extract.GranularityDuration || g == extract.GranularitySet
}

// metadata scores the title and the stated publication date.
func (ds *docScorer) metadata() {
	if t := ds.d.Title; t.Present {
		want := ""
		if t.Value != nil {
			want = *t.Value
		}
		right := normTitle(want) == normTitle(ds.rec.Title)
		ds.s.addAcc("title", Ratio{Correct: b2i(right), Total: 1})
		if !right {
			it := ds.item("title", Wrong, want, -1, -1)
			it.Want, it.Got = want, ds.rec.Title
		}
	}
	if p := ds.d.Published; p.Present {
		var got *string
		if ds.rec.Published != nil {
			g := *ds.rec.Published
			if len(g) > len("2006-01-02") {
				g = g[:len("2006-01-02")]
			}
			got = &g
		}
		right := (p.Value == nil && got == nil) || (p.Value != nil && got != nil && *p.Value == *got)
		ds.s.addAcc("published", Ratio{Correct: b2i(right), Total: 1})
		if !right {
			it := ds.item("published", Wrong, orNull(p.Value), -1, -1)
			it.Want, it.Got = orNull(p.Value), orNull(ds.rec.Published)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// normTitle collapses white space and unifies quotation marks.
func normTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace(s)
}

// Find returns the gold document for an article with the given source
// path and id, by the pairing rule of Score (exact file or id first, then
// a source ending in "/"+file), so that a caller can pass its anchor date
// to the tagger before scoring. It returns nil when none matches.
func (g *Gold) Find(source, id string) *GoldDoc {
	rec := []pipeline.Record{{Source: source, ID: id}}
	var best *GoldDoc
	bestExact := false
	for i := range g.Documents {
		d := &g.Documents[i]
		if pairRecord(d.File, rec) < 0 {
			continue
		}
		exact := filepath.ToSlash(source) == d.File || id == d.File
		if best == nil || (exact && !bestExact) || (exact == bestExact && len(d.File) > len(best.File)) {
			best, bestExact = d, exact
		}
	}
	return best
}
