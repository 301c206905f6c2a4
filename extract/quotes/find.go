package quotes

import (
	"context"
	"sort"

	"github.com/bylinehq/byline/extract/names"
)

// Find finds quotations in text, cleaned article text whose
// paragraphs are separated by "\n\n", and attributes them to speakers
// using ents, the document's PERSON, ORGANIZATION and PLACE mentions
// sorted by Start.
//
// Quotation marks may be curly (“…”), straight ("…") or single (‘…’), where
// ’ doubles as the apostrophe (Darroch’s, can’t, the ’90s, the ministers’
// cables); pairing happens within a paragraph, so a stray mark can spoil at
// most its own paragraph. A paragraph whose quotation is still open at its
// end continues into the next paragraph when that one opens with the same
// kind of mark, and the Quote then spans from the first quoted word to the
// last, the inner "\n\n“" included. An unclosed quotation that does not
// continue ends with its paragraph when it opened the paragraph or
// followed a colon, and is dropped otherwise. Quotes nested in another
// quote are part of the outer one. Quote.Text is text[Start:End]: the
// words inside the marks, without surrounding space or the comma that
// hands over to the attribution (“We tried,” she said).
//
// Speakers come from the sentence around the quote: "X said:", "X said,",
// "said X", "X told the BBC", "X added", "according to X", "— union leader
// X", an appositive ("Hugh Park, a former police chief, said"), a
// participle or coordinated verb ("X quit, saying “…”", "X called it “…”
// and wrote “…”": the sentence's subject), a pronoun ("she said", resolved
// by salience: the subjects of the nearest clauses first, then other
// people, skipping those whose gender, known from a title or first name,
// disagrees, never one the pronoun's own sentence addresses, "Speaking to
// Jo Lim, he said", and people in obliques, "the murder of Jo Lim", after
// the rest), the person heading a subject phrase whatever organisations
// its modifiers name ("Jo Lim of Dock University and contributor to the
// Herald wrote", "Jo Lim of the Centre (COR) said", "Jo Lim in relaying
// the news said"), the issuer of a document that "read" the words, or a
// role ("a Home Office spokesperson said", "the company
// said", "Police say": an ORGANIZATION whose name has the role word, the
// most named one when none came before; "the commissioner said": a PERSON
// the text gives that role, else, for a direct quote, the speaker of most
// recent quotes). A direct quote that opens its sentence with no
// attribution of its own takes the speaker of the sentence before it (its
// speech verb's subject, or the one person it names). Speaker is always an
// Entity.Canonical from ents, and
// SpeakerStart/SpeakerEnd span the name, pronoun or role noun it came
// through. A split quote (“We tried,” she said, “but it failed.”) yields two
// Quotes with the same speaker. A quoted paragraph with no attribution of
// its own inherits the speaker of the quote just before it when that quote
// is in the same or the previous paragraph.
//
// Kind is Direct for whole statements, Partial for fragments inside
// reported prose (described the plan as “inept”) and Indirect for
// reported speech without quotation marks (see FindWith). A Partial quote is
// attributed only to the subject of the speech or description verb that
// governs it; when there is none, Speaker is nil. That subject is the
// one who brands, never the one branded ("Lim hit back, branding Hale a
// ‘liar’"; "leading to Lim branding Hale a ‘snake’", with an untagged
// surname resolved to the one person who bears it); a participle with a
// subject of its own that names no one ("a memo branding her ‘disloyal’")
// gives nil, and a naming participle with no object ("a group called
// ‘Safe Harbour’", "a man described as ‘armed’") names, so gives nil. A
// sentence that opens with a role noun has it as its subject ("Officers
// warned …, warning that it ‘…’": the police force the text names; "The
// president said …": a person the text gives that role before the name,
// in an appositive or copula, or as head of its institution, "Lim’s White
// House", or else, for an office noun opening its sentence, the previous
// sentence's subject when the text gives that person no other role). A
// partial quote inside the clause a person reports ("Lim said he had been
// told Hale had called it ‘brave’") is that person's words; an
// organisation or newspaper relaying keeps the inner speaker.
//
// The result is sorted by Start and its spans do not overlap. Find
// runs in time linear in the length of text, is a pure function and is
// safe for concurrent use.
func Find(text string, ents []names.Entity) []Quote {
	return FindWith(text, ents, Options{Indirect: true})
}

// quoteFinder attributes the quotations of one document: it classifies
// each rawQuote as Direct or Partial and finds its speaker, reading the
// text through reader, the entities through speakers, roles through
// roleBook and pronouns through pronounResolver. cur is the quotation being attributed; the speakers of the
// quotations before it are the defaults later ones may carry on.
type quoteFinder struct {
	reader
	sp    *speakers // the document's entities, indexed
	paras []span
	raws  []rawQuote

	cur   int             // the quotation being attributed
	roles roleBook        // the roles the text gives people and organisations
	pn    pronounResolver // he and she, and the clause subjects they rank
}

// Options choose what FindWith looks for. The zero value finds
// direct and partial quotations only.
type Options struct {
	// Indirect also finds reported speech without quotation marks ("Jo Lim
	// said that the bridge would reopen", "according to the police, three
	// people died") as Quotes of kind Indirect.
	Indirect bool
}

