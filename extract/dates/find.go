package dates

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Date granularities, as they appear in Date.Granularity.
const (
	GranularityTime      = "time"        // a clock time on a known day: "2017-12-04T09:02"
	GranularityPartOfDay = "part_of_day" // "2019-07-12TNI" (tonight), TMO, TAF, TEV
	GranularityDay       = "day"         // "2019-07-10"
	GranularityWeek      = "week"        // "2019-W28"
	GranularityWeekend   = "weekend"     // "2019-W27-WE"
	GranularityMonth     = "month"       // "2019-07"
	GranularitySeason    = "season"      // "2019-SU" (SP, SU, FA, WI; northern hemisphere)
	GranularityQuarter   = "quarter"     // "2019-Q1"
	GranularityYear      = "year"        // "2019"
	GranularityDecade    = "decade"      // "199" (the 1990s)
	GranularityCentury   = "century"     // "18" (the 19th century, the 1800s)
	GranularityDuration  = "duration"    // "P3Y", "PT4H", "PXW" (a few weeks)
	GranularityReference = "reference"   // "PRESENT_REF" (now), "PAST_REF", "FUTURE_REF"
	// GranularitySet is a recurrence, TIMEX3 type SET: its period ("P1W"
	// for "every week", "weekly", "twice a week"; "P1Y" for "a year" in
	// "$3m a year") or the repeated day or month with X for the rest
	// ("XXXX-WXX-1" every Monday, "XXXX-WXX-2TNI" Tuesday nights,
	// "XXXX-07" each July).
	GranularitySet = "set"
)

// Order says how to read an all-numeric date such as "10/07/2019".
type Order int

// The orders of numeric dates. The zero value, OrderUnknown, resolves a
// numeric date only when one reading is impossible ("25/12/2019" is day
// first, "12/25/2019" month first) or both agree ("05/05/2019"); an
// ambiguous one ("10/07/2019") is found with a nil Value.
const (
	OrderUnknown Order = iota
	DayFirst           // 10/07/2019 is 10 July (en-GB and most of the world)
	MonthFirst         // 10/07/2019 is 7 October (en-US)
)

// OrderFor returns how a page in language lang, a BCP 47 tag as in
// Article.Language ("en-US", "en_GB", "fr"), writes numeric dates:
// MonthFirst for US English (en-US), DayFirst for the other English
// regions that write dates day first (en-GB, en-AU, en-IE, en-NZ, en-IN,
// en-ZA, …) and for languages written day first (fr, de, es, it, pt, nl, …,
// any region), and OrderUnknown otherwise: bare "en", en-CA (both orders
// are common), languages that write year first (zh, ja, ko, hu, …) and "".
func OrderFor(lang string) Order {
	lang = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	base, rest, _ := strings.Cut(lang, "-")
	region := ""
	for part := range strings.SplitSeq(rest, "-") {
		if len(part) == 2 {
			region = part
			break
		}
	}
	switch {
	case base == "en" && region == "us":
		return MonthFirst
	case base == "en" && dayFirstRegions[region]:
		return DayFirst
	case base != "en" && dayFirstLanguages[base]:
		return DayFirst
	}
	return OrderUnknown
}

// dayFirstRegions are the English-speaking regions whose press writes
// 10/07/2019 for 10 July.
var dayFirstRegions = map[string]bool{
	"gb": true, "uk": true, "ie": true, "au": true, "nz": true, "in": true, "za": true,
	"sg": true, "my": true, "hk": true, "ng": true, "ke": true, "gh": true, "pk": true,
	"jm": true, "mt": true, "bd": true, "lk": true, "tt": true, "zw": true, "ug": true,
}

// dayFirstLanguages are languages whose numeric dates are day first in
// every region that uses them.
var dayFirstLanguages = map[string]bool{
	"fr": true, "de": true, "es": true, "it": true, "pt": true, "nl": true, "ru": true,
	"pl": true, "tr": true, "el": true, "da": true, "nb": true, "nn": true, "no": true,
	"fi": true, "cs": true, "sk": true, "ro": true, "uk": true, "bg": true, "hr": true,
	"sr": true, "sl": true, "id": true, "ms": true, "vi": true, "ar": true, "he": true,
	"hi": true, "ga": true, "cy": true, "ca": true, "eu": true, "gl": true, "is": true,
	"et": true, "lv": true, "af": true, "sw": true, "ur": true, "bn": true, "ta": true,
}

// Option configures FindDates.
type Option func(*dateConfig)

type dateConfig struct {
	order Order
}

// WithOrder sets how numeric dates such as "10/07/2019" are read; a
// caller that knows the site's locale passes DayFirst or MonthFirst.
func WithOrder(o Order) Option {
	return func(c *dateConfig) { c.order = o }
}

