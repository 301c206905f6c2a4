package dates

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Business periods, as TimeML news annotates them (TimeBank, the dev set
// of pipeline/eval's ScoreTimeML): quarters, halves, fiscal years, "the
// nine months", years used as modifiers ("the 1990 invasion", "its 1988
// results"), the current year, month or week ("for the year."), and the
// steps from one period to the next ("a year earlier", "the following
// month").

var (
	// ordQuarterRe finds "the third quarter", "third-quarter", "its fourth
	// quarter", "this year's first quarter", "the year-ago third quarter",
	// "the 1988 second quarter", "the fiscal first quarter", "the third
	// quarter of 1990".
	ordQuarterRe = newPattern(`\b(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|(?:[Tt]his|[Ll]ast|[Nn]ext) year(?:'s|’s)) )?(?:(year-ago|year-earlier|fiscal|latest|current|(?:19|20)\d\d) )?(?:(fiscal) )?([Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[- ][Qq]uarter\b(?: of ((?:19|20)\d\d)\b)?`,
		nlp.Words("the its their this that last next year-ago year-earlier fiscal latest current first second third fourth 1st 2nd 3rd 4th").Fold())
	// theQuarterRe finds a quarter named by its place: "the quarter",
	// "the latest quarter", "this quarter", "the year-ago quarter", "last
	// year's quarter".
	theQuarterRe = newPattern(`\b(?:[Tt]he (?:(latest|current|past|last|previous|year-ago|year-earlier|same|comparable|corresponding|recent|most recent) )?|[Tt]his |([Ll]ast|[Tt]his|[Nn]ext) year(?:'s|’s) )(?:(year-ago|year-earlier) )?quarter\b`,
		nlp.Words("the this last next").Fold())
	// thePeriodRe finds "the latest period", "the year-ago period", "the
	// comparable year-earlier period": in a quarterly report, a quarter.
	thePeriodRe = newPattern(`\b[Tt]he ((?:comparable |corresponding |same )?(?:latest|year-ago|year-earlier)) period\b`, nlp.Words("the").Fold())
	// yearAgoAdjRe finds "year-ago" and "year-earlier" used alone as
	// adjectives: "a year-earlier loss", "the year-ago results".
	yearAgoAdjRe = newPattern(`\b(?:[Yy]ear-ago|[Yy]ear-earlier)\b`, nlp.Words("year").Fold())
	// halfRe finds "the first half of 1990", "the second half of the
	// year", "the last half of next year".
	halfRe = newPattern(`\b(?:[Tt]he )?([Ff]irst|[Ss]econd|[Ll]ast|[Ll]atter) half of (?:((?:19|20)\d\d)|(?:the|this) (year)|(next|last) year)\b`,
		nlp.Words("the first second last latter").Fold())
	// fiscalRe finds "fiscal 1989", "fiscal year 1990", "the fiscal year",
	// "this fiscal year", "next fiscal year".
	fiscalRe = newPattern(`\b(?:(?:[Tt]he (?:current |new )?|[Ii]ts (?:current )?|([Tt]his|[Ll]ast|[Nn]ext) )?[Ff]iscal (?:year )?((?:19|20)\d\d)|(?:[Tt]he (?:current |new )?|[Ii]ts (?:current )?|([Tt]his|[Ll]ast|[Nn]ext) )[Ff]iscal year)\b`,
		nlp.Words("the its this last next fiscal").Fold())
	// ofPeriodRe finds "the nine months", "the first six months", "the
	// two years": a business period's length.
	ofPeriodRe = newPattern(`\b[Tt]he (?:first |past |last |next |latest |year-earlier |year-ago )?(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (months|weeks|years|quarters|days)\b`, nlp.Words("the").Fold())
)

// sportsWords mark a sentence about a game, whose "third quarter" and
// "first half" are periods of play, not of the calendar.
var sportsWords = []string{" game", "match", "touchdown", " points", "scored", "quarterback", "halftime", "half-time", " inning", "field goal", " goals", " lead ", "play-off", "playoff"}

var ordinalNum = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// quarterOf returns the year and quarter of the publication date.
func (rt refTime) quarterOf() (int, int) {
	return rt.pub.Year(), (int(rt.pub.Month())-1)/3 + 1
}

// quarterBy resolves a quarter named by its place, which being the words
// that name it (" latest", " year-ago", " this", " last year"), tense the
// tense of its sentence: the current quarter for "current" and "this",
// and for a bare "the quarter" in the future tense in the last month of a
// quarter; else the latest reported one (the quarter before the current),
// a year earlier for "year-ago", "year-earlier" and "last year's".
func (rt refTime) quarterBy(which string, tense int) (string, string) {
	y, q := rt.quarterOf()
	back := 0
	switch {
	case strings.Contains(which, "current"), strings.Contains(which, "this") && !strings.Contains(which, "year"):
	case strings.Contains(which, "next"):
		y++
	case tense > 0 && which == "" && (int(rt.pub.Month())-1)%3 == 2:
		// "will rise in the quarter" late in a quarter: the current one.
		// Earlier, results for the last quarter are still being
		// reported, and "expected to earn $1 for the quarter" is about them.
	default:
		back = 1 // the latest reported quarter: the one before the current
	}
	if strings.Contains(which, "last") && strings.Contains(which, "year") ||
		strings.Contains(which, "year-ago") || strings.Contains(which, "year-earlier") {
		y--
	}
	q -= back
	if q == 0 {
		y, q = y-1, 4
	}
	return fmt.Sprintf("%d-Q%d", y, q), GranularityQuarter
}

// simpleDeterminers are the determiners a hyphenated quarter adjective
// leaves out of its span.
var simpleDeterminers = map[string]bool{"the": true, "its": true, "their": true, "that": true}

// periods adds quarters, halves, fiscal years and business periods.
func (r *dateRun) periods() {
	t := r.text
	for _, m := range r.findAll(ordQuarterRe) {
		s, e := m[0], m[1]
		if sentenceHas(t, s, e, sportsWords...) || numberAfter(t, e) {
			continue
		}
		q := ordinalNum[strings.ToLower(t[m[6]:m[7]])]
		lead := strings.ToLower(t[s:m[6]])
		if t[m[7]] == '-' && m[8] < 0 {
			// "its third-quarter loss": the determiner belongs to the
			// noun the adjective modifies, not to the quarter (TimeBank
			// 0 of 9 inside the TIMEX3; "the third quarter" 36 of 40).
			if w, _, ok := strings.Cut(lead, " "); ok && simpleDeterminers[w] {
				s += len(w) + 1
				lead = lead[len(w)+1:]
			}
		}
		mod := ""
		if m[2] >= 0 {
			mod = strings.ToLower(t[m[2]:m[3]])
		}
		explicit := ""
		switch {
		case m[8] >= 0:
			explicit = t[m[8]:m[9]]
		case len(mod) == 4 && startsDigit(mod):
			explicit = mod
		}
		if explicit != "" {
			y, _ := strconv.Atoi(explicit)
			r.add(s, e, fmt.Sprintf("%d-Q%d", y, q), GranularityQuarter)
			r.last().yearRef = y
			continue
		}
		shift := 0
		switch {
		case strings.Contains(lead, "last year"), mod == "year-ago", mod == "year-earlier":
			shift = -1
		case strings.Contains(lead, "next year"):
			shift = 1
		case strings.Contains(lead, "this year"):
			shift = 0
		default:
			shift = 2 // by tense
		}
		r.addRel(s, e, func() (string, string) {
			y, cur := r.quarterOf()
			switch {
			case shift != 2:
				y += shift
			case q > cur && tenseAt(t, s, e) <= 0:
				y-- // "the fourth quarter" in January: the one just ended
			}
			return fmt.Sprintf("%d-Q%d", y, q), GranularityQuarter
		})
	}
	for _, m := range r.findAll(theQuarterRe) {
		s, e := m[0], m[1]
		if sentenceHas(t, s, e, sportsWords...) || e < len(t) && t[e] == '-' {
			continue // "the quarter-to-quarter comparison"
		}
		which := ""
		for _, g := range []int{2, 4, 6} {
			if m[g] >= 0 {
				which += " " + strings.ToLower(t[m[g]:m[g+1]])
			}
		}
		if strings.HasPrefix(strings.ToLower(t[s:e]), "this") {
			which += " this"
		}
		f := func() (string, string) { return r.quarterBy(which, tenseAt(t, s, e)) }
		if which == "" || which == " this" && tenseAt(t, s, e) <= 0 {
			// "the quarter", "this quarter's loss" after "the third
			// quarter" is that quarter.
			r.addAnaphor(s, e, "quarter", true, f)
			continue
		}
		r.addRel(s, e, f)
	}
	quarterly := strings.Contains(t, "quarter") || strings.Contains(t, "Quarter")
	if quarterly {
		// A quarterly report: "the latest period", "the year-ago period"
		// and "year-earlier results" name quarters too.
		for _, m := range r.findAll(thePeriodRe) {
			s, e := m[0], m[1]
			which := " " + strings.ToLower(t[m[2]:m[3]])
			r.addRel(s, e, func() (string, string) { return r.quarterBy(which, tenseAt(t, s, e)) })
		}
	}
	for _, m := range r.findAll(yearAgoAdjRe) {
		s, e := m[0], m[1]
		if nw := nextWord(t, e); nw == "" || nw[0] < 'a' || nw[0] > 'z' || count(nw) > 0 {
			continue // "year-ago Q3" is rare; "the year-earlier nine months" is a length
		}
		r.addRel(s, e, func() (string, string) {
			if quarterly {
				return r.quarterBy(" year-ago", 0)
			}
			return strconv.Itoa(r.pub.Year() - 1), GranularityYear
		})
	}
	for _, m := range r.findAll(halfRe) {
		s, e := m[0], m[1]
		if sentenceHas(t, s, e, sportsWords...) {
			continue
		}
		h := 1
		if w := strings.ToLower(t[m[2]:m[3]]); w != "first" {
			h = 2
		}
		if m[4] >= 0 {
			y, _ := strconv.Atoi(t[m[4]:m[5]])
			r.add(s, e, fmt.Sprintf("%d-H%d", y, h), GranularityQuarter)
			r.last().yearRef = y
			continue
		}
		shift := 0
		if m[8] >= 0 {
			shift = relDirection[strings.ToLower(t[m[8]:m[9]])]
		}
		r.addRel(s, e, func() (string, string) {
			return fmt.Sprintf("%d-H%d", r.pub.Year()+shift, h), GranularityQuarter
		})
	}
	for _, m := range r.findAll(fiscalRe) {
		s, e := m[0], m[1]
		switch {
		case m[4] >= 0:
			y, _ := strconv.Atoi(t[m[4]:m[5]])
			r.add(s, e, t[m[4]:m[5]], GranularityYear)
			r.last().yearRef = y
		default:
			rel := ""
			if m[2] >= 0 {
				rel = strings.ToLower(t[m[2]:m[3]])
			} else if m[6] >= 0 {
				rel = strings.ToLower(t[m[6]:m[7]])
			}
			shift := relDirection[rel]
			r.addRel(s, e, func() (string, string) {
				return strconv.Itoa(r.pub.Year() + shift), GranularityYear
			})
		}
	}
	for _, m := range r.findAll(ofPeriodRe) {
		s, e := m[0], m[1]
		w, _ := prevWord(t, s)
		if !periodPreps[strings.ToLower(w)] || numberAfter(t, e) {
			continue
		}
		unit := strings.TrimSuffix(t[m[4]:m[5]], "s")
		n := count(t[m[2]:m[3]])
		if unit == "quarter" {
			unit, n = "month", 3*n
		}
		r.add(s, e, isoDuration(n, unit), GranularityDuration)
	}
}

// periodPreps are the words after which "the nine months" is a period
// being reported on.
var periodPreps = map[string]bool{"for": true, "in": true, "during": true, "over": true, "of": true, "through": true, "throughout": true}

// yearModifierContext lists the words after which a year modifies a noun:
// "the 1990 invasion", "its 1988 recapitalisation", "for 1989", "into 1990".
var yearModifierContext = map[string]bool{
	"the": true, "a": true, "its": true, "his": true, "her": true, "their": true, "our": true,
	"your": true, "my": true, "whose": true, "for": true, "into": true, "due": true, "than": true,
	"at": true, "over": true, "within": true, "both": true, "fiscal": true, "calendar": true,
}

// pluralAfterYear lists plural nouns that still follow a year used as a
// date ("the 1990 elections"); any other plural makes the number a count
// ("the 2000 workers").
var pluralAfterYear = map[string]bool{
	"results": true, "earnings": true, "elections": true, "olympics": true, "games": true,
	"sales": true, "figures": true, "profits": true, "levels": true, "accounts": true,
	"talks": true, "riots": true, "floods": true, "protests": true, "finals": true, "attacks": true,
}

// adjectiveAfterDeterminer reports whether w, after pw, reads as an
// adjective before a year used as a modifier: a lower-case word with an
// adjective's ending after a determiner or possessive ("his unsuccessful",
// "the disastrous", "its annual"). Not a quantity word ("the first 2000",
// "the remaining 1500").
func adjectiveAfterDeterminer(w, pw string) bool {
	if !yearModifierContext[pw] || pw == "for" || pw == "into" || pw == "due" || pw == "than" || pw == "at" || pw == "over" || pw == "within" || pw == "both" {
		return false
	}
	for _, suf := range []string{"ful", "ous", "al", "ive", "ic", "less", "ed", "ary", "ing"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) && w != "remaining" && w != "estimated" && w != "additional" {
			return true
		}
	}
	return false
}

