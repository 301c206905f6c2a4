package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/pipeline"
)

// PolNeARDoc is one article of a PolNeAR gold file (*.gold.jsonl, one
// article a line): the attributions of its text, with offsets in code
// points (Python string offsets) into Text.
type PolNeARDoc struct {
	ID     string               `json:"id"`
	Text   string               `json:"text"`
	Quotes []PolNeARAttribution `json:"quotes"`
}

// PolNeARAttribution is one attribution: the content (maybe in several
// segments), its source mention as written (nil for none) and its kind,
// direct, mixed or indirect.
type PolNeARAttribution struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Segments [][2]int `json:"segments"`
	Speaker  *string  `json:"speaker"`
	Kind     string   `json:"kind"`
}

// PolNeAR gold kinds.
const (
	polnearDirect   = "direct"
	polnearMixed    = "mixed"
	polnearIndirect = "indirect"
)

// IsPolNeAR reports whether raw reads as PolNeAR gold: JSON Lines whose
// first line is an object with an id, a text and quotes.
func IsPolNeAR(raw []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(raw, " \t\r\n"), []byte("\n"))
	var probe struct {
		ID     *string          `json:"id"`
		Text   *string          `json:"text"`
		Quotes *json.RawMessage `json:"quotes"`
	}
	return json.Unmarshal(line, &probe) == nil && probe.ID != nil && probe.Text != nil && probe.Quotes != nil
}

// ReadPolNeAR reads PolNeAR gold, one article a line.
func ReadPolNeAR(r io.Reader) ([]PolNeARDoc, error) {
	var docs []PolNeARDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var d PolNeARDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return nil, fmt.Errorf("eval: polnear line %d: %w", n, err)
		}
		if d.ID == "" {
			return nil, fmt.Errorf("eval: polnear line %d: no id", n)
		}
		for i, q := range d.Quotes {
			if len(q.Segments) == 0 {
				d.Quotes[i].Segments = [][2]int{{q.Start, q.End}}
			}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: polnear: %w", err)
	}
	return docs, nil
}

// ScorePolNeAR scores records, the output of ingest on the articles of a
// PolNeAR *.input.jsonl, against its gold, as the data's README defines:
//
//   - quotes (precision, recall, F1): Byline's quotes, of every kind,
//     against the gold attributions of kind direct or mixed. A prediction
//     matches a gold attribution when their overlap covers at least half
//     of the shorter of the two (the gold's length is that of its
//     segments); pairs are one-to-one, in text order, each prediction
//     taking the unpaired gold it overlaps most. A prediction that lies so
//     on an indirect attribution, or on a gold attribution already paired
//     (Byline splits “We tried,” she said, “but failed.” in two where the
//     gold has one attribution in two segments), is neither right nor
//     wrong.
//   - speakers (accuracy): over the pairs whose gold speaker mention has
//     a name word (a capitalised word that is not a title, a pronoun or a
//     common word capitalised to open the mention), right when the gold's
//     last name word (before any comma) is a word of Byline's speaker, or
//     the last word of Byline's speaker is a word of the gold mention. No
//     speaker is wrong. Pairs whose gold speaker is a pronoun or a
//     description ("he", "the campaign") are not judged: there Byline
//     should name whom the pronoun means, which the gold cannot check;
//     their number is returned as unchecked.
//
// A record is paired with the gold article of its ID. The record's text is
// the cleaned article (no headline, whitespace collapsed), so its quotes
// are carried onto the gold text by aligning the two texts' non-space
// characters. Items report offsets into the record's text; a missed
// attribution has none (-1).
func ScorePolNeAR(docs []PolNeARDoc, recs []pipeline.Record) (rep *Report, unchecked int) {
	rep = &Report{Overall: newScores()}
	byID := make(map[string]int, len(recs))
	for i, r := range recs {
		if _, ok := byID[r.ID]; !ok {
			byID[r.ID] = i
		}
	}
	paired := make([]bool, len(recs))
	for _, d := range docs {
		dr := DocReport{File: d.ID, Scores: newScores()}
		ri, ok := byID[d.ID]
		var items []Item
		if !ok {
			dr.Missing = true
			n := 0
			for _, g := range d.Quotes {
				if g.Kind == polnearDirect || g.Kind == polnearMixed {
					n++
				}
			}
			dr.Scores.addPRF("quotes", Counts{FN: n})
			items = []Item{{Doc: d.ID, Kind: NoRecord, Text: d.ID, Start: -1, End: -1}}
		} else {
			paired[ri] = true
			dr.Source = recs[ri].ID
			var u int
			items, u = scorePolNeARDoc(d, &recs[ri], dr.Scores)
			unchecked += u
		}
		rep.Overall.add(dr.Scores)
		rep.Documents = append(rep.Documents, dr)
		rep.Items = append(rep.Items, items...)
	}
	for i, r := range recs {
		if !paired[i] {
			rep.Unscored = append(rep.Unscored, cmp.Or(r.ID, r.Source))
		}
	}
	rep.sort()
	return rep, unchecked
}