// Find finds temporal expressions in text and normalises them to
// TIMEX3-style values, HeidelTime-style: patterns find the expressions,
// then rules resolve each against the publication date, the tense of its
// sentence and the dates around it.
//
// Absolute dates ("4 December 2017", "December 4, 2017", "2017-12-04",
// "25/12/2019", "July 2019", "in 2008", "the 1990s", "summer 2018",
// "Christmas 2016") are resolved on their own. Business periods ("the
// third quarter", "third-quarter", "the first half of 1990", "fiscal
// 1989", "the nine months") follow TimeML: a quarter without a year is
// the latest one of its name by the publication date and tense. Years
// may be spoken ("nineteen ninety-six", "the year two thousand"). Dates
// without a year ("4 December", "in June", "since March", "at Christmas")
// take the year of an explicit year beside them ("in 2016, on 4 March";
// "August 8 last year" is one expression), else the year their tense
// implies relative to the publication date, else the nearest. "the year",
// "the week", "the day" are dated where they can only mean the current
// one ("for the year.", "later in the day", "the week's busiest session").
// Relative expressions ("yesterday", "on Wednesday", "last week", "next
// June", "this summer", "three years ago") and parts of days ("tonight")
// are resolved against published. When published is the zero time those
// get a nil Value: they are never resolved against the current date, and
// those that are a fixed shift from it get an Offset ("-P1D"). "now" is
// PRESENT_REF. Durations ("for three years", "a 24-hour strike", "the past
// few weeks") get ISO 8601 values ("P3Y", "PT24H", "PXW"). Expressions
// relative to another event ("days after", "two years later") are found
// with a nil Value. Recurrences ("every week", "each Thursday", "twice a
// year", "$3m a year", "paid weekly", "on Mondays") have GranularitySet.
// A range ("from 2001 to 2009", "between March and May")
// is two expressions, one per end, as TimeML annotates it.
//
// Weekdays are resolved by the tense of their sentence: in an article
// published on Friday 12 July 2019, "announced on Wednesday" is 2019-07-10,
// "will fly on Monday" is 2019-07-15 and "on Friday" is the day itself;
// with no tense marker a weekday is taken to be in the past, the common
// case in news, and so is a possessive one ("Friday's trading", "would
// appeal Wednesday's ruling": a modal does not move the event). "the week
// of March 6" is that day's week, "the day before last Tuesday" the day
// before it. Wire
// style puts the weekday after the subject ("The court Friday rejected"),
// and a verb right after it is the clause's own ("on Sunday issued").
//
// A clock time ("09:02", "4pm", "8.30am", "21:00 GMT", "at 4 in the
// morning") is its own expression, on the day written beside it (also
// past an aside: "10:35 a.m. (0735 GMT) Friday"), else the last day named
// earlier in its sentence or in the sentence or two before, else the
// publication day; directly followed by its day ("10 p.m. Wednesday",
// "8.30am tomorrow") it is one expression with it, as TimeML annotates it.
//
// Names and other look-alikes are left alone: "Theresa May", "April Jones",
// "march" as a verb, newspapers such as "the Mail on Sunday", phone
// numbers, ages ("aged 20", "a 24-year-old", "in his 30s"), sums of money,
// street numbers, scores, "COVID-19". The result is sorted by Start, its
// spans do not overlap, and text[d.Start:d.End] == d.Text. Find runs
// in time linear in len(text), is a pure function and is safe for
// concurrent use.
func Find(text string, published time.Time, opts ...Option) []Date {
	r := dateRun{text: text, pub: published, known: !published.IsZero()}
	for _, o := range opts {
		o(&r.cfg)
	}
	if r.known {
		y, m, d := published.Date()
		r.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	r.strictMay = strings.Contains(text, " May") && mayNameRe.MatchString(text)
	r.starts = wordStarts(text)
	r.absolute()
	r.numeric()
	r.years()
	r.spokenYears()
	r.decades()
	r.bareMonths()
	r.seasons()
	r.holidays()
	r.relative()
	r.references()
	r.longAgo()
	r.moreYears()
	r.quotedToday()
	r.monthModifiers()
	r.dayLists()
	r.monthLists()
	r.moreReferences()
	r.periods()
	r.durations()
	r.moreDurations()
	r.currentPeriods()
	r.sets()
	r.weekdays()
	r.times()
	r.vagueRefs()
	r.anchors()
	cands := r.tidySpans(resolveOverlaps(r.cands))
	cands = r.anchorYears(cands)
	cands = r.joinYearTails(cands)
	cands = r.attachTimes(cands)
	cands = r.yearEarlier(cands)
	cands = r.stepUnits(cands)
	cands = r.narrative(cands)
	cands = r.quarterYears(cands)
	cands = r.resolveAnaphora(cands)
	out := make([]Date, 0, len(cands))
	for _, c := range cands {
		d := Date{Text: text[c.start:c.end], Start: c.start, End: c.end}
		if c.value != "" {
			v, g := c.value, c.gran
			d.Value, d.Granularity = &v, &g
			if b, e, ok := bounds(c.value, c.gran, c.zone); ok {
				d.Begin, d.Through = &b, &e
			}
		} else if c.offset != "" && !r.known {
			o := c.offset
			d.Offset = &o
		}
		out = append(out, d)
	}
	return out
}

// dateCand is one candidate expression. value is "" when unresolved.
type dateCand struct {
	start, end  int
	value, gran string
	offset      string // the shift from the publication date, for Date.Offset
	clock       bool   // a bare clock time: hour and min are set
	hour, min   int
	zone        string // a clock time's stated zone, "+01:00"; "" when none
	// A day or month written without a year: anchorYears may give it the
	// year of an explicit year beside it.
	noYear   bool
	mon, day int // day 0 for a month
	// A year stated explicitly ("2016", "last year" when resolved).
	yearRef int
}

type dateRun struct {
	text      string
	pub       time.Time // midnight UTC of the publication day when known
	known     bool
	cfg       dateConfig
	strictMay bool  // the text uses May as a name: only "4 May", "May 4", "May 2019" count
	starts    []int // word starts, where patterns are tried
	cands     []dateCand
}

// pattern is a regular expression tried only at the starts of words that
// can begin it: anchored matching at a few places is many times faster than
// scanning the whole text with Go's regexp.
type pattern struct {
	re      *regexp.Regexp // anchored at the start
	trigger func(w string) bool
}

func newPattern(expr string, trigger func(w string) bool) *pattern {
	return &pattern{re: regexp.MustCompile(`^(?:` + expr + `)`), trigger: trigger}
}

// wordStarts returns the offsets where ASCII words (letters and digits)
// begin.
func wordStarts(text string) []int {
	var out []int
	for i := 0; i < len(text); i++ {
		if isAlnum(text[i]) && (i == 0 || !isAlnum(text[i-1])) {
			out = append(out, i)
		}
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// findAll returns the submatch indices, as offsets into the whole text, of
// every match of p starting at a word start whose word triggers it.
func (r *dateRun) findAll(p *pattern) [][]int {
	var out [][]int
	t := r.text
	for _, ws := range r.starts {
		we := ws
		for we < len(t) && isAlnum(t[we]) {
			we++
		}
		if !p.trigger(t[ws:we]) {
			continue
		}
		var m []int
		for _, n := range []int{64, 512} {
			win := t[ws:min(len(t), ws+n)]
			m = p.re.FindStringSubmatchIndex(win)
			if m == nil || m[1] < len(win) || ws+n >= len(t) {
				break
			}
		}
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += ws
			}
		}
		out = append(out, m)
	}
	return out
}

func startsDigit(w string) bool { return w[0] >= '0' && w[0] <= '9' }

var (
	isMonthWord = nlp.Words("jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december").Fold()
	isWeekday   = nlp.IsWeekday
	isCount     = nlp.Words("a an one two three four five six seven eight nine ten eleven twelve").Fold()
)

const (
	monthAlt  = `Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?`
	fullMonth = `January|February|March|April|May|June|July|August|September|October|November|December`
	// monthNotMay is fullMonth without May, which is also a verb and a name,
	// for patterns whose context does not rule those out.
	monthNotMay = `January|February|March|April|June|July|August|September|October|November|December`
	weekdayAlt  = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
)

var (
	dmyRe  = newPattern(`\b(\d{1,2})(?:st|nd|rd|th)?(?: of)? (`+monthAlt+`)\b(?:\.?,? (\d{4})\b)?`, startsDigit)
	mdyRe  = newPattern(`\b(`+monthAlt+`)\b\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4})\b)?`, isMonthWord)
	myRe   = newPattern(`\b(`+monthAlt+`)\b\.?,? (\d{4})\b`, isMonthWord)
	isoRe  = newPattern(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?\b`, startsDigit)
	yearRe = newPattern(`\b((?:19|20)\d\d)\b`, startsDigit)
	// monthWordRe finds full month names standing alone; context decides.
	monthWordRe = newPattern(`\b(`+fullMonth+`)\b`, isMonthWord)
	relDayRe    = newPattern(`\b(?:(?:[Ee]arlier|[Ll]ater) )?([Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b(?: (morning|afternoon|evening|night)\b)?`,
		nlp.Words("earlier later today tonight yesterday tomorrow").Fold())
	partDayRe  = newPattern(`\b([Tt]his|[Ll]ast) (morning|afternoon|evening|night)\b`, nlp.Words("this last").Fold())
	relUnitRe  = newPattern(`\b(?:(?:[Ee]arlier|[Ll]ater) )?([Ll]ast|[Tt]his past|[Tt]his coming|[Tt]his|[Nn]ext) (week|weekend|month|year)\b`, nlp.Words("earlier later last this next").Fold())
	theWkendRe = newPattern(`\b(?:[Oo]ver|[Aa]t|[Dd]uring|[Tt]hroughout) the (weekend)\b`, nlp.Words("over at during throughout").Fold())
	agoRe      = newPattern(`\b(\d{1,3}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve) (day|week|month|year)s? ago\b`,
		func(w string) bool {
			return startsDigit(w) || isCount(w)
		})
	weekdayRe = newPattern(`\b(`+weekdayAlt+`)\b(?: (morning|afternoon|evening|night)\b)?`, isWeekday)
	clockRe   = newPattern(`\b([01]?\d|2[0-3]):([0-5]\d)\b`, startsDigit)
	noonRe    = newPattern(`\b(?:[Nn]oon|[Mm]idday|[Mm]idnight)\b`, nlp.Words("noon midday midnight").Fold())
	// "4 in the morning", "8 o'clock in the evening", "11 at night".
	hourOfPartRe = newPattern(`\b(1[0-2]|0?[1-9])(?::([0-5]\d))?(?: o'clock| o’clock)? (?:in the (morning|afternoon|evening|night)|at (night))\b`, startsDigit)
	ampmRe       = newPattern(`\b(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))? ?([ap])\.?m\b\.?`, startsDigit)
	// mayNameRe spots May used as a surname ("Theresa May", "Mrs May").
	mayNameRe = regexp.MustCompile(`\b(?:Mrs|Ms|Mr|Miss|Dr|Theresa|Brian|Prime Minister|PM|Minister) May\b`)
)

var monthNum = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func parseMonth(s string) time.Month { return monthNum[strings.ToLower(s[:3])] }

var weekdayNum = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday,
	"Saturday": time.Saturday,
}

var partOfDay = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

func (r *dateRun) add(start, end int, value, gran string) {
	if !r.known && value == "" {
		gran = ""
	}
	r.cands = append(r.cands, dateCand{start: start, end: end, value: value, gran: gran})
}

// addRel adds a candidate whose value depends on the publication date.
func (r *dateRun) addRel(start, end int, f func() (string, string)) {
	r.addShift(start, end, "", f)
}

// addShift is addRel for an expression that is a fixed shift from the
// publication date, offset ("-P1D"), kept when that date is unknown.
func (r *dateRun) addShift(start, end int, offset string, f func() (string, string)) {
	if !r.known {
		r.cands = append(r.cands, dateCand{start: start, end: end, offset: offset})
		return
	}
	v, g := f()
	r.add(start, end, v, g)
}

// last returns the candidate added last, to set its extra fields.
func (r *dateRun) last() *dateCand { return &r.cands[len(r.cands)-1] }

func ymd(t time.Time) string { return t.Format("2006-01-02") }

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// numberBefore reports whether the match at i continues a number or sum
// ("1,000 4 March" is not a date start, nor "£4 May").
func numberBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	c := text[i-1]
	if c >= '0' && c <= '9' || c == '$' || c == '#' {
		return true
	}
	if (c == ',' || c == '.' || c == '/' || c == '-' || c == ':') && i >= 2 && text[i-2] >= '0' && text[i-2] <= '9' {
		return true
	}
	return strings.HasSuffix(text[:i], "£") || strings.HasSuffix(text[:i], "€")
}

// numberAfter reports whether a number continues past j ("2019,5", "2008/09").
func numberAfter(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	c := text[j]
	if c == '%' {
		return true
	}
	if (c == ',' || c == '.' || c == '/' || c == '-' || c == ':') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
		return true
	}
	return false
}

// prevWord returns the word ending just before i, skipping spaces only,
// and its start; "" when punctuation intervenes.
func prevWord(text string, i int) (string, int) {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isASCIIWordByte(text[k-1]) {
		k--
	}
	return text[k:j], k
}

// nextWord returns the word starting just after j, skipping spaces only.
func nextWord(text string, j int) string {
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && isASCIIWordByte(text[k]) {
		k++
	}
	return text[j:k]
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// mayIsName reports whether "May" at [s,e) reads as a name rather than the
// month: after a capitalised word that is not a sentence opener, or before
// a possessive.
func (r *dateRun) mayIsName(s, e int) bool {
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

// sentenceStart reports whether position i opens a sentence or paragraph.
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"') {
		j--
	}
	if j == 0 {
		return true
	}
	switch text[j-1] {
	case '.', '!', '?', '\n', ':':
		return true
	}
	return strings.HasSuffix(text[:j], "“") || strings.HasSuffix(text[:j], "‘")
}

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
func (r *dateRun) withWeekday(s int) int {
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
func (r *dateRun) yearOf(mon time.Month, day, tense int) int {
	y := r.pub.Year()
	cand := func(y int) (lo, hi time.Time) {
		if day == 0 {
			lo = time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC)
			return lo, lo.AddDate(0, 1, -1)
		}
		lo = time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)
		return lo, lo
	}
	lo, hi := cand(y)
	if day > 0 && absDur(lo.Sub(r.pub)) <= 90*24*time.Hour {
		tense = 0 // close by: the nearest; guessed tense is less sure
	}
	if day == 0 {
		// The month right after the publication month is the coming one
		// and the month right before it the one just past, whatever the
		// tense: "said it would cut supplies in September" in August is
		// next month, and news calls the month eleven months back "last
		// September", not "September".
		switch (int(mon) - int(r.pub.Month()) + 12) % 12 {
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
	case tense < 0 && lo.After(r.pub):
		return y - 1
	case tense > 0 && hi.Before(r.pub):
		return y + 1
	case tense != 0:
		return y
	}
	best, bestD := y, absDur(lo.Sub(r.pub))
	for _, c := range []int{y - 1, y + 1} {
		l, _ := cand(c)
		if d := absDur(l.Sub(r.pub)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
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

// relDirection is the direction of a relative word before a unit or a
// period: "last week" -1, "this year" 0, "next quarter" 1.
var relDirection = map[string]int{"last": -1, "this past": -1, "this": 0, "this coming": 1, "next": 1}

// dayOffset is the number of days from the publication date that
// "yesterday" and "tomorrow" name; "today" and "tonight" are 0.
var dayOffset = map[string]int{"yesterday": -1, "tomorrow": 1}

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

// signedDuration formats n units (Y, M, W, D) as a signed ISO 8601
// duration: -1, "D" is "-P1D"; 0 is "P0D".
func signedDuration(n int, unit string) string {
	if n < 0 {
		return fmt.Sprintf("-P%d%s", -n, unit)
	}
	return fmt.Sprintf("P%d%s", n, unit)
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

// newspaperAfter lists words that make a weekday part of a title: "Sunday
// Times", "Sunday Telegraph".
var newspaperAfter = map[string]bool{
	"Times": true, "Telegraph": true, "Mirror": true, "Express": true, "People": true,
	"Post": true, "Herald": true, "Mail": true, "Sport": true, "World": true, "Star": true,
	"Independent": true, "Tribune": true, "Journal": true, "Observer": true, "Business": true,
	"Record": true, "Sun": true, "Night": true, "Live": true, "Politics": true, "School": true,
}

// weekdayNames lists the capitalised words that make the weekday after them
// a name of its own: holidays and days of note ("Good Friday", "Black
// Monday", "Super Tuesday"), the football club Sheffield Wednesday, "Man
// Friday". Any other capitalised word before a weekday is taken to be the
// subject or place of a wire-style sentence ("The World Court Friday
// rejected", "resumed work in Iraq Friday").
var weekdayNames = map[string]bool{
	"Good": true, "Black": true, "Super": true, "Bloody": true, "Ash": true, "Holy": true,
	"Maundy": true, "Palm": true, "Easter": true, "Cyber": true, "Shrove": true, "Fat": true,
	"Whit": true, "Low": true, "Giving": true, "Plough": true, "Mothering": true, "Sheffield": true,
	"Man": true, "Girl": true, "Blue": true, "Remembrance": true, "Trinity": true, "Pentecost": true,
	"Orthodox": true, "Passion": true, "Clean": true, "Great": true, "Sunday": true, "Small": true,
	"Business": true, "Manic": true, "Freaky": true, "Casual": true, "Throwback": true, "Dress": true,
}

// weekdays adds weekday names, resolved by tense against the publication
// date: "on Wednesday", "last Monday", "next Friday", "Monday night".
func (r *dateRun) weekdays() {
	t := r.text
	for _, m := range r.findAll(weekdayRe) {
		s, e := m[0], m[1]
		wd := weekdayNum[t[m[2]:m[3]]]
		if newspaperAfter[nextWord(t, m[3])] && m[4] < 0 {
			continue
		}
		w, ws := prevWord(t, s)
		lw := strings.ToLower(w)
		if lw == "on" {
			// "The Mail on Sunday", "Independent on Sunday": a title.
			pw, _ := prevWord(t, ws)
			if pw != "" && pw[0] >= 'A' && pw[0] <= 'Z' && newspaperAfter[pw] || pw == "Scotland" || pw == "Wales" {
				continue
			}
		}
		if lw == "every" || lw == "each" {
			continue // a recurrence: sets
		}
		if strings.HasPrefix(t[m[3]:], " nights") || strings.HasPrefix(t[m[3]:], " mornings") ||
			strings.HasPrefix(t[m[3]:], " evenings") || strings.HasPrefix(t[m[3]:], " afternoons") {
			continue // "Tuesday nights": a recurrence, sets
		}
		if weekdayNames[w] {
			continue // "Bloody Sunday", "Good Friday", "Super Tuesday"
		}
		if nw := nextWord(t, m[3]); w != "" && w[0] >= 'A' && w[0] <= 'Z' && !sentenceStart(t, ws) &&
			nw != "" && nw[0] >= 'A' && nw[0] <= 'Z' {
			continue // inside a run of capitalised words: a name or a title
		}
		mode := 0 // by tense
		switch lw {
		case "last":
			mode, s = -2, ws
		case "previous", "preceding":
			mode, s = -2, ws
			if pw, pws := prevWord(t, ws); strings.EqualFold(pw, "the") {
				s = pws // "the previous Friday", "the preceding Monday"
			}
		case "next":
			mode, s = 2, ws
		case "this":
			mode, s = 3, ws
		}
		part := ""
		if m[4] >= 0 {
			part = t[m[4]:m[5]]
		}
		if mode == 0 && (strings.HasPrefix(t[m[3]:], "'s ") || strings.HasPrefix(t[m[3]:], "’s ")) {
			mode = 1 // "Friday's purchases": by tense, plans aside
		}
		r.addRel(s, e, func() (string, string) {
			d := resolveWeekday(r.pub, wd, mode, t, s, e)
			if part != "" {
				return ymd(d) + "T" + partOfDay[part], GranularityPartOfDay
			}
			return ymd(d), GranularityDay
		})
	}
}

// resolveWeekday finds the day called wd near pub. mode: 0 by the tense of
// the sentence, 1 by it without the present-tense plan verbs (a possessive
// weekday), -2 "last", 2 "next", 3 "this" (the same ISO week).
func resolveWeekday(pub time.Time, wd time.Weekday, mode int, text string, s, e int) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
	switch mode {
	case -2:
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case 2:
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	case 3:
		iso := func(w time.Weekday) int { return (int(w)+6)%7 + 1 } // Monday 1 … Sunday 7
		return pub.AddDate(0, 0, iso(wd)-iso(pub.Weekday()))
	}
	if back == 0 {
		return pub
	}
	tense := verbAfter(text, e)
	if tense == 0 {
		tense = tenseIn(text, s, e, tenseCues{plans: mode != 1, modals: mode != 1})
	}
	if tense > 0 {
		return pub.AddDate(0, 0, fwd)
	}
	return pub.AddDate(0, 0, -back)
}

// verbAfter is the tense of the word right after a weekday when it is a
// finite verb, as wire style puts it ("the State Department on Sunday
// issued", "the court Friday will rule"): that verb is the clause's own and
// outweighs a marker further back ("ahead of the trip, …"). 0 when the
// next word marks no tense or punctuation comes first.
func verbAfter(text string, e int) int {
	if e >= len(text) || text[e] != ' ' {
		return 0
	}
	w := nextWord(text, e)
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return 0
	}
	switch {
	case futureWords[w] && w != "next" && w != "until" && w != "coming" && w != "ahead" && w != "due":
		return 1 // a modal: "Friday will rule", "Sunday could see"
	case pastWords[w] && w != "last" && w != "since" && w != "earlier" && w != "ago":
		return -1
	case regularPast(w):
		if nextWord(text, e+strings.Index(text[e:], w)+len(w)) == "by" {
			return 0 // "a summit on Tuesday hosted by France": a participle
		}
		return -1
	}
	return 0
}

// regularPast reports whether w, a lower-case word, looks like a regular
// past tense or participle: "-ed" on a word of five letters or more, but
// not "-eed" ("need", "proceed").
func regularPast(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "going": true, "due": true, "scheduled": true, "expected": true,
	"plans": true, "plan": true, "planned": true, "planning": true, "upcoming": true, "coming": true, "next": true,
	"tomorrow": true, "ll": true, "until": true, "wo": true, "intends": true, "aims": true,
	"would": true, "could": true, "should": true, "might": true, "must": true, "can": true,
	"expects": true, "expect": true, "hopes": true, "effective": true, "ahead": true,
}

// planWords are present-tense verbs that, with a day that is not today,
// state a plan: "the vote is on Monday", "talks begin on Tuesday", "the
// leaders meet Monday". A possessive weekday ("Friday's purchases is far
// below") names a past event, so they do not count for it.
var planWords = map[string]bool{
	"is": true, "are": true, "begins": true, "begin": true, "starts": true, "start": true,
	"opens": true, "open": true, "resumes": true, "resume": true, "meets": true, "meet": true,
	"faces": true, "face": true, "hosts": true, "host": true, "travels": true, "travel": true,
	"visits": true, "visit": true, "arrives": true, "arrive": true, "ends": true, "end": true,
	"closes": true, "returns": true, "return": true, "expires": true,
}

var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "met": true,
	"went": true, "came": true, "took": true, "gave": true, "made": true, "held": true, "left": true,
	"won": true, "lost": true, "began": true, "found": true, "flew": true, "saw": true, "spoke": true,
	"ran": true, "got": true, "sent": true, "paid": true, "fell": true, "rose": true, "struck": true,
	"broke": true, "led": true, "brought": true, "bought": true, "thought": true, "wrote": true,
	"chose": true, "drove": true, "stood": true, "became": true, "knew": true, "shot": true,
	"sold": true, "ago": true, "last": true, "yesterday": true, "earlier": true, "since": true,
	"killed": true, "hit": true, "been": true, "fought": true, "built": true, "lit": true,
	// Irregular past forms common in news that are not also base forms.
	"tore": true, "threw": true, "drew": true, "grew": true, "blew": true, "withdrew": true,
	"wore": true, "swore": true, "shook": true, "woke": true, "rode": true, "rang": true,
	"sank": true, "hid": true, "fled": true, "caught": true, "taught": true, "sought": true,
	"felt": true, "kept": true, "slept": true, "swept": true, "meant": true, "spent": true,
	"heard": true, "sat": true, "forgot": true, "ate": true, "understood": true, "overtook": true,
	"arose": true, "froze": true, "stole": true, "stuck": true, "drank": true, "hung": true,
	"swung": true, "sprang": true, "overcame": true, "dealt": true, "fed": true, "dug": true,
	// -eed words are skipped below (need, proceed); these are past.
	"agreed": true, "disagreed": true, "guaranteed": true, "decreed": true, "freed": true,
}

// infinitiveVerbs are common base verbs of news whose infinitive ("agreed
// to buy the unit in February", "expects to release results in
// mid-November") puts the event after the clause it hangs on: a plan.
var infinitiveVerbs = nlp.Words("be buy sell acquire purchase pay complete close release report " +
	"begin start open hold meet vote launch expire take make announce sign seek raise cut issue " +
	"build visit return resume leave end decide hear rule file review present publish deliver " +
	"hold hire cut join run step stand travel attend appear testify finish redeem").Fold()

// tenseAt guesses the tense of the sentence around [s,e): 1 future, -1
// past, 0 unknown. The nearest marker wins, looking back first.
func tenseAt(text string, s, e int) int { return tenseNear(text, s, e, true) }

// tenseNear is tenseAt; plans says whether the present-tense planWords
// count as future.
func tenseNear(text string, s, e int, plans bool) int {
	return tenseIn(text, s, e, tenseCues{plans: plans, modals: true})
}

// clauseEnd reports whether text[i] ends a sentence for the tense scan:
// sentenceEndAt, except the full stop of an abbreviation before a name
// ("Roe vs. Wade", "Dr. Smith") or before a lower-case word ("Birmingham,
// Ala., killed", "Ala. killed").
func clauseEnd(text string, i int) bool {
	if !sentenceEndAt(text, i) {
		return false
	}
	if text[i] != '.' {
		return true
	}
	w, _ := prevWord(text, i)
	if nameAbbrevs(w) {
		return false
	}
	if i+2 < len(text) && text[i+1] == ' ' && text[i+2] >= 'a' && text[i+2] <= 'z' {
		return false
	}
	return true
}

// nameAbbrevs are abbreviations that a name follows.
var nameAbbrevs = nlp.Words("vs v Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Rev Prof Pres Atty").Fold()

// tenseCues says which weak markers of the future count. plans: the
// present-tense planWords ("the vote is Monday"). modals: would, could,
// should, might, can, must. Both are off for an expression that names an
// event by a noun ("around Wednesday's ruling", "Friday's trading"): the
// modal belongs to the clause's verb, not to the event, which is past.
type tenseCues struct{ plans, modals bool }

// weakModals are the modals that tenseCues.modals turns off.
var weakModals = nlp.Words("would could should might can must wo").Fold()

// tenseIn is tenseAt with the cues that count. "until" ("Until Thursday,
// they had not called him") takes the tense of the clause after it when
// that is past.
func tenseIn(text string, s, e int, cues tenseCues) int {
	lo := max(0, s-200)
	for i := s - 1; i >= lo; i-- {
		if clauseEnd(text, i) {
			lo = i + 1
			break
		}
	}
	hi := min(len(text), e+200)
	for i := e; i < hi; i++ {
		if clauseEnd(text, i) {
			hi = i
			break
		}
	}
	words := func(seg string) []string {
		return strings.FieldsFunc(seg, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		})
	}
	before := words(text[lo:s])
	after := words(text[e:hi])
	afterTense := func() int {
		for i := range after {
			if c := tenseOf(after, i, cues); c != 0 {
				return c
			}
		}
		return 0
	}
	for i := len(before) - 1; i >= 0; i-- {
		if c := tenseOf(before, i, cues); c != 0 {
			if w := strings.ToLower(before[i]); (w == "until" || w == "till") && afterTense() < 0 {
				return -1
			}
			return c
		}
	}
	return afterTense()
}

// tenseOf classifies ws[i] as a marker of the future (1), the past (-1)
// or neither (0), by the words beside it: "to" before a base verb is a
// plan, unless after "had" or "used"; a participle after "be" ("will be
// named", "to be published") leaves the tense to the words before it;
// "has" and "have" make a present perfect (past) unless "to" follows;
// "set" is a plan only in "set to" and "set for".
func tenseOf(ws []string, i int, cues tenseCues) int {
	w := strings.ToLower(ws[i])
	next, prev := "", ""
	if i+1 < len(ws) {
		next = strings.ToLower(ws[i+1])
	}
	if i > 0 {
		prev = strings.ToLower(ws[i-1])
	}
	switch w {
	case "to":
		if infinitiveVerbs(next) {
			if prev == "had" || prev == "used" || i > 2 && strings.EqualFold(ws[i-2], "been") && strings.EqualFold(ws[i-3], "had") {
				return -1 // "had to pay", "had been due to expire"
			}
			return 1
		}
		return 0
	case "has", "have", "ve":
		if next == "to" {
			return 1
		}
		return -1
	case "set":
		if next == "to" || next == "for" {
			return 1
		}
		return -1
	}
	switch {
	case futureWords[w] && prev == "been" && i > 1 && strings.EqualFold(ws[i-2], "had"):
		return -1 // "it had been due to expire Friday": a plan overtaken
	case w == "next" && next == "to":
		return 0 // "the blasts next to the embassy": a place
	case w == "could" && negatedAt(ws, i) || w == "couldn" && next == "t":
		return -1 // "could not be reached Wednesday": the past of "can"
	case w == "planned" && next == "to" && prev != "had" && prev != "are" && prev != "is" && !reportedAt(ws, i):
		// "the government planned to pay on Friday": news writes "plans
		// to" for a plan still ahead; the past form is a day gone by,
		// except in reported speech ("said it planned to sign Monday").
		return -1
	case weakModals(w) && !cues.modals:
		return 0
	case futureWords[w]:
		return 1
	case (w == "is" || w == "are") && copulaDeterminers(next):
		return 0 // "Kopp is a suspect": a description, not a plan
	case planWords[w]:
		if cues.plans {
			return 1
		}
		return 0
	case prev == "be" || prev == "being" || (prev == "is" || prev == "are") && (pastWords[w] || strings.HasSuffix(w, "ed")):
		return 0 // "will be named", "the case is heard": the words before decide
	case pastWords[w]:
		return -1
	case regularPast(w):
		if adjectiveAt(ws, i) {
			return 0 // "on a still unspecified date", "the revised terms"
		}
		return -1
	}
	return 0
}

// negatedAt reports whether the modal ws[i] is negated: "could not",
// "could never", or "neither" or "nobody" a few words before it.
func negatedAt(ws []string, i int) bool {
	if i+1 < len(ws) {
		if n := strings.ToLower(ws[i+1]); n == "not" || n == "never" {
			return true
		}
	}
	for j := max(0, i-8); j < i; j++ {
		switch strings.ToLower(ws[j]) {
		case "neither", "nor", "nobody", "none":
			return true
		}
	}
	return false
}

// reportingVerbs introduce reported speech, whose past tense is shifted
// back from the speaker's present ("said it planned to" is "plans to").
var reportingVerbs = nlp.Words("said say says told announced indicated reported added stated confirmed disclosed explained").Fold()

// reportedAt reports whether a reporting verb comes before ws[i].
func reportedAt(ws []string, i int) bool {
	for j := range i {
		if reportingVerbs(strings.ToLower(ws[j])) {
			return true
		}
	}
	return false
}

// copulaDeterminers begin a noun phrase after "is" or "are": "is a
// suspect", "are the first", which describe rather than schedule.
var copulaDeterminers = nlp.Words("a an the his her its their our my").Fold()

// participleDeterminers are the words before which a participle is an adjective.
var participleDeterminers = nlp.Words("a an the its their his her our this that these those").Fold()

// adjectiveAt reports whether the -ed word ws[i] modifies a noun rather
// than being a verb: right after a determiner ("the revised terms"), or
// after a determiner and an adverb ("a still unspecified date", "a newly
// appointed chief").
func adjectiveAt(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(ws[i-1])
	if participleDeterminers(prev) {
		return true
	}
	return i > 1 && (prev == "still" || prev == "yet" || strings.HasSuffix(prev, "ly")) && participleDeterminers(strings.ToLower(ws[i-2]))
}

// times adds clock times: "09:02", "4pm", "8.30am", "6 a.m.".
func (r *dateRun) times() {
	t := r.text
	add := func(s, e, h, mi int) {
		e, zone := zoneAfter(t, e)
		r.cands = append(r.cands, dateCand{start: s, end: e, clock: true, hour: h, min: mi, zone: zone})
	}
	for _, m := range r.findAll(noonRe) {
		h := 12
		if strings.EqualFold(t[m[0]:m[1]], "midnight") {
			h = 0
		}
		add(m[0], m[1], h, 0)
	}
	for _, m := range r.findAll(clockRe) {
		if numberBefore(t, m[0]) || numberAfter(t, m[1]) && t[m[1]] != '.' && t[m[1]] != ',' {
			continue
		}
		if len(t[m[2]:m[3]]) == 1 && !strings.HasSuffix(strings.ToLower(strings.TrimRight(t[:m[0]], " ")), "at") {
			// "won 3:1" is a score; a one-digit hour needs "at".
			if !ampmFollows(t, m[1]) {
				continue
			}
		}
		if ampmFollows(t, m[1]) {
			continue // "8:30 am": the am/pm pattern takes it
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		mi, _ := strconv.Atoi(t[m[4]:m[5]])
		add(m[0], m[1], h, mi)
	}
	for _, m := range r.findAll(hourOfPartRe) {
		if w, _ := prevWord(t, m[0]); !clockAt(strings.ToLower(w)) || numberBefore(t, m[0]) {
			continue // "at 4 in the morning", "until 9 in the evening"; "won 2 in the afternoon session" is not a time
		}
		part := ""
		for k := 6; k < 10; k += 2 {
			if m[k] >= 0 {
				part = t[m[k]:m[k+1]]
			}
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		h, ok := hourOfPart(h, part)
		if !ok {
			continue
		}
		mi := 0
		if m[4] >= 0 {
			mi, _ = strconv.Atoi(t[m[4]:m[5]])
		}
		add(m[0], m[1], h, mi)
	}
	for _, m := range r.findAll(ampmRe) {
		if numberBefore(t, m[0]) {
			continue
		}
		e := m[1]
		if t[e-1] == '.' && !strings.HasSuffix(t[m[0]:e], "m.") {
			e--
		}
		if strings.HasSuffix(t[m[0]:e], "m.") && !strings.Contains(t[m[0]:e], ".m") {
			e-- // "4pm." ends a sentence: the full stop is not part of the time
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		mi := 0
		if m[4] >= 0 {
			mi, _ = strconv.Atoi(t[m[4]:m[5]])
		}
		if h == 12 {
			h = 0
		}
		if t[m[6]] == 'p' {
			h += 12
		}
		add(m[0], e, h, mi)
	}
}

// hourOfPart is the 24-hour hour of "h in the <part>" or "h at night",
// and false when the pair does not name a clock time ("1 in the evening").
func hourOfPart(h int, part string) (int, bool) {
	switch part {
	case "morning":
		if h == 12 {
			return 0, false
		}
		return h, true
	case "afternoon":
		if h == 12 {
			return 12, true
		}
		return h + 12, h <= 6
	case "evening":
		return h + 12, h >= 5 && h <= 11
	case "night":
		if h >= 7 && h <= 11 {
			return h + 12, true
		}
		return h, h <= 4
	}
	return 0, false
}

func ampmFollows(t string, j int) bool {
	rest := strings.TrimLeft(t[j:min(len(t), j+6)], " ")
	return strings.HasPrefix(rest, "am") || strings.HasPrefix(rest, "pm") ||
		strings.HasPrefix(rest, "a.m") || strings.HasPrefix(rest, "p.m")
}

// resolveOverlaps keeps, of overlapping candidates, the longer (the
// earlier on ties), and returns them sorted by start.
func resolveOverlaps(cs []dateCand) []dateCand {
	slices.SortFunc(cs, func(a, b dateCand) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	var kept []dateCand
	for _, c := range cs {
		if n := len(kept); n > 0 && c.start < kept[n-1].end {
			// Starting inside the last kept span, c cannot reach back to
			// the one before it, so replacing it keeps the spans apart.
			if c.end-c.start > kept[n-1].end-kept[n-1].start {
				kept[n-1] = c
			}
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// attachTimes gives each clock time its day: the day written right
// beside it ("4 December 2017, 09:02", "Monday at 6am", "6am on Monday",
// "tonight at 8pm"; "10:35 a.m. (0735 GMT) Friday"), else the last day
// named earlier in its sentence, else a day named within nearDay before
// it, else the publication day. The day and the time stay two
// expressions, as the gold guidelines annotate datelines.
func (r *dateRun) attachTimes(cs []dateCand) []dateCand {
	lastDay, lastAt, lastEnd := "", -1, -1
	dayOf := func(c dateCand) string {
		if c.clock || c.value == "" || len(c.value) < 10 {
			return ""
		}
		switch c.gran {
		case GranularityDay, GranularityPartOfDay, GranularityTime:
			return c.value[:10]
		}
		return ""
	}
	for i := range cs {
		c := &cs[i]
		if !c.clock {
			if d := dayOf(*c); d != "" {
				lastDay, lastAt, lastEnd = d, c.end, c.end
			}
			continue
		}
		day, found := "", false
		if i+1 < len(cs) && !cs[i+1].clock && asideGap(r.text[c.end:cs[i+1].start]) {
			// "10:35 a.m. (0735 GMT) Friday": the day after the aside.
			day, found = dayOf(cs[i+1]), true
		}
		if !found && i+1 < len(cs) && !cs[i+1].clock && dayGap(r.text[c.end:cs[i+1].start], false) {
			day, found = dayOf(cs[i+1]), true
			if gap := r.text[c.end:cs[i+1].start]; day != "" && (gap == " " || gap == ", ") {
				// "10 p.m. Wednesday", "noon Thursday": one expression, as
				// TimeML has it.
				c.end = cs[i+1].end
				cs[i+1].value, cs[i+1].start = "", -1
			}
		}
		if !found && i > 0 && !cs[i-1].clock && dayGap(r.text[cs[i-1].end:c.start], true) {
			day, found = dayOf(cs[i-1]), true
		}
		if !found && lastAt >= 0 {
			if strings.ContainsAny(r.text[lastAt:c.start], ".!?\n") {
				lastAt = -1 // the sentence has ended
			} else {
				day, found = lastDay, true
				lastAt = c.end // scan each stretch of text once
			}
		}
		if !found && lastDay != "" && c.start-lastEnd <= nearDay {
			// "He will fly out Thursday. … ``He will leave at 4 in the
			// morning''": the narrative is still on the day just named.
			day, found = lastDay, true
		}
		if !found && r.known {
			day = ymd(r.pub)
		}
		if day != "" {
			c.value, c.gran = fmt.Sprintf("%sT%02d:%02d", day, c.hour, c.min), GranularityTime
		}
	}
	return slices.DeleteFunc(cs, func(c dateCand) bool { return c.start < 0 })
}

// dayGap reports whether gap joins a day and a time into one expression.
// nearDay is how far, in bytes, a day named in an earlier sentence still
// anchors a bare clock time: about two sentences of news.
const nearDay = 300

// asideGap reports whether gap, between a clock time and a day, is a
// short parenthesis that gives the time elsewhere (" (0735 GMT) ",
// " (1500 local time) "): no sentence ends in it.
func asideGap(gap string) bool {
	rest, ok := strings.CutPrefix(gap, " (")
	if !ok {
		return false
	}
	in, tail, ok := strings.Cut(rest, ")")
	if !ok || len(in) > 24 || strings.ContainsAny(in, "(.!?\n") {
		return false
	}
	return tail == " " || tail == ", " || tail == " on "
}

func dayGap(gap string, dayFirst bool) bool {
	if dayFirst {
		switch gap {
		case " ", ", ", " at ", ", at ", " from ", " around ", " about ", " until ", " by ":
			return true
		}
		return false
	}
	switch gap {
	case " ", " on ", ", ", ", on ":
		return true
	}
	return false
}

// zones maps the time zone abbreviations news uses to their UTC offsets.
// Ambiguous ones (CST, IST) are left out.
var zones = map[string]string{
	"GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
	"EET": "+02:00", "EEST": "+03:00", "EST": "-05:00", "EDT": "-04:00", "PST": "-08:00",
	"PDT": "-07:00", "MSK": "+03:00", "JST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
}

// zoneAfter extends a clock time ending at e over a zone abbreviation
// ("21:00 GMT") and returns the new end and the zone's offset.
func zoneAfter(t string, e int) (int, string) {
	j := e
	if j < len(t) && t[j] == ' ' {
		j++
	}
	k := j
	for k < len(t) && t[k] >= 'A' && t[k] <= 'Z' {
		k++
	}
	if k < len(t) && isAlnum(t[k]) {
		return e, ""
	}
	if z, ok := zones[t[j:k]]; ok {
		return k, z
	}
	return e, ""
}
