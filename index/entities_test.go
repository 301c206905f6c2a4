package index

import (
	"slices"
	"testing"
)

func TestEntities(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	docs := []Doc{
		{ID: "a", Title: "a", Text: "a", Person: []string{"Kim Darroch", "Neil Basu"}, Organization: []string{"Metropolitan Police"}, Hash: "1"},
		{ID: "b", Title: "b", Text: "b", Person: []string{"Kim Darroch"}, Place: []string{"United Kingdom"}, Hash: "2"},
		{ID: "c", Title: "c", Text: "c", Person: []string{"Kim Darroch", "Donald Trump"}, Organization: []string{"Metropolitan Police"}, Hash: "3"},
	}
	for _, d := range docs {
		if _, err := w.Write(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		typ  string
		top  int
		want []EntityCount
	}{
		{"people, most articles first, then by name", "person", 10, []EntityCount{
			{"Kim Darroch", "person", 3}, {"Donald Trump", "person", 1}, {"Neil Basu", "person", 1}}},
		{"top bounds each kind", "person", 1, []EntityCount{{"Kim Darroch", "person", 3}}},
		{"all kinds in order", "", 1, []EntityCount{
			{"Kim Darroch", "person", 3}, {"Metropolitan Police", "organization", 2}, {"United Kingdom", "place", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ix.Entities(t.Context(), tt.typ, tt.top)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Entities(%q, %d) = %v, want %v", tt.typ, tt.top, got, tt.want)
			}
		})
	}
	if _, err := ix.Entities(t.Context(), "speaker", 5); err == nil {
		t.Error("Entities with an unknown type: no error")
	}
}
