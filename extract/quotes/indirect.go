package quotes

import (
	"context"
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

// indirectFinder finds indirect speech ("Jo Lim said that …") in the
// sentences the finder's quotations leave free, attributing it through
// the finder's subject, pronoun and role resolution; the finder never
// calls back into it.
type indirectFinder struct{ *quoteFinder }

// indirect finds reported speech in the sentences that hold no quotation.
// It looks at ctx every checkEvery sentences and returns its error.
func (ind indirectFinder) indirect(ctx context.Context) ([]Quote, error) {
	ind.cur = len(ind.raws) // no current-speaker guess for roles
	var out []Quote
	n := 0
	for _, p := range ind.paras {
		for a := p.start; a < p.end; {
			for a < p.end && isSpaceByte(ind.text[a]) {
				a++
			}
			if a >= p.end {
				break
			}
			if n++; n%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			e := ind.sentenceEnd(a, p.end)
			if e <= a {
				break
			}
			if c := ind.beforeQuoteClause(a, e); c > a {
				// "He stated the trial was unfair, saying he expected
				// “a partisan outcome”": the clause before the quotation.
				out = ind.indirectIn(a, c, out)
			}
			out = ind.indirectIn(ind.afterQuotes(a, e), e, out)
			a = e
		}
	}
	return out, nil
}

// afterQuotes returns where the last sentence of text[s:e] that follows
// a quotation begins: “We are done.” She added that … holds a sentence
// after the quotation, which sentenceEnd does not split off.
func (ind indirectFinder) afterQuotes(s, e int) int {
	k := sort.Search(len(ind.raws), func(j int) bool { return ind.raws[j].open.start >= e }) - 1
	if k < 0 {
		return s
	}
	r := ind.raws[k]
	if r.close.end <= s || r.close.end >= e || r.end <= r.start {
		return s
	}
	if c := ind.text[r.end-1]; c == '.' || c == '!' || c == '?' {
		return r.close.end
	}
	// “…”, while Jo Lim said …: a clause of its own after the quotation.
	toks := ind.tokenize(r.close.end, min(e, r.close.end+60))
	for j := 0; j+2 < len(toks) && j < 6; j++ {
		if ind.str(toks[j]) == "," && toks[j+1].word {
			switch ind.lower(toks[j+1]) {
			case "while", "whereas", "but", "although":
				return toks[j+1].s
			}
		}
	}
	return s
}

// beforeQuoteClause returns the offset just past the comma that ends
// the sentence text[s:e]'s opening stretch before its first quotation,
// when a participle of saying follows that comma ("…, saying “…”",
// "…, adding that “…”"); else s.
func (ind indirectFinder) beforeQuoteClause(s, e int) int {
	k := sort.Search(len(ind.raws), func(j int) bool { return ind.raws[j].open.start >= s })
	if k >= len(ind.raws) || ind.raws[k].open.start >= e {
		return s
	}
	stretch := ind.text[s:ind.raws[k].open.start]
	best := -1
	for _, p := range []string{", saying ", ", adding ", ", claiming ", ", insisting ", ", arguing ", ", warning "} {
		if i := strings.LastIndex(stretch, p); i > best {
			best = i
		}
	}
	if best < 0 || len(strings.Fields(stretch[:best])) < 5 {
		return s
	}
	return s + best + 1
}

// overlapsQuote reports whether [s,e) overlaps a quotation or its marks.
func (ind indirectFinder) overlapsQuote(s, e int) bool {
	k := sort.Search(len(ind.raws), func(j int) bool { return max(ind.raws[j].close.end, ind.raws[j].end) > s })
	return k < len(ind.raws) && ind.raws[k].open.start < e
}

// indirectIn appends the reported clauses of sentence text[s:e] to out:
// one, or more when the sentence goes on to another verb of saying after
// the first clause ("X said A, but said B", "X said A, adding B").
func (ind indirectFinder) indirectIn(s, e int, out []Quote) []Quote {
	sent := ind.text[s:e]
	if len(sent) == 0 {
		return out
	}
	last := sent[len(sent)-1]
	if last != '.' && last != '!' && last != ',' || ind.overlapsQuote(s, e) || strings.ContainsAny(sent, "\"“”«»‘„") {
		return out
	}
	toks := ind.tokenize(s, e)
	if len(toks) < 5 {
		return out
	}
	var prev found // the speaker of the sentence's last clause
	for v := 0; v < len(toks); v++ {
		k := toks[v]
		if !k.word {
			continue
		}
		w := ind.str(k)
		var q Quote
		ok := false
		switch {
		case w == "according" || w == "According":
			q, ok = ind.indirectAccording(toks, v, e)
		case indirectVerbs[w] || w == "adding" && v > 0 && ind.str(toks[v-1]) == "," || w == "saying" && v > 0 && ind.str(toks[v-1]) == "as": // lower case only: "States" is a name
			q, ok = ind.indirectForward(toks, v, e, prev)
			if !ok && w != "adding" && w != "saying" {
				q, ok = ind.indirectFinal(toks, v)
			}
			if !ok && bareIndirect[w] {
				q, ok = ind.indirectMedial(toks, v, e)
			}
		}
		if !ok {
			continue
		}
		out = append(out, q)
		prev = found{}
		if q.Speaker != nil {
			prev = found{*q.Speaker, *q.SpeakerStart, *q.SpeakerEnd, false}
		}
		for v+1 < len(toks) && toks[v+1].s < q.End {
			v++
		}
	}
	return out
}

// clauseQuote makes an Indirect Quote of text[s:e] (up to a semicolon,
// less its closing punctuation) spoken by a, when it holds at least three words and a is
// not a place.
func (ind indirectFinder) clauseQuote(s, e int, a found) (Quote, bool) {
	if !a.ok() && !a.anon() {
		return Quote{}, false
	}
	if i, ok := ind.sp.byStart[a.s]; ok && ind.sp.ents[i].Type == names.Place {
		return Quote{}, false
	}
	if k := strings.IndexByte(ind.text[s:e], ';'); k >= 0 {
		e = s + k // the reported clause ends at a semicolon
	}
	e = ind.narratorBreak(s, e)
	for e > s && (isSpaceByte(ind.text[e-1]) || strings.IndexByte(".!,;:", ind.text[e-1]) >= 0) {
		e--
	}
	for s < e && (isSpaceByte(ind.text[s]) || strings.IndexByte(",;:", ind.text[s]) >= 0) {
		s++ // "reported that, before …": no leading comma
	}
	if len(strings.Fields(ind.text[s:e])) < 3 {
		return Quote{}, false
	}
	q := Quote{Text: ind.text[s:e], Start: s, End: e, Kind: Indirect}
	if a.ok() {
		setSpeaker(&q, a)
	}
	return q, true
}

// narratorBreak returns where the narrator takes over again in the
// reported clause text[s:e]: at "despite" ("says it found nothing despite
// the paper claiming …"), at a comma before while, whereas or although,
// and at "but" when a new predicate follows it ("… but did not say why",
// "but said the fire was an accident"); else e.
func (r reader) narratorBreak(s, e int) int {
	toks := r.tokenize(s, e)
	for j := 1; j < len(toks); j++ {
		w := r.lower(toks[j])
		switch w {
		case "despite":
			return toks[j].s
		case "while", "whereas", "although":
			if r.str(toks[j-1]) == "," {
				return toks[j-1].s
			}
		case "and":
			if j+1 < len(toks) && indirectVerbs[r.lower(toks[j+1])] {
				return toks[j].s // "… and noted …": a new report
			}
			if j+1 < len(toks) && r.modalBefore(toks[:j]) && pastVerb(r.str(toks[j+1])) {
				// "… would lose and asked voters to …": a past tense
				// cannot join a modal's verb, so the narrator speaks.
				return toks[j].s
			}
		case "but":
			if j+1 < len(toks) {
				n := r.lower(toks[j+1])
				if finiteAux[n] || speechVerbs[n] || n == "also" || n == "later" {
					return toks[j].s
				}
			}
		}
	}
	return e
}

// indirectForward reads "X said (that) <clause>" with the verb at toks[v].
//
// prev is the speaker of a clause the sentence reported before toks[v]:
// the subject of a verb coordinated with that clause's ("…, but said",
// "…, adding").
func (ind indirectFinder) indirectForward(toks []tok, v, e int, prev found) (Quote, bool) {
	if v+2 >= len(toks) || ind.negatedAt(toks, v) {
		return Quote{}, false
	}
	w := ind.str(toks[v])
	var a found
	switch pw := ""; {
	case v > 0:
		pw = ind.lower(toks[v-1])
		if pw == "also" && v > 1 {
			pw = ind.lower(toks[v-2])
		}
		if w == "saying" && pw == "as" {
			// "The Post quoted Jo Lim, a spokesman, as saying …": the
			// one quoted.
			if a = ind.quotedObject(toks, v-1); !a.ok() {
				return Quote{}, false
			}
			w = "said"
		} else if w == "adding" || pw == "but" || pw == "and" {
			a = prev // "X said A, but said B": X
			if w == "adding" {
				w = "added"
				if !a.ok() && v > 2 && speechVerbs[ind.lower(toks[v-2])] {
					a = ind.subjectBefore(toks, v-2) // "…, Jo Lim said, adding"
				}
			}
			if !a.ok() {
				return Quote{}, false
			}
		}
	}
	if !a.ok() {
		a = ind.subjectBefore(toks, v)
		if !a.ok() || !ind.subjectOpensClause(toks, v, a.s) && !ind.relativeSubject(toks, v, a.s) {
			if a = ind.anonSubject(toks, v); !a.anon() {
				return Quote{}, false
			}
		}
	}
	j := v + 1
	// The words before "that": an object after told, a short adverbial
	// after the others.
	that := -1
	for n := j; n < len(toks) && n <= j+6; n++ {
		lw := ind.lower(toks[n])
		if lw == "that" {
			that = n
			break
		}
		if lw == "and" || lw == "or" || lw == "but" || lw == "which" || lw == "who" || lw == ";" || lw == "to" && n == j || speechVerbs[lw] {
			break
		}
	}
	if that >= 0 && that > j {
		gap := ind.lower(toks[j])
		tell := w == "told" || w == "tells"
		if !tell && !gapStart[gap] && gap != "," {
			that = -1
		}
		if tell && (gap == "," || !toks[j].word) {
			that = -1
		}
	}
	if ind.subordinateAt(toks, v, a.s) {
		// "After Jo Lim said that fees would rise, the board met": the
		// reported clause ends with the adverbial clause.
		for n := v + 1; n < len(toks); n++ {
			if ind.str(toks[n]) == "," {
				e = toks[n].s
				break
			}
		}
	}
	if that >= 0 {
		cs := that + 1
		if cs < len(toks) && finiteAux[ind.lower(toks[cs])] {
			cs = that // "said that was wrong": that is the subject
		}
		if cs >= len(toks) {
			return Quote{}, false
		}
		return ind.clauseQuote(toks[cs].s, e, a)
	}
	if w == "told" || w == "tells" {
		if j = ind.afterHearer(toks, j); j < 0 {
			return Quote{}, false
		}
	} else {
		j = ind.pastAdjunct(toks, j)
	}
	if !bareIndirect[w] || j >= len(toks) || !toks[j].word || notClauseStart[ind.lower(toks[j])] || prepositions[ind.lower(toks[j])] {
		return Quote{}, false
	}
	if nominative[ind.lower(toks[j])] && j+1 < len(toks) && toks[j+1].word {
		// "said they believe …": a nominative pronoun can only open a
		// clause.
		return ind.clauseQuote(toks[j].s, e, a)
	}
	for n := j + 1; n < len(toks) && n <= j+10; n++ {
		lw := ind.lower(toks[n])
		if lw == "," || lw == "who" || lw == "which" || lw == "that" || lw == "whose" || lw == "where" || lw == ";" || lw == "to" {
			return Quote{}, false
		}
		if finiteAux[lw] && !comparativeAt(ind.lower(toks[n-1])) || pastIndirect[w] && n <= j+4 && ind.pastTense(toks, j, n) {
			return ind.clauseQuote(toks[j].s, e, a)
		}
	}
	return Quote{}, false
}

// anonAfter reads an unnamed source after "according to" at toks[j]:
// "government authorities", "local officials" (at most three words, the
// last a source noun).
func (r reader) anonAfter(toks []tok, j int) found {
	for n := j; n < len(toks) && n < j+3 && toks[n].word; n++ {
		w := r.lower(toks[n])
		if anonSources[w] {
			if n+1 < len(toks) && toks[n+1].word {
				return found{} // "according to officials in Kent": more follows
			}
			return found{"", toks[j].s, toks[n].e, false}
		}
		if !subjectLead[w] && !descriptor(w) {
			return found{}
		}
	}
	return found{}
}

// quotedObject finds the one quoted in "quoted Jo Lim as saying" or
// "cited officials as saying", walking back from "as" at toks[as] to the
// verb: the mention right after it.
func (ind indirectFinder) quotedObject(toks []tok, as int) found {
	for u := as - 1; u >= 0 && u >= as-25; u-- {
		switch ind.lower(toks[u]) {
		case "quoted", "quoting", "cited", "citing", "quotes", "cites":
			if u+1 >= as {
				return found{}
			}
			if i, ok := ind.sp.byStart[toks[u+1].s]; ok && ind.sp.ents[i].Type != names.Place {
				return ind.sp.entityFound(ind.personInTitle(toks, u+1, i))
			}
			return found{}
		case ".", ";", "said", "says":
			return found{}
		}
	}
	return found{}
}

// relativeSubject reports whether the verb at toks[v] has a relative
// "who" for its subject whose antecedent, the mention at offset s, the
// speaker is: "spoke to the Navy, who told it …". Not after "of": in "a
// niece of Jo Lim, who claimed" the niece may be the one who claimed.
func (r reader) relativeSubject(toks []tok, v, s int) bool {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[r.lower(toks[j])] || isAdverb(r.str(toks[j]))) {
		j--
	}
	if j <= 0 || r.lower(toks[j]) != "who" || r.str(toks[j-1]) != "," {
		return false
	}
	m := j - 1
	for m >= 0 && toks[m].e > s {
		m--
	}
	for m >= 0 && toks[m].word && (courtesyTitle(r.lower(toks[m])) || isCapitalised(r.str(toks[m])) || descriptor(r.lower(toks[m])) || r.lower(toks[m]) == "’s" || r.lower(toks[m]) == "'s") && !prepositions[r.lower(toks[m])] {
		m-- // "of 2008 opponent Jo Lim"
	}
	return m < 0 || r.lower(toks[m]) != "of"
}

