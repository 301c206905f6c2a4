package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/names"
)

// subjectOpensClause reports whether only descriptive words stand between
// the subject mention starting at offset ms and the start of its clause.
func (f *quoteFinder) subjectOpensClause(toks []tok, v, ms int) bool {
	j := v - 1
	for j >= 0 && toks[j].e > ms {
		j--
	}
	for n := 0; j >= 0; j, n = j-1, n+1 {
		k := toks[j]
		w := f.lower(k)
		if !k.word {
			switch w {
			case ",", ";", ":", "—", "–", "(":
				return true
			}
			return false
		}
		if boundaryWords[w] {
			// "Biden and Sanders announced": a compound subject, not one
			// speaker.
			if (w == "and" || w == "or") && j > 0 {
				if _, ok := f.sp.byEnd[toks[j-1].e]; ok {
					return false
				}
			}
			return true
		}
		if n >= 5 || !(subjectLead[w] || w == "’s" || w == "'s" || isCapitalised(f.str(k)) || personRoles[w] || descriptor(w)) {
			return false
		}
	}
	return true
}

// descriptor reports whether lower-case w may describe a subject ("WHO
// director-general", "public health expert"): not a preposition, relative
// pronoun, verb of saying or auxiliary, and not a past tense ("The man who
// met", "Officers questioned").
func descriptor(w string) bool {
	switch w {
	case "who", "which", "whom", "whose", "what", "where", "when", "it", "they", "we", "i", "you", "he", "she":
		return false
	}
	return !prepositions[w] && !notDescriptors[w] && !boundaryWords[w] && !speechVerbs[w] && !describeVerbs[w] && !participles[w] && !finiteAux[w] &&
		!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.Contains(w, "’") && !strings.Contains(w, "'")
}

// sentenceSubject returns the subject of the first clause of the sentence
// that holds toks (a stretch of a sentence, maybe after a quotation), or
// nothing.
func (f *quoteFinder) sentenceSubject(toks []tok) found {
	if len(toks) == 0 {
		return found{}
	}
	pi := sort.Search(len(f.paras), func(j int) bool { return f.paras[j].end >= toks[0].s })
	lo := toks[0].s
	if pi < len(f.paras) {
		lo = f.sentenceBegin(f.paras[pi].start, toks[0].s)
	}
	if a, ok := f.roleSubject(lo, toks[len(toks)-1].e); ok {
		return a
	}
	subs := f.pn.clauseSubjects(lo, toks[len(toks)-1].e)
	if len(subs) == 0 {
		return found{}
	}
	return f.sp.entityFound(subs[len(subs)-1])
}

// mentionAt resolves the mention ending with word toks[j]: an entity, a
// pronoun (when pronouns is set) or a role noun.
func (f *quoteFinder) mentionEnding(toks []tok, j int, pronouns bool) found {
	k := toks[j]
	if !k.word {
		return found{}
	}
	if i, ok := f.sp.byEnd[k.e]; ok {
		return f.sp.entityFound(i)
	}
	if a := f.bareSurname(toks, j); a.ok() {
		return a
	}
	w := f.lower(k)
	if g, ok := pronounGender[w]; ok {
		if pronouns {
			return f.pn.resolvePronoun(k, g)
		}
		return found{}
	}
	return f.resolveRole(toks, j)
}

// bareSurname resolves toks[j], a capitalised word the tagger did not tag,
// to the one person of the document whose last name it is: "leading to
// Lim branding" when Jo Lim is named elsewhere. It needs a title or no
// capitalised word before it ("Lim & Co" and "Port Lim" are not people).
func (f *quoteFinder) bareSurname(toks []tok, j int) found {
	k := toks[j]
	c := f.sp.surname[f.lower(k)]
	if c == "" || !isCapitalised(f.str(k)) {
		return found{}
	}
	if j > 0 {
		p := toks[j-1]
		pw := f.lower(p)
		if !p.word && pw != "," || p.word && isCapitalised(f.str(p)) && !maleTitles[pw] && !femaleTitles[pw] && pw != "the" && f.sentenceBegin(0, p.s) != p.s {
			return found{}
		}
	}
	if j+1 < len(toks) && toks[j+1].word && isCapitalised(f.str(toks[j+1])) {
		return found{}
	}
	return found{c, k.s, k.e, true}
}

