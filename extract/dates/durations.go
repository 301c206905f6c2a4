package dates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Durations get ISO 8601 values ("P3Y", "PT24H", "PXW"). durations finds
// the common ones: a count after a word that makes it a length ("for
// three years", "over the past few weeks"), lengths as adjectives ("a
// 24-hour strike") and expressions relative to an event ("two days
// later"). lengths finds the rest: counts with no preposition before them ("spent five years", "210
// years of loyalty", "2 1/2 years"), compound and long numbers ("twenty
// four hours", "more than two thousand years", "a minute and a half"),
// counts with "more" or "additional" ("at least 20 more years", "an
// additional year"), ranges and disjunctions ("two to three weeks", "a
// year or two", "weeks or months", "the next 12 to 18 months"), vague
// lengths ("for some time", "a while", "a fairly lengthy period", "within
// weeks", "months of talks", "over the years", "the weeks ahead") and
// lengths used as adjectives ("a several-year tenure", "a multi-year
// deal").

// Number words of a count, from which longer numbers are built.
const (
	onesWords  = `one|two|three|four|five|six|seven|eight|nine`
	teensWords = `ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`
	tensWords  = `twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`
	// smallNum is a number word below a hundred: "four", "twenty four",
	// "twenty-four", "fifteen".
	smallNum = `(?:(?:` + tensWords + `)(?:[- ](?:` + onesWords + `))?|` + teensWords + `|` + onesWords + `)`
	// countNum is a whole count: digits ("210", "2,000", "2 1/2"), words
	// ("two thousand", "a hundred"), or an unspecified count ("several",
	// "a couple of").
	countNum = `(?:\d{1,3}(?:,\d{3})*(?: 1/2)?|(?:(?:a|one|` + smallNum + `) (?:hundred|thousand)|` + smallNum +
		`)|a couple of|couple of|a few|few|several|many|a dozen|an?)`
)

var (
	// countDurRe finds a count of units with what may surround it: a
	// modifier that TimeML keeps in the span ("at least", "more than",
	// "nearly", "another", "the next"), a range ("two to three", "12 to
	// 18"), "more" or "additional" ("20 more years"), a half ("and a
	// half"), and a tail ("or so", "or two", "or more").
	countDurRe = newPattern(`\b((?i:(?:(?:at least|no more than|more than|less than|fewer than|up to|nearly|almost|about|around|roughly|approximately) )?(?:the past|the last|the next|the coming|the first|the final|the previous|the following|the latest|the year-earlier|the year-ago|the comparable|the corresponding) |(?:at least|no more than|more than|less than|fewer than|up to|nearly|almost|about|around|roughly|approximately|some|another|a further|an additional|an extra) ))?`+
		`((?i:`+countNum+`)(?: and a half)?)((?: to | or |-|–)(?i:`+countNum+`))?`+
		` (?:(more|additional|extra|further) )?(?:trading |business |working |calendar )?`+
		`(year|month|week|day|hour|minute|second|decade|century|centuries|quarter|fortnight)(s)?\b`+
		`( and a half)?( or (?:so|two|more|longer))?`,
		func(w string) bool { return startsDigit(w) || countDurStart(strings.ToLower(w)) })
	// unitsOrRe finds a disjunction or range of bare units: "weeks or
	// months", "days to weeks".
	unitsOrRe = newPattern(`\b(hours|days|weeks|months|years|decades) (?:or|to) (?:hours|days|weeks|months|years|decades)\b`,
		nlp.Words("hours days weeks months years decades").Fold())
	// bareUnitsRe finds a plural unit with no count: "within weeks",
	// "months of talks", "in years".
	bareUnitsRe = newPattern(`\b(hours|days|weeks|months|years|decades|quarters)\b`,
		nlp.Words("hours days weeks months years decades quarters").Fold())
	// theUnitsRe finds "the years" after "over", "the weeks ahead", "the
	// first hours".
	theUnitsRe = newPattern(`\b(?:((?i:over|through|down|across|during)) )?([Tt]he (?:(first|early) )?(hours|days|weeks|months|years|decades)(?: (ahead|to come))?)\b`,
		nlp.Words("over through down across during the").Fold())
	// whileRe finds vague lengths: "for some time", "for a while", "a
	// fairly lengthy period", "a long time".
	whileRe = newPattern(`\b(?:([Ff]or|[Ii]n|[Aa]fter|[Ww]ithin) )?((?:(?:quite )?some time|(?:quite )?a while|(?:quite )?a (?:(?:very|fairly|relatively|rather) )?(?:long|lengthy|short|brief|considerable|limited) (?:time|period|while)))\b`,
		nlp.Words("for in after within some quite a").Fold())
	// periodRe finds a length used as an adjective of "period", which
	// names the length itself: "a three-year period", "the 90-day period".
	periodRe = newPattern(`\b(?:[Aa]n?|[Tt]he) ((?i:\d{1,3}|`+smallNum+`))-(year|month|week|day|hour|minute|decade)(?:-long)? period\b`,
		nlp.Words("a an the").Fold())
	// halfUnitRe finds half a unit: "half an hour", "half a century", "a
	// half-hour".
	halfUnitRe = newPattern(`\b(?:[Hh]alf an? |[Aa] half[- ])(hour|day|year|decade|century)\b`, nlp.Words("half a").Fold())
	// longRe finds a length as a "-long" adjective: "a decade-long war",
	// "a months-long inquiry".
	longRe = newPattern(`\b(?:(hour|day|week|month|year|decade|century)|(hours|days|weeks|months|years|decades|centuries))-long\b`,
		nlp.Words("hour day week month year decade century hours days weeks months years decades centuries").Fold())
	// approxAgoRe finds a point counted back with a modifier, which
	// TimeML keeps in the span: "nearly four years ago", "about two
	// weeks ago". agoRe in patterns.go finds the point without it.
	approxAgoRe = newPattern(`\b(?i:almost|nearly|about|around|roughly|some|approximately|more than|less than|over) (\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)) (day|week|month|year)s? ago\b`,
		nlp.Words("almost nearly about around roughly some approximately more less over").Fold())
	// vagueAdjDurRe finds a length of unstated count used as an
	// adjective: "a several-year tenure", "a multi-year deal".
	vagueAdjDurRe = newPattern(`\b(?:several|multi|many)-(year|month|week|day|decade)\b`, nlp.Words("several multi many").Fold())
)