// FindWith is Find with options: Find(text, ents) is FindWith(text,
// ents, Options{Indirect: true}).
//
// Indirect speech is found with high precision rather than high recall.
// A sentence not ending in a question mark yields Indirect quotes, each a
// reported clause (without the closing full stop), when it reads as one
// of:
//
//   - "X said (that) <clause>", "X told reporters (that) <clause>", or X
//     with another verb of saying or reporting (warned, claimed, denied,
//     announced, confirmed, estimated, predicted, indicated, noted, …)
//     followed by "that"; without "that" the clause must open with a
//     nominative pronoun ("said they believe …") or hold a finite
//     auxiliary (was, will, had, could, …) before any comma or relative
//     pronoun, or, after verbs that rarely take a noun object (said,
//     told, claimed, estimated, …), a past tense within its first words
//     ("said three people died"); a short adverb or time ("said publicly",
//     "announced on Sunday") may come between;
//   - "according to X, <clause>" and "<clause>, according to X";
//   - "<clause>, X said" or "<clause>, said X" at the end of the sentence
//     (maybe followed by ", adding …"), when the clause opens the sentence
//     and holds a finite auxiliary;
//   - "<words>, X said, <clause>" with the reporting phrase inside the
//     reported sentence ("This year, she said, he came to stay"), the
//     whole sentence (from its last semicolon) being the quote;
//   - "quoted X as saying <clause>".
//
// A sentence may hold more than one: "X said A, but said B", "…, adding
// B", "… and noted B". A clause ends where the narrator resumes: at a
// semicolon, "despite", ", while", "but" or "and" before a new verb of
// saying or a past tense that cannot join a modal's clause, and at the
// comma closing a fronted adverbial clause ("After X said that …, the
// board met"). In a sentence with a quotation only the stretch after it
// (", while X said …") or before a participle that introduces it ("X
// stated A, saying “…”") is read.
//
// X is a PERSON or ORGANIZATION mention, a he/she resolved as for direct
// quotes, a role noun tied to a person or organisation the text names, or
// a relative "who" after a comma (not after "of"); a subject preceded by
// anything but a sentence or clause boundary and descriptive words ("The
// man who met Jo Lim said …") does not count. Unnamed sources ("officials
// said", "its source claimed", "according to local authorities") and two
// sources named jointly ("according to CNN and NPR") give a quote with a
// nil Speaker. Not indirect: passives ("is said to be"), negations ("did
// not say that"), "said nothing", "said whether", comparisons ("denied
// the story as did X"), questions. FindWith is safe for concurrent
// use.
func FindWith(text string, ents []names.Entity, opt Options) []Quote {
	out, _ := FindContext(context.Background(), text, ents, opt)
	return out
}

// checkEvery is how many quotations or sentences FindContext reads between
// two looks at its context.
const checkEvery = 64

// FindContext is FindWith that stops when ctx is done: it looks at ctx
// every checkEvery quotations it attributes and every checkEvery sentences
// it reads for reported speech, and then returns nil and ctx's error.
func FindContext(ctx context.Context, text string, ents []names.Entity, opt Options) ([]Quote, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p := pairer{reader: reader{text}}
	p.paragraphs()
	p.pair()
	f := quoteFinder{reader: p.reader, paras: p.paras, raws: p.raws}
	if len(f.raws) == 0 && !opt.Indirect {
		return []Quote{}, nil
	}
	f.sp = indexSpeakers(text, ents)
	f.roles = roleBook{reader: f.reader, sp: f.sp}
	f.pn = pronounResolver{reader: f.reader, sp: f.sp, raws: f.raws}
	out := make([]Quote, 0, len(f.raws))
	for i := range f.raws {
		if i%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		q := &f.raws[i]
		f.classify(i)
		f.attribute(i)
		out = append(out, Quote{
			Text: text[q.start:q.end], Start: q.start, End: q.end,
			Kind: q.kind,
		})
		if q.speaker != "" {
			setSpeaker(&out[len(out)-1], found{q.speaker, q.spStart, q.spEnd, q.spPerson})
		}
	}
	if opt.Indirect {
		ind, err := indirectFinder{&f}.indirect(ctx)
		if err != nil {
			return nil, err
		}
		if len(ind) > 0 {
			out = append(out, ind...)
			sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
		}
	}
	return out, nil
}

func setSpeaker(q *Quote, a found) {
	s, ss, se := a.name, a.s, a.e
	q.Speaker, q.SpeakerStart, q.SpeakerEnd = &s, &ss, &se
}

// Bounds that keep attribution linear in the length of the text.
const (
	maxWindow       = 400  // bytes searched around a quote for its attribution
	maxEntityScan   = 60   // entities looked back over to resolve a pronoun or role
	directVerbDist  = 8    // words allowed between a speech verb and a direct quote
	partialVerbDis  = 14   // words allowed between a verb and a partial quote
	pronounReach    = 1500 // bytes back a pronoun prefers a person of known, agreeing gender
	maxRoleMentions = 20   // a person's first mentions read for the roles the text gives them
	maxRoleLead     = 120  // bytes read at a sentence start for a role noun subject
)
