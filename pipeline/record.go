package pipeline

import "github.com/bylinehq/byline/extract"

// Record is one article as `ingest extract` prints it: the stable JSON
// contract for scripts and for measuring quality. Offsets in the embedded
// Result are byte offsets into Text. Published is "YYYY-MM-DD" (or RFC 3339
// when the source gives a time) and nil when unknown.
type Record struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Text      string  `json:"text"`
	extract.Result
}
