package quotes

import (
	"testing"
)

// TestFindQuotesPartialSources checks who a partial (scare) quote is given
// to when a verb of characterising (brand, call, describe … as, denounce)
// or of saying frames it: the verb's subject, through names, untagged
// surnames, role nouns, collectives and participles, or the person who
// reports the clause it sits in; and nobody when the sentence gives no
// clear source. The sentences are invented.
func TestFindQuotesPartialSources(t *testing.T) {
	t.Parallel()
	lim := person("Jo Lim", "Jo Lim")
	hale := person("Ann Hale", "Ann Hale")
	reed := person("Tom Reed", "Tom Reed")
	kent := org("Kent Police", "Kent Police")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		// The one who brands, never the one branded.
		{"participle after a comma", "Jo Lim hit back on Friday, branding Ann Hale a ‘liar’ and ‘a coward’.", []testMention{lim, hale},
			[]string{"partial|liar|Jo Lim@Jo Lim", "partial|a coward|Jo Lim@Jo Lim"}},
		{"participle with an untagged surname subject", "Jo Lim lost the vote.\n\nIt emerged Ann Hale had leaked the memo, leading to Lim branding Ann Hale a ‘snake’ on air.",
			[]testMention{lim, hale}, []string{"partial|snake|Jo Lim@Lim"}},
		{"participle with a subject that is no one", "Ann Hale resigned after a memo branding her ‘disloyal’ was leaked.", []testMention{hale},
			[]string{"partial|disloyal|nil"}},
		{"surname shared by two people stays unresolved", "Jo Lim and Ben Lim met.\n\nThe row ended with Lim branding Ann Hale a ‘snake’.",
			[]testMention{lim, person("Ben Lim", "Ben Lim"), hale}, []string{"partial|snake|nil"}},
		{"describe as", "In a letter to the board, Ann Hale described the mayor’s budget as ‘reckless’.", []testMention{hale},
			[]string{"partial|reckless|Ann Hale@Ann Hale"}},
		{"after branding takes the sentence subject", "Tom Reed praised the judge, days after branding the verdict a “disgrace”.", []testMention{reed},
			[]string{"partial|disgrace|Tom Reed@Tom Reed"}},

		// Role nouns.
		{"relative clause on a role noun, institution evidence", "The memo called Jo Lim’s White House “chaotic”.\n\nIt angered the president, who denounced its author as “a fool”.",
			[]testMention{lim}, []string{"partial|chaotic|nil", "partial|a fool|Jo Lim@president"}},
		{"the Lim administration", "Critics of the Jo Lim administration were loud. The report angered the president who called it “rubbish”.",
			[]testMention{lim}, []string{"partial|rubbish|Jo Lim@president"}},
		{"relative clause on a role noun, no evidence", "Ann Hale wrote the report. It angered the president, who called it “rubbish”.",
			[]testMention{hale}, []string{"partial|rubbish|nil"}},
		{"office noun after its holder's sentence", "Jo Lim praised the envoy on Monday.\n\nThe president said the talks were ‘fruitful’.", []testMention{lim},
			[]string{"partial|fruitful|Jo Lim@president"}},
		{"office noun after someone with another role", "Finance minister Jo Lim spoke first. The president said the talks were ‘fruitful’.", []testMention{lim},
			[]string{"partial|fruitful|nil"}},
		{"office noun not opening its sentence", "Jo Lim praised the envoy. Aides of the president said the talks were ‘fruitful’.", []testMention{lim},
			[]string{"partial|fruitful|nil"}},
		{"role word near a name is not a role", "Ann Hale, who had been ambassador to Oslo until a row with Tom Reed, spoke. The ambassador said it was ‘petty’.",
			[]testMention{hale, reed}, []string{"partial|petty|Ann Hale@ambassador"}},

		// Collectives.
		{"collective subject with a participle", "Kent Police opened an inquiry.\n\nDetectives searched the flat on Monday, warning that it ‘could take weeks’.",
			[]testMention{kent}, []string{"partial|could take weeks|Kent Police@Detectives"}},
		{"collective with no force named", "Detectives searched the flat on Monday, warning that it ‘could take weeks’.", nil,
			[]string{"partial|could take weeks|nil"}},
		{"collective subject is not its object", "Officers questioned Tom Reed on Monday, warning that it was ‘serious’.", []testMention{reed},
			[]string{"partial|serious|nil"}},

		// Nested reports: the words are the outer reporter's.
		{"hearsay", "Jo Lim said he had since been told Ann Hale had called the plan ‘brave’ in private.", []testMention{lim, hale},
			[]string{"partial|brave|Jo Lim@Jo Lim"}},
		{"reported saying", "Jo Lim said Ann Hale had said ‘kind things’ about him.", []testMention{lim, hale},
			[]string{"partial|kind things|Jo Lim@Jo Lim"}},
		{"an organisation relaying keeps the inner speaker", "Kent Police said Tom Reed had described himself as ‘a soldier’.", []testMention{kent, reed},
			[]string{"partial|a soldier|Tom Reed@Tom Reed"}},
		{"a newspaper reporting keeps the inner speaker", "The Herald reported Tom Reed had called the fee ‘theft’.", []testMention{org("The Herald", "The Herald"), reed},
			[]string{"partial|theft|Tom Reed@Tom Reed"}},
		{"another clause is not nested", "Jo Lim spoke first and Ann Hale called the plan ‘brave’.", []testMention{lim, hale},
			[]string{"partial|brave|Ann Hale@Ann Hale"}},

		// Naming, not judging.
		{"called names a thing", "Jo Lim ran a charity at Dock Hall called ‘Safe Harbour’ for ten years.", []testMention{lim, person("Dock Hall", "Dock Hall")},
			[]string{"partial|Safe Harbour|nil"}},
		{"described as without an object", "Kent Police are looking for a man described as ‘armed and dangerous’.", []testMention{kent},
			[]string{"partial|armed and dangerous|nil"}},
		{"fronted object keeps the subject", "The Herald broke the story, which the Herald called ‘a scandal’.", []testMention{org("Herald", "The Herald")},
			[]string{"partial|a scandal|The Herald@Herald"}},
		{"what X described as", "It was what Jo Lim described as ‘a farce’.", []testMention{lim},
			[]string{"partial|a farce|Jo Lim@Jo Lim"}},

		// Frames beyond describe and say.
		{"talked of", "Jo Lim talked of the team’s ‘quiet courage’ at the dinner.", []testMention{lim},
			[]string{"partial|quiet courage|Jo Lim@Jo Lim"}},
		{"passive describe with an agent", "The sea was rough, with conditions described by Kent Police as ‘close to impossible’.", []testMention{kent},
			[]string{"partial|close to impossible|Kent Police@Kent Police"}},
		{"too between subject and verb", "Tom Reed spoke next. He too suggested a scenario, in which ‘the pump simply failed’.", []testMention{reed},
			[]string{"partial|the pump simply failed|Tom Reed@He"}},
		{"she after a quoted sentence is the new subject", "Tom Reed praised the crew. Ann Hale said “They were superb.” She described the captain as ‘fearless’.",
			[]testMention{reed, hale}, []string{"direct|They were superb.|Ann Hale@Ann Hale", "partial|fearless|Ann Hale@She"}},

		{"far into a reported that-clause", "Tom Reed, a harbour pilot with long experience of the coast, explained to the Herald that crews often switch their radios off for safety reasons, such as ‘in waters where theft is a risk’.",
			[]testMention{reed, org("Herald", "The Herald")}, []string{"partial|in waters where theft is a risk|Tom Reed@Tom Reed"}},
		{"a that-clause inside a fronted adverbial clause ends with it", "When Tom Reed wrote that the northern harbour plans would raise costs for every family in the county, the Herald placed a note ‘fact checking’ the post.",
			[]testMention{reed, org("Herald", "The Herald")}, []string{"partial|fact checking|nil"}},
		{"an organisation relaying a clause is not its author", "The Herald claimed that during a long visit to the northern harbour last year, Tom Reed refused to meet the crews and referred to them as ‘idlers’.",
			[]testMention{reed, org("Herald", "The Herald")}, []string{"partial|idlers|Tom Reed@Tom Reed"}}, // "referred to … as" frames his word
		{"a that-clause ended by a relative is not reported", "Tom Reed explained to the Herald that crews on the northern routes usually leave the harbour at dawn, when the fog is ‘thick as soup’.",
			[]testMention{reed, org("Herald", "The Herald")}, []string{"partial|thick as soup|nil"}},

		// No clear source.
		{"headline scare quote", "Police investigate ‘leak’ of cables\n\nKent Police said on Monday that an inquiry had begun.", []testMention{kent},
			[]string{"partial|leak|nil", "indirect|an inquiry had begun|Kent Police@Kent Police"}},
		{"neutral description", "Jo Lim arrived at the ‘safe house’ on Tuesday with Ann Hale.", []testMention{lim, hale},
			[]string{"partial|safe house|nil"}},
		{"unnamed accusers", "Jo Lim has been accused of throwing Ann Hale ‘under the bus’.", []testMention{lim, hale},
			[]string{"partial|under the bus|nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}
