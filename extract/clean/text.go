package clean

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Text turns pasted or saved plain text into an Article. It is safe
// for concurrent use.
//
// The input must be text: NUL bytes, many control characters or mostly
// invalid UTF-8 give ErrBinary; input that is not valid UTF-8 but has no
// valid multi-byte sequences is read as windows-1252. Input that starts
// with a UTF-16 byte order mark is decoded from UTF-16. Lines end in \n, \r\n
// or \r.
//
// The title is the first non-blank line that is not a dateline or page
// furniture. A date marker at its start ("date 2017-12-04 Title",
// "Published: 4 December 2017 Title") is removed and gives Published; a
// line before the title that is only a date gives Published too.
//
// The paragraphs are the blank-line-separated blocks after the title, and
// within a block each line, except in hard-wrapped text: when the document's
// lines are filled to a common width of at most 120 characters and mostly
// break mid-sentence, a line is joined to the next whenever the next line's
// first word would not have fitted on it.
//
// The paragraphs are then finished as finish describes (shared with
// HTML): furniture dropped, a leading dateline or byline paragraph
// dropped and used as Published or Authors (a date with a time, such as
// "4 December 2017, 09:02", is preferred to a same-day date marker), the
// text cut at a trailing boilerplate marker ("Comments", "Related", "Read
// more at …"), and repeated paragraphs dropped.
//
// Text with a single paragraph has no title: Title is "" and the paragraph
// is the Text. Input with no text at all gives ErrEmpty.
//
// Idempotence: for any a returned without error, Text of a.Title +
// "\n\n" + a.Text (of a.Text alone when a.Title is "") returns the same
// Title and Text. The same holds for the Articles HTML returns with a
// non-empty Title.
func Text(raw []byte) (Article, error) {
	if len(raw) > MaxInputSize {
		return Article{}, fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, len(raw), MaxInputSize)
	}
	raw, err := decodeBOM(raw)
	if err != nil {
		return Article{}, err
	}
	if err := checkText(raw); err != nil {
		return Article{}, err
	}
	s := toUTF8(raw)
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")

	var a Article
	var marker time.Time
	i := 0
	for ; i < len(lines); i++ {
		line := collapseSpace(lines[i])
		if line == "" {
			continue
		}
		title, d, ok := titleLine(line)
		if !d.t.IsZero() {
			switch {
			case d.modified && a.Modified.IsZero():
				a.Modified, a.Sources.Modified = d.t, "date-marker"
			case !d.modified && marker.IsZero():
				marker = d.t
			}
		}
		if ok {
			a.Title, a.Sources.Title = title, "first-line"
			i++
			break
		}
	}

	f := finish(a.Title, textParagraphs(lines[i:]))
	if len(f.paras) == 0 {
		if a.Title == "" {
			return Article{}, ErrEmpty
		}
		f.paras = []string{a.Title}
		a.Title, a.Sources.Title = "", ""
	}
	a.Text = strings.Join(f.paras, "\n\n")

	switch {
	case !f.published.IsZero() && (marker.IsZero() || sameDay(marker, f.published)):
		a.Published, a.Sources.Published = f.published, "dateline"
	case !marker.IsZero():
		a.Published, a.Sources.Published = marker, "date-marker"
	}
	if a.Modified.IsZero() && !f.modified.IsZero() {
		a.Modified, a.Sources.Modified = f.modified, "dateline"
	}
	if len(f.authors) > 0 {
		a.Authors, a.Sources.Authors = f.authors, "byline"
	}
	return a, nil
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// titleMarkerRe matches a date marker at the start of a title line: a
// marker word, a machine or written date, and maybe a time.
var titleMarkerRe = regexp.MustCompile(`(?i)^(?:(?:first )?published|posted|(?:last )?updated|date|dateline)\s*:?\s*` +
	`(\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?|` +
	`(?:` + weekdayPat + `,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+` + monthPat + `,?\s+\d{4}|` + monthPat + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})` +
	`(?:,?\s+(?:at\s+)?` + timePat + `)?)` +
	`\s*[-–—:|,]?\s+`)

// titleLine decides whether a non-blank, space-collapsed line can be the
// title. A line that is only a date (a dateline) or page furniture cannot;
// date markers at its start are stripped and their date returned. HTML
// passes its title candidates through it too, which keeps the two cleaners
// agreeing on what a title is.
func titleLine(line string) (string, dateline, bool) {
	var first dateline
	for {
		if d, ok := parseDateline(line); ok {
			if first.t.IsZero() {
				first = d
			}
			return "", first, false
		}
		if noiseRe.MatchString(markerKey(line)) {
			return "", first, false
		}
		m := titleMarkerRe.FindStringSubmatch(line)
		if m == nil {
			return line, first, true
		}
		if d, ok := parseDateline(m[0]); ok && first.t.IsZero() {
			first = d
		} else if t, ok := parseTimestamp(m[1]); ok && first.t.IsZero() {
			first.t = t
		}
		line = collapseSpace(line[len(m[0]):])
		if line == "" {
			return "", first, false
		}
	}
}

// textParagraphs splits lines into paragraphs: blank lines separate
// blocks, and each line of a block is a paragraph unless the text is hard
// wrapped (see Text).
func textParagraphs(lines []string) []string {
	var blocks [][]string
	var cur []string
	for _, l := range lines {
		l = collapseSpace(l)
		if l == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}

	width, wrapped := wrapWidth(blocks)
	var paras []string
	for _, b := range blocks {
		if !wrapped {
			paras = append(paras, b...)
			continue
		}
		p := b[0]
		for j := 1; j < len(b); j++ {
			if wrapsInto(b[j-1], b[j], width) {
				p += " " + b[j]
			} else {
				paras = append(paras, p)
				p = b[j]
			}
		}
		paras = append(paras, p)
	}
	return paras
}

// wrapsInto reports whether line prev was broken only because next's first
// word would not fit within width.
func wrapsInto(prev, next string, width int) bool {
	word, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(word) > width
}

// wrapWidth estimates the width text was hard-wrapped at, reporting false
// when it does not look hard-wrapped: it needs at least three line breaks
// inside blocks, a width (the 90th percentile of the lengths of those
// lines) of 30 to 120 characters, at least 60% of those breaks where the
// next word would not have fitted, and most of those lines not ending in
// sentence punctuation.
func wrapWidth(blocks [][]string) (int, bool) {
	var lens []int
	for _, b := range blocks {
		if len(b) < 2 {
			continue
		}
		for _, l := range b {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	breaks := 0
	for _, b := range blocks {
		breaks += max(len(b)-1, 0)
	}
	if breaks < 3 {
		return 0, false
	}
	sort.Ints(lens)
	width := lens[len(lens)*9/10]
	if width < 30 || width > 120 {
		return 0, false
	}
	full, open := 0, 0
	for _, b := range blocks {
		for j := 1; j < len(b); j++ {
			if wrapsInto(b[j-1], b[j], width) {
				full++
			}
			if r, _ := utf8.DecodeLastRuneInString(b[j-1]); !strings.ContainsRune(`.!?:"'”’)`, r) {
				open++
			}
		}
	}
	return width, full*10 >= breaks*6 && open*2 > breaks
}
