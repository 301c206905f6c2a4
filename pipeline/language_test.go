package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/extract"
)

// TestPageLanguageSetsNumericDateOrder checks that the tag stage passes
// the page's language to the tagger: with no order given, "10/07/2019" is
// 7 October on a US page, 10 July on a British one and unresolved on a page
// that declares only "en"; an order given to the tagger wins over the page.
func TestPageLanguageSetsNumericDateOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the tagger's model")
	}
	dir := t.TempDir()
	page := func(lang string) string {
		return `<!doctype html><html lang="` + lang + `"><head><title>Bridge reopens</title></head><body><article>
<h1>Bridge reopens</h1>
<p>The bridge over the river reopened to traffic on 10/07/2019 after two years of repairs, the county council said in a statement.</p>
<p>Engineers had closed it when cracks were found in the supports, and drivers were sent on a long detour through the valley.</p>
</article></body></html>`
	}
	writeFiles(t, dir, map[string]string{"us.html": page("en-US"), "gb.html": page("en-GB"), "en.html": page("en")})
	auto, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	dmy, err := extract.New(extract.WithNumericDates(extract.DayFirst))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		tagger Tagger
		want   map[string]string // file -> value of "10/07/2019", "" unresolved
	}{
		{"auto: the page decides", auto, map[string]string{"us.html": "2019-10-07", "gb.html": "2019-07-10", "en.html": ""}},
		{"a given order wins", dmy, map[string]string{"us.html": "2019-07-10", "gb.html": "2019-07-10", "en.html": "2019-07-10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inputs := []string{filepath.Join(dir, "us.html"), filepath.Join(dir, "gb.html"), filepath.Join(dir, "en.html")}
			got := map[string]string{}
			err := Extract(t.Context(), inputs, tt.tagger, Options{}, func(it *Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Source, it.Err)
					return nil
				}
				v := "(not found)"
				for _, d := range it.Result.Dates {
					if d.Text == "10/07/2019" {
						v = ""
						if d.Value != nil {
							v = *d.Value
						}
					}
				}
				got[filepath.Base(it.Source)] = v
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for f, w := range tt.want {
				if got[f] != w {
					t.Errorf("%s: 10/07/2019 = %q, want %q", f, got[f], w)
				}
			}
		})
	}
}
