package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

// The HTML pages: /, /quotes, /entities and /articles/{id}, the views
// their templates execute, and the template functions.

type errorView struct {
	Status  int
	Message string
}

// formError is embedded by the views of pages with a form: an error is
// shown above the results, with the form kept.
type formError struct{ Error string }

func (e *formError) setError(msg string) { e.Error = msg }

// pager links to the previous and next pages of a result list.
type pager struct {
	From, To   int // 1-based ranks shown
	Total      uint64
	Prev, Next string // URLs; empty when there is none
}

func newPager(r *http.Request, offset, limit, shown int, total uint64) pager {
	p := pager{From: offset + 1, To: offset + shown, Total: total}
	link := func(off int) string {
		v := r.URL.Query()
		v.Set("offset", strconv.Itoa(off))
		return r.URL.Path + "?" + v.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if next := offset + shown; shown > 0 && uint64(next) < total && next <= maxOffset {
		p.Next = link(next)
	}
	return p
}

type hitView struct {
	api.Hit
	Link      string // the article on the web, if known
	Date      string
	Fragments []fragmentView
}

// newHitView is the view of hit h at rank (0 for none), without its
// fragments.
func newHitView(rank int, h index.Hit) hitView {
	return hitView{Hit: api.NewHit(rank, h), Link: webLink(h.URL, h.Source), Date: api.Date(h.Published)}
}

type fragmentView struct{ Field, Text string }

type searchView struct {
	formError
	searchQuery
	Sorts   []sortOption
	Results *index.Results
	Hits    []hitView
	Took    string
	Pager   pager
}

type sortOption struct {
	Name     string
	Selected bool
}

func (s *Server) searchPage(r *http.Request) (string, any, error) {
	v := &searchView{}
	q, err := parseSearch(r)
	v.searchQuery = q
	for _, o := range sorts {
		v.Sorts = append(v.Sorts, sortOption{o.name, o.name == q.Sort})
	}
	if err != nil {
		return "search", v, err
	}
	if strings.TrimSpace(q.Query) == "" {
		return "search", v, nil // the form and the cheat-sheet
	}
	res, err := s.search(r, q)
	if err != nil {
		return "search", v, err
	}
	v.Results = res
	v.Took = res.Took.Round(10 * time.Microsecond).String()
	v.Pager = newPager(r, q.Offset, q.Limit, len(res.Hits), res.Total)
	for i, h := range res.Hits {
		hv := newHitView(q.Offset+i+1, h)
		for _, f := range api.FragmentOrder(h.Fragments) {
			for _, t := range h.Fragments[f] {
				hv.Fragments = append(hv.Fragments, fragmentView{f, api.OneLine(t)})
			}
		}
		v.Hits = append(v.Hits, hv)
	}
	return "search", v, nil
}

// webLink is the address of an article on the web: its URL, else its
// source if that is one.
func webLink(u, source string) string {
	if u != "" {
		return u
	}
	if strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") {
		return source
	}
	return ""
}

type quoteView struct {
	api.Quote
	Who, Date, Link string
	Text            string
}

func newQuoteView(rank int, h index.QuoteHit) quoteView {
	return quoteView{
		Quote: api.NewQuote(rank, h), Who: h.Speaker, Date: api.Date(h.Published),
		Link: webLink(h.URL, h.Source), Text: api.OneLine(h.Text),
	}
}

type quotesView struct {
	formError
	quotesQuery
	Results *index.QuoteResults
	Quotes  []quoteView
	Pager   pager
}

func (s *Server) quotesPage(r *http.Request) (string, any, error) {
	v := &quotesView{}
	q, err := parseQuotes(r)
	v.quotesQuery = q
	if err != nil {
		return "quotes", v, err
	}
	if strings.TrimSpace(q.Query) == "" && strings.TrimSpace(q.Speaker) == "" {
		return "quotes", v, nil
	}
	res, err := s.quotes(r, q)
	if err != nil {
		return "quotes", v, err
	}
	v.Results = res
	v.Pager = newPager(r, q.Offset, q.Limit, len(res.Hits), res.Total)
	for i, h := range res.Hits {
		v.Quotes = append(v.Quotes, newQuoteView(q.Offset+i+1, h))
	}
	return "quotes", v, nil
}

type entitiesView struct {
	formError
	entitiesQuery
	Types  []string
	Groups []entityGroup
}

type entityGroup struct {
	Type  string
	Names []index.EntityCount
}

func (s *Server) entitiesPage(r *http.Request) (string, any, error) {
	v := &entitiesView{Types: append(slices.Clip(index.EntityTypes), index.SpeakerType)}
	q, err := parseEntities(r)
	v.entitiesQuery = q
	if err != nil {
		return "entities", v, err
	}
	ents, err := s.entities(r, q)
	if err != nil {
		return "entities", v, err
	}
	for _, e := range ents {
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Type != e.Type {
			v.Groups = append(v.Groups, entityGroup{Type: e.Type})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Names = append(g.Names, e)
	}
	return "entities", v, nil
}

type articleView struct {
	hitView
	Quotes     []quoteView
	Paragraphs []string
}

func (s *Server) articlePage(r *http.Request) (string, any, error) {
	a, err := s.article(r, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	h := index.Hit{
		ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published,
		Person: a.Person, Organization: a.Organization, Place: a.Place, Speaker: a.Speaker,
	}
	v := &articleView{hitView: newHitView(0, h), Paragraphs: api.Paragraphs(a.Text)}
	for i, q := range a.Quotes {
		v.Quotes = append(v.Quotes, newQuoteView(i+1, q))
	}
	return "article", v, nil
}

// markFragment escapes a highlighted fragment for HTML and turns the
// index's match marks into <mark> elements. A stray mark (a guillemet in
// the article itself) never leaves an element open or closes one that
// was not opened.
func markFragment(s string) template.HTML {
	var b strings.Builder
	open := false
	for s != "" {
		i := strings.IndexAny(s, index.MarkStart+index.MarkEnd)
		if i < 0 {
			b.WriteString(template.HTMLEscapeString(s))
			break
		}
		b.WriteString(template.HTMLEscapeString(s[:i]))
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case string(r) == index.MarkStart && !open:
			b.WriteString("<mark>")
			open = true
		case string(r) == index.MarkEnd && open:
			b.WriteString("</mark>")
			open = false
		default:
			b.WriteRune(r) // a guillemet of the article's own
		}
		s = s[i+size:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// entityHref is the link from a name of the entities page to what it
// counted, within the page's query q: for a speaker, the quotes page with
// speaker and q; for another name, the search for articles naming it
// (person:"Kim Darroch"), required, followed by q.
func entityHref(e index.EntityCount, q string) string {
	if e.Type == index.SpeakerType {
		v := url.Values{"speaker": {e.Name}}
		if strings.TrimSpace(q) != "" {
			v.Set("q", q)
		}
		return "/quotes?" + queryEncode(v)
	}
	sq := entityQuery(e.Type, e.Name)
	if strings.TrimSpace(q) != "" {
		sq = "+" + sq + " " + q
	}
	return "/?" + queryEncode(url.Values{"q": {sq}})
}

// queryEncode is v.Encode with spaces as %20, as html/template writes
// them, rather than +.
func queryEncode(v url.Values) string {
	return strings.ReplaceAll(v.Encode(), "+", "%20") // a + of the values is %2B
}

// entityQuery is the query for articles naming name in field:
// field:"name", with the quotes and backslashes in name escaped.
func entityQuery(field, name string) string {
	return field + `:"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
}
