package dates

import (
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Vague references: words that place something in the present, past or
// future without a date (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF). They
// have no Begin or Through (bounds knows no calendar interval for them),
// so they never index as mentioned dates; they are found so that a reader
// of the record sees when a statement holds, and for TimeML scoring.
//
// Which words count is decided from TimeBank 1.2 (183 documents), counting
// each use of a word inside and outside a TIMEX3, and split by syntax
// where the annotation is consistent by context. A word is found when it
// is annotated in most of its uses:
//
//	word (use)                         annotated / not   decision
//	now                                46 / 14          found (references); 7 of the 14
//	                                                     are in one document that annotates none
//	currently                          10 / 6           found (references)
//	recently                           13 / 4           found (references)
//	current (adjective, alone)          8 / 7           not found: a coin toss in
//	                                                     TimeBank, and Byline's own gold
//	                                                     (Wikinews) never annotates it
//	  "then current"                    1 / 0           PAST_REF
//	soon (adverb)                       4 / 2           found: FUTURE_REF
//	  "as soon as" (conjunction)        0 / 2           not found
//	  "soon after"                      0 / 2           not found
//	  "as soon as possible"             1 / 0           FUTURE_REF
//	these days                          1 / 0           PRESENT_REF
//	in past years                       1 / 0           PAST_REF
//	in years ("first time in years")    1 / 0           PXY, a duration
//	recent (adjective, alone)           6 / 7           not found
//	future (adjective, alone)           2 / 10          not found
//	the foreseeable future              0 / 2           not found
//	the future of X (a noun: prospects) 0 / 1           not found
//	previously                          3 / 16          not found
//	earlier (adjective or adverb alone) 1 / 6           not found
//	once (formerly)                     1 / 6           not found
//	already                             2 / 29          not found
//	yet                                 1 / 15          not found
//
// "today" and "tomorrow" used generically ("in today's world", "the people
// of tomorrow", "Easter Island is today a barren place") are not the
// publication day or the day after; TimeBank leaves the two such uses of
// "today's" and the one of "of tomorrow" unannotated and annotates one
// generic "today" as PRESENT_REF, as Byline's own guidelines do
// (corpus/README.md). They become PRESENT_REF and FUTURE_REF here, so that
// they are not indexed as the publication day.

var (
	// thenCurrentRe finds "then current" / "then-current".
	thenCurrentRe = newPattern(`\b[Tt]hen[ -]current\b`, nlp.Words("then").Fold())
	// soonRe finds "soon" and "as soon as possible".
	soonRe = newPattern(`\b(?:[Aa]s soon as (?:possible|practicable)|[Ss]oon)\b`, nlp.Words("as soon").Fold())
	// theseDaysRe finds "these days".
	theseDaysRe = newPattern(`\b[Tt]hese days\b`, nlp.Words("these").Fold())
	// pastYearsRe finds "in past years": the vague past, as "in the past".
	pastYearsRe = newPattern(`\b(?:[Ii]n|[Oo]ver) (past (?:years|decades|months|weeks))\b`, nlp.Words("in over").Fold())
	// inYearsRe finds the unstated length of "the first time in years".
	inYearsRe = newPattern(`\bin (years|months|weeks|decades)\b`, nlp.Words("in").Fold())
)

// pluralUnits are the plural time units after which "the past" starts a
// length: "in the past years", "in the past decades".
var pluralUnits = nlp.Words("seconds minutes hours days weeks weekends months quarters years decades centuries seasons").Fold()

// vagueRefs adds the vague references of the table above and makes
// generic "today" and "tomorrow" references. It runs after relative, whose
// candidates it rewrites.
func (r *dateRun) vagueRefs() {
	r.thenCurrentRefs()
	r.soonRefs()
	t := r.text
	for _, m := range r.findAll(theseDaysRe) {
		if nw := strings.ToLower(nextWord(t, m[1])); nw == "of" || nw == "are" || nw == "were" {
			continue // "these days of plenty", "these days are gone": a noun phrase
		}
		r.add(m[0], m[1], "PRESENT_REF", GranularityReference)
	}
	for _, m := range r.findAll(pastYearsRe) {
		if m[1] < len(t) && (t[m[1]] == '\'' || strings.HasPrefix(t[m[1]:], "’")) {
			continue // "in past years' accounts": a modifier
		}
		r.add(m[2], m[3], "PAST_REF", GranularityReference)
	}
	for _, m := range r.findAll(inYearsRe) {
		if !clauseEndAt(t, m[1]) || !firstOrMostBefore(t, m[0]) {
			continue
		}
		unit := strings.TrimSuffix(t[m[2]:m[3]], "s")
		r.add(m[2], m[3], isoDuration(-1, unit), GranularityDuration)
	}
	r.genericDays()
}

// thenCurrentRefs adds "then current" (PAST_REF): "at the then current
// market price". "current" alone is not a reference (see the table above).
func (r *dateRun) thenCurrentRefs() {
	for _, m := range r.findAll(thenCurrentRe) {
		if nw := nextWord(r.text, m[1]); nw == "" || m[1] < len(r.text) && r.text[m[1]] != ' ' {
			continue // "the then current." : not before a noun
		}
		r.add(m[0], m[1], "PAST_REF", GranularityReference)
	}
}

// soonRefs adds the adverb "soon" (FUTURE_REF): "it will soon begin",
// "healthy enough soon", and "as soon as possible". The conjunction "as
// soon as", "soon after" (relative to an event) and "soon" in a past
// narrative ("he soon left") are not references to the future.
func (r *dateRun) soonRefs() {
	t := r.text
	for _, m := range r.findAll(soonRe) {
		s, e := m[0], m[1]
		if e-s > len("soon") {
			r.add(s, e, "FUTURE_REF", GranularityReference)
			continue
		}
		if s > 0 && t[s-1] == '-' || e < len(t) && (t[e] == '-' || t[e] == '\'' || strings.HasPrefix(t[e:], "’")) ||
			t[s] == 'S' && !sentenceStart(t, s) {
			continue // "Park Won-soon", "Soon-Yi": a name
		}
		if pw, _ := prevWord(t, s); soonNotAfter(strings.ToLower(pw)) {
			continue // "as soon as", "too soon to say", "was soon closed"
		}
		nw := strings.ToLower(nextWord(t, e))
		if nw == "after" || nw == "afterward" || nw == "afterwards" || nw == "thereafter" || nw == "as" || nw == "before" {
			continue
		}
		if pastWords[nw] || regularPast(nw) {
			continue // "he soon discovered"
		}
		r.add(s, e, "FUTURE_REF", GranularityReference)
	}
}

// soonNotAfter are the words before "soon" that make it no reference to
// the future.
var soonNotAfter = nlp.Words("as so too how was were had").Fold()

// clauseEndAt reports whether punctuation closes the clause at j.
func clauseEndAt(t string, j int) bool {
	if j >= len(t) {
		return true
	}
	return strings.IndexByte(".,;:!?)\"'", t[j]) >= 0 || strings.HasPrefix(t[j:], "”") || strings.HasPrefix(t[j:], "’")
}

// firstOrMostBefore reports whether the words just before i (up to 60
// bytes, within the sentence) say "first time" or a superlative: "for the
// first time in years", "the highest level in decades".
func firstOrMostBefore(t string, i int) bool {
	seg := strings.ToLower(sentenceTail(t[max(0, i-60):i]))
	if strings.Contains(seg, "first time") {
		return true
	}
	for _, w := range strings.Fields(seg) {
		if superlatives(w) {
			return true
		}
	}
	return false
}

var superlatives = nlp.Words("highest lowest biggest largest smallest best worst strongest weakest longest fastest slowest deepest sharpest steepest").Fold()

// genericNouns are nouns for people, society and their things, after
// "today's" or before "of today" / "of tomorrow", that make the day
// generic: "in today's world", "the workers of tomorrow".
var genericNouns = nlp.Words("world society people youth children kids women men man woman generation generations " +
	"leaders workers workforce citizens consumers families students schools jobs cities economy culture standards " +
	"technology technologies teenagers parents voters").Fold()

// genericDays rewrites "today" and "tomorrow" used generically as
// PRESENT_REF and FUTURE_REF: "today's world", "the people of tomorrow",
// "Easter Island is today a barren place", "the person I am today".
func (r *dateRun) genericDays() {
	t := r.text
	for i := range r.cands {
		c := &r.cands[i]
		w := strings.ToLower(t[c.start:c.end])
		if w != "today" && w != "tomorrow" {
			continue
		}
		generic := false
		rest := t[c.end:]
		if strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
			generic = genericNouns(strings.ToLower(nextWord(t, c.end+strings.Index(rest, "s")+1)))
		} else if pw, ps := prevWord(t, c.start); strings.ToLower(pw) == "of" {
			nn, _ := prevWord(t, ps)
			generic = genericNouns(strings.ToLower(nn))
		} else if w == "today" {
			switch strings.ToLower(pw) {
			case "am":
				generic = true // "the person I am today"
			case "is", "are":
				// "Easter Island is today a barren place": today between
				// the verb and its complement, not "the vote is today".
				switch strings.ToLower(nextWord(t, c.end)) {
				case "a", "an", "one", "still", "largely", "mostly", "among", "home", "part":
					generic = !clauseEndAt(t, c.end)
				}
			}
		}
		if !generic {
			continue
		}
		c.value, c.gran, c.offset = "PRESENT_REF", GranularityReference, ""
		if w == "tomorrow" {
			c.value = "FUTURE_REF"
		}
	}
}

