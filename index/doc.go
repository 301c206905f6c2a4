// Package index stores articles in a Bleve index and searches them.
// It is the only package of Byline that imports bleve.
//
// The fields users can name in a query are Doc's JSON tags:
//
//	title, text, quote   English: stemmed, stop words dropped (title:resign
//	                     matches "resigns"); highlighted in Hit.Fragments
//	person, organization,
//	place, speaker       names: lower-cased words, not stemmed
//	                     (person:basu, person:"Neil Basu")
//	person_exact, ...    the whole name as written, case-sensitive
//	                     (organization_exact:"Foreign Office"); for facets
//	published            date and time (published:>="2019-07-01"); a Doc
//	                     without one has none, not year 1
//	date                 the dates the text mentions, as date and time:
//	                     date:>="2019-07-01" date:<"2019-08-01" finds
//	                     articles mentioning a day, week or month in July
//	                     2019
//	source, url          exact string
//
// A term without a field searches title, text, quote and the four name
// fields. hash is stored for Index.Hash but not searchable.
//
// Search returns each hit's stored fields but not its text, which would
// slow every search; Index.Article returns one article with its text
// and quotes.
package index

import "time"

// Doc is one article as indexed. Its JSON field names are the index
// mapping's field paths, so they are also the field names users type in
// queries (person:"Neil Basu", published:>="2019-07-01").
type Doc struct {
	ID           string    `json:"-"`
	Title        string    `json:"title"`
	Source       string    `json:"source"` // file path or URL it was read from
	URL          string    `json:"url,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Text         string    `json:"text"`
	Person       []string  `json:"person,omitempty"`
	Organization []string  `json:"organization,omitempty"`
	Place        []string  `json:"place,omitempty"`
	Speaker      []string  `json:"speaker,omitempty"`
	Quote        []string  `json:"quote,omitempty"`
	// Date holds, for each date the text mentions at day, week or month
	// granularity (or finer), the first and last day of its interval, so
	// that a range query finds an article when a mentioned interval
	// begins or ends inside the range. Coarser mentions (years, decades)
	// are left out: "2019" does not mention July 2019. UTC; order and
	// duplicates do not matter.
	Date []time.Time `json:"date,omitempty"`
	// Quotes are indexed as documents of their own (see SearchQuotes),
	// each with its speaker, replacing the article's earlier ones.
	Quotes []Quote `json:"-"`
	// Hash identifies the content; a Doc with the same ID and Hash as one
	// already indexed is unchanged and is not written again.
	Hash string `json:"hash"`
}
