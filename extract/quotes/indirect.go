package quotes

import (
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
	"github.com/bylinehq/byline/extract/names"
)

// Options choose what FindQuotesWith looks for. The zero value finds
// direct and partial quotations only.
type Options struct {
	// Indirect also finds reported speech without quotation marks ("Jo Lim
	// said that the bridge would reopen", "according to the police, three
	// people died") as Quotes of kind Indirect.
	Indirect bool
}

// FindWith is FindQuotes with options: FindQuotes(text, ents) is
// FindWith(text, ents, QuoteOptions{Indirect: true}).
//
// Indirect speech is found with high precision rather than high recall.
// A sentence not ending in a question mark yields Indirect quotes, each a
// reported clause (without the closing full stop), when it reads as one
// of:
//
//   - "X said (that) <clause>", "X told reporters (that) <clause>", or X
//     with another verb of saying or reporting (warned, claimed, denied,
//     announced, confirmed, estimated, predicted, indicated, noted, …)
//     followed by "that"; without "that" the clause must open with a
//     nominative pronoun ("said they believe …") or hold a finite
//     auxiliary (was, will, had, could, …) before any comma or relative
//     pronoun, or, after verbs that rarely take a noun object (said,
//     told, claimed, estimated, …), a past tense within its first words
//     ("said three people died"); a short adverb or time ("said publicly",
//     "announced on Sunday") may come between;
//   - "according to X, <clause>" and "<clause>, according to X";
//   - "<clause>, X said" or "<clause>, said X" at the end of the sentence
//     (maybe followed by ", adding …"), when the clause opens the sentence
//     and holds a finite auxiliary;
//   - "<words>, X said, <clause>" with the reporting phrase inside the
//     reported sentence ("This year, she said, he came to stay"), the
//     whole sentence (from its last semicolon) being the quote;
//   - "quoted X as saying <clause>".
//
// A sentence may hold more than one: "X said A, but said B", "…, adding
// B", "… and noted B". A clause ends where the narrator resumes: at a
// semicolon, "despite", ", while", "but" or "and" before a new verb of
// saying or a past tense that cannot join a modal's clause, and at the
// comma closing a fronted adverbial clause ("After X said that …, the
// board met"). In a sentence with a quotation only the stretch after it
// (", while X said …") or before a participle that introduces it ("X
// stated A, saying “…”") is read.
//
// X is a PERSON or ORGANIZATION mention, a he/she resolved as for direct
// quotes, a role noun tied to a person or organisation the text names, or
// a relative "who" after a comma (not after "of"); a subject preceded by
// anything but a sentence or clause boundary and descriptive words ("The
// man who met Jo Lim said …") does not count. Unnamed sources ("officials
// said", "its source claimed", "according to local authorities") and two
// sources named jointly ("according to CNN and NPR") give a quote with a
// nil Speaker. Not indirect: passives ("is said to be"), negations ("did
// not say that"), "said nothing", "said whether", comparisons ("denied
// the story as did X"), questions. FindWith is safe for concurrent
// use.
func FindWith(text string, ents []names.Entity, opt Options) []Quote {
	f := quoteFinder{text: text, ents: ents}
	f.paragraphs()
	f.pair()
	if len(f.raws) == 0 && !opt.Indirect {
		return []Quote{}
	}
	f.indexEntities()
	out := make([]Quote, 0, len(f.raws))
	for i := range f.raws {
		q := &f.raws[i]
		f.classify(i)
		f.attribute(i)
		out = append(out, Quote{
			Text: text[q.start:q.end], Start: q.start, End: q.end,
			Kind: q.kind,
		})
		if q.speaker != "" {
			setSpeaker(&out[len(out)-1], found{q.speaker, q.spStart, q.spEnd, q.spPerson})
		}
	}
	if opt.Indirect {
		ind := f.indirect()
		if len(ind) > 0 {
			out = append(out, ind...)
			sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		}
	}
	return out
}

func setSpeaker(q *Quote, a found) {
	s, ss, se := a.name, a.s, a.e
	q.Speaker, q.SpeakerStart, q.SpeakerEnd = &s, &ss, &se
}

