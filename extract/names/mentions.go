package names

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// A mention is a candidate entity found in one sentence, before the
// document-level pass (resolve) settles its type and canonical name.
type mention struct {
	start, end int    // byte offsets of the mention, honorifics included
	nameStart  int    // offset where the name proper starts (after honorifics)
	honorific  string // leading honorific as written ("Sir", "Mr"), or ""
	typ        string // Person, Organization, Place or "" when unknown
	strong     bool   // typ comes from a rule rather than the entity model
	model      bool   // the span is the entity model's
	ntoks      int    // number of tokens in the name proper
	initial    bool   // the name opens a sentence, quotation or headline
	adjective  bool   // one word that reads as a demonym, adjective or plural
}

// findEntities turns aligned tokens into mentions, sentence by sentence.
// The entity model's chunks are the mentions, refined by the rules
// (honorifics, titles, organisation heads); capitalised runs the model left
// alone are added where a rule types them. Title Case headlines capitalise
// every word, so in them only names found in the document's ordinary
// sentences, places and acronyms are taken.
func findEntities(text string, toks []nlp.Token) []mention {
	var sents [][]nlp.Token
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && toks[b].Sent == toks[a].Sent {
			b++
		}
		sents = append(sents, toks[a:b])
		a = b
	}
	// Words written capitalised inside sentences are names wherever they
	// occur, also where the tagger mistags them at the start of a sentence.
	midCaps := map[string]bool{}
	for _, s := range sents {
		if isTitleCase(s) {
			continue
		}
		for i, t := range s {
			if !isInitial(s, i) && unicode.IsUpper(firstRune(t.Text)) {
				midCaps[t.Text] = true
			}
		}
	}
	var out []mention
	known := map[string]mention{} // name as tokens joined by spaces -> a mention of it
	var headlines [][]nlp.Token
	for _, s := range sents {
		if isHeadline(s) {
			headlines = append(headlines, s)
			continue
		}
		ms := modelMentions(text, s)
		if !isAllCaps(s) {
			for _, m := range sentenceMentions(text, s, midCaps) {
				if !overlapsLabel(s, m, m.strong) && !capsOnly(text[m.nameStart:m.end]) {
					ms = append(ms, m)
				}
			}
		}
		for _, m := range ms {
			out = append(out, m)
			known[spanTextAt(text, s, m.start, m.end)] = m
			known[spanTextAt(text, s, m.nameStart, m.end)] = m
		}
	}
	for _, s := range headlines {
		out = append(out, headlineMentions(text, s, known)...)
	}
	slices.SortStableFunc(out, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
	return out
}

// isHeadline reports whether s is a line of its own in Title Case (not all
// capitals, which the model reads well).
func isHeadline(s []nlp.Token) bool {
	return len(s) > 0 && s[0].Alone && isTitleCase(s) && !isAllCaps(s)
}

// isAllCaps reports whether most words of s are written in capitals, as in
// wire-service headlines.
func isAllCaps(s []nlp.Token) bool {
	words, upper := 0, 0
	for _, t := range s {
		if !hasLetter(t.Text) {
			continue
		}
		words++
		if strings.ToUpper(t.Text) == t.Text {
			upper++
		}
	}
	return words >= 2 && upper*10 >= words*6
}

// capsOnly reports whether a name has no lower-case letter ("BBC", "NEW
// YORK"). Capitals alone say little (headlines, datelines, tables), so the
// rules leave such names to the model.
func capsOnly(name string) bool {
	return strings.ToUpper(name) == name
}

// overlapsLabel reports whether any token of m carries a model label.
// MISC counts (the model saw a name there and typed it otherwise) unless
// exceptMisc.
func overlapsLabel(s []nlp.Token, m mention, exceptMisc bool) bool {
	for _, t := range s {
		if t.Start >= 0 && t.Start < m.end && t.End > m.start && t.Label != "O" &&
			!(exceptMisc && strings.HasSuffix(t.Label, "-MISC")) {
			return true
		}
	}
	return false
}

