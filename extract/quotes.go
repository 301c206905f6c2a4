package extract

import "github.com/bylinehq/byline/extract/quotes"

// QuoteOptions configures FindQuotesWith (quotes.Options).
type QuoteOptions = quotes.Options

// FindQuotes finds the quotes in text and attributes each to a speaker
// among ents, text's entities (quotes.Find).
func FindQuotes(text string, ents []Entity) []Quote { return quotes.Find(text, ents) }

// FindQuotesWith is FindQuotes with options (quotes.FindWith).
func FindQuotesWith(text string, ents []Entity, opt QuoteOptions) []Quote {
	return quotes.FindWith(text, ents, opt)
}
