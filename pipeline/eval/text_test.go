package eval

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNewView(f *testing.F) {
	f.Add("He said: “It is  impossible.”\n\n‘Quite,’ she said.")
	f.Add("\xff\"a\" \t b")
	f.Fuzz(func(t *testing.T, s string) {
		v := newView(s)
		if len(v.start) != len(v.norm) || len(v.end) != len(v.norm) {
			t.Fatalf("map lengths %d, %d for %d bytes", len(v.start), len(v.end), len(v.norm))
		}
		for i := range v.norm {
			if v.start[i] < 0 || v.start[i] >= v.end[i] || v.end[i] > len(s) || (i > 0 && v.start[i] < v.start[i-1]) {
				t.Fatalf("byte %d maps to [%d, %d) of %d", i, v.start[i], v.end[i], len(s))
			}
			if v.norm[i] != ' ' && strings.IndexByte(s[v.start[i]:v.end[i]], v.norm[i]) < 0 {
				t.Fatalf("byte %d (%q) maps to %q", i, v.norm[i], s[v.start[i]:v.end[i]])
			}
		}
		if strings.Contains(v.norm, "  ") || strings.HasPrefix(v.norm, " ") {
			t.Fatalf("white space not collapsed: %q", v.norm)
		}
		if utf8.ValidString(s) && !utf8.ValidString(v.norm) {
			t.Fatalf("invalid UTF-8 from valid input: %q", v.norm)
		}
		// Normalising is idempotent.
		if again := newView(v.norm).norm; again != v.norm {
			t.Fatalf("not idempotent: %q -> %q", v.norm, again)
		}
		// Every whole-word occurrence maps back to original text with the
		// same words.
		if n := normQuote(s); n != "" {
			for _, a := range findWords(v.norm, n) {
				os, oe := v.orig(a, a+len(n))
				if normQuote(s[os:oe]) != n {
					t.Fatalf("occurrence maps to %q, want %q", s[os:oe], n)
				}
			}
		}
	})
}
