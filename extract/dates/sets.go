package dates

import (
	"fmt"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// This file holds the detector of recurrences (TIMEX3 type SET): "every
// week", "each Thursday", "weekly", "twice a year", "$3m a year", "per
// day", "on Mondays", "Tuesday nights".

var (
	// everyRe finds "every week", "each year", "every other month", "every
	// two years", "every few days", "each Thursday", "each July".
	everyRe = newPattern(`\b(?:[Ee]very|[Ee]ach) (?:(other|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several) )?(day|week|month|year|quarter|hour|decade|`+weekdayAlt+`|`+fullMonth+`)(s)?\b`,
		nlp.Words("every each").Fold())
	// perUnitRe finds "a day", "a year", "per week", "an hour", "per annum"
	// after a quantity; sets decides whether it is a rate.
	perUnitRe = newPattern(`\b(?:[Aa]n?|[Pp]er) (day|week|month|year|quarter|hour|annum)\b`, nlp.Words("a an per").Fold())
	// adverbSetRe finds "daily", "weekly", "annually".
	adverbSetRe = newPattern(`\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b`,
		nlp.Words("hourly daily nightly weekly fortnightly monthly quarterly yearly annually").Fold())
	// pluralWeekdayRe finds "Mondays", "Tuesday nights".
	pluralWeekdayRe = newPattern(`\b(`+weekdayAlt+`)(?:s\b| (morning|afternoon|evening|night)s\b)`,
		func(w string) bool { return isWeekday(strings.TrimSuffix(w, "s")) })
)

// setPeriod is the ISO 8601 period of one unit of a recurrence.
var setPeriod = map[string]string{
	"hour": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "quarter": "P3M", "year": "P1Y",
	"annum": "P1Y", "decade": "P10Y",
	"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
	"monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
}

// notAfterRate lists the words after "a day", "a year" that make it a
// point or a length rather than a rate: "a day after", "a year ago", "a
// week or two", "a day of mourning".
var notAfterRate = map[string]bool{
	"later": true, "after": true, "afterwards": true, "ago": true, "earlier": true, "before": true,
	"old": true, "or": true, "and": true, "of": true, "from": true, "since": true, "into": true,
	"long": true, "off": true, "away": true, "out": true, "late": true,
}

// notRateNoun lists words ending in s that are not plural nouns, so "a
// day" after them is not a rate ("it is a day", "as a year", "this a day").
var notRateNoun = map[string]bool{
	"is": true, "was": true, "has": true, "as": true, "this": true, "his": true, "its": true,
	"us": true, "yes": true, "thus": true, "plus": true, "less": true, "across": true, "does": true,
	"always": true, "perhaps": true, "unless": true, "whereas": true, "towards": true, "besides": true,
	"sometimes": true, "nevertheless": true, "takes": true, "lasts": true, "needs": true, "spends": true,
	"gives": true, "becomes": true, "seems": true, "marks": true, "means": true, "remains": true,
	"bus": true, "news": true, "days": true, "weeks": true, "months": true, "years": true,
}

// rateBefore reports whether the text before i (where "a day" starts)
// ends with a quantity, so the expression is a rate: a plural noun ("three
// meals a day"), a number or a percentage ("5% a year"), "once", "twice",
// "times", or a sum ("$3 million a year").
func rateBefore(t string, i int) bool {
	j := i
	for j > 0 && t[j-1] == ' ' {
		j--
	}
	if j == 0 || j == i {
		return false
	}
	if c := t[j-1]; c == '%' || c >= '0' && c <= '9' {
		return true
	}
	w, _ := prevWord(t, i)
	lw := strings.ToLower(w)
	switch lw {
	case "once", "twice", "thrice", "times", "million", "billion", "trillion", "thousand",
		"hundred", "dozen", "percent", "cent", "miles", "kilometres", "kilometers":
		return true
	}
	if acronymPlural(w) {
		return true // "50,000 CDs a year", "200 SUVs a month"
	}
	if len(lw) < 4 || !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") || strings.HasSuffix(lw, "'s") || notRateNoun[lw] {
		return false
	}
	return w[0] >= 'a' && w[0] <= 'z'
}

