package quotes

import (
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

// resolvePronoun finds the PERSON a pronoun of gender g refers to, by
// salience rather than recency: walking back sentence by sentence from the
// pronoun (at most pronounReach bytes), the subjects of each sentence's
// clauses come first (last clause first), then its other people, most
// recent first; the first whose gender agrees or is unknown wins. So in
// "Mr Trump said he had been told Sir Kim had praised him. “…,” he said"
// he is Trump, the subject, not Sir Kim, the last name. Names inside
// quotations are never candidates.
func (f *quoteFinder) resolvePronoun(k tok, g byte) found {
	lo := max(0, k.s-pronounReach)
	end := k.s
	for n := 0; end > lo && n < 12; n++ {
		sb := f.sentenceBegin(lo, end)
		if n > 0 && f.pronounOpens(sb, end, g) {
			// "She testified she was attacked by Jo Lim. She told …": the
			// earlier sentence's subject is the same pronoun, its names
			// are objects; the referent lies further back.
			end = f.previousSentenceEnd(lo, sb)
			continue
		}
		var cands []int
		for _, i := range f.clauseSubjects(sb, end) {
			if f.sp.ents[i].Type == names.Person {
				cands = append(cands, i)
			}
		}
		// Then the others, most recent first, those in an oblique
		// ("the murder of journalist Jo Lim") after the rest, and never
		// one the pronoun's own sentence addresses ("Speaking to Jo Lim,
		// he said").
		var oblique []int
		for i := f.sp.lastEntityBefore(end); i >= 0 && f.sp.ents[i].Start >= sb; i-- {
			if f.sp.ents[i].Type != names.Person || f.insideQuote(f.sp.ents[i].Start) {
				continue
			}
			if f.governed(sb, f.sp.ents[i].Start) {
				if n > 0 {
					oblique = append(oblique, i)
				}
				continue
			}
			cands = append(cands, i)
		}
		cands = append(cands, oblique...)
		for _, i := range cands {
			c := canonical(f.sp.ents[i])
			if eg, known := f.sp.gender[c]; !known || eg == g {
				return found{c, k.s, k.e, true}
			}
		}
		if sb >= end {
			break
		}
		end = f.previousSentenceEnd(lo, sb)
	}
	return found{}
}

// pronounOpens reports whether the sentence text[sb:end] has a pronoun of
// gender g as its subject: its first word, or the first after an opening
// phrase closed by a comma that names no one ("In court, she said …").
func (f *quoteFinder) pronounOpens(sb, end int, g byte) bool {
	toks := f.tokenize(sb, min(end, sb+80)) // eight words at most
	for j := 0; j < len(toks) && j < 8; j++ {
		if _, ok := f.sp.byStart[toks[j].s]; ok {
			return false
		}
		if pg, ok := pronounGender[f.lower(toks[j])]; ok {
			return pg == g && (j == 0 || f.str(toks[j-1]) == ",")
		}
		if !toks[j].word && f.str(toks[j]) != "," {
			return false
		}
	}
	return false
}

// governed reports whether the mention starting at s, in the sentence
// starting at sb, is the object of a preposition or of a verb of
// addressing: in "Speaking to Jo Lim of the BBC, he said" or "Asked by
// Jo Lim, he said" he is not Jo Lim.
func (f *quoteFinder) governed(sb, s int) bool {
	toks := f.tokenize(max(sb, s-40), s)
	if len(toks) == 0 {
		return false
	}
	j := len(toks) - 1
	for n := 0; j > 0 && n < 3 && toks[j].word; n, j = n+1, j-1 {
		// "to Dr Jo Lim", "of journalist Jo Lim", "to BBC presenter Jo Lim"
		w := f.lower(toks[j])
		if _, named := f.sp.byEnd[toks[j].e]; named || !(courtesyTitle(w) || isCapitalised(f.str(toks[j])) || descriptor(w) && !prepositions[w]) {
			break
		}
	}
	w := f.lower(toks[j])
	return toks[j].word && (prepositions[w] && w != "as" || w == "told" || w == "asked" || w == "interviewed" || w == "thanked")
}

// courtesyTitle reports whether lower-case w is a courtesy title.
func courtesyTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return maleTitles[w] || femaleTitles[w] || w == "dr" || w == "prof" || w == "professor"
}
