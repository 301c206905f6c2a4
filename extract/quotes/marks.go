package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range.
type span struct{ start, end int }

// Mark classes: which way a quotation mark can face.
const (
	canOpen  = 1 << iota // may open a quotation
	canClose             // may close one
	strong               // unambiguous: a curly mark facing its usual way
	weak                 // a closing ’ after s that may be a plural possessive
)

// qmark is one quotation mark.
type qmark struct {
	pos, size int
	double    bool
	class     int
	para      int
}

// rawQuote is a paired quotation before attribution.
type rawQuote struct {
	open, close span // the marks; close is empty (start == end) when the paragraph ended it
	start, end  int  // the quoted words
	para        int  // paragraph of the opening mark
	lastPara    int  // paragraph of the end
	multi       bool // continued over paragraphs
	kind        string
	speaker     string
	spStart     int
	spEnd       int
	spPerson    bool // the speaker is a PERSON
}

// pairer finds the quotations of a text: it splits the text into
// paragraphs, classifies each quotation mark by the way it can face and
// pairs the marks into rawQuotes, without attributing them.
type pairer struct {
	reader
	paras []span
	raws  []rawQuote
}

// paragraphs splits text on blank lines.
func (pr *pairer) paragraphs() {
	t := pr.text
	i := 0
	for i < len(t) {
		for i < len(t) && (t[i] == '\n' || t[i] == '\r') {
			i++
		}
		if i >= len(t) {
			break
		}
		j := strings.Index(t[i:], "\n\n")
		end := len(t)
		if j >= 0 {
			end = i + j
		}
		pr.paras = append(pr.paras, span{i, end})
		i = end
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// runeBefore and runeAfter return the rune next to [s,e) within the
// paragraph p, or 0 at its edge.
func (pr *pairer) runeBefore(s int, p span) rune {
	if s <= p.start {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(pr.text[p.start:s])
	return r
}

func (pr *pairer) runeAfter(e int, p span) rune {
	if e >= p.end {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(pr.text[e:p.end])
	return r
}

func isOpenContext(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || strings.ContainsRune("([{—–-/“‘\"'«", r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// marks finds and classifies the quotation marks of paragraph pi.
func (pr *pairer) marks(pi int, out []qmark) []qmark {
	p := pr.paras[pi]
	t := pr.text
	for i := p.start; i < p.end; {
		c := t[i]
		size := 1
		var r rune
		if c < utf8.RuneSelf {
			if c != '"' && c != '\'' {
				i++
				continue
			}
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(t[i:p.end])
			if r != '“' && r != '”' && r != '„' && r != '‘' && r != '’' && r != '«' && r != '»' {
				i += size
				continue
			}
		}
		before, after := pr.runeBefore(i, p), pr.runeAfter(i+size, p)
		openSide := isOpenContext(before) && after != 0 && !unicode.IsSpace(after)
		closeSide := !isOpenContext(before) && (after == 0 || unicode.IsSpace(after) || unicode.IsPunct(after) || after == '—' || after == '–')
		m := qmark{pos: i, size: size, para: pi}
		switch r {
		case '“', '„', '«':
			m.double, m.class = true, canOpen|strong
			if closeSide {
				m.class = canClose // a “ used as a closer
			}
		case '”', '»':
			m.double, m.class = true, canClose|strong
			if openSide {
				m.class = canOpen // a ” used as an opener
			}
		case '"':
			m.double = true
			switch {
			case openSide:
				m.class = canOpen
			case closeSide:
				m.class = canClose
			case !unicode.IsSpace(after) && after != 0 && !isOpenContext(before):
				m.class = canOpen | canClose // glued on both sides: either
			}
		case '‘', '\'', '’':
			switch {
			case isWordRune(before) && isWordRune(after):
				// an apostrophe inside a word: can’t, Darroch’s
			case openSide && elision(t[i+size:p.end]):
				// ’90s, ’em, ’til, 'n'
			case openSide && (r == '‘' || r == '\''):
				m.class = canOpen
				if r == '‘' {
					m.class |= strong
				}
			case closeSide && r != '‘':
				m.class = canClose
				if (before == 's' || before == 'S') && after == ' ' && nextIsLower(t[i+size:p.end]) {
					m.class |= weak // the ministers’ views
				}
			}
		}
		if m.class != 0 {
			out = append(out, m)
		}
		i += size
	}
	return out
}

// elision reports whether rest, the text after a ’ at a word start, reads
// as an elided word rather than a quotation: ’90s, ’em, ’til, ’n’.
func elision(rest string) bool {
	if len(rest) >= 3 && isDigit(rest[0]) && isDigit(rest[1]) && (rest[2] == 's' || !isWordRune(rune(rest[2]))) {
		return true
	}
	for _, w := range []string{"em", "til", "tis", "twas", "n"} {
		if len(rest) > len(w) && strings.EqualFold(rest[:len(w)], w) && !isWordRune(rune(rest[len(w)])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func nextIsLower(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

// pair pairs marks into quotations: doubles first, then singles outside
// them; nested quotations are dropped in favour of the outer one.
func (pr *pairer) pair() {
	var doubles, singles []qmark
	for pi := range pr.paras {
		ms := pr.marks(pi, nil)
		for _, m := range ms {
			if m.double {
				doubles = append(doubles, m)
			} else {
				singles = append(singles, m)
			}
		}
	}
	pr.raws = pr.pairKind(doubles, pr.raws)
	pr.raws = pr.pairKind(singles, pr.raws)
	slices.SortFunc(pr.raws, func(a, b rawQuote) int {
		if c := cmp.Compare(a.open.start, b.open.start); c != 0 {
			return c
		}
		return cmp.Compare(b.close.end, a.close.end)
	})
	// Keep outer quotations; drop any that overlap one already kept.
	kept := pr.raws[:0]
	lastEnd := -1
	for _, q := range pr.raws {
		outer := max(q.close.end, q.end)
		if q.open.start < lastEnd {
			continue
		}
		kept = append(kept, q)
		lastEnd = outer
	}
	pr.raws = kept
}

// pairKind pairs one kind of mark (all double or all single), sorted by
// position, and appends the quotations to out.
func (pr *pairer) pairKind(ms []qmark, out []rawQuote) []rawQuote {
	// laterClose[i]: a later mark in the same paragraph can close the
	// quotation before any strong opener does.
	laterClose := make([]bool, len(ms))
	seen := false
	for i := len(ms) - 1; i >= 0; i-- {
		if i+1 < len(ms) && ms[i+1].para != ms[i].para {
			seen = false
		}
		laterClose[i] = seen
		if ms[i].class&canClose != 0 {
			seen = true
		} else if ms[i].class&strong != 0 {
			seen = false
		}
	}
	var open qmark
	isOpen, multi, cur := false, false, 0
	finish := func() {
		// An unclosed quotation ends with its paragraph if it opened the
		// paragraph, followed a colon, or had continued over paragraphs.
		op := pr.paras[open.para]
		head := strings.TrimRight(pr.text[op.start:open.pos], " ")
		if multi || head == "" || strings.HasSuffix(head, ":") {
			end := pr.paras[cur].end
			out = pr.emit(out, open, span{end, end}, cur, multi)
		}
		isOpen, multi = false, false
	}
	for i, m := range ms {
		if isOpen && m.para != cur {
			if m.para == cur+1 && m.pos == pr.paras[m.para].start && m.class&canOpen != 0 {
				multi, cur = true, m.para // the quotation continues
				continue
			}
			finish()
		}
		switch {
		case !isOpen:
			if m.class&canOpen != 0 {
				open, isOpen, multi, cur = m, true, false, m.para
			}
		case m.class&canClose != 0:
			if m.class&weak != 0 && laterClose[i] {
				continue // the ministers’ views: a later mark closes
			}
			out = pr.emit(out, open, span{m.pos, m.pos + m.size}, m.para, multi)
			isOpen, multi = false, false
		case m.class&strong != 0:
			// A fresh unambiguous opener: the earlier one was stray.
			open, multi, cur = m, false, m.para
		}
	}
	if isOpen {
		finish()
	}
	return out
}

// emit appends the quotation between opening mark o and closing mark c
// (empty at a paragraph end) when it holds at least two letters or digits.
func (pr *pairer) emit(out []rawQuote, o qmark, c span, endPara int, multi bool) []rawQuote {
	s, e := o.pos+o.size, c.start
	t := pr.text
	for s < e && isSpaceByte(t[s]) {
		s++
	}
	for e > s && (isSpaceByte(t[e-1]) || t[e-1] == ',') {
		e--
	}
	n := 0
	for _, r := range t[s:e] {
		if isWordRune(r) {
			n++
			if n >= 2 {
				break
			}
		}
	}
	if n < 2 {
		return out
	}
	return append(out, rawQuote{
		open: span{o.pos, o.pos + o.size}, close: c,
		start: s, end: e, para: o.para, lastPara: endPara, multi: multi,
	})
}

// insideQuote reports whether offset i lies in the words of one of
// raws, sorted by start.
func insideQuote(raws []rawQuote, i int) bool {
	k := sort.Search(len(raws), func(j int) bool { return raws[j].end > i })
	return k < len(raws) && raws[k].start <= i
}
