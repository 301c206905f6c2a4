package quotes

import (
	"github.com/bylinehq/byline/extract/names"
)

// fromPreviousSentence attributes a direct quotation that opens its
// sentence and has no attribution of its own through the sentence before
// it, in its paragraph or at the end of the previous one, when that
// sentence has no quotation: its speech verb's subject ("In a statement,
// he urged them to come forward.\n\n“…”"), else the one person it names
// ("…, leaving Ingram unimpressed. “…”").
func (f *quoteFinder) fromPreviousSentence(q *rawQuote) found {
	end := q.open.start
	for end > 0 && isSpaceByte(f.text[end-1]) {
		end--
	}
	if end == 0 || q.para > 0 && end <= f.paras[q.para-1].start {
		return found{}
	}
	pi := q.para
	if end <= f.paras[pi].start {
		pi--
	}
	sb := f.sentenceBegin(f.paras[pi].start, end)
	if insideQuote(f.raws, end-1) || f.cur > 0 && f.raws[f.cur-1].end > sb {
		return found{}
	}
	toks := f.tokenize(sb, end)
	if a := f.fromBefore(toks, len(toks), false); a.ok() {
		return a
	}
	if a := f.openingSubject(toks); a.ok() {
		return a
	}
	one := -1
	for _, k := range toks {
		i, ok := f.sp.byStart[k.s]
		if !ok || f.sp.ents[i].Type != names.Person {
			continue
		}
		if one >= 0 && canonical(f.sp.ents[one]) != canonical(f.sp.ents[i]) {
			return found{}
		}
		one = i
	}
	if one < 0 {
		return found{}
	}
	return f.sp.entityFound(one)
}

// openingSubject returns the person who is the subject of the sentence
// toks when the sentence opens with them, after at most an introductory
// phrase closed by a comma and a few words of description: "Comic artist
// Jo Lim (…) told of …", "Unhappy with the role, she left …". A story
// that goes on with a quotation after such a sentence gives its subject's
// words.
func (f *quoteFinder) openingSubject(toks []tok) found {
	j := 0
	for n := 0; n < len(toks) && n < 10; n++ {
		if f.str(toks[n]) == "," {
			intro := true
			for _, k := range toks[:n] {
				if _, ok := f.sp.byStart[k.s]; ok || !k.word {
					intro = false
					break
				}
			}
			if intro {
				j = n + 1
			}
			break
		}
	}
	for n := 0; j < len(toks) && n < 4; j, n = j+1, n+1 {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.sp.byStart[k.s]; ok {
			if f.sp.ents[i].Type != names.Person || insideQuote(f.raws, k.s) {
				return found{}
			}
			return f.sp.entityFound(i)
		}
		w := f.lower(k)
		if g, ok := pronounGender[w]; ok {
			if n > 0 {
				return found{}
			}
			return f.pn.resolvePronoun(k, g)
		}
		if isCapitalised(f.str(k)) || personRoles[w] || w == "the" || roleNounWord(w) {
			continue // "Comic artist", "The actress", "Former coach"
		}
		return found{}
	}
	return found{}
}

// currentSpeaker returns the person who has spoken most of the quotations
// attributed so far in the last three paragraphs (the most recent at a
// tie), for a definite role noun the text never ties to a name: "Nick
// asked if …, the Met Commissioner replied “Undoubtedly.”"
func (f *quoteFinder) currentSpeaker(k tok) found {
	if f.cur >= len(f.raws) {
		return found{}
	}
	para := f.raws[f.cur].para
	count := map[string]int{}
	best, n := -1, 0
	for j := f.cur - 1; j >= 0 && j >= f.cur-maxEntityScan && f.raws[j].lastPara >= para-3; j-- {
		r := f.raws[j]
		if r.speaker == "" || !r.spPerson {
			continue
		}
		count[r.speaker]++
		if count[r.speaker] > n {
			best, n = j, count[r.speaker]
		}
	}
	if best < 0 {
		return found{}
	}
	return found{f.raws[best].speaker, k.s, k.e, true}
}

// plain reports whether toks name no one and hold no speech or
// description verb.
func (f *quoteFinder) plain(toks []tok) bool {
	for _, k := range toks {
		if _, ok := f.sp.byStart[k.s]; ok {
			return false
		}
		w := f.lower(k)
		if speechVerbs[w] || describeVerbs[w] || participles[w] || pronounGender[w] != 0 {
			return false
		}
	}
	return true
}

// joined reports whether toks only join two fragments: "and", "or", "a".
func (r reader) joined(toks []tok) bool {
	for _, k := range toks {
		switch r.lower(k) {
		case "and", "or", ",", "a", "an", "the", "as", "but", "even":
		default:
			return false
		}
	}
	return true
}

// newVoice reports whether text[lo:hi], between two quotations, may bring
// in another speaker: it names a person or organisation, uses a
// third-person pronoun or holds a verb of saying.
func (f *quoteFinder) newVoice(lo, hi int) bool {
	if hi-lo > maxWindow {
		return true
	}
	for _, k := range f.tokenize(lo, hi) {
		if _, ok := f.sp.byStart[k.s]; ok {
			return true
		}
		w := f.lower(k)
		if speechVerbs[w] || describeVerbs[w] || participles[w] || pronounGender[w] != 0 || w == "they" || w == "it" {
			return true
		}
	}
	return false
}
