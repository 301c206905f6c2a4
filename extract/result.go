package extract

import (
	"github.com/bylinehq/byline/extract/dates"
	"github.com/bylinehq/byline/extract/names"
	"github.com/bylinehq/byline/extract/quotes"
)

// Entity types, as they appear in Entity.Type and in the JSON contract.
const (
	Person       = names.Person
	Organization = names.Organization
	Place        = names.Place
)

// Quote kinds, as they appear in Quote.Kind.
const (
	Direct   = quotes.Direct
	Partial  = quotes.Partial
	Indirect = quotes.Indirect
)

// Entity is one mention of a person, organisation or place (names.Entity).
type Entity = names.Entity

// Name is a canonical name with the number of mentions resolving to it
// (names.Name).
type Name = names.Name

// Quote is a stretch of quoted or reported speech (quotes.Quote).
type Quote = quotes.Quote

// Date is a temporal expression (dates.Date).
type Date = dates.Date

// Result is everything a Tagger found in one text. Slices are sorted by
// Start offset (People, Organizations and Places by mentions, descending,
// then name) and are non-nil, so they marshal as [] rather than null.
type Result struct {
	Entities []Entity `json:"entities"`
	// TitleEntities are the names in the article's headline
	// (TagMeta.Title), with offsets into the title; they count in People,
	// Organizations and Places like the text's.
	TitleEntities []Entity `json:"title_entities"`
	People        []Name   `json:"people"`
	Organizations []Name   `json:"organizations"`
	Places        []Name   `json:"places"`
	Quotes        []Quote  `json:"quotes"`
	Dates         []Date   `json:"dates"`
}