// comparativeAt reports whether w, the word before an auxiliary, makes
// it an elided comparison ("denied the story as did Jo Lim"), no clause.
func comparativeAt(w string) bool { return w == "as" || w == "than" }

// afterHearer returns the index of the first token after the one told,
// which starts at toks[j]: a named mention ("told the Herald") or a few
// words ending in a hearer noun ("told our correspondent"); -1 when
// neither.
func (ind indirectFinder) afterHearer(toks []tok, j int) int {
	if j >= len(toks) {
		return -1
	}
	for n := j; n < len(toks) && n <= j+2; n++ {
		if i, ok := ind.sp.byStart[toks[n].s]; ok {
			m := n
			for m < len(toks) && toks[m].s < ind.sp.ents[i].End {
				m++
			}
			return m
		}
		if !toks[n].word {
			return -1
		}
		w := ind.lower(toks[n])
		if hearers[w] {
			return n + 1
		}
		if !subjectLead[w] && w != "state" && w != "local" {
			return -1
		}
	}
	return -1
}

// anonSubject reads an unnamed source as the subject of the verb at
// toks[v]: "Officials said", "the sources said", "its anonymous source
// claimed", "Louisiana officials have said". The noun must open its
// clause (after descriptive words, or after an outer verb of saying:
// "reported its source said").
func (r reader) anonSubject(toks []tok, v int) found {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[r.lower(toks[j])] || isAdverb(r.str(toks[j])) || r.lower(toks[j]) == "there") {
		j--
	}
	if j < 0 || !toks[j].word || !anonSources[r.lower(toks[j])] {
		return found{}
	}
	head := toks[j]
	for n := 0; j > 0 && n < 6; n++ {
		j--
		k := toks[j]
		w := r.lower(k)
		if !k.word {
			switch w {
			case ",", ";", ":", "—", "–", "(":
				return found{"", head.s, head.e, false}
			}
			return found{}
		}
		if boundaryWords[w] || speechVerbs[w] && w != "according" {
			return found{"", head.s, head.e, false}
		}
		if !(subjectLead[w] || isCapitalised(r.str(k)) || w == "’s" || w == "'s" || descriptor(w)) {
			return found{}
		}
	}
	return found{"", head.s, head.e, false}
}

