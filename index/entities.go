package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
)

// EntityCount is a canonical name with the number of indexed articles that
// mention it.
type EntityCount struct {
	Name     string `json:"name"`
	Type     string `json:"type"` // person, organization or place
	Articles int    `json:"articles"`
}

// EntityTypes are the name fields Entities can list, in listing order.
var EntityTypes = []string{"person", "organization", "place"}

// Entities lists the canonical names of type typ (one of EntityTypes, or ""
// for all three) found in the index, with the number of articles naming
// each, most articles first, then by name. It facets on the *_exact
// fields, so names are counted as written, case-sensitively. top bounds the
// names per type (top <= 0 means 10). Entities is safe for concurrent use.
func (ix *Index) Entities(ctx context.Context, typ string, top int) ([]EntityCount, error) {
	if top <= 0 {
		top = 10
	}
	types := EntityTypes
	if typ != "" {
		if !slices.Contains(EntityTypes, typ) {
			return nil, fmt.Errorf("entities: type %q, want one of %v", typ, EntityTypes)
		}
		types = []string{typ}
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	for _, t := range types {
		req.AddFacet(t, bleve.NewFacetRequest(t+ExactSuffix, top))
	}
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	var out []EntityCount
	for _, t := range types {
		f := res.Facets[t]
		if f == nil || f.Terms == nil {
			continue
		}
		var part []EntityCount
		for _, term := range f.Terms.Terms() {
			part = append(part, EntityCount{Name: term.Term, Type: t, Articles: term.Count})
		}
		slices.SortFunc(part, func(a, b EntityCount) int {
			return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name))
		})
		out = append(out, part...)
	}
	return out, nil
}
