package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/names"
)

// fromBefore attributes through the last speech verb before the quote in
// toks, at most dist words from the quote. describe admits description
// verbs too (for partial quotes).
func (f *quoteFinder) fromBefore(toks []tok, dist int, describe bool) found {
	words := 0
	for v := len(toks) - 1; v >= 0 && words <= dist; v-- {
		if !toks[v].word {
			continue
		}
		w := f.lower(toks[v])
		if participles[w] && v > 0 && f.str(toks[v-1]) == "," {
			// "Sanders thanked them, saying “…”": the sentence's subject.
			if a := f.sentenceSubject(toks[:v]); a.ok() {
				return a
			}
		}
		if (w == "read" || w == "reads" || w == "reading") && f.documentBefore(toks, v) {
			// "Acme released a statement which read, in part, “…”": the
			// one who issued the document.
			return f.sentenceSubject(toks[:v])
		}
		if speechVerbs[w] || describe && describeVerbs[w] {
			if w == "according" {
				return f.subjectAfter(toks, v)
			}
			if describe && v+1 < len(toks) && f.lower(toks[v+1]) == "by" {
				// "a pattern described by the Herald as “…”": the agent.
				if a := f.agentAfter(toks, v); a.ok() {
					return a
				}
			}
			if describe && f.namingParticiple(toks, v) {
				return found{} // "a programme called “Second Chance”": a name, no one's words
			}
			if f.passiveAt(toks, v) {
				return f.agentAfter(toks, v) // "he was told by Smith of “…”"
			}
			a := f.subjectBefore(toks, v)
			if !a.ok() && v > 0 && f.lower(toks[v-1]) == "and" {
				// "The Herald claimed that Jo Lim refused and called them
				// “idlers”": the subject of the clause the verb joins.
				a = f.reportedSubject(toks[:v-1])
			}
			if !a.ok() && (participles[w] && f.bareParticiple(toks, v) || v > 0 && f.lower(toks[v-1]) == "and") {
				// "…, days after branding him a “fool”" or "Lim called it
				// “sad” and wrote “…”": the sentence's subject. Not in
				// "a memo branding him a “fool”": the memo's words.
				a = f.sentenceSubject(toks[:v])
			}
			if describe {
				if o := f.outerReporter(toks, v, 0); o.ok() {
					return o
				}
			}
			return a
		}
		if v+1 < len(toks) && w == "to" && v > 0 && f.lower(toks[v-1]) == "according" {
			return f.subjectAfter(toks, v-1)
		}
		words++
	}
	return found{}
}

// reportedSubject returns the subject of the clause that toks end in when
// that clause follows a "that" ("… claimed that Jo Lim refused"), or
// nothing: without one the sentence's subject is the clause's.
func (f *quoteFinder) reportedSubject(toks []tok) found {
	for t := len(toks) - 1; t >= 0; t-- {
		if f.lower(toks[t]) != "that" || t+1 >= len(toks) {
			continue
		}
		subs := f.pn.clauseSubjects(toks[t+1].s, toks[len(toks)-1].e)
		if len(subs) == 0 {
			return found{}
		}
		return f.sp.entityFound(subs[len(subs)-1])
	}
	return found{}
}

// outerReporter finds the person who reports the clause holding the verb
// at toks[v]: in "Jo Lim said he had been told Ann Hale had called it a
// “farce”" the partial quote is Jo Lim's words, his account of what
// others said; Ann Hale's saying reaches the writer only through him. It
// walks back from the verb over at most a dozen words of one clause (no
// punctuation, no conjunction) to an active speech verb (passives such as
// "had been told" are passed over) whose subject is a person, and repeats
// from there for the outermost. A reporter that is an organisation, or a
// verb of publishing ("reported"), keeps the inner speaker: a newspaper
// or police relaying words is not their author.
func (f *quoteFinder) outerReporter(toks []tok, v, depth int) found {
	if depth > 2 {
		return found{}
	}
	for u, words := v-1, 0; u >= 0 && words < 12; u, words = u-1, words+1 {
		k := toks[u]
		if !k.word {
			return found{}
		}
		w := f.lower(k)
		if clauseBreakers[w] || insideQuote(f.raws, k.s) {
			return found{}
		}
		if u == v-1 {
			continue // the inner verb's own subject
		}
		var o found
		switch {
		case speechVerbs[w] && w != "according" && w != "reported" && w != "reports":
			if f.passiveAt(toks, u) {
				continue // "he had been told …": the hearer
			}
			o = f.subjectBefore(toks, u)
		case participles[w] && f.bareParticiple(toks, u):
			o = f.sentenceSubject(toks[:u])
		default:
			continue
		}
		if !o.ok() || !o.person {
			return found{}
		}
		if outer := f.outerReporter(toks, u, depth+1); outer.ok() {
			return outer
		}
		return o
	}
	return found{}
}

