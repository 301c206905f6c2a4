package index

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that any query string either runs or fails with
// ErrBadQuery (a usage error for the CLI), never panics, and that
// fragments are valid UTF-8 when the text is.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"leak", `person:"Neil Basu"`, `published:>="2019-07-01" published:<"2019-08-01"`,
		"+police -leak", "cabels~1", "diplom*", "/dipl.*/", "bakery^3", "42", `title:"a`,
		"person_exact:Neil\\ Basu", "place:>5", "-", "+", "~", `""`,
		"/[/", "leak~3", "title:/(/",
	} {
		f.Add(q)
	}
	ix := newTestIndex(f, testDocs())
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(t.Context(), Request{Query: q})
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%q): error %v does not wrap ErrBadQuery", q, err)
			}
			return
		}
		for _, h := range res.Hits {
			for field, frags := range h.Fragments {
				for _, fr := range frags {
					if !utf8.ValidString(fr) {
						t.Errorf("Search(%q): invalid UTF-8 in %s fragment %q", q, field, fr)
					}
				}
			}
		}
	})
}
