// Package ner is Byline's named-entity sequence model: an averaged
// structured perceptron over BIO labels with Viterbi decoding, its
// features, its trainer and its compact file format. It knows nothing of
// prose or of byte offsets: callers give it sentences of tokens with
// part-of-speech tags and get a label per token back.
package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of a sentence: its text as written and its Penn
// Treebank part-of-speech tag.
type Token struct {
	Text string
	POS  string
}

// Sentence is a sentence's tokens in order.
type Sentence []Token

// feature template ids, hashed in front of each feature's value so that
// equal values of different templates differ.
const (
	fBias byte = iota + 1
	fWord
	fExact
	fShape
	fPrefix
	fSuffix
	fPOS
	fPOSPrev
	fPOSNext
	fPOSPair
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fShapePrev
	fShapeNext
	fShapePairPrev
	fShapePairNext
	fBigramPrev
	fBigramNext
	fFirst
	fHeadline
	fHeadlineWord
	fGaz
	fGazPrev
	fGazNext
	fDocCapMid
	fDocLower
	fDocFirst
	fDocCapShape
	fLength
	fPrevNameShape
	// Second stage (prediction aggregation): features of the first
	// stage's labels.
	fPrior
	fPriorPrev
	fPriorNext
	fPriorPair
	fAggType
	fAggMajor
	fAggMajorShape
	fAggNone
	fCtxPrev
	fCtxNext
)

// maxContexts bounds the other occurrences of a word whose neighbours
// become its context features.
const maxContexts = 8

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// feat hashes a template id and values into one feature key.
func feat(id byte, vals ...string) uint64 {
	h := hashByte(fnvOffset, id)
	for i, v := range vals {
		if i > 0 {
			h = hashByte(h, 0)
		}
		h = hashString(h, v)
	}
	return h
}

// shape maps a word to its character classes with repeats collapsed:
// "Darroch" -> "Xx", "BBC" -> "X", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d".
func shape(w string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// sentenceInfo is what the features need about one sentence.
type sentenceInfo struct {
	lower    []string
	shapes   []string
	headline bool // mostly upper-case words: capitals say little
	gaz      []string
}

// docInfo is what the features need about a whole document.
type docInfo struct {
	capMid   map[string]bool // lower-cased words written capitalised inside a sentence
	lower    map[string]bool // words written in lower case somewhere
	seen     map[string]int  // first sentence*1e4+token where the lower-cased word occurs
	sentence []sentenceInfo

	// For the second stage: the first stage's labels, and per lower-cased
	// word how often they put it in a name of each type (typeIndex).
	prior [][]int
	agg   map[string]*[nTypes]int

	// at lists where each capitalised lower-cased word occurs (sentence,
	// token), up to maxContexts+1 places, for context aggregation.
	at map[string][][2]int
}

// Entity types by index, for the second stage's counts.
var types = [...]string{"PER", "ORG", "LOC", "MISC"}

const nTypes = len(types)

// typeOf returns the index into types of a label index, or -1 for O.
func typeOf(label int) int {
	if label <= 0 {
		return -1
	}
	return (label - 1) / 2
}

func isHeadline(s Sentence) bool {
	words, upper := 0, 0
	for _, t := range s {
		hasLower, hasUpper := false, false
		for _, r := range t.Text {
			hasLower = hasLower || unicode.IsLower(r)
			hasUpper = hasUpper || unicode.IsUpper(r)
		}
		if !hasLower && !hasUpper {
			continue
		}
		words++
		if hasUpper && !hasLower {
			upper++
		}
	}
	return words >= 2 && upper*10 >= words*6
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// gazetteer tags each token with the word lists it belongs to: the start or
// inside of a place name of up to four words, a given name, an
// organisation head, an honorific or a title.
func gazetteer(s Sentence) []string {
	out := make([]string, len(s))
	for i := 0; i < len(s); i++ {
		w := s[i].Text
		if !capitalised(w) {
			continue
		}
		for n := min(4, len(s)-i); n >= 1; n-- {
			parts := make([]string, n)
			for k := range n {
				parts[k] = s[i+k].Text
			}
			key := strings.Join(parts, " ")
			if !Places[key] && !Places[titleCase(key)] {
				continue
			}
			out[i] += "L"
			for k := 1; k < n; k++ {
				out[i+k] += "l"
			}
			break
		}
		tw := titleCase(w)
		switch {
		case GivenNames[w] || GivenNames[tw]:
			out[i] += "G"
		case OrgHeads[w] || OrgHeads[tw]:
			out[i] += "O"
		case Honorifics[w] || Honorifics[tw]:
			out[i] += "H"
		case TitleHeads[w] || TitleHeads[tw]:
			out[i] += "T"
		}
	}
	return out
}

// titleCase turns "JAPAN" or "NEW YORK" into "Japan", "New York".
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-'
	}
	return b.String()
}

