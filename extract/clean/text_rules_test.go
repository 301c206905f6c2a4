package clean

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCleanTextFurniture checks the pasted-text rules for page furniture,
// and that sentences which merely start like furniture are kept.
func TestCleanTextFurniture(t *testing.T) {
	t.Parallel()
	body := "The council agreed the plan on Tuesday after a debate lasting more than three hours.\n\n" +
		"Work on the new bridge is expected to start in the spring and to take about eighteen months.\n\n" +
		"Residents will be able to see the designs at the town hall until the end of the month."
	for _, tc := range []struct {
		name      string
		in        string
		text      string // "" means body
		authors   []string
		published time.Time
	}{
		{name: "share bar and share lines",
			in: "Bridge plan agreed\n\nFacebook Twitter Email\n\n" + body + "\n\nShare this article\n\nWhatsApp | LinkedIn"},
		{name: "media pointer",
			in: "Bridge plan agreed\n\n" + body + "\n\nWatch the full interview above."},
		{name: "comment widget",
			in: "Bridge plan agreed\n\n" + body + "\n\nComments (12)\n\nLoading...\n\nAdd a comment\n\nGreat news for the town."},
		{name: "trailing headlines with timestamps",
			in: "Bridge plan agreed\n\n" + body + "\n\nNurses Vote To Strike In First National Walkout\n\n3 hours ago\n\nChancellor Hints At Fuel Duty Freeze\n\n5 hours ago"},
		{name: "closing list without timestamps is kept",
			in:   "Awards night\n\n" + body + "\n\nBest Actress Emma Stone\n\nBest Director Christopher Nolan\n\nBest Original Score Ludwig Goransson",
			text: body + "\n\nBest Actress Emma Stone\n\nBest Director Christopher Nolan\n\nBest Original Score Ludwig Goransson"},
		{name: "by line and name above a dateline become authors",
			in:      "Bridge plan agreed\n\nBy Jane Holloway and Sam Otieno\n\n" + body,
			authors: []string{"Jane Holloway", "Sam Otieno"}},
		{name: "bare name above a dateline",
			in:      "Bridge plan agreed\n\nJane Holloway\n8 November 2022, 17:45\n\n" + body,
			authors: []string{"Jane Holloway"}, published: time.Date(2022, 11, 8, 17, 45, 0, 0, time.UTC)},
		{name: "published and updated on one line",
			in:        "Bridge plan agreed\nPUBLISHED: 10:02 BST, 3 June 2020 | UPDATED: 12:15 BST, 3 June 2020\n\n" + body,
			published: time.Date(2020, 6, 3, 10, 2, 0, 0, time.UTC)},
		{name: "sentences starting like furniture are kept",
			in: "Watch trade in decline\n\nWatch the second hand on an old watch and you see a small miracle, he said.\n\n" +
				"Share prices of the big watchmakers fell this year.\n\nComments from customers keep him going.\n\n" +
				"Facebook and Twitter were blamed for the decline in sales.",
			text: "Watch the second hand on an old watch and you see a small miracle, he said.\n\n" +
				"Share prices of the big watchmakers fell this year.\n\nComments from customers keep him going.\n\n" +
				"Facebook and Twitter were blamed for the decline in sales."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := Text([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			want := tc.text
			if want == "" {
				want = body
			}
			if a.Text != want {
				t.Errorf("Text =\n%s\nwant\n%s", a.Text, want)
			}
			if tc.authors != nil && !slices.Equal(a.Authors, tc.authors) {
				t.Errorf("Authors = %q, want %q", a.Authors, tc.authors)
			}
			if !tc.published.IsZero() && !a.Published.Equal(tc.published) {
				t.Errorf("Published = %v, want %v", a.Published, tc.published)
			}
			if strings.Contains(a.Title, "\n") {
				t.Errorf("Title %q has a newline", a.Title)
			}
		})
	}
}
