package pipeline

import (
	"errors"
	"fmt"
	"time"

	"github.com/bylinehq/byline/extract"
)

// Stage names, as they appear in ItemError.Stage and in logs.
const (
	StageRead  = "read"
	StageFetch = "fetch"
	StageClean = "clean"
	StageTag   = "tag"
	StageIndex = "index"
)

// Format is what kind of raw input an Item carries.
type Format int

// Formats of raw input.
const (
	FormatText Format = iota // pasted or saved plain text
	FormatHTML               // a saved web page
	FormatJSON               // one JSON Lines article (see JSONArticle)
)

// JSONArticle is one line of a .jsonl input. Every field is optional, but
// an article needs text or html.
type JSONArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"` // YYYY-MM-DD or RFC 3339
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// Item is one article on its way through the pipeline. Each stage fills in
// its part; a stage that fails sets Err and later stages pass the item on
// untouched, so the sink can count and report it.
type Item struct {
	Seq    int    // position in input order, from 0
	Source string // file path, "path:line" for JSON Lines, or "-" for stdin
	Format Format
	Raw    []byte

	// For a web page (fetched, or read from the page store):
	URL         string // as requested; Raw is still to be fetched while Raw is nil
	FinalURL    string // after redirects
	ContentType string // the Content-Type header, whose charset the cleaner honours

	// file is the absolute path, links resolved, of the file the item
	// was read from ("" for JSON Lines, stdin and web pages): the
	// article's identity when it names no canonical URL (docID).
	file string

	// Meta is the metadata line matched to the item's file (Options.Meta),
	// applied after cleaning to what the article does not state; nil when
	// none matched.
	Meta *MetaLine

	Article   extract.Article // after clean
	Anchor    time.Time       // publication date the tagger resolves relative dates against; zero if unknown
	ID        string          // deterministic document id, after clean
	Hash      string          // content hash, after clean
	Unchanged bool            // the index already holds ID with this Hash: not tagged again
	Replaces  []string        // ids the index holds an earlier version of the article under, replaced by this one (see formerIDs)
	Result    extract.Result  // after tag

	Err error // an *ItemError once a stage has failed
}

// ItemError is a failure of one article in one stage. It does not stop the
// run.
type ItemError struct {
	Stage  string
	Source string
	Err    error
}

func (e *ItemError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Source, e.Stage, e.Err)
}

func (e *ItemError) Unwrap() error { return e.Err }

// fail records err as the item's failure in stage.
func (it *Item) fail(stage string, err error) {
	it.Err = &ItemError{Stage: stage, Source: it.Source, Err: err}
}

// ErrNoText is the error of an article that has neither text nor html.
var ErrNoText = errors.New("article has no text or html")

// Record returns the item as the extract JSON contract.
func (it *Item) Record() Record {
	r := Record{
		ID:     it.ID,
		Source: it.Source,
		Title:  it.Article.Title,
		Text:   it.Article.Text,
		Result: it.Result,
	}
	a := &it.Article
	if p := formatPublished(a.Published); p != "" {
		r.Published = &p
	}
	if m := formatPublished(a.Modified); m != "" {
		r.Modified = &m
	}
	r.URL, r.SiteName, r.Language = nonEmpty(a.URL), nonEmpty(a.SiteName), nonEmpty(a.Language)
	r.Authors = append([]string{}, a.Authors...)
	r.Sources = map[string]string{}
	for k, v := range map[string]string{
		"title": a.Sources.Title, "published": a.Sources.Published, "modified": a.Sources.Modified,
		"url": a.Sources.URL, "authors": a.Sources.Authors, "site_name": a.Sources.SiteName,
		"language": a.Sources.Language,
	} {
		if v != "" {
			r.Sources[k] = v
		}
	}
	return r
}

// nonEmpty returns &s, or nil for "": the contract's null for unknown.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// formatPublished renders a publication date as YYYY-MM-DD when it has no
// time of day and as RFC 3339 otherwise; "" when unknown.
func formatPublished(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	default:
		return t.Format(time.RFC3339)
	}
}

// ParsePublished parses a publication date given as YYYY-MM-DD or RFC 3339.
func ParsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("published %q: want YYYY-MM-DD or RFC 3339", s)
	}
	return t, nil
}