// scorePolNeARDoc scores one record against its gold article into s.
func scorePolNeARDoc(d PolNeARDoc, rec *pipeline.Record, s Scores) (items []Item, unchecked int) {
	ds := &docScorer{d: GoldDoc{File: d.ID}, rec: rec, s: s}
	toGold := alignText(rec.Text, d.Text)
	runeAt := runeIndex(rec.Text)
	used := make([]bool, len(d.Quotes))
	var quotes Counts
	var speakers Ratio
	for _, p := range rec.Quotes {
		gs, ge, ok := mapSpan(toGold, runeAt, p.Start, p.End)
		best, bestOver, neutral := -1, 0, false
		for i, g := range d.Quotes {
			if !ok {
				break
			}
			over := overlap(gs, ge, g.Segments)
			if 2*over < min(ge-gs, segmentsLen(g.Segments)) || over == 0 {
				continue
			}
			if g.Kind == polnearIndirect || used[i] {
				neutral = true
				continue
			}
			if g.Kind != polnearDirect && g.Kind != polnearMixed {
				continue
			}
			if over > bestOver {
				best, bestOver = i, over
			}
		}
		switch {
		case best >= 0:
			used[best] = true
			quotes.TP++
			g := d.Quotes[best]
			if g.Speaker == nil {
				break
			}
			if !hasNameWord(*g.Speaker, d.Text) {
				unchecked++
				break
			}
			got := ""
			if p.Speaker != nil {
				got = *p.Speaker
			}
			right := speakerMatches(*g.Speaker, got, d.Text)
			speakers.judge(right)
			if !right {
				it := ds.item("speakers", Wrong, p.Text, p.Start, p.End)
				it.Want, it.Got = *g.Speaker, got
			}
		case !neutral:
			quotes.FP++
			ds.item("quotes", Spurious, p.Text, p.Start, p.End)
		}
	}
	for i, g := range d.Quotes {
		if !used[i] && (g.Kind == polnearDirect || g.Kind == polnearMixed) {
			quotes.FN++
			ds.item("quotes", Missed, substrRunes(d.Text, g.Start, g.End), -1, -1)
		}
	}
	s.addPRF("quotes", quotes)
	s.addAcc("speakers", speakers)
	return ds.items, unchecked
}

// alignText maps each rune of clean, a cleaned copy of orig, to the index
// of the same rune in orig, or -1. Whitespace is skipped on both sides;
// where the texts part (a headline the cleaner took out), the walk in orig
// jumps to the next place where the following runes of clean occur.
func alignText(clean, orig string) []int {
	cr, or := []rune(clean), []rune(orig)
	out := make([]int, len(cr))
	for i := range out {
		out[i] = -1
	}
	var a, b []int // indexes of non-space runes
	for i, r := range cr {
		if !unicode.IsSpace(r) {
			a = append(a, i)
		}
	}
	for i, r := range or {
		if !unicode.IsSpace(r) {
			b = append(b, i)
		}
	}
	const key = 16 // runes that must agree to resynchronise
	j := 0
	for i := 0; i < len(a); {
		if j < len(b) && cr[a[i]] == or[b[j]] {
			out[a[i]] = b[j]
			i, j = i+1, j+1
			continue
		}
		k := min(key, len(a)-i)
		found := -1
		for jj := j + 1; jj+k <= len(b); jj++ {
			if runesAgree(cr, or, a[i:i+k], b[jj:jj+k]) {
				found = jj
				break
			}
		}
		if found < 0 {
			i++ // a rune the cleaner added
			continue
		}
		j = found
	}
	return out
}

