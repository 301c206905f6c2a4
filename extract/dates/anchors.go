package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// This file holds the reference-time rules: expressions whose value
// depends on a day the text names rather than on the publication date
// alone ("the previous Friday"), parts of a named day written before it
// ("mid-afternoon yesterday"), midnight as the end of the day it is named
// with, a season with a year spoken in words, and the periods of earnings
// news read against the quarter last named.
//
// A bare weekday stays resolved against the publication date (by tense),
// even after the text names an older date: "The Security Council on Aug. 6
// ordered an embargo ... Syrian troops arriving Tuesday" in a 15 August
// article is 14 August. Of the 145 weekdays annotated in TimeBank, all but
// one document's are within a week of the creation time, and a rule
// anchoring a weekday to the week after an explicit date more than a week
// old, named up to 3,000 bytes before it, would move 19 that are right
// against the creation time to fix at most 6, some of which are in the
// future tense ("will meet Bush on Thursday") and so cannot be before the
// creation time. Only the anaphoric "the previous Friday" takes
// its reference from the text.

var (
	// partBeforeDayRe finds a part of a day written before the day it
	// belongs to: "mid-afternoon yesterday", "late morning Friday", "early
	// evening today". The part may stand alone: "afternoon Tuesday" is rare
	// but unambiguous.
	partBeforeDayRe = newPattern(`\b(?:(?i:early|late|mid)[- ])?(morning|afternoon|evening|night) ([Yy]esterday|[Tt]oday|[Tt]omorrow|`+weekdayAlt+`)\b`,
		nlp.Words("early Early late Late mid Mid mid-morning Mid-morning mid-afternoon Mid-afternoon mid-evening Mid-evening morning afternoon evening night").Fold())
	// seasonOfRe matches a season and "of" right before a year: "winter
	// of ". "the" stays outside, as seasons has it for "the autumn of 2015".
	seasonOfRe = regexp.MustCompile(`(?i)\b((winter|spring|summer|autumn|fall) of )$`)
	// previousWeekdayRe matches an anaphoric weekday as a whole expression:
	// "the previous Friday", "the preceding Monday".
	previousWeekdayRe = regexp.MustCompile(`^(?:[Tt]he )?(?:previous|preceding) (` + weekdayAlt + `)$`)
	// lastMonthNameRe matches "last February" as a whole expression.
	lastMonthNameRe = regexp.MustCompile(`^[Ll]ast (` + fullMonth + `)$`)
)

// anchors adds the candidates of this file that compete with the others
// in resolveOverlaps: parts of days written before the day, and seasons
// with a spoken year. It runs after spokenYears, whose years it extends.
func (r *dateRun) anchors() {
	t := r.text
	for _, m := range r.findAll(partBeforeDayRe) {
		s, e := m[0], m[1]
		part, day := t[m[2]:m[3]], t[m[4]:m[5]]
		r.addRel(s, e, func() (string, string) {
			var d time.Time
			switch w := strings.ToLower(day); w {
			case "yesterday", "tomorrow", "today":
				d = r.pub.AddDate(0, 0, dayOffset[w])
			default:
				d = resolveWeekday(r.pub, weekdayNum[day], 0, t, s, e)
			}
			return ymd(d) + "T" + partOfDay[part], GranularityPartOfDay
		})
	}
	n := len(r.cands)
	for i := 0; i < n; i++ {
		c := r.cands[i]
		if c.gran != GranularityYear || c.yearRef == 0 || len(c.value) != 4 {
			continue
		}
		m := seasonOfRe.FindStringSubmatchIndex(t[max(0, c.start-len("the autumn of ")):c.start])
		if m == nil {
			continue
		}
		off := max(0, c.start-len("the autumn of "))
		code := seasonCode[strings.ToLower(t[off+m[4]:off+m[5]])]
		r.add(off+m[2], c.end, c.value+"-"+code, GranularitySeason)
		r.last().yearRef = c.yearRef
	}
}

// previousDayReach is how far back, in bytes, "the previous Friday" looks
// for the day it is counted from: a few paragraphs of news.
const previousDayReach = 2000

