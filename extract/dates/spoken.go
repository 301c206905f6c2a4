package dates

import (
	"fmt"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// This file holds spoken years, as broadcast transcripts write them:
// "nineteen ninety-six", "January nineteen ninety-seven", "the year two
// thousand".

var (
	// spokenYearRe finds "nineteen ninety-six", "eighteen twelve",
	// "January nineteen ninety-seven".
	spokenYearRe = newPattern(`\b(?:(`+fullMonth+`) )?([Nn]ineteen|[Ee]ighteen|[Ss]eventeen) (ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?\b`,
		func(w string) bool { return isMonthWord(w) || spokenCentury(w) })
	// yearTwoThousandRe finds "the year two thousand", "the year two
	// thousand and one".
	yearTwoThousandRe = newPattern(`\b[Tt]he year two thousand(?: and (one|two|three|four|five|six|seven|eight|nine|ten))?\b`, nlp.Words("the").Fold())
	spokenCentury     = nlp.Words("nineteen eighteen seventeen").Fold()
)

// spokenNum maps the number words below a hundred to their values, for
// spoken years and for the counts of lengths (durCount).
var spokenNum = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// spokenYears adds years written in words, as a speaker says them:
// "nineteen ninety-six" (1996), "January nineteen ninety-seven" (1997-01),
// "the year two thousand" (2000). A century word followed by a tens word
// is not how English says a count ("nineteen ninety people" is not said),
// so no context is needed, except that a plural noun after it makes it a
// count after all.
func (r *dateRun) spokenYears() {
	t := r.text
	for _, m := range r.findAll(spokenYearRe) {
		s, e := m[0], m[1]
		if nw := strings.ToLower(nextWord(t, e)); len(nw) > 3 && strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss") && !pluralAfterYear[nw] {
			continue
		}
		y := 100*spokenNum[strings.ToLower(t[m[4]:m[5]])] + spokenNum[t[m[6]:m[7]]]
		if m[8] >= 0 {
			if spokenNum[t[m[6]:m[7]]] < 20 {
				continue // "nineteen twelve-six" is not a year
			}
			y += spokenNum[t[m[8]:m[9]]]
		}
		if m[2] >= 0 {
			if t[m[2]:m[3]] == "May" && r.strictMay {
				s = m[4]
			} else {
				r.add(s, e, fmt.Sprintf("%04d-%02d", y, parseMonth(t[m[2]:m[3]])), GranularityMonth)
				r.last().yearRef = y
				continue
			}
		}
		r.add(s, e, fmt.Sprintf("%04d", y), GranularityYear)
		r.last().yearRef = y
	}
	for _, m := range r.findAll(yearTwoThousandRe) {
		y := 2000
		if m[2] >= 0 {
			y += spokenNum[t[m[2]:m[3]]]
		}
		r.add(m[0], m[1], fmt.Sprintf("%04d", y), GranularityYear)
		r.last().yearRef = y
	}
}
