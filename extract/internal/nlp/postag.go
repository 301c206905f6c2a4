package nlp

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	prose "github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// posTagger assigns the part-of-speech tags prose's averaged perceptron
// assigns, from the same weights, several times faster. prose scores each
// token by building a map of feature strings and adding, for every
// feature, a map of per-class weights into a map of scores: about 60% of
// Tag's time and most of its garbage (BenchmarkStage/tokens). posTagger
// keeps the weights in flat arrays indexed by feature, builds each feature
// key in one reused buffer and sums into an array, allocating nothing per
// token.
//
// It reproduces prose's rules in prose's order (hyphens, links and e-mail
// addresses, Penn Treebank placeholders, the tag dictionary, then the
// model) except emoticons: a sentence with a token that may be one is left
// to prose (see plain). Ties between classes, which prose breaks by map
// order (at random), go to the class listed first. A posTagger is
// read-only after newPOSTagger and safe for concurrent use.
type posTagger struct {
	classes []string
	tagMap  map[string]string // words with a fixed tag
	feature map[string]int32  // feature key -> index into start
	start   []int32           // weights of feature f: cls/wt[start[f]:start[f+1]]
	cls     []uint8
	wt      []float64
}

// maxPOSClasses bounds the number of classes a posTagger handles (prose
// has 45); a model with more is left to prose.
const maxPOSClasses = 64

// newPOSTagger copies the part-of-speech weights out of prose's model. prose
// does not export them, so they are read (never written) by reflection
// from prose v2's unexported fields; it returns nil, and tagging falls back
// to prose, if the model does not have the expected shape.
func newPOSTagger(m *prose.Model) *posTagger {
	if m == nil {
		return nil
	}
	ap := reflect.ValueOf(m).Elem().FieldByName("tagger")
	if !ap.IsValid() || ap.Kind() != reflect.Pointer || ap.IsNil() {
		return nil
	}
	ap = ap.Elem().FieldByName("model")
	if !ap.IsValid() || ap.Kind() != reflect.Pointer || ap.IsNil() {
		return nil
	}
	ap = ap.Elem()
	classes, tags, weights := ap.FieldByName("classes"), ap.FieldByName("tagMap"), ap.FieldByName("weights")
	if classes.Kind() != reflect.Slice || classes.Type().Elem().Kind() != reflect.String ||
		tags.Kind() != reflect.Map || tags.Type().Key().Kind() != reflect.String || tags.Type().Elem().Kind() != reflect.String ||
		weights.Kind() != reflect.Map || weights.Type().Key().Kind() != reflect.String ||
		weights.Type().Elem().Kind() != reflect.Map || weights.Type().Elem().Elem().Kind() != reflect.Float64 ||
		classes.Len() == 0 || classes.Len() > maxPOSClasses {
		return nil
	}
	p := &posTagger{tagMap: make(map[string]string, tags.Len()), feature: make(map[string]int32, weights.Len())}
	classIndex := map[string]uint8{}
	for i := range classes.Len() {
		c := classes.Index(i).String()
		p.classes = append(p.classes, c)
		classIndex[c] = uint8(i)
	}
	for it := tags.MapRange(); it.Next(); {
		p.tagMap[it.Key().String()] = it.Value().String()
	}
	p.start = make([]int32, 0, weights.Len()+1)
	for it := weights.MapRange(); it.Next(); {
		p.feature[it.Key().String()] = int32(len(p.start))
		p.start = append(p.start, int32(len(p.cls)))
		for w := it.Value().MapRange(); w.Next(); {
			c, ok := classIndex[w.Key().String()]
			if !ok {
				return nil
			}
			p.cls = append(p.cls, c)
			p.wt = append(p.wt, w.Value().Float())
		}
	}
	p.start = append(p.start, int32(len(p.cls)))
	return p
}

// plain reports whether posTagger tags every token of a sentence as prose
// would. prose tags its emoticons ":-)", "xD", "O.o", … SYM from a list it
// does not export; every one of them has one of these characters or is
// one of these words, so a sentence without them is safe.
func plain(toks []prose.Token) bool {
	for _, t := range toks {
		if len(t.Text) > 1 && strings.ContainsAny(t.Text, "()[]{}:;=_^|*/\\@`¬¯ಠ°□）︵┻━") {
			return false
		}
		switch t.Text {
		case "8D", "8-D", "O.o", "XDD", "xD", "xDD":
			return false
		}
	}
	return true
}