// narrative re-resolves, after overlaps are settled, the expressions whose
// reference is a day the text names:
//
//   - "the previous Friday" is the Friday before the day the text last
//     named, within previousDayReach bytes (anaphoric, unlike the deictic "last
//     Friday"): after "the index fell on Friday", "down from the previous
//     Friday" is a week before that Friday, whatever the publication day;
//   - "midnight Friday", "midnight on Friday" and "Friday at midnight"
//     are the end of Friday, as news style has it (midnight belongs to the
//     day that is ending): the next day at 00:00;
//   - "last February" in a March article is the February of the year
//     before: for the month just ended, news writes "last month" or "in
//     February", so "last" reaches back a year. December in a January
//     article is left as the one just ended: it is also "December last
//     year", and "last" there names the year as much as the month.
func (r *dateRun) narrative(cs []dateCand) []dateCand {
	if !r.known {
		return cs
	}
	t := r.text
	lastDay := -1 // index of the last candidate with a day value
	for i := range cs {
		c := &cs[i]
		text := t[c.start:c.end]
		if m := previousWeekdayRe.FindStringSubmatch(text); m != nil && c.value != "" {
			if lastDay >= 0 && c.start-cs[lastDay].end <= previousDayReach {
				if ref, err := parseYMD(cs[lastDay].value[:10]); err == nil {
					back := (int(ref.Weekday()) - int(weekdayNum[m[1]]) + 7) % 7
					if back == 0 {
						back = 7
					}
					c.value = ymd(ref.AddDate(0, 0, -back))
				}
			}
		}
		if c.gran == GranularityDay && !c.clock && dayValue(c.value) {
			r.dayFrame(cs, i)
		}
		if m := lastMonthNameRe.FindStringSubmatch(text); m != nil && c.gran == GranularityMonth {
			if mon := parseMonth(m[1]); mon != time.December && mon == r.pub.Month()-1 {
				c.value = fmt.Sprintf("%04d-%02d", r.pub.Year()-1, mon)
			}
		}
		if c.clock && c.gran == GranularityTime && strings.HasSuffix(c.value, "T00:00") && r.midnightOfDay(cs, i) {
			if d, err := parseYMD(c.value[:10]); err == nil {
				c.value = ymd(d.AddDate(0, 0, 1)) + "T00:00"
			}
		}
		if c.value != "" && dayValue(c.value) && !c.clock {
			lastDay = i
		}
	}
	return cs
}

// dayFrameRe matches, at the end of the text before a day, the words
// that make it the reference of another span: "the week of " (the ISO week
// that holds the day: "the week of March 6") and "the day before " or "the
// day after " (the day next to it: "the day before last Tuesday's
// hearing").
var dayFrameRe = regexp.MustCompile(`\b([Tt]he (?:week of|day (before|after))) $`)

// dayFrame widens cs[i], a day, over a frame written before it
// (dayFrameRe) and gives it the frame's value, when no other expression
// covers the frame.
func (r *reader) dayFrame(cs []dateCand, i int) {
	c := &cs[i]
	lo := max(0, c.start-len("the day before "))
	m := dayFrameRe.FindStringSubmatchIndex(r.text[lo:c.start])
	if m == nil || i > 0 && cs[i-1].end > lo+m[2] {
		return
	}
	d, err := parseYMD(c.value[:10])
	if err != nil {
		return
	}
	switch {
	case m[4] < 0:
		c.value, c.gran = isoWeek(d), GranularityWeek
	case r.text[lo+m[4]:lo+m[5]] == "before":
		c.value = ymd(d.AddDate(0, 0, -1))
	default:
		c.value = ymd(d.AddDate(0, 0, 1))
	}
	c.start = lo + m[2]
}

// dayValue reports whether v starts with a full calendar day, YYYY-MM-DD.
func dayValue(v string) bool {
	return len(v) >= 10 && startsDigit(v) && v[4] == '-' && v[7] == '-' && v[5] != 'W'
}

