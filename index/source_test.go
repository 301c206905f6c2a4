package index

import (
	"slices"
	"testing"
)

// TestReplaceRemovesTheOldIDs: an article rewritten under a new ID with
// Replace leaves no trace of its old ID, quotes included, and BySource
// finds only the new one.
func TestReplaceRemovesTheOldIDs(t *testing.T) {
	t.Parallel()
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := t.Context()
	w := ix.NewWriter()
	old := Doc{ID: "old", Source: "notes/a.txt", Title: "Draft", Text: "First draft.", Hash: "h1",
		Quotes: []Quote{{Text: "first words", Speaker: "Ada Lovelace", Kind: "direct"}}}
	other := Doc{ID: "other", Source: "notes/b.txt", Title: "Other", Text: "Another file.", Hash: "h2"}
	for _, d := range []Doc{old, other} {
		if _, err := w.Write(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := ix.BySource(ctx, "notes/a.txt")
	if err != nil || len(got) != 1 || got[0].ID != "old" || got[0].Text != "First draft." {
		t.Fatalf("BySource = %v, %v; want old", got, err)
	}

	edited := Doc{ID: "new", Source: "notes/a.txt", Title: "Final", Text: "Final text.", Hash: "h3",
		Quotes: []Quote{{Text: "last words", Speaker: "Ada Lovelace", Kind: "direct"}}}
	status, err := w.Replace(ctx, edited, "old", "new", "absent")
	if err != nil || status != Updated {
		t.Fatalf("Replace = %v, %v; want updated", status, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	if _, ok, _ := ix.Hash("old"); ok {
		t.Error("old is still indexed")
	}
	if ids, _ := ix.quoteIDs(ctx, "old"); len(ids) > 0 {
		t.Errorf("quotes of old still indexed: %v", ids)
	}
	got, _ = ix.BySource(ctx, "notes/a.txt")
	var ids []string
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	if !slices.Equal(ids, []string{"new"}) {
		t.Errorf("BySource = %v, want [new]", ids)
	}
}
