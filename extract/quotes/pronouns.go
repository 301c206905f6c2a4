package quotes

import (
	"slices"
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

// pronounResolver finds who he or she refers to, by salience: the
// subjects of the nearest clauses first. It reads the text, the entity
// index and where the quotations lie (names inside them are never
// candidates), but nothing of their attribution; the clause subjects it
// ranks by serve the finder's other subject rules too.
type pronounResolver struct {
	reader
	sp   *speakers
	raws []rawQuote // the quotations, for where they lie
}

// resolvePronoun finds the PERSON a pronoun of gender g refers to, by
// salience rather than recency: walking back sentence by sentence from the
// pronoun (at most pronounReach bytes), the subjects of each sentence's
// clauses come first (last clause first), then its other people, most
// recent first; the first whose gender agrees or is unknown wins. So in
// "Mr Trump said he had been told Sir Kim had praised him. “…,” he said"
// he is Trump, the subject, not Sir Kim, the last name. Names inside
// quotations are never candidates.
func (pn *pronounResolver) resolvePronoun(k tok, g byte) found {
	lo := max(0, k.s-pronounReach)
	end := k.s
	for n := 0; end > lo && n < 12; n++ {
		sb := pn.sentenceBegin(lo, end)
		if n > 0 && pn.pronounOpens(sb, end, g) {
			// "She testified she was attacked by Jo Lim. She told …": the
			// earlier sentence's subject is the same pronoun, its names
			// are objects; the referent lies further back.
			end = pn.previousSentenceEnd(lo, sb)
			continue
		}
		var cands []int
		for _, i := range pn.clauseSubjects(sb, end) {
			if pn.sp.ents[i].Type == names.Person {
				cands = append(cands, i)
			}
		}
		// Then the others, most recent first, those in an oblique
		// ("the murder of journalist Jo Lim") after the rest, and never
		// one the pronoun's own sentence addresses ("Speaking to Jo Lim,
		// he said").
		var oblique []int
		for i := pn.sp.lastEntityBefore(end); i >= 0 && pn.sp.ents[i].Start >= sb; i-- {
			if pn.sp.ents[i].Type != names.Person || insideQuote(pn.raws, pn.sp.ents[i].Start) {
				continue
			}
			if pn.governed(sb, pn.sp.ents[i].Start) {
				if n > 0 {
					oblique = append(oblique, i)
				}
				continue
			}
			cands = append(cands, i)
		}
		cands = append(cands, oblique...)
		for _, i := range cands {
			c := canonical(pn.sp.ents[i])
			if eg, known := pn.sp.gender[c]; !known || eg == g {
				return found{c, k.s, k.e, true}
			}
		}
		if sb >= end {
			break
		}
		end = pn.previousSentenceEnd(lo, sb)
	}
	return found{}
}

// pronounOpens reports whether the sentence text[sb:end] has a pronoun of
// gender g as its subject: its first word, or the first after an opening
// phrase closed by a comma that names no one ("In court, she said …").
func (pn *pronounResolver) pronounOpens(sb, end int, g byte) bool {
	toks := pn.tokenize(sb, min(end, sb+80)) // eight words at most
	for j := 0; j < len(toks) && j < 8; j++ {
		if _, ok := pn.sp.byStart[toks[j].s]; ok {
			return false
		}
		if pg, ok := pronounGender[pn.lower(toks[j])]; ok {
			return pg == g && (j == 0 || pn.str(toks[j-1]) == ",")
		}
		if !toks[j].word && pn.str(toks[j]) != "," {
			return false
		}
	}
	return false
}

// governed reports whether the mention starting at s, in the sentence
// starting at sb, is the object of a preposition or of a verb of
// addressing: in "Speaking to Jo Lim of the BBC, he said" or "Asked by
// Jo Lim, he said" he is not Jo Lim.
func (pn *pronounResolver) governed(sb, s int) bool {
	toks := pn.tokenize(max(sb, s-40), s)
	if len(toks) == 0 {
		return false
	}
	j := len(toks) - 1
	for n := 0; j > 0 && n < 3 && toks[j].word; n, j = n+1, j-1 {
		// "to Dr Jo Lim", "of journalist Jo Lim", "to BBC presenter Jo Lim"
		w := pn.lower(toks[j])
		if _, named := pn.sp.byEnd[toks[j].e]; named || !(courtesyTitle(w) || isCapitalised(pn.str(toks[j])) || descriptor(w) && !prepositions[w]) {
			break
		}
	}
	w := pn.lower(toks[j])
	return toks[j].word && (prepositions[w] && w != "as" || w == "told" || w == "asked" || w == "interviewed" || w == "thanked")
}

// courtesyTitle reports whether lower-case w is a courtesy title.
func courtesyTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return maleTitles[w] || femaleTitles[w] || w == "dr" || w == "prof" || w == "professor"
}

