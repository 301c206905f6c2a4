package quotes

// Quote kinds, as they appear in Quote.Kind.
const (
	Direct   = "direct"   // a whole sentence or more inside quotation marks
	Partial  = "partial"  // a fragment in quotation marks inside reported prose
	Indirect = "indirect" // reported speech without quotation marks
)

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
