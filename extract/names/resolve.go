package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// apostrophes maps typographic quotes to plain ones in canonical names, so
// "O’Brien" and "O'Brien" are one name.
var apostrophes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)

// nameKey is the canonical form of a name as written: honorifics already
// cut off, quotes made plain, runs of space collapsed.
func nameKey(s string) string {
	return strings.Join(strings.Fields(apostrophes.Replace(s)), " ")
}

// resolve settles types and canonical names across the document and
// returns the entities sorted by offset. Mentions that still have no type
// are dropped.
//
//   - Mentions written the same way get the same type: the most frequent
//     rule-based type, else prose's most frequent label.
//   - Full names with the same first and last word are one person, named
//     by the most frequent variant.
//   - A one-word person mention resolves to the full name of a person in
//     the document ending with it ("Mr Basu", "Basu" -> "Neil Basu"), or,
//     after "Sir"/"Dame", starting with it ("Sir Kim" -> "Kim Darroch"),
//     when only one person fits or one is named in full at least twice as
//     often as the others. An untyped or model-typed word that is a
//     person's surname becomes that person.
//   - An acronym resolves to a name of the document whose initials it is
//     ("FSB" -> "Federal Security Service"); a name missing only its head
//     resolves to the longer name ("Labour" -> "Labour Party").
func resolve(text string, ms []mention) []Entity {
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = nameKey(text[m.nameStart:m.end])
	}
	unifyTypes(ms, keys)
	dropLoneOpeners(ms, keys)
	aliases := parentheticalAcronyms(text, ms, keys)

	// Full personal names, by their first and last words. Variants with
	// the same first and last word ("John R. Bolton", "John Bolton") are
	// one person, named by the most frequent variant.
	fullCount := map[string]int{}
	for i, m := range ms {
		if w := strings.Fields(keys[i]); m.typ == Person && len(w) > 1 && !particlesOnly(w[:len(w)-1]) {
			fullCount[keys[i]]++
		}
	}
	variant := map[string]string{} // full name -> its representative
	byEnds := map[string][]string{}
	for k := range fullCount {
		w := strings.Fields(k)
		ends := w[0] + " " + w[len(w)-1]
		byEnds[ends] = append(byEnds[ends], k)
	}
	repCount := map[string]int{}
	for _, vs := range byEnds {
		slices.SortFunc(vs, func(a, b string) int {
			return cmp.Or(cmp.Compare(fullCount[b], fullCount[a]), cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
		})
		for _, v := range vs {
			variant[v] = vs[0]
			repCount[vs[0]] += fullCount[v]
		}
	}
	// A full name that opens a longer one is that person named short
	// ("Wanda Vázquez" in a headline, "Wanda Vázquez Garced" in the text).
	for k := range fullCount {
		long := ""
		for l := range fullCount {
			if strings.HasPrefix(l, k+" ") && (long == "" || fullCount[l] > fullCount[long] || fullCount[l] == fullCount[long] && l < long) {
				long = l
			}
		}
		if long != "" && variant[long] != variant[k] {
			repCount[variant[long]] += fullCount[k]
			variant[k] = variant[long]
		}
	}
	byLast := map[string]map[string]bool{}
	byFirst := map[string]map[string]bool{}
	byMiddle := map[string]map[string]bool{}
	for k, rep := range variant {
		w := strings.Fields(k)
		add(byLast, w[len(w)-1], rep)
		add(byFirst, w[0], rep)
		if n := len(w); n >= 3 && !nameParticles[w[n-2]] && !isInitialWord(w[n-2]) {
			add(byMiddle, w[n-2], rep)
		}
	}
	// dominant picks the person a short name refers to: the only
	// candidate, or one mentioned in full at least twice as often as any
	// other.
	dominant := func(set map[string]bool) string {
		best, second := "", 0
		for k := range set {
			switch c := repCount[k]; {
			case best == "" || c > repCount[best] || c == repCount[best] && k < best:
				if best != "" {
					second = max(second, repCount[best])
				}
				best = k
			default:
				second = max(second, c)
			}
		}
		if best == "" || len(set) > 1 && repCount[best] < 2*second {
			return ""
		}
		return best
	}
	orgKeys := map[string]string{} // ORGANIZATION and PLACE names -> type
	for i, m := range ms {
		if m.typ == Organization || m.typ == Place {
			orgKeys[keys[i]] = m.typ
		}
	}

	canon := make([]string, len(ms))
	copy(canon, keys)
	for i := range ms {
		m := &ms[i]
		one := !strings.Contains(keys[i], " ")
		surname := keys[i]
		if w := strings.Fields(keys[i]); m.typ == Person && len(w) > 1 && particlesOnly(w[:len(w)-1]) {
			one, surname = true, w[len(w)-1] // "de Blasio" is Blasio's surname as written
		}
		switch {
		case one && (m.typ == Person || !m.strong):
			var full string
			if m.typ == Person && firstNameHonorifics[m.honorific] {
				full = dominant(byFirst[keys[i]])
			}
			if full == "" {
				full = dominant(byLast[surname])
			}
			if full == "" && m.typ == Person {
				// "Vázquez" for Wanda Vázquez Garced: Spanish and
				// Portuguese names carry two surnames, either used alone.
				full = dominant(byMiddle[surname])
			}
			if full == "" && m.typ == Person && m.honorific == "" {
				full = dominant(byFirst[keys[i]])
			}
			if full != "" {
				m.typ = Person
				canon[i] = full
				continue
			}
			if len(byLast[keys[i]]) > 1 {
				// The surname of several people here: a person, but which
				// one is unclear, so the name stays as written.
				m.typ = Person
				continue
			}
		}
		// A one-word place ("the Solent") is more often a real place than a
		// shortened organisation name ("Solent Trust"); longer ones less so.
		if !m.strong && !m.adjective && (m.typ != Place || m.ntoks > 1) {
			// "Brennan Marine" beside "Brennan Marine Ltd".
			if full, typ := expansion(keys[i], orgKeys); full != "" && typ == Organization {
				m.typ = typ
				canon[i] = full
				continue
			}
		}
		if m.typ == Person && !m.adjective {
			if rep, ok := variant[keys[i]]; ok {
				canon[i] = rep
			}
			continue
		}
		if m.adjective {
			m.typ = ""
			continue
		}
		if long, ok := aliases[keys[i]]; ok {
			m.typ = long.typ
			canon[i] = long.key
			continue
		}
		if m.typ == Place && (m.strong || m.ntoks == 1) && !isAcronym(keys[i]) {
			continue
		}
		if full, typ := expansion(keys[i], orgKeys); full != "" {
			m.typ = typ
			canon[i] = full
		}
	}

	for i, m := range ms {
		if m.typ == Organization {
			if c := orgAlias(canon[i]); c != "" {
				canon[i] = c
			}
		}
	}

	ents := make([]Entity, 0, len(ms))
	for i, m := range ms {
		if m.typ == "" {
			continue
		}
		e := Entity{Type: m.typ, Text: text[m.start:m.end], Start: m.start, End: m.end, Canonical: canon[i]}
		if e.Text == "" || e.Canonical == "" {
			continue
		}
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return ents
}

// dropLoneOpeners untypes one-word names that only prose-style token labels
// vouch for (no rule, no model span) and that occur only at the start of
// sentences, where every word is capitalised ("Rescue", "Escape").
func dropLoneOpeners(ms []mention, keys []string) {
	elsewhere := map[string]bool{}
	for i, m := range ms {
		if !m.initial || m.strong || m.model {
			elsewhere[keys[i]] = true
		}
	}
	for i := range ms {
		if ms[i].ntoks == 1 && !elsewhere[keys[i]] {
			ms[i].typ = ""
		}
	}
}

type alias struct{ key, typ string }

// parentheticalAcronyms finds names followed by an acronym in brackets
// ("Federal Security Service (FSB)") and maps the acronym to the name.
func parentheticalAcronyms(text string, ms []mention, keys []string) map[string]alias {
	out := map[string]alias{}
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.typ == "" || a.typ == Person || a.ntoks < 2 || !isAcronym(keys[i+1]) {
			continue
		}
		if strings.TrimSpace(text[a.end:b.start]) != "(" || !strings.HasPrefix(text[b.end:], ")") {
			continue
		}
		out[keys[i+1]] = alias{keys[i], a.typ}
	}
	return out
}

