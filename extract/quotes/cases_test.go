package quotes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract/internal/growth"
	"github.com/bylinehq/byline/extract/names"
)

// TestFindQuotesIssueCases covers the twelve cases of the quote issue, one
// group each, on invented sentences (not the seed articles').
func TestFindQuotesIssueCases(t *testing.T) {
	t.Parallel()
	mila := person("Mila Horvat", "Mila Horvat")
	adler := person("Ruth Adler", "Ruth Adler")
	holm := person("Lars Holm", "Lars Holm")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		// 1. Curly, straight and British single marks; ’ as apostrophe.
		{"1 british singles beside apostrophes", "Councillor Ria Banerjee said: ‘The lorries’ drivers can’t park here; it’s the ’70s again.’",
			[]testMention{person("Ria Banerjee", "Ria Banerjee")},
			[]string{"direct|The lorries’ drivers can’t park here; it’s the ’70s again.|Ria Banerjee@Ria Banerjee"}},
		{"1 straight doubles", `"We're not finished," said Tomas Varga.`, []testMention{person("Tomas Varga", "Tomas Varga")},
			[]string{"direct|We're not finished|Tomas Varga@Tomas Varga"}},
		{"1 straight singles", `Tomas Varga said: 'It's over for the club's owners.'`, []testMention{person("Tomas Varga", "Tomas Varga")},
			[]string{"direct|It's over for the club's owners.|Tomas Varga@Tomas Varga"}},
		// 2. X said, said X, X said:, X continued:, X told the BBC.
		{"2 X said", "Mila Horvat said “The bridge will reopen in May.”", []testMention{mila},
			[]string{"direct|The bridge will reopen in May.|Mila Horvat@Mila Horvat"}},
		{"2 said X", "“Costs have doubled,” said Mila Horvat.", []testMention{mila},
			[]string{"direct|Costs have doubled|Mila Horvat@Mila Horvat"}},
		{"2 X continued:", "Mila Horvat continued: “Nobody was hurt.”", []testMention{mila},
			[]string{"direct|Nobody was hurt.|Mila Horvat@Mila Horvat"}},
		{"2 X told the BBC", "“We were ignored,” Mila Horvat told the BBC.", []testMention{mila, org("BBC", "BBC")},
			[]string{"direct|We were ignored|Mila Horvat@Mila Horvat"}},
		{"2 descriptors before the name", "“We lacked pace,” Harbour coach Eli Stone said.", []testMention{person("Eli Stone", "Eli Stone")},
			[]string{"direct|We lacked pace|Eli Stone@Eli Stone"}},
		{"2 descriptors after the verb", "“The ice is thinning,” said study co-author Nadia Kaur.", []testMention{person("Nadia Kaur", "Nadia Kaur")},
			[]string{"direct|The ice is thinning|Nadia Kaur@Nadia Kaur"}},
		// 3. Split quotes.
		{"3 split", "“We asked twice,” Omar Sy said, “and nobody answered.”", []testMention{person("Omar Sy", "Omar Sy")},
			[]string{"direct|We asked twice|Omar Sy@Omar Sy", "direct|and nobody answered.|Omar Sy@Omar Sy"}},
		// 4. A quote running over paragraphs.
		{"4 three paragraphs", "Dana Price said: “The ward is full.\n\n“Staff are exhausted.\n\n“We need help now.”\n\nThe trust did not reply.",
			[]testMention{person("Dana Price", "Dana Price")},
			[]string{"direct|The ward is full.\n\n“Staff are exhausted.\n\n“We need help now.|Dana Price@Dana Price"}},
		// 5. Follow-on paragraphs inherit the speaker.
		{"5 follow-on", "“The school will close,” said Dana Price.\n\n“Parents were told on Friday.”\n\n“It is final.”",
			[]testMention{person("Dana Price", "Dana Price")},
			[]string{"direct|The school will close|Dana Price@Dana Price", "direct|Parents were told on Friday.|Dana Price@Dana Price", "direct|It is final.|Dana Price@Dana Price"}},
		// 6. Pronouns: salience and gender, not the last name.
		{"6 subject over last name", "Mr Okoro said he had heard that Lord Fenwick praised the plan. “It was a surprise,” he said.",
			[]testMention{person("Mr Okoro", "Sam Okoro"), person("Lord Fenwick", "Alan Fenwick")},
			[]string{"indirect|he had heard that Lord Fenwick praised the plan|Sam Okoro@Mr Okoro", "direct|It was a surprise|Sam Okoro@he"}},
		{"6 last clause subject", "Ana Duarte said the fire was “a disaster” while Interior Minister Paul Kern wrote he had ordered checks. He tweeted: “Every site will be inspected.”",
			[]testMention{person("Ana Duarte", "Ana Duarte"), person("Paul Kern", "Paul Kern")},
			[]string{"partial|a disaster|Ana Duarte@Ana Duarte", "direct|Every site will be inspected.|Paul Kern@He"}},
		{"6 previous subject of unknown gender beats an older Mr", "Mr Ferro spoke first.\n\nFormer minister Norbert Quill told the paper the plan was ‘reckless’.\n\nHe added: ‘It cannot stand.’",
			[]testMention{person("Mr Ferro", "Luca Ferro"), person("Norbert Quill", "Norbert Quill")},
			[]string{"partial|reckless|Norbert Quill@Norbert Quill", "direct|It cannot stand.|Norbert Quill@He"}},
		{"6 gender skips a disagreeing subject", "Helen Marsh met Peter Lund at the depot. “It was tense,” he said.",
			[]testMention{person("Helen Marsh", "Helen Marsh"), person("Peter Lund", "Peter Lund")},
			[]string{"direct|It was tense|Peter Lund@he"}},
		{"6 pronoun in the sentence before", "In a statement, she urged the driver to come forward.\n\n“Nobody else has to be hurt.”",
			[]testMention{person("Helen Marsh", "Helen Marsh")},
			[]string{"direct|Nobody else has to be hurt.|nil"}},
		{"6 speech verb in the sentence before", "Helen Marsh spoke outside court. In a statement, she urged the driver to come forward.\n\n“Nobody else has to be hurt.”",
			[]testMention{person("Helen Marsh", "Helen Marsh")},
			[]string{"direct|Nobody else has to be hurt.|Helen Marsh@she"}},
		// 7. Appositives and post-nominals.
		{"7 appositive", "Ines Rocha, a retired judge, said: “The law is clear.”", []testMention{person("Ines Rocha", "Ines Rocha")},
			[]string{"direct|The law is clear.|Ines Rocha@Ines Rocha"}},
		{"7 post-nominal", "Judge Alan Frey QC said they were “beyond help”.", []testMention{person("Alan Frey", "Alan Frey")},
			[]string{"partial|beyond help|Alan Frey@Alan Frey"}},
		{"7 title after appositive comma", "The agency's director, Dr. Wen Li, said of the virus, “It will spread.”", []testMention{person("Wen Li", "Wen Li")},
			[]string{"direct|It will spread.|Wen Li@Wen Li"}},
		// 8. Roles and organisations.
		{"8 organisation spokesperson", "A Treasury spokesperson said: “We do not comment on leaks.”", []testMention{org("Treasury", "HM Treasury")},
			[]string{"direct|We do not comment on leaks.|HM Treasury@spokesperson"}},
		{"8 police named later", "Police now say the bridge is ‘unsafe’.\n\nGwent Police closed it on Monday and Gwent Police will review it.",
			[]testMention{org("Gwent Police", "Gwent Police")},
			[]string{"partial|unsafe|Gwent Police@Police"}},
		{"8 organisation subject", "The Coastguard said: “Two boats were lost.”", []testMention{org("Coastguard", "HM Coastguard")},
			[]string{"direct|Two boats were lost.|HM Coastguard@Coastguard"}},
		{"8 role introduced with the name", "Commissioner Jane Roe opened the hearing. Later the commissioner said: “We will act.”",
			[]testMention{person("Jane Roe", "Jane Roe")},
			[]string{"direct|We will act.|Jane Roe@commissioner"}},
		{"8 definite role is the current speaker", "Rita Vance said: “We did our best.”\n\nA reporter asked about the fine, and the Harbour Commissioner replied “Never.”",
			[]testMention{person("Rita Vance", "Rita Vance")},
			[]string{"direct|We did our best.|Rita Vance@Rita Vance", "direct|Never.|Rita Vance@Commissioner"}},
		{"8 unknown spokesman stays nil", "The spokesman said: “No comment.”", nil,
			[]string{"direct|No comment.|nil"}},
		// 9. According to X; the speaker named in the next sentence.
		{"9 according to", "“The dam is safe,” according to engineer Lars Holm.", []testMention{holm},
			[]string{"direct|The dam is safe|Lars Holm@Lars Holm"}},
		{"9 named in the next sentence", "“Prices will rise again.” Ruth Adler said.", []testMention{adler},
			[]string{"direct|Prices will rise again.|Ruth Adler@Ruth Adler"}},
		{"9 colon after a sentence about the speaker", "Lars Holm gave his own account, writing on his blog: “I left on Monday.”", []testMention{holm},
			[]string{"direct|I left on Monday.|Lars Holm@Lars Holm"}},
		// 10. Partial and scare quotes.
		{"10 partial attributed", "Ruth Adler called the budget “a fantasy”.", []testMention{adler},
			[]string{"partial|a fantasy|Ruth Adler@Ruth Adler"}},
		{"10 participle", "Ruth Adler quit the panel, calling it “a farce”.", []testMention{adler},
			[]string{"partial|a farce|Ruth Adler@Ruth Adler"}},
		{"10 scare quote unattributed", "The so-called “reform” passed on Tuesday.", nil,
			[]string{"partial|reform|nil"}},
		{"10 never the wrong person", "Ruth Adler met Lars Holm before the “summit” began.", []testMention{adler, holm},
			[]string{"partial|summit|nil"}},
		{"10 and said is not an attribution", "The mayor called it “a mess” and said the Port Authority would pay.",
			[]testMention{org("Port Authority", "Port Authority")},
			[]string{"partial|a mess|nil"}},
		// 11. Nested quotes, questions, dash attribution.
		{"11 nested", "Lars Holm said: “My father told me ‘never sell’ and I listened.”", []testMention{holm},
			[]string{"direct|My father told me ‘never sell’ and I listened.|Lars Holm@Lars Holm"}},
		{"11 question by a named person", "“Who pays for this?” asked Ruth Adler.", []testMention{adler},
			[]string{"direct|Who pays for this?|Ruth Adler@Ruth Adler"}},
		{"11 question by an unnamed MP", "Ruth Adler spoke first. “Who pays for this?” asked one MP.", []testMention{adler},
			[]string{"direct|Who pays for this?|nil"}},
		{"11 dash attribution", "“We will strike in June.” — union leader Pat Doyle", []testMention{person("Pat Doyle", "Pat Doyle")},
			[]string{"direct|We will strike in June.|Pat Doyle@Pat Doyle"}},
		// 12. Indirect speech (more in TestFindQuotesIndirect).
		{"12 indirect speech", "Mr Okoro said that the leak had damaged trust.", []testMention{person("Mr Okoro", "Sam Okoro")},
			[]string{"indirect|the leak had damaged trust|Sam Okoro@Mr Okoro"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}

// TestFindQuotesNewsFrames covers attribution frames of news prose beyond
// "X said": documents that read, interviews, long and interrupted subject
// phrases, split quotes without commas. The sentences are invented.
func TestFindQuotesNewsFrames(t *testing.T) {
	t.Parallel()
	vela := org("Vela Foods", "Vela Foods")
	reed := person("Tom Reed", "Tom Reed")
	hale := person("Ann Hale", "Ann Hale")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		{"a statement which read", "Vela Foods released a statement which read, in part, “We regret the delay.”", []testMention{vela},
			[]string{"direct|We regret the delay.|Vela Foods@Vela Foods"}},
		{"recounted", "Tom Reed recounted, “The roof just folded.”", []testMention{reed},
			[]string{"direct|The roof just folded.|Tom Reed@Tom Reed"}},
		{"the one spoken to is not the speaker", "Tom Reed lost the vote.\n\nSpeaking to Ann Hale of the Herald, he said, “It was close.”",
			[]testMention{reed, hale, org("Herald", "The Herald")}, []string{"direct|It was close.|Tom Reed@he"}},
		{"an oblique mention is less salient", "The paper revealed that Tom Reed had paid for the murder of farmer Ben Cole but did not say why. Asked later, he said, “I regret nothing.”",
			[]testMention{org("The paper", "The Paper"), reed, person("Ben Cole", "Ben Cole")},
			[]string{"indirect|Tom Reed had paid for the murder of farmer Ben Cole|The Paper@The paper", "direct|I regret nothing.|Tom Reed@he"}},
		{"person heading a phrase that names others", "Ann Hale of Dock University and contributor to the Herald wrote, “The ruling is wrong.”",
			[]testMention{hale, org("Dock University", "Dock University"), person("Herald", "Herald")}, []string{"direct|The ruling is wrong.|Ann Hale@Ann Hale"}},
		{"person heading a phrase with an acronym", "Ann Hale of Dock University’s Centre for Tides: Research and Policy (CTRP) said, “The data is clear.”",
			[]testMention{hale, org("Dock University", "Dock University"), org("Centre for Tides", "Centre for Tides"), org("CTRP", "CTRP")},
			[]string{"direct|The data is clear.|Ann Hale@Ann Hale"}},
		{"a participle phrase between subject and verb", "Speaker Tom Reed in relaying the news to parliament said, “We mourn him.”", []testMention{reed},
			[]string{"direct|We mourn him.|Tom Reed@Tom Reed"}},
		{"a friend of a person is not that person", "A friend of Tom Reed at the Herald said, “He was kind.”", []testMention{reed, org("Herald", "The Herald")},
			[]string{"direct|He was kind.|nil"}},
		{"long descriptive subject after the quote", "“We will keep looking,” 2nd Fleet Command’s Navy Information Office head Tom Reed told the Herald.",
			[]testMention{org("Navy Information Office", "Navy Information Office"), reed, org("Herald", "The Herald")},
			[]string{"direct|We will keep looking|Tom Reed@Tom Reed"}},
		{"an organisation's officer named after its role", "“He was unique,” said Dock University, Kent’s chancellor, Tom Reed.",
			[]testMention{org("Dock University", "Dock University"), {names.Place, "Kent", "Kent"}, reed}, []string{"direct|He was unique|Tom Reed@Tom Reed"}},
		{"attribution after a quote of several sentences", "Tom Reed spoke first.\n\n“The roof is gone. Literally. We need help!” Ann Hale told the world on Thursday via radio.",
			[]testMention{reed, hale}, []string{"direct|The roof is gone. Literally. We need help!|Ann Hale@Ann Hale"}},
		{"a report after a quote is not its attribution", "The storm passed.\n\n“The roof is gone. Literally. We need help!” Ann Hale said the council would pay.",
			[]testMention{hale}, []string{"direct|The roof is gone. Literally. We need help!|nil", "indirect|the council would pay|Ann Hale@Ann Hale"}},
		{"split quote without commas", "“We stand ready” tweeted Tom Reed “to help in any way we can.”", []testMention{reed},
			[]string{"direct|We stand ready|Tom Reed@Tom Reed", "direct|to help in any way we can.|Tom Reed@Tom Reed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}

// quoteArticle returns an article of n paragraphs that exercises every
// attribution path: names, pronouns, roles, follow-ons, partials.
func quoteArticle(n int) (string, []names.Entity) {
	paras := []string{
		"Commissioner Jane Roe said: “The inquiry will take months.\n\n“We ask for patience.”",
		"“Nobody was hurt,” she said, “but the damage is real.”",
		"Police now say the ‘risk is low’, while Mr Okoro called the plan ‘reckless’ and ‘unfair’.",
		"He added: ‘It can’t stand.’ The commissioner replied “Never.”",
		"A Treasury spokesperson said it was “a matter for the courts” — union leader Pat Doyle",
		"Mr Okoro praised the envoy. The president said Pat Doyle had called it ‘brave’, days after branding Roe a ‘fool’.",
		"Officers searched the depot, warning that it ‘may take weeks’, while the president who called it ‘a farce’ left.",
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(paras[i%len(paras)])
	}
	text := b.String()
	return text, entities(text, person("Jane Roe", "Jane Roe"), person("Mr Okoro", "Sam Okoro"),
		person("Pat Doyle", "Pat Doyle"), org("Treasury", "HM Treasury"), org("Gwent Police", "Gwent Police"))
}

// TestFindQuotesWorkIsLinear checks that Find's work grows linearly with
// the text, on an article and on runs of marks, quotations and
// attributions built to provoke rescans (one paragraph, one sentence, no
// full stop). Work is measured as allocated bytes (see package growth),
// not time, which flakes under load; BenchmarkFindQuotesPathological
// measures the time.
func TestFindQuotesWorkIsLinear(t *testing.T) {
	growth.Linear(t, "article", 100, func(n int) func() {
		text, ents := quoteArticle(n)
		return func() { Find(text, ents) }
	})
	for _, unit := range pathologicalQuotes {
		growth.Linear(t, fmt.Sprintf("%.30q", unit), 500, func(n int) func() {
			text := strings.Repeat(unit, n)
			ents := pathologicalEntities(text)
			return func() { Find(text, ents) }
		})
	}
}

// pathologicalQuotes are units that, repeated thousands of times, make
// inputs that a finder rescanning per quotation mark, per quotation or per
// sentence would take quadratic time on.
var pathologicalQuotes = []string{
	`"`, `“`, `”`, `‘`, `’`, `'`, `" `, `"x" `, `“a `, `"x," `, "\n\n“para ",
	`Ana Ruiz said "x" `, `"We won," she said. `, `he said “x” `, `Ana Ruiz: "`, `she said “`, `x” she said `,
	`, said Ana Ruiz "a" b `, `Ana Ruiz, the president, said "x". `, `the president said "x". `, `“a” Ana Ruiz. `,
	`Ana Ruiz “`, `Ana Ruiz ’ `, `Ana Ruiz said: ‘`, `Police “a” `, `Police said it was ‘x’ `,
	`The president called it ‘x’ and `, `Ana Ruiz said that it was fine, `, `According to Ana Ruiz, `,
	`He warned that `, `Ana Ruiz. Police. He. She. `,
}

func pathologicalEntities(text string) []names.Entity {
	return entities(text, person("Ana Ruiz", "Ana Ruiz"), person("he", "He"), org("Police", "Police"))
}

// BenchmarkFindQuotesPathological times Find on the pathological inputs,
// 64,000 units each: go test -run='^$' -bench=Pathological ./extract/quotes
func BenchmarkFindQuotesPathological(b *testing.B) {
	for _, unit := range pathologicalQuotes {
		text := strings.Repeat(unit, 64000)
		ents := pathologicalEntities(text)
		b.Run(fmt.Sprintf("%.20q", unit), func(b *testing.B) {
			for b.Loop() {
				Find(text, ents)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/article")
		})
	}
}
