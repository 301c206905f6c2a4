package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCleanHTMLPreparedMarkup checks the markup fixes every extractor gets
// (prepareMarkup) and the metadata found beside the extracted text.
func TestCleanHTMLPreparedMarkup(t *testing.T) {
	t.Parallel()
	story := `<p>The council agreed the plan on Tuesday after a debate lasting more than three hours.</p>
<p>Work on the new bridge is expected to start in the spring and to take about eighteen months.</p>
<p>Residents will be able to see the designs at the town hall until the end of the month.</p>`
	for _, tc := range []struct {
		name      string
		page      string
		want      []string // paragraphs that must be in the text, whole
		notWant   []string // substrings that must not be in the text
		published time.Time
		authors   []string
	}{
		{name: "br runs with inline tags become paragraphs, no glued words",
			page: `<h1>Ferry timetable cut</h1><div class="body">The ferry will run every 40 minutes from <b>Monday</b>, the operator said.<br><br>` +
				`One of its two boats will be out of service for at least <i>six</i> weeks for engine repairs.<br /><br />` +
				`Passengers have been told to check the website before travelling.</div>`,
			want: []string{"The ferry will run every 40 minutes from Monday, the operator said.",
				"One of its two boats will be out of service for at least six weeks for engine repairs.",
				"Passengers have been told to check the website before travelling."},
			notWant: []string{"leastsix", "Mondaythe"}},
		{name: "caption, paywall prompt and sign-up form removed",
			page: `<h1>Bridge plan agreed</h1><article>` + story +
				`<p class="imageCaption">The old bridge was closed to lorries in 2019</p>` +
				`<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day of the week.</p><form><input type="email"><button>Sign up</button></form></div>` +
				`<div class="paywall-prompt"><p>Subscribe to read the rest of this article and support local journalism.</p></div></article>`,
			want:    []string{"Residents will be able to see the designs at the town hall until the end of the month."},
			notWant: []string{"old bridge was closed", "morning briefing", "Subscribe to read"}},
		{name: "dateline beside the headline, outside the article container",
			page: `<table><tr><td><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a></td><td>` +
				`<font size="5"><b>Bridge plan agreed</b></font><br><font size="2">Published: 14 March 2016</font><br><br>` + story + `</td></tr></table>`,
			want:      []string{"Work on the new bridge is expected to start in the spring and to take about eighteen months."},
			notWant:   []string{"Home", "Published"},
			published: time.Date(2016, 3, 14, 0, 0, 0, 0, time.UTC)},
		{name: "summary list between the headline and the body is kept",
			page: `<h1>Bridge plan agreed</h1><div class="summary"><h2>Key points</h2><ul><li>The council voted nine to four in favour of the plan</li>` +
				`<li>Construction is due to begin next spring</li></ul></div><div class="feed"><article>` + story + `</article></div>`,
			want: []string{"Key points", "The council voted nine to four in favour of the plan", "Construction is due to begin next spring"}},
		{name: "posted-on-by line becomes metadata",
			page:      `<h1>Bridge plan agreed</h1><article><div class="entry-meta">Posted on November 20, 2018 by <a rel="author" href="/a">Jane Holloway</a></div>` + story + `</article>`,
			want:      []string{"The council agreed the plan on Tuesday after a debate lasting more than three hours."},
			notWant:   []string{"Posted on"},
			published: time.Date(2018, 11, 20, 0, 0, 0, 0, time.UTC), authors: []string{"Jane Holloway"}},
		{name: "trailing published line and copyright notice dropped",
			page: `<h1>Bridge plan agreed</h1><article>` + story + `<p>Published 6 September 2022</p>` +
				`<p>Copyright 2022 The Gazette. All rights reserved. This material may not be published, broadcast or redistributed.</p></article>`,
			want:      []string{"Residents will be able to see the designs at the town hall until the end of the month."},
			notWant:   []string{"Published 6", "All rights reserved"},
			published: time.Date(2022, 9, 6, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := HTML(strings.NewReader("<html><head><title>Bridge plan agreed</title></head><body>"+tc.page+"</body></html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			paras := strings.Split(a.Text, "\n\n")
			for _, w := range tc.want {
				if !slices.Contains(paras, w) {
					t.Errorf("paragraph %q missing from\n%s", w, a.Text)
				}
			}
			for _, nw := range tc.notWant {
				if strings.Contains(a.Text, nw) {
					t.Errorf("text holds %q:\n%s", nw, a.Text)
				}
			}
			if !a.Published.Equal(tc.published) {
				t.Errorf("Published = %v, want %v", a.Published, tc.published)
			}
			if tc.authors != nil && !slices.Equal(a.Authors, tc.authors) {
				t.Errorf("Authors = %q, want %q", a.Authors, tc.authors)
			}
		})
	}
}

// TestChooseJudged checks that the heuristic decides between the libraries
// only when they disagree, and that its text is never the output.
func TestChooseJudged(t *testing.T) {
	t.Parallel()
	art := []string{"The council agreed the plan on Tuesday after a long debate in the chamber.", "Work will start in the spring and take eighteen months to finish."}
	nav := []string{"Home News Sport Weather Business Politics Culture", "Sign in to your account to read more from our archive of stories"}
	other := []string{"A completely different story about the weather in another town this week."}
	x := extraction{traf: append(slices.Clone(nav), other...), read: art, judge: art}
	if got := choose(x); !slices.Equal(got, art) {
		t.Errorf("disagreeing libraries: choose = %q, want readability's %q", got, art)
	}
	x.judge = other
	if got := choose(x); !slices.Equal(got, x.traf) {
		t.Errorf("judge closer to trafilatura: choose = %q, want %q", got, x.traf)
	}
	x = extraction{traf: art, read: art[:1], judge: other}
	if got := choose(x); &got[0] == &other[0] {
		t.Error("choose returned the heuristic's text")
	}
}

// TestPreparedMarkupNoGlue runs go-trafilatura alone on a page whose body
// is text separated by <br><br> with inline tags, where without
// prepareMarkup it dropped a paragraph and glued "at least" to "six".
func TestPreparedMarkupNoGlue(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "clean", "no_date.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := cleanHTML(bytes.NewReader(raw), "text/html", "", only(trafilaturaText))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"at least six weeks", "instead of every half hour from Monday"} {
		if !strings.Contains(a.Text, w) {
			t.Errorf("go-trafilatura's text lacks %q:\n%s", w, a.Text)
		}
	}
}
