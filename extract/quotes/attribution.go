package quotes

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/nlp"
	"github.com/bylinehq/byline/extract/names"
)

// Bounds that keep attribution linear in the length of the text.
const (
	maxWindow       = 400  // bytes searched around a quote for its attribution
	maxEntityScan   = 60   // entities looked back over to resolve a pronoun or role
	directVerbDist  = 8    // words allowed between a speech verb and a direct quote
	partialVerbDis  = 14   // words allowed between a verb and a partial quote
	pronounReach    = 1500 // bytes back a pronoun prefers a person of known, agreeing gender
	maxRoleMentions = 20   // a person's first mentions read for the roles the text gives them
	maxRoleLead     = 120  // bytes read at a sentence start for a role noun subject
)

// tok is a word or a single punctuation rune in an attribution window.
type tok struct {
	s, e int
	word bool
}

// tokenize splits text[lo:hi] into words (letters, digits, inner hyphens)
// and punctuation; a possessive ’s or 's is its own word.
func (f *quoteFinder) tokenize(lo, hi int) []tok {
	t := f.text
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

func (f *quoteFinder) str(k tok) string { return f.text[k.s:k.e] }

func (f *quoteFinder) lower(k tok) string { return strings.ToLower(f.text[k.s:k.e]) }

// speechVerbs introduce or follow a quotation. inverted marks those that
// also take their subject after them ("said Smith").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "tell": true,
	"added": true, "adds": true, "continued": true, "continues": true, "explained": true,
	"explains": true, "stated": true, "states": true, "insisted": true, "insists": true,
	"warned": true, "warns": true, "replied": true, "replies": true, "asked": true, "asks": true,
	"wrote": true, "writes": true, "tweeted": true, "tweets": true, "claimed": true, "claims": true,
	"argued": true, "argues": true, "noted": true, "notes": true, "commented": true,
	"announced": true, "announces": true, "declared": true, "declares": true, "admitted": true,
	"admits": true, "acknowledged": true, "confirmed": true, "confirms": true, "revealed": true,
	"reveals": true, "suggested": true, "suggests": true, "urged": true, "urges": true,
	"recalled": true, "recalls": true, "remarked": true, "concluded": true, "joked": true,
	"shouted": true, "responded": true, "answered": true, "reported": true, "reports": true,
	"according": true, "predicted": true, "promised": true, "vowed": true, "pledged": true,
	"estimated": true, "indicated": true, "stressed": true, "emphasised": true,
	"emphasized": true, "conceded": true, "boasted": true, "complained": true,
	"recounted": true, "recounts": true, "observed": true, "cautioned": true,
	"quipped": true, "quips": true, "retorted": true, "exclaimed": true, "mused": true,
	"countered": true, "lamented": true, "reiterated": true, "alleged": true, "alleges": true,
	"asserted": true, "asserts": true, "affirmed": true, "contended": true,
}

var invertedVerbs = map[string]bool{
	"said": true, "says": true, "added": true, "adds": true, "continued": true, "explained": true,
	"asked": true, "replied": true, "wrote": true, "insisted": true, "warned": true, "noted": true,
	"recalled": true, "remarked": true, "concluded": true, "stated": true, "declared": true,
	"tweeted": true, "according": true, "answered": true, "responded": true, "admitted": true,
	"recounted": true, "observed": true, "cautioned": true, "quipped": true, "retorted": true,
	"exclaimed": true, "mused": true, "countered": true, "lamented": true,
}

// describeVerbs frame a partial quotation: described the plan as “inept”.
var describeVerbs = map[string]bool{
	"described": true, "describes": true, "describing": true, "called": true, "calls": true,
	"calling": true, "branded": true, "brands": true, "branding": true, "denounced": true,
	"dubbed": true, "labelled": true, "labeled": true, "termed": true, "hailed": true,
	"slammed": true, "criticised": true, "criticized": true, "praised": true, "accused": true,
	"condemned": true, "characterised": true, "characterized": true, "deemed": true,
	// "talked of Lim's “…”", "spoke about “…”": the talk's topic in the
	// speaker's words.
	"talked": true, "talks": true, "spoke": true, "speaks": true,
	// "referred to the plan as “a mess”".
	"referred": true, "refers": true, "referring": true,
}

// fillers may stand between a subject and its verb: "Police now say",
// "Smith has also said".
var fillers = map[string]bool{
	"also": true, "now": true, "later": true, "then": true, "has": true, "have": true, "had": true,
	"was": true, "is": true, "previously": true, "further": true, "again": true, "once": true,
	"would": true, "will": true, "could": true, "did": true, "does": true, "do": true, "never": true,
	"always": true, "today": true, "yesterday": true, "earlier": true, "meanwhile": true,
	"simply": true, "just": true, "both": true, "all": true, "himself": true, "herself": true,
	"subsequently": true, "reportedly": true, "recently": true, "separately": true, "only": true,
	"had,": true, "has,": true, "still": true, "even": true, "too": true,
}

var pronounGender = map[string]byte{"he": 'm', "she": 'f'}

// participles introduce a quote whose speaker is the subject of the
// sentence: "Lim expressed regret, saying “…”".
var participles = nlp.Words(`speaking saying adding calling describing writing telling branding warning insisting explaining noting arguing claiming stating declaring labelling labeling dubbing`)

// notDescriptors end the descriptive words allowed between a quote and
// the name after it ("…,” Wynnum coach Jo Lim said); any of them means the
// clause is about something else.
var notDescriptors = nlp.Words(`while whereas but although though as when after before because since and or if that which who where whom whose in on at to from with by for of about into during`)

// orgRoles maps a role noun standing for an organisation to the words one
// of the document's ORGANIZATION names must contain; nil means any.
var orgRoles = map[string][]string{
	"police": {"police", "constabulary", "yard", "met", "gendarmerie"}, "government": {"government"},
	"ministry": {"ministry"}, "department": {"department"}, "council": {"council"},
	"court": {"court"}, "army": {"army"}, "military": {"military", "army", "defence", "defense", "forces"},
	"party": {"party"}, "union": {"union"}, "commission": {"commission"}, "agency": {"agency"},
	"committee": {"committee"}, "club": {"club", "fc"}, "university": {"university"},
	"officers": {"police", "constabulary", "yard", "met"}, "detectives": {"police", "constabulary", "yard", "met"},
	"hospital": {"hospital"}, "company": nil, "firm": nil, "group": nil, "airline": nil,
	"charity": nil, "bank": {"bank"}, "broadcaster": nil, "organisation": nil, "organization": nil,
	"regulator": nil, "manufacturer": nil, "retailer": nil, "carmaker": nil, "insurer": nil,
}

// personRoles are role nouns resolved to a PERSON the text gives that role
// ("Commissioner Cressida Dick", "Hugh Park, a former police chief").
var personRoles = map[string]bool{
	"president": true, "minister": true, "commissioner": true, "chief": true, "ambassador": true,
	"secretary": true, "chairman": true, "chairwoman": true, "director": true, "governor": true,
	"mayor": true, "senator": true, "judge": true, "leader": true, "manager": true, "coach": true,
	"chancellor": true, "prosecutor": true, "executive": true, "founder": true, "ceo": true,
	"boss": true, "premier": true, "lawyer": true, "attorney": true, "captain": true,
	"inspector": true, "superintendent": true, "detective": true, "sheriff": true,
	"professor": true, "author": true, "envoy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"headteacher": true, "principal": true, "mp": true, "congressman": true, "congresswoman": true,
	"king": true, "queen": true, "pope": true, "prince": true, "princess": true, "chair": true,
	// Occupations news introduces a person by ("Actress Jo Lim … The
	// actress recalled").
	"actor": true, "actress": true, "singer": true, "artist": true, "writer": true, "novelist": true,
	"producer": true, "designer": true, "scientist": true, "researcher": true,
	"economist": true, "analyst": true, "historian": true, "astronaut": true, "athlete": true,
	"player": true, "striker": true, "goalkeeper": true, "driver": true, "rapper": true, "comedian": true,
}

var maleTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "king": true, "prince": true, "mister": true, "father": true, "brother": true, "duke": true, "baron": true}
var femaleTitles = map[string]bool{"mrs": true, "ms": true, "miss": true, "dame": true, "lady": true, "queen": true, "princess": true, "madam": true, "baroness": true, "sister": true, "duchess": true}

// Common given names with a clear gender, used when no title says it.
var maleNames = nlp.Words(`aaron adam adrian ahmed alan albert alex alexander alexei ali andrew andy angus anthony antonio arthur barack ben benjamin bernie bill bob boris brian bruce carl carlos charles chris christopher colin craig dan daniel darren david dennis dmitry donald douglas ed edward emmanuel eric frank fred gary george gordon graham greg harry henry hugh ian ivan jack jacob james jamie jason jean jeff jeremy jim joe john jonathan jose joseph juan justin keir keith kevin kim kenneth larry lee liam luis mark martin matt matthew michael mike mohammed muhammad narendra neil nicholas nick nigel oliver omar patrick paul peter philip piers rafael ray richard rishi robert roger ronald ryan sam samuel scott sean sergei simon stephen steve steven stuart ted thomas tim timothy tom tony vladimir walter wayne william xi yevgeny yuri`)
var femaleNames = nlp.Words(`alexandria amanda amber amy ana andrea angela ann anna anne barbara betty caroline catherine charlotte cheryl christine claire cressida diana diane donna elizabeth ellen emily emma eva fiona hannah hillary helen isabel jacinda jane janet jennifer jessica jill joan julia julie karen kate katherine kathleen kamala laura linda lisa liz louise lucy margaret maria marie mary megan melania melissa michelle nancy natalie nicola nicole olivia patricia priti rachel rebecca ruth sandra sarah sharon sophie stephanie susan teresa theresa tulsi ursula valerie veronika victoria virginia`)

