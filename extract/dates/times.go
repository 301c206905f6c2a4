package dates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Clock times ("09:02", "4pm", "8.30am", "21:00 GMT") and the days they
// are on.

// times adds clock times: "09:02", "4pm", "8.30am", "6 a.m.".
func (r *dateRun) times() {
	t := r.text
	add := func(s, e, h, mi int) {
		e, zone := zoneAfter(t, e)
		r.cands = append(r.cands, dateCand{start: s, end: e, clock: true, hour: h, min: mi, zone: zone})
	}
	for _, m := range r.findAll(noonRe) {
		h := 12
		if strings.EqualFold(t[m[0]:m[1]], "midnight") {
			h = 0
		}
		add(m[0], m[1], h, 0)
	}
	for _, m := range r.findAll(clockRe) {
		if numberBefore(t, m[0]) || numberAfter(t, m[1]) && t[m[1]] != '.' && t[m[1]] != ',' {
			continue
		}
		if len(t[m[2]:m[3]]) == 1 && !strings.HasSuffix(strings.ToLower(strings.TrimRight(t[:m[0]], " ")), "at") {
			// "won 3:1" is a score; a one-digit hour needs "at".
			if !ampmFollows(t, m[1]) {
				continue
			}
		}
		if ampmFollows(t, m[1]) {
			continue // "8:30 am": the am/pm pattern takes it
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		mi, _ := strconv.Atoi(t[m[4]:m[5]])
		add(m[0], m[1], h, mi)
	}
	for _, m := range r.findAll(hourOfPartRe) {
		if w, _ := prevWord(t, m[0]); !clockAt(strings.ToLower(w)) || numberBefore(t, m[0]) {
			continue // "at 4 in the morning", "until 9 in the evening"; "won 2 in the afternoon session" is not a time
		}
		part := ""
		for k := 6; k < 10; k += 2 {
			if m[k] >= 0 {
				part = t[m[k]:m[k+1]]
			}
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		h, ok := hourOfPart(h, part)
		if !ok {
			continue
		}
		mi := 0
		if m[4] >= 0 {
			mi, _ = strconv.Atoi(t[m[4]:m[5]])
		}
		add(m[0], m[1], h, mi)
	}
	for _, m := range r.findAll(ampmRe) {
		if numberBefore(t, m[0]) {
			continue
		}
		e := m[1]
		if t[e-1] == '.' && !strings.HasSuffix(t[m[0]:e], "m.") {
			e--
		}
		if strings.HasSuffix(t[m[0]:e], "m.") && !strings.Contains(t[m[0]:e], ".m") {
			e-- // "4pm." ends a sentence: the full stop is not part of the time
		}
		h, _ := strconv.Atoi(t[m[2]:m[3]])
		mi := 0
		if m[4] >= 0 {
			mi, _ = strconv.Atoi(t[m[4]:m[5]])
		}
		if h == 12 {
			h = 0
		}
		if t[m[6]] == 'p' {
			h += 12
		}
		add(m[0], e, h, mi)
	}
}

// hourOfPart is the 24-hour hour of "h in the <part>" or "h at night",
// and false when the pair does not name a clock time ("1 in the evening").
func hourOfPart(h int, part string) (int, bool) {
	switch part {
	case "morning":
		if h == 12 {
			return 0, false
		}
		return h, true
	case "afternoon":
		if h == 12 {
			return 12, true
		}
		return h + 12, h <= 6
	case "evening":
		return h + 12, h >= 5 && h <= 11
	case "night":
		if h >= 7 && h <= 11 {
			return h + 12, true
		}
		return h, h <= 4
	}
	return 0, false
}

func ampmFollows(t string, j int) bool {
	rest := strings.TrimLeft(t[j:min(len(t), j+6)], " ")
	return strings.HasPrefix(rest, "am") || strings.HasPrefix(rest, "pm") ||
		strings.HasPrefix(rest, "a.m") || strings.HasPrefix(rest, "p.m")
}

// attachTimes gives each clock time its day: the day written right
// beside it ("4 December 2017, 09:02", "Monday at 6am", "6am on Monday",
// "tonight at 8pm"; "10:35 a.m. (0735 GMT) Friday"), else the last day
// named earlier in its sentence, else a day named within nearDay before
// it, else the publication day. The day and the time stay two
// expressions, as the gold guidelines annotate datelines.
func (r *dateRun) attachTimes(cs []dateCand) []dateCand {
	lastDay, lastAt, lastEnd := "", -1, -1
	dayOf := func(c dateCand) string {
		if c.clock || c.value == "" || len(c.value) < 10 {
			return ""
		}
		switch c.gran {
		case GranularityDay, GranularityPartOfDay, GranularityTime:
			return c.value[:10]
		}
		return ""
	}
	for i := range cs {
		c := &cs[i]
		if !c.clock {
			if d := dayOf(*c); d != "" {
				lastDay, lastAt, lastEnd = d, c.end, c.end
			}
			continue
		}
		day, found := "", false
		if i+1 < len(cs) && !cs[i+1].clock && asideGap(r.text[c.end:cs[i+1].start]) {
			// "10:35 a.m. (0735 GMT) Friday": the day after the aside.
			day, found = dayOf(cs[i+1]), true
		}
		if !found && i+1 < len(cs) && !cs[i+1].clock && dayGap(r.text[c.end:cs[i+1].start], false) {
			day, found = dayOf(cs[i+1]), true
			if gap := r.text[c.end:cs[i+1].start]; day != "" && (gap == " " || gap == ", ") {
				// "10 p.m. Wednesday", "noon Thursday": one expression, as
				// TimeML has it.
				c.end = cs[i+1].end
				cs[i+1].value, cs[i+1].start = "", -1
			}
		}
		if !found && i > 0 && !cs[i-1].clock && dayGap(r.text[cs[i-1].end:c.start], true) {
			day, found = dayOf(cs[i-1]), true
		}
		if !found && lastAt >= 0 {
			if strings.ContainsAny(r.text[lastAt:c.start], ".!?\n") {
				lastAt = -1 // the sentence has ended
			} else {
				day, found = lastDay, true
				lastAt = c.end // scan each stretch of text once
			}
		}
		if !found && lastDay != "" && c.start-lastEnd <= nearDay {
			// "He will fly out Thursday. … ``He will leave at 4 in the
			// morning''": the narrative is still on the day just named.
			day, found = lastDay, true
		}
		if !found && r.known {
			day = ymd(r.pub)
		}
		if day != "" {
			c.value, c.gran = fmt.Sprintf("%sT%02d:%02d", day, c.hour, c.min), GranularityTime
		}
	}
	return slices.DeleteFunc(cs, func(c dateCand) bool { return c.start < 0 })
}

// dayGap reports whether gap joins a day and a time into one expression.
// nearDay is how far, in bytes, a day named in an earlier sentence still
// anchors a bare clock time: about two sentences of news.
const nearDay = 300

// asideGap reports whether gap, between a clock time and a day, is a
// short parenthesis that gives the time elsewhere (" (0735 GMT) ",
// " (1500 local time) "): no sentence ends in it.
func asideGap(gap string) bool {
	rest, ok := strings.CutPrefix(gap, " (")
	if !ok {
		return false
	}
	in, tail, ok := strings.Cut(rest, ")")
	if !ok || len(in) > 24 || strings.ContainsAny(in, "(.!?\n") {
		return false
	}
	return tail == " " || tail == ", " || tail == " on "
}

func dayGap(gap string, dayFirst bool) bool {
	if dayFirst {
		switch gap {
		case " ", ", ", " at ", ", at ", " from ", " around ", " about ", " until ", " by ":
			return true
		}
		return false
	}
	switch gap {
	case " ", " on ", ", ", ", on ":
		return true
	}
	return false
}

// zones maps the time zone abbreviations news uses to their UTC offsets.
// Ambiguous ones (CST, IST) are left out.
var zones = map[string]string{
	"GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
	"EET": "+02:00", "EEST": "+03:00", "EST": "-05:00", "EDT": "-04:00", "PST": "-08:00",
	"PDT": "-07:00", "MSK": "+03:00", "JST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
}

// zoneAfter extends a clock time ending at e over a zone abbreviation
// ("21:00 GMT") and returns the new end and the zone's offset.
func zoneAfter(t string, e int) (int, string) {
	j := e
	if j < len(t) && t[j] == ' ' {
		j++
	}
	k := j
	for k < len(t) && t[k] >= 'A' && t[k] <= 'Z' {
		k++
	}
	if k < len(t) && isAlnum(t[k]) {
		return e, ""
	}
	if z, ok := zones[t[j:k]]; ok {
		return k, z
	}
	return e, ""
}