// subjectBefore finds the subject of the verb at toks[v]: the mention just
// before it, past fillers, an appositive or a relative "who".
func (f *quoteFinder) subjectBefore(toks []tok, v int) found {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[f.lower(toks[j])] || isAdverb(f.str(toks[j]))) {
		j--
	}
	if j < 0 {
		return found{}
	}
	if f.str(toks[j]) == ")" && j >= 3 && f.str(toks[j-2]) == "(" && toks[j-1].word {
		j -= 3 // "The Hurricane Centre (NHC) said"
		if j < 0 {
			return found{}
		}
	}
	if j > 0 && names.PostNominals[f.str(toks[j])] {
		if _, ok := f.sp.byEnd[toks[j-1].e]; ok {
			j-- // "Judge Ann Hale QC said"
		}
	}
	if toks[j].word || f.str(toks[j]) == ")" {
		if w := f.lower(toks[j]); w == "who" || w == "which" {
			j--
			if j >= 0 && f.str(toks[j]) == "," {
				j--
			}
			if j < 0 {
				return found{}
			}
			return f.mentionEnding(toks, j, false)
		}
		var a found
		if toks[j].word {
			a = f.headOf(toks, j, f.mentionEnding(toks, j, true))
		}
		if h := f.phraseHead(toks, j); h.ok() && (!a.ok() || h.s < a.s) {
			return h
		}
		return a
	}
	if f.str(toks[j]) == "," {
		// An appositive: "Hugh Park, a former police chief, said".
		for k := j - 1; k >= 0 && k >= j-24; k-- {
			s := f.str(toks[k])
			if !toks[k].word && s != "," && s != "-" && s != "’s" && s != "." {
				return found{}
			}
			if s == "," {
				if k == 0 || k == j-1 {
					return found{}
				}
				// "Merkel's spokesperson, Steffen Seibert, said": the
				// appositive is itself the name.
				if i, ok := f.sp.byEnd[toks[j-1].e]; ok && f.sp.ents[i].Type == names.Person && f.titlesOnly(toks[k+1:j], f.sp.ents[i].Start) {
					return f.sp.entityFound(i) // also "…’s director, Dr. Wen Li, said"
				}
				if i, ok := f.sp.byEnd[toks[j-1].e]; ok && f.sp.ents[i].Type != names.Place && f.sp.ents[i].Start == toks[k+1].s && f.descriptionOnly(toks[:k]) {
					return f.sp.entityFound(i) // "One news site, Znak.com, claims": the name
				}
				m := k - 1
				for m > 0 && toks[m].word && fillers[f.lower(toks[m])] {
					m-- // "The ministry has, in a statement, called"
				}
				if a := f.headOf(toks, m, f.mentionEnding(toks, m, false)); a.ok() {
					return a
				}
				return found{}
			}
		}
	}
	return found{}
}

// phraseHead finds the person heading the subject phrase that ends at
// toks[j], past modifiers that name others: in "Ann Hale of Dock
// University and contributor to the Herald said", "Jo Lim of the Centre
// for Ocean Research (COR) said" and "Jo Lim in relaying the news to
// parliament said" the speaker is the person the phrase opens with,
// followed by a preposition. The phrase holds no comma, verb of saying,
// auxiliary, pronoun or relative word, and the person must open its
// clause ("A friend of Jo Lim at the BBC said" is the friend's).
func (f *quoteFinder) phraseHead(toks []tok, j int) found {
	depth := 0
	for u := j; u >= 0 && u > j-18; u-- {
		k := toks[u]
		if !k.word {
			switch f.str(k) {
			case ")":
				depth++
				continue
			case "(":
				depth--
				if depth < 0 {
					return found{}
				}
				continue
			case ":", "-", "&", ".":
				if depth > 0 || u > 0 && u < j && isCapitalised(f.str(toks[u-1])) && isCapitalised(f.str(toks[u+1])) {
					continue // "Centre for Oceanography: Research and Education"
				}
			}
			if depth > 0 {
				continue
			}
			return found{}
		}
		if depth > 0 {
			continue
		}
		w := f.lower(k)
		if u+1 <= j && headPreps[f.lower(toks[u+1])] {
			if i, ok := f.sp.byEnd[k.e]; ok && f.sp.ents[i].Type == names.Person && f.subjectOpensClause(toks, u+1, f.sp.ents[i].Start) {
				return f.sp.entityFound(i)
			}
		}
		if speechVerbs[w] || describeVerbs[w] || finiteAux[w] || pronounGender[w] != 0 || w == "they" || w == "it" || w == "we" || w == "i" || w == "you" ||
			w != "and" && clauseBreakers[w] || w == "that" || w == "by" {
			return found{}
		}
	}
	return found{}
}

// descriptionOnly reports whether toks, a sentence's opening words
// before an appositive name, only describe it: "One news site", "The
// regional broadcaster" (at most five words, no name, verb or
// preposition).
func (f *quoteFinder) descriptionOnly(toks []tok) bool {
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	for n, k := range toks {
		w := f.lower(k)
		if _, named := f.sp.byStart[k.s]; named || !k.word || !(subjectLead[w] || descriptor(w) || n == 0 && isCapitalised(f.str(k))) {
			return false
		}
	}
	return true
}

// titlesOnly reports whether the tokens of toks before offset s are only
// capitalised words and full stops (titles: "Dr.", "Sir"), at most three.
func (r reader) titlesOnly(toks []tok, s int) bool {
	n := 0
	for _, k := range toks {
		if k.s >= s {
			return true
		}
		if n++; n > 4 || k.word && !isCapitalised(r.str(k)) || !k.word && r.str(k) != "." {
			return false
		}
	}
	return true
}