// agentAfter finds the agent of a passive verb: "told by Emergencies
// Minister Yevgeny Zinichev".
func (f *quoteFinder) agentAfter(toks []tok, v int) found {
	if v+1 < len(toks) && f.lower(toks[v+1]) == "by" {
		return f.subjectAfter(toks, v+1)
	}
	return found{}
}

// fromAfter attributes through a speech verb just after the quote:
// “…,” she said / said Smith / Smith told the BBC.
func (f *quoteFinder) fromAfter(toks []tok) found {
	if a := f.dashAttribution(toks); a.ok() {
		return a
	}
	words := 0
	for v := 0; v < len(toks) && words <= 12; v++ {
		if !toks[v].word {
			switch f.str(toks[v]) {
			case ",", "—", "–", "-":
				continue
			}
			return found{}
		}
		w := f.lower(toks[v])
		if speechVerbs[w] {
			if w != "according" {
				if a := f.subjectBefore(toks[:v], v); a.ok() && v > 0 && f.leadsTo(toks, a.s) {
					return a
				}
			}
			if invertedVerbs[w] && words == 0 {
				return f.subjectAfter(toks, v) // "…,” said Smith; not "…” and said the…"
			}
			return found{}
		}
		words++
	}
	return found{}
}

// dashAttribution reads a dash attribution after a quote: "“…” — union
// leader Jo Lim." The dash must come first, and only descriptive words may
// stand before the name, which must end the sentence or be followed by a
// comma.
func (f *quoteFinder) dashAttribution(toks []tok) found {
	if len(toks) < 2 || toks[0].word {
		return found{}
	}
	switch f.str(toks[0]) {
	case "—", "–", "-":
	default:
		return found{}
	}
	for j := 1; j < len(toks) && j <= 8; j++ {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.sp.byStart[k.s]; ok && f.sp.ents[i].Type != names.Place {
			e := f.sp.ents[i]
			n := j + 1
			for n < len(toks) && toks[n].s < e.End {
				n++
			}
			if n == len(toks) || !toks[n].word {
				return f.sp.entityFound(i)
			}
			return found{}
		}
		if w := f.lower(k); notDescriptors[w] || speechVerbs[w] || pronounGender[w] != 0 {
			return found{}
		}
	}
	return found{}
}

// classify sets the kind of quotation i.
func (f *quoteFinder) classify(i int) {
	q := &f.raws[i]
	q.kind = Partial
	p := f.paras[q.para]
	before := strings.TrimRight(f.text[max(p.start, q.open.start-maxWindow):q.open.start], " \t")
	words := f.text[q.start:q.end]
	if len(words) >= 3 && words[0] == '[' && words[2] == ']' {
		words = "X" // "[W]e", "[o]ther": the source's sentence starts here
	}
	first, _ := utf8.DecodeRuneInString(words)
	upper := unicode.IsUpper(first)
	lastWord := ""
	if toks := f.tokenize(max(p.start, q.open.start-40), q.open.start); len(toks) > 0 && toks[len(toks)-1].word {
		lastWord = f.lower(toks[len(toks)-1])
	}
	prevClose := i > 0 && f.raws[i-1].lastPara == q.para
	switch {
	case q.multi, before == "", strings.HasSuffix(before, ":"):
		q.kind = Direct
	case strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?"):
		q.kind = Direct
	case upper && (strings.HasSuffix(before, ",") || speechVerbs[lastWord]):
		q.kind = Direct
	case strings.HasSuffix(before, ",") && prevClose && f.raws[i-1].kind == Direct && f.hasSpeechVerb(f.raws[i-1].close.end, q.open.start):
		q.kind = Direct // the second half of a split quote
	case prevClose && f.raws[i-1].kind == Direct && f.splitAttribution(f.raws[i-1], *q):
		q.kind = Direct // “We stand ready” tweeted Lim “to help.”
	case upper && strings.ContainsAny(f.text[q.end-1:q.end], ".!?") && strings.Count(f.text[q.start:q.end], " ") >= 2:
		q.kind = Direct // a whole sentence of three words or more
	}
}

