package quotes

import (
	"sort"
	"strings"

	"github.com/bylinehq/byline/extract/names"
)

// speakers is the index of who may speak in a document: its entities
// (PERSON, ORGANIZATION and PLACE mentions) by offset, and for each person
// a gender, a surname and the first mentions. indexSpeakers builds it
// once; after that it is only read.
type speakers struct {
	ents    []names.Entity // the valid mentions, sorted by Start
	byStart map[int]int    // entity index by Start
	byEnd   map[int]int    // entity index by End
	gender  map[string]byte
	surname map[string]string // a person's last name (lower case) to its canonical name; "" when two people share it
	persons map[string][]int  // a person's first mentions (entity indexes) by canonical name
}

// indexSpeakers indexes ents, the mentions in text, by their offsets,
// dropping those out of range or without a name, and guesses each
// person's gender from titles and given names.
func indexSpeakers(text string, ents []names.Entity) *speakers {
	f := &speakers{}
	f.byStart, f.byEnd, f.gender = map[int]int{}, map[int]int{}, map[string]byte{}
	f.surname, f.persons = map[string]string{}, map[string][]int{}
	valid := ents[:0:0]
	for _, e := range ents {
		if e.Start >= 0 && e.End > e.Start && e.End <= len(text) && canonical(e) != "" {
			valid = append(valid, e)
		}
	}
	sort.SliceStable(valid, func(i, j int) bool { return valid[i].Start < valid[j].Start })
	f.ents = valid
	titles := map[string]byte{}
	for i, e := range f.ents {
		if _, ok := f.byStart[e.Start]; !ok {
			f.byStart[e.Start] = i
		}
		f.byEnd[e.End] = i
		if e.Type != names.Person {
			continue
		}
		c := canonical(e)
		if len(f.persons[c]) < maxRoleMentions {
			f.persons[c] = append(f.persons[c], i)
		}
		if names := strings.Fields(c); len(names) > 1 {
			last := strings.ToLower(names[len(names)-1])
			if other, ok := f.surname[last]; ok && other != c {
				f.surname[last] = ""
			} else {
				f.surname[last] = c
			}
		}
		if g := titleGender(text[max(0, e.Start-10):e.Start], e.Text); g != 0 {
			titles[c] = g
		}
		if _, ok := f.gender[c]; !ok {
			first := strings.ToLower(strings.Fields(c)[0])
			switch {
			case maleNames[first]:
				f.gender[c] = 'm'
			case femaleNames[first]:
				f.gender[c] = 'f'
			}
		}
	}
	for c, g := range titles {
		f.gender[c] = g
	}
	return f
}

// titleGender reads a gender from a title just before a mention or at its
// start: "Mr Basu", "Dame Cressida Dick".
func titleGender(before, mention string) byte {
	words := strings.Fields(before)
	cands := []string{}
	if len(words) > 0 {
		cands = append(cands, words[len(words)-1])
	}
	if mw := strings.Fields(mention); len(mw) > 1 {
		cands = append(cands, mw[0])
	}
	for _, w := range cands {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case maleTitles[w]:
			return 'm'
		case femaleTitles[w]:
			return 'f'
		}
	}
	return 0
}

// canonical is the name a mention stands for: its canonical name, or
// else its text.
func canonical(e names.Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return strings.TrimSpace(e.Text)
}

// found is an attribution: the speaker and the mention it came through.
type found struct {
	name   string
	s, e   int
	person bool
}

func (a found) ok() bool { return a.name != "" }

// anon reports whether a is an unnamed source ("officials said"): no
// name, but the span of the noun it came through. Reported speech only.
func (a found) anon() bool { return a.name == "" && a.e > a.s }

// lastEntityBefore returns the index of the last entity ending at or
// before i, or -1.
func (f *speakers) lastEntityBefore(i int) int {
	return sort.Search(len(f.ents), func(j int) bool { return f.ents[j].End > i }) - 1
}

// entityFound is the attribution to the i'th mention.
func (f *speakers) entityFound(i int) found {
	e := f.ents[i]
	return found{canonical(e), e.Start, e.End, e.Type == names.Person}
}