func add(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

// unifyTypes gives every mention written the same way one type: the most
// frequent rule type, else the model's, else the token labels'.
func unifyTypes(ms []mention, keys []string) {
	type votes struct{ strong, model, weak map[string]int }
	byKey := map[string]*votes{}
	for i, m := range ms {
		if m.typ == "" {
			continue
		}
		v := byKey[keys[i]]
		if v == nil {
			v = &votes{map[string]int{}, map[string]int{}, map[string]int{}}
			byKey[keys[i]] = v
		}
		switch {
		case m.strong:
			v.strong[m.typ]++
		case m.model:
			v.model[m.typ]++
		default:
			v.weak[m.typ]++
		}
	}
	for i := range ms {
		v := byKey[keys[i]]
		if v == nil {
			continue
		}
		switch {
		case top(v.strong) != "":
			ms[i].typ, ms[i].strong = top(v.strong), true
		case ms[i].model:
			// The model has read the document already (its second stage
			// sees how it labelled the name elsewhere): "NEW YORK" in a
			// schedule is a place where "New York" beat Chicago is a team.
		case top(v.model) != "":
			ms[i].typ = top(v.model)
		default:
			ms[i].typ = top(v.weak)
		}
	}
}

// top returns the most frequent type in counts, ties going to PERSON, then
// ORGANIZATION, then PLACE.
func top(counts map[string]int) string {
	best := ""
	for _, typ := range []string{Person, Organization, Place} {
		if counts[typ] > counts[best] {
			best = typ
		}
	}
	return best
}

// expansion finds the longer organisation or place name key stands for:
// one whose initials spell the acronym key, or key followed by an
// organisation head. It returns "" when there is none or more than one.
func expansion(key string, names map[string]string) (string, string) {
	var found []string
	for name := range names {
		if name == key {
			continue
		}
		if isAcronym(key) && initials(name) == strings.ReplaceAll(key, ".", "") {
			found = append(found, name)
			continue
		}
		if rest, ok := strings.CutPrefix(name, key+" "); ok && orgHeads[rest] && !orgHeads[key] && !placeAcronyms[key] {
			found = append(found, name)
			continue
		}
		// "the Supreme Court" after "the US Supreme Court": the country
		// said once is left off later.
		if country, ok := strings.CutSuffix(name, " "+key); ok && strings.Contains(key, " ") &&
			names[name] == Organization && (placeAcronyms[country] || places[country]) {
			found = append(found, name)
		}
	}
	if len(found) != 1 {
		return "", ""
	}
	return found[0], names[found[0]]
}

// initials returns the capital initials of a multi-word name, skipping
// lowercase function words: "Federal Bureau of Investigation" -> "FBI".
func initials(name string) string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return ""
	}
	var b strings.Builder
	for _, s := range w {
		r := firstRune(s)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Tally counts the mentions of each canonical name of type typ, sorted by
// mentions descending, then name.
func Tally(ents []Entity, typ string) []Name {
	counts := map[string]int{}
	for _, e := range ents {
		if e.Type == typ {
			counts[e.Canonical]++
		}
	}
	out := make([]Name, 0, len(counts))
	for n, c := range counts {
		out = append(out, Name{Name: n, Mentions: c})
	}
	slices.SortFunc(out, func(a, b Name) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// particlesOnly reports whether every word of w is a surname particle
// ("de", "van der").
func particlesOnly(w []string) bool {
	for _, s := range w {
		if !nameParticles[s] {
			return false
		}
	}
	return true
}

// isInitialWord reports whether w is an initial ("R.", "J.R.") or a single
// letter.
func isInitialWord(w string) bool {
	return initialsRE.MatchString(w) || utf8.RuneCountInString(w) == 1
}
