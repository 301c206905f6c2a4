package names

import (
	"cmp"
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

// findMentions turns aligned tokens into mentions, sentence by sentence.
// The entity model's chunks are the mentions, refined by the rules
// (honorifics, titles, organisation heads); capitalised runs the model left
// alone are added where a rule types them. Title Case headlines capitalise
// every word, so in them only names found in the document's ordinary
// sentences, places and acronyms are taken.
func findMentions(text string, toks []nlp.Token) []mention {
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
			if unicode.IsUpper(firstRune(t.Text)) && !isInitial(s, i) {
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
		ms = gazetteerOrgs(text, s, ms)
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
		if l == "O" || s[a].Start < 0 || strings.HasPrefix(l, "I-") && unicode.IsLower(firstRune(s[a].Text)) {
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
		for b > a+1 && unicode.IsLower(firstRune(s[b-1].Text)) {
			b-- // a name ends in a name word: "The Conservative would-be PM"
		}
		if typ == "MISC" && b > a+1 && allCapitalised(s[a:b]) && !hasNeverName(s[a:b]) {
			// A name of two or more words the model did not type ("backed
			// Green Futures" for the Green Futures Party): resolution types
			// it if it is the short form of a name of the document.
			out = append(out, mention{start: s[a].Start, nameStart: s[a].Start, end: trimPeriod(text, s[b-1]),
				ntoks: b - a, initial: isInitial(s, a)})
			a = b
			continue
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

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// allCapitalised reports whether every token of s starts with an
// upper-case letter.
func allCapitalised(s []nlp.Token) bool {
	for _, t := range s {
		if !unicode.IsUpper(firstRune(t.Text)) {
			return false
		}
	}
	return true
}
