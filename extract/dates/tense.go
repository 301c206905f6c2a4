package dates

import (
	"strings"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Tense: whether the clause around an expression speaks of the past or
// the future, which places a weekday or a month written without a year.

// verbAfter is the tense of the word right after a weekday when it is a
// finite verb, as wire style puts it ("the State Department on Sunday
// issued", "the court Friday will rule"): that verb is the clause's own and
// outweighs a marker further back ("ahead of the trip, …"). 0 when the
// next word marks no tense or punctuation comes first.
func verbAfter(text string, e int) int {
	if e >= len(text) || text[e] != ' ' {
		return 0
	}
	w := nextWord(text, e)
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return 0
	}
	switch {
	case futureWords[w] && w != "next" && w != "until" && w != "coming" && w != "ahead" && w != "due":
		return 1 // a modal: "Friday will rule", "Sunday could see"
	case pastWords[w] && w != "last" && w != "since" && w != "earlier" && w != "ago":
		return -1
	case regularPast(w):
		if nextWord(text, e+strings.Index(text[e:], w)+len(w)) == "by" {
			return 0 // "a summit on Tuesday hosted by France": a participle
		}
		return -1
	}
	return 0
}

// regularPast reports whether w, a lower-case word, looks like a regular
// past tense or participle: "-ed" on a word of five letters or more, but
// not "-eed" ("need", "proceed").
func regularPast(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "going": true, "due": true, "scheduled": true, "expected": true,
	"plans": true, "plan": true, "planned": true, "planning": true, "upcoming": true, "coming": true, "next": true,
	"tomorrow": true, "ll": true, "until": true, "wo": true, "intends": true, "aims": true,
	"would": true, "could": true, "should": true, "might": true, "must": true, "can": true,
	"expects": true, "expect": true, "hopes": true, "effective": true, "ahead": true,
}

// planWords are present-tense verbs that, with a day that is not today,
// state a plan: "the vote is on Monday", "talks begin on Tuesday", "the
// leaders meet Monday". A possessive weekday ("Friday's purchases is far
// below") names a past event, so they do not count for it.
var planWords = map[string]bool{
	"is": true, "are": true, "begins": true, "begin": true, "starts": true, "start": true,
	"opens": true, "open": true, "resumes": true, "resume": true, "meets": true, "meet": true,
	"faces": true, "face": true, "hosts": true, "host": true, "travels": true, "travel": true,
	"visits": true, "visit": true, "arrives": true, "arrive": true, "ends": true, "end": true,
	"closes": true, "returns": true, "return": true, "expires": true,
}

var pastWords = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "met": true,
	"went": true, "came": true, "took": true, "gave": true, "made": true, "held": true, "left": true,
	"won": true, "lost": true, "began": true, "found": true, "flew": true, "saw": true, "spoke": true,
	"ran": true, "got": true, "sent": true, "paid": true, "fell": true, "rose": true, "struck": true,
	"broke": true, "led": true, "brought": true, "bought": true, "thought": true, "wrote": true,
	"chose": true, "drove": true, "stood": true, "became": true, "knew": true, "shot": true,
	"sold": true, "ago": true, "last": true, "yesterday": true, "earlier": true, "since": true,
	"killed": true, "hit": true, "been": true, "fought": true, "built": true, "lit": true,
	// Irregular past forms common in news that are not also base forms.
	"tore": true, "threw": true, "drew": true, "grew": true, "blew": true, "withdrew": true,
	"wore": true, "swore": true, "shook": true, "woke": true, "rode": true, "rang": true,
	"sank": true, "hid": true, "fled": true, "caught": true, "taught": true, "sought": true,
	"felt": true, "kept": true, "slept": true, "swept": true, "meant": true, "spent": true,
	"heard": true, "sat": true, "forgot": true, "ate": true, "understood": true, "overtook": true,
	"arose": true, "froze": true, "stole": true, "stuck": true, "drank": true, "hung": true,
	"swung": true, "sprang": true, "overcame": true, "dealt": true, "fed": true, "dug": true,
	// -eed words are skipped below (need, proceed); these are past.
	"agreed": true, "disagreed": true, "guaranteed": true, "decreed": true, "freed": true,
}

// infinitiveVerbs are common base verbs of news whose infinitive ("agreed
// to buy the unit in February", "expects to release results in
// mid-November") puts the event after the clause it hangs on: a plan.
var infinitiveVerbs = nlp.Words("be buy sell acquire purchase pay complete close release report " +
	"begin start open hold meet vote launch expire take make announce sign seek raise cut issue " +
	"build visit return resume leave end decide hear rule file review present publish deliver " +
	"hold hire cut join run step stand travel attend appear testify finish redeem").Fold()

// tenseAt guesses the tense of the sentence around [s,e): 1 future, -1
// past, 0 unknown. The nearest marker wins, looking back first.
func tenseAt(text string, s, e int) int { return tenseNear(text, s, e, true) }

// tenseNear is tenseAt; plans says whether the present-tense planWords
// count as future.
func tenseNear(text string, s, e int, plans bool) int {
	return tenseIn(text, s, e, tenseCues{plans: plans, modals: true})
}

// tenseCues says which weak markers of the future count. plans: the
// present-tense planWords ("the vote is Monday"). modals: would, could,
// should, might, can, must. Both are off for an expression that names an
// event by a noun ("around Wednesday's ruling", "Friday's trading"): the
// modal belongs to the clause's verb, not to the event, which is past.
type tenseCues struct{ plans, modals bool }

// weakModals are the modals that tenseCues.modals turns off.
var weakModals = nlp.Words("would could should might can must wo").Fold()

