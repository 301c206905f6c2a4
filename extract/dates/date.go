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
