package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// EntityCount is a canonical name with the number of matching articles
// that mention it (Type person, organization or place) or of matching
// quotes it said (Type SpeakerType). The other count is zero and left out
// of the JSON.
type EntityCount struct {
	Name     string `json:"name"`
	Type     string `json:"type"` // person, organization, place or speaker
	Articles int    `json:"articles,omitempty"`
	Quotes   int    `json:"quotes,omitempty"`
}

// Count is the number e was counted by: Quotes for a speaker, else
// Articles.
func (e EntityCount) Count() int {
	if e.Type == SpeakerType {
		return e.Quotes
	}
	return e.Articles
}

// EntityTypes are the name fields of articles Entities lists when
// EntityRequest.Type is "", in listing order.
var EntityTypes = []string{"person", "organization", "place"}

// SpeakerType is the EntityRequest.Type that counts quotes by speaker
// rather than articles by name.
const SpeakerType = "speaker"

// DefaultEntityTop is the number of names per type Entities lists when
// EntityRequest.Top is 0 or less.
const DefaultEntityTop = 10

// EntityRequest asks which names occur most in the articles, or which
// speakers in the quotes, that match a query.
type EntityRequest struct {
	// Type is one of EntityTypes, SpeakerType, or "" for all of
	// EntityTypes (not SpeakerType).
	Type string
	// Top bounds the names per type; 0 or less means DefaultEntityTop,
	// more than MaxEntityTop is an error.
	Top int
	// Query selects what is counted, empty for everything. For the
	// EntityTypes it selects articles with the syntax and semantics of
	// Request.Query (published:>="2019-07-01" published:<"2019-08-01"
	// leak: articles about a leak published in July 2019). For
	// SpeakerType it selects quotes as QuoteRequest.Query does: every
	// clause required, plain terms searching the quote and its speaker.
	Query string
}

// Entities lists the canonical names of req.Type in the articles (or, for
// SpeakerType, the quotes) matching req.Query, with the number of
// articles naming each (quotes said by each), most first, then by name.
// It facets on the *_exact fields, so names are counted as written,
// case-sensitively; quotes without a speaker are not counted. It returns
// an error wrapping ErrBadQuery for an unknown type, a Top above
// MaxEntityTop or a query that cannot be run, ErrOverBudget for one that
// would cost more than a search may, and ctx's error if ctx is done first. Entities is safe for
// concurrent use.
func (ix *Index) Entities(ctx context.Context, req EntityRequest) ([]EntityCount, error) {
	top := req.Top
	if top <= 0 {
		top = DefaultEntityTop
	}
	if top > MaxEntityTop {
		return nil, fmt.Errorf("entities: top %d is more than %d: %w", top, MaxEntityTop, ErrBadQuery)
	}
	var (
		types []string
		q     query.Query
		err   error
	)
	switch {
	case req.Type == SpeakerType:
		types = []string{SpeakerType}
		q, err = quoteQuery(req.Query, "")
	case req.Type == "" || slices.Contains(EntityTypes, req.Type):
		types = EntityTypes
		if req.Type != "" {
			types = []string{req.Type}
		}
		if strings.TrimSpace(req.Query) == "" {
			q = articlesOnly(query.NewMatchAllQuery())
		} else {
			q, _, err = articleQuery(req.Query)
		}
	default:
		return nil, fmt.Errorf("entities: type %q, want one of %v or %s: %w", req.Type, EntityTypes, SpeakerType, ErrBadQuery)
	}
	if err != nil {
		return nil, fmt.Errorf("entities %q: %w", req.Query, err)
	}
	sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
	for _, t := range types {
		sr.AddFacet(t, bleve.NewFacetRequest(t+ExactSuffix, top))
	}
	res, err := ix.b.SearchInContext(budgeted(ctx), sr)
	if err != nil {
		return nil, fmt.Errorf("entities %q: %w", req.Query, searchError(ctx, err))
	}
	var out []EntityCount
	for _, t := range types {
		f := res.Facets[t]
		if f == nil || f.Terms == nil {
			continue
		}
		var part []EntityCount
		for _, term := range f.Terms.Terms() {
			e := EntityCount{Name: term.Term, Type: t}
			if t == SpeakerType {
				e.Quotes = term.Count
			} else {
				e.Articles = term.Count
			}
			part = append(part, e)
		}
		slices.SortFunc(part, func(a, b EntityCount) int {
			return cmp.Or(cmp.Compare(b.Count(), a.Count()), cmp.Compare(a.Name, b.Name))
		})
		out = append(out, part...)
	}
	return out, nil
}
