package dates

import (
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Reading around a match: the words before and after it, numbers that a
// match would cut, and sentence and clause boundaries.

// numberBefore reports whether the match at i continues a number or sum
// ("1,000 4 March" is not a date start, nor "£4 May").
func numberBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	c := text[i-1]
	if c >= '0' && c <= '9' || c == '$' || c == '#' {
		return true
	}
	if (c == ',' || c == '.' || c == '/' || c == '-' || c == ':') && i >= 2 && text[i-2] >= '0' && text[i-2] <= '9' {
		return true
	}
	return strings.HasSuffix(text[:i], "£") || strings.HasSuffix(text[:i], "€")
}

// numberAfter reports whether a number continues past j ("2019,5", "2008/09").
func numberAfter(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	c := text[j]
	if c == '%' {
		return true
	}
	if (c == ',' || c == '.' || c == '/' || c == '-' || c == ':') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
		return true
	}
	return false
}

// prevWord returns the word ending just before i, skipping spaces only,
// and its start; "" when punctuation intervenes.
func prevWord(text string, i int) (string, int) {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isASCIIWordByte(text[k-1]) {
		k--
	}
	return text[k:j], k
}

// nextWord returns the word starting just after j, skipping spaces only.
func nextWord(text string, j int) string {
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && isASCIIWordByte(text[k]) {
		k++
	}
	return text[j:k]
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// sentenceStart reports whether position i opens a sentence or paragraph.
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"') {
		j--
	}
	if j == 0 {
		return true
	}
	switch text[j-1] {
	case '.', '!', '?', '\n', ':':
		return true
	}
	return strings.HasSuffix(text[:j], "“") || strings.HasSuffix(text[:j], "‘")
}

// clauseEnd reports whether text[i] ends a sentence for the tense scan:
// sentenceEndAt, except the full stop of an abbreviation before a name
// ("Roe vs. Wade", "Dr. Smith") or before a lower-case word ("Birmingham,
// Ala., killed", "Ala. killed").
func clauseEnd(text string, i int) bool {
	if !sentenceEndAt(text, i) {
		return false
	}
	if text[i] != '.' {
		return true
	}
	w, _ := prevWord(text, i)
	if nameAbbrevs(w) {
		return false
	}
	if i+2 < len(text) && text[i+1] == ' ' && text[i+2] >= 'a' && text[i+2] <= 'z' {
		return false
	}
	return true
}

// nameAbbrevs are abbreviations that a name follows.
var nameAbbrevs = nlp.Words("vs v Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Rev Prof Pres Atty").Fold()

// sentenceHas reports whether the sentence around [s,e) contains any of
// words (case-insensitively).
func sentenceHas(t string, s, e int, words ...string) bool {
	lo := max(0, s-200)
	if i := lastSentenceEnd(t[lo:s]); i >= 0 {
		lo += i + 1
	}
	hi := min(len(t), e+200)
	if i := firstSentenceEnd(t[e:hi]); i >= 0 {
		hi = e + i
	}
	seg := strings.ToLower(t[lo:hi])
	for _, w := range words {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}

// sentenceEndAt reports whether the punctuation at seg[i] ends a sentence:
// "!", "?" and a newline do; a full stop does unless a digit or letter
// follows it ("8.30am", "p.m.") or it closes an abbreviation of single
// letters ("p.m. Wednesday", "U.S. officials").
func sentenceEndAt(seg string, i int) bool {
	switch seg[i] {
	case '!', '?', '\n':
		return true
	case '.':
		if i+1 < len(seg) && (isAlnum(seg[i+1]) || seg[i+1] == ',' || seg[i+1] == ';') {
			return false // "8.30am", "Peoria, Ill., bank"
		}
		if i >= 2 && seg[i-2] == '.' && isAlnum(seg[i-1]) {
			return false
		}
		return true
	}
	return false
}

// lastSentenceEnd returns the index of the last sentence end in seg, or -1.
func lastSentenceEnd(seg string) int {
	for i := len(seg) - 1; i >= 0; i-- {
		if sentenceEndAt(seg, i) {
			return i
		}
	}
	return -1
}

// sentenceTail returns the part of seg after its last sentence end: the
// words of the sentence that seg, a window of text before a point, ends in.
func sentenceTail(seg string) string {
	return seg[lastSentenceEnd(seg)+1:]
}

// firstSentenceEnd returns the index of the first sentence end in seg, or -1.
func firstSentenceEnd(seg string) int {
	for i := range len(seg) {
		if sentenceEndAt(seg, i) {
			return i
		}
	}
	return -1
}
