package api

import (
	"slices"
	"strings"
	"time"
)

// The rules by which the CLI's text output and the HTML pages of ingest
// serve read a result, so that both show it alike.

// Date is t as 2006-01-02, or "date unknown" when t is zero.
func Date(t time.Time) string {
	if p := Published(t); p != nil {
		return *p
	}
	return "date unknown"
}

// OneLine collapses the white space of s, line breaks included, to single
// spaces, and trims it.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// FragmentOrder lists the fields of a hit's fragments in the order they
// are shown, the most telling first: quote, text, title, then the others
// by name.
func FragmentOrder(frags map[string][]string) []string {
	rank := map[string]int{"quote": 0, "text": 1, "title": 2}
	fields := make([]string, 0, len(frags))
	for f := range frags {
		fields = append(fields, f)
	}
	slices.SortFunc(fields, func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		if !oka {
			ra = 3
		}
		if !okb {
			rb = 3
		}
		if ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return fields
}

// Paragraphs splits an article's text at its blank lines, as the
// cleaner separates paragraphs, each with its white space collapsed to
// single spaces by OneLine.
func Paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, OneLine(strings.Join(cur, " ")))
			cur = cur[:0]
		}
	}
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
