package dates

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// This file holds the detectors FindDates added after its first version:
// numeric dates, decades and centuries, quarters, seasons, holidays,
// PRESENT_REF and friends, durations and event-relative expressions, and
// the passes that run over all candidates (anchorYears, bounds).

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
	seasonRe = newPattern(`\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?) ?)?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b(?:,? (?:of )?(\d{4})\b)?`,
		nlp.Words("last this next early late mid mid- spring summer autumn fall winter").Fold())
	holidayRe = newPattern(`\b(?:([Ll]ast|[Tt]his|[Nn]ext) )?(Christmas(?: Day| Eve)?|Boxing Day|New Year(?:'s|’s)?(?: Day| Eve)?|Hogmanay|Valentine(?:'s|’s) Day|Hallowe(?:'|’)?en|Bonfire Night|Guy Fawkes Night|St\.? Patrick(?:'s|’s) Day|Armistice Day|Remembrance (?:Sunday|Day)|Easter(?: Sunday| Monday)?|Good Friday|Thanksgiving(?: Day)?|Election Day)\b(?:,? (\d{4})\b)?`,
		nlp.Words("last this next christmas boxing new hogmanay valentine halloween hallowe bonfire guy st patrick armistice remembrance easter good thanksgiving election").Fold())
	refRe = newPattern(`\b(?:(?:[Rr]ight )?[Nn]ow|[Cc]urrently|[Nn]owadays|(?:[Mm]ore |[Mm]ost )?[Rr]ecently)\b`, nlp.Words("now currently nowadays recently right more most").Fold())
	// pastFutureRe finds "in the past", "in the near future". Not "the
	// foreseeable future", an idiom for "indefinitely" that TimeBank leaves
	// unannotated (0 of 2).
	pastFutureRe = newPattern(`\b(?:[Ii]n|[Ff]or) (the (?:(?:near|distant|recent) )?(past|future))\b`, nlp.Words("in for").Fold())
	durRe        = newPattern(`\b(?:(?i:nearly|almost|about|around|roughly|more than|less than|at least|up to|some|another|a further|the past|the last|the next|the coming|the first) )?(\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|several|a few|a couple of|few|many)) (?:trading |business |working )?(year|month|week|day|hour|minute|second|decade|century|centurie)s?\b`,
		func(w string) bool { return startsDigit(w) || durStart(strings.ToLower(w)) })
	theUnitRe = newPattern(`\b[Tt]he (past|last|next|coming|previous|following|preceding) (year|month|week|day|hour|decade|fortnight)\b`, nlp.Words("the").Fold())
	adjDurRe  = newPattern(`\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)-(year|month|week|day|hour|minute|decade)(?:-long)?\b`,
		func(w string) bool { return startsDigit(w) || durStart(strings.ToLower(w)) })
	// spacedDurRe finds a length used as an adjective without its hyphen:
	// "a five year low", "the two day rally", "a three hour meeting".
	spacedDurRe = newPattern(`\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir) ((?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)|\d{1,3}) (year|month|week|day|hour|minute|decade) [a-z]`,
		nlp.Words("a an the its their").Fold())
	forUnitsRe = newPattern(`\b[Ff]or (years|months|weeks|days|decades|hours|centuries)\b`, nlp.Words("for").Fold())
	eventRelRe = newPattern(`\b(days|weeks|months|years|hours|moments|minutes) (later|after|before|earlier)\b`, nlp.Words("days weeks months years hours moments minutes").Fold())
)

// durationVerbs lists words after which "three years" is a duration.
var durationVerbs = map[string]bool{"for": true, "over": true, "within": true, "during": true,
	"lasting": true, "spanning": true, "spent": true, "took": true, "served": true, "after": true}

var durStart = nlp.Words("nearly almost about around roughly more less at up some another a an the one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred several few many").Fold()

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "a hundred": 100,
	"a couple of": 2,
}

