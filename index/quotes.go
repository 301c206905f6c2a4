package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Quote is one quotation of an article, as Doc.Quotes carries it. Each is
// indexed as its own small document next to the article, so that a search
// for a speaker and a word finds quotes in which that speaker said that
// word, not articles where one person is quoted and another said the word.
type Quote struct {
	Text    string
	Speaker string // canonical name; empty when the article does not say
	Kind    string // "direct", "partial" or "indirect"
}

// Quote documents: their bleve type and the fields only they have. They
// share title, published, source, speaker and quote with articles, mapped
// the same way, so speaker:"Neil Basu" and quote:leak mean the same in
// both searches.
const (
	quoteType      = "quote"
	fieldDocType   = "doctype" // "quote" on quote documents, absent on articles
	fieldArticle   = "article" // the article's ID
	fieldQuoteKind = "kind"
	fieldQuoteNum  = "n" // position of the quote in its article, from 0
)

// maxQuotesPerArticle bounds the quote documents looked up when an
// article is replaced; an article has far fewer.
const maxQuotesPerArticle = 10000

// quoteID is the ID of the n-th quote document of article id.
func quoteID(id string, n int) string { return id + "#q" + strconv.Itoa(n) }

// quoteBody is a Quote as handed to bleve.
type quoteBody map[string]any

// BleveType implements bleve's Classifier.
func (quoteBody) BleveType() string { return quoteType }

func (ix *Index) newQuoteBody(d *Doc, n int) quoteBody {
	q := d.Quotes[n]
	b := quoteBody{fieldDocType: quoteType, fieldArticle: d.ID, fieldQuote: q.Text, fieldQuoteNum: strconv.Itoa(n)}
	for k, v := range map[string]string{fieldSpeaker: q.Speaker, fieldQuoteKind: q.Kind, fieldTitle: d.Title, fieldSource: d.Source, fieldURL: d.URL} {
		if v != "" {
			b[k] = v
		}
	}
	if a := ix.newBody(d); a[fieldPublished] != nil {
		b[fieldPublished] = a[fieldPublished]
	}
	return b
}

// addQuoteMapping adds the quote document type to im, reusing the
// article's field mappings for the fields both have.
func addQuoteMapping(im *mapping.IndexMappingImpl, article *mapping.DocumentMapping) {
	qm := bleve.NewDocumentStaticMapping()
	qm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	for _, f := range []string{fieldTitle, fieldQuote, fieldSpeaker, fieldPublished, fieldSource, fieldURL} {
		qm.AddSubDocumentMapping(f, article.Properties[f])
	}
	kw := func(index bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Index = index
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	qm.AddFieldMappingsAt(fieldDocType, kw(true))
	qm.AddFieldMappingsAt(fieldArticle, kw(true))
	qm.AddFieldMappingsAt(fieldQuoteKind, kw(true))
	num := kw(false)
	num.DocValues = true // sort by position
	qm.AddFieldMappingsAt(fieldQuoteNum, num)
	im.AddDocumentMapping(quoteType, qm)
}

// isQuoteDoc matches quote documents; article searches exclude them.
func isQuoteDoc() query.Query {
	q := query.NewTermQuery(quoteType)
	q.SetField(fieldDocType)
	return q
}

// queueQuotes queues d's quote documents in w's batch, replacing those of
// an earlier version of the article: the ones in the pending batch (their
// count is known) or, when the article was Updated in the index, the ones
// found there by article ID.
func (w *Writer) queueQuotes(ctx context.Context, d *Doc, status Status) error {
	if n, ok := w.pendingQuotes[d.ID]; ok {
		for k := len(d.Quotes); k < n; k++ {
			w.batch.Delete(quoteID(d.ID, k))
		}
	} else if status == Updated {
		ids, err := w.ix.quoteIDs(ctx, d.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			w.batch.Delete(id)
		}
	}
	for n := range d.Quotes {
		if err := w.batch.Index(quoteID(d.ID, n), w.ix.newQuoteBody(d, n)); err != nil {
			return fmt.Errorf("index %s: map quote %d: %w", d.ID, n, err)
		}
	}
	w.pendingQuotes[d.ID] = len(d.Quotes)
	return nil
}

// quoteIDs returns the IDs of the indexed quote documents of article id.
func (ix *Index) quoteIDs(ctx context.Context, id string) ([]string, error) {
	q := query.NewTermQuery(id)
	q.SetField(fieldArticle)
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{isQuoteDoc(), q}), maxQuotesPerArticle, 0, false)
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("find quotes of %s: %w", id, err)
	}
	ids := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids, nil
}

