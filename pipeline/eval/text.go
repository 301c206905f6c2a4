package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isQuoteMark reports whether r is a quotation mark the quote locator
// ignores. Apostrophes are included: single quotation marks and
// apostrophes are the same characters, and dropping them on both sides
// keeps matching symmetric.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '″', '′', '「', '」', '『', '』':
		return true
	}
	return false
}

// view is a normalised copy of a text, without quotation marks and with
// every run of white space collapsed to one space, and the map from each
// byte of the copy back to the byte range of the original it came from.
type view struct {
	norm       string
	start, end []int // original [start[i], end[i]) of norm[i]
}

func newView(s string) view {
	var b strings.Builder
	var start, end []int
	space := false // last byte written is a space
	for i, r := range s {
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isQuoteMark(r):
			continue
		case unicode.IsSpace(r):
			if space {
				end[len(end)-1] = i + n
				continue
			}
			if b.Len() == 0 {
				continue // no leading space
			}
			b.WriteByte(' ')
			start = append(start, i)
			end = append(end, i+n)
			space = true
		default:
			b.WriteString(s[i : i+n])
			for range n {
				start = append(start, i)
				end = append(end, i+n)
			}
			space = false
		}
	}
	return view{norm: b.String(), start: start, end: end}
}

// normQuote is the normalised form of a gold quote, trimmed.
func normQuote(s string) string { return strings.TrimSpace(newView(s).norm) }

// orig maps the normalised span [a, b) back to the original text.
func (v view) orig(a, b int) (int, int) { return v.start[a], v.end[b-1] }

// wordBounded reports whether s[a:b] is a whole-word occurrence: no letter
// or digit joins it on a side where it starts or ends with one.
func wordBounded(s string, a, b int) bool {
	if a > 0 {
		first, _ := utf8.DecodeRuneInString(s[a:])
		prev, _ := utf8.DecodeLastRuneInString(s[:a])
		if isWordRune(first) && isWordRune(prev) {
			return false
		}
	}
	if b < len(s) {
		last, _ := utf8.DecodeLastRuneInString(s[:b])
		next, _ := utf8.DecodeRuneInString(s[b:])
		if isWordRune(last) && isWordRune(next) {
			return false
		}
	}
	return true
}

// findWords returns the start offsets of every whole-word occurrence of
// sub in s, in order. Occurrences do not overlap.
func findWords(s, sub string) []int {
	if sub == "" {
		return nil
	}
	var out []int
	for i := 0; i+len(sub) <= len(s); {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			break
		}
		a := i + j
		if wordBounded(s, a, a+len(sub)) {
			out = append(out, a)
			i = a + len(sub)
			continue
		}
		_, n := utf8.DecodeRuneInString(s[a:])
		i = a + n
	}
	return out
}

// Quote tiers of an occurrence of a gold quote, best first: enclosed by
// quotation marks on both sides, next to one, or neither.
const (
	tierEnclosed = iota
	tierQuoted
	tierBare
)

// quoteTier returns the tier of the occurrence text[a:b].
func quoteTier(text string, a, b int) int {
	before, after := markBefore(text, a), markAfter(text, b)
	switch {
	case before && after:
		return tierEnclosed
	case before || after:
		return tierQuoted
	}
	return tierBare
}

// markBefore reports whether a quotation mark precedes text[a:], past
// white space.
func markBefore(text string, a int) bool {
	for i := a; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isQuoteMark(r) {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= n
	}
	return false
}

// markAfter reports whether a quotation mark follows text[:b], past white
// space and sentence punctuation.
func markAfter(text string, b int) bool {
	for j := b; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isQuoteMark(r) {
			return true
		}
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:!?…", r) {
			return false
		}
		j += n
	}
	return false
}

// contextWidth is how many bytes of text around an item its context shows
// on each side (about 60 characters in all), and maxShown the longest item
// text shown in full.
const (
	contextWidth = 30
	maxShown     = 70
)

// excerpt returns the text around text[a:b] on one line, the item in
// brackets: "…said the [Met] had been…". Offsets are clamped.
func excerpt(text string, a, b int) string {
	a = max(0, min(a, len(text)))
	b = max(a, min(b, len(text)))
	lo := a - contextWidth
	hi := b + contextWidth
	var sb strings.Builder
	if lo <= 0 {
		lo = 0
	} else {
		lo = runeStart(text, lo)
		sb.WriteString("…")
	}
	if hi >= len(text) {
		hi = len(text)
	} else {
		hi = runeStart(text, hi)
	}
	sb.WriteString(oneLine(text[lo:a]))
	sb.WriteString("[")
	sb.WriteString(shorten(oneLine(text[a:b])))
	sb.WriteString("]")
	sb.WriteString(oneLine(text[b:hi]))
	if hi < len(text) {
		sb.WriteString("…")
	}
	return sb.String()
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// oneLine replaces each run of white space in s with one space, keeping
// leading and trailing ones (as a single space).
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// shorten cuts the middle out of strings longer than maxShown bytes.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	h := maxShown / 2
	return s[:runeStart(s, h)] + " … " + s[runeStart(s, len(s)-h):]
}
