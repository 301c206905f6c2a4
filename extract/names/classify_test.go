package names

import "testing"

func TestIsAcronym(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"BBC": true, "AT&T": true, "U.S.": true, "G7": true,
		"A": false, "Bbc": false, "I": false, "HELLOWORLDS": false, "3M": false,
	}
	for w, want := range tests {
		t.Run(w, func(t *testing.T) {
			t.Parallel()
			if got := isAcronym(w); got != want {
				t.Errorf("isAcronym(%q) = %v, want %v", w, got, want)
			}
		})
	}
}