// tenseIn is tenseAt with the cues that count. "until" ("Until Thursday,
// they had not called him") takes the tense of the clause after it when
// that is past.
func tenseIn(text string, s, e int, cues tenseCues) int {
	lo := max(0, s-200)
	for i := s - 1; i >= lo; i-- {
		if clauseEnd(text, i) {
			lo = i + 1
			break
		}
	}
	hi := min(len(text), e+200)
	for i := e; i < hi; i++ {
		if clauseEnd(text, i) {
			hi = i
			break
		}
	}
	words := func(seg string) []string {
		return strings.FieldsFunc(seg, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		})
	}
	before := words(text[lo:s])
	after := words(text[e:hi])
	afterTense := func() int {
		for i := range after {
			if c := tenseOf(after, i, cues); c != 0 {
				return c
			}
		}
		return 0
	}
	for i := len(before) - 1; i >= 0; i-- {
		if c := tenseOf(before, i, cues); c != 0 {
			if w := strings.ToLower(before[i]); (w == "until" || w == "till") && afterTense() < 0 {
				return -1
			}
			return c
		}
	}
	return afterTense()
}

// tenseOf classifies ws[i] as a marker of the future (1), the past (-1)
// or neither (0), by the words beside it: "to" before a base verb is a
// plan, unless after "had" or "used"; a participle after "be" ("will be
// named", "to be published") leaves the tense to the words before it;
// "has" and "have" make a present perfect (past) unless "to" follows;
// "set" is a plan only in "set to" and "set for".
func tenseOf(ws []string, i int, cues tenseCues) int {
	w := strings.ToLower(ws[i])
	next, prev := "", ""
	if i+1 < len(ws) {
		next = strings.ToLower(ws[i+1])
	}
	if i > 0 {
		prev = strings.ToLower(ws[i-1])
	}
	switch w {
	case "to":
		if infinitiveVerbs(next) {
			if prev == "had" || prev == "used" || i > 2 && strings.EqualFold(ws[i-2], "been") && strings.EqualFold(ws[i-3], "had") {
				return -1 // "had to pay", "had been due to expire"
			}
			return 1
		}
		return 0
	case "has", "have", "ve":
		if next == "to" {
			return 1
		}
		return -1
	case "set":
		if next == "to" || next == "for" {
			return 1
		}
		return -1
	}
	switch {
	case futureWords[w] && prev == "been" && i > 1 && strings.EqualFold(ws[i-2], "had"):
		return -1 // "it had been due to expire Friday": a plan overtaken
	case w == "next" && next == "to":
		return 0 // "the blasts next to the embassy": a place
	case w == "could" && negatedAt(ws, i) || w == "couldn" && next == "t":
		return -1 // "could not be reached Wednesday": the past of "can"
	case w == "planned" && next == "to" && prev != "had" && prev != "are" && prev != "is" && !reportedAt(ws, i):
		// "the government planned to pay on Friday": news writes "plans
		// to" for a plan still ahead; the past form is a day gone by,
		// except in reported speech ("said it planned to sign Monday").
		return -1
	case weakModals(w) && !cues.modals:
		return 0
	case futureWords[w]:
		return 1
	case (w == "is" || w == "are") && copulaDeterminers(next):
		return 0 // "Kopp is a suspect": a description, not a plan
	case planWords[w]:
		if cues.plans {
			return 1
		}
		return 0
	case prev == "be" || prev == "being" || (prev == "is" || prev == "are") && (pastWords[w] || strings.HasSuffix(w, "ed")):
		return 0 // "will be named", "the case is heard": the words before decide
	case pastWords[w]:
		return -1
	case regularPast(w):
		if adjectiveAt(ws, i) {
			return 0 // "on a still unspecified date", "the revised terms"
		}
		return -1
	}
	return 0
}

// negatedAt reports whether the modal ws[i] is negated: "could not",
// "could never", or "neither" or "nobody" a few words before it.
func negatedAt(ws []string, i int) bool {
	if i+1 < len(ws) {
		if n := strings.ToLower(ws[i+1]); n == "not" || n == "never" {
			return true
		}
	}
	for j := max(0, i-8); j < i; j++ {
		switch strings.ToLower(ws[j]) {
		case "neither", "nor", "nobody", "none":
			return true
		}
	}
	return false
}

// reportingVerbs introduce reported speech, whose past tense is shifted
// back from the speaker's present ("said it planned to" is "plans to").
var reportingVerbs = nlp.Words("said say says told announced indicated reported added stated confirmed disclosed explained").Fold()

// reportedAt reports whether a reporting verb comes before ws[i].
func reportedAt(ws []string, i int) bool {
	for j := range i {
		if reportingVerbs(strings.ToLower(ws[j])) {
			return true
		}
	}
	return false
}

// copulaDeterminers begin a noun phrase after "is" or "are": "is a
// suspect", "are the first", which describe rather than schedule.
var copulaDeterminers = nlp.Words("a an the his her its their our my").Fold()

// participleDeterminers are the words before which a participle is an adjective.
var participleDeterminers = nlp.Words("a an the its their his her our this that these those").Fold()

// adjectiveAt reports whether the -ed word ws[i] modifies a noun rather
// than being a verb: right after a determiner ("the revised terms"), or
// after a determiner and an adverb ("a still unspecified date", "a newly
// appointed chief").
func adjectiveAt(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(ws[i-1])
	if participleDeterminers(prev) {
		return true
	}
	return i > 1 && (prev == "still" || prev == "yet" || strings.HasSuffix(prev, "ly")) && participleDeterminers(strings.ToLower(ws[i-2]))
}
