package quotes

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/testnews"
	"github.com/bylinehq/byline/extract/names"
)

// testMention describes every occurrence of surface in a test text as an
// entity of type typ resolving to canonical.
type testMention struct{ typ, surface, canonical string }

// entities finds every word-bounded occurrence of each testMention in text and
// returns them sorted by Start, longest first at a tie, as a tagger would.
func entities(text string, ms ...testMention) []names.Entity {
	var out []names.Entity
	for _, m := range ms {
		for i := 0; ; {
			j := strings.Index(text[i:], m.surface)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(m.surface)
			i = e
			before, _ := utf8.DecodeLastRuneInString(text[:s])
			after, _ := utf8.DecodeRuneInString(text[e:])
			if s > 0 && isWordRune(before) || e < len(text) && isWordRune(after) {
				continue
			}
			out = append(out, names.Entity{Type: m.typ, Text: m.surface, Start: s, End: e, Canonical: m.canonical})
		}
	}
	slices.SortFunc(out, func(a, b names.Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	// Drop mentions nested in longer ones ("Park" inside "Hugh Park").
	kept := out[:0]
	for _, e := range out {
		if len(kept) > 0 && e.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

func person(surface, canonical string) testMention {
	return testMention{names.Person, surface, canonical}
}
func org(surface, canonical string) testMention {
	return testMention{names.Organization, surface, canonical}
}

// quoteStrings renders quotes as "kind|text|speaker@testMention" for comparison.
func quoteStrings(text string, qs []Quote) []string {
	out := []string{}
	for _, q := range qs {
		sp := "nil"
		if q.Speaker != nil {
			sp = *q.Speaker + "@" + text[*q.SpeakerStart:*q.SpeakerEnd]
		}
		out = append(out, q.Kind+"|"+q.Text+"|"+sp)
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	t.Parallel()
	ruiz := person("Ana Ruiz", "Ana Ruiz")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		{"said colon curly", "Coach Ana Ruiz said: “We played with heart tonight.”", []testMention{ruiz},
			[]string{"direct|We played with heart tonight.|Ana Ruiz@Ana Ruiz"}},
		{"said name after straight", `"The roof is unsafe," said Tom Oduya.`, []testMention{person("Tom Oduya", "Tom Oduya")},
			[]string{"direct|The roof is unsafe|Tom Oduya@Tom Oduya"}},
		{"told the broadcaster", "“Nobody warned us,” Leila Haddad told the BBC on Monday.",
			[]testMention{person("Leila Haddad", "Leila Haddad"), org("BBC", "BBC")},
			[]string{"direct|Nobody warned us|Leila Haddad@Leila Haddad"}},
		{"added after", "“Prices will fall,” Omar Hadi added.", []testMention{person("Omar Hadi", "Omar Hadi")},
			[]string{"direct|Prices will fall|Omar Hadi@Omar Hadi"}},
		{"continued colon", "Ana Ruiz continued: “There is more to do.”", []testMention{ruiz},
			[]string{"direct|There is more to do.|Ana Ruiz@Ana Ruiz"}},
		{"title resolves to canonical", "Mr Grant added: “The vote is lost.”", []testMention{person("Mr Grant", "Peter Grant")},
			[]string{"direct|The vote is lost.|Peter Grant@Mr Grant"}},
		{"according to", "According to Dr Sunita Rao, “The samples were contaminated.”", []testMention{person("Sunita Rao", "Sunita Rao")},
			[]string{"direct|The samples were contaminated.|Sunita Rao@Sunita Rao"}},
		{"pronoun she", "Maria Lopez met Peter Grant at the station. “It went well,” she said.",
			[]testMention{person("Maria Lopez", "Maria Lopez"), person("Peter Grant", "Peter Grant")},
			[]string{"direct|It went well|Maria Lopez@she"}},
		{"pronoun he", "Maria Lopez met Peter Grant at the station. “It went badly,” he said.",
			[]testMention{person("Maria Lopez", "Maria Lopez"), person("Peter Grant", "Peter Grant")},
			[]string{"direct|It went badly|Peter Grant@he"}},
		{"pronoun gender from title", "Ms Adebayo thanked Dr Quinn. “We owe him a lot,” she said.",
			[]testMention{person("Adebayo", "Tolu Adebayo"), person("Quinn", "Rowan Quinn")},
			[]string{"direct|We owe him a lot|Tolu Adebayo@she"}},
		{"pronoun skips names inside quotes", "Ana Ruiz said: “Tell Peter Grant we won.”\n\n“And tell him soon,” she added.",
			[]testMention{ruiz, person("Peter Grant", "Peter Grant")},
			[]string{"direct|Tell Peter Grant we won.|Ana Ruiz@Ana Ruiz", "direct|And tell him soon|Ana Ruiz@she"}},
		{"appositive", "Hugh Park, a former police chief, said: “The force lost its way.”", []testMention{person("Hugh Park", "Hugh Park")},
			[]string{"direct|The force lost its way.|Hugh Park@Hugh Park"}},
		{"split quote", "Jane Okafor runs the shelter. “We tried,” she said, “but the money ran out.”",
			[]testMention{person("Jane Okafor", "Jane Okafor")},
			[]string{"direct|We tried|Jane Okafor@she", "direct|but the money ran out.|Jane Okafor@she"}},
		{"multi paragraph", "Hugh Park said: “The force lost its way.\n\n“Nobody listened to the officers.”\n\nThe council declined to comment.",
			[]testMention{person("Hugh Park", "Hugh Park")},
			[]string{"direct|The force lost its way.\n\n“Nobody listened to the officers.|Hugh Park@Hugh Park"}},
		{"intro paragraph ending in colon", "In a statement, Ana Ruiz said:\n\n“The club will appeal.”", []testMention{ruiz},
			[]string{"direct|The club will appeal.|Ana Ruiz@Ana Ruiz"}},
		{"follow-on paragraph inherits", "“The water is rising,” said Ivan Petrov.\n\n“We have two days at most.”",
			[]testMention{person("Ivan Petrov", "Ivan Petrov")},
			[]string{"direct|The water is rising|Ivan Petrov@Ivan Petrov", "direct|We have two days at most.|Ivan Petrov@Ivan Petrov"}},
		{"follow-on needs adjacency", "“The water is rising,” said Ivan Petrov.\n\nThe ferry was cancelled.\n\n“Stay indoors.”",
			[]testMention{person("Ivan Petrov", "Ivan Petrov")},
			[]string{"direct|The water is rising|Ivan Petrov@Ivan Petrov", "direct|Stay indoors.|nil"}},
		{"organisation subject", "The Met said: “Inquiries continue.”", []testMention{org("Met", "Metropolitan Police")},
			[]string{"direct|Inquiries continue.|Metropolitan Police@Met"}},
		{"role noun police", "Thames Valley Police opened a case.\n\nPolice now say there is a ‘real risk’ to the public.",
			[]testMention{org("Thames Valley Police", "Thames Valley Police")},
			[]string{"partial|real risk|Thames Valley Police@Police"}},
		{"role noun person", "Inspector Dana Whitfield led the search. Later the inspector said: “We found nothing.”",
			[]testMention{person("Dana Whitfield", "Dana Whitfield")},
			[]string{"direct|We found nothing.|Dana Whitfield@inspector"}},
		{"role noun unknown stays nil", "A spokesman said: “We do not comment on leaks.”", nil,
			[]string{"direct|We do not comment on leaks.|nil"}},
		{"partial attributed", "Rachel Moss described the ministers’ plan as ‘doomed from the start’ on Monday.",
			[]testMention{person("Rachel Moss", "Rachel Moss")},
			[]string{"partial|doomed from the start|Rachel Moss@Rachel Moss"}},
		{"partial pair", "Omar Hadi called the deal “reckless” and “unfair”.", []testMention{person("Omar Hadi", "Omar Hadi")},
			[]string{"partial|reckless|Omar Hadi@Omar Hadi", "partial|unfair|Omar Hadi@Omar Hadi"}},
		{"partial source unclear", "The scheme was widely seen as “inept” by observers.", nil,
			[]string{"partial|inept|nil"}},
		{"partial never wrong person", "Anna Berg met Carl Moss, whose report called the deal “a disaster”.",
			[]testMention{person("Anna Berg", "Anna Berg"), person("Carl Moss", "Carl Moss")},
			[]string{"partial|a disaster|nil"}},
		{"british singles and apostrophes", "Mr Grant added: ‘We can’t wait for Darroch’s report on the ’90s.’",
			[]testMention{person("Mr Grant", "Peter Grant"), person("Darroch", "Kim Darroch")},
			[]string{"direct|We can’t wait for Darroch’s report on the ’90s.|Peter Grant@Mr Grant"}},
		{"apostrophes alone are not quotes", "The ministers’ cables weren’t Darroch’s, and the ’80s were over.", nil, []string{}},
		{"nested quote stays inside", "Lena Fox said: “They told me ‘wait’ and I waited.”", []testMention{person("Lena Fox", "Lena Fox")},
			[]string{"direct|They told me ‘wait’ and I waited.|Lena Fox@Lena Fox"}},
		{"stray inch mark", "He stood 6'2\" tall. Then Lena Fox said: \"Nothing changes.\"", []testMention{person("Lena Fox", "Lena Fox")},
			[]string{"direct|Nothing changes.|Lena Fox@Lena Fox"}},
		{"unclosed mark spoils only its paragraph", "An odd “ mark sits here.\n\nLena Fox said: “Fine.”", []testMention{person("Lena Fox", "Lena Fox")},
			[]string{"direct|Fine.|Lena Fox@Lena Fox"}},
		{"unclosed paragraph quote ends with paragraph", "“This is all wrong\n\nThe mayor left.", nil,
			[]string{"direct|This is all wrong|nil"}},
		{"passive agent", "Later he was told by Health Minister Jo Lim of “at least forty cases” in the region.",
			[]testMention{person("Jo Lim", "Jo Lim")},
			[]string{"partial|at least forty cases|Jo Lim@Jo Lim"}},
		{"passive without agent stays nil", "Ana Ruiz was told of “serious doubts” about the deal.", []testMention{ruiz},
			[]string{"partial|serious doubts|nil"}},
		{"according to a statement by", "“Rents will rise,” according to a statement on Monday by Housing Minister Jo Lim.",
			[]testMention{person("Jo Lim", "Jo Lim")},
			[]string{"direct|Rents will rise|Jo Lim@Jo Lim"}},
		{"said relation comma name", "“We miss him,” said his sister, Ana Ruiz, after the service. “He was kind.”", []testMention{ruiz},
			[]string{"direct|We miss him|Ana Ruiz@Ana Ruiz", "direct|He was kind.|Ana Ruiz@Ana Ruiz"}},
		{"appositive is the name", "The mayor's spokesman, Ivo Kral, said it was “a difficult week” for the city.",
			[]testMention{person("Ivo Kral", "Ivo Kral")},
			[]string{"partial|a difficult week|Ivo Kral@Ivo Kral"}},
		{"parenthetical between subject and verb", "The Transport Ministry has, in a statement, called on drivers to “slow down”.",
			[]testMention{org("Transport Ministry", "Transport Ministry")},
			[]string{"partial|slow down|Transport Ministry@Transport Ministry"}},
		{"office before the name", "“Talks are over,” said Foreign Ministry spokesman Ivo Kral.",
			[]testMention{org("Foreign Ministry", "Foreign Ministry"), person("Ivo Kral", "Ivo Kral")},
			[]string{"direct|Talks are over|Ivo Kral@Ivo Kral"}},
		{"after-window must attach to the quote", "Ana Ruiz called it “a scandal” while Peter Grant wrote that it was fine.",
			[]testMention{ruiz, person("Peter Grant", "Peter Grant")},
			[]string{"partial|a scandal|Ana Ruiz@Ana Ruiz"}},
		{"conjunction before after-verb", "It was “a scandal” while Peter Grant wrote that it was fine.",
			[]testMention{person("Peter Grant", "Peter Grant")},
			[]string{"partial|a scandal|nil"}},
		{"new sentence introduces next quote", "An aide told the court “Nothing was checked.” Ana Ruiz later said “I am sorry.”",
			[]testMention{ruiz},
			[]string{"direct|Nothing was checked.|nil", "direct|I am sorry.|Ana Ruiz@Ana Ruiz"}},
		{"reported speech after a full quote", "Ana Ruiz told us “Nothing was checked.” He said the audit came later.",
			[]testMention{ruiz, person("Peter Grant", "Peter Grant")},
			[]string{"direct|Nothing was checked.|Ana Ruiz@Ana Ruiz"}},
		{"short attribution after a full quote", "“Nothing was checked.” Ana Ruiz said.", []testMention{ruiz},
			[]string{"direct|Nothing was checked.|Ana Ruiz@Ana Ruiz"}},
		{"person of an organisation", "Jo Lim of the Centre for Rivers said “The count is a warning.”",
			[]testMention{person("Jo Lim", "Jo Lim"), org("Centre for Rivers", "Centre for Rivers")},
			[]string{"direct|The count is a warning.|Jo Lim@Jo Lim"}},
		{"organisation in a place", "The Green Party in Leeds, in its statement, said he was a “gentle soul”.",
			[]testMention{org("Green Party", "Green Party"), {names.Place, "Leeds", "Leeds"}},
			[]string{"partial|gentle soul|Green Party@Green Party"}},
		{"place after preposition is not a speaker", "Officials in Leeds said it was “a gentle soul”.",
			[]testMention{{names.Place, "Leeds", "Leeds"}},
			[]string{"partial|a gentle soul|nil"}},
		{"untagged party name is not a role", "The Green Party won. The Aam Aadmi Party said it was “a fair fight”.",
			[]testMention{org("Green Party", "Green Party")},
			[]string{"partial|a fair fight|nil"}},
		{"next quote's introduction is not this one's", "“We won,” Ana Ruiz said. Lena Fox replied: “Not yet.”",
			[]testMention{ruiz, person("Lena Fox", "Lena Fox")},
			[]string{"direct|We won|Ana Ruiz@Ana Ruiz", "direct|Not yet.|Lena Fox@Lena Fox"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}

// checkQuotes checks the properties every Find result has.
// expectQuotes checks that Find finds exactly want (as quoteStrings
// renders them) in text with the entities ms, with sound offsets.
func expectQuotes(t *testing.T, text string, ms []testMention, want []string) {
	t.Helper()
	ents := entities(text, ms...)
	got := Find(text, ents)
	if g := quoteStrings(text, got); !reflect.DeepEqual(g, want) {
		t.Errorf("Find(%q)\n got %q\nwant %q", text, g, want)
	}
	checkQuotes(t, text, ents, got)
}

func checkQuotes(t *testing.T, text string, ents []names.Entity, qs []Quote) {
	t.Helper()
	if qs == nil {
		t.Fatal("Find returned nil, want an empty slice")
	}
	canon := map[string]bool{}
	for _, e := range ents {
		canon[e.Canonical] = true
		canon[strings.TrimSpace(e.Text)] = true
	}
	prev := 0
	for _, q := range qs {
		if q.Start < prev || q.End <= q.Start || q.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %d bytes", q.Start, q.End, prev, len(text))
		}
		if text[q.Start:q.End] != q.Text {
			t.Fatalf("Text %q != text[%d:%d]", q.Text, q.Start, q.End)
		}
		if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
			t.Fatalf("Text %q is not valid UTF-8", q.Text)
		}
		if !onRuneBoundary(text, q.Start) || !onRuneBoundary(text, q.End) {
			t.Fatalf("span [%d,%d) splits a rune", q.Start, q.End)
		}
		if q.Kind != Direct && q.Kind != Partial && q.Kind != Indirect {
			t.Fatalf("kind %q", q.Kind)
		}
		if (q.Speaker == nil) != (q.SpeakerStart == nil) || (q.Speaker == nil) != (q.SpeakerEnd == nil) {
			t.Fatalf("speaker and its span must be nil together: %+v", q)
		}
		if q.Speaker != nil {
			if !canon[*q.Speaker] {
				t.Fatalf("speaker %q is not an entity's canonical name", *q.Speaker)
			}
			if *q.SpeakerStart < 0 || *q.SpeakerEnd <= *q.SpeakerStart || *q.SpeakerEnd > len(text) {
				t.Fatalf("bad speaker span [%d,%d)", *q.SpeakerStart, *q.SpeakerEnd)
			}
			if !onRuneBoundary(text, *q.SpeakerStart) || !onRuneBoundary(text, *q.SpeakerEnd) {
				t.Fatalf("speaker span [%d,%d) splits a rune", *q.SpeakerStart, *q.SpeakerEnd)
			}
		}
		prev = q.End
	}
}

// onRuneBoundary reports whether offset i of text, valid UTF-8, falls
// between runes; in invalid text any offset does.
func onRuneBoundary(text string, i int) bool {
	return !utf8.ValidString(text) || i == len(text) || utf8.RuneStart(text[i])
}

func TestFindQuotesManyMarksIsLinear(t *testing.T) {
	t.Parallel()
	// Thousands of unpaired and paired marks in one paragraph and over many.
	var b strings.Builder
	for i := range 5000 {
		switch i % 4 {
		case 0:
			b.WriteString("“open ")
		case 1:
			b.WriteString("it’s ’ ‘ ")
		case 2:
			b.WriteString("\"x\" said he, ")
		default:
			b.WriteString("\n\n“para ")
		}
	}
	text := b.String()
	ents := entities(text, person("he", "Someone"))
	got := Find(text, ents)
	checkQuotes(t, text, ents, got)
	if len(got) == 0 {
		t.Fatal("found no quotes among thousands of marks")
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{
		"Ana Ruiz said: “We won.”\n\n“Again,” she added.",
		"‘It’s the ’90s,’ said Ana Ruiz. \"Odd \" marks\" here",
		"“a\n\n“b\n\n“c”", "’‘’‘", "\"\"\"", "x,” he said, “y", "Ana Ruiz, a coach, said: ‘\n\n‘",
		"Иван сказал: «Мы победили». 李明说：“我们赢了。” Ana Ruiz said: „Wir haben gewonnen.“",
		strings.Repeat("“", 3000) + strings.Repeat("’s ‘x’ ", 500) + "— union leader Ana Ruiz",
		"Police now say ‘x’. He added: “y” — Ana Ruiz\n\n“z",
		"Ana Ruiz praised it.\n\nThe president said it was ‘fine’, days after branding Ruiz a ‘fool’. Officers left, warning it was ‘x’.",
		"Ana Ruiz said he had since been told Ruiz had called it ‘y’, leading to Ruiz branding him ‘z’. The president who called it “w”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ents := entities(text, person("Ana Ruiz", "Ana Ruiz"), person("he", "He"), org("Police", "Police"))
		got := Find(text, ents)
		checkQuotes(t, text, ents, got)
		if again := Find(text, ents); !reflect.DeepEqual(quoteStrings(text, got), quoteStrings(text, again)) {
			t.Fatal("not deterministic")
		}
	})
}

func ExampleFind() {
	text := "Hugh Park, a former police chief, said: “The force lost its way.”\n\n" +
		"“We tried,” he said, “but nobody listened.”"
	ents := []names.Entity{{Type: names.Person, Text: "Hugh Park", Start: 0, End: 9, Canonical: "Hugh Park"}}
	for _, q := range Find(text, ents) {
		fmt.Printf("%s %q by %s (via %q)\n", q.Kind, q.Text, *q.Speaker, text[*q.SpeakerStart:*q.SpeakerEnd])
	}
	// Output:
	// direct "The force lost its way." by Hugh Park (via "Hugh Park")
	// direct "We tried" by Hugh Park (via "he")
	// direct "but nobody listened." by Hugh Park (via "he")
}

func BenchmarkFindQuotes(b *testing.B) {
	arts := testnews.Bench(b)
	ents := make([][]names.Entity, len(arts))
	for i, a := range arts {
		ents[i] = capitalisedPairs(a.Text)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, a := range arts {
			Find(a.Text, ents[i])
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N*len(arts)), "ms/article")
}

// capitalisedPairs is a crude stand-in for the tagger in benchmarks and
// reports: every pair of adjacent capitalised words not opening a sentence
// is a PERSON whose canonical name is itself, and "X Police" or "the Y" an
// ORGANIZATION when Y ends in a capitalised word after "the".
func capitalisedPairs(text string) []names.Entity {
	var out []names.Entity
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' })
	pos := 0
	type w struct {
		s, e int
		t    string
	}
	var ws []w
	for _, x := range words {
		i := strings.Index(text[pos:], x) + pos
		t := strings.TrimRight(x, ",.;:!?”’\"")
		t = strings.TrimSuffix(strings.TrimSuffix(t, "’s"), "'s")
		ws = append(ws, w{i, i + len(t), t})
		pos = i + len(x)
	}
	cap := func(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if cap(a.t) && cap(b.t) && a.e == a.s+len(a.t) && text[a.e] == ' ' && b.s == a.e+1 {
			typ := names.Person
			if strings.HasSuffix(b.t, "Police") || strings.HasSuffix(b.t, "Ministry") {
				typ = names.Organization
			}
			out = append(out, names.Entity{Type: typ, Text: text[a.s:b.e], Start: a.s, End: b.e, Canonical: text[a.s:b.e]})
			i++
		}
	}
	return out
}
