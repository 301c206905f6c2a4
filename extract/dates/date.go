package dates

// Date is a temporal expression. Value is its TIMEX3-style normalised value
// ("2019-07-10", "2019-07", "2019", "2019-W28", "2019-07-12T21:00",
// "2019-SU", "199" for the 1990s, "P3Y" for a duration, "PRESENT_REF"), or
// nil when it cannot be resolved (a relative expression in an article
// without a known publication date, or one relative to another event such
// as "days after"). Granularity is one of the Granularity constants, nil
// with Value.
//
// Begin and Through bound the interval Value names, both inclusive: RFC
// 3339 full dates ("2019-07-01" through "2019-07-31" for "2019-07"), or RFC
// 3339 instants ("2019-07-12T21:00:00Z") for a clock time whose zone the
// text states; a clock time without a zone is bounded by its day. They are
// nil when Value is nil and for values that are not a stretch of the
// calendar (durations, PRESENT_REF). (The interval's end is called Through
// because End is the byte offset.)
//
// Offset is the signed ISO 8601 duration from the publication date ("-P1D"
// for "yesterday", "P1W" for "next week", "P0D" for "today") of a relative
// expression left unresolved because the publication date is unknown;
// otherwise nil.
type Date struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Value       *string `json:"value"`
	Granularity *string `json:"granularity"`
	Begin       *string `json:"begin"`
	Through     *string `json:"through"`
	Offset      *string `json:"offset"`
}

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
