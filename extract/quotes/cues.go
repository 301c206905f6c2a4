package quotes

import (
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// documentBefore reports whether a document noun stands at most three
// words before the verb at toks[v] ("a statement which read", "a note
// reading").
func (r reader) documentBefore(toks []tok, v int) bool {
	for u := v - 1; u >= 0 && u >= v-3 && toks[u].word; u-- {
		if documents[r.lower(toks[u])] {
			return true
		}
	}
	return false
}

// namingParticiple reports whether the verb at toks[v], the last word
// before the quotation or before an "as" that is, names something rather
// than reporting a judgement: "a programme called “Second Chance”", "a
// suspect described as “armed”". With no object between the verb and the
// quotation, the verb is a passive participle unless a fronted object
// ("which the Herald called “…”", "what Jo Lim described as “…”") stands
// before its subject.
func (r reader) namingParticiple(toks []tok, v int) bool {
	w := r.lower(toks[v])
	if !namingVerbs[w] {
		return false
	}
	switch {
	case v == len(toks)-1:
	case v == len(toks)-2 && r.lower(toks[v+1]) == "as":
	default:
		return false
	}
	if w == "described" && v == len(toks)-1 {
		return false // "described “…”" takes no name
	}
	for u := v - 1; u >= 0 && u >= v-7; u-- {
		if !toks[u].word && r.str(toks[u]) != "’" && r.str(toks[u]) != "'" {
			return true
		}
		switch r.lower(toks[u]) {
		case "which", "what", "that", "whom":
			return false
		}
	}
	return true
}

// bareParticiple reports whether the participle at toks[v] has no subject
// of its own, so it shares the sentence's: it follows a comma, a
// conjunction or a preposition ("after branding"), not a noun ("a memo
// branding", "Lim branding").
func (r reader) bareParticiple(toks []tok, v int) bool {
	if v == 0 {
		return true
	}
	p := toks[v-1]
	if !p.word {
		return r.str(p) != "’" && r.str(p) != "'"
	}
	w := r.lower(p)
	return prepositions[w] || subordinators[w] || clauseStarters[w] || fillers[w] || isAdverb(r.str(p)) || w == "and" || w == "or" || w == "then" || w == "when"
}

// passiveAt reports whether the verb at toks[v] is passive: "was told".
func (r reader) passiveAt(toks []tok, v int) bool {
	for j := v - 1; j >= 0 && j >= v-3 && toks[j].word; j-- {
		switch w := r.lower(toks[j]); w {
		case "was", "were", "been", "being", "be", "is", "are", "get", "got":
			return true
		default:
			if !isAdverb(w) && w != "also" && w != "reportedly" {
				return false
			}
		}
	}
	return false
}

// leadsTo reports whether only punctuation and descriptive words (titles,
// roles: "Wynnum coach", "study co-author") come before offset s in toks:
// the attribution right after a quote is "…,” Interior Minister Jo Lim
// wrote", not "…” while Jo Lim wrote".
func (r reader) leadsTo(toks []tok, s int) bool {
	for _, k := range toks {
		if k.s >= s {
			return true
		}
		if !k.word {
			continue
		}
		w := r.lower(k)
		if notDescriptors[w] || speechVerbs[w] || describeVerbs[w] {
			return false // "…” while Jo Lim wrote": another clause
		}
	}
	return true
}

// subordinateAt reports whether the subject mention at offset s of the
// verb at toks[v] follows a subordinator ("When Jo Lim said that …, the
// board …"): the reported clause then ends with the adverbial clause.
func (r reader) subordinateAt(toks []tok, v, s int) bool {
	j := v - 1
	for j >= 0 && toks[j].s >= s {
		j--
	}
	for n := 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		w := r.lower(toks[j])
		if !toks[j].word {
			return false
		}
		if clauseOpeners[w] {
			return true
		}
		if !subjectLead[w] && !isCapitalised(r.str(toks[j])) && !personRoles[w] {
			return false
		}
	}
	return false
}

// readsAfter reports whether toks use "read" as a verb of saying: "“…”,
// reads a press release".
func (r reader) readsAfter(toks []tok) bool {
	for _, k := range toks {
		if w := r.lower(k); w == "read" || w == "reads" {
			return true
		}
	}
	return false
}

// pastVerb reports whether w looks like a past-tense verb: an irregular
// one or a lower-case word in -ed, not a compound ("ARM-based").
func pastVerb(w string) bool {
	return irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && w == strings.ToLower(w) && !strings.Contains(w, "-")
}

// modalBefore reports whether toks hold a modal auxiliary.
func (r reader) modalBefore(toks []tok) bool {
	for _, k := range toks {
		switch r.lower(k) {
		case "would", "will", "could", "can", "may", "might", "should", "must", "shall":
			return true
		}
	}
	return false
}

// negatedAt reports whether the verb at toks[v] is negated or passive:
// "did not say", "never said", "is said to".
func (r reader) negatedAt(toks []tok, v int) bool {
	if r.passiveAt(toks, v) {
		return true
	}
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		switch r.lower(toks[j]) {
		case "not", "never", "t", "neither", "nor", "no":
			return true
		}
	}
	return false
}

// pastAdjunct returns the index after a short adjunct at toks[j] that may
// stand between a verb of saying and its clause: an adverb ("said
// publicly the …"), a time ("yesterday", "on Monday"); else j.
func (r reader) pastAdjunct(toks []tok, j int) int {
	if j >= len(toks) {
		return j
	}
	w := r.lower(toks[j])
	switch {
	case isAdverb(r.str(toks[j])), w == "yesterday", w == "today", w == "tonight":
		return j + 1
	case w == "on" && j+1 < len(toks) && nlp.IsWeekday(r.str(toks[j+1])): // "said on Monday the …"
		j += 2
		if j < len(toks) {
			switch r.lower(toks[j]) {
			case "morning", "afternoon", "evening", "night":
				j++ // "on Sunday morning"
			}
		}
		return j
	}
	return j
}

// pastTense reports whether toks[n] is a past-tense verb that follows a
// short subject starting at toks[j]: "three people died", "rescuers ended
// their work". The subject's words are plain words, not prepositions or
// participles.
func (r reader) pastTense(toks []tok, j, n int) bool {
	w := r.str(toks[n])
	if w != strings.ToLower(w) || !(irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed")) {
		return false
	}
	for m := j; m < n; m++ {
		lw := r.lower(toks[m])
		if !toks[m].word || prepositions[lw] || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || lw == "and" || lw == "or" {
			return false
		}
	}
	return true
}