func runesAgree(cr, or []rune, a, b []int) bool {
	for n := range a {
		if cr[a[n]] != or[b[n]] {
			return false
		}
	}
	return true
}

// runeIndex returns, for each byte offset of s (and len(s)), the index of
// the rune that starts there or contains it.
func runeIndex(s string) []int {
	out := make([]int, len(s)+1)
	n := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for k := range size {
			out[i+k] = n
		}
		i += size
		n++
	}
	out[len(s)] = n
	return out
}

// mapSpan carries the byte span [s, e) of the cleaned text onto the gold
// text's code points through the alignment, from its first to its last
// aligned rune.
func mapSpan(toGold, runeAt []int, s, e int) (gs, ge int, ok bool) {
	if s < 0 || e > len(runeAt)-1 || s >= e {
		return 0, 0, false
	}
	rs, re := runeAt[s], runeAt[e]
	gs, ge = -1, -1
	for r := rs; r < re; r++ {
		if toGold[r] >= 0 {
			if gs < 0 {
				gs = toGold[r]
			}
			ge = toGold[r] + 1
		}
	}
	return gs, ge, gs >= 0 && ge > gs
}

func overlap(s, e int, segs [][2]int) int {
	n := 0
	for _, g := range segs {
		if a, b := max(s, g[0]), min(e, g[1]); b > a {
			n += b - a
		}
	}
	return n
}

func segmentsLen(segs [][2]int) int {
	n := 0
	for _, g := range segs {
		n += max(0, g[1]-g[0])
	}
	return n
}

// substrRunes returns the runes [s, e) of text.
func substrRunes(text string, s, e int) string {
	r := []rune(text)
	s, e = max(0, min(s, len(r))), max(0, min(e, len(r)))
	if s >= e {
		return ""
	}
	return string(r[s:e])
}

// Words of a speaker mention that are never names: titles and pronouns.
var (
	polnearTitles = wordSet("mr mrs ms miss mx dr sen senator rep representative gov governor president vice " +
		"secretary gen general lt col sgt judge justice mayor chairman chairwoman chair speaker leader " +
		"minister prime sir dame lord lady rev reverend prof professor attorney former first sheriff chief " +
		"commissioner director ambassador candidate nominee press")
	polnearPronouns = wordSet("i he she they we it you him her them us his hers their theirs its our ours who whom " +
		"this that these those one someone somebody everyone anyone")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// mentionWords splits a mention into words: letters with inner
// apostrophes, hyphens and full stops ("Sen.", "O'Rourke").
func mentionWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
}

// speakerNameWords returns the name words of mention: capitalised, not a title
// or pronoun, and, for its first word, not a common word (one the text
// also writes in lower case: "The campaign", "Officials").
func speakerNameWords(mention, text string) []string {
	var out []string
	for k, w := range mentionWords(mention) {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		if !unicode.IsUpper(r) || polnearTitles[lw] || polnearPronouns[lw] {
			continue
		}
		if k == 0 && hasWord(text, lw) {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s") // Trump’s
		out = append(out, w)
	}
	return out
}

func hasNameWord(mention, text string) bool { return len(speakerNameWords(mention, text)) > 0 }

// speakerMatches applies the README's rule: the gold's last name word
// (before any comma) is a word of got, or got's last word is a word of
// the gold mention. Words compare regardless of case, for transcripts
// that write speakers in capitals ("PENCE:").
func speakerMatches(gold, got, text string) bool {
	if got == "" {
		return false
	}
	head, _, _ := strings.Cut(gold, ",")
	names := speakerNameWords(head, text)
	if len(names) == 0 {
		names = speakerNameWords(gold, text)
	}
	if len(names) > 0 && hasWord(strings.ToLower(got), strings.ToLower(names[len(names)-1])) {
		return true
	}
	gw := mentionWords(got)
	return len(gw) > 0 && hasWord(strings.ToLower(gold), strings.ToLower(gw[len(gw)-1]))
}

// hasWord reports whether w occurs in s as a whole word, case-sensitively.
func hasWord(s, w string) bool {
	for i := 0; w != ""; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:a])
		after, _ := utf8.DecodeRuneInString(s[b:])
		if (a == 0 || !unicode.IsLetter(before)) && (b == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = a + 1
	}
	return false
}
