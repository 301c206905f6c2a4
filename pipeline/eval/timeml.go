package eval

import (
	"cmp"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract"
)

// TIMEX3 types, as in TimeML's type attribute.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Timex is one gold TIMEX3 of a TimeML document. Start and End are byte
// offsets into TimeMLDoc.Text, with surrounding white space left out:
// Text[Start:End] == Text.
type Timex struct {
	ID    string `json:"tid"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`  // TimexDate, TimexTime, TimexDuration or TimexSet
	Value string `json:"value"` // the TIMEX3 value attribute, "" when absent
}

// TimeMLDoc is a TimeML document (TimeBank, AQUAINT, TempEval-3): the
// content of its TEXT element with the tags removed and character
// references decoded, its document creation time, and every TIMEX3 inside
// TEXT as gold.
type TimeMLDoc struct {
	// File names the document in a report, normally its base name.
	File string
	// DCT is the date of the document creation time (the value of the
	// TIMEX3 inside DCT), at midnight UTC; zero when the document has none.
	DCT time.Time
	// Text is what the tagger is given.
	Text    string
	Timexes []Timex
}

// ErrNoText is wrapped by ReadTimeML's error for a document without a TEXT
// element.
var ErrNoText = errors.New("no TEXT element")

// ReadTimeML reads one TimeML document. The DCT element's TIMEX3 value
// ("1998-01-08", "1998-01-08T18:30", "19980108") gives DCT; the character
// data of TEXT, with every tag inside it (EVENT, SIGNAL, TIMEX3 …) removed,
// gives Text; every TIMEX3 inside TEXT is a Timex. file is stored as
// TimeMLDoc.File. Malformed XML, a missing TEXT or an unreadable DCT is an
// error.
func ReadTimeML(r io.Reader, file string) (*TimeMLDoc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	doc := &TimeMLDoc{File: file}
	var (
		text         strings.Builder
		inText       bool
		sawText      bool
		inDCT        bool
		open         *Timex // the TIMEX3 being read inside TEXT
		dctValue     string
		hasDCTTimex3 bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: timeml %s: %w", file, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "TEXT":
				inText, sawText = true, true
			case t.Name.Local == "DCT":
				inDCT = true
			case t.Name.Local == "TIMEX3" && inDCT && !hasDCTTimex3:
				dctValue, hasDCTTimex3 = attr(t, "value"), true
			case t.Name.Local == "TIMEX3" && inText:
				if open != nil {
					return nil, fmt.Errorf("eval: timeml %s: nested TIMEX3 %s inside %s", file, attr(t, "tid"), open.ID)
				}
				open = &Timex{ID: attr(t, "tid"), Type: attr(t, "type"), Value: attr(t, "value"), Start: text.Len()}
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "TEXT":
				inText = false
			case t.Name.Local == "DCT":
				inDCT = false
			case t.Name.Local == "TIMEX3" && open != nil:
				open.End = text.Len()
				doc.Timexes = append(doc.Timexes, *open)
				open = nil
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !sawText {
		return nil, fmt.Errorf("eval: timeml %s: %w", file, ErrNoText)
	}
	doc.Text = text.String()
	for i := range doc.Timexes {
		x := &doc.Timexes[i]
		x.Start, x.End = trimSpan(doc.Text, x.Start, x.End)
		x.Text = doc.Text[x.Start:x.End]
	}
	if hasDCTTimex3 {
		d, err := parseDCT(dctValue)
		if err != nil {
			return nil, fmt.Errorf("eval: timeml %s: DCT: %w", file, err)
		}
		doc.DCT = d
	}
	return doc, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// trimSpan narrows [a, b) of text by its leading and trailing white space.
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// parseDCT reads the date part of a DCT value.
func parseDCT(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if len(v) >= len(layout) {
			if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("value %q: want YYYY-MM-DD or YYYYMMDD", v)
}

// TimexOf maps a Date found by extract to the TIMEX3 type and value it
// stands for, as ScoreTimeML compares them (the mapping is listed in the
// package documentation under TimeML). A Date without a value maps to
// value "". It is TimexFor without the span.
func TimexOf(d extract.Date) (typ, value string) {
	x := TimexFor(d)
	return x.Type, x.Value
}

// TimexFor maps a Date found by extract to the TIMEX3 TimeML annotates for
// it: its span (Text, Start, End, byte offsets as in the Date), type and
// value; ID is "". The span is the Date's, except for a length followed by
// a signal word ("three days later", "at least 30 days before"), which
// TimeML annotates as the length alone ("three days", DURATION "P3D") with
// the word as a SIGNAL. Byline keeps the whole expression, which is what
// a reader needs; the mapping is listed in the package documentation
// under TimeML.
func TimexFor(d extract.Date) Timex {
	x := Timex{Text: d.Text, Start: d.Start, End: d.End}
	if head, ok := signalHead(d.Text); ok {
		if v, ok := lengthOf(head); ok {
			x.Text, x.End = head, d.Start+len(head)
			x.Type, x.Value = TimexDuration, v
			return x
		}
		if barePluralRe.MatchString(head) {
			// "days after": no length is stated and Byline gives no
			// value; only the span changes.
			x.Text, x.End = head, d.Start+len(head)
		}
	}
	gran := ""
	if d.Granularity != nil {
		gran = *d.Granularity
	}
	switch gran {
	case extract.GranularityTime, extract.GranularityPartOfDay:
		x.Type = TimexTime
	case extract.GranularityDuration:
		x.Type = TimexDuration
	case extract.GranularitySet:
		x.Type = TimexSet
	default:
		x.Type = TimexDate
	}
	if d.Value != nil {
		x.Value = midnightEnd(d.Text, longUnits(quarterUnits(d.Text, *d.Value)))
	}
	return x
}

var (
	// longUnitRe matches a duration in decades, centuries or millennia as
	// extract writes them, with the TIMEX2-style units "DE", "CE", "ML":
	// "PXDE", "P3CE".
	longUnitRe = regexp.MustCompile(`^P(\d+|X)(DE|CE|ML)$`)
	// longUnitLetter is TIMEX3's one-letter unit for each of them.
	longUnitLetter = map[string]string{"DE": "E", "CE": "C", "ML": "L"}
)

// longUnits writes a length in decades, centuries or millennia in the
// one-letter TIMEX3 units TimeBank uses (E decade, C century, L
// millennium): "PXCE" is "PXC", "PXDE" is "PXE". The length is the same;
// only the unit differs. A length of whole decades that extract gives in
// years ("about a decade" P10Y) stays in years: TimeBank writes it both
// ways ("P1E", "P20Y").
func longUnits(value string) string {
	if m := longUnitRe.FindStringSubmatch(value); m != nil {
		return "P" + m[1] + longUnitLetter[m[2]]
	}
	return value
}

// midnightEnd writes midnight as TimeML does, the end of the day before:
// extract gives "midnight Friday" (the end of Friday) as Saturday at 00:00,
// "1989-10-28T00:00"; TimeML writes "1989-10-27T24". The instant is the
// same.
func midnightEnd(text, value string) string {
	if len(value) != len("2006-01-02T00:00") || !strings.HasSuffix(value, "T00:00") ||
		!strings.Contains(strings.ToLower(text), "midnight") {
		return value
	}
	d, err := time.Parse("2006-01-02", value[:10])
	if err != nil {
		return value
	}
	return d.AddDate(0, 0, -1).Format("2006-01-02") + "T24"
}

// pastYearRe matches "the past year" and "the last year" as a whole Date.
var pastYearRe = regexp.MustCompile(`^(?i:the (?:past|last) year)$`)

// timexIn is TimexFor for a document created on dct: "the past year",
// which Byline gives as the length P1Y, is the calendar year before dct,
// as TimeBank mostly writes it ("over the past year" in 1998 is "1997").
func timexIn(d extract.Date, dct time.Time) Timex {
	x := TimexFor(d)
	if x.Value == "P1Y" && !dct.IsZero() && pastYearRe.MatchString(d.Text) {
		x.Type, x.Value = TimexDate, strconv.Itoa(dct.Year()-1)
	}
	return x
}

// quarterWordRe matches the noun "quarter" or "quarters" (not
// "quarterly", which TimeBank writes in months).
var quarterWordRe = regexp.MustCompile(`(?i)\bquarters?\b`)

// monthsRe matches a length or period in whole months: "P6M".
var monthsRe = regexp.MustCompile(`^P(\d+)M$`)

// quarterUnits writes a length that the text counts in quarters in
// TIMEX3's quarter unit: "the past two quarters" P6M is "P2Q", "every
// quarter" P3M is "P1Q". The length is the same; only the unit differs.
func quarterUnits(text, value string) string {
	m := monthsRe.FindStringSubmatch(value)
	if m == nil || !quarterWordRe.MatchString(text) {
		return value
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n%3 != 0 {
		return value
	}
	return "P" + strconv.Itoa(n/3) + "Q"
}

// signalRe splits an expression into a head and a final signal word
// that relates it to an event: "three days" and "later".
var signalRe = regexp.MustCompile(`^(.*\S)\s+(?i:after|later|before|afterwards|beforehand)$`)

// signalHead returns text without its final signal word ("after",
// "later", "before", "afterwards", "beforehand"), ok false when it has
// none. "earlier" and "ago" are not among them: TimeML keeps them in the
// span ("a year earlier", "two years ago" are DATEs).
func signalHead(text string) (string, bool) {
	m := signalRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// lengthRe matches a length that extract does not tag on its own, as it
// stands before a signal word: "a year", "twenty years", "over an hour",
// "a few days", "eight trading days", "a decade" (written in TIMEX3's
// decade unit, "P1E").
var lengthRe = regexp.MustCompile(`^(?i:(?:nearly|almost|about|around|roughly|some|just|only|barely|over|more than|less than|at least|up to) )?(\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a few|few|several|many)) (?:(?i:trading|business|working) )?((?i:year|month|week|day|hour|minute|decade)s?|(?i:century|centuries))$`)

// barePluralRe matches a unit in the plural without a number ("days" of
// "days after"): TimeML spans it without the signal word, but it states
// no length.
var barePluralRe = regexp.MustCompile(`^(?i:years|months|weeks|days|hours|minutes)$`)

var lengthNum = map[string]string{
	"a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
	"fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
}

// lengthOf returns the TIMEX3 duration value of a length: what extract
// finds in text as one duration spanning all of it ("at least 30 days"
// P30D, "a minute and a half" PT1M30S), else a count of units lengthRe
// reads ("twenty years" P20Y, "a few days" PXD). ok is false for any
// other text ("days", "the day", "Monday").
func lengthOf(text string) (string, bool) {
	if ds := extract.FindDates(text, time.Time{}); len(ds) == 1 && ds[0].Start == 0 && ds[0].End == len(text) &&
		ds[0].Value != nil && ds[0].Granularity != nil && *ds[0].Granularity == extract.GranularityDuration {
		return longUnits(quarterUnits(text, *ds[0].Value)), true
	}
	m := lengthRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	n := strings.ToLower(m[1])
	if w, ok := lengthNum[n]; ok {
		n = w
	} else if n[0] < '0' || n[0] > '9' {
		n = "X"
	}
	unit := strings.TrimSuffix(strings.ToLower(m[2]), "s")
	switch unit {
	case "hour", "minute":
		return "PT" + n + strings.ToUpper(unit[:1]), true
	case "decade":
		return "P" + n + "E", true
	case "century", "centurie":
		return "P" + n + "C", true
	default:
		return "P" + n + strings.ToUpper(unit[:1]), true
	}
}

// ScoreTimeML tags each document's Text with t, its DCT as the publication
// date, and scores the dates found against the document's TIMEX3s,
// TempEval-3 style (see the package documentation, TimeML). Documents are
// reported by File. It stops at the first tagging error or cancellation of
// ctx.
func ScoreTimeML(ctx context.Context, docs []*TimeMLDoc, t Tagger) (*Report, error) {
	rep := &Report{Overall: newScores(), timeml: true}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval: timeml %s: %w", d.File, context.Cause(ctx))
		}
		res, err := t.Tag(ctx, d.Text, d.DCT)
		if err != nil {
			return nil, fmt.Errorf("eval: timeml %s: tag: %w", d.File, err)
		}
		dr, items := scoreTimeMLDoc(d, res.Dates)
		rep.Overall.add(dr.Scores)
		rep.Documents = append(rep.Documents, dr)
		rep.Items = append(rep.Items, items...)
	}
	rep.sort()
	return rep, nil
}

// scoreTimeMLDoc compares the predicted dates of one document with its
// gold TIMEX3s.
func scoreTimeMLDoc(d *TimeMLDoc, dates []extract.Date) (DocReport, []Item) {
	dr := DocReport{File: d.File, Source: d.File, Scores: newScores()}
	var items []Item
	item := func(metric, kind, text string, start, end int) *Item {
		items = append(items, Item{Doc: d.File, Metric: metric, Kind: kind, Text: text, Start: start, End: end,
			Context: excerpt(d.Text, start, end)})
		return &items[len(items)-1]
	}
	gold := d.Timexes
	pred := make([]Timex, len(dates))
	for i, p := range dates {
		pred[i] = timexIn(p, d.DCT)
	}
	goldTo, predUsed := matchAny(len(gold), len(pred), func(g, p int) int {
		return min(gold[g].End, pred[p].End) - max(gold[g].Start, pred[p].Start)
	})
	var strict, relaxed, value Counts
	var typ Ratio
	for gi, g := range gold {
		pi := goldTo[gi]
		if pi < 0 {
			relaxed.FN++
			strict.FN++
			value.FN++
			item("timex_relaxed", Missed, g.Text, g.Start, g.End).Want = g.Type + " " + g.Value
			continue
		}
		p := pred[pi]
		relaxed.TP++
		if sameSpan(d.Text, g, p) {
			strict.TP++
		} else {
			strict.FN++
			strict.FP++
			it := item("timex_strict", Wrong, g.Text, g.Start, g.End)
			it.Want, it.Got = g.Text, p.Text
		}
		pt, pv := p.Type, p.Value
		if sameValue(g.Value, pv) {
			value.TP++
		} else {
			value.FN++
			value.FP++
			it := item("timex_value", Wrong, g.Text, g.Start, g.End)
			it.Want, it.Got = g.Value, cmp.Or(pv, "(none)")
		}
		typ.judge(pt == g.Type)
		if pt != g.Type {
			it := item("timex_type", Wrong, g.Text, g.Start, g.End)
			it.Want, it.Got = g.Type, pt
		}
	}
	for pi, p := range pred {
		if predUsed[pi] {
			continue
		}
		relaxed.FP++
		strict.FP++
		value.FP++
		item("timex_relaxed", Spurious, p.Text, p.Start, p.End).Got = cmp.Or(p.Value, "(none)")
	}
	dr.Scores.addPRF("timex_strict", strict)
	dr.Scores.addPRF("timex_relaxed", relaxed)
	dr.Scores.addPRF("timex_value", value)
	dr.Scores.addAcc("timex_type", typ)
	return dr, items
}

// sameValue reports whether a gold and a predicted TIMEX3 value are the
// same value: equal once both are written in one notation (normValue).
func sameValue(gold, pred string) bool {
	return gold == pred || normValue(gold) == normValue(pred)
}

var (
	// shortWeekRe matches an ISO week number without its zero:
	// "2000-W7", "2000-W7-WE".
	shortWeekRe = regexp.MustCompile(`^(\d{4})-W(\d)(-.*)?$`)
	// decadeXRe and centuryXRe match a decade or century with its unknown
	// digits written as X: "198X", "19XX".
	decadeXRe  = regexp.MustCompile(`^(\d{3})X$`)
	centuryXRe = regexp.MustCompile(`^(\d{2})XX$`)
	// unknownTailRe matches a date whose last fields are wholly unknown:
	// "1949-XX", "1998-XX-XX", "1998-10-XX".
	unknownTailRe = regexp.MustCompile(`^(\d{4}(?:-\d{2})?)(?:-XX)+$`)
	// hourRe matches a clock time given to the hour: "1989-11-06T17".
	hourRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}$`)
	// lengthValueRe matches a length in one unit: "P2L", "PT24H".
	lengthValueRe = regexp.MustCompile(`^P(T?)(\d{1,9})([A-Z])$`)
)

// Units of lengths in months (the calendar units) and in seconds (the
// clock units and days and weeks): a year is 12 months, a quarter 3, a
// decade 120, a century 1200, a millennium 12000; a week is 7 days, a day
// 24 hours.
var (
	monthsIn  = map[string]int64{"Y": 12, "Q": 3, "M": 1, "E": 120, "C": 1200, "L": 12000}
	secondsIn = map[string]int64{"W": 7 * 86400, "D": 86400}
	clockIn   = map[string]int64{"H": 3600, "M": 60, "S": 1}
)

// normValue writes a TIMEX3 value in one notation of the several that
// denote the same thing: an ISO week with its zero ("2000-W07"), a decade
// or century as its leading digits ("198", "19"), a date without its
// wholly unknown last fields ("1949-XX" is "1949"), a clock time to the
// minute ("T17:00"), and a length in one unit, months or seconds ("P2L"
// and "P2000Y" are both 24000 months, "P1D" and "PT24H" 86400 seconds).
// Anything else is returned unchanged.
func normValue(v string) string {
	if m := shortWeekRe.FindStringSubmatch(v); m != nil {
		return m[1] + "-W0" + m[2] + m[3]
	}
	if m := decadeXRe.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	if m := centuryXRe.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	if m := unknownTailRe.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	if hourRe.MatchString(v) {
		return v + ":00"
	}
	if m := lengthValueRe.FindStringSubmatch(v); m != nil {
		n, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil {
			return v
		}
		units, out := secondsIn, "PT%dS"
		switch {
		case m[1] == "T":
			units = clockIn
		case monthsIn[m[3]] != 0:
			units, out = monthsIn, "P%dM"
		}
		if u, ok := units[m[3]]; ok {
			return fmt.Sprintf(out, n*u)
		}
	}
	return v
}

// sameSpan reports whether a gold and a predicted TIMEX3 cover the same
// span of text, a final full stop aside: the stop that ends both an
// abbreviation and a sentence ("10 p.m." at the end of a sentence) is one
// character the corpora put inside the span or outside it, either way
// ("next week." and "10 p.m").
func sameSpan(text string, g, p Timex) bool {
	if g.Start != p.Start {
		return false
	}
	return withoutStop(text, g.Start, g.End) == withoutStop(text, p.Start, p.End)
}

// withoutStop returns end moved before a full stop that ends
// text[start:end].
func withoutStop(text string, start, end int) int {
	if end > start && text[end-1] == '.' {
		return end - 1
	}
	return end
}

// matchAny pairs gold and predicted spans one-to-one, greedily by overlap
// (largest first, then gold order, then prediction order); any overlap of
// at least one byte may pair, as TempEval-3's relaxed match allows any
// shared token. overlap(g, p) returns the overlap in bytes. It returns,
// for each gold span, the index of its prediction or -1, and for each
// prediction whether it was used.
func matchAny(ngold, npred int, overlap func(g, p int) int) (goldTo []int, predUsed []bool) {
	var cands []pairCand
	for g := range ngold {
		for p := range npred {
			if ov := overlap(g, p); ov > 0 {
				cands = append(cands, pairCand{ov: ov, g: g, p: p})
			}
		}
	}
	return pairGreedily(cands, ngold, npred, false)
}