func analyse(doc []Sentence) *docInfo {
	d := &docInfo{capMid: map[string]bool{}, lower: map[string]bool{}, seen: map[string]int{},
		sentence: make([]sentenceInfo, len(doc)), at: map[string][][2]int{}}
	for si, s := range doc {
		info := sentenceInfo{lower: make([]string, len(s)), shapes: make([]string, len(s)),
			headline: isHeadline(s), gaz: gazetteer(s)}
		for i, t := range s {
			l := strings.ToLower(t.Text)
			info.lower[i] = l
			info.shapes[i] = shape(t.Text)
			if _, ok := d.seen[l]; !ok {
				d.seen[l] = si*10000 + i
			}
			if capitalised(t.Text) && len(d.at[l]) <= maxContexts {
				d.at[l] = append(d.at[l], [2]int{si, i})
			}
			if info.headline {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case unicode.IsLower(r):
				d.lower[l] = true
			case unicode.IsUpper(r) && i > 0 && !opensClause(s[i-1].Text):
				d.capMid[l] = true
			}
		}
		d.sentence[si] = info
	}
	return d
}

// aggregate records the first stage's labels of the document for the
// second stage's features: per sentence, and per lower-cased word how
// often they put it in a name of each type.
func (d *docInfo) aggregate(prior [][]int) {
	d.prior = prior
	d.agg = map[string]*[nTypes]int{}
	for si, info := range d.sentence {
		for i, l := range info.lower {
			c := d.agg[l]
			if c == nil {
				c = new([nTypes]int)
				d.agg[l] = c
			}
			if ty := typeOf(prior[si][i]); ty >= 0 {
				c[ty]++
			}
		}
	}
}

// opensClause reports whether a token lets the next word be capitalised
// for reasons other than being a name.
func opensClause(w string) bool {
	switch w {
	case `"`, "'", "``", "(", "-", "--", ":", "\u2013", "\u2014":
		return true
	}
	return false
}

// features returns the hashed features of every token of doc, sentence by
// sentence. prior, when not nil, is the first stage's labels for doc, from
// which the second stage's features are made.
func features(doc []Sentence, prior [][]int) [][][]uint64 {
	d := analyse(doc)
	out := baseFeatures(doc, d)
	if prior != nil {
		d.addPrior(out, prior)
	}
	return out
}

// addPrior appends the second stage's features, made from the first
// stage's labels prior, to the base features of every token.
func (d *docInfo) addPrior(feats [][][]uint64, prior [][]int) {
	d.aggregate(prior)
	for si, s := range feats {
		for i := range s {
			s[i] = priorFeatures(s[i], d, si, i, d.sentence[si].shapes[i])
		}
	}
}

// baseFeatures returns the features of every token of doc that do not
// depend on a first stage, sentence by sentence.
func baseFeatures(doc []Sentence, d *docInfo) [][][]uint64 {
	out := make([][][]uint64, len(doc))
	for si, s := range doc {
		info := d.sentence[si]
		out[si] = make([][]uint64, len(s))
		// One backing array per sentence, not one per token; a token with
		// more than its share grows its own.
		buf := make([]uint64, 48*len(s))
		for i := range s {
			out[si][i] = tokenFeatures(s, info, d, si, i, buf[48*i:48*i:48*(i+1)])
		}
		addLexicon(s, out[si])
	}
	return out
}

