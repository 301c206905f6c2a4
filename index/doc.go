// Package index stores articles in a Bleve index and searches them.
// It is the only package of Byline that imports bleve.
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
	// Hash identifies the content; a Doc with the same ID and Hash as one
	// already indexed is unchanged and is not written again.
	Hash string `json:"hash"`
}