// countQuotes returns the number of quote documents in the index.
func (ix *Index) countQuotes() (uint64, error) {
	res, err := ix.b.Search(bleve.NewSearchRequestOptions(isQuoteDoc(), 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("count quotes: %w", err)
	}
	return res.Total, nil
}

// QuoteRequest is a search for quotes. Query uses the syntax of
// Request.Query over the quote's words and its speaker (the default
// fields), its article's title and published date, with one difference: every
// clause without a + or - is required, so leak speaker:basu finds quotes
// by Basu that mention a leak. Speaker, when set, is required too, as a
// phrase over the speaker's name (Speaker "Neil Basu" matches "Neil
// Basu", not "Neil Young"). One of Query and Speaker must be set.
type QuoteRequest struct {
	Query   string
	Speaker string
	// Limit is the page size; 0 means DefaultLimit.
	Limit int
	// Offset is the number of hits skipped, for paging.
	Offset int
}

// QuoteResults is one page of quote hits.
type QuoteResults struct {
	// Total is the number of quotes that matched, of which Hits is a page.
	Total uint64
	Took  time.Duration
	Hits  []QuoteHit
}

// QuoteHit is a matching quote with its article.
type QuoteHit struct {
	ID        string // the quote document's ID: ArticleID + "#q" + position
	ArticleID string
	Score     float64
	Text      string
	Speaker   string // empty when the article does not say who
	Kind      string
	Title     string
	Source    string
	URL       string
	// Published is the article's, in UTC; zero if it had none.
	Published time.Time
}

// quoteFields are the fields a query clause without a field searches in
// SearchQuotes.
var quoteFields = []string{fieldQuote, fieldSpeaker}

// SearchQuotes finds quotes. Hits are ordered by score, then newest
// article first, then article and position, so equal requests give equal
// pages. It returns an error wrapping ErrBadQuery for a request that
// cannot be run, ErrOverBudget for one that would cost more than a
// search may, and ctx's error if ctx is done first. It is safe for
// concurrent use.
func (ix *Index) SearchQuotes(ctx context.Context, req QuoteRequest) (*QuoteResults, error) {
	if strings.TrimSpace(req.Query) == "" && strings.TrimSpace(req.Speaker) == "" {
		return nil, fmt.Errorf("search quotes: no query and no speaker: %w", ErrBadQuery)
	}
	limit := req.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	if err := checkWindow(limit, req.Offset); err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	q, err := quoteQuery(req.Query, req.Speaker)
	if err != nil {
		return nil, fmt.Errorf("search quotes %q: %w", req.Query, err)
	}
	sr := bleve.NewSearchRequestOptions(q, limit, req.Offset, false)
	sr.SortBy([]string{"-_score", "-" + fieldPublished, fieldArticle, fieldQuoteNum, "_id"})
	sr.Fields = []string{fieldArticle, fieldQuote, fieldSpeaker, fieldQuoteKind, fieldTitle, fieldSource, fieldURL, fieldPublished}
	res, err := ix.b.SearchInContext(budgeted(ctx), sr)
	if err != nil {
		return nil, fmt.Errorf("search quotes %q: %w", req.Query, searchError(ctx, err))
	}
	out := &QuoteResults{Total: res.Total, Took: res.Took, Hits: make([]QuoteHit, 0, len(res.Hits))}
	for _, dm := range res.Hits {
		out.Hits = append(out.Hits, newQuoteHit(dm))
	}
	return out, nil
}

// quoteQuery is the query SearchQuotes runs for QuoteRequest's Query
// (qs) and Speaker: quote documents matching every clause of qs, said by
// speaker when it is set. Both empty match every quote document. Its
// error wraps ErrBadQuery or ErrOverBudget (parseQuery).
func quoteQuery(qs, speaker string) (query.Query, error) {
	must := []query.Query{isQuoteDoc()}
	if strings.TrimSpace(qs) != "" {
		q, err := parseQuery(qs)
		if err != nil {
			return nil, err
		}
		must = append(must, allRequired(expandDefault(q, quoteFields)))
	}
	if s := strings.TrimSpace(speaker); s != "" {
		sq := query.NewMatchPhraseQuery(s)
		sq.SetField(fieldSpeaker)
		must = append(must, sq)
	}
	q := query.NewConjunctionQuery(must)
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBadQuery, err)
	}
	return q, nil
}

func newQuoteHit(dm *search.DocumentMatch) QuoteHit {
	h := QuoteHit{
		ID:        dm.ID,
		ArticleID: firstString(dm.Fields[fieldArticle]),
		Score:     dm.Score,
		Text:      firstString(dm.Fields[fieldQuote]),
		Speaker:   firstString(dm.Fields[fieldSpeaker]),
		Kind:      firstString(dm.Fields[fieldQuoteKind]),
		Title:     firstString(dm.Fields[fieldTitle]),
		Source:    firstString(dm.Fields[fieldSource]),
		URL:       firstString(dm.Fields[fieldURL]),
	}
	if p := firstString(dm.Fields[fieldPublished]); p != "" {
		if t, err := time.Parse(time.RFC3339, p); err == nil {
			h.Published = t.UTC()
		}
	}
	return h
}

// allRequired makes the optional clauses of a parsed query string
// required: a BooleanQuery's Should clauses move to Must.
func allRequired(q query.Query) query.Query {
	bq, ok := q.(*query.BooleanQuery)
	if !ok {
		return q
	}
	if should, ok := bq.Should.(*query.DisjunctionQuery); ok && len(should.Disjuncts) > 0 {
		bq.AddMust(should.Disjuncts...)
		bq.Should = nil
	}
	if bq.Must == nil && bq.Should == nil {
		bq.AddMust(query.NewMatchAllQuery()) // only -clauses: all but those
	}
	return bq
}
