package extract

// Entity types, as they appear in Entity.Type and in the JSON contract.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Place        = "PLACE"
)

// Quote kinds, as they appear in Quote.Kind.
const (
	Direct   = "direct"   // a whole sentence or more inside quotation marks
	Partial  = "partial"  // a fragment in quotation marks inside reported prose
	Indirect = "indirect" // reported speech without quotation marks
)

// Entity is one mention of a person, organisation or place.
// Start and End are byte offsets into the tagged text: text[Start:End] == Text.
// Canonical is the name the mention resolves to in this document (titles
// such as "Sir" and "Mr" stripped, "Mr Basu" resolved to "Neil Basu").
type Entity struct {
	Type      string `json:"type"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Canonical string `json:"canonical"`
}

// Name is a canonical name with the number of mentions resolving to it.
type Name struct {
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}

// Quote is a stretch of quoted or reported speech. Text is the quoted words
// without the quotation marks; Start and End are its byte offsets. Speaker is
// the canonical name of who said it, or nil when the text does not make that
// clear. SpeakerStart and SpeakerEnd are the offsets of the mention the
// speaker was attributed through (a name, a pronoun, a role), nil with
// Speaker.
type Quote struct {
	Text         string  `json:"text"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Speaker      *string `json:"speaker"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
	Kind         string  `json:"kind"`
}

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

// Result is everything a Tagger found in one text. Slices are sorted by
// Start offset (People, Organizations and Places by mentions, descending,
// then name) and are non-nil, so they marshal as [] rather than null.
type Result struct {
	Entities      []Entity `json:"entities"`
	People        []Name   `json:"people"`
	Organizations []Name   `json:"organizations"`
	Places        []Name   `json:"places"`
	Quotes        []Quote  `json:"quotes"`
	Dates         []Date   `json:"dates"`
}