// count reads a duration's number: digits, a number word, or -1 for an
// unspecified one ("several", "a few").
func count(s string) int {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if n, ok := numberWords[s]; ok {
		return n
	}
	return -1
}

// isoDuration formats n units as an ISO 8601 duration; n < 0 is "X", an
// unspecified number, as TIMEX3 writes "PXY" for "several years".
func isoDuration(n int, unit string) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch unit {
	case "hour":
		return "PT" + num + "H"
	case "minute":
		return "PT" + num + "M"
	case "second":
		return "PT" + num + "S"
	case "decade":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 10*n)
		}
		return "PXDE"
	case "century", "centurie":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 100*n)
		}
		return "PXCE"
	case "fortnight":
		if n >= 0 {
			return fmt.Sprintf("P%dW", 2*n)
		}
	}
	return "P" + num + strings.ToUpper(unit[:1])
}

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

// sentenceHas reports whether the sentence around [s,e) contains any of
// words (case-insensitively).
func sentenceHas(t string, s, e int, words ...string) bool {
	lo := max(0, s-200)
	if i := lastSentenceEnd(t[lo:s]); i >= 0 {
		lo += i + 1
	}
	hi := min(len(t), e+200)
	if i := firstSentenceEnd(t[e:hi]); i >= 0 {
		hi = e + i
	}
	seg := strings.ToLower(t[lo:hi])
	for _, w := range words {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}

var seasonCode = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

// seasonStart is the first month of a season; winter YYYY runs from
// December YYYY to February YYYY+1.
var seasonStart = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}

func seasonSpan(y int, code string) (time.Time, time.Time) {
	lo := time.Date(y, seasonStart[code], 1, 0, 0, 0, 0, time.UTC)
	return lo, lo.AddDate(0, 3, -1)
}

// seasonPrep lists words after which a bare season name is a date: "in
// summer", "over the winter".
var seasonPrep = map[string]bool{"in": true, "during": true, "by": true, "until": true, "since": true,
	"over": true, "through": true, "throughout": true, "before": true, "after": true}

// seasons adds seasons: "summer 2019", "last winter", "this spring", "in
// the autumn", "the summer of 2018".
func (r *dateRun) seasons() {
	t := r.text
	for _, m := range r.findAll(seasonRe) {
		mod := ""
		if m[2] >= 0 {
			mod = strings.ToLower(strings.TrimSuffix(t[m[2]:m[3]], "-"))
		}
		name := t[m[4]:m[5]]
		code := seasonCode[strings.ToLower(name)]
		hasYear := m[6] >= 0
		s, e := m[0], m[1]
		if mod == "early" || mod == "late" || mod == "mid" {
			if !hasYear {
				// "early summer" alone: the season without the modifier.
				s, mod = m[4], ""
			}
		}
		if !hasYear && mod == "" {
			if strings.EqualFold(name, "fall") {
				continue // "fall" is a verb unless "last fall", "fall 2019"
			}
			w, ws := prevWord(t, s)
			lw := strings.ToLower(w)
			if lw == "the" {
				w2, _ := prevWord(t, ws)
				if !seasonPrep[strings.ToLower(w2)] {
					continue
				}
			} else if !seasonPrep[lw] {
				continue
			}
			if nw := nextWord(t, e); nw != "" && (nw[0] >= 'A' && nw[0] <= 'Z' || lowerNoun(nw)) {
				continue // "Summer Olympics", "spring water", "winter fuel"
			}
		}
		if hasYear {
			if numberAfter(t, m[1]) {
				continue
			}
			y, _ := strconv.Atoi(t[m[6]:m[7]])
			r.add(s, e, fmt.Sprintf("%04d-%s", y, code), GranularitySeason)
			r.last().yearRef = y
			continue
		}
		r.addRel(s, e, func() (string, string) {
			return fmt.Sprintf("%04d-%s", r.seasonYear(code, mod, tenseAt(t, s, e)), code), GranularitySeason
		})
	}
}