// midnightOfDay reports whether cs[i] is "midnight" written with the day
// it ends: "midnight Friday" (one expression), "midnight on Friday",
// "Friday at midnight".
func (r *reader) midnightOfDay(cs []dateCand, i int) bool {
	t := r.text
	c := cs[i]
	text := strings.ToLower(t[c.start:c.end])
	if !strings.HasPrefix(text, "midnight") && !strings.HasSuffix(text, "midnight") {
		return false
	}
	if text != "midnight" {
		return true // joined with its day by attachTimes
	}
	if i+1 < len(cs) && dayValue(cs[i+1].value) && strings.HasPrefix(cs[i+1].value, c.value[:10]) {
		switch t[c.end:cs[i+1].start] {
		case " on ", ", ", " ":
			return true
		}
	}
	if i > 0 && dayValue(cs[i-1].value) && strings.HasPrefix(cs[i-1].value, c.value[:10]) {
		switch t[cs[i-1].end:c.start] {
		case " at ", ", at ", " until ", " by ":
			return true
		}
	}
	return false
}

var (
	// yearBeforeTailRe matches a candidate that puts the period before it
	// a year back: "the quarter a year ago", "the same quarter last year".
	yearBeforeTailRe = regexp.MustCompile(`^(?:(?:[Aa]|[Oo]ne) year (?:ago|earlier|before)|last year)$`)
	// lastYearsQuarterRe matches "last year's quarter", "last year's third
	// quarter" as a whole candidate.
	lastYearsQuarterRe = regexp.MustCompile(`^[Ll]ast year['’]s (?:[a-z]+ )?quarter$`)
	// samePeriodRe matches what comes before "last year" in "the
	// corresponding period last year", "the same quarter last year".
	samePeriodRe = regexp.MustCompile(`(?:[Tt]he )?(?:same|corresponding|comparable) (?:period|quarter) $`)
	// bareQuarterRe matches a quarter named without its number, which
	// refers to the quarter the text last named: "the quarter", "the same
	// quarter", "the comparable period".
	bareQuarterRe = regexp.MustCompile(`^[Tt]he (?:(?:same|comparable|corresponding|latest) )?(?:quarter|period)$`)
	// ordinalQuarterRe matches a quarter named by its number.
	ordinalQuarterRe = regexp.MustCompile(`(?i)\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b`)
	// periodNounRe matches what follows a year in "the 1988 quarter", "the
	// 1989 period".
	periodNounRe = regexp.MustCompile(`^ (?:quarter|period)\b`)
)

// quarterReach is how far back, in bytes, a quarter named earlier still
// anchors "the 1988 period": about a sentence or two, as in yearEarlier.
const quarterReach = 400

