package quotes

import (
	"testing"

	"github.com/bylinehq/byline/extract/names"
)

// TestFindQuotesDefaults checks the general defaults of attribution on
// invented sentences: verbs of saying beyond "said", a subject named by
// two coordinated roles after the quote, and a quotation that goes on in
// the same paragraph with no new voice keeping its speaker.
func TestFindQuotesDefaults(t *testing.T) {
	t.Parallel()
	rook := person("Dan Rook", "Dan Rook")
	lim := person("Jo Lim", "Jo Lim")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		{"quipped after", "“Nobody reads the small print,” quipped festival director Dan Rook.", []testMention{rook},
			[]string{"direct|Nobody reads the small print|Dan Rook@Dan Rook"}},
		{"retorted before", "Dan Rook retorted, “Nobody reads the small print.”", []testMention{rook},
			[]string{"direct|Nobody reads the small print.|Dan Rook@Dan Rook"}},
		{"two roles joined by and", "“The test failed twice,” said study co-author and Senior Research Fellow Dan Rook.", []testMention{rook},
			[]string{"direct|The test failed twice|Dan Rook@Dan Rook"}},
		{"second quotation joined by and", "Dan Rook said on Friday “we asked for more time” and “They refused. We left.”", []testMention{rook},
			[]string{"partial|we asked for more time|Dan Rook@Dan Rook", "direct|They refused. We left.|Dan Rook@Dan Rook"}},
		{"fragment then a sentence in the same paragraph", "Dan Rook called the season “a long one”. At the gala, “We will be back next year.”", []testMention{rook},
			[]string{"partial|a long one|Dan Rook@Dan Rook", "direct|We will be back next year.|Dan Rook@Dan Rook"}},
		{"subject of the sentence before", "Stage designer Dan Rook (Hamlet, The Tempest) looked back on a long career. “I never planned any of it.”",
			[]testMention{rook, person("Hamlet", "Hamlet")},
			[]string{"direct|I never planned any of it.|Dan Rook@Dan Rook"}},
		{"pronoun subject after an introduction", "Dan Rook joined the cast in 2001.\n\nBored with the part, he quit within a year. “It was not why I became an actor.”",
			[]testMention{rook},
			[]string{"direct|It was not why I became an actor.|Dan Rook@he"}},
		{"quotation then no verb of saying", "Bored with the part, Dan Rook quit within a year. “I wanted a real role” to play in the show, which Jo Lim directed.",
			[]testMention{rook, lim},
			[]string{"direct|I wanted a real role|Dan Rook@Dan Rook"}},
		{"the one person named before", "The jury cleared Dan Rook on Monday. “We are relieved.”", []testMention{rook},
			[]string{"direct|We are relieved.|Dan Rook@Dan Rook"}},
		{"referred to as", "Acme referred to the device as a “prototype”.", []testMention{org("Acme", "Acme")},
			[]string{"partial|prototype|Acme@Acme"}},
		{"platform after a possessive is not the subject", "In a post on her Facebook page, Mayor Jo Lim thanked the crews, writing, “You saved the town.”",
			[]testMention{org("Facebook", "Facebook"), person("Jo Lim", "Jo Lim")},
			[]string{"direct|You saved the town.|Jo Lim@Jo Lim"}},
		{"a role never means a name inside a quotation", "Acme Corp opened a plant. Jo Lim said “Globex was too slow”. The company promised “hundreds of jobs”.",
			[]testMention{org("Acme Corp", "Acme Corp"), lim, org("Globex", "Globex")},
			[]string{"direct|Globex was too slow|Jo Lim@Jo Lim", "partial|hundreds of jobs|Acme Corp@company"}},
		{"a document reads it", "Dan Rook led the club for ten years.\n\n“He was loved by all”, reads a club statement.", []testMention{rook},
			[]string{"direct|He was loved by all|nil"}},
		{"according to opening the sentence", "According to a memo signed by Dan Rook, the board met because the club had “no money left”.", []testMention{rook},
			[]string{"partial|no money left|Dan Rook@Dan Rook"}},
		{"according to him", "Dan Rook spoke on Monday. According to him, the vote was won with the help of “friends in the council”.", []testMention{rook},
			[]string{"partial|friends in the council|Dan Rook@him"}},
		{"according to, then a new clause", "According to the Herald, a spokesman for Jo Lim was upset; “We will appeal.”", []testMention{org("Herald", "Herald"), lim},
			[]string{"direct|We will appeal.|nil"}},
		{"a modifier before a role and a name is not the subject", "Acme union spokesperson Dan Rook said the strike was over. According to him, talks went well thanks to “good will on both sides”.",
			[]testMention{person("Acme", "Acme"), rook},
			[]string{"indirect|the strike was over|Dan Rook@Dan Rook", "partial|good will on both sides|Dan Rook@him"}},
		{"participle phrase opening the sentence", "Describing the budget as “a fantasy”, Dan Rook of the Greens voted against it.", []testMention{rook},
			[]string{"partial|a fantasy|Dan Rook@Dan Rook"}},
		{"participle phrase, then a place", "Calling it “a fantasy”, Paris rejected the budget.", []testMention{{names.Place, "Paris", "Paris"}},
			[]string{"partial|a fantasy|nil"}},
		{"a pronoun chain keeps its referent", "Ann Rook left the station at two. In court, she testified she was robbed by Jo Lim and Dan Vale. She told a guard “they took my bag”.",
			[]testMention{person("Ann Rook", "Ann Rook"), lim, person("Dan Vale", "Dan Vale")},
			[]string{"partial|they took my bag|Ann Rook@She"}},
		{"an occupation as the role noun", "Actress Ann Rook is to star in a new series. The actress recalled her first film, when she was “a nobody”.",
			[]testMention{person("Actress Ann Rook", "Ann Rook")},
			[]string{"partial|a nobody|Ann Rook@actress"}},

		// A new voice between the quotations: no inheritance.
		{"another person between", "Dan Rook called the season “a long one”. Jo Lim was at the gala. “We will be back next year.”", []testMention{rook, lim},
			[]string{"partial|a long one|Dan Rook@Dan Rook", "direct|We will be back next year.|Jo Lim@Jo Lim"}},
		{"pronoun between", "Dan Rook called the season “a long one”. They cheered. “We will be back next year.”", []testMention{rook},
			[]string{"partial|a long one|Dan Rook@Dan Rook", "direct|We will be back next year.|nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}
