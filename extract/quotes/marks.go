package quotes

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/names"
)

// Find finds quotations in text, cleaned article text whose
// paragraphs are separated by "\n\n", and attributes them to speakers
// using ents, the document's PERSON, ORGANIZATION and PLACE mentions
// sorted by Start.
//
// Quotation marks may be curly (“…”), straight ("…") or single (‘…’), where
// ’ doubles as the apostrophe (Darroch’s, can’t, the ’90s, the ministers’
// cables); pairing happens within a paragraph, so a stray mark can spoil at
// most its own paragraph. A paragraph whose quotation is still open at its
// end continues into the next paragraph when that one opens with the same
// kind of mark, and the Quote then spans from the first quoted word to the
// last, the inner "\n\n“" included. An unclosed quotation that does not
// continue ends with its paragraph when it opened the paragraph or
// followed a colon, and is dropped otherwise. Quotes nested in another
// quote are part of the outer one. Quote.Text is text[Start:End]: the
// words inside the marks, without surrounding space or the comma that
// hands over to the attribution (“We tried,” she said).
//
// Speakers come from the sentence around the quote: "X said:", "X said,",
// "said X", "X told the BBC", "X added", "according to X", "— union leader
// X", an appositive ("Hugh Park, a former police chief, said"), a
// participle or coordinated verb ("X quit, saying “…”", "X called it “…”
// and wrote “…”": the sentence's subject), a pronoun ("she said", resolved
// by salience: the subjects of the nearest clauses first, then other
// people, skipping those whose gender, known from a title or first name,
// disagrees, never one the pronoun's own sentence addresses, "Speaking to
// Jo Lim, he said", and people in obliques, "the murder of Jo Lim", after
// the rest), the person heading a subject phrase whatever organisations
// its modifiers name ("Jo Lim of Dock University and contributor to the
// Herald wrote", "Jo Lim of the Centre (COR) said", "Jo Lim in relaying
// the news said"), the issuer of a document that "read" the words, or a
// role ("a Home Office spokesperson said", "the company
// said", "Police say": an ORGANIZATION whose name has the role word, the
// most named one when none came before; "the commissioner said": a PERSON
// the text gives that role, else, for a direct quote, the speaker of most
// recent quotes). A direct quote that opens its sentence with no
// attribution of its own takes the speaker of the sentence before it (its
// speech verb's subject, or the one person it names). Speaker is always an
// Entity.Canonical from ents, and
// SpeakerStart/SpeakerEnd span the name, pronoun or role noun it came
// through. A split quote (“We tried,” she said, “but it failed.”) yields two
// Quotes with the same speaker. A quoted paragraph with no attribution of
// its own inherits the speaker of the quote just before it when that quote
// is in the same or the previous paragraph.
//
// Kind is Direct for whole statements, Partial for fragments inside
// reported prose (described the plan as “inept”) and Indirect for
// reported speech without quotation marks (see FindQuotesWith). A Partial quote is
// attributed only to the subject of the speech or description verb that
// governs it; when there is none, Speaker is nil. That subject is the
// one who brands, never the one branded ("Lim hit back, branding Hale a
// ‘liar’"; "leading to Lim branding Hale a ‘snake’", with an untagged
// surname resolved to the one person who bears it); a participle with a
// subject of its own that names no one ("a memo branding her ‘disloyal’")
// gives nil, and a naming participle with no object ("a group called
// ‘Safe Harbour’", "a man described as ‘armed’") names, so gives nil. A
// sentence that opens with a role noun has it as its subject ("Officers
// warned …, warning that it ‘…’": the police force the text names; "The
// president said …": a person the text gives that role before the name,
// in an appositive or copula, or as head of its institution, "Lim’s White
// House", or else, for an office noun opening its sentence, the previous
// sentence's subject when the text gives that person no other role). A
// partial quote inside the clause a person reports ("Lim said he had been
// told Hale had called it ‘brave’") is that person's words; an
// organisation or newspaper relaying keeps the inner speaker.
//
// The result is sorted by Start and its spans do not overlap. Find
// runs in time linear in the length of text, is a pure function and is
// safe for concurrent use.
func Find(text string, ents []names.Entity) []Quote {
	return FindWith(text, ents, Options{Indirect: true})
}

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

type quoteFinder struct {
	text  string
	ents  []names.Entity
	paras []span
	raws  []rawQuote

	cur     int         // the quotation being attributed
	byStart map[int]int // entity index by Start
	byEnd   map[int]int // entity index by End
	gender  map[string]byte
	orgBest map[string]string // mostNamedOrg's answers by role word
	surname map[string]string // a person's last name (lower case) to its canonical name; "" when two people share it
	persons map[string][]int  // a person's first mentions (entity indexes) by canonical name
	roleOf  map[string]string // roleOfPerson's answers: a role the text gives the person, or ""
}

// paragraphs splits text on blank lines.
func (f *quoteFinder) paragraphs() {
	t := f.text
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
		f.paras = append(f.paras, span{i, end})
		i = end
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// runeBefore and runeAfter return the rune next to [s,e) within the
// paragraph p, or 0 at its edge.
func (f *quoteFinder) runeBefore(s int, p span) rune {
	if s <= p.start {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(f.text[p.start:s])
	return r
}

func (f *quoteFinder) runeAfter(e int, p span) rune {
	if e >= p.end {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(f.text[e:p.end])
	return r
}

func isOpenContext(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || strings.ContainsRune("([{—–-/“‘\"'«", r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// marks finds and classifies the quotation marks of paragraph pi.
func (f *quoteFinder) marks(pi int, out []qmark) []qmark {
	p := f.paras[pi]
	t := f.text
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
		before, after := f.runeBefore(i, p), f.runeAfter(i+size, p)
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
func (f *quoteFinder) pair() {
	var doubles, singles []qmark
	for pi := range f.paras {
		ms := f.marks(pi, nil)
		for _, m := range ms {
			if m.double {
				doubles = append(doubles, m)
			} else {
				singles = append(singles, m)
			}
		}
	}
	f.raws = f.pairKind(doubles, f.raws)
	f.raws = f.pairKind(singles, f.raws)
	slices.SortFunc(f.raws, func(a, b rawQuote) int {
		if c := cmp.Compare(a.open.start, b.open.start); c != 0 {
			return c
		}
		return cmp.Compare(b.close.end, a.close.end)
	})
	// Keep outer quotations; drop any that overlap one already kept.
	kept := f.raws[:0]
	lastEnd := -1
	for _, q := range f.raws {
		outer := max(q.close.end, q.end)
		if q.open.start < lastEnd {
			continue
		}
		kept = append(kept, q)
		lastEnd = outer
	}
	f.raws = kept
}

// pairKind pairs one kind of mark (all double or all single), sorted by
// position, and appends the quotations to out.
func (f *quoteFinder) pairKind(ms []qmark, out []rawQuote) []rawQuote {
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
		op := f.paras[open.para]
		head := strings.TrimRight(f.text[op.start:open.pos], " ")
		if multi || head == "" || strings.HasSuffix(head, ":") {
			end := f.paras[cur].end
			out = f.emit(out, open, span{end, end}, cur, multi)
		}
		isOpen, multi = false, false
	}
	for i, m := range ms {
		if isOpen && m.para != cur {
			if m.para == cur+1 && m.pos == f.paras[m.para].start && m.class&canOpen != 0 {
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
			out = f.emit(out, open, span{m.pos, m.pos + m.size}, m.para, multi)
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
func (f *quoteFinder) emit(out []rawQuote, o qmark, c span, endPara int, multi bool) []rawQuote {
	s, e := o.pos+o.size, c.start
	t := f.text
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
