package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Relative expressions: those resolved by a fixed shift from the
// publication date ("yesterday", "last week", "three years ago", "a
// decade ago", "this century").

// relDirection is the direction of a relative word before a unit or a
// period: "last week" -1, "this year" 0, "next quarter" 1.
var relDirection = map[string]int{"last": -1, "this past": -1, "this": 0, "this coming": 1, "next": 1}

// dayOffset is the number of days from the publication date that
// "yesterday" and "tomorrow" name; "today" and "tonight" are 0.
var dayOffset = map[string]int{"yesterday": -1, "tomorrow": 1}

// relative adds the days, parts of days, weeks, weekends, months and
// years named from the publication date: "yesterday", "tonight", "this
// morning", "last week", "over the weekend", "three years ago".
func (r *dateRun) relative() {
	t := r.text
	for _, m := range r.findAll(relDayRe) {
		word := strings.ToLower(t[m[2]:m[3]])
		if t[m[2]] == 'T' && word == "today" && !sentenceStart(t, m[0]) {
			continue // "USA Today", the "Today programme"
		}
		part := ""
		if m[4] >= 0 {
			part = t[m[4]:m[5]]
		}
		n := dayOffset[word]
		r.addShift(m[0], m[1], signedDuration(n, "D"), func() (string, string) {
			d := r.pub.AddDate(0, 0, n)
			if word == "tonight" {
				part = "tonight"
			}
			if part != "" {
				return ymd(d) + "T" + partOfDay[part], GranularityPartOfDay
			}
			return ymd(d), GranularityDay
		})
	}
	for _, m := range r.findAll(partDayRe) {
		last := strings.EqualFold(t[m[2]:m[3]], "last")
		part := t[m[4]:m[5]]
		if last && part != "night" {
			continue // "last morning" is not idiomatic for a date
		}
		off := "P0D"
		if last {
			off = "-P1D"
		}
		r.addShift(m[0], m[1], off, func() (string, string) {
			d := r.pub
			if last {
				d = d.AddDate(0, 0, -1)
			}
			return ymd(d) + "T" + partOfDay[part], GranularityPartOfDay
		})
	}
	for _, m := range r.findAll(relUnitRe) {
		dir := relDirection[strings.ToLower(t[m[2]:m[3]])]
		unit := t[m[4]:m[5]]
		off := ""
		if unit != "weekend" {
			off = signedDuration(dir, strings.ToUpper(unit[:1]))
		}
		r.addShift(m[0], m[1], off, func() (string, string) { return shiftUnit(r.pub, unit, dir) })
		if unit == "year" && r.known {
			r.last().yearRef = r.pub.Year() + dir
		}
	}
	for _, m := range r.findAll(theWkendRe) {
		s := m[0]
		// The span is "the weekend"; the preposition stays outside.
		s = m[2] - len("the ")
		r.addRel(s, m[1], func() (string, string) {
			wd := r.pub.Weekday()
			if wd == time.Saturday || wd == time.Sunday {
				return isoWeek(r.pub) + "-WE", GranularityWeekend
			}
			if tenseAt(t, s, m[1]) > 0 {
				return isoWeek(r.pub) + "-WE", GranularityWeekend
			}
			return isoWeek(r.pub.AddDate(0, 0, -7)) + "-WE", GranularityWeekend
		})
	}
	for _, m := range r.findAll(agoRe) {
		n := count(t[m[2]:m[3]])
		if n <= 0 || numberBefore(t, m[0]) {
			continue
		}
		unit := t[m[4]:m[5]]
		r.addShift(m[0], m[1], signedDuration(-n, strings.ToUpper(unit[:1])), func() (string, string) {
			return r.unitsBack(n, unit)
		})
	}
}

// shiftUnit resolves "last/this/next week|weekend|month|year".
func shiftUnit(pub time.Time, unit string, dir int) (string, string) {
	switch unit {
	case "week":
		return isoWeek(pub.AddDate(0, 0, 7*dir)), GranularityWeek
	case "weekend":
		return isoWeek(pub.AddDate(0, 0, 7*dir)) + "-WE", GranularityWeekend
	case "month":
		first := time.Date(pub.Year(), pub.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC)
		return first.Format("2006-01"), GranularityMonth
	}
	return strconv.Itoa(pub.Year() + dir), GranularityYear
}

// Points far back and centuries that AQUAINT and TimeBank annotate.
// Counts are (TimeBank annotated/occurring, AQUAINT annotated/occurring)
// on the TempEval-3 dev sets.
var (
	// longAgoRe finds a point decades or centuries back: "a decade ago",
	// "more than four decades ago", "a century ago" (0/0, 3/3).
	longAgoRe = newPattern(`\b(?:(?i:more than|nearly|almost|about|around|roughly|some|over|less than|just over) )?(\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten)) (decade|century|centurie)s? ago\b`,
		func(w string) bool { return startsDigit(w) || durStart(strings.ToLower(w)) })
	// thisCenturyRe finds "this century", "last century", "next century"
	// (0/0, 2/2).
	thisCenturyRe = newPattern(`\b([Tt]his|[Ll]ast|[Nn]ext) century\b`, nlp.Words("this last next").Fold())
	// quotedTodayRe finds "Today" opening a quotation after TeX-style
	// quotes, as wire copy writes them: "``Today, I'm here" (0/0, 2/2).
	quotedTodayRe = newPattern(`\bToday\b`, nlp.Words("today").Fold())
)

// longAgo adds decades and centuries back from the publication date, as
// years: "a decade ago" in 1999 is 1989, as agoRe gives "two years ago".
func (r *dateRun) longAgo() {
	t := r.text
	for _, m := range r.findAll(longAgoRe) {
		n := count(t[m[2]:m[3]])
		if n <= 0 || numberBefore(t, m[0]) {
			continue
		}
		years := 10 * n
		if strings.HasPrefix(strings.ToLower(t[m[4]:m[5]]), "centur") {
			years = 100 * n
		}
		r.addShift(m[0], m[1], signedDuration(-years, "Y"), func() (string, string) {
			return strconv.Itoa(r.pub.Year() - years), GranularityYear
		})
	}
	for _, m := range r.findAll(thisCenturyRe) {
		dir := relDirection[strings.ToLower(t[m[2]:m[3]])]
		if !r.known {
			r.cands = append(r.cands, dateCand{start: m[0], end: m[1]})
			continue
		}
		r.add(m[0], m[1], fmt.Sprintf("%02d", r.pub.Year()/100+dir), GranularityCentury)
	}
}

// quotedToday adds "Today" opening a quotation that starts with TeX-style
// quotes, which relative leaves as it leaves "USA Today".
func (r *dateRun) quotedToday() {
	for _, m := range r.findAll(quotedTodayRe) {
		q := strings.TrimSuffix(r.text[:m[0]], " ")
		if !strings.HasSuffix(q, "``") || !sentenceStart(q, len(q)-2) {
			continue
		}
		r.addShift(m[0], m[1], "P0D", func() (string, string) { return ymd(r.pub), GranularityDay })
	}
}
