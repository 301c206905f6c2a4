package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxProseWord is the longest run of non-space text, in bytes, that
// breakLongWords hands to prose as one word. prose's tokenizer peels a
// word's leading and trailing punctuation one character at a time and
// copies and rescans the rest of the word after every peel (a regexp, a
// lower-casing, a prepend), so a word of n quotation marks or brackets
// costs n² (8,000 marks on one line took 1.4 s, 64,000 about 90 s). News
// words, numbers and URLs are shorter: the longest in the Wikinews and
// PolNeAR dev texts is 60 bytes.
const maxProseWord = 64

// breakLongWords returns s with a space inserted after every maxProseWord
// bytes (at a rune boundary) of each longer run of non-space text, so that
// prose splits it into words of bounded length and tokenises it in linear
// time. s is returned as is when it has no such run. The inserted spaces
// do not reach the offsets: Tokens aligns prose's tokens with the
// original text, skipping whitespace.
func breakLongWords(s string) string {
	if !hasLongWord(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/maxProseWord + 1)
	run := 0 // bytes since the last space or inserted break
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			run = 0
		case run+n > maxProseWord:
			b.WriteByte(' ')
			run = n
		default:
			run += n
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// hasLongWord reports whether s has a run of non-space text longer than
// maxProseWord bytes.
func hasLongWord(s string) bool {
	run := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			run = 0
		} else if run += n; run > maxProseWord {
			return true
		}
		i += n
	}
	return false
}
