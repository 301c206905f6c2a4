package quotes

import (
	"testing"

	"github.com/bylinehq/byline/extract/names"
)

// TestFindQuotesIndirect covers reported speech on invented sentences:
// what must be found, with its speaker, and what must not fire.
func TestFindQuotesIndirect(t *testing.T) {
	t.Parallel()
	vela := person("Ines Vela", "Ines Vela")
	marsh := person("Mr Marsh", "Owen Marsh")
	board := org("Harbour Board", "Harbour Board")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		// Found.
		{"said that", "Ines Vela said that the ferry would stop running in March.", []testMention{vela},
			[]string{"indirect|the ferry would stop running in March|Ines Vela@Ines Vela"}},
		{"said without that", "Ines Vela said the ferry would stop running in March.", []testMention{vela},
			[]string{"indirect|the ferry would stop running in March|Ines Vela@Ines Vela"}},
		{"says present", "Ines Vela says the tunnel is safe.", []testMention{vela},
			[]string{"indirect|the tunnel is safe|Ines Vela@Ines Vela"}},
		{"told reporters that", "Ines Vela told reporters that the budget had been cut twice.", []testMention{vela},
			[]string{"indirect|the budget had been cut twice|Ines Vela@Ines Vela"}},
		{"told the paper on Monday that", "Ines Vela told the Courier on Monday that no jobs were lost.", []testMention{vela},
			[]string{"indirect|no jobs were lost|Ines Vela@Ines Vela"}},
		{"said in a statement that", "The Harbour Board said in a statement that fees will rise.", []testMention{board},
			[]string{"indirect|fees will rise|Harbour Board@Harbour Board"}},
		{"warned that", "Ines Vela warned that the dam could fail in a storm.", []testMention{vela},
			[]string{"indirect|the dam could fail in a storm|Ines Vela@Ines Vela"}},
		{"denied that", "Mr Marsh denied that he had seen the letter.", []testMention{marsh},
			[]string{"indirect|he had seen the letter|Owen Marsh@Mr Marsh"}},
		{"admitted that", "Mr Marsh admitted that mistakes were made.", []testMention{marsh},
			[]string{"indirect|mistakes were made|Owen Marsh@Mr Marsh"}},
		{"announced that", "The Harbour Board announced that the pier will close.", []testMention{board},
			[]string{"indirect|the pier will close|Harbour Board@Harbour Board"}},
		{"pronoun subject", "Mr Marsh left early. He insisted that the vote was fair.", []testMention{marsh},
			[]string{"indirect|the vote was fair|Owen Marsh@He"}},
		{"appositive subject", "Ines Vela, the port director, argued that the cranes were too old.", []testMention{vela},
			[]string{"indirect|the cranes were too old|Ines Vela@Ines Vela"}},
		{"role noun", "Ines Vela, the port director, spoke first. The director added that two cranes had been sold.", []testMention{vela},
			[]string{"indirect|two cranes had been sold|Ines Vela@director"}},
		{"according to first", "According to the Harbour Board, three ships ran aground last year.", []testMention{board},
			[]string{"indirect|three ships ran aground last year|Harbour Board@Harbour Board"}},
		{"according to last", "Three ships ran aground last year, according to the Harbour Board.", []testMention{board},
			[]string{"indirect|Three ships ran aground last year|Harbour Board@Harbour Board"}},
		{"clause then X said", "The ferry will stop running in March, Ines Vela said.", []testMention{vela},
			[]string{"indirect|The ferry will stop running in March|Ines Vela@Ines Vela"}},
		{"clause then said X", "The tunnel was never safe, said Ines Vela on Friday.", []testMention{vela},
			[]string{"indirect|The tunnel was never safe|Ines Vela@Ines Vela"}},
		{"that as subject", "Mr Marsh said that was the end of it.", []testMention{marsh},
			[]string{"indirect|that was the end of it|Owen Marsh@Mr Marsh"}},
		{"beside a direct quote", "Ines Vela said: “We are done.” She added that talks would resume.", []testMention{vela},
			[]string{"direct|We are done.|Ines Vela@Ines Vela", "indirect|talks would resume|Ines Vela@She"}},
		{"intro before according to", "Longer term, according to Ines Vela, the port will need a second quay.", []testMention{vela},
			[]string{"indirect|the port will need a second quay|Ines Vela@Ines Vela"}},
		{"according to an organisation's officer", "Fees rose by a third, according to Harbour Board chair Ines Vela.", []testMention{board, vela},
			[]string{"indirect|Fees rose by a third|Ines Vela@Ines Vela"}},
		{"lower-case descriptors", "Port authority engineer Ines Vela said the crane had been checked.", []testMention{vela},
			[]string{"indirect|the crane had been checked|Ines Vela@Ines Vela"}},
		{"bare announced", "The Harbour Board announced it would close the pier.", []testMention{board},
			[]string{"indirect|it would close the pier|Harbour Board@Harbour Board"}},
		{"no leading comma", "The Harbour Board reported that, before the storm, the pier had been closed; it reopened in May.", []testMention{board},
			[]string{"indirect|before the storm, the pier had been closed|Harbour Board@Harbour Board"}},
		{"reiterated that", "Ines Vela reiterated that the ferry would stop running in March.", []testMention{vela},
			[]string{"indirect|the ferry would stop running in March|Ines Vela@Ines Vela"}},
		{"testified that", "Mr Marsh testified that he had seen the letter twice.", []testMention{marsh},
			[]string{"indirect|he had seen the letter twice|Owen Marsh@Mr Marsh"}},
		{"ruled that", "The Harbour Board ruled that the pier must close by June.", []testMention{board},
			[]string{"indirect|the pier must close by June|Harbour Board@Harbour Board"}},
		{"unnamed media reported", "Local media reported the ferry was sold last year.", nil,
			[]string{"indirect|the ferry was sold last year|nil"}},
		{"reporting phrase inside the clause", "These ferries, Ines Vela said, were built in Oslo in 1990.", []testMention{vela},
			[]string{"indirect|These ferries, Ines Vela said, were built in Oslo in 1990|Ines Vela@Ines Vela"}},
		{"reporting phrase after an adverbial", "This year, Mr Marsh said, he came to stay in the port.", []testMention{marsh},
			[]string{"indirect|This year, Mr Marsh said, he came to stay in the port|Owen Marsh@Mr Marsh"}},
		{"reporting phrase after a semicolon", "The pier closed in May; the crew had, officials said, left by boat.", nil,
			[]string{"indirect|the crew had, officials said, left by boat|nil"}},
		{"unnamed officials", "Officials said three people died in the blast.", nil,
			[]string{"indirect|three people died in the blast|nil"}},
		{"unnamed sources after an intro", "Per reports, the sources said he had left the country in May.", nil,
			[]string{"indirect|he had left the country in May|nil"}},
		{"told the paper without that", "Ines Vela told the Courier the crane would be repaired by June.", []testMention{vela, org("Courier", "The Courier")},
			[]string{"indirect|the crane would be repaired by June|Ines Vela@Ines Vela"}},
		{"told a hearer noun without that", "Mr Marsh told our correspondent the ship had sailed without lights.", []testMention{marsh},
			[]string{"indirect|the ship had sailed without lights|Owen Marsh@Mr Marsh"}},
		{"estimated", "Mr Marsh estimated the repairs would take a month.", []testMention{marsh},
			[]string{"indirect|the repairs would take a month|Owen Marsh@Mr Marsh"}},
		{"predicted that", "The Harbour Board predicted that the storm would pass by Friday.", []testMention{board},
			[]string{"indirect|the storm would pass by Friday|Harbour Board@Harbour Board"}},
		{"past tense without an auxiliary", "Ines Vela said rescuers ended their search on Monday.", []testMention{vela},
			[]string{"indirect|rescuers ended their search on Monday|Ines Vela@Ines Vela"}},
		{"said with an adverb", "Mr Marsh said publicly the deal was dead.", []testMention{marsh},
			[]string{"indirect|the deal was dead|Owen Marsh@Mr Marsh"}},
		{"ends before despite", "The Harbour Board says it has found no damage despite the Courier claiming the pier is unsafe.", []testMention{board, org("Courier", "The Courier")},
			[]string{"indirect|it has found no damage|Harbour Board@Harbour Board"}},
		{"ends with a fronted adverbial clause", "After Ines Vela said that the pier would close, the council held a vote on its future.", []testMention{vela},
			[]string{"indirect|the pier would close|Ines Vela@Ines Vela"}},
		{"a second clause after but said", "Ines Vela said the crane had failed twice, but said this too was an accident.", []testMention{vela},
			[]string{"indirect|the crane had failed twice|Ines Vela@Ines Vela", "indirect|this too was an accident|Ines Vela@Ines Vela"}},
		{"adding after a final attribution", "The crane will be replaced, Ines Vela said, adding it would cost a million.", []testMention{vela},
			[]string{"indirect|The crane will be replaced|Ines Vela@Ines Vela", "indirect|it would cost a million|Ines Vela@Ines Vela"}},
		{"a clause after a quotation", "Mr Marsh spoke of “presumably forty people” at risk, while Ines Vela indicated two crews were missing.", []testMention{marsh, vela},
			[]string{"partial|presumably forty people|Owen Marsh@Mr Marsh", "indirect|two crews were missing|Ines Vela@Ines Vela"}},
		{"a clause before a participle and a quotation", "Mr Marsh publicly stated the vote would not be fair, saying he expected “a partisan result” in May.", []testMention{marsh},
			[]string{"indirect|the vote would not be fair|Owen Marsh@Mr Marsh", "partial|a partisan result|Owen Marsh@Mr Marsh"}},
		{"a day and its part before the clause", "The Harbour Board announced on Sunday morning the pier would reopen.", []testMention{board},
			[]string{"indirect|the pier would reopen|Harbour Board@Harbour Board"}},
		{"a long appositive", "Ines Vela, a senior engineer for the Office of the Regional Commissioner for Ports and Harbours who had inspected the quay, cautioned the repairs would take years.",
			[]testMention{vela}, []string{"indirect|the repairs would take years|Ines Vela@Ines Vela"}},
		{"a nominative pronoun opens the clause", "The Harbour Board said they believe the storm surge caused the damage.", []testMention{board},
			[]string{"indirect|they believe the storm surge caused the damage|Harbour Board@Harbour Board"}},
		{"relative who after a comma", "Reporters spoke to the Harbour Board, who told them the pier was unsafe and noted no ship had docked since May.", []testMention{board},
			[]string{"indirect|the pier was unsafe|Harbour Board@Harbour Board", "indirect|no ship had docked since May|Harbour Board@Harbour Board"}},
		{"acronym before the verb", "The Harbour Board (HB) confirmed that the pier will close in June.", []testMention{board},
			[]string{"indirect|the pier will close in June|Harbour Board@Harbour Board"}},
		{"clause then unnamed officials told", "A total of nine are missing, officials told state media.", nil,
			[]string{"indirect|A total of nine are missing|nil"}},
		{"quoted as saying", "The Courier quoted Ines Vela, head of the port, as saying the crane had been sold.", []testMention{org("Courier", "The Courier"), vela},
			[]string{"indirect|the crane had been sold|Ines Vela@Ines Vela"}},
		{"a description then the name in apposition", "One news site, the Courier, claims the crane was sold in secret.", []testMention{org("the Courier", "The Courier")},
			[]string{"indirect|the crane was sold in secret|The Courier@the Courier"}},
		{"a past tense after a modal clause is the narrator's", "Mr Marsh predicted the council would lose the vote and asked voters to stay home.", []testMention{marsh},
			[]string{"indirect|the council would lose the vote|Owen Marsh@Mr Marsh"}},

		// Not fired.
		{"medial phrase with its own that-clause", "In May, Ines Vela said, the board noted that fees rose.", []testMention{vela}, []string{}},
		{"medial phrase before nothing", "At the hearing, Mr Marsh said, nothing was settled at all.", []testMention{marsh}, []string{}},
		{"medial phrase negated", "The pier, Mr Marsh did not say, was sold to the board.", []testMention{marsh}, []string{}},
		{"relative who after of may be the first noun's", "The claim came from a niece of port director Ines Vela, who claimed the crane had been sold.", []testMention{vela}, []string{}},
		{"comparative as did", "Aides flatly denied the story as did the Harbour Board.", []testMention{board}, []string{}},
		{"a thing announced with a participle", "Mr Marsh announced a deal signed with the Harbour Board.", []testMention{marsh, board}, []string{}},
		{"according to X, who", "Two cranes were sold, according to port director Ines Vela, who took over in May.", []testMention{vela},
			[]string{}},
		{"according to two sources: no one speaker", "According to the Harbour Board and Mr Marsh, the pier will close.", []testMention{board, marsh},
			[]string{"indirect|the pier will close|nil"}},
		{"according to unnamed authorities", "Two ferries ran aground last night, according to port authorities.", nil,
			[]string{"indirect|Two ferries ran aground last night|nil"}},
		{"according to a surname the tagger missed", "Ines Vela spoke first.\n\nThe port lost money every year, according to Vela.", []testMention{vela},
			[]string{"indirect|The port lost money every year|Ines Vela@Vela"}},
		{"according to unnamed reports", "According to reports, Mr Marsh was close to resigning.", []testMention{marsh}, []string{}},
		{"compound subject", "Ines Vela and Mr Marsh announced they would merge the firms.", []testMention{vela, marsh}, []string{}},
		{"bare verb with an object and a relative clause", "Mr Marsh claimed victory in the vote, which was close.", []testMention{marsh}, []string{}},
		{"said to be", "Mr Marsh is said to be furious about the plan.", []testMention{marsh}, []string{}},
		{"said to be active", "Mr Marsh was said to have left the city.", []testMention{marsh}, []string{}},
		{"said nothing", "Mr Marsh said nothing when the verdict was read.", []testMention{marsh}, []string{}},
		{"question", "Did Mr Marsh say that the vote was fair?", []testMention{marsh}, []string{}},
		{"question said", "Mr Marsh said the vote was fair?", []testMention{marsh}, []string{}},
		{"as X said with a direct quote", "As Ines Vela said, “the port is finished.”", []testMention{vela},
			[]string{"partial|the port is finished.|Ines Vela@Ines Vela"}},
		{"clause with a direct quote", "Ines Vela said that the port was “finished” and closed.", []testMention{vela},
			[]string{"partial|finished|Ines Vela@Ines Vela"}},
		{"negated", "Mr Marsh did not say that the vote was fair.", []testMention{marsh}, []string{}},
		{"never said", "Mr Marsh never said the vote was fair.", []testMention{marsh}, []string{}},
		{"said whether", "Mr Marsh would not say whether the vote was fair.", []testMention{marsh}, []string{}},
		{"unnamed subject", "The report said that the vote was fair.", nil, []string{}},
		{"they said", "They said that the vote was fair.", nil, []string{}},
		{"subject in a relative clause", "The man who met Mr Marsh said the vote was fair.", []testMention{marsh}, []string{}},
		{"denied an object", "Mr Marsh denied the allegations in court.", []testMention{marsh}, []string{}},
		{"told to", "Mr Marsh told the crew to leave the ship.", []testMention{marsh}, []string{}},
		{"said a prayer", "Mr Marsh said a prayer for the crew who were lost.", []testMention{marsh}, []string{}},
		{"place is no speaker", "Norway said that the ship was seized.", []testMention{{names.Place, "Norway", "Norway"}}, []string{}},
		{"subordinate clause then X said", "After the ship was seized, Mr Marsh said.", []testMention{marsh}, []string{}},
		{"according to mid-sentence", "The ship, according to Mr Marsh, was seized.", []testMention{marsh}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
			direct := FindWith(tt.text, entities(tt.text, tt.ents...), Options{})
			for _, q := range direct {
				if q.Kind == Indirect {
					t.Errorf("FindWith without Indirect found %q", q.Text)
				}
			}
		})
	}
}