// indexEntities indexes ents by their offsets and guesses each person's
// gender from titles and given names.
func (f *quoteFinder) indexEntities() {
	f.byStart, f.byEnd, f.gender = map[int]int{}, map[int]int{}, map[string]byte{}
	f.surname, f.persons = map[string]string{}, map[string][]int{}
	valid := f.ents[:0:0]
	for _, e := range f.ents {
		if e.Start >= 0 && e.End > e.Start && e.End <= len(f.text) && f.canonical(e) != "" {
			valid = append(valid, e)
		}
	}
	sort.SliceStable(valid, func(i, j int) bool { return valid[i].Start < valid[j].Start })
	f.ents = valid
	titles := map[string]byte{}
	for i, e := range f.ents {
		if _, ok := f.byStart[e.Start]; !ok {
			f.byStart[e.Start] = i
		}
		f.byEnd[e.End] = i
		if e.Type != names.Person {
			continue
		}
		c := f.canonical(e)
		if len(f.persons[c]) < maxRoleMentions {
			f.persons[c] = append(f.persons[c], i)
		}
		if names := strings.Fields(c); len(names) > 1 {
			last := strings.ToLower(names[len(names)-1])
			if other, ok := f.surname[last]; ok && other != c {
				f.surname[last] = ""
			} else {
				f.surname[last] = c
			}
		}
		if g := titleGender(f.text[max(0, e.Start-10):e.Start], e.Text); g != 0 {
			titles[c] = g
		}
		if _, ok := f.gender[c]; !ok {
			first := strings.ToLower(strings.Fields(c)[0])
			switch {
			case maleNames[first]:
				f.gender[c] = 'm'
			case femaleNames[first]:
				f.gender[c] = 'f'
			}
		}
	}
	for c, g := range titles {
		f.gender[c] = g
	}
}

// titleGender reads a gender from a title just before a mention or at its
// start: "Mr Basu", "Dame Cressida Dick".
func titleGender(before, mention string) byte {
	words := strings.Fields(before)
	cands := []string{}
	if len(words) > 0 {
		cands = append(cands, words[len(words)-1])
	}
	if mw := strings.Fields(mention); len(mw) > 1 {
		cands = append(cands, mw[0])
	}
	for _, w := range cands {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case maleTitles[w]:
			return 'm'
		case femaleTitles[w]:
			return 'f'
		}
	}
	return 0
}

func (f *quoteFinder) canonical(e names.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return strings.TrimSpace(e.Text)
}

// found is an attribution: the speaker and the mention it came through.
type found struct {
	name   string
	s, e   int
	person bool
}

func (a found) ok() bool { return a.name != "" }

// anon reports whether a is an unnamed source ("officials said"): no
// name, but the span of the noun it came through. Reported speech only.
func (a found) anon() bool { return a.name == "" && a.e > a.s }

// insideQuote reports whether offset i lies in a quotation's words.
func (f *quoteFinder) insideQuote(i int) bool {
	k := sort.Search(len(f.raws), func(j int) bool { return f.raws[j].end > i })
	return k < len(f.raws) && f.raws[k].start <= i
}

// lastEntityBefore returns the index of the last entity ending at or
// before i, or -1.
func (f *quoteFinder) lastEntityBefore(i int) int {
	return sort.Search(len(f.ents), func(j int) bool { return f.ents[j].End > i }) - 1
}

// resolvePronoun finds the PERSON a pronoun of gender g refers to, by
// salience rather than recency: walking back sentence by sentence from the
// pronoun (at most pronounReach bytes), the subjects of each sentence's
// clauses come first (last clause first), then its other people, most
// recent first; the first whose gender agrees or is unknown wins. So in
// "Mr Trump said he had been told Sir Kim had praised him. “…,” he said"
// he is Trump, the subject, not Sir Kim, the last name. Names inside
// quotations are never candidates.
func (f *quoteFinder) resolvePronoun(k tok, g byte) found {
	lo := max(0, k.s-pronounReach)
	end := k.s
	for n := 0; end > lo && n < 12; n++ {
		sb := f.sentenceBegin(lo, end)
		if n > 0 && f.pronounOpens(sb, end, g) {
			// "She testified she was attacked by Jo Lim. She told …": the
			// earlier sentence's subject is the same pronoun, its names
			// are objects; the referent lies further back.
			end = f.previousSentenceEnd(lo, sb)
			continue
		}
		var cands []int
		for _, i := range f.clauseSubjects(sb, end) {
			if f.ents[i].Type == names.Person {
				cands = append(cands, i)
			}
		}
		// Then the others, most recent first, those in an oblique
		// ("the murder of journalist Jo Lim") after the rest, and never
		// one the pronoun's own sentence addresses ("Speaking to Jo Lim,
		// he said").
		var oblique []int
		for i := f.lastEntityBefore(end); i >= 0 && f.ents[i].Start >= sb; i-- {
			if f.ents[i].Type != names.Person || f.insideQuote(f.ents[i].Start) {
				continue
			}
			if f.governed(sb, f.ents[i].Start) {
				if n > 0 {
					oblique = append(oblique, i)
				}
				continue
			}
			cands = append(cands, i)
		}
		cands = append(cands, oblique...)
		for _, i := range cands {
			c := f.canonical(f.ents[i])
			if eg, known := f.gender[c]; !known || eg == g {
				return found{c, k.s, k.e, true}
			}
		}
		if sb >= end {
			break
		}
		end = f.previousSentenceEnd(lo, sb)
	}
	return found{}
}

// previousSentenceEnd returns where the sentence before the one starting
// at sb ends, past its full stop, not before lo.
func (f *quoteFinder) previousSentenceEnd(lo, sb int) int {
	end := sb
	for end > lo && isSpaceByte(f.text[end-1]) {
		end--
	}
	if end > lo {
		end-- // past the full stop
	}
	return end
}

// pronounOpens reports whether the sentence text[sb:end] has a pronoun of
// gender g as its subject: its first word, or the first after an opening
// phrase closed by a comma that names no one ("In court, she said …").
func (f *quoteFinder) pronounOpens(sb, end int, g byte) bool {
	toks := f.tokenize(sb, min(end, sb+80)) // eight words at most
	for j := 0; j < len(toks) && j < 8; j++ {
		if _, ok := f.byStart[toks[j].s]; ok {
			return false
		}
		if pg, ok := pronounGender[f.lower(toks[j])]; ok {
			return pg == g && (j == 0 || f.str(toks[j-1]) == ",")
		}
		if !toks[j].word && f.str(toks[j]) != "," {
			return false
		}
	}
	return false
}

// governed reports whether the mention starting at s, in the sentence
// starting at sb, is the object of a preposition or of a verb of
// addressing: in "Speaking to Jo Lim of the BBC, he said" or "Asked by
// Jo Lim, he said" he is not Jo Lim.
func (f *quoteFinder) governed(sb, s int) bool {
	toks := f.tokenize(max(sb, s-40), s)
	if len(toks) == 0 {
		return false
	}
	j := len(toks) - 1
	for n := 0; j > 0 && n < 3 && toks[j].word; n, j = n+1, j-1 {
		// "to Dr Jo Lim", "of journalist Jo Lim", "to BBC presenter Jo Lim"
		w := f.lower(toks[j])
		if _, named := f.byEnd[toks[j].e]; named || !(courtesyTitle(w) || isCapitalised(f.str(toks[j])) || f.descriptor(w) && !prepositions[w]) {
			break
		}
	}
	w := f.lower(toks[j])
	return toks[j].word && (prepositions[w] && w != "as" || w == "told" || w == "asked" || w == "interviewed" || w == "thanked")
}

// courtesyTitle reports whether lower-case w is a courtesy title.
func courtesyTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return maleTitles[w] || femaleTitles[w] || w == "dr" || w == "prof" || w == "professor"
}

// prepositions govern a following mention, which is then not a clause
// subject ("Speaking to Andrew Neil, Boris Johnson said").
var prepositions = nlp.Words(`to with by about from of for at against on in into like than after before over under between among towards toward during without including via as`)

// determiners may stand between a preposition and the name it governs.
var determiners = nlp.Words(`the a an his her their its our my your this that`)

// clauseStarters open a new clause whose subject may differ: "Duda said
// … while Brudziński wrote he had …".
var clauseStarters = nlp.Words(`while whereas but although though`)

// clauseSubjects returns the entity indexes of the subjects of the clauses
// in text[lo:hi], last clause first: the first mention of each clause that
// is outside quotations and not governed by a preposition ("according to
// X" counts as a subject).
func (f *quoteFinder) clauseSubjects(lo, hi int) []int {
	if hi-lo > maxWindow {
		lo = hi - maxWindow
	}
	toks := f.tokenize(lo, hi)
	var out []int
	open := true
	for j := 0; j < len(toks); j++ {
		k := toks[j]
		w := f.lower(k)
		if !k.word {
			if w == ";" || f.endsQuotedSentence(k.s) {
				open = true // a new sentence after “… geophysics.”
			}
			continue
		}
		if clauseStarters[w] {
			open = true
			continue
		}
		i, ok := f.byStart[k.s]
		if !ok || f.insideQuote(k.s) {
			continue
		}
		e := f.ents[i]
		for j+1 < len(toks) && toks[j+1].s < e.End {
			j++
		}
		if !open {
			continue
		}
		p := j - 1
		for p >= 0 && toks[p].s >= e.Start {
			p--
		}
		for n := 0; p >= 0 && n < 2 && determiners[f.lower(toks[p])]; n++ {
			p-- // "to her Twitter account", "on the BBC"
		}
		governed := p >= 0 && prepositions[f.lower(toks[p])] && (f.lower(toks[p]) != "to" || p == 0 || f.lower(toks[p-1]) != "according")
		if governed || e.Type == names.Place {
			continue
		}
		if h, n := f.namedHead(toks, j); h >= 0 {
			i, j = h, n // "Houthi military spokesperson Yahya Sarea": the name heads
		}
		out = append(out, i)
		open = false
	}
	slices.Reverse(out)
	return out
}

// endsQuotedSentence reports whether the closing quotation mark at i
// ends a quotation whose words end a sentence (“… for us all.”), so the
// text after it opens a new clause.
func (f *quoteFinder) endsQuotedSentence(i int) bool {
	k := sort.Search(len(f.raws), func(j int) bool { return f.raws[j].close.start >= i })
	if k >= len(f.raws) || f.raws[k].close.start != i || f.raws[k].end <= f.raws[k].start {
		return false
	}
	c := f.text[f.raws[k].end-1]
	return c == '.' || c == '!' || c == '?'
}

