package api

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/bylinehq/byline/index"
)

func TestParagraphs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"blank", " \n\n\t\n", nil},
		{"one", "One line.", []string{"One line."}},
		{"blank lines separate", "A.\n\nB.\n\n\nC.", []string{"A.", "B.", "C."}},
		{"a line break joins", "A line\nwrapped.\n\nB.", []string{"A line wrapped.", "B."}},
		{"white-space-only line separates", "A.\n  \t\nB.", []string{"A.", "B."}},
		{"CRLF", "A.\r\n\r\nB.\r\n", []string{"A.", "B."}},
		{"spaces collapse", "  A   b\tc  ", []string{"A b c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Paragraphs(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFragmentOrder(t *testing.T) {
	t.Parallel()
	frags := map[string][]string{"title": {"t"}, "person": {"p"}, "text": {"x"}, "quote": {"q"}, "organization": {"o"}}
	want := []string{"quote", "text", "title", "organization", "person"}
	if got := FragmentOrder(frags); !slices.Equal(got, want) {
		t.Errorf("FragmentOrder = %q, want %q", got, want)
	}
	if got := FragmentOrder(nil); len(got) != 0 {
		t.Errorf("FragmentOrder(nil) = %q, want none", got)
	}
}

// TestEmptyValues pins how the shapes write what a result lacks: an
// unknown date or speaker is null, a missing list [] in an article, no
// fragments {}, no URL no field at all.
func TestEmptyValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"hit", NewHit(1, index.Hit{ID: "a"}),
			`{"message_type":"hit","rank":1,"id":"a","score":0,"title":"","source":"","published":null,"fragments":{},"person":null,"organization":null,"place":null}`},
		{"quote", NewQuote(2, index.QuoteHit{ID: "a#q0", ArticleID: "a", Kind: "direct"}),
			`{"message_type":"quote","rank":2,"id":"a#q0","article":"a","score":0,"text":"","speaker":null,"kind":"direct","title":"","source":"","published":null}`},
		{"article", NewArticle(&index.Article{ID: "a", Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC)}),
			`{"message_type":"article","id":"a","title":"","source":"","published":"2019-07-12","person":[],"organization":[],"place":[],"quotes":[],"text":""}`},
		{"entity", NewEntity(index.EntityCount{Type: "person", Name: "Neil Basu", Articles: 2, Quotes: 5}),
			`{"articles":2,"message_type":"entity","name":"Neil Basu","type":"person"}`},
		{"speaker", NewEntity(index.EntityCount{Type: index.SpeakerType, Name: "Neil Basu", Articles: 2, Quotes: 5}),
			`{"message_type":"entity","name":"Neil Basu","quotes":5,"type":"speaker"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(tc.v)
			if err != nil || string(b) != tc.want {
				t.Errorf("got %s, %v\nwant %s", b, err, tc.want)
			}
		})
	}
}

func TestKnownEntityType(t *testing.T) {
	t.Parallel()
	for typ, want := range map[string]bool{"": true, "person": true, "organization": true, "place": true, "speaker": true, "city": false, "Person": false} {
		if got := KnownEntityType(typ); got != want {
			t.Errorf("KnownEntityType(%q) = %v, want %v", typ, got, want)
		}
	}
}