// indirectVerbs take a reported clause after "that"; bareIndirect ones
// also take it without.
var (
	indirectVerbs = nlp.Words(`said says told tells warned warns claimed claims insisted insists denied denies admitted admits added adds argued argues announced announces stated states explained confirmed confirms acknowledged stressed noted reported reports revealed conceded maintained maintains indicated estimated predicted promised remarked suggested declared cautioned reiterated reiterates testified ruled determined`)
	bareIndirect  = nlp.Words(`said says added adds insisted insists argued argues warned warns claimed claims announced announces admitted admits confirmed confirms denied denies noted notes stressed acknowledged revealed indicated estimated predicted promised remarked suggested declared cautioned stated reported told tells`)
	// pastIndirect rarely take a noun object, so a clause after them may
	// be finite through a past-tense verb alone ("said three people
	// died"), not only an auxiliary.
	pastIndirect = nlp.Words(`said says told tells claimed claims estimated indicated predicted insisted argued remarked added`)
	// anonSources are unnamed people or groups who may report ("officials
	// said", "its source claimed"): an Indirect quote with no speaker.
	anonSources = nlp.Words(`official officials source sources authorities witness witnesses eyewitness eyewitnesses resident residents analyst analysts expert experts investigator investigators prosecutors doctors scientists researchers critics observers locals rescuers organisers organizers activists diplomats aides insiders neighbours neighbors relatives media`)
	// finiteAux mark a finite clause after a verb with no "that"; n't
	// splits "wasn't" into "wasn" and "t".
	finiteAux = nlp.Words(`is was were are had has have will would could can may might must should did does do shall won wasn isn weren aren hadn hasn haven couldn wouldn didn doesn don shouldn`)
	// notClauseStart cannot open a reported clause after a bare verb.
	notClauseStart = nlp.Words(`nothing something anything little much more less so yes goodbye hello sorry thanks thank what whether if how why when where who whom which whose while the-end`)
	// subjectLead may stand before a subject mention: descriptive words
	// ("former police chief Jo Lim", "its chief executive").
	subjectLead = nlp.Words(`a an the his her its their our former then current senior deputy acting chief top new another one other local state federal national opposition party police head official officials`)
	// boundaryWords open a clause, so a subject may follow them.
	boundaryWords = nlp.Words(`and but while whereas although though because since so yet meanwhile however also later earlier then that`)
	// subordinators open a sentence that is not a reported clause.
	subordinators = nlp.Words(`after before when whenever if unless although though as because since while during despite in on at for with by from following until once`)
	// gapStart may open the words between a verb and "that": "said on
	// Monday that", "said in a statement that", "said, however, that".
	gapStart = nlp.Words(`on in at during after before last this earlier yesterday today later late previously recently again also repeatedly publicly privately`)
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
	if i, ok := f.byStart[a.s]; ok && f.ents[i].Type == names.Place {
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
func (f *quoteFinder) narratorBreak(s, e int) int {
	toks := f.tokenize(s, e)
	for j := 1; j < len(toks); j++ {
		w := f.lower(toks[j])
		switch w {
		case "despite":
			return toks[j].s
		case "while", "whereas", "although":
			if f.str(toks[j-1]) == "," {
				return toks[j-1].s
			}
		case "and":
			if j+1 < len(toks) && indirectVerbs[f.lower(toks[j+1])] {
				return toks[j].s // "… and noted …": a new report
			}
			if j+1 < len(toks) && modalBefore(f, toks[:j]) && f.pastVerb(f.str(toks[j+1])) {
				// "… would lose and asked voters to …": a past tense
				// cannot join a modal's verb, so the narrator speaks.
				return toks[j].s
			}
		case "but":
			if j+1 < len(toks) {
				n := f.lower(toks[j+1])
				if finiteAux[n] || speechVerbs[n] || n == "also" || n == "later" {
					return toks[j].s
				}
			}
		}
	}
	return e
}

// pastVerb reports whether w looks like a past-tense verb: an irregular
// one or a lower-case word in -ed, not a compound ("ARM-based").
func (f *quoteFinder) pastVerb(w string) bool {
	return irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && w == strings.ToLower(w) && !strings.Contains(w, "-")
}

// modalBefore reports whether toks hold a modal auxiliary.
func modalBefore(f *quoteFinder, toks []tok) bool {
	for _, k := range toks {
		switch f.lower(k) {
		case "would", "will", "could", "can", "may", "might", "should", "must", "shall":
			return true
		}
	}
	return false
}

// negatedAt reports whether the verb at toks[v] is negated or passive:
// "did not say", "never said", "is said to".
func (f *quoteFinder) negatedAt(toks []tok, v int) bool {
	if f.passiveAt(toks, v) {
		return true
	}
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		switch f.lower(toks[j]) {
		case "not", "never", "t", "neither", "nor", "no":
			return true
		}
	}
	return false
}

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
				if _, ok := f.byEnd[toks[j-1].e]; ok {
					return false
				}
			}
			return true
		}
		if n >= 5 || !(subjectLead[w] || w == "’s" || w == "'s" || isCapitalised(f.str(k)) || personRoles[w] || f.descriptor(w)) {
			return false
		}
	}
	return true
}