// lowerNoun reports whether w is a lower-case word that makes a season or
// holiday name a modifier ("winter fuel", "Christmas tree") rather than a
// date.
func lowerNoun(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w {
	case "and", "or", "in", "on", "at", "the", "this", "last", "next", "when", "as", "with", "to",
		"for", "he", "she", "they", "we", "it", "that", "is", "was", "will", "would", "has", "had",
		"have", "after", "before", "of", "but", "if", "so", "than", "while", "because", "a", "an":
		return false
	}
	return true
}

// seasonYear picks the year of a season relative to the publication date.
func (r *dateRun) seasonYear(code, mod string, tense int) int {
	y := r.pub.Year()
	if code == "WI" && r.pub.Month() <= time.February {
		y-- // January 2019 is in winter 2018
	}
	lo, hi := seasonSpan(y, code)
	switch {
	case mod == "last":
		if !hi.Before(r.pub) {
			y--
		}
	case mod == "next":
		if !lo.After(r.pub) {
			y++
		}
	case mod == "this":
	case tense < 0 && lo.After(r.pub):
		y--
	case tense > 0 && hi.Before(r.pub):
		y++
	}
	return y
}

// holidayNorm folds the spellings of holiday names holidayDate accepts.
var holidayNorm = strings.NewReplacer("’", "'", "St. ", "St ")

// fixedHolidays are the holidays on the same day every year, by lower-case
// name, as month and day.
var fixedHolidays = map[string][2]int{
	"christmas": {12, 25}, "christmas day": {12, 25}, "christmas eve": {12, 24}, "boxing day": {12, 26},
	"new year": {1, 1}, "new year's": {1, 1}, "new year's day": {1, 1}, "new year day": {1, 1},
	"new year's eve": {12, 31}, "new year eve": {12, 31}, "hogmanay": {12, 31},
	"valentine's day": {2, 14}, "halloween": {10, 31}, "hallowe'en": {10, 31}, "halloween ": {10, 31},
	"bonfire night": {11, 5}, "guy fawkes night": {11, 5}, "st patrick's day": {3, 17},
	"armistice day": {11, 11}, "remembrance day": {11, 11},
}

// holidayDate returns the date of a holiday in year y.
func holidayDate(name string, y int) (time.Time, bool) {
	n := strings.ToLower(holidayNorm.Replace(name))
	n = strings.Replace(n, "st. ", "st ", 1)
	if md, ok := fixedHolidays[n]; ok {
		return time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC), true
	}
	switch n {
	case "easter", "easter sunday":
		return easter(y), true
	case "easter monday":
		return easter(y).AddDate(0, 0, 1), true
	case "good friday":
		return easter(y).AddDate(0, 0, -2), true
	case "thanksgiving", "thanksgiving day": // the fourth Thursday of November
		d := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
		d = d.AddDate(0, 0, (int(time.Thursday)-int(d.Weekday())+7)%7)
		return d.AddDate(0, 0, 21), true
	case "election day": // the Tuesday after the first Monday of November (US)
		d := time.Date(y, time.November, 2, 0, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, (int(time.Tuesday)-int(d.Weekday())+7)%7), true
	case "remembrance sunday": // the second Sunday of November
		d := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
		d = d.AddDate(0, 0, (7-int(d.Weekday()))%7)
		return d.AddDate(0, 0, 7), true
	}
	return time.Time{}, false
}

// easter is Easter Sunday in the Gregorian calendar (the anonymous
// Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayPrep lists words after which a bare holiday name is a date.
var holidayPrep = map[string]bool{"at": true, "by": true, "before": true, "after": true, "until": true,
	"till": true, "over": true, "since": true, "on": true, "for": true, "during": true, "around": true,
	"from": true, "to": true, "this": true, "last": true, "next": true}

