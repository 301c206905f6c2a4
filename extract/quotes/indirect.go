package quotes

import (
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

// indirect finds reported speech in the sentences that hold no quotation.
func (f *quoteFinder) indirect() []Quote {
	f.cur = len(f.raws) // no current-speaker guess for roles
	var out []Quote
	for _, p := range f.paras {
		for a := p.start; a < p.end; {
			for a < p.end && isSpaceByte(f.text[a]) {
				a++
			}
			if a >= p.end {
				break
			}
			e := f.sentenceEnd(a, p.end)
			if e <= a {
				break
			}
			if c := f.beforeQuoteClause(a, e); c > a {
				// "He stated the trial was unfair, saying he expected
				// “a partisan outcome”": the clause before the quotation.
				out = f.indirectIn(a, c, out)
			}
			out = f.indirectIn(f.afterQuotes(a, e), e, out)
			a = e
		}
	}
	return out
}

// afterQuotes returns where the last sentence of text[s:e] that follows
// a quotation begins: “We are done.” She added that … holds a sentence
// after the quotation, which sentenceEnd does not split off.
func (f *quoteFinder) afterQuotes(s, e int) int {
	k := sort.Search(len(f.raws), func(j int) bool { return f.raws[j].open.start >= e }) - 1
	if k < 0 {
		return s
	}
	r := f.raws[k]
	if r.close.end <= s || r.close.end >= e || r.end <= r.start {
		return s
	}
	if c := f.text[r.end-1]; c == '.' || c == '!' || c == '?' {
		return r.close.end
	}
	// “…”, while Jo Lim said …: a clause of its own after the quotation.
	toks := f.tokenize(r.close.end, min(e, r.close.end+60))
	for j := 0; j+2 < len(toks) && j < 6; j++ {
		if f.str(toks[j]) == "," && toks[j+1].word {
			switch f.lower(toks[j+1]) {
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
func (f *quoteFinder) beforeQuoteClause(s, e int) int {
	k := sort.Search(len(f.raws), func(j int) bool { return f.raws[j].open.start >= s })
	if k >= len(f.raws) || f.raws[k].open.start >= e {
		return s
	}
	stretch := f.text[s:f.raws[k].open.start]
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
func (f *quoteFinder) overlapsQuote(s, e int) bool {
	k := sort.Search(len(f.raws), func(j int) bool { return max(f.raws[j].close.end, f.raws[j].end) > s })
	return k < len(f.raws) && f.raws[k].open.start < e
}

// indirectIn appends the reported clauses of sentence text[s:e] to out:
// one, or more when the sentence goes on to another verb of saying after
// the first clause ("X said A, but said B", "X said A, adding B").
func (f *quoteFinder) indirectIn(s, e int, out []Quote) []Quote {
	sent := f.text[s:e]
	if len(sent) == 0 {
		return out
	}
	last := sent[len(sent)-1]
	if last != '.' && last != '!' && last != ',' || f.overlapsQuote(s, e) || strings.ContainsAny(sent, "\"“”«»‘„") {
		return out
	}
	toks := f.tokenize(s, e)
	if len(toks) < 5 {
		return out
	}
	var prev found // the speaker of the sentence's last clause
	for v := 0; v < len(toks); v++ {
		k := toks[v]
		if !k.word {
			continue
		}
		w := f.str(k)
		var q Quote
		ok := false
		switch {
		case w == "according" || w == "According":
			q, ok = f.indirectAccording(toks, v, e)
		case indirectVerbs[w] || w == "adding" && v > 0 && f.str(toks[v-1]) == "," || w == "saying" && v > 0 && f.str(toks[v-1]) == "as": // lower case only: "States" is a name
			q, ok = f.indirectForward(toks, v, e, prev)
			if !ok && w != "adding" && w != "saying" {
				q, ok = f.indirectFinal(toks, v)
			}
			if !ok && bareIndirect[w] {
				q, ok = f.indirectMedial(toks, v, e)
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
func (f *quoteFinder) clauseQuote(s, e int, a found) (Quote, bool) {
	if !a.ok() && !a.anon() {
		return Quote{}, false
	}
	if i, ok := f.sp.byStart[a.s]; ok && f.sp.ents[i].Type == names.Place {
		return Quote{}, false
	}
	if k := strings.IndexByte(f.text[s:e], ';'); k >= 0 {
		e = s + k // the reported clause ends at a semicolon
	}
	e = f.narratorBreak(s, e)
	for e > s && (isSpaceByte(f.text[e-1]) || strings.IndexByte(".!,;:", f.text[e-1]) >= 0) {
		e--
	}
	for s < e && (isSpaceByte(f.text[s]) || strings.IndexByte(",;:", f.text[s]) >= 0) {
		s++ // "reported that, before …": no leading comma
	}
	if len(strings.Fields(f.text[s:e])) < 3 {
		return Quote{}, false
	}
	q := Quote{Text: f.text[s:e], Start: s, End: e, Kind: Indirect}
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
func (f *quoteFinder) indirectForward(toks []tok, v, e int, prev found) (Quote, bool) {
	if v+2 >= len(toks) || f.negatedAt(toks, v) {
		return Quote{}, false
	}
	w := f.str(toks[v])
	var a found
	switch pw := ""; {
	case v > 0:
		pw = f.lower(toks[v-1])
		if pw == "also" && v > 1 {
			pw = f.lower(toks[v-2])
		}
		if w == "saying" && pw == "as" {
			// "The Post quoted Jo Lim, a spokesman, as saying …": the
			// one quoted.
			if a = f.quotedObject(toks, v-1); !a.ok() {
				return Quote{}, false
			}
			w = "said"
		} else if w == "adding" || pw == "but" || pw == "and" {
			a = prev // "X said A, but said B": X
			if w == "adding" {
				w = "added"
				if !a.ok() && v > 2 && speechVerbs[f.lower(toks[v-2])] {
					a = f.subjectBefore(toks, v-2) // "…, Jo Lim said, adding"
				}
			}
			if !a.ok() {
				return Quote{}, false
			}
		}
	}
	if !a.ok() {
		a = f.subjectBefore(toks, v)
		if !a.ok() || !f.subjectOpensClause(toks, v, a.s) && !f.relativeSubject(toks, v, a.s) {
			if a = f.anonSubject(toks, v); !a.anon() {
				return Quote{}, false
			}
		}
	}
	j := v + 1
	// The words before "that": an object after told, a short adverbial
	// after the others.
	that := -1
	for n := j; n < len(toks) && n <= j+6; n++ {
		lw := f.lower(toks[n])
		if lw == "that" {
			that = n
			break
		}
		if lw == "and" || lw == "or" || lw == "but" || lw == "which" || lw == "who" || lw == ";" || lw == "to" && n == j || speechVerbs[lw] {
			break
		}
	}
	if that >= 0 && that > j {
		gap := f.lower(toks[j])
		tell := w == "told" || w == "tells"
		if !tell && !gapStart[gap] && gap != "," {
			that = -1
		}
		if tell && (gap == "," || !toks[j].word) {
			that = -1
		}
	}
	if f.subordinateAt(toks, v, a.s) {
		// "After Jo Lim said that fees would rise, the board met": the
		// reported clause ends with the adverbial clause.
		for n := v + 1; n < len(toks); n++ {
			if f.str(toks[n]) == "," {
				e = toks[n].s
				break
			}
		}
	}
	if that >= 0 {
		cs := that + 1
		if cs < len(toks) && finiteAux[f.lower(toks[cs])] {
			cs = that // "said that was wrong": that is the subject
		}
		if cs >= len(toks) {
			return Quote{}, false
		}
		return f.clauseQuote(toks[cs].s, e, a)
	}
	if w == "told" || w == "tells" {
		if j = f.afterHearer(toks, j); j < 0 {
			return Quote{}, false
		}
	} else {
		j = f.pastAdjunct(toks, j)
	}
	if !bareIndirect[w] || j >= len(toks) || !toks[j].word || notClauseStart[f.lower(toks[j])] || prepositions[f.lower(toks[j])] {
		return Quote{}, false
	}
	if nominative[f.lower(toks[j])] && j+1 < len(toks) && toks[j+1].word {
		// "said they believe …": a nominative pronoun can only open a
		// clause.
		return f.clauseQuote(toks[j].s, e, a)
	}
	for n := j + 1; n < len(toks) && n <= j+10; n++ {
		lw := f.lower(toks[n])
		if lw == "," || lw == "who" || lw == "which" || lw == "that" || lw == "whose" || lw == "where" || lw == ";" || lw == "to" {
			return Quote{}, false
		}
		if finiteAux[lw] && !comparativeAt(f.lower(toks[n-1])) || pastIndirect[w] && n <= j+4 && f.pastTense(toks, j, n) {
			return f.clauseQuote(toks[j].s, e, a)
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
func (f *quoteFinder) quotedObject(toks []tok, as int) found {
	for u := as - 1; u >= 0 && u >= as-25; u-- {
		switch f.lower(toks[u]) {
		case "quoted", "quoting", "cited", "citing", "quotes", "cites":
			if u+1 >= as {
				return found{}
			}
			if i, ok := f.sp.byStart[toks[u+1].s]; ok && f.sp.ents[i].Type != names.Place {
				return f.sp.entityFound(f.personInTitle(toks, u+1, i))
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
func (f *quoteFinder) afterHearer(toks []tok, j int) int {
	if j >= len(toks) {
		return -1
	}
	for n := j; n < len(toks) && n <= j+2; n++ {
		if i, ok := f.sp.byStart[toks[n].s]; ok {
			m := n
			for m < len(toks) && toks[m].s < f.sp.ents[i].End {
				m++
			}
			return m
		}
		if !toks[n].word {
			return -1
		}
		w := f.lower(toks[n])
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
func (f *quoteFinder) indirectFinal(toks []tok, v int) (Quote, bool) {
	// The comma that ends the clause: just before the verb (said X) or
	// before the subject (X said).
	c := v - 1
	for c >= 0 && toks[c].word {
		c--
	}
	if c < 4 || f.str(toks[c]) != "," || v-c > 6 {
		return Quote{}, false
	}
	var a found
	end := v + 1
	if c == v-1 {
		a = f.subjectAfter(toks, v)
		if !a.ok() || !invertedVerbs[f.str(toks[v])] {
			return Quote{}, false
		}
		for end < len(toks) && toks[end].s < a.e {
			end++
		}
	} else {
		if f.negatedAt(toks, v) {
			return Quote{}, false
		}
		a = f.subjectBefore(toks, v)
		if !a.ok() {
			a = f.anonSubject(toks, v) // "…, officials told state media."
		}
		if !a.ok() && !a.anon() || !f.leadsTo(toks[c+1:v], a.s) {
			return Quote{}, false
		}
	}
	// At most four more words, no clause, to the end of the sentence.
	for n := end; n < len(toks); n++ {
		if f.str(toks[n]) == "," && n+1 < len(toks) && (f.lower(toks[n+1]) == "adding" || f.lower(toks[n+1]) == "saying") {
			break // "…, Jo Lim said, adding …"
		}
		if n-end >= 5 || toks[n].word && (f.lower(toks[n]) == "that" || speechVerbs[f.lower(toks[n])]) || f.str(toks[n]) == "," {
			return Quote{}, false
		}
	}
	if !f.plainClause(toks[:c]) {
		return Quote{}, false
	}
	return f.clauseQuote(toks[0].s, toks[c].s, a)
}

// indirectMedial reads "<words>, X said, <clause>." with the verb at
// toks[v]: the reporting phrase stands inside the reported sentence ("This
// year, he said, he came to stay"; "the crew had, his father says, left
// by boat"), so the whole sentence, from its start or its last semicolon
// before the phrase, is the quote.
func (f *quoteFinder) indirectMedial(toks []tok, v, e int) (Quote, bool) {
	if v+4 >= len(toks) || f.str(toks[v+1]) != "," || notClauseStart[f.lower(toks[v+2])] {
		return Quote{}, false
	}
	c := v - 1
	for c >= 0 && toks[c].word {
		c--
	}
	if c < 1 || f.str(toks[c]) != "," || v-c > 5 || f.negatedAt(toks, v) {
		return Quote{}, false
	}
	a := f.subjectBefore(toks, v)
	if !a.ok() {
		a = f.anonSubject(toks, v)
	}
	if !a.ok() && !a.anon() || !f.leadsTo(toks[c+1:v], a.s) {
		return Quote{}, false
	}
	start := 0
	for j := c - 1; j >= 0; j-- {
		if f.str(toks[j]) == ";" {
			start = j + 1
			break
		}
	}
	if c-start < 1 || start == 0 && !isCapitalised(f.str(toks[0])) && !isDigit(f.text[toks[0].s]) {
		return Quote{}, false
	}
	// The words around the phrase hold no speech verb of their own.
	for j := start; j < len(toks); j++ {
		if j >= c && j <= v+1 {
			continue
		}
		if w := f.lower(toks[j]); toks[j].word && (speechVerbs[w] || indirectVerbs[w] || w == "that") {
			return Quote{}, false
		}
	}
	return f.clauseQuote(toks[start].s, e, a)
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
func (f *quoteFinder) indirectAccording(toks []tok, v, e int) (Quote, bool) {
	if v+2 >= len(toks) || f.lower(toks[v+1]) != "to" {
		return Quote{}, false
	}
	a := f.subjectAfter(toks, v)
	if !a.ok() {
		a = f.anonAfter(toks, v+2)
	}
	if !a.ok() && !a.anon() {
		return Quote{}, false
	}
	for m := v + 2; m < len(toks) && toks[m].s < a.s; m++ {
		if f.str(toks[m]) == "," {
			return Quote{}, false // "According to reports, Jo Lim was …": Jo Lim is no source
		}
	}
	n := v + 2
	for n < len(toks) && toks[n].s < a.e {
		n++
	}
	if n+1 < len(toks) && (f.lower(toks[n]) == "and" || f.lower(toks[n]) == "or") {
		i, ok := f.sp.byStart[toks[n+1].s]
		if !ok {
			return Quote{}, false
		}
		// "according to CNN and NPR": two sources, so no one speaker.
		a = found{"", a.s, f.sp.ents[i].End, false}
		for n < len(toks) && toks[n].s < a.e {
			n++
		}
	}
	if v == 0 || f.str(toks[v-1]) == "," && f.introAt(toks[:v-1]) {
		// "According to X, <clause>" or "Longer term, according to X,
		// <clause>": the comma must follow soon.
		for ; n < len(toks) && n <= v+10; n++ {
			if f.str(toks[n]) == "," {
				if n+1 < len(toks) && !notClauseStart[f.lower(toks[n+1])] {
					return f.clauseQuote(toks[n+1].s, e, a)
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
	if f.str(toks[v-1]) != "," || v-1 < 3 || len(toks)-n > 6 {
		return Quote{}, false
	}
	for m := n; m < len(toks); m++ {
		if f.str(toks[m]) == "," {
			return Quote{}, false
		}
	}
	if subordinators[f.lower(toks[0])] || !isCapitalised(f.str(toks[0])) && !isDigit(f.text[toks[0].s]) {
		return Quote{}, false
	}
	return f.clauseQuote(toks[0].s, toks[v-1].s, a)
}
