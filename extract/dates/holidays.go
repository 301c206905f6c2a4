package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Holidays ("Christmas 2016", "at Easter", "last Thanksgiving").

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

var (
	holidayRe = newPattern(`\b(?:([Ll]ast|[Tt]his|[Nn]ext) )?(Christmas(?: Day| Eve)?|Boxing Day|New Year(?:'s|’s)?(?: Day| Eve)?|Hogmanay|Valentine(?:'s|’s) Day|Hallowe(?:'|’)?en|Bonfire Night|Guy Fawkes Night|St\.? Patrick(?:'s|’s) Day|Armistice Day|Remembrance (?:Sunday|Day)|Easter(?: Sunday| Monday)?|Good Friday|Thanksgiving(?: Day)?|Election Day)\b(?:,? (\d{4})\b)?`,
		nlp.Words("last this next christmas boxing new hogmanay valentine halloween hallowe bonfire guy st patrick armistice remembrance easter good thanksgiving election").Fold())
)

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
