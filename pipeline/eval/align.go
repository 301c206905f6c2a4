package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// aligner maps strings derived from a source text (a cleaned title, the
// cleaned text) back onto it. The derived strings come in source order;
// each is matched character by character, whitespace ignored, from where
// the previous one ended, and a character that does not match is looked
// up again further on, so that what cleaning dropped (a dateline, a
// byline) is skipped.
type aligner struct {
	src string
	pos int // the byte offset in src after the last matched character
}

func newAligner(src string) *aligner { return &aligner{src: src} }

// alignment maps byte offsets of one derived string to offsets of the
// source; -1 where there is none.
type alignment []int

// resyncLen is how many bytes of the derived string are looked up in the
// source when a character does not match where expected.
const resyncLen = 24

// align maps s onto the source from where the last call ended.
func (a *aligner) align(s string) alignment {
	m := make(alignment, len(s)+1)
	for i := range m {
		m[i] = -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		p := a.next()
		if p < 0 {
			break
		}
		if !strings.HasPrefix(a.src[p:], s[i:i+n]) {
			end := min(len(s), i+resyncLen)
			if nl := strings.IndexAny(s[i:end], "\n"); nl > 0 {
				end = i + nl
			}
			k := strings.Index(a.src[p:], s[i:end])
			if k < 0 {
				i += n
				continue
			}
			p += k
		}
		m[i] = p
		a.pos = p + n
		i += n
	}
	return m
}

// next returns the offset of the source's next non-space character, or -1.
func (a *aligner) next() int {
	for p := a.pos; p < len(a.src); {
		r, n := utf8.DecodeRuneInString(a.src[p:])
		if !unicode.IsSpace(r) {
			return p
		}
		p += n
	}
	return -1
}

// span maps the derived span [start, end) to the source, or -1, -1 when
// either end has no match.
func (m alignment) span(start, end int) (int, int) {
	if start < 0 || end <= start || end >= len(m) {
		return -1, -1
	}
	last := end - 1
	for last > start && m[last] < 0 {
		last-- // inside a multi-byte character
	}
	if m[start] < 0 || m[last] < 0 {
		return -1, -1
	}
	return m[start], m[last] + (end - last)
}
