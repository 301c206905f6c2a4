package eval

import (
	"testing"
	"unicode/utf8"
)

func TestNormNameTitlesIgnored(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
	}{
		{"Sir Kim Darroch", "kim darroch"},
		{"Mr. Basu", "basu"},
		{"Assistant Commissioner Neil Basu", "neil basu"},
		{"assistant commissioner Neil Basu", "neil basu"},
		{"Prime Minister Theresa May", "theresa may"},
		{"President Donald Trump’s", "donald trump"},
		{"Dame Cressida Dick's", "cressida dick"},
		{"Detective Chief Inspector Ana Ruiz", "ana ruiz"},
		{"the Rt Hon Damian Green", "damian green"},
		{"Lord", "lord"},              // never empty
		{"Mr President", "president"}, // one title kept rather than nothing
		{"François Hollande", "francois hollande"},
		{"Łukasz  Szumowski", "lukasz szumowski"},
		{"Conor O’Brien", "conor obrien"},
		{"J. K. Rowling", "jk rowling"},
		{"Jean-Claude Juncker", "jean claude juncker"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			if got := normName(tc.in, true); got != tc.want {
				t.Errorf("normName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPersonMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		gold    string
		aliases []string
		pred    string
		want    int
	}{
		{"Kim Darroch", nil, "Sir Kim Darroch", exactMatch},
		{"Kim Darroch", nil, "Darroch", surnameMatch},
		{"Kim Darroch", nil, "Mr Darroch’s", surnameMatch},
		{"Kim Darroch", nil, "K. Darroch", surnameMatch},
		{"Kim Darroch", nil, "Kevin Darroch", surnameMatch}, // same initial: lenient
		{"Kim Darroch", nil, "Lucy Darroch", noMatch},
		{"Kim Darroch", nil, "Kim", noMatch},
		{"Neil Basu", nil, "Assistant Commissioner Neil Basu", exactMatch},
		{"Cressida Dick", []string{"Met Commissioner"}, "Met Commissioner", aliasMatch},
		{"Boris Johnson", []string{"Alexander Boris de Pfeffel Johnson"}, "Alexander Johnson", surnameMatch},
		{"Theresa May", nil, "May", surnameMatch},
		{"Theresa May", nil, "Brian May", noMatch},
		{"Theresa May", nil, "", noMatch},
	} {
		t.Run(tc.gold+"/"+tc.pred, func(t *testing.T) {
			t.Parallel()
			if got := personMatch(tc.gold, tc.aliases, tc.pred); got != tc.want {
				t.Errorf("personMatch(%q, %q, %q) = %d, want %d", tc.gold, tc.aliases, tc.pred, got, tc.want)
			}
		})
	}
}

func TestOrgMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		gold    string
		aliases []string
		pred    string
		want    bool
	}{
		{"Metropolitan Police", []string{"Met", "Scotland Yard"}, "the Met", true},
		{"Metropolitan Police", []string{"Met", "Scotland Yard"}, "Scotland Yard’s", true},
		{"Metropolitan Police", nil, "metropolitan police", true},
		{"Federal Bureau of Investigation", nil, "FBI", true},
		{"Federal Bureau of Investigation", nil, "F.B.I.", true},
		{"FBI", nil, "Federal Bureau of Investigation", true},
		{"United Kingdom", []string{"Britain"}, "UK", true},
		{"United States", nil, "U.S.", true},
		{"Cabinet Office", nil, "Foreign Office", false},
		{"Police", nil, "Met", false},
	} {
		t.Run(tc.gold+"/"+tc.pred, func(t *testing.T) {
			t.Parallel()
			if got := orgMatch(tc.gold, tc.aliases, tc.pred) != noMatch; got != tc.want {
				t.Errorf("orgMatch(%q, %q, %q) = %v, want %v", tc.gold, tc.aliases, tc.pred, got, tc.want)
			}
		})
	}
}

func TestNameSpan(t *testing.T) {
	t.Parallel()
	const text = "Yesterday Mr. Basu’s team met Assistant Commissioner Neil Basu and the Met's chief."
	for _, tc := range []struct {
		surface string
		person  bool
		want    string
	}{
		{"Mr. Basu’s", true, "Basu"},
		{"Assistant Commissioner Neil Basu", true, "Neil Basu"},
		{"the Met's", false, "Met"},
		{"Assistant Commissioner", true, "Assistant Commissioner"}, // only a title: kept whole
		{"Mr. Basu’s", false, "Mr. Basu"},                          // titles only for people
	} {
		t.Run(tc.surface, func(t *testing.T) {
			t.Parallel()
			a, b := at(t, text, tc.surface, 1)
			s, e := nameSpan(text, a, b, tc.person)
			if got := text[s:e]; got != tc.want {
				t.Errorf("nameSpan(%q) = %q, want %q", tc.surface, got, tc.want)
			}
		})
	}
}

func TestLocateQuotes(t *testing.T) {
	t.Parallel()
	const text = "It was impossible, he said. His position was 'impossible', he wrote.\n\n" +
		"“First paragraph of it.\n\n“Second  paragraph,” she said. Again: “impossible”."
	qs := []GoldQuote{
		{Text: "impossible"}, // the quoted one, not the first word
		{Text: "First paragraph of it.\n\nSecond paragraph,"},
		{Text: "impossible"}, // second listing: second quoted occurrence
		{Text: "impossibl"},  // not a whole word
	}
	got := locateQuotes(text, qs)
	want := []string{"impossible", "First paragraph of it.\n\n“Second  paragraph,", "impossible", ""}
	second, _ := at(t, text, "impossible", 2)
	third, _ := at(t, text, "impossible", 3)
	wantStart := []int{second, -2, third, -1}
	for i, s := range got {
		var g string
		if s.start >= 0 {
			g = text[s.start:s.end]
		}
		if g != want[i] {
			t.Errorf("quote %d located as %q, want %q", i, g, want[i])
		}
		if wantStart[i] != -2 && s.start != wantStart[i] {
			t.Errorf("quote %d at %d, want %d", i, s.start, wantStart[i])
		}
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	text := "Sir Kim announced on Wednesday he was resigning, saying his position had become “impossible” following the leak."
	a, b := at(t, text, "impossible", 1)
	got := excerpt(text, a, b)
	want := "…ng his position had become “[impossible]” following the leak."
	if got != want {
		t.Errorf("excerpt = %q, want %q", got, want)
	}
	if !utf8.ValidString(excerpt(text, 3, 200)) || excerpt("", -1, 5) != "[]" {
		t.Error("excerpt does not clamp offsets")
	}
}