var (
	refRe = newPattern(`\b(?:(?:[Rr]ight )?[Nn]ow|[Cc]urrently|[Nn]owadays|(?:[Mm]ore |[Mm]ost )?[Rr]ecently)\b`, nlp.Words("now currently nowadays recently right more most").Fold())
	// pastFutureRe finds "in the past", "in the near future". Not "the
	// foreseeable future", an idiom for "indefinitely" that TimeBank leaves
	// unannotated (0 of 2).
	pastFutureRe = newPattern(`\b(?:[Ii]n|[Ff]or) (the (?:(?:near|distant|recent) )?(past|future))\b`, nlp.Words("in for").Fold())
)

// references adds "now", "right now", "currently", "nowadays"
// (PRESENT_REF), "recently", "more recently", "in the past" (PAST_REF) and
// "in the future" (FUTURE_REF). Their values do not depend on the
// publication date. TimeBank annotates "now" in 46 of its 60 uses,
// "currently" in 10 of 16 and "recently" in 13 of 17 (see refs.go).
func (r *dateRun) references() {
	t := r.text
	for _, m := range r.findAll(refRe) {
		w := strings.ToLower(t[m[0]:m[1]])
		if m[1] < len(t) && (t[m[1]] == '-' || t[m[1]] == '\'') {
			continue // "the now-defunct", "Now's"
		}
		if t[m[0]] == 'N' && w == "now" {
			if nw := nextWord(t, m[1]); nw != "" && nw[0] >= 'A' && nw[0] <= 'Z' && !sentenceStart(t, m[0]) {
				continue // "Now TV", "Now Magazine"
			}
		}
		v := "PRESENT_REF"
		if strings.HasSuffix(w, "recently") {
			v = "PAST_REF"
		}
		r.add(m[0], m[1], v, GranularityReference)
	}
	for _, m := range r.findAll(pastFutureRe) {
		nw := strings.ToLower(nextWord(t, m[1]))
		if nw != "" && (count(nw) != -1 || pluralUnits(nw) || nw == "few" || nw == "several" || nw == "couple" || nw == "tense" || nw == "of") {
			continue // "in the past three years" is a duration, "the past tense", "the future of the club" its prospects
		}
		v := "PAST_REF"
		if t[m[4]:m[5]] == "future" {
			v = "FUTURE_REF"
		}
		r.add(m[2], m[3], v, GranularityReference)
	}
}