// splitAttribution reports whether only a short attribution without
// punctuation ("tweeted Jo Lim", "she said") stands between quotation
// prev, which does not end a sentence, and q: one statement split in two.
func (r reader) splitAttribution(prev, q rawQuote) bool {
	if c := r.text[prev.end-1]; c == '.' || c == '!' || c == '?' || q.open.start-prev.close.end > 80 {
		return false
	}
	toks := r.tokenize(prev.close.end, q.open.start)
	if len(toks) < 2 || len(toks) > 5 {
		return false
	}
	verb := false
	for _, k := range toks {
		if !k.word {
			return false
		}
		verb = verb || speechVerbs[r.lower(k)]
	}
	return verb
}

func (r reader) hasSpeechVerb(lo, hi int) bool {
	if hi-lo > maxWindow {
		return false
	}
	for _, k := range r.tokenize(lo, hi) {
		if k.word && speechVerbs[r.lower(k)] {
			return true
		}
	}
	return false
}

// attribute finds the speaker of quotation i.
func (f *quoteFinder) attribute(i int) {
	q := &f.raws[i]
	f.cur = i
	p := f.paras[q.para]
	lo := p.start
	if i > 0 {
		lo = max(lo, f.raws[i-1].close.end, f.raws[i-1].end)
	}
	sb := f.sentenceBegin(lo, q.open.start)
	before := f.tokenize(sb, q.open.start)

	// Paragraph opening with the quote after an introduction ending in a
	// colon: "Mr Basu said:\n\n“…".
	if len(before) == 0 && q.para > 0 && (i == 0 || f.raws[i-1].lastPara < q.para-1 || f.raws[i-1].close.end < f.paras[q.para-1].end-1) {
		pp := f.paras[q.para-1]
		if strings.HasSuffix(strings.TrimRight(f.text[pp.start:pp.end], " "), ":") {
			plo := pp.start
			if i > 0 {
				plo = max(plo, f.raws[i-1].close.end)
			}
			if plo < pp.end {
				before = f.tokenize(f.sentenceBegin(plo, pp.end), pp.end)
			}
		}
	}

	var after []tok
	afterIntroducesNext := false
	if q.close.end > q.close.start {
		hi := f.paras[q.lastPara].end
		if i+1 < len(f.raws) {
			hi = min(hi, f.raws[i+1].open.start)
		}
		end := f.sentenceEnd(q.close.end, hi)
		after = f.tokenize(q.close.end, end)
		// After a quote that ends its sentence, a new sentence attributes
		// it only when that is all it does (“We won.” Jo Lim said.); not
		// in “…done.” She also said “…” or “…” He said this applied to….
		if last := f.text[q.end-1]; (last == '.' || last == '!' || last == '?') && len(after) > 0 && after[0].word {
			r, _ := utf8.DecodeRuneInString(f.str(after[0]))
			words := 0
			for _, k := range after {
				if k.word {
					words++
				}
			}
			if unicode.IsUpper(r) && (words > 5 || !strings.HasSuffix(strings.TrimSpace(f.text[q.close.end:end]), ".")) && !f.reportTail(after) {
				after = nil
			}
		}
		afterIntroducesNext = end == hi && i+1 < len(f.raws) && strings.HasSuffix(strings.TrimSpace(f.text[q.close.end:end]), ":")
	}
	colon := len(before) > 0 && f.str(before[len(before)-1]) == ":"

	var a found
	if q.kind == Direct {
		if colon {
			a = f.fromBefore(before, directVerbDist, false)
		}
		if !a.ok() && !afterIntroducesNext {
			a = f.fromAfter(after)
		}
		if !a.ok() && !colon {
			a = f.fromBefore(before, directVerbDist, false)
		}
		if !a.ok() && i > 0 {
			// A follow-on quotation inherits the previous speaker.
			prev := f.raws[i-1]
			if prev.kind == Direct && prev.speaker != "" && (prev.lastPara == q.para ||
				prev.lastPara == q.para-1 && q.open.start == p.start) {
				a = found{prev.speaker, prev.spStart, prev.spEnd, prev.spPerson}
			} else if prev.speaker != "" && prev.lastPara == q.para && !f.newVoice(prev.close.end, q.open.start) {
				// “…” and “…”, or a fragment then "During the talk, “…”":
				// the same paragraph goes on with the same voice.
				a = found{prev.speaker, prev.spStart, prev.spEnd, prev.spPerson}
			}
		}
		if !a.ok() {
			a = f.accordingOpening(p.start, q.open.start)
		}
		if !a.ok() && colon {
			// "Bolton gave his account, on Twitter: “…”": the subject.
			a = f.sentenceSubject(before)
		}
		if !a.ok() && len(before) == 0 && !f.hasSpeechVerb(q.close.end, f.endOf(after, q.close.end)) && !f.readsAfter(after) {
			// A quotation opening its sentence, the rest of which has no
			// verb of saying ("“…”, reads a statement" has one).
			a = f.fromPreviousSentence(q)
		}
	} else {
		a = f.fromBefore(before, partialVerbDis, true)
		if !a.ok() && !afterIntroducesNext {
			a = f.fromAfter(after)
		}
		if !a.ok() {
			a = f.reportedClause(before)
		}
		if !a.ok() {
			a = f.accordingOpening(p.start, q.open.start)
		}
		if !a.ok() && i > 0 && sb == lo && lo > p.start {
			// “inept” and “dysfunctional”, or "He said we need ‘more’, and
			// that … the ‘leaker’": a fragment in the same sentence as the
			// last one, with no other speaker or speech verb between.
			prev := f.raws[i-1]
			if prev.lastPara == q.para && prev.speaker != "" && (len(before) <= 3 && f.joined(before) || f.plain(before)) {
				a = found{prev.speaker, prev.spStart, prev.spEnd, true}
			}
		}
	}
	if !a.ok() {
		a = f.participleOpening(before, after)
	}
	if a.ok() {
		q.speaker, q.spStart, q.spEnd, q.spPerson = a.name, a.s, a.e, a.person
	}
}

