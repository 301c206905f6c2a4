package clean

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// shingleF1 (extractors.go) is the measure.

func TestShingleF1(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		got, want string
		f1        float64
	}{
		{"same", "One two three four five.", "one, two three four five", 1},
		{"disjoint", "one two three four", "five six seven eight", 0},
		{"both empty", "", "", 1},
		{"half recall", "a b c d", "a b c d e f g", 2 * 1 * 0.25 / 1.25}, // 1 of 4 expected shingles
		{"extra text", "a b c d e", "a b c d", 2 * 0.5 * 1 / 1.5},
		{"short", "yes", "yes", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := shingleF1(tc.got, tc.want); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tc.f1) {
				t.Errorf("shingleF1(%q, %q) = %v, want %v", tc.got, tc.want, got, tc.f1)
			}
		})
	}
}

// devPage is a page of the extraction dev set: testdata/clean/x.html with
// the hand-written article text x.expected.txt.
type devPage struct {
	name     string
	raw      []byte
	expected string
}

func devPages(tb testing.TB) []devPage {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join("testdata", "clean", "*.expected.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var pages []devPage
	for _, e := range m {
		name := strings.TrimSuffix(filepath.Base(e), ".expected.txt") + ".html"
		raw, err := os.ReadFile(filepath.Join("testdata", "clean", name))
		if err != nil {
			tb.Fatal(err)
		}
		want, err := os.ReadFile(e)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, devPage{name, raw, strings.TrimSpace(string(want))})
	}
	if len(pages) < 12 {
		tb.Fatalf("dev set has %d pages, want at least 12", len(pages))
	}
	return pages
}

// extractorMethod is a main-text extractor as cleanHTML takes it.
type extractorMethod struct {
	name string
	body func(root *html.Node, pageURL string) ([]string, []string, error)
}

// only runs one extractor on the pruned page.
func only(f func(*html.Node, *url.URL) []string) func(*html.Node, string) ([]string, []string, error) {
	return func(root *html.Node, pageURL string) ([]string, []string, error) {
		pruneForExtraction(root)
		u, _ := url.Parse(pageURL)
		return f(root, u), nil, nil
	}
}

var extractorMethods = []extractorMethod{
	{"goquery-heuristic", heuristicText},
	{"trafilatura", only(trafilaturaText)},
	{"readability", only(readabilityText)},
	{"2-way", twoWay},
	{"chosen (HTML)", mainText},
}

// twoWay is HTML's choice without the heuristic's judgement.
func twoWay(root *html.Node, pageURL string) ([]string, []string, error) {
	pruneForExtraction(root)
	u, _ := url.Parse(pageURL)
	return choose(extraction{traf: trafilaturaText(root, u), read: readabilityText(root, u)}), nil, nil
}

// devScore is one extractor's mean F1 and time over the dev set.
type devScore struct {
	f1     float64
	msPage float64
	perPg  map[string]float64
}

func scoreExtractor(tb testing.TB, m extractorMethod, pages []devPage, rounds int) devScore {
	s := devScore{perPg: map[string]float64{}}
	start := time.Now()
	for range rounds {
		for _, p := range pages {
			c := goldenContext[p.name]
			a, err := cleanHTML(bytes.NewReader(p.raw), c.contentType, c.pageURL, m.body)
			if err != nil {
				a.Text = "" // scores 0
			}
			s.perPg[p.name] = shingleF1(a.Text, p.expected)
		}
	}
	s.msPage = float64(time.Since(start).Microseconds()) / 1000 / float64(rounds*len(pages))
	for _, f := range s.perPg {
		s.f1 += f
	}
	s.f1 /= float64(len(pages))
	return s
}

// blindPage reports whether a dev page is one of those written without
// looking at what any extractor does with them (blind_*.html): the
// unbiased part of the dev set. The others were written alongside the
// code, some by the author of the heuristic they are compared with.
func blindPage(name string) bool { return strings.HasPrefix(name, "blind_") }

// meanOver is the mean F1 over the pages keep accepts.
func (s devScore) meanOver(keep func(string) bool) float64 {
	sum, n := 0.0, 0
	for name, f := range s.perPg {
		if keep(name) {
			sum += f
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// minDevF1 is the mean token-shingle F1 HTML must reach on the dev
// set, and on its blind pages alone: issue 4's target for real news pages.
const minDevF1 = 0.97

// TestExtractorDevSet scores each extractor on the dev set (mean
// token-shingle F1 and ms/page, printed with -v) and holds HTML to
// minDevF1. Reproduce the table with:
//
//	go test ./extract/clean -run TestExtractorDevSet -v
func TestExtractorDevSet(t *testing.T) {
	pages := devPages(t)
	var b strings.Builder
	fmt.Fprintf(&b, "%-32s", "page")
	scores := make([]devScore, len(extractorMethods))
	for i, m := range extractorMethods {
		scores[i] = scoreExtractor(t, m, pages, 1)
		fmt.Fprintf(&b, " %12.12s", m.name)
	}
	b.WriteString("\n")
	for _, p := range pages {
		fmt.Fprintf(&b, "%-32s", p.name)
		for i := range extractorMethods {
			fmt.Fprintf(&b, " %12.3f", scores[i].perPg[p.name])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-32s", "mean F1, all pages")
	for i := range extractorMethods {
		fmt.Fprintf(&b, " %12.3f", scores[i].f1)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%-32s", "mean F1, blind_*")
	for i := range extractorMethods {
		fmt.Fprintf(&b, " %12.3f", scores[i].meanOver(blindPage))
	}
	b.WriteString("\n")
	t.Logf("token-shingle F1 on %d dev pages:\n%s", len(pages), b.String())
	if got := scores[len(scores)-1].f1; got < minDevF1 {
		t.Errorf("HTML mean F1 %.3f on the dev set, want at least %.2f", got, minDevF1)
	}
	if got := scores[len(scores)-1].meanOver(blindPage); got < minDevF1 {
		t.Errorf("HTML mean F1 %.3f on the blind dev pages, want at least %.2f", got, minDevF1)
	}
}

// BenchmarkExtractors reports each extractor's mean token-shingle F1 on the
// dev set and its time per page (decoding, parsing and metadata included):
//
//	go test ./extract/clean -run '^$' -bench Extractors
func BenchmarkExtractors(b *testing.B) {
	pages := devPages(b)
	for _, m := range extractorMethods {
		b.Run(strings.Fields(m.name)[0], func(b *testing.B) {
			var s devScore
			n := 0
			for b.Loop() {
				s = scoreExtractor(b, m, pages, 1)
				n++
			}
			b.ReportMetric(s.f1, "F1")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n*len(pages)), "ms/page")
		})
	}
}

// heuristicText runs the goquery heuristic alone, as an extractor.
func heuristicText(root *html.Node, _ string) ([]string, []string, error) {
	pruneForExtraction(root)
	return heuristicParagraphs(root), nil, nil
}