// quarterYears reads the period phrases of earnings news against the
// quarter the text last named, which is the period reported:
//
//   - "the quarter a year ago", "the same quarter last year": one
//     expression, that quarter a year before (1988-Q3 after 1989-Q3);
//   - "last year's quarter", "last year's third quarter": the quarter of
//     the year before publication;
//   - "the 1988 quarter", "the 1988 period": the quarter named, in 1988;
//   - "the corresponding period last year": the quarter named, a year
//     before.
//
// Without a quarter named within quarterReach bytes, or with a length
// named after it ("In the first nine months, net rose from the 1988
// period"), the expressions keep their year values.
func (r *dateRun) quarterYears(cs []dateCand) []dateCand {
	if !r.known {
		return cs
	}
	t := r.text
	lastQ := -1
	quarterNear := func(start int) (string, bool) {
		if lastQ < 0 || start-cs[lastQ].end > quarterReach {
			return "", false
		}
		return cs[lastQ].value[4:], true // "-Q3"
	}
	out := cs[:0]
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		text := t[c.start:c.end]
		isQuarter := c.gran == GranularityQuarter && len(c.value) == 7 && startsDigit(c.value)
		switch {
		case isQuarter && i+1 < len(cs) && cs[i+1].start == c.end+1 && t[c.end] == ' ' &&
			yearBeforeTailRe.MatchString(t[cs[i+1].start:cs[i+1].end]) &&
			(strings.HasSuffix(text, "quarter") || strings.HasSuffix(text, "period")):
			if y, err := strconv.Atoi(c.value[:4]); err == nil {
				q := c.value[4:]
				if bareQuarterRe.MatchString(text) {
					if near, ok := quarterNear(c.start); ok {
						q = near // "the quarter": the one just named
						y, _ = strconv.Atoi(cs[lastQ].value[:4])
					}
				}
				c.value = fmt.Sprintf("%04d%s", y-1, q)
				c.end = cs[i+1].end
				c.offset = "" // resolved here: not an anaphor for resolveAnaphora
				i++
			}
		case isQuarter && lastYearsQuarterRe.MatchString(text):
			q := c.value[4:]
			if near, ok := quarterNear(c.start); ok && !ordinalQuarterRe.MatchString(text) {
				q = near
			}
			c.value = fmt.Sprintf("%04d%s", r.pub.Year()-1, q)
			c.offset = ""
		case c.gran == GranularityYear && len(text) == 4 && strings.HasSuffix(t[:c.start], "the ") &&
			periodNounRe.MatchString(t[c.end:]):
			if q, ok := quarterNear(c.start); ok {
				c.value, c.gran = text+q, GranularityQuarter
				c.start -= len("the ")
				c.end += len(periodNounRe.FindString(t[c.end:]))
			}
		case c.gran == GranularityYear && text == "last year":
			if m := samePeriodRe.FindStringIndex(t[max(0, c.start-40):c.start]); m != nil {
				if q, ok := quarterNear(c.start); ok {
					c.value, c.gran = strconv.Itoa(r.pub.Year()-1)+q, GranularityQuarter
					c.start = max(0, c.start-40) + m[0]
				}
			}
		}
		switch {
		case c.gran == GranularityQuarter && len(c.value) == 7 && startsDigit(c.value) && c.value[5] == 'Q':
			lastQ = len(out)
		case c.gran == GranularityDuration:
			lastQ = -1 // "the first nine months": the period is no longer a quarter
		}
		out = append(out, c)
	}
	return out
}

// openerReach is how far back, in bytes, "A year earlier" opening a
// sentence looks for the period it shifts: the period a story reports is
// often named a few paragraphs before the comparison.
const openerReach = 1500

// comparedWithBefore reports whether the sentence before i compares
// figures with "compared with" or "compared to" within 120 bytes: the
// figure compared may carry its per-share amount ("compared with net
// income of $48.7 million, or $1.11 a share, a year earlier").
func comparedWithBefore(t string, i int) bool {
	seg := sentenceTail(strings.ToLower(t[max(0, i-120):i]))
	return strings.Contains(seg, "compared with") || strings.Contains(seg, "compared to")
}

// anchorYears gives a day or month written without a year the year of an
// explicit year beside it: "August 8 last year", "Last year, on August 8",
// "between 4 March and 9 May 2016", "in 2016, on 4 March".
func (r *reader) anchorYears(cs []dateCand) []dateCand {
	for i := range cs {
		c := &cs[i]
		if !c.noYear {
			continue
		}
		y := 0
		if i+1 < len(cs) && cs[i+1].yearRef != 0 {
			switch r.text[c.end:cs[i+1].start] {
			case " ", ", ", " and ", " to ", " until ", "-", "–", " - ", " – ", " of ", " this ":
				y = cs[i+1].yearRef
			}
		}
		if y == 0 && i > 0 && cs[i-1].yearRef != 0 {
			gap := r.text[cs[i-1].end:c.start]
			if len(gap) <= 40 && !strings.ContainsAny(gap, ".!?\n;") {
				y = cs[i-1].yearRef
			}
		}
		if y == 0 {
			continue
		}
		if c.day == 0 {
			c.value, c.gran = fmt.Sprintf("%04d-%02d", y, c.mon), GranularityMonth
		} else if validDay(y, time.Month(c.mon), c.day) {
			c.value, c.gran = fmt.Sprintf("%04d-%02d-%02d", y, c.mon, c.day), GranularityDay
		}
		c.yearRef = y
	}
	return cs
}
