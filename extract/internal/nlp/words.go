package nlp

import "strings"

// WordSet is a set of words or phrases: the hand-written word lists of the
// extract packages (honorifics, verbs of saying, month names) are kept as
// WordSets, made by Words.
type WordSet map[string]bool

// Words makes a WordSet of list. Entries are separated by "|" and trimmed
// of white space, so that an entry may hold a space ("Burkina Faso|Cape
// Verde"); a list without "|" is split at white space instead ("monday
// tuesday"). Empty entries are dropped.
func Words(list string) WordSet {
	var entries []string
	if strings.Contains(list, "|") {
		entries = strings.Split(list, "|")
	} else {
		entries = strings.Fields(list)
	}
	s := make(WordSet, len(entries))
	for _, w := range entries {
		if w = strings.TrimSpace(w); w != "" {
			s[w] = true
		}
	}
	return s
}

// maxFoldLen is the longest word Fold's test looks up; longer words are
// not members.
const maxFoldLen = 12

// Fold returns a case-insensitive membership test for s, whose words must
// be lower case and at most 12 bytes long (longer ones are never matched).
// A word whose first letter or length no member has is rejected before
// hashing: with some fifty patterns tried at every word, the map lookups
// were a third of the date finder's time. The test is safe for concurrent
// use; s must not change after Fold.
func (s WordSet) Fold() func(string) bool {
	var first [256]bool
	minLen, maxLen := maxFoldLen, 0
	for w := range s {
		first[w[0]] = true
		if c := w[0]; 'a' <= c && c <= 'z' {
			first[c-'a'+'A'] = true
		}
		minLen, maxLen = min(minLen, len(w)), max(maxLen, len(w))
	}
	return func(w string) bool {
		if len(w) > maxFoldLen || len(w) < minLen || len(w) > maxLen || !first[w[0]] {
			return false
		}
		// Lower-case ASCII on the stack: strings.ToLower allocates for
		// every capitalised word, and this runs for every candidate.
		var buf [maxFoldLen]byte
		for i := range len(w) {
			c := w[i]
			if c >= 0x80 {
				return s[strings.ToLower(w)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return s[string(buf[:len(w)])]
	}
}

// IsWeekday reports whether w names a day of the week ("Monday",
// "tuesday"), in any case.
var IsWeekday = Words("monday tuesday wednesday thursday friday saturday sunday").Fold()
