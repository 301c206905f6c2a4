package quotes

import (
	"slices"
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

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
		if _, named := f.sp.byStart[k.s]; named {
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
		if i, ok := f.sp.byEnd[k.e]; ok {
			return f.sp.entityFound(i)
		}
	}
	if strings.HasPrefix(w, "spokes") || w == "representative" {
		if j > 0 {
			// "a Home Office spokesperson said"
			if i, ok := f.sp.byEnd[toks[j-1].e]; ok && f.sp.ents[i].Type == names.Organization {
				return found{canonical(f.sp.ents[i]), k.s, k.e, false}
			}
		}
		// "a spokesman for the Met", "the Met's spokeswoman"
		for n := j + 1; n < len(toks) && n <= j+4; n++ {
			lw := f.lower(toks[n])
			if n == j+1 && lw != "for" && lw != "of" && lw != "at" {
				break
			}
			if i, ok := f.sp.byStart[toks[n].s]; ok {
				return f.sp.entityFound(i)
			}
		}
		if j >= 2 && f.lower(toks[j-1]) == "’s" || j >= 2 && f.lower(toks[j-1]) == "'s" {
			if i, ok := f.sp.byEnd[toks[j-2].e]; ok {
				return f.sp.entityFound(i)
			}
		}
	}
	if words, ok := orgRoles[w]; ok {
		if j > 0 && toks[j-1].word && isCapitalised(f.str(toks[j])) && isCapitalised(f.str(toks[j-1])) && f.lower(toks[j-1]) != "the" {
			return found{} // "Aam Aadmi Party": an untagged name, not a role
		}
		for i, n := f.sp.lastEntityBefore(k.s), 0; i >= 0 && n < maxEntityScan; i, n = i-1, n+1 {
			e := f.sp.ents[i]
			if e.Type != names.Organization || insideQuote(f.raws, e.Start) {
				continue // a name in someone's words is not the one the role means
			}
			if orgHasRole(canonical(e), words) {
				return found{canonical(e), k.s, k.e, false}
			}
		}
		// "Police now say …" before the force is named: the organisation
		// with that role named most often in the article.
		if best := f.roles.mostNamedOrg(w, words); best != "" {
			return found{best, k.s, k.e, false}
		}
		return found{}
	}
	if personRoles[w] {
		for i, n := f.sp.lastEntityBefore(k.s), 0; i >= 0 && n < maxEntityScan; i, n = i-1, n+1 {
			e := f.sp.ents[i]
			if e.Type == names.Person && !insideQuote(f.raws, e.Start) && f.hasRole(e, w) {
				return found{canonical(e), k.s, k.e, true}
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
	subs := f.pn.clauseSubjects(psb, pe)
	if len(subs) == 0 {
		return found{}
	}
	e := f.sp.ents[subs[len(subs)-1]]
	if e.Type != names.Person {
		return found{}
	}
	c := canonical(e)
	if r := f.roles.roleOfPerson(c); r != "" && r != w {
		return found{}
	}
	return found{c, k.s, k.e, true}
}

// roleBook answers, once per question so that attribution stays linear,
// which role the text gives a person and which organisation a role word
// stands for. It reads the text and the entity index; its memos fill as
// the finder asks.
type roleBook struct {
	reader
	sp      *speakers
	orgBest map[string]string // mostNamedOrg's answers by role word
	roleOf  map[string]string // roleOfPerson's answers: a role the text gives the person, or ""
}

// roleOfPerson returns a role the text gives person c in one of their
// first mentions (see hasRole), or "". It is computed once per person.
func (b *roleBook) roleOfPerson(c string) string {
	if r, ok := b.roleOf[c]; ok {
		return r
	}
	if b.roleOf == nil {
		b.roleOf = map[string]string{}
	}
	r := ""
	for _, i := range b.sp.persons[c] {
		for _, role := range sortedPersonRoles {
			if b.hasRole(b.sp.ents[i], role) {
				r = role
				break
			}
		}
		if r != "" {
			break
		}
	}
	b.roleOf[c] = r
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
func (r reader) definite(toks []tok, j int) bool {
	for n := j - 1; n >= 0 && n >= j-3; n-- {
		if !toks[n].word {
			return false
		}
		if w := r.lower(toks[n]); w == "the" {
			return true
		}
		if !isCapitalised(r.str(toks[n])) {
			return false
		}
	}
	return false
}

// mostNamedOrg returns the organisation with role word w (one of whose
// name words is in words) named most often in the document, or "". It is
// computed once per role word, so attribution stays linear.
func (b *roleBook) mostNamedOrg(w string, words []string) string {
	if words == nil {
		return ""
	}
	if best, ok := b.orgBest[w]; ok {
		return best
	}
	best, n := "", 0
	count := map[string]int{}
	for _, e := range b.sp.ents {
		if c := canonical(e); e.Type == names.Organization && orgHasRole(c, words) {
			count[c]++
			if count[c] > n || count[c] == n && c < best {
				best, n = c, count[c]
			}
		}
	}
	if b.orgBest == nil {
		b.orgBest = map[string]string{}
	}
	b.orgBest[w] = best
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
func (r reader) hasRole(e names.Entity, w string) bool {
	if containsWord(strings.ToLower(e.Text), w) {
		return true
	}
	full := r.text[max(0, e.Start-60):e.Start]
	before := full
	if i := strings.LastIndexAny(before, ".,;:!?()\n“”\""); i >= 0 {
		before = before[i+1:]
		if strings.TrimSpace(before) == "" && full[i] == ',' {
			seg := full[:i]
			if j := strings.LastIndexAny(seg, ".,;:!?()\n“”\""); j >= 0 {
				seg = seg[j+1:]
			}
			if r.rolePhrase(seg, w, true) {
				return true
			}
		}
	}
	if premodifies(before, w) {
		return true
	}
	after := r.text[e.End:min(len(r.text), e.End+80)]
	if headsInstitution(after, w) {
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
			return r.rolePhrase(after[len(cop):], w, false)
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

// headsInstitution reports whether after, the text right after a name,
// makes the name's holder the head of an institution of role w.
func headsInstitution(after, w string) bool {
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
func (r reader) rolePhrase(seg, w string, atEnd bool) bool {
	words := strings.Fields(seg)
	for i, x := range words {
		lx := strings.ToLower(strings.TrimRight(x, ".,;:"))
		if lx == w {
			return !atEnd || i == len(words)-1
		}
		if i >= 6 || i == 0 && (subordinators[lx] || prepositions[lx]) {
			return false
		}
		if !(subjectLead[lx] || strings.HasSuffix(lx, "’s") || strings.HasSuffix(lx, "'s") || isCapitalised(x) || descriptor(lx)) {
			return false
		}
	}
	return false
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
