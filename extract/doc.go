// Package extract turns news articles into text and finds who and what is
// in them: people, organisations and places (Entity), quotes with their
// speakers (Quote) and temporal expressions normalised against the
// publication date (Date).
//
// Cleaning (CleanHTML, CleanText) turns raw input into an Article. A Tagger
// tags an Article's text and returns a Result. All offsets are byte offsets
// into the cleaned text, whose paragraphs are separated by one blank line.
//
// extract is a leaf package: it imports prose, goquery, golang.org/x/net/html
// (parsing and charsets), and the main-text extractors
// github.com/markusmobius/go-trafilatura and
// codeberg.org/readeck/go-readability/v2 (CleanHTML), never pipeline or
// index.
package extract