// placeholder matches the Penn Treebank's empty elements ("0", "*",
// "*T*-1"), which prose tags -NONE-.
var placeholder = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*-\d{1,3}|\*[A-Z]+\*-\d{1,3}|\*)$`)

// tag sets the Tag of every token of one sentence.
func (p *posTagger) tag(toks []prose.Token) {
	// ctx holds the normalised words with two markers either side.
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, t := range toks {
		ctx[i+2] = posNormalize(t.Text)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	var key []byte
	for i := range toks {
		w := toks[i].Text
		var tag string
		switch {
		case w == "-":
			tag = "-"
		case w != "" && (w[0] == '@' ||
			strings.IndexByte(w, '.') >= 0 && commonregex.LinkRegex.MatchString(w) ||
			strings.IndexByte(w, '@') >= 0 && commonregex.EmailRegex.MatchString(w)):
			tag = "NN"
		case (w == "0" || strings.HasPrefix(w, "*")) && placeholder.MatchString(w):
			tag = "-NONE-"
		case len(w) == 5 && w[0] == '-' && w[4] == '-' && isUpperASCII(w[1:4]):
			tag = w // -LRB-, -RRB-, …
		default:
			var ok bool
			if tag, ok = p.tagMap[w]; !ok {
				tag, key = p.predict(key, i+2, ctx, w, p1, p2)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

func isUpperASCII(s string) bool {
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// predict scores the features of the word at ctx[i] (whose text is w; p1
// and p2 are the two previous tags) and returns the best class. key is a
// reusable buffer, returned grown.
func (p *posTagger) predict(key []byte, i int, ctx []string, w, p1, p2 string) (string, []byte) {
	var scores [maxPOSClasses]float64
	var touched uint64 // classes some feature has a weight for: prose's candidates
	add := func(parts ...string) {
		key = key[:0]
		for j, s := range parts {
			if j > 0 {
				key = append(key, ' ')
			}
			key = append(key, s...)
		}
		f, ok := p.feature[string(key)]
		if !ok {
			return
		}
		for k := p.start[f]; k < p.start[f+1]; k++ {
			c := p.cls[k]
			scores[c] += p.wt[k]
			touched |= 1 << c
		}
	}
	suffix := func(s string) string { return s[len(s)-min(len(s), 3):] }
	add("bias")
	add("i suffix", suffix(w))
	// prose takes the first byte as a rune: "É" (0xC3 0x89) gives "Ã".
	add("i pref1", string(rune(w[0])))
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", suffix(ctx[i-1]))
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", suffix(ctx[i+1]))
	add("i+2 word", ctx[i+2])

	best, bestScore := "", 0.0
	for c := range p.classes {
		if touched&(1<<c) != 0 && (best == "" || scores[c] > bestScore) {
			best, bestScore = p.classes[c], scores[c]
		}
	}
	return best, key
}

// posNormalize is the word form prose's features use: hyphenated words,
// four-digit numbers and words starting with a digit are classes of their
// own; others are lower-cased.
func posNormalize(w string) string {
	switch {
	case w == "":
		return w
	case strings.Contains(w, "-") && w[0] != '-':
		return "!HYPHEN"
	case len(w) == 4 && isInt(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

// isInt reports whether strconv.Atoi accepts s.
func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// proseTokens tokenises one sentence with prose and tags it: with the
// posTagger when there is one and the sentence is plain, else with prose.
func (t *Tokenizer) proseTokens(sentence string) ([]prose.Token, error) {
	if t.pos != nil {
		doc, err := prose.NewDocument(sentence, prose.WithSegmentation(false), prose.WithTagging(false),
			prose.WithExtraction(false), prose.UsingModel(t.model))
		if err != nil {
			return nil, err
		}
		if toks := doc.Tokens(); plain(toks) {
			t.pos.tag(toks)
			return toks, nil
		}
	}
	doc, err := prose.NewDocument(sentence,
		prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(t.model))
	if err != nil {
		return nil, err
	}
	return doc.Tokens(), nil
}
