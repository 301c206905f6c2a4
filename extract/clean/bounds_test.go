package clean

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// syntheticPage is an article page of n paragraphs, each in its own div.
func syntheticPage(n int) string {
	var b strings.Builder
	b.WriteString("<html><body><article><h1>A long page</h1>")
	for i := range n {
		fmt.Fprintf(&b, "<div class=\"c%d\"><p>Paragraph %d of a long page, with <a href=\"/x\">a link</a> and <b>bold</b> words.</p></div>\n", i%7, i)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func TestCleanHTMLBounds(t *testing.T) {
	t.Parallel()
	article := "<html><body><article><h1>Title of it</h1>" +
		strings.Repeat("<p>A sentence of the article that is long enough to count as text here.</p>", 8) +
		"</article></body></html>"
	for _, tc := range []struct {
		name string
		page string
		want error
	}{
		{"markup over MaxMarkupSize", "<html><body>" + strings.Repeat("<p>"+strings.Repeat("x", 1000)+"</p>", MaxMarkupSize/1000+1) + "</body></html>", ErrTooLarge},
		{"elements over MaxElements", "<html><body><p>Text.</p>" + strings.Repeat("<span></span>", MaxElements+1) + "</body></html>", ErrTooLarge},
		{"scripts do not count", strings.Replace(article, "<body>", "<body><script>"+strings.Repeat("var x = 1;", MaxMarkupSize/10+1)+"</script>", 1), nil},
		{"svg does not count", strings.Replace(article, "<body>", "<body><svg>"+strings.Repeat("<path d='M0 0'/>", MaxElements+1)+"</svg>", 1), nil},
		{"nesting over 512", strings.Repeat("<div>", 600) + "<p>Too deep.</p>" + strings.Repeat("</div>", 600), ErrTooDeep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := HTML(strings.NewReader(tc.page), "", "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if tc.want == nil && !strings.Contains(a.Text, "A sentence of the article") {
				t.Errorf("article text lost: %q", a.Text)
			}
		})
	}
}

// TestCleanHTMLTimeout runs the extractors on a large synthetic page (within
// the size bounds) with a 1 ms limit: the caller gets ErrTimeout at once
// and the extraction goes on in the background.
func TestCleanHTMLTimeout(t *testing.T) {
	t.Parallel()
	page := syntheticPage(1500)
	start := time.Now()
	_, err := cleanHTML(strings.NewReader(page), "", "", func(root *html.Node, pageURL string) ([]string, []string, error) {
		return mainTextWithin(root, pageURL, time.Millisecond)
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v; the limit was 1 ms", d)
	}
	// Given time the same page is extracted. The limit is an hour, not
	// ExtractTimeout: under -race on a loaded machine this page can take
	// longer than 10 s, and speed lives in benchmarks (BenchmarkCleanHTML).
	a, err := cleanHTML(strings.NewReader(page), "", "", func(root *html.Node, pageURL string) ([]string, []string, error) {
		return mainTextWithin(root, pageURL, time.Hour)
	})
	if err != nil || !strings.Contains(a.Text, "Paragraph 1499 of a long page") {
		t.Fatalf("HTML = %.80q, %v; want the whole page", a.Text, err)
	}
}

func TestWithTimeoutRepanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	withTimeout(time.Second, func() int { panic("boom") })
	t.Error("no panic")
}