// participleOpening reads a quotation inside a participle phrase that
// opens its sentence, the sentence's subject following right after the
// phrase: "Calling it “a stunt”, Jo Lim of the Greens told …". before and
// after are the words of the sentence around the quotation.
func (f *quoteFinder) participleOpening(before, after []tok) found {
	if len(before) == 0 || len(after) < 2 || f.str(after[0]) != "," {
		return found{}
	}
	if w := f.lower(before[0]); !participles[w] && !(strings.HasSuffix(w, "ing") && describeVerbs[w]) {
		return found{}
	}
	if !isCapitalised(f.str(before[0])) {
		return found{} // not the sentence's first word
	}
	for _, k := range before {
		if f.str(k) == "," {
			return found{} // the phrase ended before the quotation
		}
	}
	j := 1
	if f.lower(after[j]) == "the" && len(after) > 2 {
		j++
	}
	i, ok := f.sp.byStart[after[j].s]
	if !ok || f.sp.ents[i].Type == names.Place {
		return found{}
	}
	return f.sp.entityFound(i)
}

// reportedClause finds who reports the "that" clause holding a partial
// quotation too far from its verb for fromBefore: "Jo Lim explained to
// the Herald that crews turn the radios off for safety reasons, such as
// “in areas where piracy is a risk”". The walk back from the quotation
// stays in one clause (no semicolon, colon, relative word or contrast).
func (f *quoteFinder) reportedClause(toks []tok) found {
	for u, n := len(toks)-1, 0; u > 0 && n < 40; u, n = u-1, n+1 {
		k := toks[u]
		w := f.lower(k)
		if !k.word {
			if w == ";" || w == ":" || w == "(" || w == ")" {
				return found{}
			}
			continue
		}
		if clauseStops[w] {
			return found{}
		}
		if !speechVerbs[w] || w == "according" {
			continue
		}
		for m := u + 1; m < len(toks) && m <= u+4 && toks[m].word; m++ {
			if f.lower(toks[m]) == "that" {
				a := f.subjectBefore(toks, u)
				if f.negatedAt(toks, u) || !a.person || f.subordinateAt(toks, u, a.s) {
					return found{}
				}
				return a
			}
		}
		return found{}
	}
	return found{}
}

