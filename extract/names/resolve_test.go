package names

import (
	"reflect"
	"testing"
)

func TestTagCanonicalNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "Mr and bare surname resolve to the full name",
			text: "Inspector Farid Hakimi led the raid. Mr Hakimi said it went well, and Hakimi later thanked his team.",
			want: []want{
				{"Farid Hakimi", Person, ""},
				{"Mr Hakimi", Person, "Farid Hakimi"},
				{"Hakimi", Person, "Farid Hakimi"},
			},
		},
		{
			name: "Sir and a first name is the British convention",
			text: "Sir Anthony Marlowe, the ambassador, has resigned. Sir Anthony said the post had become impossible.",
			want: []want{
				{"Sir Anthony Marlowe", Person, "Anthony Marlowe"},
				{"Sir Anthony", Person, "Anthony Marlowe"},
			},
		},
		{
			name: "Dame and a first name",
			text: "Dame Harriet Osei chaired the panel. Dame Harriet was blunt.",
			want: []want{{"Dame Harriet", Person, "Harriet Osei"}},
		},
		{
			name: "middle initial variants are one person",
			text: "The memo was signed by Walter K. Brenner. Walter Brenner later denied it, and Brenner resigned.",
			want: []want{
				{"Walter K. Brenner", Person, "Walter Brenner"},
				{"Brenner", Person, "Walter Brenner"},
			},
		},
		{
			name: "surname goes to the person named far more often",
			text: "Tomas Varga spoke first. Tomas Varga then left, and Tomas Varga returned. His wife Ilona Varga stayed. Varga said little.",
			want: []want{{"Varga", Person, "Tomas Varga"}},
		},
		{
			name: "ambiguous surname stays as written",
			text: "Daniel Frost and Imogen Frost ran the company. Frost declined to comment.",
			want: []want{{"Frost", Person, "Frost"}},
		},
		{
			name: "acronym and expansion both in the text",
			text: "The Federal Aviation Administration grounded the jets. An FAA spokesman confirmed it.",
			want: []want{{"FAA", Organization, "Federal Aviation Administration"}},
		},
		{
			name: "acronym in brackets after its name",
			text: "The Union of Coastal Fishers (UCF) called a strike. The UCF said talks had failed.",
			want: []want{{"UCF", Organization, "Union of Coastal Fishers"}},
		},
		{
			name: "place acronym and expansion",
			text: "Trade between the United Kingdom and Japan grew. The UK exported more cars.",
			want: []want{{"UK", Place, "United Kingdom"}},
		},
		{
			name: "short party name resolves to the full one",
			text: "The Green Futures Party won two seats, and voters who backed Green Futures were delighted.",
			want: []want{{"Green Futures", Organization, "Green Futures Party"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := tag(t, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			assertEntities(t, tt.text, r.Entities, tt.want, nil)
		})
	}
}

func TestNamesCountsAndOrder(t *testing.T) {
	t.Parallel()
	ents := []Entity{
		{Type: Person, Canonical: "Zoe Hart"},
		{Type: Person, Canonical: "Adam Bell"},
		{Type: Person, Canonical: "Zoe Hart"},
		{Type: Person, Canonical: "Carl Diaz"},
		{Type: Place, Canonical: "Lima"},
	}
	got := Tally(ents, Person)
	want := []Name{{"Zoe Hart", 2}, {"Adam Bell", 1}, {"Carl Diaz", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names(Person) = %v, want %v", got, want)
	}
	if got := Tally(ents, Organization); got == nil || len(got) != 0 {
		t.Errorf("names(Organization) = %#v, want empty non-nil", got)
	}
}

func TestInitials(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Federal Bureau of Investigation":  "FBI",
		"United Kingdom":                   "UK",
		"Department for Work and Pensions": "DWP",
		"Oxfam":                            "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			if got := initials(in); got != want {
				t.Errorf("initials(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	t.Parallel()
	if got := nameKey("O\u2019Brien  \n Smith"); got != "O'Brien Smith" {
		t.Errorf("nameKey = %q, want %q", got, "O'Brien Smith")
	}
}
