package clean

import "time"

// Article is a cleaned article: its text, with paragraphs separated by one
// blank line and no leading or trailing space, and the metadata found
// beside it. A zero Published means the date is unknown.
type Article struct {
	Title     string
	URL       string // canonical URL when the page names one
	Published time.Time
	Text      string

	// Modified is when the page says the article was last updated; zero
	// when unknown.
	Modified time.Time
	// Authors are the bylined people, cleaned to bare names ("Jill Disis",
	// not "By Jill Disis, CNN Business"), in byline order; nil when unknown.
	Authors []string
	// SiteName is the publication's name ("BBC News") when the page names it.
	SiteName string
	// Language is the page's declared language as a BCP 47 tag ("en",
	// "en-GB"), or "" when undeclared.
	Language string
	// Sources records where each metadata value above came from.
	Sources MetaSources
	// Warnings are problems met while cleaning that did not stop it, each
	// one line, such as "charset: declared shift_jis, decoded as utf-8";
	// nil when there were none.
	Warnings []string
}

// MetaSources records where each metadata value of an Article came from,
// so that callers can weigh them and tests can tell a JSON-LD date from one
// guessed from the URL. Each field is "" when the value is unset, else one
// of:
//
//	"json-ld"        a JSON-LD object (datePublished, headline, author, …)
//	"meta:NAME"      a <meta> tag, e.g. "meta:og:title", "meta:article:published_time"
//	"itemprop"       a microdata itemprop attribute (datePublished, author)
//	"time"           a <time datetime> element
//	"h1", "title"    the first <h1>, the <title> element
//	"link:canonical" a <link rel=canonical>
//	"html:lang"      the lang attribute of <html>
//	"byline"         a byline element or paragraph ("By Jane Smith")
//	"url"            a date in the page URL's path
//	"dateline"       a paragraph that is only a date, near the top of the text
//	"date-marker"    a marker on the title line ("date 2017-12-04 Title")
//	"first-line"     the first line of plain text
type MetaSources struct {
	Title     string
	Published string
	Modified  string
	URL       string
	Authors   string
	SiteName  string
	Language  string
}