// yearModifier reports whether the year at [s,e) is a date by
// yearModifierContext: the word before is one of them (or a possessive),
// and the word after is not a plural noun that makes it a count.
func yearModifier(t string, s, e int) bool {
	w, ws := prevWord(t, s)
	lw := strings.ToLower(w)
	possessive := strings.HasSuffix(t[:s], "'s ") || strings.HasSuffix(t[:s], "’s ")
	adjective := false
	if !yearModifierContext[lw] && !possessive {
		// "his unsuccessful 1996 campaign": an adjective between a
		// determiner and the year, a singular noun after it.
		pw, _ := prevWord(t, ws)
		if !adjectiveAfterDeterminer(lw, strings.ToLower(pw)) {
			return false
		}
		adjective = true
	}
	if e < len(t) && (t[e] == '%' || t[e] == '-') {
		return false
	}
	nw := strings.ToLower(nextWord(t, e))
	if adjective && (nw == "" || strings.HasSuffix(nw, "s") || setFollowers[nw]) {
		return false // "the remaining 1998 shares", "the first 2000 of"
	}
	if len(nw) > 3 && strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss") && !pluralAfterYear[nw] {
		return false
	}
	switch nw {
	case "of", "to", "and", "or", "per", "more", "people", "men", "women", "children", "feet", "metres", "meters", "miles":
		// "the 2000 of them", "a 2000 to 1 shot"; "for 1990 and 1991" is
		// caught by the range rule.
		return nw == "and" || nw == "or"
	}
	return true
}