// clauseSubjects returns the entity indexes of the subjects of the clauses
// in text[lo:hi], last clause first: the first mention of each clause that
// is outside quotations and not governed by a preposition ("according to
// X" counts as a subject).
func (pn *pronounResolver) clauseSubjects(lo, hi int) []int {
	if hi-lo > maxWindow {
		lo = hi - maxWindow
	}
	toks := pn.tokenize(lo, hi)
	var out []int
	open := true
	for j := 0; j < len(toks); j++ {
		k := toks[j]
		w := pn.lower(k)
		if !k.word {
			if w == ";" || pn.endsQuotedSentence(k.s) {
				open = true // a new sentence after “… geophysics.”
			}
			continue
		}
		if clauseStarters[w] {
			open = true
			continue
		}
		i, ok := pn.sp.byStart[k.s]
		if !ok || insideQuote(pn.raws, k.s) {
			continue
		}
		e := pn.sp.ents[i]
		for j+1 < len(toks) && toks[j+1].s < e.End {
			j++
		}
		if !open {
			continue
		}
		p := j - 1
		for p >= 0 && toks[p].s >= e.Start {
			p--
		}
		for n := 0; p >= 0 && n < 2 && determiners[pn.lower(toks[p])]; n++ {
			p-- // "to her Twitter account", "on the BBC"
		}
		governed := p >= 0 && prepositions[pn.lower(toks[p])] && (pn.lower(toks[p]) != "to" || p == 0 || pn.lower(toks[p-1]) != "according")
		if governed || e.Type == names.Place {
			continue
		}
		if h, n := pn.namedHead(toks, j); h >= 0 {
			i, j = h, n // "Houthi military spokesperson Yahya Sarea": the name heads
		}
		out = append(out, i)
		open = false
	}
	slices.Reverse(out)
	return out
}

// endsQuotedSentence reports whether the closing quotation mark at i
// ends a quotation whose words end a sentence (“… for us all.”), so the
// text after it opens a new clause.
func (pn *pronounResolver) endsQuotedSentence(i int) bool {
	k := sort.Search(len(pn.raws), func(j int) bool { return pn.raws[j].close.start >= i })
	if k >= len(pn.raws) || pn.raws[k].close.start != i || pn.raws[k].end <= pn.raws[k].start {
		return false
	}
	c := pn.text[pn.raws[k].end-1]
	return c == '.' || c == '!' || c == '?'
}

// namedHead returns the PERSON mention that a mention ending at toks[j]
// only modifies, through lowercase words holding a role noun ("Acme
// chief executive Jo Lim", "Houthi military spokesperson Yahya Sarea"),
// and the index of its last token; or -1.
func (pn *pronounResolver) namedHead(toks []tok, j int) (int, int) {
	role := false
	for n := j + 1; n < len(toks) && n <= j+4; n++ {
		k := toks[n]
		if !k.word {
			return -1, 0
		}
		if i, ok := pn.sp.byStart[k.s]; ok {
			if !role || pn.sp.ents[i].Type != names.Person {
				return -1, 0
			}
			m := n
			for m+1 < len(toks) && toks[m+1].s < pn.sp.ents[i].End {
				m++
			}
			return i, m
		}
		w := pn.lower(k)
		if n == j+1 && names.RoleNouns[pn.str(k)] && strings.ToUpper(pn.str(k)) == pn.str(k) {
			role = true // an abbreviated role right after: "Conservative MP Bob Seely"
			continue
		}
		if isCapitalised(pn.str(k)) {
			return -1, 0
		}
		role = role || personRoles[w] || names.RoleNouns[w]
	}
	return -1, 0
}