// holidays adds holidays with a fixed or computable date: "Christmas Day",
// "on Boxing Day", "before Christmas", "Easter 2016", "last Thanksgiving".
func (r *dateRun) holidays() {
	t := r.text
	for _, m := range r.findAll(holidayRe) {
		s, e := m[0], m[1]
		mod := ""
		if m[2] >= 0 {
			mod = strings.ToLower(t[m[2]:m[3]])
		}
		name := t[m[4]:m[5]]
		specific := strings.HasSuffix(name, " Day") || strings.HasSuffix(name, " Eve") ||
			strings.HasSuffix(name, " Night") || strings.HasSuffix(name, " Sunday") ||
			strings.HasSuffix(name, " Monday") || name == "Good Friday" || name == "Hogmanay"
		if pw, pws := prevWord(t, m[4]); pw != "" && pw[0] >= 'A' && pw[0] <= 'Z' && mod == "" && !sentenceStart(t, pws) {
			if _, ok := holidayPrep[strings.ToLower(pw)]; !ok {
				continue // "Chinese New Year", "Orthodox Christmas"
			}
		}
		if m[6] < 0 && mod == "" && !specific {
			w, _ := prevWord(t, s)
			if !holidayPrep[strings.ToLower(w)] {
				continue
			}
			if nw := nextWord(t, e); nw != "" && (nw[0] >= 'A' && nw[0] <= 'Z' || lowerNoun(nw)) {
				continue // "Christmas tree", "Easter Rising"
			}
		}
		if m[6] >= 0 {
			if numberAfter(t, m[1]) {
				continue
			}
			y, _ := strconv.Atoi(t[m[6]:m[7]])
			if d, ok := holidayDate(name, y); ok {
				r.add(s, e, ymd(d), GranularityDay)
				r.last().yearRef = y
			}
			continue
		}
		if _, ok := holidayDate(name, 2000); !ok {
			continue
		}
		r.addRel(s, e, func() (string, string) {
			tense := tenseAt(t, s, e)
			if mod == "last" {
				tense = -2
			} else if mod == "next" {
				tense = 2
			}
			// Candidates come in date order: the past modes keep the
			// latest, the future ones the first, no tense the nearest.
			var best time.Time
			for _, y := range []int{r.pub.Year() - 1, r.pub.Year(), r.pub.Year() + 1} {
				d, _ := holidayDate(name, y)
				switch {
				case mod == "this" && y != r.pub.Year(),
					tense == -2 && !d.Before(r.pub), tense == 2 && !d.After(r.pub),
					tense == -1 && d.After(r.pub), tense == 1 && d.Before(r.pub):
					continue
				}
				switch {
				case best.IsZero(), tense < 0:
					best = d
				case tense == 0 && absDur(d.Sub(r.pub)) < absDur(best.Sub(r.pub)):
					best = d
				}
			}
			if best.IsZero() {
				return "", ""
			}
			return ymd(best), GranularityDay
		})
	}
}

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