var (
	// recentRe finds "recent years", "in recent months", "the recent past".
	recentRe = newPattern(`\b[Rr]ecent (years|months|weeks|days|decades|quarters)\b`, nlp.Words("recent").Fold())
	// theFutureRe finds "the future" and "the past" where pastFutureRe's
	// "in" or "for" is missing: "about the future", "into the future".
	theFutureRe = newPattern(`\b(?:[Ii]nto|[Aa]bout|[Oo]f|[Tt]o|[Ff]or|[Ww]ith|[Oo]ver|[Ff]rom) (the (?:(?:near|distant|recent|immediate) )?(future|past))\b`,
		nlp.Words("into about of to for with over from").Fold())
	// comingRe finds the vague future after a preposition: "in coming
	// months", "over the coming weeks", "in future quarters", "in the near
	// term", "for the short term".
	comingRe = newPattern(`\b(?:[Ii]n|[Oo]ver|[Ff]or|[Dd]uring|[Ww]ithin|[Oo]f) ((?:the )?(?:coming|upcoming|future) (?:days|weeks|months|years|quarters)|the (?:near|short) term)\b`,
		nlp.Words("in over for during within of").Fold())
	// vagueAgoRe finds a time ago of unstated length: "several years ago",
	// "a few months ago", "some weeks ago".
	vagueAgoRe = newPattern(`\b(?:[Ss]everal|[Aa] few|[Mm]any|[Ss]ome) (?:days|weeks|months|years|decades) ago\b`,
		nlp.Words("several a many some").Fold())
)

