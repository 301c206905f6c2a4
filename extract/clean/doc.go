// Package clean turns raw input into an Article: a web page (HTML) into its
// main text and metadata (title, canonical URL, publication and update
// dates, authors, site name, language), and pasted or saved plain text into
// the same shape (a title line, a dateline, paragraphs).
//
// The text it returns has paragraphs separated by one blank line and no
// leading or trailing space; every later offset (entities, quotes, dates)
// is a byte offset into it. Input is untrusted: HTML and Text bound its
// size, depth and time (MaxInputSize, MaxMarkupSize, MaxElements,
// ExtractTimeout) and fail with the errors below rather than hang or panic.
//
// clean does not find names, quotes or dates in the text, does not fetch
// pages (pipeline does) and imports no other package of Byline. It uses
// goquery and golang.org/x/net/html for parsing, and go-trafilatura and
// go-readability for main-text extraction.
package clean
