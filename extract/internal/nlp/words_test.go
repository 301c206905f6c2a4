package nlp

import (
	"maps"
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, list string
		want       []string
	}{
		{"white space", "monday  tuesday\n\twednesday", []string{"monday", "tuesday", "wednesday"}},
		{"bars keep phrases", "Burkina Faso|Cape Verde|\n\tChad|", []string{"Burkina Faso", "Cape Verde", "Chad"}},
		{"one entry", "Sir", []string{"Sir"}},
		{"empty", " | ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := slices.Sorted(maps.Keys(Words(tt.list)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.list, got, tt.want)
			}
		})
	}
}

func TestWordSetFold(t *testing.T) {
	t.Parallel()
	in := Words("may june sept").Fold()
	for w, want := range map[string]bool{
		"may": true, "May": true, "JUNE": true, "Sept": true,
		"mays": false, "ma": false, "": false, "juneteenth": false, "Mây": false,
		"septemberish": false, "a-very-long-word-indeed": false,
	} {
		if got := in(w); got != want {
			t.Errorf("Fold()(%q) = %v, want %v", w, got, want)
		}
	}
	if !IsWeekday("Monday") || IsWeekday("Mondays") {
		t.Error("IsWeekday: Monday must be a weekday and Mondays not")
	}
}
