// Package extract turns news articles into text and finds who and what is
// in them: people, organisations and places (Entity), quotes with their
// speakers (Quote) and temporal expressions normalised against the
// publication date (Date).
//
// Cleaning (CleanHTML, CleanText) turns raw input into an Article. A Tagger
// tags an Article's text and returns a Result. All offsets are byte offsets
// into the cleaned text, whose paragraphs are separated by one blank line.
//
// extract is a façade: the work is done by one package per concern under
// it, and extract re-exports their types (as aliases) and entry points so
// that pipeline and cmd/ingest need only this package:
//
//   - extract/clean: HTML and pasted text to an Article;
//   - extract/names: the entity model, canonical names and aliases, lexicons;
//   - extract/quotes: quotes, speakers, indirect speech (imports names);
//   - extract/dates: temporal expressions and their values;
//   - extract/internal/nlp: below them all, tokens and sentences, the
//     part-of-speech tagger and word sets;
//   - extract/internal/ner: the sequence model names uses.
//
// extract is a leaf of Byline: it imports prose, goquery, golang.org/x/net/html
// and the main-text extractors through its packages, never pipeline or
// index.
package extract