// indirectFinal reads "<clause>, X said." and "<clause>, said X." with the
// verb at toks[v].
func (ind indirectFinder) indirectFinal(toks []tok, v int) (Quote, bool) {
	// The comma that ends the clause: just before the verb (said X) or
	// before the subject (X said).
	c := v - 1
	for c >= 0 && toks[c].word {
		c--
	}
	if c < 4 || ind.str(toks[c]) != "," || v-c > 6 {
		return Quote{}, false
	}
	var a found
	end := v + 1
	if c == v-1 {
		a = ind.subjectAfter(toks, v)
		if !a.ok() || !invertedVerbs[ind.str(toks[v])] {
			return Quote{}, false
		}
		for end < len(toks) && toks[end].s < a.e {
			end++
		}
	} else {
		if ind.negatedAt(toks, v) {
			return Quote{}, false
		}
		a = ind.subjectBefore(toks, v)
		if !a.ok() {
			a = ind.anonSubject(toks, v) // "…, officials told state media."
		}
		if !a.ok() && !a.anon() || !ind.leadsTo(toks[c+1:v], a.s) {
			return Quote{}, false
		}
	}
	// At most four more words, no clause, to the end of the sentence.
	for n := end; n < len(toks); n++ {
		if ind.str(toks[n]) == "," && n+1 < len(toks) && (ind.lower(toks[n+1]) == "adding" || ind.lower(toks[n+1]) == "saying") {
			break // "…, Jo Lim said, adding …"
		}
		if n-end >= 5 || toks[n].word && (ind.lower(toks[n]) == "that" || speechVerbs[ind.lower(toks[n])]) || ind.str(toks[n]) == "," {
			return Quote{}, false
		}
	}
	if !ind.plainClause(toks[:c]) {
		return Quote{}, false
	}
	return ind.clauseQuote(toks[0].s, toks[c].s, a)
}

