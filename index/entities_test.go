package index

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"
)

// entityDocs are three articles, two about a leak in July 2019 and one in
// August, with quotes: Basu three times in two articles, Trump twice, and
// one quote nobody is named for.
func entityDocs() []Doc {
	return []Doc{
		{
			ID: "a1", Title: "Police open inquiry into cables leak", Source: "a1.txt",
			Published:    time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC),
			Text:         "Neil Basu said the leak had damaged relations with Washington.",
			Person:       []string{"Kim Darroch", "Neil Basu"},
			Organization: []string{"Metropolitan Police"},
			Place:        []string{"London"},
			Speaker:      []string{"Neil Basu", "Donald Trump"},
			Quotes: []Quote{
				{Text: "The leak has damaged our relations abroad.", Speaker: "Neil Basu", Kind: "direct"},
				{Text: "I wish the ambassador well.", Speaker: "Donald Trump", Kind: "direct"},
				{Text: "Turn yourself in.", Speaker: "Neil Basu", Kind: "direct"},
			},
			Hash: "h1",
		},
		{
			ID: "a2", Title: "Trump on the leak", Source: "a2.txt",
			Published:    time.Date(2019, 7, 13, 0, 0, 0, 0, time.UTC),
			Text:         "Donald Trump said the leak was bad.",
			Person:       []string{"Donald Trump", "Kim Darroch"},
			Organization: []string{"White House"},
			Place:        []string{"Washington"},
			Speaker:      []string{"Donald Trump"},
			Quotes: []Quote{
				{Text: "The leak was a very bad thing.", Speaker: "Donald Trump", Kind: "direct"},
				{Text: "leaker", Kind: "partial"},
			},
			Hash: "h2",
		},
		{
			ID: "a3", Title: "Darroch resigns", Source: "a3.txt",
			Published:    time.Date(2019, 8, 2, 0, 0, 0, 0, time.UTC),
			Text:         "The ambassador resigned; the inquiry continues.",
			Person:       []string{"Kim Darroch"},
			Organization: []string{"Foreign Office", "Metropolitan Police"},
			Place:        []string{"London"},
			Speaker:      []string{"Neil Basu"},
			Quotes: []Quote{
				{Text: "The leak inquiry continues.", Speaker: "Neil Basu", Kind: "direct"},
			},
			Hash: "h3",
		},
	}
}

func TestEntities(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, entityDocs())
	person := func(n string, c int) EntityCount { return EntityCount{Name: n, Type: "person", Articles: c} }
	org := func(n string, c int) EntityCount { return EntityCount{Name: n, Type: "organization", Articles: c} }
	place := func(n string, c int) EntityCount { return EntityCount{Name: n, Type: "place", Articles: c} }
	speaker := func(n string, c int) EntityCount { return EntityCount{Name: n, Type: SpeakerType, Quotes: c} }
	const july = `published:>="2019-07-01" published:<"2019-08-01"`
	tests := []struct {
		name string
		req  EntityRequest
		want []EntityCount
	}{
		{"people, most articles first, then by name",
			EntityRequest{Type: "person"},
			[]EntityCount{person("Kim Darroch", 3), person("Donald Trump", 1), person("Neil Basu", 1)}},
		{"top bounds each kind",
			EntityRequest{Type: "person", Top: 1},
			[]EntityCount{person("Kim Darroch", 3)}},
		{"all article kinds in order, no speakers",
			EntityRequest{Top: 1},
			[]EntityCount{person("Kim Darroch", 3), org("Metropolitan Police", 2), place("London", 2)}},
		{"articles matching a word",
			EntityRequest{Type: "organization", Query: "leak"},
			[]EntityCount{org("Metropolitan Police", 1), org("White House", 1)}},
		{"date range is required, not optional",
			EntityRequest{Type: "organization", Query: `published:>="2019-08-01"`},
			[]EntityCount{org("Foreign Office", 1), org("Metropolitan Police", 1)}},
		{"word in a date range",
			EntityRequest{Type: "place", Query: july + " leak"},
			[]EntityCount{place("London", 1), place("Washington", 1)}},
		{"range and word that never meet",
			EntityRequest{Type: "place", Query: july + " resigned"},
			nil},
		{"exact name",
			EntityRequest{Type: "organization", Query: `person_exact:"Neil Basu"`},
			[]EntityCount{org("Metropolitan Police", 1)}},
		// Articles carry a speaker field too: counting them would give
		// Basu 5 (3 quotes + 2 articles).
		{"speakers count quotes, not articles; unnamed speakers are left out",
			EntityRequest{Type: SpeakerType},
			[]EntityCount{speaker("Neil Basu", 3), speaker("Donald Trump", 2)}},
		{"speakers quoted about a topic",
			EntityRequest{Type: SpeakerType, Query: "leak"},
			[]EntityCount{speaker("Neil Basu", 2), speaker("Donald Trump", 1)}},
		{"speakers: every clause required",
			EntityRequest{Type: SpeakerType, Query: "leak inquiry"},
			[]EntityCount{speaker("Neil Basu", 1)}},
		{"speakers about a topic in a date range",
			EntityRequest{Type: SpeakerType, Query: july + " leak"},
			[]EntityCount{speaker("Donald Trump", 1), speaker("Neil Basu", 1)}},
		{"speaker field of quotes",
			EntityRequest{Type: SpeakerType, Query: "speaker:trump"},
			[]EntityCount{speaker("Donald Trump", 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // concurrent use of one index
			got, err := ix.Entities(t.Context(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Entities(%+v) = %v, want %v", tt.req, got, tt.want)
			}
		})
	}
}

func TestEntitiesBadRequest(t *testing.T) {
	t.Parallel()
	ix := newTestIndex(t, entityDocs())
	for _, req := range []EntityRequest{
		{Type: "city"},
		{Query: `"unclosed`},
		{Type: "person", Query: "leak~3"},
		{Type: "organization", Query: "/[/"},
		{Type: SpeakerType, Query: `"unclosed`},
		{Type: SpeakerType, Query: "leak~3"},
	} {
		t.Run(req.Type+" "+req.Query, func(t *testing.T) {
			t.Parallel()
			if _, err := ix.Entities(t.Context(), req); !errors.Is(err, ErrBadQuery) {
				t.Errorf("Entities(%+v): error %v, want ErrBadQuery", req, err)
			}
		})
	}
}

func TestEntityCountJSON(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		e    EntityCount
		want string
	}{
		{EntityCount{Name: "Kim Darroch", Type: "person", Articles: 3}, `{"name":"Kim Darroch","type":"person","articles":3}`},
		{EntityCount{Name: "Neil Basu", Type: SpeakerType, Quotes: 2}, `{"name":"Neil Basu","type":"speaker","quotes":2}`},
	} {
		t.Run(tt.e.Type, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("json %s, want %s", b, tt.want)
			}
		})
	}
}
