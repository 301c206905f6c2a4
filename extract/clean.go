package extract

import (
	"io"

	"github.com/bylinehq/byline/extract/clean"
)

// Article is a cleaned article: its text and the metadata found beside it
// (clean.Article).
type Article = clean.Article

// MetaSources records where each metadata value of an Article came from
// (clean.MetaSources).
type MetaSources = clean.MetaSources

// Limits of cleaning (see package clean).
const (
	MaxInputSize   = clean.MaxInputSize
	MaxMarkupSize  = clean.MaxMarkupSize
	MaxElements    = clean.MaxElements
	ExtractTimeout = clean.ExtractTimeout
)

// Errors returned by CleanHTML and CleanText, wrapped with context; match
// them with errors.Is. They are package clean's errors.
var (
	ErrEmpty    = clean.ErrEmpty
	ErrBinary   = clean.ErrBinary
	ErrTooLarge = clean.ErrTooLarge
	ErrTooDeep  = clean.ErrTooDeep
	ErrTimeout  = clean.ErrTimeout
)

// CleanHTML turns a web page into an Article (clean.HTML).
func CleanHTML(r io.Reader, contentType, pageURL string) (Article, error) {
	return clean.HTML(r, contentType, pageURL)
}

// CleanText turns pasted or saved plain text into an Article (clean.Text).
func CleanText(raw []byte) (Article, error) { return clean.Text(raw) }