// acronymPlural reports whether w is the plural of an acronym: two or
// more capitals and a lower-case s ("CDs", "SUVs").
func acronymPlural(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' {
		return false
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// adjectiveBefore lists the words that make "weekly", "daily" an adjective
// or a noun ("a weekly newspaper", "the daily"), not a recurrence.
var adjectiveBefore = map[string]bool{
	"a": true, "an": true, "the": true, "its": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "each": true, "every": true,
	"national": true, "local": true, "financial": true, "business": true, "regional": true,
}

// sets adds recurrences: "every week" (P1W), "every other month" (P2M),
// "each Thursday" (XXXX-WXX-4), "each July" (XXXX-07), "twice a week" and
// "$3m a year" (P1W, P1Y), "per day", "weekly" used as an adverb ("paid
// weekly", not "a weekly paper" or "Business Weekly"), "on Mondays"
// (XXXX-WXX-1) and "Tuesday nights" (XXXX-WXX-2TNI).
func (r *dateRun) sets() {
	t := r.text
	for _, m := range r.findAll(everyRe) {
		unit := t[m[4]:m[5]]
		n, plural := 1, m[6] >= 0
		switch q := ""; {
		case m[2] < 0:
		case strings.EqualFold(t[m[2]:m[3]], "other"):
			n = 2
		default:
			q = strings.ToLower(t[m[2]:m[3]])
			if n = count(q); !plural {
				continue // "every two week"
			}
		}
		if plural && (m[2] < 0 || n == 2 && strings.EqualFold(t[m[2]:m[3]], "other")) {
			continue // "each years"
		}
		if wd, ok := weekdayNum[unit]; ok {
			if n != 1 {
				continue
			}
			r.add(m[0], m[1], fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1), GranularitySet)
			continue
		}
		if mon := parseMonth(unit); unit[0] >= 'A' && unit[0] <= 'Z' {
			if n != 1 || unit == "May" && r.strictMay {
				continue
			}
			r.add(m[0], m[1], fmt.Sprintf("XXXX-%02d", mon), GranularitySet)
			continue
		}
		u := strings.ToLower(unit)
		if u == "quarter" {
			u, n = "month", 3*n
		}
		r.add(m[0], m[1], isoDuration(n, u), GranularitySet)
	}
	for _, m := range r.findAll(perUnitRe) {
		s, e := m[0], m[1]
		per := strings.EqualFold(t[s:s+3], "per")
		if notAfterRate[strings.ToLower(nextWord(t, e))] || numberAfter(t, e) {
			continue
		}
		if !per && !rateBefore(t, s) {
			continue
		}
		r.add(s, e, setPeriod[strings.ToLower(t[m[2]:m[3]])], GranularitySet)
	}
	for _, m := range r.findAll(adverbSetRe) {
		s, e := m[0], m[1]
		w, _ := prevWord(t, s)
		nw := nextWord(t, e)
		if nw == "basis" {
			// "on a daily basis": a recurrence (0/0, 1/1).
			r.add(s, e, setPeriod[t[s:e]], GranularitySet)
			continue
		}
		if adjectiveBefore[strings.ToLower(w)] {
			continue
		}
		if nw != "" && nw[0] >= 'a' && nw[0] <= 'z' && !setFollowers[nw] {
			continue // "weekly meetings", "daily life": an adjective
		}
		if newspaperName(w, nw) {
			continue // "the Communist Party daily Granma": a newspaper
		}
		r.add(s, e, setPeriod[t[s:e]], GranularitySet)
	}
	for _, m := range r.findAll(pluralWeekdayRe) {
		s, e := m[0], m[1]
		if w, _ := prevWord(t, s); weekdayNames[w] || w == "Happy" {
			continue // "Happy Mondays", "Black Fridays"
		}
		v := fmt.Sprintf("XXXX-WXX-%d", (int(weekdayNum[t[m[2]:m[3]]])+6)%7+1)
		if m[4] >= 0 {
			v += "T" + partOfDay[t[m[4]:m[5]]]
		}
		r.add(s, e, v, GranularitySet)
	}
}

// setFollowers are the lower-case words that may follow an adverb of
// recurrence ("paid weekly to members", "published monthly in print").
var setFollowers = map[string]bool{
	"in": true, "on": true, "at": true, "for": true, "to": true, "and": true, "or": true, "since": true,
	"from": true, "by": true, "until": true, "through": true, "over": true, "during": true, "with": true,
	"but": true, "as": true, "after": true, "before": true, "when": true, "while": true, "if": true,
	"rather": true, "instead": true, "ever": true, "thereafter": true,
	"outside": true, "inside": true, "around": true, "across": true, "near": true, "along": true,
}

// newspaperName reports whether "daily" or "weekly" at [.., e), between
// the words before and after it, is a noun naming a newspaper: "the
// Communist Party daily Granma": the words on both sides are names. Not
// "almost daily. The", where the sentence ends (nextWord gives "").
func newspaperName(before, after string) bool {
	if after == "" || after[0] < 'A' || after[0] > 'Z' || weekdayNames[after] || isMonthWord(strings.ToLower(after)) {
		return false
	}
	return before != "" && before[0] >= 'A' && before[0] <= 'Z'
}