// readsAsDemonym reports whether the one-word name s[i] is used as an
// adjective: written like a demonym ("Kenyan", "Chinese") and followed by
// a lower-case noun or coordinated with a word the model calls MISC
// ("Kenyan and Danish negotiators").
func readsAsDemonym(s []nlp.Token, i int) bool {
	w := s[i].Text
	if givenNames[w] || places[w] || !(hasDemonymSuffix(w) || strings.HasSuffix(w, "an") || strings.HasSuffix(w, "i")) {
		return false
	}
	if i+1 < len(s) && (s[i+1].Tag == "NNS" || s[i+1].Tag == "NN") && unicode.IsLower(firstRune(s[i+1].Text)) {
		return true
	}
	return i+2 < len(s) && (s[i+1].Text == "and" || s[i+1].Text == "or") && strings.HasSuffix(s[i+2].Label, "MISC")
}

// hasNeverName reports whether a token of s is a word never part of a
// name ("Her Majesty").
func hasNeverName(s []nlp.Token) bool {
	for _, t := range s {
		if neverNames[t.Text] {
			return true
		}
	}
	return false
}

// modelMentions turns the entity model's chunks in s into mentions: a
// preceding honorific joins the mention, title words are split off, and
// rules that know better (organisation heads, honorifics, role nouns)
// override the model's type.
func modelMentions(text string, s []nlp.Token) []mention {
	var out []mention
	for a := 0; a < len(s); {
		l := s[a].Label
		if l == "O" || s[a].Start < 0 {
			a++
			continue
		}
		typ := l[2:]
		b := a + 1
		for b < len(s) && s[b].Label == "I-"+typ && s[b].Start >= 0 {
			b++
		}
		if typ == "PERSON" && b == a+1 && b < len(s) && s[b].Label == "O" && givenNames[s[a].Text] &&
			calendarWords[s[b].Text] && s[b].Start == s[a].End+1 {
			b++ // "Theresa May": the model reads the month
		}
		if typ == "MISC" || hasNeverName(s[a:b]) || b == a+1 && readsAsDemonym(s, a) {
			a = b
			continue
		}
		if typ == "PERSON" && a > 0 && missedFirstName(s, a-1) {
			a-- // "Carmen" before "Yulín Cruz": the model left out the given name
		}
		if k := personOfPlace(s, a, b); k > 0 {
			// "Dr. Tristan Smith of University College London": a person
			// and the body they belong to, never one name.
			p := a
			if p > 0 && honorifics[s[p-1].Text] && unicode.IsUpper(firstRune(s[p-1].Text)) {
				p--
			}
			for _, m := range append(classifyRun(text, s, run{p, k}, &evidence{model: Person, person: true}),
				classifyRun(text, s, run{k + 1, b}, &evidence{model: Organization})...) {
				m.model = true
				out = append(out, m)
			}
			a = b
			continue
		}
		r := run{a, b}
		var e evidence
		switch typ {
		case "PERSON":
			e.model = Person
		case "ORGANIZATION":
			e.model = Organization
		default:
			e.model = Place
		}
		if r.a > 0 && honorifics[s[r.a-1].Text] && unicode.IsUpper(firstRune(s[r.a-1].Text)) {
			r.a--
		}
		if r.a > 0 {
			prev := s[r.a-1].Text
			if RoleNouns[prev] || (titleHeads[prev] && unicode.IsLower(firstRune(prev))) {
				e.person = true
			}
		}
		for _, m := range classifyRun(text, s, r, &e) {
			m.model = true
			out = append(out, m)
		}
		a = b
	}
	return out
}

// missedFirstName reports whether s[i], right before a PERSON span, is a
// known given name the model left unlabelled ("Carmen" before "Yulín
// Cruz"). Other capitalised words there are too often roles ("Broker Jo
// Lim") to take.
func missedFirstName(s []nlp.Token, i int) bool {
	t := s[i]
	return t.Label == "O" && t.Start >= 0 && s[i+1].Start == t.End+1 && givenNames[t.Text]
}

