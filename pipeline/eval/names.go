package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are the leading words dropped from people's names before
// comparison, as lower-case word sequences. Longer sequences are tried
// first.
var titles = splitTitles([]string{
	"sir", "dame", "lord", "lady", "baron", "baroness", "earl", "duke", "duchess",
	"mr", "mrs", "ms", "miss", "mx", "master", "dr", "doctor", "prof", "professor",
	"rev", "reverend", "father", "sister", "brother", "rabbi", "imam", "bishop", "archbishop", "cardinal", "pope",
	"king", "queen", "prince", "princess", "sheikh", "emir", "sultan",
	"president", "vice president", "prime minister", "deputy prime minister", "first minister",
	"chancellor", "minister", "foreign minister", "foreign secretary", "home secretary", "secretary", "secretary of state",
	"senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
	"mayor", "councillor", "cllr", "councilman", "councilwoman", "judge", "justice", "chief justice",
	"ambassador", "commissioner", "assistant commissioner", "deputy commissioner", "deputy assistant commissioner",
	"chief constable", "deputy chief constable", "assistant chief constable",
	"inspector", "chief inspector", "detective", "det", "detective inspector", "detective chief inspector",
	"superintendent", "supt", "chief superintendent", "detective superintendent", "detective chief superintendent",
	"sergeant", "sgt", "detective sergeant", "constable", "pc", "officer",
	"general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt",
	"commander", "cmdr", "admiral", "adm", "marshal", "private", "pte", "corporal", "cpl",
	"rt hon", "right honourable", "the rt hon", "hon", "honourable",
})

func splitTitles(ts []string) [][]string {
	out := make([][]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, strings.Fields(t))
	}
	// Longest first, so "assistant commissioner" wins over "assistant".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// acronymStop are the words skipped when building an acronym.
var acronymStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "de": true}

// fold maps Latin letters with diacritics to their base letter.
var fold = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáâãäåāăąǎ", 'A': "ÀÁÂÃÄÅĀĂĄǍ", 'c': "çćĉċč", 'C': "ÇĆĈĊČ",
		'd': "ďđ", 'D': "ĎĐ", 'e': "èéêëēĕėęě", 'E': "ÈÉÊËĒĔĖĘĚ",
		'g': "ĝğġģ", 'G': "ĜĞĠĢ", 'h': "ĥħ", 'H': "ĤĦ", 'i': "ìíîïĩīĭįı", 'I': "ÌÍÎÏĨĪĬĮİ",
		'j': "ĵ", 'J': "Ĵ", 'k': "ķ", 'K': "Ķ", 'l': "ĺļľŀł", 'L': "ĹĻĽĿŁ",
		'n': "ñńņňŉ", 'N': "ÑŃŅŇ", 'o': "òóôõöøōŏőǒ", 'O': "ÒÓÔÕÖØŌŎŐǑ",
		'r': "ŕŗř", 'R': "ŔŖŘ", 's': "śŝşšș", 'S': "ŚŜŞŠȘ", 't': "ţťŧț", 'T': "ŢŤŦȚ",
		'u': "ùúûüũūŭůűųǔ", 'U': "ÙÚÛÜŨŪŬŮŰŲǓ", 'w': "ŵ", 'W': "Ŵ",
		'y': "ýÿŷ", 'Y': "ÝŸŶ", 'z': "źżž", 'Z': "ŹŻŽ",
	}
	m := make(map[rune]rune)
	for base, vs := range groups {
		for _, v := range vs {
			m[v] = base
		}
	}
	return m
}()

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// trimPossessive removes a trailing possessive ('s, ’s, or the apostrophe
// of s') and trailing spaces from s.
func trimPossessive(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, n := utf8.DecodeLastRuneInString(s)
	if isApostrophe(r) {
		return strings.TrimRightFunc(s[:len(s)-n], unicode.IsSpace)
	}
	if r == 's' || r == 'S' {
		if a, m := utf8.DecodeLastRuneInString(s[:len(s)-n]); isApostrophe(a) && len(s)-n-m > 0 {
			return s[:len(s)-n-m]
		}
	}
	return s
}

