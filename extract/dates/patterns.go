package dates

import (
	"regexp"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Patterns: regular expressions tried only at the starts of words that can
// begin them, and the month and weekday names they share.

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
func (r *reader) findAll(p *pattern) [][]int {
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
