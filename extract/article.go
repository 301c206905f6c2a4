package extract

import "time"

// Article is a cleaned article: its text, with paragraphs separated by one
// blank line and no leading or trailing space, and the metadata found
// beside it. A zero Published means the date is unknown.
type Article struct {
	Title     string
	URL       string // canonical URL when the page names one
	Published time.Time
	Text      string
}