// descriptor reports whether lower-case w may describe a subject ("WHO
// director-general", "public health expert"): not a preposition, relative
// pronoun, verb of saying or auxiliary, and not a past tense ("The man who
// met", "Officers questioned").
func (f *quoteFinder) descriptor(w string) bool {
	switch w {
	case "who", "which", "whom", "whose", "what", "where", "when", "it", "they", "we", "i", "you", "he", "she":
		return false
	}
	return !prepositions[w] && !notDescriptors[w] && !boundaryWords[w] && !speechVerbs[w] && !describeVerbs[w] && !participles[w] && !finiteAux[w] &&
		!strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.Contains(w, "’") && !strings.Contains(w, "'")
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
func (f *quoteFinder) anonAfter(toks []tok, j int) found {
	for n := j; n < len(toks) && n < j+3 && toks[n].word; n++ {
		w := f.lower(toks[n])
		if anonSources[w] {
			if n+1 < len(toks) && toks[n+1].word {
				return found{} // "according to officials in Kent": more follows
			}
			return found{"", toks[j].s, toks[n].e, false}
		}
		if !subjectLead[w] && !f.descriptor(w) {
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
			if i, ok := f.byStart[toks[u+1].s]; ok && f.ents[i].Type != names.Place {
				return f.entityFound(f.personInTitle(toks, u+1, i))
			}
			return found{}
		case ".", ";", "said", "says":
			return found{}
		}
	}
	return found{}
}

// nominative pronouns are subjects only.
var nominative = nlp.Words(`he she they we i`)

// relativeSubject reports whether the verb at toks[v] has a relative
// "who" for its subject whose antecedent, the mention at offset s, the
// speaker is: "spoke to the Navy, who told it …". Not after "of": in "a
// niece of Jo Lim, who claimed" the niece may be the one who claimed.
func (f *quoteFinder) relativeSubject(toks []tok, v, s int) bool {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[f.lower(toks[j])] || isAdverb(f.str(toks[j]))) {
		j--
	}
	if j <= 0 || f.lower(toks[j]) != "who" || f.str(toks[j-1]) != "," {
		return false
	}
	m := j - 1
	for m >= 0 && toks[m].e > s {
		m--
	}
	for m >= 0 && toks[m].word && (courtesyTitle(f.lower(toks[m])) || isCapitalised(f.str(toks[m])) || f.descriptor(f.lower(toks[m])) || f.lower(toks[m]) == "’s" || f.lower(toks[m]) == "'s") && !prepositions[f.lower(toks[m])] {
		m-- // "of 2008 opponent Jo Lim"
	}
	return m < 0 || f.lower(toks[m]) != "of"
}

// comparativeAt reports whether w, the word before an auxiliary, makes
// it an elided comparison ("denied the story as did Jo Lim"), no clause.
func comparativeAt(w string) bool { return w == "as" || w == "than" }

