package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

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