func tokenFeatures(s Sentence, info sentenceInfo, d *docInfo, si, i int, f []uint64) []uint64 {
	const none = "<s>"
	w, l, sh := s[i].Text, info.lower[i], info.shapes[i]
	at := func(k int, xs []string) string {
		if k < 0 || k >= len(xs) {
			return none
		}
		return xs[k]
	}
	pos := func(k int) string {
		if k < 0 || k >= len(s) {
			return none
		}
		return s[k].POS
	}
	f = append(f, feat(fBias), feat(fWord, l), feat(fExact, w), feat(fShape, sh),
		feat(fPOS, s[i].POS), feat(fPOSPrev, pos(i-1)), feat(fPOSNext, pos(i+1)),
		feat(fPOSPair, pos(i-1), s[i].POS),
		feat(fWordPrev, at(i-1, info.lower)), feat(fWordNext, at(i+1, info.lower)),
		feat(fWordPrev2, at(i-2, info.lower)), feat(fWordNext2, at(i+2, info.lower)),
		feat(fShapePrev, at(i-1, info.shapes)), feat(fShapeNext, at(i+1, info.shapes)),
		feat(fShapePairPrev, at(i-1, info.shapes), sh), feat(fShapePairNext, sh, at(i+1, info.shapes)),
		feat(fBigramPrev, at(i-1, info.lower), l), feat(fBigramNext, l, at(i+1, info.lower)),
	)
	n := 0
	for k := range l {
		if n++; n > 4 {
			break
		}
		f = append(f, feat(fPrefix, l[:k+utf8RuneLenAt(l, k)]))
	}
	n = 0
	for k := len(l); k > 0 && n < 4; n++ {
		_, size := utf8.DecodeLastRuneInString(l[:k])
		k -= size
		f = append(f, feat(fSuffix, l[k:]))
	}
	if i == 0 {
		f = append(f, feat(fFirst, sh))
	}
	if info.headline {
		f = append(f, feat(fHeadline, sh), feat(fHeadlineWord, l))
	}
	if g := info.gaz[i]; g != "" {
		f = append(f, feat(fGaz, g))
	}
	f = append(f, feat(fGazPrev, at(i-1, info.gaz)), feat(fGazNext, at(i+1, info.gaz)))
	if unicode.IsLetter(firstRune(w)) {
		cm, lo := d.capMid[l], d.lower[l]
		f = append(f, feat(fDocCapMid, boolStr(cm), boolStr(lo)),
			feat(fDocCapShape, sh, boolStr(cm), boolStr(lo), boolStr(info.headline)))
		if d.seen[l] == si*10000+i {
			f = append(f, feat(fDocFirst, sh))
		}
	}
	f = append(f, feat(fLength, lengthBucket(len(w))))
	// Context aggregation: the words around the same name elsewhere in
	// the document ("told Reuters" here, "Reuters reporter" there).
	if capitalised(w) {
		for _, p := range d.at[l] {
			if p[0] == si && p[1] == i {
				continue
			}
			o := d.sentence[p[0]].lower
			f = append(f, feat(fCtxPrev, at(p[1]-1, o)), feat(fCtxNext, at(p[1]+1, o)))
		}
	}
	return f
}

// priorFeatures adds the second stage's features: the first stage's label
// of the token and its neighbours, and how the first stage labelled the
// same word elsewhere in the document ("Barcelona" a club in one line, a
// city in another: the majority of the document settles it).
func priorFeatures(f []uint64, d *docInfo, si, i int, sh string) []uint64 {
	p := d.prior[si]
	lab := func(k int) string {
		if k < 0 || k >= len(p) {
			return "<s>"
		}
		return Labels[p[k]]
	}
	f = append(f, feat(fPrior, lab(i)), feat(fPriorPrev, lab(i-1)), feat(fPriorNext, lab(i+1)),
		feat(fPriorPair, lab(i-1), lab(i)))
	c := d.agg[d.sentence[si].lower[i]]
	if c == nil || !unicode.IsLetter(firstRune(d.sentence[si].lower[i])) {
		return f
	}
	own := typeOf(p[i])
	major, best, total := -1, 0, 0
	for ty, n := range c {
		if ty == own {
			n-- // the token's own label is fPrior's
		}
		if n > 0 {
			f = append(f, feat(fAggType, types[ty]))
			total += n
		}
		if n > best {
			major, best = ty, n
		}
	}
	if major < 0 {
		return append(f, feat(fAggNone, sh))
	}
	return append(f, feat(fAggMajor, types[major]), feat(fAggMajorShape, types[major], sh))
}

func utf8RuneLenAt(s string, k int) int {
	_, n := utf8.DecodeRuneInString(s[k:])
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func lengthBucket(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n <= 3:
		return "3"
	case n <= 6:
		return "6"
	}
	return "7"
}
