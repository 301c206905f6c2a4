package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// ErrNotFound is wrapped by Article's error when the index holds no
// article with the ID.
var ErrNotFound = errors.New("no such article")

// Article is one indexed article with every field the index stores:
// what a Hit carries plus the full text and the quotes. Search does not
// return the text, which would slow every search; Article does, for one.
type Article struct {
	ID     string
	Title  string
	Source string
	URL    string
	// Published is in UTC (the index keeps no zone); zero if the article
	// had none.
	Published    time.Time
	Text         string
	Person       []string
	Organization []string
	Place        []string
	Speaker      []string
	// Quotes are the article's quotations in the order of its text. Their
	// Score is zero: they were looked up, not ranked.
	Quotes []QuoteHit
}

// Article returns the article id with its text and quotes. Its error
// wraps ErrNotFound when the index has no article id (the ID of a quote
// document is not an article's), and ctx's error if ctx is done first.
// Documents still in a Writer's batch are not seen until it is flushed.
// It is safe for concurrent use.
func (ix *Index) Article(ctx context.Context, id string) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load article %s: %w", id, err)
	}
	if id == "" {
		return nil, fmt.Errorf("load article: empty ID: %w", ErrNotFound)
	}
	d, err := ix.b.Document(id)
	if err != nil {
		return nil, fmt.Errorf("load article %s: %w", id, err)
	}
	if d == nil {
		return nil, fmt.Errorf("load article %s: %w", id, ErrNotFound)
	}
	a := &Article{ID: id}
	quoteDoc := false
	d.VisitFields(func(f bindex.Field) {
		var s string
		if tf, ok := f.(bindex.TextField); ok {
			s = tf.Text()
		}
		switch f.Name() {
		case fieldDocType:
			quoteDoc = true
		case fieldTitle:
			a.Title = s
		case fieldSource:
			a.Source = s
		case fieldURL:
			a.URL = s
		case fieldText:
			a.Text = s
		case fieldPerson:
			a.Person = append(a.Person, s)
		case fieldOrganization:
			a.Organization = append(a.Organization, s)
		case fieldPlace:
			a.Place = append(a.Place, s)
		case fieldSpeaker:
			a.Speaker = append(a.Speaker, s)
		case fieldPublished:
			if df, ok := f.(bindex.DateTimeField); ok {
				if t, _, err := df.DateTime(); err == nil {
					a.Published = t.UTC()
				}
			}
		}
	})
	if quoteDoc {
		return nil, fmt.Errorf("load article %s: a quote, not an article: %w", id, ErrNotFound)
	}
	if a.Quotes, err = ix.articleQuotes(ctx, id); err != nil {
		return nil, fmt.Errorf("load article %s: %w", id, err)
	}
	return a, nil
}

// articleQuotes returns the quote documents of article id in the
// article's order.
func (ix *Index) articleQuotes(ctx context.Context, id string) ([]QuoteHit, error) {
	q := query.NewTermQuery(id)
	q.SetField(fieldArticle)
	sr := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{isQuoteDoc(), q}), maxQuotesPerArticle, 0, false)
	sr.Score = "none"
	sr.Fields = []string{fieldArticle, fieldQuote, fieldSpeaker, fieldQuoteKind, fieldTitle, fieldSource, fieldURL, fieldPublished, fieldQuoteNum}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w (%w)", ctxErr, err)
		}
		return nil, fmt.Errorf("find quotes: %w", err)
	}
	type numbered struct {
		n int
		h QuoteHit
	}
	qs := make([]numbered, 0, len(res.Hits))
	for _, dm := range res.Hits {
		// The position is stored as text ("10" sorts before "2").
		n, _ := strconv.Atoi(firstString(dm.Fields[fieldQuoteNum]))
		qs = append(qs, numbered{n, newQuoteHit(dm)})
	}
	slices.SortFunc(qs, func(a, b numbered) int { return cmp.Compare(a.n, b.n) })
	out := make([]QuoteHit, len(qs))
	for i, q := range qs {
		out[i] = q.h
	}
	return out, nil
}
