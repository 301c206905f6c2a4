package names

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

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

var acronymRE = regexp.MustCompile(`^(?:[A-Z][A-Z0-9&]*[A-Z0-9]|(?:[A-Z]\.){2,})$`)

// isAcronym reports whether w is an all-capital abbreviation of two to
// eight characters starting with a letter ("BBC", "AT&T", "U.S.", "G7").
func isAcronym(w string) bool {
	if !acronymRE.MatchString(w) {
		return false
	}
	return len(w) >= 2 && len(w) <= 8
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
	for r.b > r.a+1 && unicode.IsLower(firstRune(s[r.b-1].Text)) {
		r.b-- // a name ends in a name word: "Conservative would-be" before "PM"
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
	m.adjective = len(name) == 1 && !m.strong && e.model != Organization &&
		(isDemonymLike(name[0]) || isPluralGroup(name[0].Text) ||
			m.typ == Place && hasDemonymSuffix(name[0].Text))
	if m.typ == drop || onlyTitles(name) {
		return nil
	}
	return []mention{m}
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
	case len(name) >= 2 && (orgHeads[last] || orgHeads[name[len(name)-1].Text] || orgStarts[first]) && !e.person &&
		e.model != Place:
		// The model's place stands: "West Bank", "National Tennis Centre"
		// are places. (On CoNLL-2003 dev, letting the head win costs 0.3
		// F1.)
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
