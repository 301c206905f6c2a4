package dates

import (
	"strings"
	"time"
)

// Weekdays, resolved by the tense of their sentence.

// newspaperAfter lists words that make a weekday part of a title: "Sunday
// Times", "Sunday Telegraph".
var newspaperAfter = map[string]bool{
	"Times": true, "Telegraph": true, "Mirror": true, "Express": true, "People": true,
	"Post": true, "Herald": true, "Mail": true, "Sport": true, "World": true, "Star": true,
	"Independent": true, "Tribune": true, "Journal": true, "Observer": true, "Business": true,
	"Record": true, "Sun": true, "Night": true, "Live": true, "Politics": true, "School": true,
}

// weekdayNames lists the capitalised words that make the weekday after them
// a name of its own: holidays and days of note ("Good Friday", "Black
// Monday", "Super Tuesday"), the football club Sheffield Wednesday, "Man
// Friday". Any other capitalised word before a weekday is taken to be the
// subject or place of a wire-style sentence ("The World Court Friday
// rejected", "resumed work in Iraq Friday").
var weekdayNames = map[string]bool{
	"Good": true, "Black": true, "Super": true, "Bloody": true, "Ash": true, "Holy": true,
	"Maundy": true, "Palm": true, "Easter": true, "Cyber": true, "Shrove": true, "Fat": true,
	"Whit": true, "Low": true, "Giving": true, "Plough": true, "Mothering": true, "Sheffield": true,
	"Man": true, "Girl": true, "Blue": true, "Remembrance": true, "Trinity": true, "Pentecost": true,
	"Orthodox": true, "Passion": true, "Clean": true, "Great": true, "Sunday": true, "Small": true,
	"Business": true, "Manic": true, "Freaky": true, "Casual": true, "Throwback": true, "Dress": true,
}

// weekdays adds weekday names, resolved by tense against the publication
// date: "on Wednesday", "last Monday", "next Friday", "Monday night".
func (r *dateRun) weekdays() {
	t := r.text
	for _, m := range r.findAll(weekdayRe) {
		s, e := m[0], m[1]
		wd := weekdayNum[t[m[2]:m[3]]]
		if newspaperAfter[nextWord(t, m[3])] && m[4] < 0 {
			continue
		}
		w, ws := prevWord(t, s)
		lw := strings.ToLower(w)
		if lw == "on" {
			// "The Mail on Sunday", "Independent on Sunday": a title.
			pw, _ := prevWord(t, ws)
			if pw != "" && pw[0] >= 'A' && pw[0] <= 'Z' && newspaperAfter[pw] || pw == "Scotland" || pw == "Wales" {
				continue
			}
		}
		if lw == "every" || lw == "each" {
			continue // a recurrence: sets
		}
		if strings.HasPrefix(t[m[3]:], " nights") || strings.HasPrefix(t[m[3]:], " mornings") ||
			strings.HasPrefix(t[m[3]:], " evenings") || strings.HasPrefix(t[m[3]:], " afternoons") {
			continue // "Tuesday nights": a recurrence, sets
		}
		if weekdayNames[w] {
			continue // "Bloody Sunday", "Good Friday", "Super Tuesday"
		}
		if nw := nextWord(t, m[3]); w != "" && w[0] >= 'A' && w[0] <= 'Z' && !sentenceStart(t, ws) &&
			nw != "" && nw[0] >= 'A' && nw[0] <= 'Z' {
			continue // inside a run of capitalised words: a name or a title
		}
		mode := 0 // by tense
		switch lw {
		case "last":
			mode, s = -2, ws
		case "previous", "preceding":
			mode, s = -2, ws
			if pw, pws := prevWord(t, ws); strings.EqualFold(pw, "the") {
				s = pws // "the previous Friday", "the preceding Monday"
			}
		case "next":
			mode, s = 2, ws
		case "this":
			mode, s = 3, ws
		}
		part := ""
		if m[4] >= 0 {
			part = t[m[4]:m[5]]
		}
		if mode == 0 && (strings.HasPrefix(t[m[3]:], "'s ") || strings.HasPrefix(t[m[3]:], "’s ")) {
			mode = 1 // "Friday's purchases": by tense, plans aside
		}
		r.addRel(s, e, func() (string, string) {
			d := resolveWeekday(r.pub, wd, mode, t, s, e)
			if part != "" {
				return ymd(d) + "T" + partOfDay[part], GranularityPartOfDay
			}
			return ymd(d), GranularityDay
		})
	}
}

// resolveWeekday finds the day called wd near pub. mode: 0 by the tense of
// the sentence, 1 by it without the present-tense plan verbs (a possessive
// weekday), -2 "last", 2 "next", 3 "this" (the same ISO week).
func resolveWeekday(pub time.Time, wd time.Weekday, mode int, text string, s, e int) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
	switch mode {
	case -2:
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case 2:
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	case 3:
		iso := func(w time.Weekday) int { return (int(w)+6)%7 + 1 } // Monday 1 … Sunday 7
		return pub.AddDate(0, 0, iso(wd)-iso(pub.Weekday()))
	}
	if back == 0 {
		return pub
	}
	tense := verbAfter(text, e)
	if tense == 0 {
		tense = tenseIn(text, s, e, tenseCues{plans: mode != 1, modals: mode != 1})
	}
	if tense > 0 {
		return pub.AddDate(0, 0, fwd)
	}
	return pub.AddDate(0, 0, -back)
}
