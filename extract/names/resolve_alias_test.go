package names

import (
	"testing"
)

// TestTagAliases checks in-document aliasing on invented text: short forms
// of a person and of an organisation resolve to one canonical name.
func TestTagAliases(t *testing.T) {
	t.Parallel()
	text := "Sir Anthony Marlow, the ambassador, resigned on Monday. " +
		"Sir Anthony said the leak was damaging. Marlow declined to comment further.\n\n" +
		"The Metropolitan Police said detectives were investigating. " +
		"A spokesman for the Met said Scotland Yard would not comment."
	res, err := tag(t, text)
	if err != nil {
		t.Fatal(err)
	}
	canon := map[string]string{}
	for _, e := range res.Entities {
		canon[e.Text] = e.Type + " " + e.Canonical
	}
	for text, want := range map[string]string{
		"Sir Anthony Marlow":  "PERSON Anthony Marlow",
		"Sir Anthony":         "PERSON Anthony Marlow",
		"Marlow":              "PERSON Anthony Marlow",
		"Metropolitan Police": "ORGANIZATION Metropolitan Police",
		"Met":                 "ORGANIZATION Metropolitan Police",
		"Scotland Yard":       "ORGANIZATION Metropolitan Police",
	} {
		if got := canon[text]; got != want {
			t.Errorf("%q resolved to %q, want %q (all: %v)", text, got, want, canon)
		}
	}
}

// TestTagNameForms checks that titles stay out of canonical person names,
// that a surname with a particle or a first of two surnames finds the full
// name, and that an organisation named once with its country is the same
// organisation without it. The text is invented.
func TestTagNameForms(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		want       map[string]string // mention text -> type and canonical name
	}{
		{"title before particle", "Local news\n\nRoberta van Dijk won the vote on Monday.\n\nMayor van Dijk said the count was fair.",
			map[string]string{"van Dijk": "PERSON Roberta van Dijk"}},
		{"assembly title", "Local news\n\nAssemblywoman Rosa Kettle said the bill would pass.",
			map[string]string{"Rosa Kettle": "PERSON Rosa Kettle"}},
		{"council title", "Local news\n\nCouncilman Derek Amble voted against the plan.",
			map[string]string{"Derek Amble": "PERSON Derek Amble"}},
		{"first of two surnames", "Local news\n\nMarta Ibarra Solano was sworn in as mayor on Monday. Ibarra thanked the council.",
			map[string]string{"Ibarra": "PERSON Marta Ibarra Solano"}},
		{"country left off", "Local news\n\nThe US Federal Reserve raised rates on Monday. A statement from the Federal Reserve gave no reason.",
			map[string]string{"Federal Reserve": "ORGANIZATION US Federal Reserve"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res, err := tag(t, c.text)
			if err != nil {
				t.Fatal(err)
			}
			canon := map[string]string{}
			for _, e := range res.Entities {
				canon[e.Text] = e.Type + " " + e.Canonical
			}
			for text, want := range c.want {
				if got := canon[text]; got != want {
					t.Errorf("%q resolved to %q, want %q (all: %v)", text, got, want, canon)
				}
			}
		})
	}
}