// sentenceSubject returns the subject of the first clause of the sentence
// that holds toks (a stretch of a sentence, maybe after a quotation), or
// nothing.
func (f *quoteFinder) sentenceSubject(toks []tok) found {
	if len(toks) == 0 {
		return found{}
	}
	pi := sort.Search(len(f.paras), func(j int) bool { return f.paras[j].end >= toks[0].s })
	lo := toks[0].s
	if pi < len(f.paras) {
		lo = f.sentenceBegin(f.paras[pi].start, toks[0].s)
	}
	if a, ok := f.roleSubject(lo, toks[len(toks)-1].e); ok {
		return a
	}
	subs := f.clauseSubjects(lo, toks[len(toks)-1].e)
	if len(subs) == 0 {
		return found{}
	}
	return f.entityFound(subs[len(subs)-1])
}

// roleSubject reads a role noun that opens the sentence at lo, before any
// name, as its subject: "Officers also warned …", "The president said …".
// ok is false when the sentence does not open with one ("The president of
// the club, Dan Rook, said" opens with a name's description); when it does,
// a is the role's referent or nothing, never a later mention, which would
// be an object ("Officers warned Dan Rook, saying …").
func (f *quoteFinder) roleSubject(lo, hi int) (a found, ok bool) {
	toks := f.tokenize(lo, min(hi, lo+maxRoleLead))
	for j := 0; j < len(toks) && j < 5; j++ {
		k := toks[j]
		if !k.word {
			return found{}, false
		}
		if _, named := f.byStart[k.s]; named {
			return found{}, false
		}
		w := f.lower(k)
		if _, org := orgRoles[w]; org || personRoles[w] {
			if j+1 >= len(toks) || !toks[j+1].word {
				return found{}, false // "The president, Dan Rook, said"
			}
			next := toks[j+1]
			if nw := f.lower(next); prepositions[nw] || isCapitalised(f.str(next)) || nw == "’s" || nw == "'s" {
				return found{}, false // "The president of the club", "Police Chief Jo Lim", "the company's"
			}
			return f.resolveRole(toks, j), true
		}
		if !(j == 0 && (w == "the" || w == "a" || w == "an") || subjectLead[w] || isCapitalised(f.str(k)) || w == "’s" || w == "'s") {
			return found{}, false
		}
	}
	return found{}, false
}

// resolveRole resolves role noun toks[j] to an organisation or person.
func (f *quoteFinder) resolveRole(toks []tok, j int) found {
	k := toks[j]
	w := f.lower(k)
	if w == "police" && j > 0 {
		// "Thames Valley Police said": the name itself, when tagged.
		if i, ok := f.byEnd[k.e]; ok {
			return f.entityFound(i)
		}
	}
	if strings.HasPrefix(w, "spokes") || w == "representative" {
		if j > 0 {
			// "a Home Office spokesperson said"
			if i, ok := f.byEnd[toks[j-1].e]; ok && f.ents[i].Type == names.Organization {
				return found{f.canonical(f.ents[i]), k.s, k.e, false}
			}
		}
		// "a spokesman for the Met", "the Met's spokeswoman"
		for n := j + 1; n < len(toks) && n <= j+4; n++ {
			lw := f.lower(toks[n])
			if n == j+1 && lw != "for" && lw != "of" && lw != "at" {
				break
			}
			if i, ok := f.byStart[toks[n].s]; ok {
				return f.entityFound(i)
			}
		}
		if j >= 2 && f.lower(toks[j-1]) == "’s" || j >= 2 && f.lower(toks[j-1]) == "'s" {
			if i, ok := f.byEnd[toks[j-2].e]; ok {
				return f.entityFound(i)
			}
		}
	}
	if words, ok := orgRoles[w]; ok {
		if j > 0 && toks[j-1].word && isCapitalised(f.str(toks[j])) && isCapitalised(f.str(toks[j-1])) && f.lower(toks[j-1]) != "the" {
			return found{} // "Aam Aadmi Party": an untagged name, not a role
		}
		for i, n := f.lastEntityBefore(k.s), 0; i >= 0 && n < maxEntityScan; i, n = i-1, n+1 {
			e := f.ents[i]
			if e.Type != names.Organization || f.insideQuote(e.Start) {
				continue // a name in someone's words is not the one the role means
			}
			if orgHasRole(f.canonical(e), words) {
				return found{f.canonical(e), k.s, k.e, false}
			}
		}
		// "Police now say …" before the force is named: the organisation
		// with that role named most often in the article.
		if best := f.mostNamedOrg(w, words); best != "" {
			return found{best, k.s, k.e, false}
		}
		return found{}
	}
	if personRoles[w] {
		for i, n := f.lastEntityBefore(k.s), 0; i >= 0 && n < maxEntityScan; i, n = i-1, n+1 {
			e := f.ents[i]
			if e.Type == names.Person && !f.insideQuote(e.Start) && f.hasRole(e, w) {
				return found{f.canonical(e), k.s, k.e, true}
			}
		}
		if a := f.previousSubjectRole(toks, j); a.ok() {
			return a
		}
		if f.definite(toks, j) && !strings.HasPrefix(w, "spokes") && f.cur < len(f.raws) && f.raws[f.cur].kind == Direct {
			return f.currentSpeaker(k)
		}
	}
	return found{}
}

// offices are roles held by one person at a time, which news refers to by
// the role alone after naming the holder: "Jo Lim praised the plan. The
// president said …".
var offices = nlp.Words(`president premier chancellor governor mayor king queen pope ambassador envoy commissioner`)

// previousSubjectRole resolves a definite office noun that opens its
// sentence ("The president said", "The British envoy told …") to the
// subject of the sentence before it, in the same or the previous
// paragraph, when that subject is a person the text gives no other role
// and that sentence does not use the role word itself ("Jo Lim met the
// president. The president said …" is not Jo Lim).
func (f *quoteFinder) previousSubjectRole(toks []tok, j int) found {
	k := toks[j]
	w := f.lower(k)
	if !offices[w] && !(w == "minister" && j > 0 && f.lower(toks[j-1]) == "prime") {
		return found{}
	}
	pi := sort.Search(len(f.paras), func(n int) bool { return f.paras[n].end >= k.s })
	if pi >= len(f.paras) || f.paras[pi].start > k.s {
		return found{}
	}
	sb := f.sentenceBegin(f.paras[pi].start, k.s)
	pre := f.tokenize(sb, k.s)
	if len(pre) == 0 || f.lower(pre[0]) != "the" {
		return found{}
	}
	for _, p := range pre[1:] {
		if !p.word || !isCapitalised(f.str(p)) && f.lower(p) != "prime" {
			return found{} // "The man who met the president"
		}
	}
	pe := sb
	for pe > 0 && isSpaceByte(f.text[pe-1]) {
		pe--
	}
	plo := f.paras[pi].start
	if pe <= plo {
		if pi == 0 {
			return found{}
		}
		plo = f.paras[pi-1].start
	}
	if pe <= plo {
		return found{}
	}
	psb := f.sentenceBegin(plo, pe-1)
	if containsWord(strings.ToLower(f.text[psb:pe]), w) {
		return found{}
	}
	subs := f.clauseSubjects(psb, pe)
	if len(subs) == 0 {
		return found{}
	}
	e := f.ents[subs[len(subs)-1]]
	if e.Type != names.Person {
		return found{}
	}
	c := f.canonical(e)
	if r := f.roleOfPerson(c); r != "" && r != w {
		return found{}
	}
	return found{c, k.s, k.e, true}
}

// roleOfPerson returns a role the text gives person c in one of their
// first mentions (see hasRole), or "". It is computed once per person.
func (f *quoteFinder) roleOfPerson(c string) string {
	if r, ok := f.roleOf[c]; ok {
		return r
	}
	if f.roleOf == nil {
		f.roleOf = map[string]string{}
	}
	r := ""
	for _, i := range f.persons[c] {
		for _, role := range sortedPersonRoles {
			if f.hasRole(f.ents[i], role) {
				r = role
				break
			}
		}
		if r != "" {
			break
		}
	}
	f.roleOf[c] = r
	return r
}