// yearEarlierRe matches a whole candidate "a year earlier", "a year ago",
// "one year before".
var yearEarlierRe = regexp.MustCompile(`^(?:[Aa]|[Oo]ne) year (earlier|ago|before)$`)

// yearEarlier resolves "a year earlier" against the date the text last
// named, keeping its granularity, as TimeML does: after "the third
// quarter" (1989-Q3) it is 1988-Q3, after "March 2019" it is 2018-03. "a
// year ago" is re-read that way only after a quarter ("profit rose from
// $3m a year ago" in a quarterly report is the same quarter last year);
// elsewhere it stays the year before publication. The named date must be
// within the same or the previous sentence's reach (400 bytes).
func (r *dateRun) yearEarlier(cs []dateCand) []dateCand {
	last := -1
	for i := range cs {
		c := &cs[i]
		m := yearEarlierRe.FindStringSubmatch(r.text[c.start:c.end])
		if m == nil {
			if strings.Contains(strings.ToLower(r.text[c.start:c.end]), "year-") {
				continue // "the year-ago quarter" is itself a year before
			}
			if c.value != "" && len(c.value) >= 4 && startsDigit(c.value) {
				switch c.gran {
				case GranularityDay, GranularityMonth, GranularityQuarter, GranularityYear:
					last = i
				}
			}
			continue
		}
		reach := 400
		if sentenceStart(r.text, c.start) {
			// "A year earlier, net income was $2m" opens a sentence about
			// the period the story reports, however far back it was named.
			reach = openerReach
		}
		if last < 0 || c.start-cs[last].end > reach {
			// No date named: in a comparison of figures ("up from $3m a
			// year earlier", "compared with 40% a year earlier") the
			// figure compared is the current one, so it is the year
			// before publication.
			if r.known && m[1] == "earlier" && (comparisonBefore(r.text, c.start) || comparedWithBefore(r.text, c.start)) {
				c.value, c.gran, c.offset = strconv.Itoa(r.pub.Year()-1), GranularityYear, ""
			}
			continue
		}
		prev := cs[last]
		if m[1] == "ago" && prev.gran != GranularityQuarter {
			continue
		}
		v := yearBack(prev.value)
		if v == "" {
			continue
		}
		c.value, c.gran, c.offset = v, prev.gran, ""
	}
	return cs
}