// nameWords returns the normalised words of a name: diacritics and case
// folded, possessive and apostrophes removed, other punctuation as
// separators, runs of single letters joined, a leading "the" dropped and,
// when person is set, leading titles dropped. It never drops every word.
func nameWords(s string, person bool) []string {
	s = trimPossessive(s)
	var b strings.Builder
	for _, r := range s {
		if f, ok := fold[r]; ok {
			r = f
		}
		switch {
		case isApostrophe(r):
			// "O'Brien" is "obrien".
		case isWordRune(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	raw := strings.Fields(b.String())
	// Join runs of two or more single letters: "u s" -> "us".
	var ws []string
	for i := 0; i < len(raw); {
		j := i
		for j < len(raw) && utf8.RuneCountInString(raw[j]) == 1 {
			j++
		}
		if j-i >= 2 {
			ws = append(ws, strings.Join(raw[i:j], ""))
			i = j
			continue
		}
		ws = append(ws, raw[i])
		i++
	}
	return stripLeading(ws, person, func(w string) string { return w })
}

// stripLeading drops a leading "the" and, for people, leading titles from
// words (compared through key), keeping at least one word.
func stripLeading[T any](ws []T, person bool, key func(T) string) []T {
	if len(ws) > 1 && key(ws[0]) == "the" {
		ws = ws[1:]
	}
	if !person {
		return ws
	}
	for {
		n := titleLen(ws, key)
		if n == 0 || n >= len(ws) {
			return ws
		}
		ws = ws[n:]
	}
}

func titleLen[T any](ws []T, key func(T) string) int {
next:
	for _, t := range titles {
		if len(t) > len(ws) {
			continue
		}
		for i, w := range t {
			if key(ws[i]) != w {
				continue next
			}
		}
		return len(t)
	}
	return 0
}

// normName is the normalised form of a name, words joined by spaces.
func normName(s string, person bool) string { return strings.Join(nameWords(s, person), " ") }

// match strengths for one-to-one document-level matching.
const (
	noMatch = iota
	surnameMatch
	aliasMatch
	exactMatch
)

// personMatch reports how well the predicted name pred matches the gold
// person (name, aliases).
func personMatch(name string, aliases []string, pred string) int {
	p := nameWords(pred, true)
	if len(p) == 0 {
		return noMatch
	}
	if strings.Join(p, " ") == normName(name, true) {
		return exactMatch
	}
	for _, a := range aliases {
		if strings.Join(p, " ") == normName(a, true) {
			return aliasMatch
		}
	}
	for _, g := range append([]string{name}, aliases...) {
		if sameSurname(nameWords(g, true), p) {
			return surnameMatch
		}
	}
	return noMatch
}

// sameSurname reports whether two normalised names share the last word and
// have compatible first names: one side has none, or both start with the
// same letter.
func sameSurname(g, p []string) bool {
	if len(g) == 0 || len(p) == 0 || g[len(g)-1] != p[len(p)-1] {
		return false
	}
	if len(g) == 1 || len(p) == 1 {
		return true
	}
	gr, _ := utf8.DecodeRuneInString(g[0])
	pr, _ := utf8.DecodeRuneInString(p[0])
	return gr == pr
}

// orgMatch reports how well the predicted name pred matches the gold
// organisation or place (name, aliases), acronyms included.
func orgMatch(name string, aliases []string, pred string) int {
	p := normName(pred, false)
	if p == "" {
		return noMatch
	}
	if p == normName(name, false) {
		return exactMatch
	}
	for _, a := range aliases {
		if p == normName(a, false) {
			return aliasMatch
		}
	}
	pc := strings.ReplaceAll(p, " ", "")
	for _, g := range append([]string{name}, aliases...) {
		gw := nameWords(g, false)
		if a := acronym(gw); a != "" && a == pc {
			return aliasMatch
		}
		if a := acronym(strings.Fields(p)); a != "" && a == strings.Join(gw, "") {
			return aliasMatch
		}
	}
	return noMatch
}

// acronym returns the initials of the words of a multi-word name, skipping
// function words, or "" when there are fewer than two.
func acronym(ws []string) string {
	var b strings.Builder
	n := 0
	for _, w := range ws {
		if acronymStop[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// word is a run of letters and digits at text[start:end].
type word struct {
	start, end int
	key        string // lower case, diacritics folded
}

func splitWords(s string) []word {
	var ws []word
	start := -1
	var key strings.Builder
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
				key.Reset()
			}
			if f, ok := fold[r]; ok {
				r = f
			}
			key.WriteRune(unicode.ToLower(r))
			continue
		}
		if start >= 0 {
			ws = append(ws, word{start, i, key.String()})
			start = -1
		}
	}
	if start >= 0 {
		ws = append(ws, word{start, len(s), key.String()})
	}
	return ws
}

// nameSpan narrows the span text[start:end] to its name part: a leading
// "the" and, for people, leading titles cut off, and a trailing possessive
// trimmed. Invalid spans are returned unchanged.
func nameSpan(text string, start, end int, person bool) (int, int) {
	if start < 0 || end > len(text) || start >= end {
		return start, end
	}
	sub := text[start:end]
	ws := splitWords(sub)
	if len(ws) == 0 {
		return start, end
	}
	rest := stripLeading(ws, person, func(w word) string { return w.key })
	s := start + rest[0].start
	e := start + len(trimPossessive(sub))
	if e <= s {
		return start, end
	}
	return s, e
}