// sortedPersonRoles lists personRoles in a fixed order.
var sortedPersonRoles = func() []string {
	out := make([]string, 0, len(personRoles))
	for r := range personRoles {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}()

// definite reports whether role noun toks[j] is definite: "the
// commissioner", "The Wooster professor", "the Met Commissioner".
func (f *quoteFinder) definite(toks []tok, j int) bool {
	for n := j - 1; n >= 0 && n >= j-3; n-- {
		if !toks[n].word {
			return false
		}
		if w := f.lower(toks[n]); w == "the" {
			return true
		}
		if !isCapitalised(f.str(toks[n])) {
			return false
		}
	}
	return false
}

// mostNamedOrg returns the organisation with role word w (one of whose
// name words is in words) named most often in the document, or "". It is
// computed once per role word, so attribution stays linear.
func (f *quoteFinder) mostNamedOrg(w string, words []string) string {
	if words == nil {
		return ""
	}
	if best, ok := f.orgBest[w]; ok {
		return best
	}
	best, n := "", 0
	count := map[string]int{}
	for _, e := range f.ents {
		if c := f.canonical(e); e.Type == names.Organization && orgHasRole(c, words) {
			count[c]++
			if count[c] > n || count[c] == n && c < best {
				best, n = c, count[c]
			}
		}
	}
	if f.orgBest == nil {
		f.orgBest = map[string]string{}
	}
	f.orgBest[w] = best
	return best
}

// orgHasRole reports whether organisation name c has a word of words
// (nil: any organisation).
func orgHasRole(c string, words []string) bool {
	if words == nil {
		return true
	}
	c = strings.ToLower(c)
	for _, m := range words {
		if containsWord(c, m) {
			return true
		}
	}
	return false
}

// hasRole reports whether the text gives person e the role w right before
// the name ("Assistant Commissioner Neil Basu") or in an appositive after
// it ("Hugh Park, a former police chief,").
//
// It also reads the role from the mention itself ("President Dan Rook"),
// from a noun phrase ending in the role just before the name and a comma
// ("The club's president, Dan Rook,"), and from a copula after it ("Dan
// Rook is the club's president", "Dan Rook, who was president of the
// club", "Dan Rook became president").
func (f *quoteFinder) hasRole(e names.Entity, w string) bool {
	if containsWord(strings.ToLower(e.Text), w) {
		return true
	}
	full := f.text[max(0, e.Start-60):e.Start]
	before := full
	if i := strings.LastIndexAny(before, ".,;:!?()\n“”\""); i >= 0 {
		before = before[i+1:]
		if strings.TrimSpace(before) == "" && full[i] == ',' {
			seg := full[:i]
			if j := strings.LastIndexAny(seg, ".,;:!?()\n“”\""); j >= 0 {
				seg = seg[j+1:]
			}
			if f.rolePhrase(seg, w, true) {
				return true
			}
		}
	}
	if premodifies(before, w) {
		return true
	}
	after := f.text[e.End:min(len(f.text), e.End+80)]
	if f.headsInstitution(after, w) {
		return true
	}
	if strings.HasPrefix(after, ",") {
		after = after[1:]
		if i := strings.IndexAny(after, ".,;:!?()\n“”\""); i >= 0 {
			after = after[:i]
		}
		if containsWord(strings.ToLower(after), w) {
			return true
		}
		lw := strings.ToLower(after)
		if !strings.HasPrefix(lw, " who ") {
			return false
		}
		after = after[len(" who"):]
	} else if i := strings.IndexAny(after, ".,;:!?()\n“”\""); i >= 0 {
		after = after[:i]
	}
	for _, cop := range []string{" is ", " was ", " became ", " has been ", " had been ", " is now ", " was then "} {
		if strings.HasPrefix(strings.ToLower(after), cop) {
			return f.rolePhrase(after[len(cop):], w, false)
		}
	}
	return false
}

// premodifies reports whether role w is part of the title run that ends
// before (the text just before a name): "Assistant Commissioner ",
// "Britain’s US ambassador ", "president of the European Commission ".
// Only capitalised words and name connectors may stand between the role
// and the name, so "ambassador to Washington when a row broke out with "
// gives the role to no one.
func premodifies(before, w string) bool {
	words := strings.Fields(before)
	for i := len(words) - 1; i >= 0 && i >= len(words)-6; i-- {
		x := words[i]
		if strings.ToLower(strings.Trim(x, ".,;:")) == w {
			return true
		}
		if !isCapitalised(x) && !nameConnectors[x] {
			return false
		}
	}
	return false
}

// nameConnectors may stand inside a title run: "Secretary of State".
var nameConnectors = nlp.Words(`of the for and de du da di del la le von van der des al`)

// institutions map a role to the institutions its holder heads, as they
// follow the holder's name: "Dan Rook’s White House", "the Rook
// administration".
var institutions = map[string][]string{
	"president": {"’s white house", "'s white house", "’s administration", "'s administration", " administration", "’s presidency", "'s presidency"},
}

// headsInstitution reports whether after, the text right after a name,
// makes the name's holder the head of an institution of role w.
func (f *quoteFinder) headsInstitution(after, w string) bool {
	la := strings.ToLower(after)
	for _, inst := range institutions[w] {
		if strings.HasPrefix(la, inst) && (len(la) == len(inst) || !isWordRune(rune(la[len(inst)]))) {
			return true
		}
	}
	return false
}

// rolePhrase reports whether seg is a noun phrase headed by role w: w
// after at most six determiners, possessives, capitalised or descriptive
// words ("the club's", "its chief"), ending seg when atEnd is set
// ("After meeting the president" is not one).
func (f *quoteFinder) rolePhrase(seg, w string, atEnd bool) bool {
	words := strings.Fields(seg)
	for i, x := range words {
		lx := strings.ToLower(strings.TrimRight(x, ".,;:"))
		if lx == w {
			return !atEnd || i == len(words)-1
		}
		if i >= 6 || i == 0 && (subordinators[lx] || prepositions[lx]) {
			return false
		}
		if !(subjectLead[lx] || strings.HasSuffix(lx, "’s") || strings.HasSuffix(lx, "'s") || isCapitalised(x) || f.descriptor(lx)) {
			return false
		}
	}
	return false
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

func (f *quoteFinder) entityFound(i int) found {
	e := f.ents[i]
	return found{f.canonical(e), e.Start, e.End, e.Type == names.Person}
}

// mentionAt resolves the mention ending with word toks[j]: an entity, a
// pronoun (when pronouns is set) or a role noun.
func (f *quoteFinder) mentionEnding(toks []tok, j int, pronouns bool) found {
	k := toks[j]
	if !k.word {
		return found{}
	}
	if i, ok := f.byEnd[k.e]; ok {
		return f.entityFound(i)
	}
	if a := f.bareSurname(toks, j); a.ok() {
		return a
	}
	w := f.lower(k)
	if g, ok := pronounGender[w]; ok {
		if pronouns {
			return f.resolvePronoun(k, g)
		}
		return found{}
	}
	return f.resolveRole(toks, j)
}

// bareSurname resolves toks[j], a capitalised word the tagger did not tag,
// to the one person of the document whose last name it is: "leading to
// Lim branding" when Jo Lim is named elsewhere. It needs a title or no
// capitalised word before it ("Lim & Co" and "Port Lim" are not people).
func (f *quoteFinder) bareSurname(toks []tok, j int) found {
	k := toks[j]
	c := f.surname[f.lower(k)]
	if c == "" || !isCapitalised(f.str(k)) {
		return found{}
	}
	if j > 0 {
		p := toks[j-1]
		pw := f.lower(p)
		if !p.word && pw != "," || p.word && isCapitalised(f.str(p)) && !maleTitles[pw] && !femaleTitles[pw] && pw != "the" && f.sentenceBegin(0, p.s) != p.s {
			return found{}
		}
	}
	if j+1 < len(toks) && toks[j+1].word && isCapitalised(f.str(toks[j+1])) {
		return found{}
	}
	return found{c, k.s, k.e, true}
}

// subjectBefore finds the subject of the verb at toks[v]: the mention just
// before it, past fillers, an appositive or a relative "who".
func (f *quoteFinder) subjectBefore(toks []tok, v int) found {
	j := v - 1
	for j >= 0 && toks[j].word && (fillers[f.lower(toks[j])] || isAdverb(f.str(toks[j]))) {
		j--
	}
	if j < 0 {
		return found{}
	}
	if f.str(toks[j]) == ")" && j >= 3 && f.str(toks[j-2]) == "(" && toks[j-1].word {
		j -= 3 // "The Hurricane Centre (NHC) said"
		if j < 0 {
			return found{}
		}
	}
	if j > 0 && names.PostNominals[f.str(toks[j])] {
		if _, ok := f.byEnd[toks[j-1].e]; ok {
			j-- // "Judge Ann Hale QC said"
		}
	}
	if toks[j].word || f.str(toks[j]) == ")" {
		if w := f.lower(toks[j]); w == "who" || w == "which" {
			j--
			if j >= 0 && f.str(toks[j]) == "," {
				j--
			}
			if j < 0 {
				return found{}
			}
			return f.mentionEnding(toks, j, false)
		}
		var a found
		if toks[j].word {
			a = f.headOf(toks, j, f.mentionEnding(toks, j, true))
		}
		if h := f.phraseHead(toks, j); h.ok() && (!a.ok() || h.s < a.s) {
			return h
		}
		return a
	}
	if f.str(toks[j]) == "," {
		// An appositive: "Hugh Park, a former police chief, said".
		for k := j - 1; k >= 0 && k >= j-24; k-- {
			s := f.str(toks[k])
			if !toks[k].word && s != "," && s != "-" && s != "’s" && s != "." {
				return found{}
			}
			if s == "," {
				if k == 0 || k == j-1 {
					return found{}
				}
				// "Merkel's spokesperson, Steffen Seibert, said": the
				// appositive is itself the name.
				if i, ok := f.byEnd[toks[j-1].e]; ok && f.ents[i].Type == names.Person && f.titlesOnly(toks[k+1:j], f.ents[i].Start) {
					return f.entityFound(i) // also "…’s director, Dr. Wen Li, said"
				}
				if i, ok := f.byEnd[toks[j-1].e]; ok && f.ents[i].Type != names.Place && f.ents[i].Start == toks[k+1].s && f.descriptionOnly(toks[:k]) {
					return f.entityFound(i) // "One news site, Znak.com, claims": the name
				}
				m := k - 1
				for m > 0 && toks[m].word && fillers[f.lower(toks[m])] {
					m-- // "The ministry has, in a statement, called"
				}
				if a := f.headOf(toks, m, f.mentionEnding(toks, m, false)); a.ok() {
					return a
				}
				return found{}
			}
		}
	}
	return found{}
}

// headPreps join a person heading a subject phrase to its modifiers.
var headPreps = nlp.Words(`of at from with for in`)

// phraseHead finds the person heading the subject phrase that ends at
// toks[j], past modifiers that name others: in "Ann Hale of Dock
// University and contributor to the Herald said", "Jo Lim of the Centre
// for Ocean Research (COR) said" and "Jo Lim in relaying the news to
// parliament said" the speaker is the person the phrase opens with,
// followed by a preposition. The phrase holds no comma, verb of saying,
// auxiliary, pronoun or relative word, and the person must open its
// clause ("A friend of Jo Lim at the BBC said" is the friend's).
func (f *quoteFinder) phraseHead(toks []tok, j int) found {
	depth := 0
	for u := j; u >= 0 && u > j-18; u-- {
		k := toks[u]
		if !k.word {
			switch f.str(k) {
			case ")":
				depth++
				continue
			case "(":
				depth--
				if depth < 0 {
					return found{}
				}
				continue
			case ":", "-", "&", ".":
				if depth > 0 || u > 0 && u < j && isCapitalised(f.str(toks[u-1])) && isCapitalised(f.str(toks[u+1])) {
					continue // "Centre for Oceanography: Research and Education"
				}
			}
			if depth > 0 {
				continue
			}
			return found{}
		}
		if depth > 0 {
			continue
		}
		w := f.lower(k)
		if u+1 <= j && headPreps[f.lower(toks[u+1])] {
			if i, ok := f.byEnd[k.e]; ok && f.ents[i].Type == names.Person && f.subjectOpensClause(toks, u+1, f.ents[i].Start) {
				return f.entityFound(i)
			}
		}
		if speechVerbs[w] || describeVerbs[w] || finiteAux[w] || pronounGender[w] != 0 || w == "they" || w == "it" || w == "we" || w == "i" || w == "you" ||
			w != "and" && clauseBreakers[w] || w == "that" || w == "by" {
			return found{}
		}
	}
	return found{}
}

// descriptionOnly reports whether toks, a sentence's opening words
// before an appositive name, only describe it: "One news site", "The
// regional broadcaster" (at most five words, no name, verb or
// preposition).
func (f *quoteFinder) descriptionOnly(toks []tok) bool {
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	for n, k := range toks {
		w := f.lower(k)
		if _, named := f.byStart[k.s]; named || !k.word || !(subjectLead[w] || f.descriptor(w) || n == 0 && isCapitalised(f.str(k))) {
			return false
		}
	}
	return true
}

// titlesOnly reports whether the tokens of toks before offset s are only
// capitalised words and full stops (titles: "Dr.", "Sir"), at most three.
func (f *quoteFinder) titlesOnly(toks []tok, s int) bool {
	n := 0
	for _, k := range toks {
		if k.s >= s {
			return true
		}
		if n++; n > 4 || k.word && !isCapitalised(f.str(k)) || !k.word && f.str(k) != "." {
			return false
		}
	}
	return true
}

// headOf looks past a prepositional phrase to the noun it modifies: in
// "George Kimbrell of the Center for Food Safety said" or "The Aam Aadmi
// Party in Goa said" the speaker is the mention before "of" or "in". A
// place in such a phrase is never the speaker.
func (f *quoteFinder) headOf(toks []tok, j int, a found) found {
	if !a.ok() {
		return a
	}
	i := j
	for i > 0 && toks[i-1].s >= a.s {
		i--
	}
	if i > 0 && f.lower(toks[i-1]) == "the" {
		i--
	}
	if i < 2 {
		return a
	}
	switch f.lower(toks[i-1]) {
	case "of", "in", "from", "at", "for":
	default:
		return a
	}
	if e, ok := f.byEnd[toks[i-2].e]; ok {
		if f.ents[e].Type == names.Person && !f.subjectOpensClause(toks, i-1, f.ents[e].Start) {
			return found{} // "A friend of Jo Lim at the Herald said": the friend
		}
		return f.entityFound(e) // "Jo Lim of the Centre": an entity head
	}
	if head := f.mentionEnding(toks, i-2, false); head.ok() && !(a.person && head.person) {
		return head // a role head, but never instead of a named person
	}
	if e, ok := f.byEnd[toks[j].e]; ok && f.ents[e].Type == names.Place {
		return found{}
	}
	return a
}

// isAdverb reports whether w looks like an adverb (reportedly); a
// capitalised word is a name (Seely, Kelly), not an adverb.
func isAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "early" && !isCapitalised(w)
}

// subjectAfter finds an inverted subject: "said Smith", "said the
// company's spokesman", "according to the Met".
func (f *quoteFinder) subjectAfter(toks []tok, v int) found {
	start := v + 1
	if f.lower(toks[v]) == "according" {
		if start >= len(toks) || f.lower(toks[start]) != "to" {
			return found{}
		}
		start++
	}
	if f.lower(toks[v]) == "according" {
		// "according to a statement on Monday by Health Minister Jo Lim"
		for j := start; j < len(toks) && j <= start+8 && toks[j].word; j++ {
			if f.lower(toks[j]) == "by" {
				if a := f.subjectAfter(toks, j); a.ok() {
					return a
				}
				break
			}
		}
	}
	for j := start; j < len(toks) && j <= start+6; j++ {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.byStart[k.s]; ok {
			return f.entityFound(f.personInTitle(toks, j, i))
		}
		w := f.lower(k)
		if g, ok := pronounGender[w]; ok {
			if j == start {
				return f.resolvePronoun(k, g)
			}
			return found{}
		}
		if a := f.bareSurname(toks, j); a.ok() && (j+1 == len(toks) || !toks[j+1].word) {
			return a // "according to Lim."
		}
		if unicode.IsUpper([]rune(f.str(k))[0]) {
			continue // titles and names not tagged: "Deputy Minister"
		}
		if _, ok := orgRoles[w]; ok || personRoles[w] {
			if j+1 < len(toks) && toks[j+1].word && isCapitalised(f.str(toks[j+1])) {
				continue // "according to current president Emmerson Mnangagwa": the name follows
			}
			// "said the commissioner" or "said the company's chief, Jo Lim".
			if j+2 < len(toks) && f.str(toks[j+1]) == "," {
				if i, ok := f.byStart[toks[j+2].s]; ok {
					return f.entityFound(i)
				}
			}
			return f.resolveRole(toks, j)
		}
		if j+2 < len(toks) && f.str(toks[j+1]) == "," {
			// "said his father, Abdullah Kurdi"
			if i, ok := f.byStart[toks[j+2].s]; ok && f.ents[i].Type == names.Person {
				return f.entityFound(i)
			}
		}
		switch w {
		case "the", "a", "an", "its", "their", "his", "her", "former", "then", "’s", "'s":
			continue
		case "and":
			if j > start && j+1 < len(toks) && isCapitalised(f.str(toks[j+1])) {
				continue // "said study co-author and Research Fellow Jo Lim": two roles
			}
		}
		if notDescriptors[w] || speechVerbs[w] || pronounGender[w] != 0 {
			return found{}
		}
		// "said study co-author Karen Alley": descriptive words before
		// a name; they count only if a name follows.
	}
	return found{}
}

// personInTitle returns the PERSON a title-like organisation or place
// mention at toks[j] (entity i) leads to, or i: in "US Secretary of State
// Mike Pompeo" the speaker is the person, not the office.
func (f *quoteFinder) personInTitle(toks []tok, j, i int) int {
	if f.ents[i].Type == names.Person {
		return i
	}
	role := false
	for n := j + 1; n < len(toks) && n <= j+10; n++ {
		k := toks[n]
		if !k.word {
			if f.str(k) == "," && n > j+1 {
				// "University of Kent, Canterbury's chancellor, Jo Lim":
				// past commas only to a role the name is then given.
				continue
			}
			return i
		}
		if p, ok := f.byStart[k.s]; ok && f.ents[p].Type == names.Person {
			if !role && f.commaBetween(toks, j, n) {
				return i
			}
			return p
		}
		role = role || personRoles[f.lower(k)]
		if lw := f.lower(k); lw == "’s" || lw == "'s" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(f.str(k)); !unicode.IsUpper(r) && f.lower(k) != "of" && !personRoles[f.lower(k)] && (n > j+3 || !f.descriptor(f.lower(k))) {
			return i // "NASA administrator Jim Bridenstine" reaches the person
		}
	}
	return i
}

// commaBetween reports whether a comma stands in toks(a, b).
func (f *quoteFinder) commaBetween(toks []tok, a, b int) bool {
	for n := a + 1; n < b; n++ {
		if f.str(toks[n]) == "," {
			return true
		}
	}
	return false
}

// fromBefore attributes through the last speech verb before the quote in
// toks, at most dist words from the quote. describe admits description
// verbs too (for partial quotes).
func (f *quoteFinder) fromBefore(toks []tok, dist int, describe bool) found {
	words := 0
	for v := len(toks) - 1; v >= 0 && words <= dist; v-- {
		if !toks[v].word {
			continue
		}
		w := f.lower(toks[v])
		if participles[w] && v > 0 && f.str(toks[v-1]) == "," {
			// "Sanders thanked them, saying “…”": the sentence's subject.
			if a := f.sentenceSubject(toks[:v]); a.ok() {
				return a
			}
		}
		if (w == "read" || w == "reads" || w == "reading") && f.documentBefore(toks, v) {
			// "Acme released a statement which read, in part, “…”": the
			// one who issued the document.
			return f.sentenceSubject(toks[:v])
		}
		if speechVerbs[w] || describe && describeVerbs[w] {
			if w == "according" {
				return f.subjectAfter(toks, v)
			}
			if describe && v+1 < len(toks) && f.lower(toks[v+1]) == "by" {
				// "a pattern described by the Herald as “…”": the agent.
				if a := f.agentAfter(toks, v); a.ok() {
					return a
				}
			}
			if describe && f.namingParticiple(toks, v) {
				return found{} // "a programme called “Second Chance”": a name, no one's words
			}
			if f.passiveAt(toks, v) {
				return f.agentAfter(toks, v) // "he was told by Smith of “…”"
			}
			a := f.subjectBefore(toks, v)
			if !a.ok() && v > 0 && f.lower(toks[v-1]) == "and" {
				// "The Herald claimed that Jo Lim refused and called them
				// “idlers”": the subject of the clause the verb joins.
				a = f.reportedSubject(toks[:v-1])
			}
			if !a.ok() && (participles[w] && f.bareParticiple(toks, v) || v > 0 && f.lower(toks[v-1]) == "and") {
				// "…, days after branding him a “fool”" or "Lim called it
				// “sad” and wrote “…”": the sentence's subject. Not in
				// "a memo branding him a “fool”": the memo's words.
				a = f.sentenceSubject(toks[:v])
			}
			if describe {
				if o := f.outerReporter(toks, v, 0); o.ok() {
					return o
				}
			}
			return a
		}
		if v+1 < len(toks) && w == "to" && v > 0 && f.lower(toks[v-1]) == "according" {
			return f.subjectAfter(toks, v-1)
		}
		words++
	}
	return found{}
}

// reportedSubject returns the subject of the clause that toks end in when
// that clause follows a "that" ("… claimed that Jo Lim refused"), or
// nothing: without one the sentence's subject is the clause's.
func (f *quoteFinder) reportedSubject(toks []tok) found {
	for t := len(toks) - 1; t >= 0; t-- {
		if f.lower(toks[t]) != "that" || t+1 >= len(toks) {
			continue
		}
		subs := f.clauseSubjects(toks[t+1].s, toks[len(toks)-1].e)
		if len(subs) == 0 {
			return found{}
		}
		return f.entityFound(subs[len(subs)-1])
	}
	return found{}
}

// documents are written texts that "read" their words.
var documents = nlp.Words(`statement statements letter letters message note post tweet release notice sign banner placard card email`)

// documentBefore reports whether a document noun stands at most three
// words before the verb at toks[v] ("a statement which read", "a note
// reading").
func (f *quoteFinder) documentBefore(toks []tok, v int) bool {
	for u := v - 1; u >= 0 && u >= v-3 && toks[u].word; u-- {
		if documents[f.lower(toks[u])] {
			return true
		}
	}
	return false
}

// namingVerbs give a name when the quotation follows them directly.
var namingVerbs = nlp.Words(`called dubbed named nicknamed termed labelled labeled titled entitled branded described`)

// namingParticiple reports whether the verb at toks[v], the last word
// before the quotation or before an "as" that is, names something rather
// than reporting a judgement: "a programme called “Second Chance”", "a
// suspect described as “armed”". With no object between the verb and the
// quotation, the verb is a passive participle unless a fronted object
// ("which the Herald called “…”", "what Jo Lim described as “…”") stands
// before its subject.
func (f *quoteFinder) namingParticiple(toks []tok, v int) bool {
	w := f.lower(toks[v])
	if !namingVerbs[w] {
		return false
	}
	switch {
	case v == len(toks)-1:
	case v == len(toks)-2 && f.lower(toks[v+1]) == "as":
	default:
		return false
	}
	if w == "described" && v == len(toks)-1 {
		return false // "described “…”" takes no name
	}
	for u := v - 1; u >= 0 && u >= v-7; u-- {
		if !toks[u].word && f.str(toks[u]) != "’" && f.str(toks[u]) != "'" {
			return true
		}
		switch f.lower(toks[u]) {
		case "which", "what", "that", "whom":
			return false
		}
	}
	return true
}

// clauseBreakers end the reported clause an outer speech verb governs.
var clauseBreakers = nlp.Words(`while whereas but although though because if which who whom whose where when after before and or as unless until`)

// outerReporter finds the person who reports the clause holding the verb
// at toks[v]: in "Jo Lim said he had been told Ann Hale had called it a
// “farce”" the partial quote is Jo Lim's words, his account of what
// others said; Ann Hale's saying reaches the writer only through him. It
// walks back from the verb over at most a dozen words of one clause (no
// punctuation, no conjunction) to an active speech verb (passives such as
// "had been told" are passed over) whose subject is a person, and repeats
// from there for the outermost. A reporter that is an organisation, or a
// verb of publishing ("reported"), keeps the inner speaker: a newspaper
// or police relaying words is not their author.
func (f *quoteFinder) outerReporter(toks []tok, v, depth int) found {
	if depth > 2 {
		return found{}
	}
	for u, words := v-1, 0; u >= 0 && words < 12; u, words = u-1, words+1 {
		k := toks[u]
		if !k.word {
			return found{}
		}
		w := f.lower(k)
		if clauseBreakers[w] || f.insideQuote(k.s) {
			return found{}
		}
		if u == v-1 {
			continue // the inner verb's own subject
		}
		var o found
		switch {
		case speechVerbs[w] && w != "according" && w != "reported" && w != "reports":
			if f.passiveAt(toks, u) {
				continue // "he had been told …": the hearer
			}
			o = f.subjectBefore(toks, u)
		case participles[w] && f.bareParticiple(toks, u):
			o = f.sentenceSubject(toks[:u])
		default:
			continue
		}
		if !o.ok() || !o.person {
			return found{}
		}
		if outer := f.outerReporter(toks, u, depth+1); outer.ok() {
			return outer
		}
		return o
	}
	return found{}
}

// bareParticiple reports whether the participle at toks[v] has no subject
// of its own, so it shares the sentence's: it follows a comma, a
// conjunction or a preposition ("after branding"), not a noun ("a memo
// branding", "Lim branding").
func (f *quoteFinder) bareParticiple(toks []tok, v int) bool {
	if v == 0 {
		return true
	}
	p := toks[v-1]
	if !p.word {
		return f.str(p) != "’" && f.str(p) != "'"
	}
	w := f.lower(p)
	return prepositions[w] || subordinators[w] || clauseStarters[w] || fillers[w] || isAdverb(f.str(p)) || w == "and" || w == "or" || w == "then" || w == "when"
}

// passiveAt reports whether the verb at toks[v] is passive: "was told".
func (f *quoteFinder) passiveAt(toks []tok, v int) bool {
	for j := v - 1; j >= 0 && j >= v-3 && toks[j].word; j-- {
		switch w := f.lower(toks[j]); w {
		case "was", "were", "been", "being", "be", "is", "are", "get", "got":
			return true
		default:
			if !isAdverb(w) && w != "also" && w != "reportedly" {
				return false
			}
		}
	}
	return false
}

// agentAfter finds the agent of a passive verb: "told by Emergencies
// Minister Yevgeny Zinichev".
func (f *quoteFinder) agentAfter(toks []tok, v int) found {
	if v+1 < len(toks) && f.lower(toks[v+1]) == "by" {
		return f.subjectAfter(toks, v+1)
	}
	return found{}
}

// fromAfter attributes through a speech verb just after the quote:
// “…,” she said / said Smith / Smith told the BBC.
func (f *quoteFinder) fromAfter(toks []tok) found {
	if a := f.dashAttribution(toks); a.ok() {
		return a
	}
	words := 0
	for v := 0; v < len(toks) && words <= 12; v++ {
		if !toks[v].word {
			switch f.str(toks[v]) {
			case ",", "—", "–", "-":
				continue
			}
			return found{}
		}
		w := f.lower(toks[v])
		if speechVerbs[w] {
			if w != "according" {
				if a := f.subjectBefore(toks[:v], v); a.ok() && v > 0 && f.leadsTo(toks, a.s) {
					return a
				}
			}
			if invertedVerbs[w] && words == 0 {
				return f.subjectAfter(toks, v) // "…,” said Smith; not "…” and said the…"
			}
			return found{}
		}
		words++
	}
	return found{}
}

// dashAttribution reads a dash attribution after a quote: "“…” — union
// leader Jo Lim." The dash must come first, and only descriptive words may
// stand before the name, which must end the sentence or be followed by a
// comma.
func (f *quoteFinder) dashAttribution(toks []tok) found {
	if len(toks) < 2 || toks[0].word {
		return found{}
	}
	switch f.str(toks[0]) {
	case "—", "–", "-":
	default:
		return found{}
	}
	for j := 1; j < len(toks) && j <= 8; j++ {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.byStart[k.s]; ok && f.ents[i].Type != names.Place {
			e := f.ents[i]
			n := j + 1
			for n < len(toks) && toks[n].s < e.End {
				n++
			}
			if n == len(toks) || !toks[n].word {
				return f.entityFound(i)
			}
			return found{}
		}
		if w := f.lower(k); notDescriptors[w] || speechVerbs[w] || pronounGender[w] != 0 {
			return found{}
		}
	}
	return found{}
}

// leadsTo reports whether only punctuation and descriptive words (titles,
// roles: "Wynnum coach", "study co-author") come before offset s in toks:
// the attribution right after a quote is "…,” Interior Minister Jo Lim
// wrote", not "…” while Jo Lim wrote".
func (f *quoteFinder) leadsTo(toks []tok, s int) bool {
	for _, k := range toks {
		if k.s >= s {
			return true
		}
		if !k.word {
			continue
		}
		w := f.lower(k)
		if notDescriptors[w] || speechVerbs[w] || describeVerbs[w] {
			return false // "…” while Jo Lim wrote": another clause
		}
	}
	return true
}

// sentenceBegin returns where the sentence holding i begins, not before lo.
func (f *quoteFinder) sentenceBegin(lo, i int) int {
	t := f.text
	lo = max(lo, i-maxWindow)
	for j := i - 1; j > lo; j-- {
		if (t[j] == '.' || t[j] == '!' || t[j] == '?') && j+1 < i && isSpaceByte(t[j+1]) && !f.abbrevAt(j) {
			return j + 1
		}
	}
	return lo
}

// sentenceEnd returns the end of the sentence starting at a, not after hi.
func (f *quoteFinder) sentenceEnd(a, hi int) int {
	t := f.text
	hi = min(hi, a+maxWindow)
	for j := a; j < hi; j++ {
		if (t[j] == '.' || t[j] == '!' || t[j] == '?') && (j+1 >= len(t) || isSpaceByte(t[j+1])) && !f.abbrevAt(j) {
			return j + 1
		}
	}
	return hi
}

var abbrevs = nlp.Words(`mr mrs ms dr st jr sr gen sen rep gov lt col capt prof rev sgt insp no vs etc u.s`)

// abbrevAt reports whether the full stop at j ends an abbreviation.
func (f *quoteFinder) abbrevAt(j int) bool {
	if f.text[j] != '.' {
		return false
	}
	k := j
	for k > 0 && (isASCIILetter(f.text[k-1]) || f.text[k-1] == '.') {
		k--
	}
	w := f.text[k:j]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || abbrevs[strings.ToLower(w)]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// classify sets the kind of quotation i.
func (f *quoteFinder) classify(i int) {
	q := &f.raws[i]
	q.kind = Partial
	p := f.paras[q.para]
	before := strings.TrimRight(f.text[max(p.start, q.open.start-maxWindow):q.open.start], " \t")
	words := f.text[q.start:q.end]
	if len(words) >= 3 && words[0] == '[' && words[2] == ']' {
		words = "X" // "[W]e", "[o]ther": the source's sentence starts here
	}
	first, _ := utf8.DecodeRuneInString(words)
	upper := unicode.IsUpper(first)
	lastWord := ""
	if toks := f.tokenize(max(p.start, q.open.start-40), q.open.start); len(toks) > 0 && toks[len(toks)-1].word {
		lastWord = f.lower(toks[len(toks)-1])
	}
	prevClose := i > 0 && f.raws[i-1].lastPara == q.para
	switch {
	case q.multi, before == "", strings.HasSuffix(before, ":"):
		q.kind = Direct
	case strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?"):
		q.kind = Direct
	case upper && (strings.HasSuffix(before, ",") || speechVerbs[lastWord]):
		q.kind = Direct
	case strings.HasSuffix(before, ",") && prevClose && f.raws[i-1].kind == Direct && f.hasSpeechVerb(f.raws[i-1].close.end, q.open.start):
		q.kind = Direct // the second half of a split quote
	case prevClose && f.raws[i-1].kind == Direct && f.splitAttribution(f.raws[i-1], *q):
		q.kind = Direct // “We stand ready” tweeted Lim “to help.”
	case upper && strings.ContainsAny(f.text[q.end-1:q.end], ".!?") && strings.Count(f.text[q.start:q.end], " ") >= 2:
		q.kind = Direct // a whole sentence of three words or more
	}
}

// splitAttribution reports whether only a short attribution without
// punctuation ("tweeted Jo Lim", "she said") stands between quotation
// prev, which does not end a sentence, and q: one statement split in two.
func (f *quoteFinder) splitAttribution(prev, q rawQuote) bool {
	if c := f.text[prev.end-1]; c == '.' || c == '!' || c == '?' || q.open.start-prev.close.end > 80 {
		return false
	}
	toks := f.tokenize(prev.close.end, q.open.start)
	if len(toks) < 2 || len(toks) > 5 {
		return false
	}
	verb := false
	for _, k := range toks {
		if !k.word {
			return false
		}
		verb = verb || speechVerbs[f.lower(k)]
	}
	return verb
}

func (f *quoteFinder) hasSpeechVerb(lo, hi int) bool {
	if hi-lo > maxWindow {
		return false
	}
	for _, k := range f.tokenize(lo, hi) {
		if k.word && speechVerbs[f.lower(k)] {
			return true
		}
	}
	return false
}

// attribute finds the speaker of quotation i.
func (f *quoteFinder) attribute(i int) {
	q := &f.raws[i]
	f.cur = i
	p := f.paras[q.para]
	lo := p.start
	if i > 0 {
		lo = max(lo, f.raws[i-1].close.end, f.raws[i-1].end)
	}
	sb := f.sentenceBegin(lo, q.open.start)
	before := f.tokenize(sb, q.open.start)

	// Paragraph opening with the quote after an introduction ending in a
	// colon: "Mr Basu said:\n\n“…".
	if len(before) == 0 && q.para > 0 && (i == 0 || f.raws[i-1].lastPara < q.para-1 || f.raws[i-1].close.end < f.paras[q.para-1].end-1) {
		pp := f.paras[q.para-1]
		if strings.HasSuffix(strings.TrimRight(f.text[pp.start:pp.end], " "), ":") {
			plo := pp.start
			if i > 0 {
				plo = max(plo, f.raws[i-1].close.end)
			}
			if plo < pp.end {
				before = f.tokenize(f.sentenceBegin(plo, pp.end), pp.end)
			}
		}
	}

	var after []tok
	afterIntroducesNext := false
	if q.close.end > q.close.start {
		hi := f.paras[q.lastPara].end
		if i+1 < len(f.raws) {
			hi = min(hi, f.raws[i+1].open.start)
		}
		end := f.sentenceEnd(q.close.end, hi)
		after = f.tokenize(q.close.end, end)
		// After a quote that ends its sentence, a new sentence attributes
		// it only when that is all it does (“We won.” Jo Lim said.); not
		// in “…done.” She also said “…” or “…” He said this applied to….
		if last := f.text[q.end-1]; (last == '.' || last == '!' || last == '?') && len(after) > 0 && after[0].word {
			r, _ := utf8.DecodeRuneInString(f.str(after[0]))
			words := 0
			for _, k := range after {
				if k.word {
					words++
				}
			}
			if unicode.IsUpper(r) && (words > 5 || !strings.HasSuffix(strings.TrimSpace(f.text[q.close.end:end]), ".")) && !f.reportTail(after) {
				after = nil
			}
		}
		afterIntroducesNext = end == hi && i+1 < len(f.raws) && strings.HasSuffix(strings.TrimSpace(f.text[q.close.end:end]), ":")
	}
	colon := len(before) > 0 && f.str(before[len(before)-1]) == ":"

	var a found
	if q.kind == Direct {
		if colon {
			a = f.fromBefore(before, directVerbDist, false)
		}
		if !a.ok() && !afterIntroducesNext {
			a = f.fromAfter(after)
		}
		if !a.ok() && !colon {
			a = f.fromBefore(before, directVerbDist, false)
		}
		if !a.ok() && i > 0 {
			// A follow-on quotation inherits the previous speaker.
			prev := f.raws[i-1]
			if prev.kind == Direct && prev.speaker != "" && (prev.lastPara == q.para ||
				prev.lastPara == q.para-1 && q.open.start == p.start) {
				a = found{prev.speaker, prev.spStart, prev.spEnd, prev.spPerson}
			} else if prev.speaker != "" && prev.lastPara == q.para && !f.newVoice(prev.close.end, q.open.start) {
				// “…” and “…”, or a fragment then "During the talk, “…”":
				// the same paragraph goes on with the same voice.
				a = found{prev.speaker, prev.spStart, prev.spEnd, prev.spPerson}
			}
		}
		if !a.ok() {
			a = f.accordingOpening(p.start, q.open.start)
		}
		if !a.ok() && colon {
			// "Bolton gave his account, on Twitter: “…”": the subject.
			a = f.sentenceSubject(before)
		}
		if !a.ok() && len(before) == 0 && !f.hasSpeechVerb(q.close.end, f.endOf(after, q.close.end)) && !f.readsAfter(after) {
			// A quotation opening its sentence, the rest of which has no
			// verb of saying ("“…”, reads a statement" has one).
			a = f.fromPreviousSentence(q)
		}
	} else {
		a = f.fromBefore(before, partialVerbDis, true)
		if !a.ok() && !afterIntroducesNext {
			a = f.fromAfter(after)
		}
		if !a.ok() {
			a = f.reportedClause(before)
		}
		if !a.ok() {
			a = f.accordingOpening(p.start, q.open.start)
		}
		if !a.ok() && i > 0 && sb == lo && lo > p.start {
			// “inept” and “dysfunctional”, or "He said we need ‘more’, and
			// that … the ‘leaker’": a fragment in the same sentence as the
			// last one, with no other speaker or speech verb between.
			prev := f.raws[i-1]
			if prev.lastPara == q.para && prev.speaker != "" && (len(before) <= 3 && f.joined(before) || f.plain(before)) {
				a = found{prev.speaker, prev.spStart, prev.spEnd, true}
			}
		}
	}
	if !a.ok() {
		a = f.participleOpening(before, after)
	}
	if a.ok() {
		q.speaker, q.spStart, q.spEnd, q.spPerson = a.name, a.s, a.e, a.person
	}
}

// participleOpening reads a quotation inside a participle phrase that
// opens its sentence, the sentence's subject following right after the
// phrase: "Calling it “a stunt”, Jo Lim of the Greens told …". before and
// after are the words of the sentence around the quotation.
func (f *quoteFinder) participleOpening(before, after []tok) found {
	if len(before) == 0 || len(after) < 2 || f.str(after[0]) != "," {
		return found{}
	}
	if w := f.lower(before[0]); !participles[w] && !(strings.HasSuffix(w, "ing") && describeVerbs[w]) {
		return found{}
	}
	if !isCapitalised(f.str(before[0])) {
		return found{} // not the sentence's first word
	}
	for _, k := range before {
		if f.str(k) == "," {
			return found{} // the phrase ended before the quotation
		}
	}
	j := 1
	if f.lower(after[j]) == "the" && len(after) > 2 {
		j++
	}
	i, ok := f.byStart[after[j].s]
	if !ok || f.ents[i].Type == names.Place {
		return found{}
	}
	return f.entityFound(i)
}

// clauseStops end a reported clause when walking back from a quotation.
var clauseStops = nlp.Words(`while whereas but although though because which who whom whose where when unless until`)

// reportedClause finds who reports the "that" clause holding a partial
// quotation too far from its verb for fromBefore: "Jo Lim explained to
// the Herald that crews turn the radios off for safety reasons, such as
// “in areas where piracy is a risk”". The walk back from the quotation
// stays in one clause (no semicolon, colon, relative word or contrast).
func (f *quoteFinder) reportedClause(toks []tok) found {
	for u, n := len(toks)-1, 0; u > 0 && n < 40; u, n = u-1, n+1 {
		k := toks[u]
		w := f.lower(k)
		if !k.word {
			if w == ";" || w == ":" || w == "(" || w == ")" {
				return found{}
			}
			continue
		}
		if clauseStops[w] {
			return found{}
		}
		if !speechVerbs[w] || w == "according" {
			continue
		}
		for m := u + 1; m < len(toks) && m <= u+4 && toks[m].word; m++ {
			if f.lower(toks[m]) == "that" {
				a := f.subjectBefore(toks, u)
				if f.negatedAt(toks, u) || !a.person || f.subordinateAt(toks, u, a.s) {
					return found{}
				}
				return a
			}
		}
		return found{}
	}
	return found{}
}

// clauseOpeners open an adverbial clause before its subject.
var clauseOpeners = nlp.Words(`after before when whenever if unless although though as because since while whereas once until`)

// subordinateAt reports whether the subject mention at offset s of the
// verb at toks[v] follows a subordinator ("When Jo Lim said that …, the
// board …"): the reported clause then ends with the adverbial clause.
func (f *quoteFinder) subordinateAt(toks []tok, v, s int) bool {
	j := v - 1
	for j >= 0 && toks[j].s >= s {
		j--
	}
	for n := 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		w := f.lower(toks[j])
		if !toks[j].word {
			return false
		}
		if clauseOpeners[w] {
			return true
		}
		if !subjectLead[w] && !isCapitalised(f.str(toks[j])) && !personRoles[w] {
			return false
		}
	}
	return false
}

// reportTail reports whether toks, a sentence after a quotation, only
// attributes it: a subject, a verb of saying and adjuncts ("Jo Lim told
// the world on Thursday via Twitter."), with no clause of its own ("Jo Lim
// said the vote was lost." reports something else).
func (f *quoteFinder) reportTail(toks []tok) bool {
	if len(toks) > 16 || f.str(toks[len(toks)-1]) != "." {
		return false
	}
	v := -1
	for j, k := range toks {
		if j > 8 {
			return false
		}
		if k.word && speechVerbs[f.lower(k)] {
			v = j
			break
		}
	}
	if v < 1 {
		return false
	}
	a := f.subjectBefore(toks, v)
	if !a.ok() || !f.leadsTo(toks[:v], a.s) || toks[0].s != a.s && !f.subjectOpensClause(toks, v, a.s) {
		return false
	}
	j := v + 1
	if w := f.lower(toks[v]); w == "told" || w == "tells" {
		for n := 0; n < 3 && j < len(toks)-1 && toks[j].word && !prepositions[f.lower(toks[j])]; n++ {
			j++ // the one told: "the world", "reporters"
		}
	}
	if j < len(toks)-1 && !prepositions[f.lower(toks[j])] && !isAdverb(f.str(toks[j])) {
		return false
	}
	for _, k := range toks[j:] {
		w := f.lower(k)
		if w == "that" || finiteAux[w] || speechVerbs[w] || w == "," || clauseBreakers[w] {
			return false
		}
	}
	return true
}

// fromPreviousSentence attributes a direct quotation that opens its
// sentence and has no attribution of its own through the sentence before
// it, in its paragraph or at the end of the previous one, when that
// sentence has no quotation: its speech verb's subject ("In a statement,
// he urged them to come forward.\n\n“…”"), else the one person it names
// ("…, leaving Ingram unimpressed. “…”").
func (f *quoteFinder) fromPreviousSentence(q *rawQuote) found {
	end := q.open.start
	for end > 0 && isSpaceByte(f.text[end-1]) {
		end--
	}
	if end == 0 || q.para > 0 && end <= f.paras[q.para-1].start {
		return found{}
	}
	pi := q.para
	if end <= f.paras[pi].start {
		pi--
	}
	sb := f.sentenceBegin(f.paras[pi].start, end)
	if f.insideQuote(end-1) || f.cur > 0 && f.raws[f.cur-1].end > sb {
		return found{}
	}
	toks := f.tokenize(sb, end)
	if a := f.fromBefore(toks, len(toks), false); a.ok() {
		return a
	}
	if a := f.openingSubject(toks); a.ok() {
		return a
	}
	one := -1
	for _, k := range toks {
		i, ok := f.byStart[k.s]
		if !ok || f.ents[i].Type != names.Person {
			continue
		}
		if one >= 0 && f.canonical(f.ents[one]) != f.canonical(f.ents[i]) {
			return found{}
		}
		one = i
	}
	if one < 0 {
		return found{}
	}
	return f.entityFound(one)
}

// openingSubject returns the person who is the subject of the sentence
// toks when the sentence opens with them, after at most an introductory
// phrase closed by a comma and a few words of description: "Comic artist
// Jo Lim (…) told of …", "Unhappy with the role, she left …". A story
// that goes on with a quotation after such a sentence gives its subject's
// words.
func (f *quoteFinder) openingSubject(toks []tok) found {
	j := 0
	for n := 0; n < len(toks) && n < 10; n++ {
		if f.str(toks[n]) == "," {
			intro := true
			for _, k := range toks[:n] {
				if _, ok := f.byStart[k.s]; ok || !k.word {
					intro = false
					break
				}
			}
			if intro {
				j = n + 1
			}
			break
		}
	}
	for n := 0; j < len(toks) && n < 4; j, n = j+1, n+1 {
		k := toks[j]
		if !k.word {
			return found{}
		}
		if i, ok := f.byStart[k.s]; ok {
			if f.ents[i].Type != names.Person || f.insideQuote(k.s) {
				return found{}
			}
			return f.entityFound(i)
		}
		w := f.lower(k)
		if g, ok := pronounGender[w]; ok {
			if n > 0 {
				return found{}
			}
			return f.resolvePronoun(k, g)
		}
		if isCapitalised(f.str(k)) || personRoles[w] || w == "the" || roleNounWord(w) {
			continue // "Comic artist", "The actress", "Former coach"
		}
		return found{}
	}
	return found{}
}

// roleNounWord reports whether w, lowercase, names a person's occupation
// or standing ("artist", "actress"): a role word or an agent noun.
func roleNounWord(w string) bool {
	if names.RoleNouns[w] || personRoles[w] {
		return true
	}
	for _, suf := range []string{"ist", "er", "or", "ess", "ian", "ant", "ent"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// currentSpeaker returns the person who has spoken most of the quotations
// attributed so far in the last three paragraphs (the most recent at a
// tie), for a definite role noun the text never ties to a name: "Nick
// asked if …, the Met Commissioner replied “Undoubtedly.”"
func (f *quoteFinder) currentSpeaker(k tok) found {
	if f.cur >= len(f.raws) {
		return found{}
	}
	para := f.raws[f.cur].para
	count := map[string]int{}
	best, n := -1, 0
	for j := f.cur - 1; j >= 0 && j >= f.cur-maxEntityScan && f.raws[j].lastPara >= para-3; j-- {
		r := f.raws[j]
		if r.speaker == "" || !r.spPerson {
			continue
		}
		count[r.speaker]++
		if count[r.speaker] > n {
			best, n = j, count[r.speaker]
		}
	}
	if best < 0 {
		return found{}
	}
	return found{f.raws[best].speaker, k.s, k.e, true}
}

// plain reports whether toks name no one and hold no speech or
// description verb.
func (f *quoteFinder) plain(toks []tok) bool {
	for _, k := range toks {
		if _, ok := f.byStart[k.s]; ok {
			return false
		}
		w := f.lower(k)
		if speechVerbs[w] || describeVerbs[w] || participles[w] || pronounGender[w] != 0 {
			return false
		}
	}
	return true
}

// joined reports whether toks only join two fragments: "and", "or", "a".
func (f *quoteFinder) joined(toks []tok) bool {
	for _, k := range toks {
		switch f.lower(k) {
		case "and", "or", ",", "a", "an", "the", "as", "but", "even":
		default:
			return false
		}
	}
	return true
}

// newVoice reports whether text[lo:hi], between two quotations, may bring
// in another speaker: it names a person or organisation, uses a
// third-person pronoun or holds a verb of saying.
func (f *quoteFinder) newVoice(lo, hi int) bool {
	if hi-lo > maxWindow {
		return true
	}
	for _, k := range f.tokenize(lo, hi) {
		if _, ok := f.byStart[k.s]; ok {
			return true
		}
		w := f.lower(k)
		if speechVerbs[w] || describeVerbs[w] || participles[w] || pronounGender[w] != 0 || w == "they" || w == "it" {
			return true
		}
	}
	return false
}

// endOf returns the end of the last token of toks, or def when there is
// none.
func (f *quoteFinder) endOf(toks []tok, def int) int {
	if len(toks) == 0 {
		return def
	}
	return toks[len(toks)-1].e
}

// readsAfter reports whether toks use "read" as a verb of saying: "“…”,
// reads a press release".
func (f *quoteFinder) readsAfter(toks []tok) bool {
	for _, k := range toks {
		if w := f.lower(k); w == "read" || w == "reads" {
			return true
		}
	}
	return false
}

// accordingOpening returns the source of a sentence that opens with
// "According to X," when the quotation at i lies in it: the whole
// sentence is X's account ("According to him, the raid was carried out
// with the help of “friends inside”"). lo is where the paragraph starts.
func (f *quoteFinder) accordingOpening(lo, i int) found {
	sb := f.sentenceBegin(lo, i)
	w := sb
	for w < i && isSpaceByte(f.text[w]) {
		w++
	}
	if i-w < 13 || !strings.EqualFold(f.text[w:w+9], "according") {
		return found{} // the cheap test first: most sentences do not open so
	}
	toks := f.tokenize(sb, min(i, sb+maxWindow))
	if len(toks) < 3 || f.lower(toks[0]) != "according" || f.lower(toks[1]) != "to" {
		return found{}
	}
	if f.insideQuote(sb) {
		return found{}
	}
	comma := false
	for _, k := range toks[2:] {
		switch f.str(k) {
		case ",":
			comma = true
		case ";", ":":
			return found{} // a new clause: "According to X, …; “…”"
		}
	}
	if !comma {
		return found{}
	}
	switch f.lower(toks[2]) {
	case "him":
		return f.resolvePronoun(toks[2], 'm')
	case "her":
		if f.str(toks[3]) == "," {
			return f.resolvePronoun(toks[2], 'f')
		}
	}
	return f.subjectAfter(toks, 0)
}

// namedHead returns the PERSON mention that a mention ending at toks[j]
// only modifies, through lowercase words holding a role noun ("Acme
// chief executive Jo Lim", "Houthi military spokesperson Yahya Sarea"),
// and the index of its last token; or -1.
func (f *quoteFinder) namedHead(toks []tok, j int) (int, int) {
	role := false
	for n := j + 1; n < len(toks) && n <= j+4; n++ {
		k := toks[n]
		if !k.word {
			return -1, 0
		}
		if i, ok := f.byStart[k.s]; ok {
			if !role || f.ents[i].Type != names.Person {
				return -1, 0
			}
			m := n
			for m+1 < len(toks) && toks[m+1].s < f.ents[i].End {
				m++
			}
			return i, m
		}
		w := f.lower(k)
		if isCapitalised(f.str(k)) {
			return -1, 0
		}
		role = role || personRoles[w] || names.RoleNouns[w]
	}
	return -1, 0
}
