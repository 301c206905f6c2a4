// Package api holds the shapes of Byline's results as its two front ends
// show them: the JSON objects that the CLI's --json output (ingest
// search, quotes, entities and show) and the HTTP API of ingest serve
// (/api/...) have in common, and the few rules by which the CLI's text
// and the HTML pages read a result (dates, fragments, paragraphs).
//
// One encoding serves both front ends, so that a hit of GET /api/search
// is byte for byte a line of ingest search --json, and the body of GET
// /api/articles/ID is the output of ingest show --json. Changes to the
// JSON shapes are additive only: fields may be added, never removed,
// renamed or given another type, since scripts read them.
//
// api builds values from what package index returns; it does no I/O and
// knows neither flags nor HTTP. The envelopes that differ between the
// front ends stay with them: the CLI's "summary" lines in cmd/ingest, the
// API's response objects in internal/web.
package api

import (
	"slices"
	"time"

	"github.com/bylinehq/byline/index"
)

// Hit is one line of `ingest search --json` and one element of the hits
// of GET /api/search. Published is null when unknown; Fragments is {}
// rather than null when the hit has none.
type Hit struct {
	MessageType  string              `json:"message_type"`
	Rank         int                 `json:"rank"`
	ID           string              `json:"id"`
	Score        float64             `json:"score"`
	Title        string              `json:"title"`
	Source       string              `json:"source"`
	URL          string              `json:"url,omitempty"`
	Published    *string             `json:"published"`
	Fragments    map[string][]string `json:"fragments"`
	Person       []string            `json:"person"`
	Organization []string            `json:"organization"`
	Place        []string            `json:"place"`
}

// NewHit encodes h, the hit at 1-based rank.
func NewHit(rank int, h index.Hit) Hit {
	return Hit{
		MessageType: "hit", Rank: rank, ID: h.ID, Score: h.Score,
		Title: h.Title, Source: h.Source, URL: h.URL, Published: Published(h.Published),
		Fragments: nonNil(h.Fragments), Person: h.Person, Organization: h.Organization, Place: h.Place,
	}
}

// Quote is one line of `ingest quotes --json`, and one element of the
// quotes of GET /api/quotes, GET /api/articles/ID and `ingest show
// --json`. Speaker and Published are null when unknown.
type Quote struct {
	MessageType string  `json:"message_type"`
	Rank        int     `json:"rank"`
	ID          string  `json:"id"`
	Article     string  `json:"article"`
	Score       float64 `json:"score"`
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	Kind        string  `json:"kind"`
	Title       string  `json:"title"`
	Source      string  `json:"source"`
	URL         string  `json:"url,omitempty"`
	Published   *string `json:"published"`
}

// NewQuote encodes h, the quote at 1-based rank.
func NewQuote(rank int, h index.QuoteHit) Quote {
	return Quote{
		MessageType: "quote", Rank: rank, ID: h.ID, Article: h.ArticleID, Score: h.Score,
		Text: h.Text, Speaker: orNil(h.Speaker), Kind: h.Kind,
		Title: h.Title, Source: h.Source, URL: h.URL, Published: Published(h.Published),
	}
}

// NewEntity encodes e as one line of `ingest entities --json`, and one
// element of the entities of GET /api/entities: "articles" for names in
// articles, "quotes" for speakers. It is a map, so that the keys are
// written in sorted order and only one of the counts is present.
func NewEntity(e index.EntityCount) map[string]any {
	m := map[string]any{"message_type": "entity", "type": e.Type, "name": e.Name}
	if e.Type == index.SpeakerType {
		m["quotes"] = e.Quotes
	} else {
		m["articles"] = e.Articles
	}
	return m
}

// KnownEntityType reports whether typ is a type index.Entities counts:
// "" (all of index.EntityTypes), one of them, or index.SpeakerType. It is
// the check of `ingest entities --type` and of type= of GET /api/entities.
func KnownEntityType(typ string) bool {
	return typ == "" || typ == index.SpeakerType || slices.Contains(index.EntityTypes, typ)
}

// Article is the output of `ingest show --json` and the body of GET
// /api/articles/ID: one article's stored fields, its quotes ranked in the
// order of the text, and its full text. The name lists are [] rather than
// null when empty.
type Article struct {
	MessageType  string   `json:"message_type"`
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Source       string   `json:"source"`
	URL          string   `json:"url,omitempty"`
	Published    *string  `json:"published"`
	Person       []string `json:"person"`
	Organization []string `json:"organization"`
	Place        []string `json:"place"`
	Quotes       []Quote  `json:"quotes"`
	Text         string   `json:"text"`
}

// NewArticle encodes a, its quotes ranked by their order in the text.
func NewArticle(a *index.Article) Article {
	out := Article{
		MessageType: "article",
		ID:          a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: Published(a.Published),
		Person: orEmpty(a.Person), Organization: orEmpty(a.Organization), Place: orEmpty(a.Place),
		Quotes: make([]Quote, 0, len(a.Quotes)), Text: a.Text,
	}
	for i, q := range a.Quotes {
		out.Quotes = append(out.Quotes, NewQuote(i+1, q))
	}
	return out
}

// Published is the "published" field of a result: t as 2006-01-02, or
// nil (null) when t is zero, the date unknown.
func Published(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// TookMS is a search's duration in milliseconds, to the microsecond, as
// every took_ms field (ingest search and quotes --json, the API) reports
// it.
func TookMS(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// orNil makes an empty string marshal as null.
func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// orEmpty makes a missing list marshal as [] rather than null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// nonNil makes a missing map marshal as {} rather than null.
func nonNil(m map[string][]string) map[string][]string {
	if m == nil {
		return map[string][]string{}
	}
	return m
}