// durations adds durations ("for three years", "over the past few weeks",
// "a 24-hour strike") and expressions relative to an event rather than to
// the publication date ("two days later", "days after"), whose value is
// nil.
func (r *dateRun) durations() {
	t := r.text
	for _, m := range r.findAll(durRe) {
		s, e := m[0], m[1]
		if numberBefore(t, s) || numberAfter(t, e) {
			continue
		}
		num, unit := t[m[2]:m[3]], t[m[4]:m[5]]
		if unit == "centurie" && !strings.HasSuffix(t[s:e], "centuries") {
			continue
		}
		after := strings.ToLower(nextWord(t, e))
		if after == "ago" || after == "old" || strings.HasPrefix(t[e:], "-old") || after == "of" && strings.HasPrefix(strings.ToLower(t[e:]), " of age") {
			continue // a point ("three years ago"), an age ("20 years old")
		}
		w, _ := prevWord(t, s)
		lw := strings.ToLower(w)
		n := count(num)
		switch after {
		case "later", "earlier", "after", "before", "afterwards", "beforehand":
			ae := e
			for ae < len(t) && t[ae] == ' ' {
				ae++
			}
			r.add(s, ae+len(after), "", "") // relative to an event
			continue
		}
		lead := strings.ToLower(t[s:m[2]])
		if lead == "" && !durationVerbs[lw] {
			continue
		}
		if (num == "a" || num == "an") && lead == "" && lw != "for" && lw != "within" {
			continue // "over a day" is rare; "for a day" is a duration
		}
		r.add(s, e, isoDuration(n, unit), GranularityDuration)
	}
	for _, m := range r.findAll(theUnitRe) {
		which, unit := strings.ToLower(t[m[2]:m[3]]), t[m[4]:m[5]]
		switch which {
		case "past", "last", "coming":
			r.add(m[0], m[1], isoDuration(1, unit), GranularityDuration)
		default: // "the next day", "the previous week": relative to an event
			r.add(m[0], m[1], "", "")
		}
	}
	for _, m := range r.findAll(adjDurRe) {
		s, e := m[0], m[1]
		if numberBefore(t, s) || strings.HasPrefix(t[e:], "-old") || strings.HasPrefix(t[e:], " old") {
			continue // "a 20-year-old", "a 4-day old baby"
		}
		if w, _ := prevWord(t, s); strings.EqualFold(w, "aged") {
			continue
		}
		r.add(s, e, isoDuration(count(t[m[2]:m[3]]), t[m[4]:m[5]]), GranularityDuration)
	}
	for _, m := range r.findAll(spacedDurRe) {
		s, e := m[2], m[5]
		nw := strings.ToLower(nextWord(t, e))
		if notAfterRate[nw] || nw == "old" || strings.HasPrefix(t[e:], " "+nw+" old") || strings.HasPrefix(t[e:], " "+nw+"-old") {
			continue // "a two year old", "the five day old strike", "a two day after"
		}
		r.add(s, e, isoDuration(count(t[m[2]:m[3]]), t[m[4]:m[5]]), GranularityDuration)
	}
	for _, m := range r.findAll(forUnitsRe) {
		unit := strings.TrimSuffix(strings.TrimSuffix(t[m[2]:m[3]], "s"), "ie")
		if unit == "centur" {
			unit = "century"
		}
		r.add(m[2], m[3], isoDuration(-1, unit), GranularityDuration) // "for years": PXY
	}
	for _, m := range r.findAll(eventRelRe) {
		if w, _ := prevWord(t, m[0]); w != "" && (count(w) != -1 || startsDigit(w)) {
			continue // durRe has "two days later"
		}
		r.add(m[0], m[1], "", "")
	}
}

