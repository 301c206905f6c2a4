package names

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind runs Model.Find over the tokens of arbitrary text, as
// extract.Tagger.Tag does with untrusted article text, and checks
// properties, not outputs: no panic, every entity's offsets in range with
// text[Start:End] == Text, and entities sorted by Start. For valid UTF-8
// text, which is what clean hands on, entities must also pass
// checkOffsets (trimmed, valid UTF-8, a known type); invalid bytes
// ("AB\xa8Z") may be part of a name.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"Assistant Commissioner Neil Basu said on Monday that Mr Basu would stay.",
		"The Federal Security Service (FSB) denied it. The FSB said nothing more.",
		"US President Donald Trump met Prime Minister Theresa May in London.",
		"Trump Meets May In London\n\nDonald Trump met Theresa May on Tuesday.",
		"Dr. Tristan Smith of University College London said \"O'Sullivan\" had left.",
		"LONDON (Reuters) - BANK OF ENGLAND HOLDS RATES",
		"Kenyan and Danish negotiators met Carmen Yulín Cruz in San Juan.",
		"\u201cIt is over,\u201d said Sen. John R. Bolton, Jr.\n\nBy Jane Smith",
		"A\u200bB \xff\xfe Mr \u00e9 .. \"\" ' -- \u2014",
	} {
		f.Add(s)
	}
	for _, text := range taggerTexts(f) {
		f.Add(text[:min(len(text), 2000)])
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return // tokenising is linear; longer inputs only slow the fuzzer
		}
		toks, err := tokens(t, t.Context(), text)
		if err != nil {
			return
		}
		ents := model(t).Find(text, toks)
		if utf8.ValidString(text) {
			checkOffsets(t, "Find", text, result{Entities: ents})
		}
		for i, e := range ents {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v: offsets out of range [0,%d] or not its text", e, len(text))
			}
			if i == 0 {
				continue
			}
			if ents[i].Start < ents[i-1].Start {
				t.Errorf("entities not sorted by Start: %+v before %+v", ents[i-1], ents[i])
			}
		}
	})
}
