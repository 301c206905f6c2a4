package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/growth"
)

func TestBreakLongWords(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", maxProseWord)
	for _, tt := range []struct {
		name, in string
	}{
		{"short words", "The envoy resigned on Wednesday."},
		{"a word of exactly the limit", long + " " + long},
		{"marks", strings.Repeat(`"`, 1000)},
		{"brackets and words", "a " + strings.Repeat(")", 300) + " b " + strings.Repeat("(x", 200)},
		{"multi-byte runes", strings.Repeat("“é’", 100)},
		{"tabs and newlines", strings.Repeat("\u201c", 70) + "\t" + strings.Repeat("é", 70) + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := breakLongWords(tt.in)
			if !hasLongWord(tt.in) && out != tt.in {
				t.Fatalf("changed text without long words: %q", out)
			}
			if !utf8.ValidString(out) {
				t.Fatal("split a rune")
			}
			for _, w := range strings.Fields(out) {
				if len(w) > maxProseWord {
					t.Fatalf("word of %d bytes left: %.20q…", len(w), w)
				}
			}
			if strings.Join(strings.Fields(out), "") != strings.Join(strings.Fields(tt.in), "") {
				t.Fatal("breaking changed the text beyond inserting spaces")
			}
			if added := len(out) - len(tt.in); added != strings.Count(out, " ")-strings.Count(tt.in, " ") {
				t.Fatalf("%d bytes added, not all spaces", added)
			}
		})
	}
}

// TestTokensLongWordsAligned checks that the words broken for prose are
// still tokens of the original text: every mark of a long run is a token
// at its own offset.
func TestTokensLongWordsAligned(t *testing.T) {
	t.Parallel()
	text := "He said " + strings.Repeat(`"`, 500) + " and " + strings.Repeat(")", 300) + " then left."
	toks, err := tokenizer(t).Tokens(t.Context(), text)
	if err != nil {
		t.Fatal(err)
	}
	covered := 0
	for _, tk := range toks {
		if tk.Start < 0 {
			t.Fatalf("token %q not aligned", tk.Text)
		}
		if s := text[tk.Start:tk.End]; s == `"` || s == ")" {
			covered++
		}
	}
	if covered != 800 {
		t.Errorf("%d of 800 marks and brackets are tokens", covered)
	}
}

// TestTokensLongWordsLinear checks that a line of punctuation costs work in
// proportion to its length. prose peels a word's punctuation one character
// at a time and copies the rest after every peel, so a word of n closing
// brackets or full stops took n² bytes (and time) before breakLongWords.
func TestTokensLongWordsLinear(t *testing.T) {
	tk := tokenizer(t)
	for _, mark := range []string{")", ".", "'", `"`, "“"} {
		growth.Linear(t, "a line of "+mark, 1000, func(n int) func() {
			text := strings.Repeat(mark, n)
			return func() {
				if _, err := tk.Tokens(t.Context(), text); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