// countDurStart lists the words countDurRe can start with, besides digits.
var countDurStart = nlp.Words("at no more less fewer up nearly almost about around roughly approximately some another an a the " +
	strings.ReplaceAll(onesWords+"|"+teensWords+"|"+tensWords, "|", " ") + " couple few several many").Fold()

// articleDurVerbs lists the words after which "a week" or "one day" with
// nothing else before it is a length: "for a week", "offered him a
// week", "spent a year". Elsewhere "a week" is mostly a rate ("four
// flights a week") and "one day" a vague future ("will one day be").
var articleDurVerbs = map[string]bool{
	"for": true, "within": true, "in": true, "after": true, "than": true, "spent": true, "spend": true,
	"spends": true, "spending": true, "took": true, "take": true, "takes": true, "taking": true,
	"last": true, "lasts": true, "lasted": true, "lasting": true, "offered": true, "gave": true,
	"give": true, "given": true, "giving": true, "job": true, "post": true, "office": true, "barely": true,
	"only": true, "just": true, "waited": true, "wait": true, "remained": true, "stayed": true,
	"by": true,
}

// giveVerbs lists the verbs whose object may stand between them and a
// length: "gave him a week", "offered them a day".
var giveVerbs = map[string]bool{
	"give": true, "gave": true, "given": true, "giving": true, "gives": true, "offer": true,
	"offered": true, "offers": true, "offering": true, "grant": true, "granted": true, "allow": true,
	"allowed": true,
}

// objectPronouns are the objects of giveVerbs that may come before the
// length.
var objectPronouns = map[string]bool{"him": true, "her": true, "them": true, "us": true, "me": true, "you": true, "it": true}

// lastVerbs lists the verbs after which "over" means "more than": "last
// over a week", "took over an hour".
var lastVerbs = map[string]bool{
	"last": true, "lasts": true, "lasted": true, "lasting": true, "take": true, "takes": true,
	"took": true, "taking": true,
}

// notCountBefore lists the words after which a count of units is an age
// or a position, not a length: "aged 20 years", "at 18 months".
var notCountBefore = map[string]bool{"aged": true, "age": true, "ages": true, "at": true}