// indirectMedial reads "<words>, X said, <clause>." with the verb at
// toks[v]: the reporting phrase stands inside the reported sentence ("This
// year, he said, he came to stay"; "the crew had, his father says, left
// by boat"), so the whole sentence, from its start or its last semicolon
// before the phrase, is the quote.
func (ind indirectFinder) indirectMedial(toks []tok, v, e int) (Quote, bool) {
	if v+4 >= len(toks) || ind.str(toks[v+1]) != "," || notClauseStart[ind.lower(toks[v+2])] {
		return Quote{}, false
	}
	c := v - 1
	for c >= 0 && toks[c].word {
		c--
	}
	if c < 1 || ind.str(toks[c]) != "," || v-c > 5 || ind.negatedAt(toks, v) {
		return Quote{}, false
	}
	a := ind.subjectBefore(toks, v)
	if !a.ok() {
		a = ind.anonSubject(toks, v)
	}
	if !a.ok() && !a.anon() || !ind.leadsTo(toks[c+1:v], a.s) {
		return Quote{}, false
	}
	start := 0
	for j := c - 1; j >= 0; j-- {
		if ind.str(toks[j]) == ";" {
			start = j + 1
			break
		}
	}
	if c-start < 1 || start == 0 && !isCapitalised(ind.str(toks[0])) && !isDigit(ind.text[toks[0].s]) {
		return Quote{}, false
	}
	// The words around the phrase hold no speech verb of their own.
	for j := start; j < len(toks); j++ {
		if j >= c && j <= v+1 {
			continue
		}
		if w := ind.lower(toks[j]); toks[j].word && (speechVerbs[w] || indirectVerbs[w] || w == "that") {
			return Quote{}, false
		}
	}
	return ind.clauseQuote(toks[start].s, e, a)
}