// stepUnitRe matches a whole candidate that names the period next to the
// one the text last named: "the following year", "the previous month",
// "the preceding day".
var stepUnitRe = regexp.MustCompile(`^[Tt]he (following|previous|preceding) (year|month|day)$`)

// stepUnits resolves "the following year", "the previous month" and "the
// preceding day" against the date the text last named, as narrative news
// uses them: after "In 1995 he was promoted" "the following year" is 1996;
// after "in March 1989" "the following month" is 1989-04. The named date
// must be at least as fine as the unit (a year cannot anchor "the
// following month") and within 400 bytes; otherwise the expression stays
// unresolved, as an event may be its anchor ("the day after the vote").
func (r *reader) stepUnits(cs []dateCand) []dateCand {
	last := -1
	for i := range cs {
		c := &cs[i]
		m := stepUnitRe.FindStringSubmatch(r.text[c.start:c.end])
		if m == nil || c.value != "" {
			if c.value != "" && len(c.value) >= 4 && startsDigit(c.value) {
				switch c.gran {
				case GranularityDay, GranularityMonth, GranularityYear:
					last = i
				}
			}
			continue
		}
		if last < 0 || c.start-cs[last].end > 400 {
			continue
		}
		step := 1
		if m[1] != "following" {
			step = -1
		}
		c.value, c.gran, c.offset = stepFrom(cs[last].value, cs[last].gran, m[2], step)
	}
	return cs
}

