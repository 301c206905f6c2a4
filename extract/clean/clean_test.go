package clean

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCleanErrorsHaveText(t *testing.T) {
	t.Parallel()
	for _, err := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrTooDeep} {
		if err.Error() == "" || !strings.HasPrefix(err.Error(), "extract: ") {
			t.Errorf("sentinel %#v has text %q, want a non-empty \"extract: …\" message", err, err.Error())
		}
	}
}

func TestCleanErrors(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("word "), MaxInputSize/5+1)
	deep := strings.Repeat("<div>", 600) + "<p>Too deep to reach.</p>" + strings.Repeat("</div>", 600)
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	for _, tc := range []struct {
		name string
		html bool
		in   []byte
		want error
	}{
		{"text empty", false, nil, ErrEmpty},
		{"text blank lines", false, []byte(" \n\t\r\n\u00a0\n"), ErrEmpty},
		{"text only a dateline", false, []byte("4 December 2017, 09:02\n"), ErrEmpty},
		{"text NUL", false, []byte("Title\n\nSome\x00text"), ErrBinary},
		{"text random bytes", false, random, ErrBinary},
		{"text too large", false, big, ErrTooLarge},
		{"html empty", true, nil, ErrEmpty},
		{"html no text", true, []byte("<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav></body></html>"), ErrEmpty},
		{"html NUL", true, []byte("<p>text\x00</p>"), ErrBinary},
		{"html random bytes", true, random, ErrBinary},
		{"html too large", true, big, ErrTooLarge},
		{"html too deep", true, []byte(deep), ErrTooDeep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var err error
			if tc.html {
				_, err = HTML(bytes.NewReader(tc.in), "", "")
			} else {
				_, err = Text(tc.in)
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("got error %v, want %v", err, tc.want)
			}
		})
	}
}

