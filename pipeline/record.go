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

	// URL is the article's canonical URL, else the URL it was fetched
	// from; nil when neither is known.
	URL *string `json:"url"`
	// Modified is when the page says it was last updated, formatted like
	// Published; nil when unknown.
	Modified *string `json:"modified"`
	// Authors are the bylined people in byline order, [] when unknown.
	Authors []string `json:"authors"`
	// SiteName and Language are the publication's name and the page's
	// declared BCP 47 language; nil when the page does not say.
	SiteName *string `json:"site_name"`
	Language *string `json:"language"`
	// Sources says where each metadata value came from, keyed by field
	// ("published": "meta:article:published_time", "dateline", "flag",
	// ...; extract.MetaSources lists them); only known values have a key.
	Sources map[string]string `json:"sources"`

	extract.Result
}
