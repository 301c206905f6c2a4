package eval

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// polnearFixture is an invented article in PolNeAR's shape (no PolNeAR
// text may enter the repository): a headline paragraph, a no-break space,
// a direct quotation, a mixed one whose source is a description, an
// indirect one with a pronoun source, and a film title in quotation marks.
const polnearFixture = "Lim Vows Win.\n\nJo Lim said: “We will win the vote.”\n\n" +
	"The campaign said it was\u00a0“a great day” for all. He added that taxes would fall.\n\n" +
	"She watched “Night Train” again."

// polnearSpan returns the code point span of the first s in text.
func polnearSpan(t *testing.T, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the fixture", s)
	}
	a := utf8.RuneCountInString(text[:i])
	return a, a + utf8.RuneCountInString(s)
}

func polnearGold(t *testing.T) PolNeARDoc {
	t.Helper()
	d := PolNeARDoc{ID: "doc1", Text: polnearFixture}
	for _, q := range []struct{ text, speaker, kind string }{
		{"“We will win the vote.”", "Jo Lim", "direct"},
		{"it was\u00a0“a great day” for all", "The campaign", "mixed"},
		{"taxes would fall", "He", "indirect"},
	} {
		s, e := polnearSpan(t, polnearFixture, q.text)
		sp := q.speaker
		d.Quotes = append(d.Quotes, PolNeARAttribution{Start: s, End: e, Segments: [][2]int{{s, e}}, Speaker: &sp, Kind: q.kind})
	}
	return d
}

// polnearRecord is what ingest makes of the fixture: the headline taken
// out, spaces collapsed, and quotes with byte offsets into that text.
func polnearRecord(quotes ...[3]string) pipeline.Record {
	text := "Jo Lim said: “We will win the vote.”\n\n" +
		"The campaign said it was “a great day” for all. He added that taxes would fall.\n\n" +
		"She watched “Night Train” again."
	r := pipeline.Record{ID: "doc1", Source: "in.jsonl:1", Text: text}
	for _, q := range quotes { // text, kind, speaker
		i := strings.Index(text, q[0])
		eq := extract.Quote{Text: q[0], Start: i, End: i + len(q[0]), Kind: q[1]}
		if q[2] != "" {
			sp := q[2]
			eq.Speaker = &sp
		}
		r.Quotes = append(r.Quotes, eq)
	}
	return r
}

func TestScorePolNeAR(t *testing.T) {
	t.Parallel()
	direct := [3]string{"We will win the vote.", "direct", "Jo Lim"}
	partial := [3]string{"a great day", "partial", ""}
	indirect := [3]string{"taxes would fall", "indirect", "Jo Lim"}
	title := [3]string{"Night Train", "partial", ""}
	for _, tt := range []struct {
		name      string
		recs      []pipeline.Record
		quotes    Counts
		speakers  Ratio
		unchecked int
		wrongOrFP []string
	}{
		{"all found", []pipeline.Record{polnearRecord(direct, partial, indirect)}, Counts{TP: 2}, Ratio{1, 1}, 1, nil},
		{"a title in quotation marks is spurious", []pipeline.Record{polnearRecord(direct, partial, title)}, Counts{TP: 2, FP: 1}, Ratio{1, 1}, 1, []string{"spurious Night Train"}},
		{"a missed quote and a wrong speaker", []pipeline.Record{polnearRecord([3]string{"We will win the vote.", "direct", "Ana Ruiz"})}, Counts{TP: 1, FN: 1}, Ratio{0, 1}, 0, []string{"missed it was\u00a0“a great day” for all", "wrong We will win the vote."}},
		{"no record", nil, Counts{FN: 2}, Ratio{}, 0, []string{"no_record doc1"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rep, unchecked := ScorePolNeAR([]PolNeARDoc{polnearGold(t)}, tt.recs)
			if got := rep.Overall.PRF["quotes"]; got != tt.quotes {
				t.Errorf("quotes %+v, want %+v", got, tt.quotes)
			}
			if got := rep.Overall.Accuracy["speakers"]; got != tt.speakers {
				t.Errorf("speakers %+v, want %+v", got, tt.speakers)
			}
			if unchecked != tt.unchecked {
				t.Errorf("unchecked %d, want %d", unchecked, tt.unchecked)
			}
			var items []string
			for _, it := range rep.Items {
				items = append(items, it.Kind+" "+it.Text)
			}
			if strings.Join(items, "|") != strings.Join(tt.wrongOrFP, "|") {
				t.Errorf("items %q, want %q", items, tt.wrongOrFP)
			}
		})
	}
}

func TestPolNeARSpeakerMatches(t *testing.T) {
	t.Parallel()
	text := "the campaign said he would go. The Post has learned it."
	for _, tt := range []struct {
		gold, got string
		named     bool // the gold mention has a name word
		right     bool
	}{
		{"Rep. Jerry Nadler, a Democrat from New York", "Jerry Nadler", true, true},
		{"Rep. Jerry Nadler, a Democrat from New York", "New York Times", true, false},
		{"Donald Trump’s", "Donald Trump", true, true},
		{"PENCE", "Mike Pence", true, true},
		{"Sen. Tim Kaine", "Mike Pence", true, false},
		{"The Post", "", true, false},
		{"he", "Jo Lim", false, false},
		{"The campaign", "Jo Lim", false, false},
	} {
		if got := hasNameWord(tt.gold, text); got != tt.named {
			t.Errorf("hasNameWord(%q) = %v, want %v", tt.gold, got, tt.named)
		}
		if got := speakerMatches(tt.gold, tt.got, text); got != tt.right {
			t.Errorf("speakerMatches(%q, %q) = %v, want %v", tt.gold, tt.got, got, tt.right)
		}
	}
}

func TestIsPolNeAR(t *testing.T) {
	t.Parallel()
	line, err := json.Marshal(polnearGold(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		raw  string
		want bool
	}{
		{string(line) + "\n", true},
		{`{"description": "x", "documents": []}`, false},
		{"-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\n", false},
		{`{"id": "a", "text": "b"}`, false},
	} {
		if got := IsPolNeAR([]byte(tt.raw)); got != tt.want {
			t.Errorf("IsPolNeAR(%.40q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
	docs, err := ReadPolNeAR(strings.NewReader(string(line) + "\n\n" + string(line)))
	if err != nil || len(docs) != 2 || len(docs[0].Quotes) != 3 {
		t.Fatalf("ReadPolNeAR: %d docs, err %v", len(docs), err)
	}
}
