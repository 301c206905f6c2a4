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
}