// recentAndComing adds "recent years" (a duration, PXY), "the future"
// without "in", the vague past of "several years ago" (PAST_REF) and the
// vague future of "in coming months" and "in the near term" (FUTURE_REF).
// TimeBank leaves "previously" mostly unannotated, and so do we ("soon" is
// soonRefs').
func (r *dateRun) recentAndComing() {
	t := r.text
	for _, m := range r.findAll(recentRe) {
		// An unstated number of units up to now, as TIMEX2 and most of
		// TimeBank write it: "recent months" PXM, "recent years" PXY.
		unit := strings.TrimSuffix(t[m[2]:m[3]], "s")
		n := -1
		if unit == "quarter" {
			unit = "month"
		}
		r.add(m[0], m[1], isoDuration(n, unit), GranularityDuration)
	}
	for _, m := range r.findAll(theFutureRe) {
		nw := strings.ToLower(nextWord(t, m[1]))
		if nw != "" && (count(nw) != -1 || nw == "few" || nw == "several" || nw == "couple" || nw == "tense" || nw == "of" || pastUnits[nw]) {
			continue // "the future of our peoples": their prospects, not a time (TimeBank 0 of 1)
		}
		v := "PAST_REF"
		if t[m[4]:m[5]] == "future" {
			v = "FUTURE_REF"
		}
		r.add(m[2], m[3], v, GranularityReference)
	}
	for _, m := range r.findAll(vagueAgoRe) {
		r.add(m[0], m[1], "PAST_REF", GranularityReference)
	}
	for _, m := range r.findAll(comingRe) {
		if m[3] < len(t) && t[m[3]] == '-' || termNouns[strings.ToLower(nextWord(t, m[3]))] {
			continue // "the short-term outlook", "the near term debt": a financial term
		}
		r.add(m[2], m[3], "FUTURE_REF", GranularityReference)
	}
}

// pastUnits are the units after which "the past" is an adjective of a
// period, not the vague past: "the past century", "the past decade".
var pastUnits = map[string]bool{"century": true, "decade": true, "year": true, "month": true,
	"week": true, "day": true, "quarter": true, "millennium": true, "centuries": true, "decades": true}

// termNouns are nouns after which "the short term" names a kind of
// borrowing, not a time: "in the short term debt market".
var termNouns = map[string]bool{"rate": true, "rates": true, "debt": true, "interest": true, "loan": true,
	"loans": true, "notes": true, "bonds": true, "securities": true, "paper": true, "borrowing": true,
	"borrowings": true, "financing": true, "funding": true, "yields": true, "deposits": true}