// personOfPlace returns the index of "of" in a model span s[a:b] that
// joins a personal name to an organisation ("Tristan Smith of University
// College London"), or 0. The name must have an honorific before it or
// start with a known given name, and be two or three words.
func personOfPlace(s []nlp.Token, a, b int) int {
	for k := a + 2; k <= a+3 && k < b-1; k++ {
		if s[k].Text != "of" {
			continue
		}
		if !(givenNames[s[a].Text] || a > 0 && honorifics[s[a-1].Text]) || !unicode.IsUpper(firstRune(s[k+1].Text)) {
			return 0
		}
		for _, t := range s[a:k] {
			if !unicode.IsUpper(firstRune(t.Text)) || orgHeads[t.Text] || ofHeads[t.Text] || places[t.Text] || titleHeads[titleWord(t.Text)] {
				return 0
			}
		}
		return k
	}
	return 0
}

// spanTextAt joins the texts of the tokens of s covering [start, end).
func spanTextAt(text string, s []nlp.Token, start, end int) string {
	var parts []string
	for _, t := range s {
		if t.Start >= start && t.End <= end+1 && t.Start < end {
			parts = append(parts, text[t.Start:min(t.End, end)])
		}
	}
	return nameKey(strings.Join(parts, " "))
}

// maxNameTokens bounds the names looked up in headlines.
const maxNameTokens = 6

// headlineMentions finds, longest first, the known names, gazetteer
// places and acronyms in a Title Case headline.
func headlineMentions(text string, s []nlp.Token, known map[string]mention) []mention {
	var out []mention
	for i := 0; i < len(s); {
		found := 0
		for j := min(len(s), i+maxNameTokens); j > i; j-- {
			if s[i].Start < 0 || s[j-1].Start < 0 {
				continue
			}
			key := spanTextAt(text, s, s[i].Start, s[j-1].End)
			k, ok := known[key]
			if !ok && !places[key] && !placeAcronyms[key] {
				continue
			}
			m := mention{start: s[i].Start, nameStart: s[i].Start, end: trimPeriod(text, s[j-1]),
				ntoks: j - i, strong: true, initial: true}
			switch {
			case ok:
				m.typ, m.strong = k.typ, k.strong
				if honorifics[s[i].Text] && j > i+1 {
					m.honorific = strings.TrimSuffix(s[i].Text, ".")
					m.nameStart = s[i+1].Start
				}
			default:
				m.typ = Place
			}
			if m.end > m.nameStart {
				out = append(out, m)
				found = j - i
			}
			break
		}
		i += max(found, 1)
	}
	return out
}

// run is a stretch [a, b) of a sentence's tokens that may name something.
type run struct{ a, b int }

func sentenceMentions(text string, s []nlp.Token, midCaps map[string]bool) []mention {
	caps := make([]bool, len(s))
	for i := range s {
		caps[i] = isCap(s, i, midCaps)
	}

	// Base runs: capitalised words, joined by name particles ("von der")
	// and split possessives' neighbours ("O" + "'Sullivan").
	var runs []run
	for i := 0; i < len(s); {
		if !caps[i] || calendarWords[s[i].Text] {
			i++
			continue
		}
		j := i + 1
		for j < len(s) {
			switch {
			case caps[j]:
				j++
				continue
			case isContinuation(s, j):
				j++
				continue
			case s[j].Text == "." && isInitialLetter(s, j-1) && s[j].Start == s[j-1].End && j+1 < len(s) && caps[j+1]:
				j += 2 // "John R. Bolton": prose splits the initial's period off
				continue
			case nameParticles[s[j].Text] && j+1 < len(s) && caps[j+1] && !hasOrgHead(s[i:j]):
				j += 2
				continue
			}
			break
		}
		runs = append(runs, run{i, j})
		i = j
	}
	runs = mergeConnected(s, runs)

	var out []mention
	for _, r := range runs {
		out = append(out, classifyRun(text, s, r, nil)...)
	}
	return out
}

