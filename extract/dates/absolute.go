package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Absolute dates: those that name a day, month, year, decade or century
// of the calendar and need the publication date at most for a missing
// year ("4 December 2017", "December 4", "10/07/2019", "in 2008", "the
// 1990s", "the 19th century", "the fourth quarter of 2019"), and the
// lists that continue them ("on 4 and 5 May", "in June and July", "in
// 1994, 1995 and 1997"), and months that modify a noun ("the October
// slaying", "late-November"). Seasons, holidays, spoken years and business
// periods have files of their own.

// isTheEarlyMidLate is built once: a word test inside a closure built its map
// on every call (a fifth of Tag's allocation, go test -bench=Stage/tag
// -memprofile).
var isTheEarlyMidLate = nlp.Words("the early mid late").Fold()

var (
	numDateRe = newPattern(`\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b`, startsDigit)
	ymdDateRe = newPattern(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`, startsDigit)
	decadeRe  = newPattern(`\b(?:[Tt]he )?(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ])?(1[0-9]|20)([0-9])0s\b`,
		func(w string) bool { return startsDigit(w) || isTheEarlyMidLate(w) })
	shortDecadeRe = newPattern(`\b[Tt]he (?:(?:early|mid|late)[- ])?(?:'|’)?([5-9])0s\b`, nlp.Words("the").Fold())
	wordDecadeRe  = newPattern(`\b[Tt]he (?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b`, nlp.Words("the").Fold())
	centuryRe     = newPattern(`\b(?:[Tt]he )?(?:(?:early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)[- ][Cc]entury\b`,
		func(w string) bool { return startsDigit(w) || isTheEarlyMidLate(w) })
	quarterRe = newPattern(`\b(?:[Tt]he )?([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast) quarter of (\d{4})\b|\bQ([1-4]) (\d{4})\b`,
		nlp.Words("the first second third fourth final last q1 q2 q3 q4").Fold())
)

// numeric adds all-numeric dates: "25/12/2019", "10.07.2019", "2019/07/12".
func (r *dateRun) numeric() {
	t := r.text
	for _, m := range r.findAll(numDateRe) {
		if t[m[4]] != t[m[8]] || numberBefore(t, m[0]) || numberAfter(t, m[1]) {
			continue
		}
		if m[0] > 0 && (t[m[0]-1] == '/' || t[m[0]-1] == '.') {
			continue
		}
		a, _ := strconv.Atoi(t[m[2]:m[3]])
		b, _ := strconv.Atoi(t[m[6]:m[7]])
		y, _ := strconv.Atoi(t[m[10]:m[11]])
		if y < 1000 {
			continue
		}
		dmy, mdy := validDay(y, time.Month(b), a), validDay(y, time.Month(a), b)
		var mon, day int
		switch {
		case !dmy && !mdy:
			continue
		case dmy && (!mdy || a == b || r.cfg.order == DayFirst):
			mon, day = b, a
		case mdy && (!dmy || r.cfg.order == MonthFirst):
			mon, day = a, b
		default:
			r.add(m[0], m[1], "", "") // ambiguous and no order given
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%04d-%02d-%02d", y, mon, day), GranularityDay)
		r.last().yearRef = y
	}
	for _, m := range r.findAll(ymdDateRe) {
		if numberBefore(t, m[0]) || numberAfter(t, m[1]) {
			continue
		}
		y, _ := strconv.Atoi(t[m[2]:m[3]])
		mo, _ := strconv.Atoi(t[m[4]:m[5]])
		d, _ := strconv.Atoi(t[m[6]:m[7]])
		if y < 1000 || !validDay(y, time.Month(mo), d) {
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%04d-%02d-%02d", y, mo, d), GranularityDay)
		r.last().yearRef = y
	}
}

// decades adds decades ("the 1990s", "the '60s", "the nineties"),
// centuries ("the 19th century", "the 1800s") and quarters ("the first
// quarter of 2019", "Q3 2018").
func (r *dateRun) decades() {
	t := r.text
	for _, m := range r.findAll(decadeRe) {
		if numberBefore(t, m[0]) || numberAfter(t, m[1]) {
			continue
		}
		hi, d := t[m[2]:m[3]], t[m[4]:m[5]]
		if d == "0" && hi != "20" {
			c, _ := strconv.Atoi(hi) // "the 1800s": the century
			r.add(m[0], m[1], fmt.Sprintf("%02d", c), GranularityCentury)
			continue
		}
		r.add(m[0], m[1], hi+d, GranularityDecade)
	}
	for _, m := range r.findAll(shortDecadeRe) {
		if sentenceHas(t, m[0], m[1], "temperature", "degrees", "aged", "°") {
			continue
		}
		r.add(m[0], m[1], "19"+t[m[2]:m[3]], GranularityDecade)
	}
	words := map[string]string{"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
		"sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}
	for _, m := range r.findAll(wordDecadeRe) {
		r.add(m[0], m[1], "19"+words[t[m[2]:m[3]]], GranularityDecade)
	}
	for _, m := range r.findAll(centuryRe) {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		if n < 1 || n > 30 || numberBefore(t, m[2]) {
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%02d", n-1), GranularityCentury)
	}
	for _, m := range r.findAll(quarterRe) {
		var q, ys, ye int
		if m[2] >= 0 {
			q = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[strings.ToLower(t[m[2]:m[3]])]
			ys, ye = m[4], m[5]
		} else {
			q = int(t[m[6]] - '0')
			ys, ye = m[8], m[9]
		}
		if numberAfter(t, m[1]) {
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%s-Q%d", t[ys:ye], q), GranularityQuarter)
		r.last().yearRef, _ = strconv.Atoi(t[ys:ye])
	}
}

// Years that AQUAINT and TimeBank annotate in lists and series. Counts are
// (TimeBank annotated/occurring, AQUAINT annotated/occurring) on the
// TempEval-3 dev sets.
var (
	// yearListRe finds the years after the first of a list that ends in
	// "and" or "or": ", 1995 and 1997" after "in 1994" (0/0, 1/1).
	yearListRe = regexp.MustCompile(`^((?:, (?:19|20)\d\d)*),? (?:and|or) ((?:19|20)\d\d)\b`)
	listYearRe = regexp.MustCompile(`(?:19|20)\d\d`)
	// datingToRe finds a year a series starts in: "attacks dating to
	// 1994", "a feud that dates back to 2001" (0/0, 1/1).
	datingToRe = newPattern(`\b(?:dating|dates?|dated) (?:back )?(?:to|from) ((?:19|20)\d\d)\b`, nlp.Words("dating date dates dated").Fold())
)

// listedYears adds the years that years leaves: the rest of a list ("in
// 1994, 1995 and 1997", the first found by years) and a year a series
// dates to ("dating to 1994").
func (r *dateRun) listedYears() {
	t := r.text
	for _, m := range r.findAll(datingToRe) {
		if numberAfter(t, m[1]) {
			continue
		}
		r.add(m[2], m[3], t[m[2]:m[3]], GranularityYear)
		r.last().yearRef, _ = strconv.Atoi(t[m[2]:m[3]])
	}
	n := len(r.cands)
	for i := range n {
		c := r.cands[i]
		if c.gran != GranularityYear || c.end-c.start != 4 || !startsDigit(t[c.start:c.end]) {
			continue
		}
		sub := yearListRe.FindStringSubmatchIndex(t[c.end:])
		if sub == nil || numberAfter(t, c.end+sub[1]) {
			continue
		}
		if nw := nextWord(t, c.end+sub[1]); len(nw) > 3 && strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss") && !pluralAfterYear[strings.ToLower(nw)] {
			continue // "in 1999, 2000 and 2001 workers": counts
		}
		for _, y := range listYearRe.FindAllStringIndex(t[c.end+sub[2]:c.end+sub[3]], -1) {
			s := c.end + sub[2] + y[0]
			r.add(s, s+4, t[s:s+4], GranularityYear)
			r.last().yearRef, _ = strconv.Atoi(t[s : s+4])
		}
		s, e := c.end+sub[4], c.end+sub[5]
		r.add(s, e, t[s:e], GranularityYear)
		r.last().yearRef, _ = strconv.Atoi(t[s:e])
	}
}

// monthModRe finds a month name modifying a noun after a determiner: "the
// October slaying", "the March accession" (0/0, 2/2).
var monthModRe = newPattern(`\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er) (`+monthNotMay+`) ([a-z]+)\b`,
	nlp.Words("the its their his her").Fold())

// hyphenMonthRe finds "late-November", "early-March" (TimeBank 2/2 with
// "mid-", AQUAINT 1/1), which bareMonths leaves to a hyphen it does not
// read.
var hyphenMonthRe = newPattern(`\b(?:[Ee]arly|[Ll]ate)-(`+fullMonth+`)\b`,
	nlp.Words("early late").Fold())

// notNounAfterMonth lists the lower-case words after which a month name
// after "the" is not a modifier: "the March to Rome", "the June of 1999".
var notNounAfterMonth = nlp.Words("to of and or in on at by for from with as is was are were has had will would that which who than").Fold()

// monthModifiers adds the months of "the October slaying", in the year the
// tense points to, as bareMonths does "in October".
func (r *dateRun) monthModifiers() {
	t := r.text
	for _, m := range r.findAll(monthModRe) {
		if notNounAfterMonth(t[m[4]:m[5]]) {
			continue
		}
		r.addTensedMonth(m[2], m[3], parseMonth(t[m[2]:m[3]]))
	}
	for _, m := range r.findAll(hyphenMonthRe) {
		r.addTensedMonth(m[0], m[1], parseMonth(t[m[2]:m[3]]))
	}
}

// addTensedMonth adds [s,e) as mon of the year the tense around it points
// to, a month written without its year that anchorYears may still give
// one.
func (r *dateRun) addTensedMonth(s, e int, mon time.Month) {
	r.addRel(s, e, func() (string, string) {
		return fmt.Sprintf("%04d-%02d", r.yearOf(mon, 0, tenseAt(r.text, s, e)), mon), GranularityMonth
	})
	c := r.last()
	c.noYear, c.mon = true, int(mon)
}

// dayListRe matches a second day of the month after a day: " and 25" in
// "April 24 and 25" (0/0, 1/1).
var dayListRe = regexp.MustCompile(`^,? (?:and|or) (\d{1,2})\b`)

// dayLists adds the second day of "April 24 and 25", in the month and year
// of the first. The number must end the clause or lead into a preposition
// ("April 24 and 25 in Washington"), not count something ("April 24 and
// 25 people").
func (r *dateRun) dayLists() {
	t := r.text
	for i, n := 0, len(r.cands); i < n; i++ {
		c := r.cands[i]
		if !c.noYear || c.day == 0 || !startsDigit(t[c.end-1:c.end]) {
			continue // a day written with its year, a month, "24 April"
		}
		day := c.day
		m := dayListRe.FindStringSubmatchIndex(t[c.end:])
		if m == nil {
			continue
		}
		s, e := c.end+m[2], c.end+m[3]
		d, _ := strconv.Atoi(t[s:e])
		if d <= day || d > 31 || numberAfter(t, e) {
			continue
		}
		if nw := nextWord(t, e); nw != "" && !setFollowers[nw] && !(nw[0] >= 'A' && nw[0] <= 'Z') {
			continue
		}
		nc := c
		nc.start, nc.end, nc.day = s, e, d
		if c.value != "" && len(c.value) == 10 {
			y, _ := strconv.Atoi(c.value[:4])
			if !validDay(y, time.Month(c.mon), d) {
				continue
			}
			nc.value = fmt.Sprintf("%s%02d", c.value[:8], d)
		}
		nc.offset = ""
		r.cands = append(r.cands, nc)
	}
}

// clockAt lists the words before an hour that make "4 in the morning" a
// clock time (the times pass).
var clockAt = nlp.Words("at by until till before after from around about since").Fold()

// monthListRe matches a second month after a month: " and October" in "in
// September and October", which bareMonths leaves ("and" alone is no
// month context).
var monthListRe = regexp.MustCompile(`^,? (?:and|or) (` + monthNotMay + `)\b`)

// monthLists adds the second month of "September and October", in the
// year of the first, or the year after when it comes earlier in the
// calendar ("December and January").
func (r *dateRun) monthLists() {
	t := r.text
	for i, n := 0, len(r.cands); i < n; i++ {
		c := r.cands[i]
		if c.gran != GranularityMonth || c.mon == 0 || len(c.value) != 7 {
			continue
		}
		m := monthListRe.FindStringSubmatchIndex(t[c.end:])
		if m == nil {
			continue
		}
		s, e := c.end+m[2], c.end+m[3]
		if nw := nextWord(t, e); nw != "" && (startsDigit(nw) || nw[0] >= 'A' && nw[0] <= 'Z') {
			continue // "and October 5", "and June Sarpong": another pass's, or a name
		}
		mon := parseMonth(t[s:e])
		y, _ := strconv.Atoi(c.value[:4])
		if int(mon) <= c.mon {
			y++
		}
		nc := c
		nc.start, nc.end, nc.mon, nc.offset = s, e, int(mon), ""
		nc.value = fmt.Sprintf("%04d-%02d", y, mon)
		r.cands = append(r.cands, nc)
	}
}

// mayIsName reports whether "May" at [s,e) reads as a name rather than the
// month: after a capitalised word that is not a sentence opener, or before
// a possessive.
func (r *reader) mayIsName(s, e int) bool {
	if strings.HasPrefix(r.text[e:], "'s") || strings.HasPrefix(r.text[e:], "’s") {
		return true
	}
	w, ws := prevWord(r.text, s)
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	if _, ok := monthContext[strings.ToLower(w)]; ok {
		return false
	}
	if _, ok := weekdayNum[w]; ok {
		return false
	}
	return !sentenceStart(r.text, ws)
}

// absolute adds dates written with a day or a year: "4 December 2017",
// "December 4, 2017", "July 2019", "2017-12-04".
func (r *dateRun) absolute() {
	t := r.text
	for _, m := range r.findAll(dmyRe) {
		if numberBefore(t, m[0]) {
			continue
		}
		day, _ := strconv.Atoi(t[m[2]:m[3]])
		mon := parseMonth(t[m[4]:m[5]])
		r.dayMonth(r.withWeekday(m[0]), m[1], day, mon, m[6], m[7])
	}
	for _, m := range r.findAll(mdyRe) {
		if numberAfter(t, m[1]) {
			continue
		}
		if t[m[2]:m[3]] == "May" && r.mayIsName(m[2], m[3]) {
			continue
		}
		day, _ := strconv.Atoi(t[m[4]:m[5]])
		r.dayMonth(r.withWeekday(m[0]), m[1], day, parseMonth(t[m[2]:m[3]]), m[6], m[7])
	}
	for _, m := range r.findAll(myRe) {
		if numberAfter(t, m[1]) || t[m[2]:m[3]] == "May" && r.mayIsName(m[2], m[3]) {
			continue
		}
		y, _ := strconv.Atoi(t[m[4]:m[5]])
		if y < 1000 {
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%04d-%02d", y, parseMonth(t[m[2]:m[3]])), GranularityMonth)
	}
	for _, m := range r.findAll(isoRe) {
		if numberBefore(t, m[0]) || numberAfter(t, m[1]) {
			continue
		}
		y, _ := strconv.Atoi(t[m[2]:m[3]])
		mo, _ := strconv.Atoi(t[m[4]:m[5]])
		d, _ := strconv.Atoi(t[m[6]:m[7]])
		if !validDay(y, time.Month(mo), d) {
			continue
		}
		v, g := fmt.Sprintf("%04d-%02d-%02d", y, mo, d), GranularityDay
		if m[8] >= 0 {
			h, _ := strconv.Atoi(t[m[8]:m[9]])
			mi, _ := strconv.Atoi(t[m[10]:m[11]])
			if h > 23 || mi > 59 {
				continue
			}
			v, g = fmt.Sprintf("%sT%02d:%02d", v, h, mi), GranularityTime
		}
		r.add(m[0], m[1], v, g)
	}
}

// withWeekday extends a date starting at s back over a weekday naming it
// ("Friday, 4 January", "Friday the 4th of January").
func (r *reader) withWeekday(s int) int {
	head := r.text[:s]
	head = strings.TrimSuffix(head, "the ")
	head = strings.TrimSuffix(head, " ")
	head = strings.TrimSuffix(head, ",")
	w, ws := prevWord(head, len(head))
	if _, ok := weekdayNum[w]; ok && len(head) == ws+len(w) {
		return ws
	}
	return s
}

// dayMonth adds a day date; year groups ys, ye are -1 when absent.
func (r *dateRun) dayMonth(s, e, day int, mon time.Month, ys, ye int) {
	if ys >= 0 {
		y, _ := strconv.Atoi(r.text[ys:ye])
		if y < 1000 || !validDay(y, mon, day) {
			return
		}
		r.add(s, e, fmt.Sprintf("%04d-%02d-%02d", y, mon, day), GranularityDay)
		r.last().yearRef = y
		return
	}
	if !validDay(2000, mon, day) { // 2000 is a leap year: 29 February passes
		return
	}
	r.addRel(s, e, func() (string, string) {
		y := r.yearOf(mon, day, tenseAt(r.text, s, e))
		if !validDay(y, mon, day) {
			return "", ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, mon, day), GranularityDay
	})
	c := r.last()
	c.noYear, c.mon, c.day = true, int(mon), day
}

// yearOf picks the year of a day (or of a whole month when day is 0)
// written without one: the occurrence the tense points to (past: the
// latest not after the publication day; future: the first not before it),
// or with no tense the nearest one.
func (rt refTime) yearOf(mon time.Month, day, tense int) int {
	y := rt.pub.Year()
	cand := func(y int) (lo, hi time.Time) {
		if day == 0 {
			lo = time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC)
			return lo, lo.AddDate(0, 1, -1)
		}
		lo = time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)
		return lo, lo
	}
	lo, hi := cand(y)
	if day > 0 && absDur(lo.Sub(rt.pub)) <= 90*24*time.Hour {
		tense = 0 // close by: the nearest; guessed tense is less sure
	}
	if day == 0 {
		// The month right after the publication month is the coming one
		// and the month right before it the one just past, whatever the
		// tense: "said it would cut supplies in September" in August is
		// next month, and news calls the month eleven months back "last
		// September", not "September".
		switch (int(mon) - int(rt.pub.Month()) + 12) % 12 {
		case 1:
			if mon == time.January {
				return y + 1
			}
			return y
		case 11:
			if mon == time.December {
				return y - 1
			}
			return y
		}
	}
	switch {
	case tense < 0 && lo.After(rt.pub):
		return y - 1
	case tense > 0 && hi.Before(rt.pub):
		return y + 1
	case tense != 0:
		return y
	}
	best, bestD := y, absDur(lo.Sub(rt.pub))
	for _, c := range []int{y - 1, y + 1} {
		l, _ := cand(c)
		if d := absDur(l.Sub(rt.pub)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// monthContext lists words after which a lone month name or a year is a
// date: "in June", "since 2008", "last June".
var monthContext = map[string]struct{}{
	"in": {}, "since": {}, "until": {}, "till": {}, "by": {}, "from": {}, "to": {},
	"during": {}, "before": {}, "after": {}, "of": {}, "early": {}, "late": {}, "mid": {},
	"last": {}, "next": {}, "this": {}, "that": {}, "between": {}, "through": {},
	"throughout": {}, "year": {}, "around": {}, "circa": {}, "spring": {}, "summer": {},
	"autumn": {}, "winter": {}, "fall": {}, "and": {}, "or": {}, "on": {},
}

// years adds four-digit years in a year context: "in 2008", "since 1999",
// "between 2008 and 2010", "1987-2017".
func (r *dateRun) years() {
	t := r.text
	lastEnd := -10
	for _, m := range r.findAll(yearRe) {
		s, e := m[0], m[1]
		rangeStart := yearRangeAfter(t, s, e)
		if numberBefore(t, s) && !(s > 0 && (t[s-1] == '-') && s-1 == lastEnd) || numberAfter(t, e) && !rangeStart {
			continue
		}
		ok := false
		w, _ := prevWord(t, s)
		lw := strings.ToLower(w)
		switch {
		case strings.HasSuffix(t[:s], "–") && s-len("–") == lastEnd, s > 0 && t[s-1] == '-' && s-1 == lastEnd:
			ok = true // a range: "1987–2017"
		case lw == "and" || lw == "to" || lw == "or":
			// "between 2008 and 2010": only after another year.
			_, ws := prevWord(t, s)
			ok = ws > 0 && ws-1 <= lastEnd+1 && lastEnd >= 0 && ws-lastEnd <= 2
		case strings.HasPrefix(lw, "mid-") || lw == "mid":
			ok = true
		case rangeStart:
			ok = true // "1987–2017" is a range of years wherever it stands
		default:
			_, ok = monthContext[lw]
			if lw == "on" {
				ok = false
			}
			ok = ok || yearModifier(t, s, e)
		}
		if !ok {
			continue
		}
		r.add(s, e, t[s:e], GranularityYear)
		r.last().yearRef, _ = strconv.Atoi(t[s:e])
		lastEnd = e
	}
}

// yearRangeAfter reports whether the year at [s,e) opens a range such as
// "1987–2017" or "2008-10", the second year not before the first.
func yearRangeAfter(t string, s, e int) bool {
	rest := t[e:]
	switch {
	case strings.HasPrefix(rest, "–"):
		rest = rest[len("–"):]
	case strings.HasPrefix(rest, "-"):
		rest = rest[1:]
	default:
		return false
	}
	if len(rest) < 4 || numberAfter(rest, 4) || len(rest) > 4 && rest[4] >= '0' && rest[4] <= '9' {
		return false
	}
	second, err := strconv.Atoi(rest[:4])
	first, _ := strconv.Atoi(t[s:e])
	return err == nil && second >= first && second-first < 200
}

// bareMonths adds lone month names after a preposition or modifier: "in
// June" (the publication year), "last June", "next March", "June 2019"
// being handled by absolute.
func (r *dateRun) bareMonths() {
	t := r.text
	for _, m := range r.findAll(monthWordRe) {
		s, e := m[0], m[1]
		name := t[s:e]
		w, ws := prevWord(t, s)
		lw := strings.ToLower(w)
		if strings.HasPrefix(lw, "mid-") {
			lw = "mid"
		}
		if pw, _ := prevWord(t, ws); lw == "past" && !strings.EqualFold(pw, "this") {
			continue // "walked past May"
		}
		if _, ok := monthContext[lw]; (!ok && lw != "past" && lw != "for") || lw == "and" || lw == "or" || lw == "on" || lw == "that" || lw == "year" {
			continue
		}
		if name == "May" && (r.strictMay || r.mayIsName(s, e) || lw == "to" || lw == "by" || lw == "from" || lw == "of" || lw == "after" || lw == "before" || lw == "for") {
			continue
		}
		if name == "March" && (lw == "to" || lw == "of") {
			continue // "the March to Rome", "a Day of March"
		}
		if nw := nextWord(t, e); nw != "" && nw[0] >= 'A' && nw[0] <= 'Z' && !isWeekday(nw) && !isMonthWord(nw) {
			continue // a name: "to April Jones", "by June Sarpong"
		}
		mon := parseMonth(name)
		start := s
		dir := 0
		switch lw {
		case "last":
			dir, start = -1, ws
		case "next":
			dir, start = 1, ws
		case "this":
			start = ws
		case "since":
			dir = -2 // "since March": the latest March not after now
		case "past":
			if pw, pws := prevWord(t, ws); strings.EqualFold(pw, "this") {
				dir, start = -1, pws // "this past May"
			}
		}
		r.addRel(start, e, func() (string, string) {
			y := r.pub.Year()
			switch dir {
			case -1:
				if mon >= r.pub.Month() {
					y--
				}
			case 1:
				if mon <= r.pub.Month() {
					y++
				}
			case -2:
				y = r.yearOf(mon, 0, -1)
			default:
				// "until October" looks forward from the event, not from
				// the tense of the sentence ("was bailed until October").
				switch lw {
				case "this":
				case "until", "till", "through":
					y = r.yearOf(mon, 0, 0) // the nearest
				default:
					y = r.yearOf(mon, 0, tenseAt(t, s, e))
				}
			}
			return fmt.Sprintf("%04d-%02d", y, mon), GranularityMonth
		})
		if dir == 0 && lw != "this" {
			c := r.last()
			c.noYear, c.mon = true, int(mon)
		}
	}
}
