package dates

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Span bookkeeping: which candidates survive when they overlap, and the
// passes that widen spans to their modifiers or drop figurative ones.

// resolveOverlaps keeps, of overlapping candidates, the longer (the
// earlier on ties), and returns them sorted by start.
func resolveOverlaps(cs []dateCand) []dateCand {
	slices.SortFunc(cs, func(a, b dateCand) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	var kept []dateCand
	for _, c := range cs {
		if n := len(kept); n > 0 && c.start < kept[n-1].end {
			// Starting inside the last kept span, c cannot reach back to
			// the one before it, so replacing it keeps the spans apart.
			if c.end-c.start > kept[n-1].end-kept[n-1].start {
				kept[n-1] = c
			}
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// tidySpans is the last word on the spans of the candidates left by
// resolveOverlaps: it drops figurative uses (dropFigurative) and takes in
// a leading "early", "late", "mid" or "the end of" (extendModifiers).
func (r *reader) tidySpans(cs []dateCand) []dateCand {
	return r.extendModifiers(r.dropFigurative(cs))
}

// modifiedRe matches the candidates a leading "early", "late" or "mid"
// belongs to: a month, a year, a named day, a weekday alone, and "this",
// "next" or "last" with a unit.
var modifiedRe = regexp.MustCompile(`^(?:` + fullMonth + `|(?:19|20)\d\d|[Tt]oday|[Yy]esterday|[Tt]omorrow|` + weekdayAlt +
	`|(?:[Tt]his|[Nn]ext|[Ll]ast) (?:week|month|year|quarter|decade|century))$`)

// extendModifiers takes "early", "late" or "mid" into the span of the
// expression it modifies: "late November", "early next year", "mid-1996",
// "Late Monday". TimeBank puts it inside the TIMEX3 21 of 21 times,
// AQUAINT 10 of 18 (it leaves it out of "early Friday morning", which
// stays out here, a part of day being modified).
func (r *reader) extendModifiers(cs []dateCand) []dateCand {
	t := r.text
	for i := range cs {
		c := &cs[i]
		if !modifiedRe.MatchString(t[c.start:c.end]) {
			continue
		}
		s := c.start
		switch {
		case s >= 4 && strings.EqualFold(t[s-4:s], "mid-"):
			s -= 4
		default:
			w, ws := prevWord(t, s)
			if !strings.EqualFold(w, "early") && !strings.EqualFold(w, "late") && !strings.EqualFold(w, "mid") || ws+len(w)+1 != s {
				continue
			}
			if pw, _ := prevWord(t, ws); degreeWords(strings.ToLower(pw)) {
				continue // "too late today", "as early as Tuesday": an adverb of its own
			}
			s = ws
		}
		if s > 0 && isAlnum(t[s-1]) || i > 0 && cs[i-1].end > s {
			continue
		}
		c.start = s
	}
	for i := range cs {
		c := &cs[i]
		if !partOfRe.MatchString(t[c.start:c.end]) {
			continue
		}
		m := partBeforeRe.FindStringIndex(t[max(0, c.start-24):c.start])
		if m == nil {
			continue
		}
		s := max(0, c.start-24) + m[0]
		if s > 0 && isAlnum(t[s-1]) || i > 0 && cs[i-1].end > s {
			continue
		}
		c.start = s
	}
	return cs
}

// partOfRe matches the candidates "the end of" and its kin belong to, and
// partBeforeRe the words themselves: "the end of November", "the
// beginning of October", "the end of this week", "the end of the year"
// (TimeBank 9 of 9 inside the TIMEX3, AQUAINT none). Not "the end of the
// day", an idiom for "in the end".
var (
	partOfRe     = regexp.MustCompile(`^(?:` + fullMonth + `|(?:19|20)\d\d|(?:[Tt]he|[Tt]his|[Nn]ext|[Ll]ast) (?:week|month|year|quarter|decade|century))$`)
	partBeforeRe = regexp.MustCompile(`\b[Tt]he (?:end|beginning|start|middle) of $`)
)

// aroundClockRe matches "24 hours a day" and "seven days a week", which mean
// "always" (0/0, 0/1), not a length and a recurrence.
var aroundClockRe = regexp.MustCompile(`(?i)\b(?:24|twenty-four) hours a day\b|\b(?:7|seven) days a week\b`)

// aroundTheClock reports whether [s,e) lies inside "24 hours a day" or
// "seven days a week".
func aroundTheClock(t string, s, e int) bool {
	lo, hi := max(0, s-16), min(len(t), e+16)
	for _, m := range aroundClockRe.FindAllStringIndex(t[lo:hi], -1) {
		if lo+m[0] <= s && e <= lo+m[1] {
			return true
		}
	}
	return false
}

// degreeWords make "early" or "late" an adverb of its own: "too late
// today", "so early Monday".
var degreeWords = nlp.Words("too so very as how").Fold()

// dropFigurative removes time words used as something else: "High Noon"
// (a film, "high noon" a moment of decision: 0/0, 0/2) and "at the end of
// the day" (in the end), "24 hours a day" (always). Generic "today's
// world" stays, as PRESENT_REF (genericDays): Byline's guidelines annotate
// it though TimeBank (0/2) and AQUAINT (0/2) do not.
func (r *reader) dropFigurative(cs []dateCand) []dateCand {
	t := r.text
	return slices.DeleteFunc(cs, func(c dateCand) bool {
		w := strings.ToLower(t[c.start:c.end])
		pw, _ := prevWord(t, c.start)
		if aroundTheClock(t, c.start, c.end) {
			return true
		}
		switch w {
		case "noon":
			return strings.EqualFold(pw, "high")
		case "the day":
			// "at the end of the day": in the end, not a day.
			return strings.HasSuffix(strings.ToLower(t[:c.start]), "at the end of ")
		}
		return false
	})
}