// isTitleCase reports whether a sentence is a headline in Title Case, in
// which capitals say nothing about names.
func isTitleCase(s []nlp.Token) bool {
	words, upper := 0, 0
	for _, t := range s {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words >= 4 && upper*10 >= words*8
}

// isCap reports whether s[i] is a capitalised word that may be part of a
// name. At the start of a sentence or quotation the word must also not be
// a common sentence opener, and be tagged as a proper noun or be written
// capitalised inside some sentence of the document (midCaps).
func isCap(s []nlp.Token, i int, midCaps map[string]bool) bool {
	t := s[i]
	if t.Start < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) || t.Text == "I" || neverNames[t.Text] {
		return false
	}
	if !hasLetter(t.Text) || strings.ContainsAny(t.Text, "$£€¥0123456789") && !isAcronym(t.Text) {
		return false
	}
	if isInitial(s, i) {
		if notStarters[t.Text] {
			return false
		}
		if isAcronym(t.Text) || honorifics[t.Text] || places[t.Text] || midCaps[t.Text] {
			return true
		}
		return t.Tag == "NNP" || t.Tag == "NNPS"
	}
	return true
}

// isInitial reports whether s[i] opens its sentence or a quotation, where
// any word is capitalised.
func isInitial(s []nlp.Token, i int) bool {
	quoted := false
	for k := i - 1; k >= 0; k-- {
		switch s[k].Text {
		case `"`, "'":
			quoted = true
		case "(", "[", "-", "--", "\u2013", "\u2014", "\u2026", "...":
		case ":":
			return true
		default:
			return quoted
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isInitialLetter reports whether s[k] is a single capital letter.
func isInitialLetter(s []nlp.Token, k int) bool {
	return len(s[k].Text) == 1 && s[k].Text[0] >= 'A' && s[k].Text[0] <= 'Z'
}

// isContinuation reports whether s[j] continues the word before it without
// a space: prose splits "O'Sullivan" into "O" and "'Sullivan".
func isContinuation(s []nlp.Token, j int) bool {
	t := s[j]
	if j == 0 || t.Start < 0 || s[j-1].End != t.Start || len(t.Text) < 2 || t.Text[0] != '\'' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text[1:])
	return unicode.IsUpper(r)
}

var acronymRE = regexp.MustCompile(`^(?:[A-Z][A-Z0-9&]*[A-Z0-9]|(?:[A-Z]\.){2,})$`)

// isAcronym reports whether w is an all-capital abbreviation of two to
// eight characters starting with a letter ("BBC", "AT&T", "U.S.", "G7").
func isAcronym(w string) bool {
	if !acronymRE.MatchString(w) {
		return false
	}
	return len(w) >= 2 && len(w) <= 8
}

func hasOrgHead(s []nlp.Token) bool {
	for _, t := range s {
		if orgHeads[t.Text] {
			return true
		}
	}
	return false
}

// mergeConnected joins runs separated by connectives that occur inside
// names: "Bank" "of" "England", "Department" "for" "Education",
// "Health" "and" "Safety Executive", "Trinidad" "and" "Tobago".
func mergeConnected(s []nlp.Token, runs []run) []run {
	if len(runs) < 2 {
		return runs
	}
	out := []run{runs[0]}
	for _, r := range runs[1:] {
		last := &out[len(out)-1]
		var between []string
		for k := last.b; k < r.a; k++ {
			between = append(between, s[k].Text)
		}
		left, right := s[last.a:last.b], s[r.a:r.b]
		conn := strings.Join(between, " ")
		merge := false
		switch conn {
		case "of", "for", "of the", "for the":
			merge = ofHeads[left[len(left)-1].Text] && !calendarWords[right[0].Text]
		case "and", "&":
			joined := spanText(left) + " " + conn + " " + spanText(right)
			merge = places[joined] ||
				(orgHeads[right[len(right)-1].Text] && !hasOrgHead(left) && len(left) <= 2 && !isPersonish(left)) ||
				(hasOfStructure(s, *last) && !hasOrgHead(right) && len(right) <= 3)
		}
		if merge {
			last.b = r.b
		} else {
			out = append(out, r)
		}
	}
	return out
}

// isPersonish reports whether a run starts with an honorific or title.
func isPersonish(s []nlp.Token) bool {
	return len(s) > 0 && (honorifics[s[0].Text] || titleHeads[s[0].Text] || royalStyles[s[0].Text])
}

// hasOfStructure reports whether r contains "<head> of|for".
func hasOfStructure(s []nlp.Token, r run) bool {
	for k := r.a; k+1 < r.b; k++ {
		if ofHeads[s[k].Text] && (s[k+1].Text == "of" || s[k+1].Text == "for") {
			return true
		}
	}
	return false
}

func spanText(s []nlp.Token) string {
	parts := make([]string, len(s))
	for i, t := range s {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// evidence is what the context of a run says about it.
type evidence struct {
	person bool   // a title, role noun or post-nominal marks a person
	model  string // the entity model's type for the run, if it found it
}

// classifyRun trims a run to the name it contains and types it. It may
// return two mentions when a title separates them ("US President Donald
// Trump": US, Donald Trump).
func classifyRun(text string, s []nlp.Token, r run, ev *evidence) []mention {
	var e evidence
	if ev != nil {
		e = *ev
	}
	theBefore := r.a > 0 && (s[r.a-1].Text == "the" || s[r.a-1].Text == "The")
	for r.a < r.b && (s[r.a].Text == "The" || s[r.a].Text == "the") {
		theBefore = true
		r.a++
	}
	for r.b > r.a && PostNominals[s[r.b-1].Text] && r.b-r.a > 1 {
		e.person = true
		r.b--
	}
	if r.a >= r.b {
		return nil
	}
	if r.a >= 2 && s[r.a].Text == "State" && r.b-r.a > 1 && s[r.a-1].Text == "of" && titleWord(s[r.a-2].Text) == "Secretary" {
		r.a++ // "Secretary of State Mike Pompeo"
		e.person = true
	}
	// A place or acronym glued to a name: "Scotland Nicola Sturgeon".
	afterTitleOf := r.a >= 2 && s[r.a-1].Text == "of" && titleHeads[titleWord(s[r.a-2].Text)]
	for k := r.a + 1; k < r.b-1; k++ {
		// "President of Ukraine Volodymyr Zelenskyy": after "<title> of"
		// a place is the title's and the words after it a name.
		if !givenNames[s[k].Text] && !(afterTitleOf && r.b-k >= 2) {
			continue
		}
		prefix := spanText(s[r.a:k])
		if places[prefix] || k == r.a+1 && isAcronym(prefix) {
			return append(classifyRun(text, s, run{r.a, k}, &evidence{}),
				classifyRun(text, s, run{k, r.b}, &evidence{person: afterTitleOf})...)
		}
	}
	if r.a > 0 && ev == nil { // model runs get this from modelMentions
		prev := s[r.a-1].Text
		if RoleNouns[prev] || (titleHeads[prev] && unicode.IsLower(firstRune(prev))) {
			e.person = true
		}
	}

	// A job title inside the run: what follows it is a person, what
	// precedes it (minus title words) is classified on its own.
	if h := titleSplit(s, r); h >= 0 {
		var out []mention
		p := h
		for p > r.a && (titleModifiers[s[p-1].Text] || titleHeads[titleWord(s[p-1].Text)]) {
			p--
		}
		if p > r.a {
			out = append(out, classifyRun(text, s, run{r.a, p}, &evidence{})...)
		}
		q := h + 1
		for q < r.b-1 && titleModifiers[s[q].Text] {
			q++ // "Chief Executive Olivia Marchetti"
		}
		if q < r.b {
			out = append(out, classifyRun(text, s, run{q, r.b}, &evidence{person: true})...)
		}
		return out
	}

	m := mention{start: s[r.a].Start, nameStart: s[r.a].Start}
	name := s[r.a:r.b]
	if len(name) > 1 && honorifics[name[0].Text] {
		m.honorific = strings.TrimSuffix(name[0].Text, ".")
		name = name[1:]
		m.nameStart = name[0].Start
		e.person = true
	}
	last := name[len(name)-1]
	m.end = trimPeriod(text, last)
	if m.end <= m.nameStart {
		return nil
	}
	m.ntoks = len(name)
	m.initial = isInitial(s, r.a)
	m.typ, m.strong = typeName(s, r, name, e, theBefore)
	m.adjective = len(name) == 1 && !m.strong &&
		(isDemonymLike(name[0]) || isPluralGroup(name[0].Text) ||
			m.typ == Place && hasDemonymSuffix(name[0].Text))
	if m.typ == drop || onlyTitles(name) {
		return nil
	}
	return []mention{m}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// titleSplit returns the index of the last job title in r that is followed
// by a name or ends the run, or -1. A run ending in an organisation head
// ("Premier League", "Justice Department") is not split.
func titleSplit(s []nlp.Token, r run) int {
	if orgHeads[s[r.b-1].Text] || hasOfStructure(s, r) {
		return -1
	}
	for k := r.b - 1; k >= r.a; k-- {
		w := titleWord(s[k].Text)
		if !titleHeads[w] || honorifics[w] {
			continue
		}
		if k+1 < r.b && !unicode.IsUpper(firstRune(s[k+1].Text)) &&
			!(nameParticles[s[k+1].Text] && k+2 < r.b && unicode.IsUpper(firstRune(s[k+2].Text))) {
			continue // "Mayor de Blasio" is split, "Minister for Health" not
		}
		// "MP" and "PM" only title what follows them when they are not
		// the whole run.
		return k
	}
	return -1
}

// titleWord returns the title word w stands for: itself, its last part
// after a hyphen ("Vice-President"), or its singular ("Senators").
func titleWord(w string) string {
	if i := strings.LastIndexByte(w, '-'); i > 0 && titleHeads[w[i+1:]] {
		return w[i+1:]
	}
	if !titleHeads[w] && len(w) > 3 && titleHeads[strings.TrimSuffix(w, "s")] {
		return strings.TrimSuffix(w, "s")
	}
	return w
}

var initialsRE = regexp.MustCompile(`^(?:[A-Za-z]\.)+$`)

// trimPeriod returns the end offset of t without a sentence-final period
// that prose left attached ("Act."), keeping initials and abbreviations
// ("J.", "U.S.", "Inc.").
func trimPeriod(text string, t nlp.Token) int {
	w := text[t.Start:t.End]
	if !strings.HasSuffix(w, ".") || len(w) < 2 {
		return t.End
	}
	if initialsRE.MatchString(w) || orgHeads[w] || honorifics[w] || PostNominals[w] ||
		placeAcronyms[w] || titleHeads[w] {
		return t.End
	}
	return t.End - 1
}

// drop is a typeName result meaning the span names nothing.
const drop = "-"

// typeName decides the type of a name from rules, then from the entity
// model: its type for the run (e.model) or its labels on the tokens.
// strong reports that a rule decided.
func typeName(s []nlp.Token, r run, name []nlp.Token, e evidence, theBefore bool) (string, bool) {
	first, last := name[0].Text, strings.TrimSuffix(name[len(name)-1].Text, ".")
	full := spanText(name)
	if strings.HasSuffix(full, ".") && !initialsRE.MatchString(name[len(name)-1].Text) {
		full = strings.TrimSuffix(full, ".")
	}
	if _, ok := knownOrgs[full]; ok {
		return Organization, true
	}
	switch {
	case len(name) >= 2 && lawHeads[last]:
		return drop, true
	case len(name) >= 2 && (orgHeads[last] || orgHeads[name[len(name)-1].Text] || orgStarts[first]) && !e.person:
		return Organization, true
	case notNames[full]:
		return drop, true
	case royalStyles[first] && len(name) >= 2:
		return Person, true
	case e.person:
		if len(name) == 1 && (places[full] || isAcronym(full)) {
			// "minister Brazil" is not a name; let the rules below decide.
			break
		}
		return Person, true
	}
	if e.model != "" {
		switch {
		case len(name) == 1 && placeAcronyms[first]:
			return Place, true
		case len(name) == 1 && notEntityAcronyms[first]:
			return drop, true
		case len(name) >= 2 && allAcronyms(name) && e.model == Person:
			return Organization, true
		case len(name) >= 2 && directionWords[first] && places[spanText(name[1:])]:
			return Place, true
		}
		return e.model, false
	}
	if len(name) == 1 && isAcronym(first) {
		switch {
		case placeAcronyms[first]:
			return Place, true
		case notEntityAcronyms[first]:
			return drop, true
		}
		return Organization, true
	}
	switch {
	case places[full]:
		return Place, true
	case len(name) >= 2 && directionWords[first] && places[spanText(name[1:])]:
		return Place, true
	case len(name) >= 2 && (placeHeads[last] || placeStarts[first]):
		return Place, true
	case hasOfStructure(s, r):
		for _, t := range name {
			if ofHeads[t.Text] {
				if placeHeads[t.Text] || t.Text == "Isle" || t.Text == "Cape" {
					return Place, true
				}
				return Organization, true
			}
		}
	case len(name) == 1 && theBefore && theOrgs[first]:
		return Organization, true
	case len(name) >= 2 && allAcronyms(name):
		return Organization, true
	}
	if len(name) >= 2 && givenNames[first] && !places[spanText(name[1:])] {
		return Person, false
	}
	if typ := proseVote(name); typ != "" {
		return typ, false
	}
	if len(name) >= 2 && r.b < len(s) && saidVerbs[s[r.b].Text] {
		return Person, false
	}
	return "", false
}

// onlyTitles reports whether a name is made of title words alone
// ("Assistant", "Prime Minister").
func onlyTitles(name []nlp.Token) bool {
	for _, t := range name {
		if !titleHeads[titleWord(t.Text)] && !titleModifiers[t.Text] {
			return false
		}
	}
	return true
}

func allAcronyms(name []nlp.Token) bool {
	for _, t := range name {
		if !isAcronym(t.Text) {
			return false
		}
	}
	return true
}

// proseVote maps prose's token labels over the name to one of our types:
// the most frequent, PERSON winning ties (as prose itself does), then
// ORGANIZATION. FACILITY labels are ignored.
func proseVote(name []nlp.Token) string {
	var person, org, place int
	for _, t := range name {
		l := t.Label
		if i := strings.IndexByte(l, '-'); i >= 0 {
			l = l[i+1:]
		}
		switch l {
		case "PERSON":
			person++
		case "ORGANIZATION":
			org++
		case "GPE", "LOCATION":
			place++
		}
	}
	switch {
	case person == 0 && org == 0 && place == 0:
		return ""
	case person >= org && person >= place:
		return Person
	case org >= place:
		return Organization
	}
	return Place
}

// hasDemonymSuffix reports whether w ends like a demonym ("Indonesian",
// "Chinese", "Danish", "Israeli", "Americans"). prose labels demonyms as
// places.
func hasDemonymSuffix(w string) bool {
	for _, suf := range []string{"ian", "ean", "ese", "ish", "ican", "ians", "eans", "icans", "ani", "eli", "aqi"} {
		if strings.HasSuffix(w, suf) && !places[w] {
			return true
		}
	}
	return false
}

// isPluralGroup reports whether w names a group of people ("Democrats",
// "Republicans", "Europeans", "Socialists").
func isPluralGroup(w string) bool {
	for _, suf := range []string{"icans", "ians", "eans", "ats", "ists"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isDemonymLike reports whether a single-word name is an adjective or a
// plural ("British", "Americans", "Democrats"), which names no single
// entity.
func isDemonymLike(t nlp.Token) bool {
	switch t.Tag {
	case "JJ", "JJS", "JJR", "NNPS", "NNS":
		return true
	}
	return false
}
