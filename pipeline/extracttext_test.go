package pipeline

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
)

// TestExtractTextLinesAndHeadline: pasted text as a user gives it. A line
// break ends a name (a byline above a dateline is not one name), and the
// names in the headline are found, with offsets into the title, and
// counted for the article.
func TestExtractTextLinesAndHeadline(t *testing.T) {
	t.Parallel()
	tg, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Martin Scorsese opens Venice film festival\n\nVera Haller\nVENICE , Italy\n" +
		"The festival opened on Wednesday with a film by Martin Scorsese .\n"
	rec, err := ExtractText(t.Context(), tg, "-", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Martin Scorsese opens Venice film festival" {
		t.Fatalf("title %q", rec.Title)
	}
	for _, e := range rec.Entities {
		if strings.Contains(e.Text, "\n") || strings.Contains(rec.Text[e.Start:e.End], "\n") {
			t.Errorf("entity %q runs over a line break", e.Text)
		}
	}
	var inTitle []string
	for _, e := range rec.TitleEntities {
		if rec.Title[e.Start:e.End] != e.Text {
			t.Errorf("title entity %q at %d:%d is %q in the title", e.Text, e.Start, e.End, rec.Title[e.Start:e.End])
		}
		inTitle = append(inTitle, e.Text)
	}
	if !strings.Contains(strings.Join(inTitle, "|"), "Martin Scorsese") {
		t.Errorf("title entities %q, want Martin Scorsese among them", inTitle)
	}
	mentions := 0
	for _, p := range rec.People {
		if p.Name == "Martin Scorsese" {
			mentions = p.Mentions
		}
	}
	if mentions != 2 {
		t.Errorf("Martin Scorsese has %d mentions in people %v, want 2 (headline and text)", mentions, rec.People)
	}
}