// pastAdjunct returns the index after a short adjunct at toks[j] that may
// stand between a verb of saying and its clause: an adverb ("said
// publicly the …"), a time ("yesterday", "on Monday"); else j.
func (f *quoteFinder) pastAdjunct(toks []tok, j int) int {
	if j >= len(toks) {
		return j
	}
	w := f.lower(toks[j])
	switch {
	case isAdverb(f.str(toks[j])), w == "yesterday", w == "today", w == "tonight":
		return j + 1
	case w == "on" && j+1 < len(toks) && nlp.IsWeekday(f.str(toks[j+1])): // "said on Monday the …"
		j += 2
		if j < len(toks) {
			switch f.lower(toks[j]) {
			case "morning", "afternoon", "evening", "night":
				j++ // "on Sunday morning"
			}
		}
		return j
	}
	return j
}

// hearers are the people told in "told reporters …", "told the press".
var hearers = nlp.Words(`reporters journalists press media correspondent correspondents it him her them us me parliament lawmakers audience crowd supporters viewers listeners investigators police court jury`)

// afterHearer returns the index of the first token after the one told,
// which starts at toks[j]: a named mention ("told the Herald") or a few
// words ending in a hearer noun ("told our correspondent"); -1 when
// neither.
func (f *quoteFinder) afterHearer(toks []tok, j int) int {
	if j >= len(toks) {
		return -1
	}
	for n := j; n < len(toks) && n <= j+2; n++ {
		if i, ok := f.byStart[toks[n].s]; ok {
			m := n
			for m < len(toks) && toks[m].s < f.ents[i].End {
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

// irregularPast are common irregular past-tense verbs.
var irregularPast = nlp.Words(`died came went took made found left became began gave got knew saw won lost fell rose hit sent held kept met paid ran spent stood brought bought caught fought thought felt led meant put set shot struck wrote fled broke chose drove flew grew sold sought spoke swore threw wore`)

// pastTense reports whether toks[n] is a past-tense verb that follows a
// short subject starting at toks[j]: "three people died", "rescuers ended
// their work". The subject's words are plain words, not prepositions or
// participles.
func (f *quoteFinder) pastTense(toks []tok, j, n int) bool {
	w := f.str(toks[n])
	if w != strings.ToLower(w) || !(irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed")) {
		return false
	}
	for m := j; m < n; m++ {
		lw := f.lower(toks[m])
		if !toks[m].word || prepositions[lw] || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || lw == "and" || lw == "or" {
			return false
		}
	}
	return true
}

// anonSubject reads an unnamed source as the subject of the verb at
// toks[v]: "Officials said", "the sources said", "its anonymous source
// claimed", "Louisiana officials have said". The noun must open its
// clause (after descriptive words, or after an outer verb of saying:
// "reported its source said").
func (f *quoteFinder) anonSubject(toks []tok, v int) found {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[f.lower(toks[j])] || isAdverb(f.str(toks[j])) || f.lower(toks[j]) == "there") {
		j--
	}
	if j < 0 || !toks[j].word || !anonSources[f.lower(toks[j])] {
		return found{}
	}
	head := toks[j]
	for n := 0; j > 0 && n < 6; n++ {
		j--
		k := toks[j]
		w := f.lower(k)
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
		if !(subjectLead[w] || isCapitalised(f.str(k)) || w == "’s" || w == "'s" || f.descriptor(w)) {
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
func (f *quoteFinder) plainClause(toks []tok) bool {
	if len(toks) < 3 || subordinators[f.lower(toks[0])] || !isCapitalised(f.str(toks[0])) && !isDigit(f.text[toks[0].s]) {
		return false
	}
	aux := false
	for _, k := range toks {
		w := f.lower(k)
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
func (f *quoteFinder) introAt(toks []tok) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, k := range toks {
		if !k.word || speechVerbs[f.lower(k)] || finiteAux[f.lower(k)] {
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
		i, ok := f.byStart[toks[n+1].s]
		if !ok {
			return Quote{}, false
		}
		// "according to CNN and NPR": two sources, so no one speaker.
		a = found{"", a.s, f.ents[i].End, false}
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
