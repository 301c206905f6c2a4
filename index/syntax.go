package index

import (
	"fmt"
	"strings"
)

// checkSyntax finds what Bleve's query-string parser accepts but reads
// otherwise than a user means: a parenthesis outside a phrase or a
// regular expression. The syntax has no grouping, so title:(unclosed was
// a search of the title for "unclosed" and (leak OR cable) one for
// leak, or and cable, each with no hits or the wrong ones and no word of
// warning. A parenthesis escaped with a backslash is the character.
//
// It follows the parser's lexer (bleve search/query/query_string_lex.go):
// a phrase runs from " to the next unescaped ", a term ends at a space,
// :, ^ or ~, and a term that starts and ends with / is a regular
// expression.
func checkSyntax(qs string) error {
	var (
		inPhrase, inEscape bool
		term               strings.Builder // the term so far, unescaped
		paren              = -1            // byte offset of its first unescaped parenthesis
		termStart          = -1
	)
	endTerm := func(end int) error {
		t := term.String()
		isRegexp := len(t) >= 2 && strings.HasPrefix(t, "/") && strings.HasSuffix(t, "/")
		if paren >= 0 && !isRegexp {
			return fmt.Errorf("%q at byte %d of %q: the query syntax has no parentheses; mark each clause with + (must match) or - (must not), or write \\%c to search for the character",
				qs[paren:paren+1], paren, qs[termStart:end], qs[paren])
		}
		term.Reset()
		paren, termStart = -1, -1
		return nil
	}
	for i, r := range qs {
		switch {
		case inPhrase:
			switch {
			case inEscape:
				inEscape = false
			case r == '\\':
				inEscape = true
			case r == '"':
				inPhrase = false
			}
			continue
		case inEscape:
			inEscape = false
			term.WriteRune(r)
			continue
		case r == '\\':
			inEscape = true
			if termStart < 0 {
				termStart = i
			}
			continue
		}
		if termStart < 0 && term.Len() == 0 {
			// Between terms, as the lexer's startState.
			switch {
			case r == '"':
				inPhrase = true
				continue
			case strings.ContainsRune("+-:><=^~ \t\n\r", r):
				continue
			}
			termStart = i
		} else if strings.ContainsRune(" :^~", r) {
			if err := endTerm(i); err != nil {
				return err
			}
			continue
		}
		if (r == '(' || r == ')') && paren < 0 {
			paren = i
		}
		term.WriteRune(r)
	}
	if termStart >= 0 {
		return endTerm(len(qs))
	}
	return nil
}
