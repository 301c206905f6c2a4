package extract

import (
	"testing"
	"time"
)

// TestTagAliases checks in-document aliasing on invented text: short forms
// of a person and of an organisation resolve to one canonical name.
func TestTagAliases(t *testing.T) {
	t.Parallel()
	text := "Sir Anthony Marlow, the ambassador, resigned on Monday. " +
		"Sir Anthony said the leak was damaging. Marlow declined to comment further.\n\n" +
		"The Metropolitan Police said detectives were investigating. " +
		"A spokesman for the Met said Scotland Yard would not comment."
	res, err := tagger(t).Tag(t.Context(), text, time.Time{})
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
