package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// isHeadline reports whether s is in Title Case (not all capitals, which
// the model reads well) and either in the article's headline or a line of
// its own that is not mostly names (a list of players, a results table
// row).
func isHeadline(s []nlp.Token) bool {
	if len(s) == 0 || !isTitleCase(s) || isAllCaps(s) {
		return false
	}
	return s[0].Title || s[0].Alone && !mostlyNames(s)
}

// mostlyNames reports whether the entity model put at least two thirds of
// the capitalised words of s in names. In a Title Case headline most
// capitals are ordinary words ("Leak Detectives Could Be Prosecuted"); in
// a list or a results line ("Ronnie Irani , Robert Croft , Darren Gough")
// they are the names, and the model, trained on such lines, reads them
// well.
//
// The names of a list are short and set apart by punctuation, numbers or
// lower-case words, and there is at least one of the first two; a run of more than maxListRun capitalised words is
// headline text, whatever the model made of it.
func mostlyNames(s []nlp.Token) bool {
	caps, named, run, seps := 0, 0, 0, 0
	for _, t := range s {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsUpper(r) {
			if !unicode.IsLetter(r) {
				seps++
			}
			run = 0
			continue
		}
		if run++; run > maxListRun {
			return false
		}
		caps++
		if t.Label != "O" {
			named++
		}
	}
	return caps > 0 && seps > 0 && named*3 >= caps*2
}

// maxListRun is the longest run of capitalised words in a line that
// mostlyNames reads as a list ("Queens Park Rangers").
const maxListRun = 3

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