// plainClause reports whether toks, a sentence's opening words, read as a
// reported main clause: not opened by a subordinator, holding a finite
// auxiliary and no speech verb of its own.
func (r reader) plainClause(toks []tok) bool {
	if len(toks) < 3 || subordinators[r.lower(toks[0])] || !isCapitalised(r.str(toks[0])) && !isDigit(r.text[toks[0].s]) {
		return false
	}
	aux := false
	for _, k := range toks {
		w := r.lower(k)
		if speechVerbs[w] {
			return false
		}
		if finiteAux[w] {
			aux = true
		}
	}
	return aux
}

// introAt reports whether toks, a sentence's opening words before a
// comma, are a short introductory phrase: at most four words, none a verb
// of saying or an auxiliary.
func (r reader) introAt(toks []tok) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, k := range toks {
		if !k.word || speechVerbs[r.lower(k)] || finiteAux[r.lower(k)] {
			return false
		}
	}
	return true
}

// indirectAccording reads "according to X, <clause>" at the start of a
// sentence and "<clause>, according to X." at its end; toks[v] is
// "according".
func (ind indirectFinder) indirectAccording(toks []tok, v, e int) (Quote, bool) {
	if v+2 >= len(toks) || ind.lower(toks[v+1]) != "to" {
		return Quote{}, false
	}
	a := ind.subjectAfter(toks, v)
	if !a.ok() {
		a = ind.anonAfter(toks, v+2)
	}
	if !a.ok() && !a.anon() {
		return Quote{}, false
	}
	for m := v + 2; m < len(toks) && toks[m].s < a.s; m++ {
		if ind.str(toks[m]) == "," {
			return Quote{}, false // "According to reports, Jo Lim was …": Jo Lim is no source
		}
	}
	n := v + 2
	for n < len(toks) && toks[n].s < a.e {
		n++
	}
	if n+1 < len(toks) && (ind.lower(toks[n]) == "and" || ind.lower(toks[n]) == "or") {
		i, ok := ind.sp.byStart[toks[n+1].s]
		if !ok {
			return Quote{}, false
		}
		// "according to CNN and NPR": two sources, so no one speaker.
		a = found{"", a.s, ind.sp.ents[i].End, false}
		for n < len(toks) && toks[n].s < a.e {
			n++
		}
	}
	if v == 0 || ind.str(toks[v-1]) == "," && ind.introAt(toks[:v-1]) {
		// "According to X, <clause>" or "Longer term, according to X,
		// <clause>": the comma must follow soon.
		for ; n < len(toks) && n <= v+10; n++ {
			if ind.str(toks[n]) == "," {
				if n+1 < len(toks) && !notClauseStart[ind.lower(toks[n+1])] {
					return ind.clauseQuote(toks[n+1].s, e, a)
				}
				return Quote{}, false
			}
			if !toks[n].word {
				return Quote{}, false
			}
		}
		return Quote{}, false
	}
	// "<clause>, according to X.": X and a few words end the sentence.
	if ind.str(toks[v-1]) != "," || v-1 < 3 || len(toks)-n > 6 {
		return Quote{}, false
	}
	for m := n; m < len(toks); m++ {
		if ind.str(toks[m]) == "," {
			return Quote{}, false
		}
	}
	if subordinators[ind.lower(toks[0])] || !isCapitalised(ind.str(toks[0])) && !isDigit(ind.text[toks[0].s]) {
		return Quote{}, false
	}
	return ind.clauseQuote(toks[0].s, toks[v-1].s, a)
}