// yearTailRe matches a candidate that only names a year relative to the
// publication date: "last year", "this year", "next year".
var yearTailRe = regexp.MustCompile(`^(?:[Ll]ast|[Tt]his|[Nn]ext) year$`)

// joinYearTails makes "June last year", "August 8 this year" one
// expression with the value of the day or month (anchorYears has given it
// the year), as TimeML annotates it: the year phrase only says which June.
func (r *reader) joinYearTails(cs []dateCand) []dateCand {
	out := cs[:0]
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if i+1 < len(cs) && (c.gran == GranularityMonth || c.gran == GranularityDay) && c.value != "" {
			n := cs[i+1]
			if n.start == c.end+1 && r.text[c.end] == ' ' && yearTailRe.MatchString(r.text[n.start:n.end]) &&
				n.value != "" && strings.HasPrefix(c.value, n.value) {
				c.end = n.end
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

var (
	// theCurrentRe finds the current period named by "the": "for the
	// year", "earlier in the week", "the end of the month", "for the full
	// year"; currentPeriod decides.
	theCurrentRe = newPattern(`\b([Ee]arlier in|[Ll]ater in|[Ff]or|[Oo]f|[Ii]n) (the(?: full| whole| entire)? (year|month|week|day))\b`,
		nlp.Words("earlier later for of in").Fold())
	// thePeriodsRe finds a possessive "the week's", "the year's".
	thePeriodsRe = newPattern(`\b[Tt]he (year|month|week|day)(?:'s|’s) [a-z]`, nlp.Words("the").Fold())
)

// periodOf lists the nouns before "of the year" that make it the current
// year: "the end of the year", "the first nine months of the year".
var periodOf = map[string]bool{
	"end": true, "start": true, "beginning": true, "rest": true, "remainder": true, "balance": true,
	"middle": true, "part": true, "half": true, "months": true, "weeks": true, "days": true,
	"quarters": true, "quarter": true, "close": true, "course": true,
}

// currentPeriods adds "the year", "the month", "the week" and "the day"
// where they can only mean the current one: after "for" or "earlier/later
// in" (or "in" before "ended" or "ending") and before a punctuation mark or "ended", "ending", "to", "so far"
// ("net income for the year rose.", "later in the day,", "for the year
// ended March 31"), after "the end of", "the first nine months of", and as
// a possessive ("the week's most active session"). They resolve to the
// publication's year, month, ISO week or day, unless a date naming such a
// unit came shortly before ("In July … at the end of the month", "the
// previous month … the month's stories": then it is that one, and left
// out); "the year ended March 31"
// is a twelve-month period, P1Y. "the day of the game", "the year 2000",
// "the day before", "man of the year" stay silent.
func (r *dateRun) currentPeriods() {
	t := r.text
	// add adds the unit at [s,e): a twelve-month length, an anaphor of
	// the unit named shortly before (anaphoric), or the publication's
	// unit, which for a month, week or day is still the day named before
	// it when resolveAnaphora finds one ("on Monday … later in the day").
	add := func(s, e int, unit string, length, anaphoric bool) {
		current := func() (string, string) { return r.currentUnit(unit) }
		switch {
		case length:
			r.add(s, e, "P1Y", GranularityDuration)
		case anaphoric:
			r.addAnaphor(s, e, unit, false, nil)
		case unit == "year":
			r.addRel(s, e, current)
		default:
			r.addAnaphor(s, e, unit, true, current)
		}
	}
	var prior []dateCand // the candidates so far by end, sorted at the first match
	named := func(i int, unit string) bool {
		if prior == nil {
			prior = slices.SortedFunc(slices.Values(r.cands), func(a, b dateCand) int { return cmp.Compare(a.end, b.end) })
		}
		return r.namedBefore(prior, i, unit)
	}
	for _, m := range r.findAll(theCurrentRe) {
		s, e := m[4], m[5]
		unit, lead := t[m[6]:m[7]], strings.ToLower(t[m[2]:m[3]])
		// After "In July", "at the end of the month" is July's end.
		anaphoric := (unit != "year" || lead == "of") && named(s, unit)
		if lead == "of" {
			if w, _ := prevWord(t, m[2]); !periodOf[strings.ToLower(w)] {
				continue
			}
		}
		nw := strings.ToLower(nextWord(t, e))
		rest := strings.TrimLeft(t[e:], " ")
		punct := rest == "" || strings.ContainsRune(",.;:)", rune(rest[0]))
		ended := nw == "ended" || nw == "ending" || nw == "to" && unit == "year"
		if lead == "in" && !(ended && nw != "to") {
			continue // "in the year ended March 31" only: "in the day" is rare and vague
		}
		// "earlier in the year by heavy rains", "sales for the full year
		// were": only a clause or a number after makes them something else.
		within := (lead == "earlier in" || lead == "later in") && !numberAfter(t, e) && !clauseAfter(t, e)
		forYear := lead == "for" && unit == "year" && !numberAfter(t, e) && !notThisYear[nw] && (nw == "of" || !clauseAfter(t, e))
		if !punct && !ended && nw != "so" && !(lead == "of" && unit == "year") && !within && !forYear {
			continue
		}
		if lead == "for" && unit != "year" && !punct {
			continue
		}
		add(s, e, unit, ended && unit == "year", anaphoric)
	}
	for _, m := range r.findAll(thePeriodsRe) {
		unit := t[m[2]:m[3]]
		add(m[0], m[0]+len("the ")+len(unit), unit, false, named(m[0], unit))
	}
	r.anaphoricPeriods()
}

// notThisYear lists the words after "for the year" that make it another
// year than the current one: "for the year ahead", "for the year before".
var notThisYear = map[string]bool{"ahead": true, "following": true, "since": true, "prior": true, "in": true,
	"which": true, "earlier": true, "ago": true, "later": true, "beginning": true, "starting": true,
	"through": true, "until": true, "to": true, "past": true, "preceding": true, "previous": true}

// unitGranularity is the granularity of a date naming one unit.
var unitGranularity = map[string]string{"year": GranularityYear, "month": GranularityMonth, "week": GranularityWeek, "day": GranularityDay}

// namedBefore reports whether a candidate in prior (the candidates found
// so far, sorted by end) that ends in the 300 bytes before i names a unit
// ("July" or "the previous month" for month), so that "the month" at i
// may refer back to it.
func (r *reader) namedBefore(prior []dateCand, i int, unit string) bool {
	gran := unitGranularity[unit]
	j, _ := slices.BinarySearchFunc(prior, i-300, func(c dateCand, lo int) int { return cmp.Compare(c.end, lo) })
	for ; j < len(prior) && prior[j].end <= i; j++ {
		c := prior[j]
		if c.gran == gran || strings.Contains(strings.ToLower(r.text[c.start:c.end]), unit) {
			return true
		}
	}
	return false
}

// comparisonBefore reports whether the clause before i compares figures:
// "compared with", "from", "than", "against", "versus" within the 60
// bytes before it, in the same sentence.
func comparisonBefore(t string, i int) bool {
	seg := sentenceTail(strings.ToLower(t[max(0, i-60):i]))
	for _, w := range []string{"compared with", "compared to", " from ", " than ", " against ", " versus ", " vs"} {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}