// anchorYears gives a day or month written without a year the year of an
// explicit year beside it: "August 8 last year", "Last year, on August 8",
// "between 4 March and 9 May 2016", "in 2016, on 4 March".
func (r *dateRun) anchorYears(cs []dateCand) []dateCand {
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

// bounds returns the first and last day (inclusive) of the interval a
// value names, as RFC 3339 full dates, or instants for a clock time with a
// known zone. ok is false for values that are not calendar intervals.
func bounds(value, gran, zone string) (begin, through string, ok bool) {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	span := func(lo, hi time.Time) (string, string, bool) { return day(lo), day(hi), true }
	switch gran {
	case GranularityDay:
		return value, value, true
	case GranularityPartOfDay:
		return value[:10], value[:10], true
	case GranularityTime:
		if zone == "" {
			return value[:10], value[:10], true
		}
		z := zone
		if z == "+00:00" {
			z = "Z"
		}
		inst := value + ":00" + z
		return inst, inst, true
	case GranularityWeek, GranularityWeekend:
		y, _ := strconv.Atoi(value[:4])
		w, _ := strconv.Atoi(value[6:8])
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if gran == GranularityWeekend {
			return span(mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6))
		}
		return span(mon, mon.AddDate(0, 0, 6))
	case GranularityMonth:
		lo, err := time.Parse("2006-01", value)
		if err != nil {
			return "", "", false
		}
		return span(lo, lo.AddDate(0, 1, -1))
	case GranularitySeason:
		y, _ := strconv.Atoi(value[:4])
		return span(seasonSpan(y, value[5:]))
	case GranularityQuarter:
		y, _ := strconv.Atoi(value[:4])
		q := int(value[6] - '0')
		lo := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return span(lo, lo.AddDate(0, 3, -1))
	case GranularityYear:
		y, _ := strconv.Atoi(value)
		return span(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	case GranularityDecade:
		d, _ := strconv.Atoi(value)
		return span(time.Date(10*d, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10*d+9, 12, 31, 0, 0, 0, 0, time.UTC))
	case GranularityCentury:
		c, _ := strconv.Atoi(value)
		return span(time.Date(100*c, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(100*c+99, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	return "", "", false
}

// Expressions that AQUAINT and TimeBank annotate and the first passes
// missed, and uses of time words that are not times. Counts are (TimeBank
// annotated/occurring, AQUAINT annotated/occurring) on the TempEval-3 dev
// sets.
var (
	// longAgoRe finds a point decades or centuries back: "a decade ago",
	// "more than four decades ago", "a century ago" (0/0, 3/3).
	longAgoRe = newPattern(`\b(?:(?i:more than|nearly|almost|about|around|roughly|some|over|less than|just over) )?(\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten)) (decade|century|centurie)s? ago\b`,
		func(w string) bool { return startsDigit(w) || durStart(strings.ToLower(w)) })
	// thisCenturyRe finds "this century", "last century", "next century"
	// (0/0, 2/2).
	thisCenturyRe = newPattern(`\b([Tt]his|[Ll]ast|[Nn]ext) century\b`, nlp.Words("this last next").Fold())
	// yearListRe finds the years after the first of a list that ends in
	// "and" or "or": ", 1995 and 1997" after "in 1994" (0/0, 1/1).
	yearListRe = regexp.MustCompile(`^((?:, (?:19|20)\d\d)*),? (?:and|or) ((?:19|20)\d\d)\b`)
	listYearRe = regexp.MustCompile(`(?:19|20)\d\d`)
	// datingToRe finds a year a series starts in: "attacks dating to
	// 1994", "a feud that dates back to 2001" (0/0, 1/1).
	datingToRe = newPattern(`\b(?:dating|dates?|dated) (?:back )?(?:to|from) ((?:19|20)\d\d)\b`, nlp.Words("dating date dates dated").Fold())
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

// moreYears adds the years a first pass leaves: the rest of a list ("in
// 1994, 1995 and 1997", the first found by years) and a year a series
// dates to ("dating to 1994").
func (r *dateRun) moreYears() {
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

// tidySpans is the last word on the spans of the candidates left by
// resolveOverlaps: it drops figurative uses (dropFigurative) and takes in
// a leading "early", "late", "mid" or "the end of" (extendModifiers).
func (r *dateRun) tidySpans(cs []dateCand) []dateCand {
	return r.extendModifiers(r.dropFigurative(cs))
}

// modifiedRe matches the candidates a leading "early", "late" or "mid"
// belongs to: a month, a year, a named day, a weekday alone, and "this",
// "next" or "last" with a unit.
var modifiedRe = regexp.MustCompile(`^(?:` + fullMonth + `|(?:19|20)\d\d|[Tt]oday|[Yy]esterday|[Tt]omorrow|` + weekdayAlt +
	`|(?:[Tt]his|[Nn]ext|[Ll]ast) (?:week|month|year|quarter|decade|century))$`)

// extendModifiers takes "early", "late" or "mid" into the span of the
// expression it modifies: "late November", "early next year", "mid-1996",
// "Late Monday". TimeBank puts it inside the TIMEX3 21 of 21 times,
// AQUAINT 10 of 18 (it leaves it out of "early Friday morning", which
// stays out here, a part of day being modified).
func (r *dateRun) extendModifiers(cs []dateCand) []dateCand {
	t := r.text
	for i := range cs {
		c := &cs[i]
		if !modifiedRe.MatchString(t[c.start:c.end]) {
			continue
		}
		s := c.start
		switch {
		case s >= 4 && strings.EqualFold(t[s-4:s], "mid-"):
			s -= 4
		default:
			w, ws := prevWord(t, s)
			if !strings.EqualFold(w, "early") && !strings.EqualFold(w, "late") && !strings.EqualFold(w, "mid") || ws+len(w)+1 != s {
				continue
			}
			if pw, _ := prevWord(t, ws); degreeWords(strings.ToLower(pw)) {
				continue // "too late today", "as early as Tuesday": an adverb of its own
			}
			s = ws
		}
		if s > 0 && isAlnum(t[s-1]) || i > 0 && cs[i-1].end > s {
			continue
		}
		c.start = s
	}
	for i := range cs {
		c := &cs[i]
		if !partOfRe.MatchString(t[c.start:c.end]) {
			continue
		}
		m := partBeforeRe.FindStringIndex(t[max(0, c.start-24):c.start])
		if m == nil {
			continue
		}
		s := max(0, c.start-24) + m[0]
		if s > 0 && isAlnum(t[s-1]) || i > 0 && cs[i-1].end > s {
			continue
		}
		c.start = s
	}
	return cs
}

// partOfRe matches the candidates "the end of" and its kin belong to, and
// partBeforeRe the words themselves: "the end of November", "the
// beginning of October", "the end of this week", "the end of the year"
// (TimeBank 9 of 9 inside the TIMEX3, AQUAINT none). Not "the end of the
// day", an idiom for "in the end".
var (
	partOfRe     = regexp.MustCompile(`^(?:` + fullMonth + `|(?:19|20)\d\d|(?:[Tt]he|[Tt]his|[Nn]ext|[Ll]ast) (?:week|month|year|quarter|decade|century))$`)
	partBeforeRe = regexp.MustCompile(`\b[Tt]he (?:end|beginning|start|middle) of $`)
)

// aroundClockRe matches "24 hours a day" and "seven days a week", which mean
// "always" (0/0, 0/1), not a length and a recurrence.
var aroundClockRe = regexp.MustCompile(`(?i)\b(?:24|twenty-four) hours a day\b|\b(?:7|seven) days a week\b`)

// aroundTheClock reports whether [s,e) lies inside "24 hours a day" or
// "seven days a week".
func aroundTheClock(t string, s, e int) bool {
	lo, hi := max(0, s-16), min(len(t), e+16)
	for _, m := range aroundClockRe.FindAllStringIndex(t[lo:hi], -1) {
		if lo+m[0] <= s && e <= lo+m[1] {
			return true
		}
	}
	return false
}

// degreeWords make "early" or "late" an adverb of its own: "too late
// today", "so early Monday".
var degreeWords = nlp.Words("too so very as how").Fold()

// dropFigurative removes time words used as something else: "High Noon"
// (a film, "high noon" a moment of decision: 0/0, 0/2) and "at the end of
// the day" (in the end), "24 hours a day" (always). Generic "today's
// world" stays, as PRESENT_REF (genericDays): Byline's guidelines annotate
// it though TimeBank (0/2) and AQUAINT (0/2) do not.
func (r *dateRun) dropFigurative(cs []dateCand) []dateCand {
	t := r.text
	return slices.DeleteFunc(cs, func(c dateCand) bool {
		w := strings.ToLower(t[c.start:c.end])
		pw, _ := prevWord(t, c.start)
		if aroundTheClock(t, c.start, c.end) {
			return true
		}
		switch w {
		case "noon":
			return strings.EqualFold(pw, "high")
		case "the day":
			// "at the end of the day": in the end, not a day.
			return strings.HasSuffix(strings.ToLower(t[:c.start]), "at the end of ")
		}
		return false
	})
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