// reportTail reports whether toks, a sentence after a quotation, only
// attributes it: a subject, a verb of saying and adjuncts ("Jo Lim told
// the world on Thursday via Twitter."), with no clause of its own ("Jo Lim
// said the vote was lost." reports something else).
func (f *quoteFinder) reportTail(toks []tok) bool {
	if len(toks) > 16 || f.str(toks[len(toks)-1]) != "." {
		return false
	}
	v := -1
	for j, k := range toks {
		if j > 8 {
			return false
		}
		if k.word && speechVerbs[f.lower(k)] {
			v = j
			break
		}
	}
	if v < 1 {
		return false
	}
	a := f.subjectBefore(toks, v)
	if !a.ok() || !f.leadsTo(toks[:v], a.s) || toks[0].s != a.s && !f.subjectOpensClause(toks, v, a.s) {
		return false
	}
	j := v + 1
	if w := f.lower(toks[v]); w == "told" || w == "tells" {
		for n := 0; n < 3 && j < len(toks)-1 && toks[j].word && !prepositions[f.lower(toks[j])]; n++ {
			j++ // the one told: "the world", "reporters"
		}
	}
	if j < len(toks)-1 && !prepositions[f.lower(toks[j])] && !isAdverb(f.str(toks[j])) {
		return false
	}
	for _, k := range toks[j:] {
		w := f.lower(k)
		if w == "that" || finiteAux[w] || speechVerbs[w] || w == "," || clauseBreakers[w] {
			return false
		}
	}
	return true
}

// accordingOpening returns the source of a sentence that opens with
// "According to X," when the quotation at i lies in it: the whole
// sentence is X's account ("According to him, the raid was carried out
// with the help of “friends inside”"). lo is where the paragraph starts.
func (f *quoteFinder) accordingOpening(lo, i int) found {
	sb := f.sentenceBegin(lo, i)
	w := sb
	for w < i && isSpaceByte(f.text[w]) {
		w++
	}
	if i-w < 13 || !strings.EqualFold(f.text[w:w+9], "according") {
		return found{} // the cheap test first: most sentences do not open so
	}
	toks := f.tokenize(sb, min(i, sb+maxWindow))
	if len(toks) < 3 || f.lower(toks[0]) != "according" || f.lower(toks[1]) != "to" {
		return found{}
	}
	if insideQuote(f.raws, sb) {
		return found{}
	}
	comma := false
	for _, k := range toks[2:] {
		switch f.str(k) {
		case ",":
			comma = true
		case ";", ":":
			return found{} // a new clause: "According to X, …; “…”"
		}
	}
	if !comma {
		return found{}
	}
	switch f.lower(toks[2]) {
	case "him":
		return f.pn.resolvePronoun(toks[2], 'm')
	case "her":
		if f.str(toks[3]) == "," {
			return f.pn.resolvePronoun(toks[2], 'f')
		}
	}
	return f.subjectAfter(toks, 0)
}
