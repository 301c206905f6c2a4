package dates

import (
	"context"
	"strings"
	"time"
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

// Option configures Find.
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
	out, _ := FindContext(context.Background(), text, published, opts...)
	return out
}

// FindContext is Find that stops when ctx is done: it checks ctx between
// its passes over the text (each linear in len(text)) and then returns
// nil and ctx's error.
func FindContext(ctx context.Context, text string, published time.Time, opts ...Option) ([]Date, error) {
	r := dateRun{reader: newReader(text), candidates: candidates{refTime: refTime{pub: published, known: !published.IsZero()}}}
	for _, o := range opts {
		o(&r.cfg)
	}
	if r.known {
		y, m, d := published.Date()
		r.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for _, pass := range []func(){
		r.absolute, r.numeric, r.years, r.spokenYears, r.decades, r.bareMonths,
		r.seasons, r.holidays, r.relative, r.references, r.longAgo, r.listedYears,
		r.quotedToday, r.monthModifiers, r.dayLists, r.monthLists, r.recentAndComing,
		r.periods, r.durations, r.lengths, r.currentPeriods, r.sets, r.weekdays,
		r.times, r.vagueRefs, r.anchors,
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pass()
	}
	cands := r.tidySpans(resolveOverlaps(r.cands))
	for _, rework := range []func([]dateCand) []dateCand{
		r.anchorYears, r.joinYearTails, r.attachTimes, r.yearEarlier,
		r.stepUnits, r.narrative, r.quarterYears, r.resolveAnaphora,
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cands = rework(cands)
	}
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
	return out, nil
}

// dateRun is one call of Find: its passes add candidates read from the
// text and resolved against the reference time, then rework them.
type dateRun struct {
	reader
	candidates
	cfg dateConfig
}

// reader is the text being tagged and what can be read off it alone: the
// matches of a pattern at word starts, and the passes that judge or widen
// a candidate by the words around it.
type reader struct {
	text      string
	starts    []int // word starts, where patterns are tried
	strictMay bool  // the text uses May as a name: only "4 May", "May 4", "May 2019" count
}

func newReader(text string) reader {
	return reader{
		text:      text,
		starts:    wordStarts(text),
		strictMay: strings.Contains(text, " May") && mayNameRe.MatchString(text),
	}
}

// refTime is the reference time relative expressions are resolved
// against: the publication day. Its methods are calendar arithmetic from
// that day and are used only when known.
type refTime struct {
	pub   time.Time // midnight UTC of the publication day when known
	known bool
}
