package web

import (
	"testing"

	"github.com/bylinehq/byline/index"
)

func TestMarkFragment(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"plain", "no match here", "no match here"},
		{"one", "the «leaked» cables", "the <mark>leaked</mark> cables"},
		{"two", "«a» and «b»", "<mark>a</mark> and <mark>b</mark>"},
		{"escaped", `«<script>»alert("x")&`, `<mark>&lt;script&gt;</mark>alert(&#34;x&#34;)&amp;`},
		{"stray end", "a » b «c»", "a » b <mark>c</mark>"},
		{"unclosed", "«cut off", "<mark>cut off</mark>"},
		{"nested start", "««x»", "<mark>«x</mark>"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := string(markFragment(tc.in)); got != tc.want {
				t.Errorf("markFragment(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestEntityQueryFindsTheName(t *testing.T) {
	t.Parallel()
	ix, err := index.NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	name := `Dwayne "The Rock" Johnson \ Jr`
	for _, d := range []index.Doc{{ID: "a", Title: "A", Person: []string{name}}, {ID: "b", Title: "B", Person: []string{"Dwayne Johnson"}}} {
		if _, err := w.Write(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), index.Request{Query: entityQuery("person_exact", name)})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "a" {
		t.Errorf("%s: %v, %v; want article a only", entityQuery("person_exact", name), res, err)
	}
}
