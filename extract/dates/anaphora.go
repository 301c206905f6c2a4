package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// This file holds definite and anaphoric periods, common in business and
// wire news: "by year-end", "the current year", "this past spring", "by mid
// afternoon", and the expressions that take the value of a date the text
// named shortly before: "that year", "that quarter", "the same day", "until
// then", "at the time", "later in the day" (after "today"), "in the
// morning" (after "Friday").
//
// An anaphoric candidate is added with anaphorMark (or anaphorKeep) and its
// unit in dateCand.offset; resolveAnaphora, run once the candidates are
// sorted and their values final, gives it the value of its antecedent, or
// drops it when there is none ("that day" in "on days when prices fall,
// traders lose on trades made that day" is generic, not a date).

const (
	// anaphorMark marks a candidate that only means a date when it has
	// an antecedent; without one it is dropped.
	anaphorMark = "anaphor:"
	// anaphorKeep marks a candidate that takes its antecedent's value
	// when there is one and keeps its own value (resolved against the
	// publication date) otherwise: "during the quarter".
	anaphorKeep = "anaphor?:"
	// anaphorReach is how far back, in bytes, an antecedent may end: the
	// same or the previous sentence or two, as yearEarlier's reach.
	anaphorReach = 400
)

var (
	// yearEndRe finds "by year-end", "since year end", "around year's
	// end" (the noun, after a preposition; "year-end results" is an
	// adjective and stays silent).
	yearEndRe = newPattern(`\b([Bb]y|[Aa]t|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Aa]round|[Aa]bout|[Nn]ear|[Tt]owards?|[Tt]hrough|[Ff]rom) (year-end|year end|year(?:'s|’s) end)\b`,
		nlp.Words("by at since until till before after around about near toward towards through from").Fold())
	// thatUnitRe finds a unit named by "that" or "the same": "that year",
	// "that quarter", "the same day", "that morning".
	thatUnitRe = newPattern(`\b(?:[Tt]hat|[Tt]he same) (year|quarter|month|week|day|morning|afternoon|evening|night)\b`, nlp.Words("that the").Fold())
	// thenRe finds "then" as a point in time: "until then", "by then".
	thenRe = newPattern(`\b(?:[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore) (then)\b`, nlp.Words("until till by before").Fold())
	// theTimeRe finds "at the time", "during that time", "by that time".
	theTimeRe = newPattern(`\b([Aa]t|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Oo]ver|[Tt]hroughout) ((?:the|that) time)\b`,
		nlp.Words("at during by since until over throughout").Fold())
	// yearBackRe matches " last year" or " a year earlier" after "the same
	// month": the antecedent's month a year before.
	yearBackRe = regexp.MustCompile(`^ (?:last year|a year (?:earlier|ago|before)|the previous year)\b`)
	// apposUnitRe finds a unit restating the date before it: "Oct. 12,
	// the day before the crash", "in 2008, the year of the crash".
	apposUnitRe = newPattern(`\b[Tt]he (day|week|month|year) (?:before|after|of|when)\b`, nlp.Words("the").Fold())
	// currentUnitRe finds "the current year", "the current month".
	currentUnitRe = newPattern(`\b[Tt]he current (year|month|week)\b`, nlp.Words("the").Fold())
	// latestFiscalRe finds "the latest fiscal year", "the previous
	// fiscal year": the last full one before publication.
	latestFiscalRe = newPattern(`\b[Tt]he (?:latest|most recent|previous|past) fiscal year\b`, nlp.Words("the").Fold())
	// pastSeasonRe finds "this past spring", "the past summer".
	pastSeasonRe = newPattern(`\b(?:[Tt]his|[Tt]he) past ([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b`, nlp.Words("this the").Fold())
	// theSeasonRe finds a season after a preposition that seasons() does
	// not take, or with "early", "late" or "mid": "into the summer", "from
	// the early summer", "of the late autumn".
	theSeasonRe = newPattern(`\b([Ii]nto|[Oo]f|[Ff]rom|[Tt]o|[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Ss]ince|[Bb]efore|[Aa]fter|[Oo]ver) (the (?:([Ee]arly|[Ll]ate|[Mm]id-|[Mm]iddle) )?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter))\b`,
		nlp.Words("into of from to in during by until through throughout since before after over").Fold())
	// partOfDayRe finds a part of a day after a preposition: "by mid
	// afternoon", "until late evening", "in the morning", "during the
	// early afternoon".
	partOfDayRe = newPattern(`\b(?:[Bb]y|[Ii]n|[Aa]t|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter|[Aa]round|[Tt]hrough|[Dd]uring) ((the )?((?:[Mm]id|[Ll]ate|[Ee]arly)[- ]?)?(morning|afternoon|evening|night))\b`,
		nlp.Words("by in at until till since from before after around through during").Fold())
)