// bareUnitsBefore lists the words after which a plural unit with no count
// is a length: "within weeks", "for the first time in years", "after
// months of talks".
var bareUnitsBefore = map[string]bool{
	"within": true, "after": true, "spent": true, "took": true, "taken": true, "takes": true, "lasted": true,
	"follows": true, "followed": true, "following": true, "ended": true, "ending": true,
	"over": true, "endured": true, "spend": true, "spending": true,
}

// determinerBefore lists the words after which a bare "days of" is a
// plain noun rather than a length: "the days of the week", "their years
// of glory", "the early years of".
var determinerBefore = map[string]bool{
	"the": true, "these": true, "those": true, "its": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "your": true, "early": true, "last": true, "first": true, "final": true,
	"recent": true, "past": true, "coming": true, "next": true, "of": true,
}

// halfUnit is the half of one unit, for "2 1/2 years" and "a minute and a
// half", in ISO 8601.
var halfUnit = map[string]string{"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}

// halfValue is half of one unit for halfUnitRe, in ISO 8601.
var halfValue = map[string]string{"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}

// durCount reads a count of countDurRe: the number, whether it has a half
// ("2 1/2"), and -1 for an unspecified count ("several", "a few").
func durCount(s string) (n int, half bool) {
	s = strings.ToLower(strings.ReplaceAll(s, ",", ""))
	if rest, ok := strings.CutSuffix(s, " 1/2"); ok {
		s, half = rest, true
	} else if rest, ok := strings.CutSuffix(s, " and a half"); ok {
		s, half = rest, true
	}
	if v, err := strconv.Atoi(s); err == nil {
		return v, half
	}
	mult := 1
	if rest, ok := strings.CutSuffix(s, " thousand"); ok {
		s, mult = rest, 1000
	} else if rest, ok := strings.CutSuffix(s, " hundred"); ok {
		s, mult = rest, 100
	}
	if s == "a" || s == "an" {
		return mult, half
	}
	switch s {
	case "a dozen":
		return 12, half
	case "a couple of", "couple of":
		return 2, half
	}
	total := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		v, ok := spokenNum[w]
		if !ok {
			return -1, half // "several", "a few", "a couple of" below
		}
		total += v
	}
	return total * mult, half
}

// durUnit normalises a unit of countDurRe: "centuries" is "century", a
// quarter is counted in months.
func durUnit(u string) string {
	if u == "centuries" {
		return "century"
	}
	return u
}

// countValue is the ISO 8601 value of n units, with a half when half is
// set; n < 0 is an unspecified count ("PXY"). A count of quarters is
// written in months ("P6M"), as sets() writes "every quarter".
func countValue(n int, unit string, half bool) string {
	if unit == "quarter" {
		if n < 0 {
			return "PXQ"
		}
		n, unit = 3*n, "month"
	}
	v := isoDuration(n, unit)
	if h, ok := halfUnit[unit]; half && ok && n >= 0 {
		return v + h // "P2Y" + "6M", "PT1M" + "30S", "P1D" + "T12H"
	}
	return v
}

// lengths adds the durations that durations leaves, listed in this
// file's header.
func (r *dateRun) lengths() {
	t := r.text
	for _, m := range r.findAll(countDurRe) {
		r.countDuration(m)
	}
	for _, m := range r.findAll(unitsOrRe) {
		r.add(m[0], m[1], isoDuration(-1, strings.TrimSuffix(t[m[2]:m[3]], "s")), GranularityDuration)
	}
	for _, m := range r.findAll(bareUnitsRe) {
		s, e := m[0], m[1]
		w, _ := prevWord(t, s)
		lw := strings.ToLower(w)
		next := strings.ToLower(nextWord(t, e))
		unit := strings.TrimSuffix(t[m[2]:m[3]], "s")
		switch {
		case next == "ago" || next == "later" || next == "earlier" || next == "before" || next == "after" || next == "old":
			continue // a point, an event-relative day, an age
		case lw == "after" && unit == "hour":
			continue // "after hours trading"
		case bareUnitsBefore[lw] && unit != "quarter":
		case lw == "in" && (unit == "year" || unit == "decade") && clauseEndAt(t, e):
			// "for the first time in years."
		case next == "of" && w != "" && !determinerBefore[lw] && !notCountBefore[lw] && count(w) == -1 && !startsDigit(w) &&
			!hasPrefixFold(t[e:], " of age") && unit != "quarter":
			// "follows months of talks", "210 years of" has its count
		default:
			continue
		}
		r.add(s, e, isoDuration(-1, unit), GranularityDuration)
	}
	for _, m := range r.findAll(theUnitsRe) {
		lead := m[2] >= 0
		first := m[6] >= 0
		ahead := m[10] >= 0
		if !lead && !first && !ahead {
			continue // "the days of the week"
		}
		if first && strings.EqualFold(t[m[6]:m[7]], "early") && !lead && !ahead {
			// "the early years" is a length only after a preposition of
			// time; "in the early years" is left out: "in" is ambiguous.
			continue
		}
		next := strings.ToLower(nextWord(t, m[1]))
		if next == "ago" || next == "later" || next == "earlier" || next == "before" || next == "after" {
			continue
		}
		unit := strings.TrimSuffix(t[m[8]:m[9]], "s")
		r.add(m[4], m[5], isoDuration(-1, unit), GranularityDuration)
	}
	for _, m := range r.findAll(whileRe) {
		s, e := m[4], m[5]
		if nw := strings.ToLower(nextWord(t, e)); nw == "ago" || nw == "before" || nw == "after" || nw == "later" || nw == "earlier" {
			continue // "a long time ago" is a point
		}
		phrase := strings.ToLower(t[s:e])
		if strings.HasSuffix(strings.ToLower(t[max(0, s-8):s]), "once in ") {
			continue // "once in a while" is a frequency
		}
		if strings.Contains(phrase, "some time") && m[2] < 0 {
			continue // "some time next week" is a date
		}
		if m[2] < 0 && !strings.HasSuffix(phrase, "period") {
			w, _ := prevWord(t, s)
			if !articleDurVerbs[strings.ToLower(w)] {
				continue // "it was a long time", "a short time later" stay out
			}
		}
		r.add(s, e, "PXX", GranularityDuration)
	}
	for _, m := range r.findAll(periodRe) {
		n, _ := durCount(t[m[2]:m[3]])
		r.add(m[0], m[1], isoDuration(n, t[m[4]:m[5]]), GranularityDuration)
	}
	for _, m := range r.findAll(halfUnitRe) {
		if numberBefore(t, m[0]) || strings.HasPrefix(t[m[1]:], "-old") {
			continue
		}
		r.add(m[0], m[1], halfValue[t[m[2]:m[3]]], GranularityDuration)
	}
	for _, m := range r.findAll(longRe) {
		if numberBefore(t, m[0]) {
			continue
		}
		if m[2] >= 0 {
			r.add(m[0], m[1], isoDuration(1, t[m[2]:m[3]]), GranularityDuration) // "year-long"
			continue
		}
		u := strings.TrimSuffix(t[m[4]:m[5]], "s")
		if u == "centurie" {
			u = "century"
		}
		r.add(m[0], m[1], isoDuration(-1, u), GranularityDuration) // "months-long"
	}
	for _, m := range r.findAll(approxAgoRe) {
		n := count(t[m[2]:m[3]])
		if n <= 0 {
			continue
		}
		unit := t[m[4]:m[5]]
		r.addShift(m[0], m[1], signedDuration(-n, strings.ToUpper(unit[:1])), func() (string, string) {
			return r.unitsBack(n, unit)
		})
	}
	for _, m := range r.findAll(vagueAdjDurRe) {
		if strings.HasPrefix(t[m[1]:], "-old") {
			continue
		}
		r.add(m[0], m[1], isoDuration(-1, t[m[2]:m[3]]), GranularityDuration)
	}
}

// ageBefore reports whether the count at s is the end of an age range or
// follows "age of": "aged 0–14 years", "aged 16 to 18 years", "over the
// age of 70 years".
func ageBefore(t string, s int) bool {
	head := strings.ToLower(t[max(0, s-24):s])
	if strings.HasSuffix(head, "age of ") {
		return true
	}
	for _, sep := range []string{"–", "-", " to "} {
		if h, ok := strings.CutSuffix(head, sep); ok && h != "" && h[len(h)-1] >= '0' && h[len(h)-1] <= '9' {
			return true // the second number of a range: the first took it
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case, without copying
// the rest of the text.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// unitsBack is the day, week, month or year n units before the
// publication date, as agoRe resolves "three weeks ago".
func (rt refTime) unitsBack(n int, unit string) (string, string) {
	switch unit {
	case "day":
		return ymd(rt.pub.AddDate(0, 0, -n)), GranularityDay
	case "week":
		return isoWeek(rt.pub.AddDate(0, 0, -7*n)), GranularityWeek
	case "month":
		return rt.pub.AddDate(0, -n, 1-rt.pub.Day()).Format("2006-01"), GranularityMonth
	}
	return strconv.Itoa(rt.pub.Year() - n), GranularityYear
}

// countDuration adds one match of countDurRe when it is a length: not an
// age ("20 years old"), a point ("three years ago"), an event-relative
// expression ("two days later", left to durations()), a fraction ("three
// quarters of the vote") or a rate ("four flights a week", left to
// sets()).
func (r *dateRun) countDuration(m []int) {
	t := r.text
	s, e := m[0], m[1]
	if numberBefore(t, s) || numberAfter(t, e) {
		return
	}
	lead := ""
	if m[2] >= 0 {
		lead = strings.ToLower(strings.TrimSpace(t[m[2]:m[3]]))
	}
	num := strings.ToLower(t[m[4]:m[5]])
	unit := durUnit(t[m[10]:m[11]])
	plural := m[12] >= 0 || unit == "century" && strings.HasSuffix(t[m[10]:m[11]], "ies")
	half := m[14] >= 0
	tail := ""
	if m[16] >= 0 {
		tail = strings.TrimSpace(t[m[16]:m[17]])
	}
	n, numHalf := durCount(num)
	half = half || numHalf
	rangeTo := m[6] >= 0
	after := strings.ToLower(nextWord(t, e))
	switch after {
	case "later", "earlier", "after", "before", "afterwards", "beforehand":
		if half || rangeTo || n >= 100 || strings.ContainsAny(num, " -") && n > 0 && num != "a couple of" {
			// "a minute and a half later", "twenty five years after": an
			// expression relative to an event, as durations() adds "two
			// days later", which these counts escape.
			ae := e + strings.Index(t[e:], nextWord(t, e)) + len(after)
			r.add(s, ae, "", "")
		}
		return
	case "ago", "old", "older", "younger", "olds", "hence", "off", "away", "out":
		return // a point, an age, "took a week off"
	case "past", "to":
		if unit == "minute" {
			return // a clock time: "ten minutes past six", "20 minutes to midnight"
		}
	}
	if strings.HasPrefix(t[e:], "-old") || hasPrefixFold(t[e:], " of age") || hasPrefixFold(t[e:], " from now") {
		return
	}
	w, ws := prevWord(t, s)
	lw := strings.ToLower(w)
	if notCountBefore[lw] && lead == "" || ageBefore(t, s) {
		return
	}
	if lw == "over" && lead == "" {
		if v, _ := prevWord(t, ws); lastVerbs[strings.ToLower(v)] {
			s, lead = ws, "over" // "to last over a week": more than a week
		}
	}
	article := num == "a" || num == "an" || num == "one"
	switch {
	case unit == "second" && article:
		return // "a second term"
	case unit == "quarter" && (article || after == "of" && n >= 0):
		return // "a quarter of the shares", "three quarters of the vote"
	case n > 1 && !plural || rangeTo && !plural:
		return // "a five year plan" is spacedDurRe's, "a forty or fifty minute team"
	case n == 1 && plural && !rangeTo && !half:
		return // "one years"
	}
	if lead == "" && article && !half && tail == "" && m[8] < 0 {
		given := false
		if objectPronouns[lw] {
			v, _ := prevWord(t, ws)
			given = giveVerbs[strings.ToLower(v)]
		}
		if !articleDurVerbs[lw] && !given || rateBefore(t, s) {
			return // "four flights a week", "will one day be"
		}
	}
	switch {
	case rangeTo:
		n = -1 // "two to three weeks", "12 to 18 months": PXW, PXM
	case tail == "or two":
		n = -1 // "a year or two"
	}
	r.add(s, e, countValue(n, unit, half), GranularityDuration)
}

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

var (
	durRe = newPattern(`\b(?:(?i:nearly|almost|about|around|roughly|more than|less than|at least|up to|some|another|a further|the past|the last|the next|the coming|the first) )?(\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|several|a few|a couple of|few|many)) (?:trading |business |working )?(year|month|week|day|hour|minute|second|decade|century|centurie)s?\b`,
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
