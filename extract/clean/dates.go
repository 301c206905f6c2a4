package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates in metadata and datelines. Times without a zone are taken as
// written, in UTC; dates without a time are midnight UTC.

const (
	monthPat   = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`
	weekdayPat = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?`
	timePat    = `(?:(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?|(\d{1,2})\s*([ap]\.?m\.?))`
	zonePat    = `(?:gmt|bst|utc|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|aest|aedt|z|[+-]\d{2}:?\d{2})`
)

var (
	isoDateRe = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	dmyRe     = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthPat + `,?\s+(\d{4})\b`)
	mdyRe     = regexp.MustCompile(`\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	timeRe    = regexp.MustCompile(`\b` + timePat + `(?:\s*` + zonePat + `\b)?`)
	// residueRe matches what may surround the date in a dateline.
	residueRe = regexp.MustCompile(`^(?:[\s,|·•/()\-–—]|\b(?:on|at|the)\b|\b` + weekdayPat + `|\b` + zonePat + `\b)*$`)
	// markerRe matches a date marker's lead-in ("Published:", "date",
	// "Last updated on").
	markerRe = regexp.MustCompile(`^(?:(?:first )?published|posted|(?:last )?updated|(?:last )?modified|created|date|dateline)(?:\s+(?:on|at))?\s*:?\s*`)
)

var monthNames = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// monthOf maps a month name or abbreviation (lower case) to its month.
func monthOf(s string) time.Month {
	if len(s) < 3 {
		return 0
	}
	return monthNames[s[:3]]
}

// validDate builds a date, reporting false for impossible ones (31 June)
// and years outside 1900-2199.
func validDate(y int, m time.Month, d, hh, mm int) (time.Time, bool) {
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// findWrittenDate finds the first date in lower-case s written as ISO
// (2017-12-04), day first (4 December 2017, 4th of Dec. 2017) or month
// first (December 4, 2017) and returns it with its byte span.
func findWrittenDate(s string) (time.Time, int, int, bool) {
	best, bestStart, bestEnd := time.Time{}, -1, -1
	try := func(loc []int, y, m, d int) {
		t, ok := validDate(y, time.Month(m), d, 0, 0)
		if ok && (bestStart < 0 || loc[0] < bestStart) {
			best, bestStart, bestEnd = t, loc[0], loc[1]
		}
	}
	if m := isoDateRe.FindStringSubmatchIndex(s); m != nil {
		try(m, atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := dmyRe.FindStringSubmatchIndex(s); m != nil {
		try(m, atoi(s[m[6]:m[7]]), int(monthOf(s[m[4]:m[5]])), atoi(s[m[2]:m[3]]))
	}
	if m := mdyRe.FindStringSubmatchIndex(s); m != nil {
		try(m, atoi(s[m[6]:m[7]]), int(monthOf(s[m[2]:m[3]])), atoi(s[m[4]:m[5]]))
	}
	return best, bestStart, bestEnd, bestStart >= 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dateline is a date found in a paragraph or line that holds nothing else.
type dateline struct {
	t        time.Time
	modified bool // the marker said "updated" or "modified"
}

// parseDateline reports whether p is only a date, with maybe a weekday, a
// time, a zone and a marker ("Published:", "Updated"), and returns it:
// "4 December 2017, 09:02", "Friday, January 4, 2019",
// "Published: 4 December 2017", "Updated 9.02am GMT, Mon 4 Dec 2017".
func parseDateline(p string) (dateline, bool) {
	if len(p) > 80 {
		return dateline{}, false
	}
	s := strings.ToLower(strings.TrimSpace(p))
	var d dateline
	if m := markerRe.FindString(s); m != "" {
		d.modified = strings.Contains(m, "updated") || strings.Contains(m, "modified")
		s = s[len(m):]
	}
	if t, ok := parseMachineTime(s); ok {
		d.t = t
		return d, true
	}
	t, start, end, ok := findWrittenDate(s)
	if !ok {
		return dateline{}, false
	}
	rest := s[:start] + " " + s[end:]
	if m := timeRe.FindStringSubmatchIndex(rest); m != nil {
		hh, mm := -1, 0
		var ampm string
		if m[2] >= 0 {
			hh, mm = atoi(rest[m[2]:m[3]]), atoi(rest[m[4]:m[5]])
			if m[6] >= 0 {
				ampm = rest[m[6]:m[7]]
			}
		} else {
			hh = atoi(rest[m[8]:m[9]])
			ampm = rest[m[10]:m[11]]
		}
		switch {
		case strings.HasPrefix(ampm, "p") && hh >= 1 && hh < 12:
			hh += 12
		case strings.HasPrefix(ampm, "a") && hh == 12:
			hh = 0
		}
		if tt, ok := validDate(t.Year(), t.Month(), t.Day(), hh, mm); ok {
			t = tt
			rest = rest[:m[0]] + " " + rest[m[1]:]
		}
	}
	if !residueRe.MatchString(rest) {
		return dateline{}, false
	}
	d.t = t
	return d, true
}

// timestampLayouts are the machine-readable forms dates take in
// metadata, tried in order.
var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

// parseMachineTime parses the ISO 8601 and RFC 1123 forms in
// timestampLayouts, case-insensitively.
func parseMachineTime(s string) (time.Time, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2199 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// parseTimestamp parses a metadata date: a machine form (parseMachineTime)
// or a written one that holds nothing but the date (parseDateline).
func parseTimestamp(s string) (time.Time, bool) {
	if t, ok := parseMachineTime(s); ok {
		return t, true
	}
	d, ok := parseDateline(s)
	return d.t, ok
}

// urlDateRe matches a date in a URL path: /2019/07/12/ or /2019-07-12.
var urlDateRe = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)`)

// urlDate finds a date in a URL's path.
func urlDate(u string) (time.Time, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	m := urlDateRe.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	return validDate(atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), 0, 0)
}