// dayWords are the words after a part of a day that name its day ("mid
// afternoon yesterday", "late morning on Friday"), which the relative and
// weekday passes find.
var dayWords = map[string]bool{"yesterday": true, "today": true, "tomorrow": true, "of": true, "on": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

// addAnaphor adds [s,e) as an expression that refers back to a date of
// the given unit ("year", "day", "then", "span" …); keep says whether it
// stays, with the value of f against the publication date, when no date
// precedes it.
func (c *candidates) addAnaphor(s, e int, unit string, keep bool, f func() (string, string)) {
	mark := anaphorMark
	if keep {
		mark = anaphorKeep
	}
	if f == nil {
		c.cands = append(c.cands, dateCand{start: s, end: e, offset: mark + unit})
		return
	}
	c.addRel(s, e, f)
	c.last().offset = mark + unit
}

// anaphoricPeriods adds year ends, "the current year", "the latest fiscal
// year", past and modified seasons, parts of days after a preposition, and
// the anaphoric "that year", "the same day", "until then", "at the time".
func (r *dateRun) anaphoricPeriods() {
	t := r.text
	for _, m := range r.findAll(yearEndRe) {
		nw := nextWord(t, m[1])
		if nw != "" && nw[0] >= 'a' && nw[0] <= 'z' && lowerNoun(nw) {
			continue // "at year-end levels"
		}
		s, prep := m[4], strings.ToLower(t[m[2]:m[3]])
		if prep == "around" || prep == "about" || prep == "near" {
			s = m[0] // "around year end", as TimeML spans an approximation
		}
		back := 0
		if prep == "since" {
			back = 1 // the last year end before publication
		}
		r.addRel(s, m[1], func() (string, string) { return strconv.Itoa(r.pub.Year() - back), GranularityYear })
	}
	for _, m := range r.findAll(apposUnitRe) {
		if strings.HasSuffix(t[:m[0]], ", ") {
			r.addAnaphor(m[0], m[3], "appos:"+t[m[2]:m[3]], false, nil)
		}
	}
	for _, m := range r.findAll(currentUnitRe) {
		if numberAfter(t, m[1]) {
			continue
		}
		unit := t[m[2]:m[3]]
		r.addRel(m[0], m[1], func() (string, string) { return r.currentUnit(unit) })
	}
	for _, m := range r.findAll(latestFiscalRe) {
		r.addRel(m[0], m[1], func() (string, string) { return strconv.Itoa(r.pub.Year() - 1), GranularityYear })
	}
	for _, m := range r.findAll(pastSeasonRe) {
		code := seasonCode[strings.ToLower(t[m[2]:m[3]])]
		r.addRel(m[0], m[1], func() (string, string) {
			return fmt.Sprintf("%04d-%s", r.seasonYear(code, "last", -1), code), GranularitySeason
		})
	}
	for _, m := range r.findAll(theSeasonRe) {
		s, e := m[4], m[5]
		prep := strings.ToLower(t[m[2]:m[3]])
		if prep == "of" && m[6] < 0 {
			continue // "the heat of the summer": only "of the early summer"
		}
		nw := nextWord(t, e)
		if nw == "of" || numberAfter(t, e) || nw != "" && (nw[0] >= 'A' && nw[0] <= 'Z' || lowerNoun(nw)) {
			continue // "the fall of Rome", "the summer of 2018", "the Summer Olympics", "the winter wheat"
		}
		if m[6] < 0 && (seasonPrep[prep] || strings.EqualFold(t[m[8]:m[9]], "fall") && prep != "into") {
			continue // seasons() has "in the summer"; "from the fall" is a drop, most likely
		}
		code := seasonCode[strings.ToLower(t[m[8]:m[9]])]
		r.addRel(s, e, func() (string, string) {
			return fmt.Sprintf("%04d-%s", r.seasonYear(code, "", tenseNear(t, s, e, false)), code), GranularitySeason
		})
	}
	for _, m := range r.findAll(partOfDayRe) {
		s, e := m[2], m[3]
		if dayWords[nextWord(t, e)] {
			continue // "late afternoon yesterday": the relative passes
		}
		part := strings.ToLower(t[m[8]:m[9]])
		the, mod := m[4] >= 0, m[6] >= 0
		if mod && part == "night" && strings.EqualFold(t[m[6]:m[7]], "mid") {
			continue // "midnight" is a clock time
		}
		switch {
		case the && !clauseAfter(t, e) && !lowerNoun(nextWord(t, e)):
			// "the morning attack" is an attack.
			// "in the morning" means a day's morning only when that day
			// was just named; "in the morning" alone is a habit.
			r.addAnaphor(s, e, part, false, nil)
		case mod && tenseAt(t, s, e) != 0:
			// "By mid afternoon, sources were saying": that day, else
			// the day of the report.
			r.addAnaphor(s, e, part, true, func() (string, string) {
				return ymd(r.pub) + "T" + partOfDay[part], GranularityPartOfDay
			})
		}
	}
	for _, m := range r.findAll(thatUnitRe) {
		if m[1] < len(t) && t[m[1]] == '-' {
			continue // "that year-long project"
		}
		unit, e := strings.ToLower(t[m[2]:m[3]]), m[1]
		if strings.HasPrefix(strings.ToLower(t[m[0]:m[1]]), "the same") {
			if strings.HasSuffix(strings.TrimRight(t[:m[0]], " "), ",") || clauseAfter(t, e) {
				continue // "on October 14, the same day the Queen speaks" restates the date
			}
			if y := yearBackRe.FindString(t[e:min(len(t), e+20)]); y != "" {
				unit, e = unit+"@-1", e+len(y) // "the same month last year"
			}
		}
		r.addAnaphor(m[0], e, unit, false, nil)
	}
	for _, m := range r.findAll(thenRe) {
		if m[1] < len(t) && t[m[1]] == '-' {
			continue // "by then-president Carter"
		}
		if nw := nextWord(t, m[1]); nw != "" && nw[0] >= 'a' && nw[0] <= 'z' && lowerNoun(nw) && !isPronounLike(nw) {
			continue // "by then chairman Smith": an adjective
		}
		r.addAnaphor(m[2], m[3], "then", false, nil)
	}
	for _, m := range r.findAll(theTimeRe) {
		prep := strings.ToLower(t[m[2]:m[3]])
		rest := strings.TrimLeft(t[m[1]:], " ")
		if rest != "" && !strings.ContainsRune(",.;:)", rune(rest[0])) && prep == "at" {
			continue // "at the time he was captured" is a conjunction
		}
		if rest != "" && !strings.ContainsRune(",.;:)", rune(rest[0])) && strings.HasPrefix(strings.ToLower(t[m[4]:m[5]]), "the") {
			continue // "during the time it took", "by the time he arrived"
		}
		if nw := nextWord(t, m[1]); nw == "when" || nw == "that" || nw == "of" || nw == "in" {
			continue // "during that time when we were beaten": a time the clause names
		}
		unit := "then"
		if prep == "during" || prep == "over" || prep == "throughout" {
			unit = "span" // "during that time": the period just named
		}
		r.addAnaphor(m[4], m[5], unit, false, nil)
	}
}

// isPronounLike reports whether w, after "by then", starts a clause
// rather than being the noun "then" modifies: "by then he had left".
func isPronounLike(w string) bool {
	switch w {
	case "he", "she", "they", "we", "it", "i", "you", "there", "the", "a", "an", "its", "their", "his", "her", "most", "many", "some", "all":
		return true
	}
	return false
}

// currentUnit is the publication's year, month, ISO week or day.
func (rt refTime) currentUnit(unit string) (string, string) {
	switch unit {
	case "day":
		return ymd(rt.pub), GranularityDay
	case "month":
		return rt.pub.Format("2006-01"), GranularityMonth
	case "week":
		return isoWeek(rt.pub), GranularityWeek
	}
	return strconv.Itoa(rt.pub.Year()), GranularityYear
}

// comparisonDateRe matches a candidate that names the period a figure is
// compared with ("the year-ago quarter", "a year earlier", "the 1988
// period"), which "the quarter" or "the end of the year" does not refer
// back to.
var comparisonDateRe = regexp.MustCompile(`(?i)year-ago|year-earlier|year earlier|year ago|year before|last year|previous|prior|preceding|the (?:19|20)\d\d (?:period|quarter)`)

// resolveAnaphora gives each marked candidate in cs (sorted by start, with
// final values) the value of the nearest date before it, in the reach of
// anaphorReach bytes and at most one paragraph break, that is fine enough
// for its unit, cut to that unit: "that year" after "March 1988" is 1988,
// "in the morning" after "Friday" is Friday's morning, "until then" after
// "Nov. 30" is that day. A marked candidate without one is dropped, or
// keeps its own value when marked anaphorKeep.
func (r *dateRun) resolveAnaphora(cs []dateCand) []dateCand {
	out := cs[:0]
	var days []int // the indices in out of the anaphors resolved
	for i := range cs {
		c := cs[i]
		unit, keep := strings.CutPrefix(c.offset, anaphorKeep)
		ok := keep
		if !ok {
			unit, ok = strings.CutPrefix(c.offset, anaphorMark)
		}
		if !ok {
			out = append(out, c)
			continue
		}
		c.offset = ""
		// A unit "month@-1" is "the same month last year".
		unit, yearBefore := strings.CutSuffix(unit, "@-1")
		v, g := r.antecedent(out, c, unit)
		switch {
		case yearBefore && v != "":
			v = yearBack(v)
		case v == "" && unit == "quarter" && i+1 < len(cs):
			// "the fiscal first quarter … the quarter ended Sept. 29":
			// the quarter just named, else the one its end date gives.
			v, g = r.quarterEnded(c, cs[i+1])
		}
		switch {
		case v != "":
			c.value, c.gran = v, g
		case !keep || c.value == "" && r.known:
			continue
		}
		if v != "" {
			days = append(days, len(out))
		}
		out = append(out, c)
	}
	return r.timesOfAnaphors(out, days)
}

// timesOfAnaphors gives a clock time beside a resolved anaphoric day, at
// index i in cs for i in days ("reopened later that day at 2 p.m.", "at 2
// p.m. that day"), that day, which attachTimes, running before the
// anaphor had a value, could not.
func (r *reader) timesOfAnaphors(cs []dateCand, days []int) []dateCand {
	for _, i := range days {
		c := &cs[i]
		if len(c.value) < 10 || c.gran != GranularityDay {
			continue
		}
		if i+1 < len(cs) && cs[i+1].clock && cs[i+1].value == "" && dayGap(r.text[c.end:cs[i+1].start], true) {
			t := &cs[i+1]
			t.value, t.gran = fmt.Sprintf("%sT%02d:%02d", c.value[:10], t.hour, t.min), GranularityTime
		}
		if i > 0 && cs[i-1].clock && cs[i-1].value == "" && dayGap(r.text[cs[i-1].end:c.start], false) {
			t := &cs[i-1]
			t.value, t.gran = fmt.Sprintf("%sT%02d:%02d", c.value[:10], t.hour, t.min), GranularityTime
		}
	}
	return cs
}

// antecedent returns the value of the nearest candidate in prev (the
// candidates kept so far, before c) that c, an anaphor of the given unit,
// refers back to, cut to the unit, or "" when there is none in reach.
func (r *reader) antecedent(prev []dateCand, c dateCand, unit string) (string, string) {
	definite := unit != "then" && unit != "span" && strings.HasPrefix(strings.ToLower(r.text[c.start:c.end]), "the ")
	if u, ok := strings.CutPrefix(unit, "appos:"); ok {
		// Only the date right before the comma.
		n := len(prev)
		if n == 0 || r.text[prev[n-1].end:c.start] != ", " || len(prev[n-1].value) < 4 || !startsDigit(prev[n-1].value) {
			return "", ""
		}
		// "On Friday, the day of reckoning came": a date opening its
		// sentence is followed by the subject, not an apposition.
		head := sentenceTail(r.text[max(0, prev[n-1].start-120):prev[n-1].start])
		if len(strings.Fields(head)) <= 1 {
			return "", ""
		}
		return cutTo(prev[n-1], u)
	}
	for j := len(prev) - 1; j >= 0; j-- {
		p := prev[j]
		if c.start-p.end > anaphorReach || strings.Count(r.text[p.end:c.start], "\n\n") > 1 {
			return "", ""
		}
		if unit == "span" && p.gran == GranularityDuration {
			// "for almost 8 years, and during that time": only the
			// nearest expression, and not a vague length ("a few hours").
			if strings.Contains(p.value, "X") {
				return "", ""
			}
			return p.value, p.gran
		}
		if p.value == "" || p.gran == GranularitySet || p.gran == GranularityDuration {
			continue
		}
		if len(p.value) < 4 || !startsDigit(p.value) {
			continue // PRESENT_REF, FUTURE_REF
		}
		if v, g := cutTo(p, unit); v != "" {
			if definite && comparisonDateRe.MatchString(r.text[p.start:p.end]) {
				continue // "up from $3m a year earlier … by the end of the year"
			}
			return v, g
		}
	}
	return "", ""
}

// clauseAfter reports whether the word after j starts a clause or a noun
// phrase that makes the expression before it a relative head: "the night
// the plane crashed", "the morning he left".
func clauseAfter(t string, j int) bool {
	nw := nextWord(t, j)
	if nw == "" {
		return false
	}
	if nw[0] >= 'A' && nw[0] <= 'Z' {
		return true
	}
	switch nw {
	case "the", "a", "an", "that", "this", "he", "she", "they", "we", "it", "i", "you", "his", "her",
		"their", "its", "our", "when", "of", "before", "after":
		return true
	}
	return false
}

// quarterEnded returns the calendar quarter of "the quarter ended Sept.
// 30" from the day next names, when next follows c with "ended" or
// "ending" between: the quarter most of whose three months precede that
// day's, so that a quarter ended July 31 (May to July) is Q2, one ended
// Sept. 30 is Q3. It returns "" otherwise.
func (r *reader) quarterEnded(c, next dateCand) (string, string) {
	gap := r.text[c.end:next.start]
	if gap != " ended " && gap != " ending " || next.gran != GranularityDay || len(next.value) < 10 {
		return "", ""
	}
	d, err := parseYMD(next.value[:10])
	if err != nil {
		return "", ""
	}
	mid := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0) // the middle month
	return fmt.Sprintf("%d-Q%d", mid.Year(), (int(mid.Month())-1)/3+1), GranularityQuarter
}