// TestCleanTextManyDatelines guards against quadratic finishing: a
// few hundred kilobytes of datelines and markers must be cleaned in a few
// passes, not one pass per dateline.
func TestCleanTextManyDatelines(t *testing.T) {
	t.Parallel()
	in := "Title\n\n" + strings.Repeat("4 December 2017\n\n", 15000) + "Body of the story.\n\n" +
		strings.Repeat("Comments\n\n", 15000)
	start := time.Now()
	a, err := Text([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Body of the story." || !a.Published.Equal(date(2017, 12, 4, 0, 0)) {
		t.Errorf("got %q, %v", a.Text[:min(len(a.Text), 80)], a.Published)
	}
	if d := time.Since(start); d > time.Minute { // quadratic finishing takes hours
		t.Errorf("took %v", d)
	}
}

func TestCleanHTMLDeepButParseable(t *testing.T) {
	t.Parallel()
	in := strings.Repeat("<div>", 400) + "<p>Still reachable at depth four hundred.</p>" + strings.Repeat("</div>", 400)
	a, err := HTML(strings.NewReader(in), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Still reachable at depth four hundred." {
		t.Errorf("Text = %q", a.Text)
	}
}

func date(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

func TestCleanTextRules(t *testing.T) {
	t.Parallel()
	wrapped := "The committee met on Tuesday to consider the proposals put forward by the\n" +
		"regional transport authority, which would see bus fares frozen for two years\n" +
		"and a new route opened between the hospital and the railway station.\n" +
		"Members also heard from residents of the Northfield estate, who said the\n" +
		"existing service was unreliable after six in the evening and on Sundays.\n" +
		"\n" +
		"A decision is expected next month, after a further round of consultation\n" +
		"with operators."
	for _, tc := range []struct {
		name      string
		in        string
		title     string
		published time.Time
		text      string
		authors   []string
	}{
		{name: "title then paragraphs per line",
			in:    "Headline here\nFirst paragraph.\nSecond paragraph.\n",
			title: "Headline here", text: "First paragraph.\n\nSecond paragraph."},
		{name: "blank-line blocks, CRLF, spaces collapsed",
			in:    "Headline\r\n\r\n  First   paragraph\u00a0 here. \r\n\r\n\r\nSecond.\r\n",
			title: "Headline", text: "First paragraph here.\n\nSecond."},
		{name: "date marker on the title line",
			in:    " date 2017-12-04 Met chief warns leakers\n\nBody text of the article.",
			title: "Met chief warns leakers", published: date(2017, 12, 4, 0, 0), text: "Body text of the article."},
		{name: "published marker line before the title",
			in:    "Published: 4 December 2017\n\nThe title\n\nBody.\n\nMore body.",
			title: "The title", published: date(2017, 12, 4, 0, 0), text: "Body.\n\nMore body."},
		{name: "dateline before the title, wikinews style",
			in:    "Friday, January 4, 2019\n\nThe title\n\nBody.",
			title: "The title", published: date(2019, 1, 4, 0, 0), text: "Body."},
		{name: "dateline after the title is dropped and gives the time",
			in:    "The title\n\n4 December 2017, 09:02\n\nBody one.\n\nBody two.",
			title: "The title", published: date(2017, 12, 4, 9, 2), text: "Body one.\n\nBody two."},
		{name: "month-first dateline with pm time",
			in:    "The title\n\nDecember 4th, 2017 at 3:15 pm EST\n\nBody.",
			title: "The title", published: date(2017, 12, 4, 15, 15), text: "Body."},
		{name: "marker date and a same-day dateline with a time: the time wins",
			in:    "date 2017-12-04 The title\n\n4 December 2017, 09:02\n\nBody.",
			title: "The title", published: date(2017, 12, 4, 9, 2), text: "Body."},
		{name: "marker date and a dateline on another day: the marker wins",
			in:    "date 2017-12-04 The title\n\n1 December 2017\n\nBody.",
			title: "The title", published: date(2017, 12, 4, 0, 0), text: "Body."},
		{name: "a date inside a sentence is not a dateline",
			in:    "The title\n\nOn 4 December 2017 the council met.",
			title: "The title", text: "On 4 December 2017 the council met."},
		{name: "impossible date is not a dateline",
			in:    "The title\n\n31 June 2019\n\nBody.",
			title: "The title", text: "31 June 2019\n\nBody."},
		{name: "hard-wrapped text is joined into paragraphs; a line the next word would have fitted on ends one",
			in:    "Bus fares frozen\n\n" + wrapped,
			title: "Bus fares frozen",
			text: "The committee met on Tuesday to consider the proposals put forward by the regional transport authority, which would see bus fares frozen for two years and a new route opened between the hospital and the railway station.\n\n" +
				"Members also heard from residents of the Northfield estate, who said the existing service was unreliable after six in the evening and on Sundays.\n\n" +
				"A decision is expected next month, after a further round of consultation with operators."},
		{name: "short lines of a list are not joined",
			in:    "Results\n\nNick Ferrari Diane Abbott\nThe Car-Crash Interview Everyone Is Talking About On Police Funding\n",
			title: "Results", text: "Nick Ferrari Diane Abbott\n\nThe Car-Crash Interview Everyone Is Talking About On Police Funding"},
		{name: "cut at a trailing Comments marker",
			in:    "T\n\n" + strings.Repeat("A sentence of the article that is long enough. ", 3) + "\n\nSecond paragraph of the story.\n\nComments\n\nLoading...\n\nOther headline one\n\nOther headline two",
			title: "T", text: strings.TrimSpace(strings.Repeat("A sentence of the article that is long enough. ", 3)) + "\n\nSecond paragraph of the story."},
		{name: "cut at Read more at",
			in:    "T\n\nFirst paragraph of the story.\n\nSecond paragraph.\n\nRead more at Example.co.uk",
			title: "T", text: "First paragraph of the story.\n\nSecond paragraph."},
		{name: "cut at More from and You'll also like",
			in:    "T\n\nFirst paragraph of the story, long enough to count.\n\nMore from Politics\n\nA teaser",
			title: "T", text: "First paragraph of the story, long enough to count."},
		{name: "early marker does not cut the article",
			in:    "T\n\nRelated\n\n" + strings.Repeat("The article goes on at length. ", 10),
			title: "T", text: "Related\n\n" + strings.TrimSpace(strings.Repeat("The article goes on at length. ", 10))},
		{name: "furniture paragraphs dropped anywhere",
			in:    "T\n\nOne.\n\nAdvertisement\n\nTwo.\n\nShare this article\n\nThree.",
			title: "T", text: "One.\n\nTwo.\n\nThree."},
		{name: "duplicates after quote normalisation dropped, first kept",
			in:    "T\n\nHe called it \u2018inept\u2019\n\nMiddle.\n\nHe called it 'inept'.\n\nT",
			title: "T", text: "He called it \u2018inept\u2019\n\nMiddle."},
		{name: "byline paragraph gives authors",
			in:    "T\n\nBy Jill Disis and Tom O'Neill, CNN Business\n\nBody.",
			title: "T", text: "Body.", authors: []string{"Jill Disis", "Tom O'Neill"}},
		{name: "a sentence starting with By is not a byline",
			in:    "T\n\nBy the time police arrived, the crowd had gone.",
			title: "T", text: "By the time police arrived, the crowd had gone."},
		{name: "single paragraph has no title",
			in:   "\n\nJust one paragraph of pasted text.\n",
			text: "Just one paragraph of pasted text."},
		{name: "windows-1252 bytes decoded",
			in:    "Caf\xe9 \x93owners\x94\n\nThey said \x96 loudly.",
			title: "Café “owners”", text: "They said – loudly."},
		{name: "BOM and zero-width characters removed",
			in:    "\ufeffTitle\u200b here\n\nBody\u00ad text.",
			title: "Title here", text: "Body text."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := Text([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			if !a.Published.Equal(tc.published) {
				t.Errorf("Published = %v, want %v", a.Published, tc.published)
			}
			if a.Text != tc.text {
				t.Errorf("Text =\n%q\nwant\n%q", a.Text, tc.text)
			}
			if !slices.Equal(a.Authors, tc.authors) {
				t.Errorf("Authors = %q, want %q", a.Authors, tc.authors)
			}
			checkIdempotent(t, a)
		})
	}
}

func TestParseDateline(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		want     time.Time
		modified bool
		ok       bool
	}{
		{"4 December 2017, 09:02", date(2017, 12, 4, 9, 2), false, true},
		{"Friday, January 4, 2019", date(2019, 1, 4, 0, 0), false, true},
		{"Published: 4 December 2017", date(2017, 12, 4, 0, 0), false, true},
		{"Updated 9.02am GMT, Mon 4 Dec 2017", date(2017, 12, 4, 9, 2), true, true},
		{"Last updated on 12th of March 2020", date(2020, 3, 12, 0, 0), true, true},
		{"2019-07-12", date(2019, 7, 12, 0, 0), false, true},
		{"2019-07-12T10:03:00Z", date(2019, 7, 12, 10, 3), false, true},
		{"Sept. 9, 2019 12 pm", date(2019, 9, 9, 12, 0), false, true},
		{"12 am, 1 May 2020", date(2020, 5, 1, 0, 0), false, true},
		{"On 4 December 2017 the council met", time.Time{}, false, false},
		{"4 December", time.Time{}, false, false},
		{"30 February 2019", time.Time{}, false, false},
		{"December 2017", time.Time{}, false, false},
		{"", time.Time{}, false, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			d, ok := parseDateline(tc.in)
			if ok != tc.ok || !d.t.Equal(tc.want) || d.modified != tc.modified {
				t.Errorf("parseDateline(%q) = %v, modified %v, %v; want %v, %v, %v", tc.in, d.t, d.modified, ok, tc.want, tc.modified, tc.ok)
			}
		})
	}
}

func TestParseTimestamp(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"2019-07-12T06:41:23+01:00", "2019-07-12T06:41:23+01:00"},
		{"2019-07-12T06:41:23.000Z", "2019-07-12T06:41:23Z"},
		{"2019-07-12t06:41:23+0100", "2019-07-12T06:41:23+01:00"},
		{"2019-07-12 06:41:23", "2019-07-12T06:41:23Z"},
		{"2019-07-12", "2019-07-12T00:00:00Z"},
		{"Fri, 12 Jul 2019 06:41:23 +0100", "2019-07-12T06:41:23+01:00"},
		{"July 12, 2019", "2019-07-12T00:00:00Z"},
		{"0001-01-01T00:00:00Z", ""},
		{"yesterday", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, ok := parseTimestamp(tc.in)
			s := ""
			if ok {
				s = got.Format(time.RFC3339)
			}
			if s != tc.want {
				t.Errorf("parseTimestamp(%q) = %q, want %q", tc.in, s, tc.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"https://news.example.test/2021/03/09/council-budget-vote/", date(2021, 3, 9, 0, 0)},
		{"https://example.test/news/2019-07-12-ambassador-resigns", date(2019, 7, 12, 0, 0)},
		{"/2018/11/20/why/", date(2018, 11, 20, 0, 0)},
		{"https://example.test/2019/13/40/x", time.Time{}},
		{"https://example.test/news/uk-48912345", time.Time{}},
		{"https://example.test/x?date=2019/07/12/", time.Time{}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, _ := urlDate(tc.in)
			if !got.Equal(tc.want) {
				t.Errorf("urlDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanAuthors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		site string
		want []string
	}{
		{"Jill Disis; CNN Business", "", []string{"Jill Disis"}},
		{"By Jill Disis, CNN Business", "", []string{"Jill Disis"}},
		{"Admin", "", nil},
		{"admin", "", nil},
		{"By Helen Marsh & Tom O'Neill", "", []string{"Helen Marsh", "Tom O'Neill"}},
		{"Priya Raman and Ben Cole, Political Correspondents", "", []string{"Priya Raman", "Ben Cole"}},
		{"SARAH KENDRICK", "", []string{"Sarah Kendrick"}},
		{"Ludwig van Beethoven", "", []string{"Ludwig van Beethoven"}},
		{"https://www.facebook.com/someone", "", nil},
		{"Metro Bulletin", "Metro Bulletin", nil},
		{"Reuters", "", nil},
		{"BBC News", "", nil},
		{"news desk", "", nil},
		{"Jane Smith | Jane Smith", "", []string{"Jane Smith"}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			if got := cleanAuthors([]string{tc.in}, tc.site); !slices.Equal(got, tc.want) {
				t.Errorf("cleanAuthors(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStripSiteSuffix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, site, host string
		loose          bool
		want           string
	}{
		{"Flood defences rebuilt - The Northern Courier", "The Northern Courier", "", false, "Flood defences rebuilt"},
		{"Chipmaker shares slide after profit warning | Market Daily", "", "", true, "Chipmaker shares slide after profit warning"},
		{"Flood defences rebuilt after storm | UK | BBC News", "BBC News", "", true, "Flood defences rebuilt after storm"},
		{"BBC News - Story headline here", "BBC News", "", false, "Story headline here"},
		{"Headline - example.co.uk", "", "", false, "Headline"},
		{"Met Commissioner: Damian Green Leak Detectives Could Be Prosecuted", "", "", true, "Met Commissioner: Damian Green Leak Detectives Could Be Prosecuted"},
		{"Brexit - what happens next", "", "", false, "Brexit - what happens next"},
		{"Why - and how", "", "", true, "Why - and how"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			if got := stripSiteSuffix(tc.in, tc.site, tc.host, tc.loose); got != tc.want {
				t.Errorf("stripSiteSuffix(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanHTMLInline(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, want string
	}{
		{"spaces between inline elements kept",
			`<p><b>Bold</b> <i>italic</i> and <a href="#">a link</a>.</p>`, "Bold italic and a link."},
		{"no space invented inside a word",
			`<p>un<b>believ</b>able news</p>`, "unbelievable news"},
		{"blocks never glue words",
			`<div><div>First block</div><div>Second block</div></div>`, "First block\n\nSecond block"},
		{"list items are paragraphs",
			`<ul><li>One item of text</li><li>Two item of text</li></ul>`, "One item of text\n\nTwo item of text"},
		{"single br in a paragraph is a space",
			`<p>Line one<br>line two</p>`, "Line one line two"},
		{"double br is a paragraph break",
			`<p>Para one.<br><br>Para two.</p>`, "Para one.\n\nPara two."},
		{"br in loose text is a space",
			`<div>Headline text<br>Dateline text</div>`, "Headline text Dateline text"},
		{"h1 is left out",
			`<h1>The title</h1><p>Text of the story.</p>`, "Text of the story."},
		{"mostly-link blocks dropped",
			`<p>Real text of the story.</p><p><a href="/x">Another story entirely</a></p>`, "Real text of the story."},
		{"hidden and aria-hidden dropped",
			`<p>Seen.</p><p hidden>Unseen.</p><div aria-hidden="true">Unseen too.</div><p style="display: none">Nope.</p>`, "Seen."},
		{"entities and nbsp",
			`<p>Fish&nbsp;&amp;&nbsp;chips &ndash; &pound;5</p>`, "Fish & chips – £5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := HTML(strings.NewReader("<html><body>"+tc.body+"</body></html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("Text = %q, want %q", a.Text, tc.want)
			}
		})
	}
}

func TestCleanHTMLCharset(t *testing.T) {
	t.Parallel()
	body := "<html><body><p>Caf\xe9 \x93quoted\x94 \x80 5</p></body></html>"
	for _, tc := range []struct {
		name, contentType, page string
	}{
		{"from Content-Type", "text/html; charset=windows-1252", body},
		{"from meta", "", `<meta charset="windows-1252">` + body},
		{"latin-1 is read as windows-1252", "text/html; charset=ISO-8859-1", body},
		{"undeclared and not UTF-8", "", body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := HTML(strings.NewReader(tc.page), tc.contentType, "")
			if err != nil {
				t.Fatal(err)
			}
			if want := "Café “quoted” € 5"; a.Text != want {
				t.Errorf("Text = %q, want %q", a.Text, want)
			}
		})
	}
}

func TestCleanHTMLNoDateIsZero(t *testing.T) {
	t.Parallel()
	a, err := HTML(strings.NewReader(`<title>Story</title><p>Text without any date at all.</p>`), "", "https://example.test/news/story")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.IsZero() || a.Sources.Published != "" {
		t.Errorf("Published = %v from %q, want zero", a.Published, a.Sources.Published)
	}
}

// findShared looks for the shared data directory beside the repository.
func findShared(t *testing.T, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/%s not found beside the repository", rel)
		}
		dir = parent
	}
}

// TestCleanTextWikinews checks titles and dates on the wikinews dev corpus
// (title, blank line, dateline, paragraphs) against its metadata.
func TestCleanTextWikinews(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	t.Parallel()
	dir := findShared(t, filepath.Join("data", "wikinews"))
	metaRaw, err := os.ReadFile(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var n, titles, dates, datelines int
	for line := range strings.Lines(string(metaRaw)) {
		var m struct{ ID, Title, Date string }
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, m.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Text(raw)
		if err != nil {
			t.Errorf("%s: %v", m.ID, err)
			continue
		}
		n++
		if a.Title == collapseSpace(m.Title) {
			titles++
		} else {
			t.Logf("%s: title %q, want %q", m.ID, a.Title, m.Title)
		}
		// Only some articles carry a dateline; the others must get no date.
		want := ""
		if d, err := time.Parse("2006-01-02", m.Date); err == nil && bytes.Contains(raw[:min(len(raw), 400)], []byte(d.Format("Monday, January 2, 2006"))) {
			want = m.Date
			datelines++
		}
		got := ""
		if !a.Published.IsZero() {
			got = a.Published.Format("2006-01-02")
		}
		if got == want {
			dates++
		} else {
			t.Errorf("%s: published %q, want %q", m.ID, got, want)
		}
		if !utf8.ValidString(a.Text) || strings.Contains(a.Text, "\n\n\n") {
			t.Errorf("%s: malformed text", m.ID)
		}
	}
	t.Logf("wikinews: %d articles, %d with datelines; titles %d correct, dates %d correct", n, datelines, titles, dates)
	if n == 0 || titles*100 < n*99 {
		t.Errorf("titles %d/%d correct; want at least 99%%", titles, n)
	}
}

func ExampleText() {
	a, err := Text([]byte("Ferry timetable changes\n\nMonday, 4 March 2019\n\n" +
		"The ferry will run every 40 minutes.\n\nAdvertisement\n\nSeason tickets will be refunded.\n\n" +
		"Comments\n\nLoading..."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format("2006-01-02"))
	fmt.Println(a.Text)
	// Output:
	// Ferry timetable changes
	// 2019-03-04
	// The ferry will run every 40 minutes.
	//
	// Season tickets will be refunded.
}

func ExampleHTML() {
	page := `<html lang="en"><head><title>Ferry timetable changes | Example Gazette</title>
<meta property="article:published_time" content="2019-03-04T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable changes</h1>
<p>The ferry will run <em>every 40 minutes</em>.</p><div class="share">Share</div>
<p>Season tickets will be refunded.</p></article></body></html>`
	a, err := HTML(strings.NewReader(page), "text/html; charset=utf-8", "https://gazette.example/ferry")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format(time.RFC3339), a.Sources.Published)
	fmt.Println(a.Text)
	// Output:
	// Ferry timetable changes
	// 2019-03-04T08:00:00Z meta:article:published_time
	// The ferry will run every 40 minutes.
	//
	// Season tickets will be refunded.
}