// headOf looks past a prepositional phrase to the noun it modifies: in
// "George Kimbrell of the Center for Food Safety said" or "The Aam Aadmi
// Party in Goa said" the speaker is the mention before "of" or "in". A
// place in such a phrase is never the speaker.
func (f *quoteFinder) headOf(toks []tok, j int, a found) found {
	if !a.ok() {
		return a
	}
	i := j
	for i > 0 && toks[i-1].s >= a.s {
		i--
	}
	if i > 0 && f.lower(toks[i-1]) == "the" {
		i--
	}
	if i < 2 {
		return a
	}
	switch f.lower(toks[i-1]) {
	case "of", "in", "from", "at", "for":
	default:
		return a
	}
	if e, ok := f.sp.byEnd[toks[i-2].e]; ok {
		if f.sp.ents[e].Type == names.Person && !f.subjectOpensClause(toks, i-1, f.sp.ents[e].Start) {
			return found{} // "A friend of Jo Lim at the Herald said": the friend
		}
		return f.sp.entityFound(e) // "Jo Lim of the Centre": an entity head
	}
	if head := f.mentionEnding(toks, i-2, false); head.ok() && !(a.person && head.person) {
		return head // a role head, but never instead of a named person
	}
	if e, ok := f.sp.byEnd[toks[j].e]; ok && f.sp.ents[e].Type == names.Place {
		return found{}
	}
	return a
}

// subjectAfter finds an inverted subject: "said Smith", "said the
// company's spokesman", "according to the Met".
func (f *quoteFinder) subjectAfter(toks []tok, v int) found {
	start := v + 1
	if f.lower(toks[v]) == "according" {
		if start >= len(toks) || f.lower(toks[start]) != "to" {
			return found{}
		}
		start++
	}
	if f.lower(toks[v]) == "according" {
		// "according to a statement on Monday by Health Minister Jo Lim"
		for j := start; j < len(toks) && j <= start+8 && toks[j].word; j++ {
			if f.lower(toks[j]) == "by" {
				if a := f.subjectAfter(toks, j); a.ok() {
					return a
				}
				break
			}
		}
	}
	for j := start; j < len(toks) && j <= start+6; j++ {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.sp.byStart[k.s]; ok {
			return f.sp.entityFound(f.personInTitle(toks, j, i))
		}
		w := f.lower(k)
		if g, ok := pronounGender[w]; ok {
			if j == start {
				return f.pn.resolvePronoun(k, g)
			}
			return found{}
		}
		if a := f.bareSurname(toks, j); a.ok() && (j+1 == len(toks) || !toks[j+1].word) {
			return a // "according to Lim."
		}
		if unicode.IsUpper([]rune(f.str(k))[0]) {
			continue // titles and names not tagged: "Deputy Minister"
		}
		if _, ok := orgRoles[w]; ok || personRoles[w] {
			if j+1 < len(toks) && toks[j+1].word && isCapitalised(f.str(toks[j+1])) {
				continue // "according to current president Emmerson Mnangagwa": the name follows
			}
			// "said the commissioner" or "said the company's chief, Jo Lim".
			if j+2 < len(toks) && f.str(toks[j+1]) == "," {
				if i, ok := f.sp.byStart[toks[j+2].s]; ok {
					return f.sp.entityFound(i)
				}
			}
			return f.resolveRole(toks, j)
		}
		if j+2 < len(toks) && f.str(toks[j+1]) == "," {
			// "said his father, Abdullah Kurdi"
			if i, ok := f.sp.byStart[toks[j+2].s]; ok && f.sp.ents[i].Type == names.Person {
				return f.sp.entityFound(i)
			}
		}
		switch w {
		case "the", "a", "an", "its", "their", "his", "her", "former", "then", "’s", "'s":
			continue
		case "and":
			if j > start && j+1 < len(toks) && isCapitalised(f.str(toks[j+1])) {
				continue // "said study co-author and Research Fellow Jo Lim": two roles
			}
		}
		if notDescriptors[w] || speechVerbs[w] || pronounGender[w] != 0 {
			return found{}
		}
		// "said study co-author Karen Alley": descriptive words before
		// a name; they count only if a name follows.
	}
	return found{}
}

// personInTitle returns the PERSON a title-like organisation or place
// mention at toks[j] (entity i) leads to, or i: in "US Secretary of State
// Mike Pompeo" the speaker is the person, not the office.
func (f *quoteFinder) personInTitle(toks []tok, j, i int) int {
	if f.sp.ents[i].Type == names.Person {
		return i
	}
	role := false
	for n := j + 1; n < len(toks) && n <= j+10; n++ {
		k := toks[n]
		if !k.word {
			if f.str(k) == "," && n > j+1 {
				// "University of Kent, Canterbury's chancellor, Jo Lim":
				// past commas only to a role the name is then given.
				continue
			}
			return i
		}
		if p, ok := f.sp.byStart[k.s]; ok && f.sp.ents[p].Type == names.Person {
			if !role && f.commaBetween(toks, j, n) {
				return i
			}
			return p
		}
		role = role || personRoles[f.lower(k)]
		if lw := f.lower(k); lw == "’s" || lw == "'s" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(f.str(k)); !unicode.IsUpper(r) && f.lower(k) != "of" && !personRoles[f.lower(k)] && (n > j+3 || !descriptor(f.lower(k))) {
			return i // "NASA administrator Jim Bridenstine" reaches the person
		}
	}
	return i
}
