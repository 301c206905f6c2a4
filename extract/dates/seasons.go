package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Seasons ("summer 2018", "last winter", "in the spring").

var seasonCode = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

// seasonStart is the first month of a season; winter YYYY runs from
// December YYYY to February YYYY+1.
var seasonStart = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}

func seasonSpan(y int, code string) (time.Time, time.Time) {
	lo := time.Date(y, seasonStart[code], 1, 0, 0, 0, 0, time.UTC)
	return lo, lo.AddDate(0, 3, -1)
}

// seasonPrep lists words after which a bare season name is a date: "in
// summer", "over the winter".
var seasonPrep = map[string]bool{"in": true, "during": true, "by": true, "until": true, "since": true,
	"over": true, "through": true, "throughout": true, "before": true, "after": true}

var (
	seasonRe = newPattern(`\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?) ?)?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b(?:,? (?:of )?(\d{4})\b)?`,
		nlp.Words("last this next early late mid mid- spring summer autumn fall winter").Fold())
)

// seasons adds seasons: "summer 2019", "last winter", "this spring", "in
// the autumn", "the summer of 2018".
func (r *dateRun) seasons() {
	t := r.text
	for _, m := range r.findAll(seasonRe) {
		mod := ""
		if m[2] >= 0 {
			mod = strings.ToLower(strings.TrimSuffix(t[m[2]:m[3]], "-"))
		}
		name := t[m[4]:m[5]]
		code := seasonCode[strings.ToLower(name)]
		hasYear := m[6] >= 0
		s, e := m[0], m[1]
		if mod == "early" || mod == "late" || mod == "mid" {
			if !hasYear {
				// "early summer" alone: the season without the modifier.
				s, mod = m[4], ""
			}
		}
		if !hasYear && mod == "" {
			if strings.EqualFold(name, "fall") {
				continue // "fall" is a verb unless "last fall", "fall 2019"
			}
			w, ws := prevWord(t, s)
			lw := strings.ToLower(w)
			if lw == "the" {
				w2, _ := prevWord(t, ws)
				if !seasonPrep[strings.ToLower(w2)] {
					continue
				}
			} else if !seasonPrep[lw] {
				continue
			}
			if nw := nextWord(t, e); nw != "" && (nw[0] >= 'A' && nw[0] <= 'Z' || lowerNoun(nw)) {
				continue // "Summer Olympics", "spring water", "winter fuel"
			}
		}
		if hasYear {
			if numberAfter(t, m[1]) {
				continue
			}
			y, _ := strconv.Atoi(t[m[6]:m[7]])
			r.add(s, e, fmt.Sprintf("%04d-%s", y, code), GranularitySeason)
			r.last().yearRef = y
			continue
		}
		r.addRel(s, e, func() (string, string) {
			return fmt.Sprintf("%04d-%s", r.seasonYear(code, mod, tenseAt(t, s, e)), code), GranularitySeason
		})
	}
}

// lowerNoun reports whether w is a lower-case word that makes a season or
// holiday name a modifier ("winter fuel", "Christmas tree") rather than a
// date.
func lowerNoun(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w {
	case "and", "or", "in", "on", "at", "the", "this", "last", "next", "when", "as", "with", "to",
		"for", "he", "she", "they", "we", "it", "that", "is", "was", "will", "would", "has", "had",
		"have", "after", "before", "of", "but", "if", "so", "than", "while", "because", "a", "an":
		return false
	}
	return true
}

// seasonYear picks the year of a season relative to the publication date.
func (rt refTime) seasonYear(code, mod string, tense int) int {
	y := rt.pub.Year()
	if code == "WI" && rt.pub.Month() <= time.February {
		y-- // January 2019 is in winter 2018
	}
	lo, hi := seasonSpan(y, code)
	switch {
	case mod == "last":
		if !hi.Before(rt.pub) {
			y--
		}
	case mod == "next":
		if !lo.After(rt.pub) {
			y++
		}
	case mod == "this":
	case tense < 0 && lo.After(rt.pub):
		y--
	case tense > 0 && hi.Before(rt.pub):
		y++
	}
	return y
}
