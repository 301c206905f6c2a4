package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// reader reads the article text with light tokens: words and single
// punctuation runes, sentence bounds found without a model and, in
// cues.go, what a stretch of tokens is grammatically (passive, negated,
// past tense, a participle). It knows nothing of entities or quotations;
// every part of the finder reads through it.
type reader struct{ text string }

// tok is a word or a single punctuation rune in an attribution window.
type tok struct {
	s, e int
	word bool
}

// tokenize splits text[lo:hi] into words (letters, digits, inner hyphens)
// and punctuation; a possessive ’s or 's is its own word.
func (r reader) tokenize(lo, hi int) []tok {
	t := r.text
	out := make([]tok, 0, (hi-lo)/5+1) // about one token per five bytes of news prose
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(t[i:hi])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < hi {
				r2, n2 := utf8.DecodeRuneInString(t[j:hi])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '-' && j+n2 < hi {
					if r3, _ := utf8.DecodeRuneInString(t[j+n2 : hi]); isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, tok{i, j, true})
			i = j
		case (r == '\'' || r == '’') && i+n < hi && (t[i+n] == 's' || t[i+n] == 'S') && (i+n+1 >= hi || !isWordRune(rune(t[i+n+1]))):
			out = append(out, tok{i, i + n + 1, true}) // possessive
			i += n + 1
		default:
			out = append(out, tok{i, i + n, false})
			i += n
		}
	}
	return out
}

func (r reader) str(k tok) string { return r.text[k.s:k.e] }

func (r reader) lower(k tok) string { return strings.ToLower(r.text[k.s:k.e]) }

// previousSentenceEnd returns where the sentence before the one starting
// at sb ends, past its full stop, not before lo.
func (r reader) previousSentenceEnd(lo, sb int) int {
	end := sb
	for end > lo && isSpaceByte(r.text[end-1]) {
		end--
	}
	if end > lo {
		end-- // past the full stop
	}
	return end
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func containsWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		end := i + len(w)
		beforeOK := i == 0 || !isWordRune(rune(s[i-1]))
		afterOK := end >= len(s) || !isWordRune(rune(s[end]))
		if beforeOK && afterOK {
			return true
		}
		j := strings.Index(s[i+1:], w)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// isAdverb reports whether w looks like an adverb (reportedly); a
// capitalised word is a name (Seely, Kelly), not an adverb.
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "early" && !isCapitalised(w)
}

// commaBetween reports whether a comma stands in toks(a, b).
func (r reader) commaBetween(toks []tok, a, b int) bool {
	for n := a + 1; n < b; n++ {
		if r.str(toks[n]) == "," {
			return true
		}
	}
	return false
}

// sentenceBegin returns where the sentence holding i begins, not before lo.
func (r reader) sentenceBegin(lo, i int) int {
	t := r.text
	lo = max(lo, i-maxWindow)
	for j := i - 1; j > lo; j-- {
		if (t[j] == '.' || t[j] == '!' || t[j] == '?') && j+1 < i && isSpaceByte(t[j+1]) && !r.abbrevAt(j) {
			return j + 1
		}
	}
	return lo
}

// sentenceEnd returns the end of the sentence starting at a, not after hi.
func (r reader) sentenceEnd(a, hi int) int {
	t := r.text
	hi = min(hi, a+maxWindow)
	for j := a; j < hi; j++ {
		if (t[j] == '.' || t[j] == '!' || t[j] == '?') && (j+1 >= len(t) || isSpaceByte(t[j+1])) && !r.abbrevAt(j) {
			return j + 1
		}
	}
	return hi
}

// abbrevAt reports whether the full stop at j ends an abbreviation.
func (r reader) abbrevAt(j int) bool {
	if r.text[j] != '.' {
		return false
	}
	k := j
	for k > 0 && (isASCIILetter(r.text[k-1]) || r.text[k-1] == '.') {
		k--
	}
	w := r.text[k:j]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || abbrevs[strings.ToLower(w)]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// endOf returns the end of the last token of toks, or def when there is
// none.
func (r reader) endOf(toks []tok, def int) int {
	if len(toks) == 0 {
		return def
	}
	return toks[len(toks)-1].e
}
