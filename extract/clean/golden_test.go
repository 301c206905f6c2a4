package clean

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenContext gives the HTTP context some golden inputs were fetched with.
var goldenContext = map[string]struct{ contentType, pageURL string }{
	"cp1252_meta.html":   {"", ""},
	"no_date.html":       {"text/html", "https://www.example-gazette.test/news/harbour-ferry-timetable"},
	"url_date.html":      {"text/html; charset=utf-8", "https://news.example.test/2021/03/09/council-budget-vote/"},
	"cp1251_http.html":   {"text/html; charset=windows-1251", "https://ru.example.test/news/1"},
	"comments_blog.html": {"", "https://riverside.test/?p=118"},
}

// renderGolden is the golden form of an Article: metadata lines with their
// sources, a separator, then the text.
func renderGolden(a Article) string {
	var b strings.Builder
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	line := func(k, v, src string) {
		if src != "" {
			v += " (" + src + ")"
		}
		fmt.Fprintf(&b, "%s: %s\n", k, v)
	}
	line("title", a.Title, a.Sources.Title)
	line("published", date(a.Published), a.Sources.Published)
	line("modified", date(a.Modified), a.Sources.Modified)
	line("url", a.URL, a.Sources.URL)
	line("authors", strings.Join(a.Authors, "; "), a.Sources.Authors)
	line("site", a.SiteName, a.Sources.SiteName)
	line("language", a.Language, a.Sources.Language)
	b.WriteString("---\n")
	b.WriteString(a.Text)
	b.WriteString("\n")
	return b.String()
}

func cleanFile(t *testing.T, path string) Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	var a Article
	if strings.HasSuffix(name, ".html") {
		c := goldenContext[name]
		a, err = HTML(bytes.NewReader(raw), c.contentType, c.pageURL)
	} else {
		a, err = Text(raw)
	}
	if err != nil {
		t.Fatalf("clean %s: %v", name, err)
	}
	return a
}

// TestCleanGolden cleans each testdata/clean/*.html and *.txt and compares
// the result with x.golden; with -update it rewrites the goldens. On a
// mismatch it writes the actual output to x.actual, beside the input. It
// also checks the idempotence property and the fuzz targets' properties
// (checkCleanProperties) on every input.
func TestCleanGolden(t *testing.T) {
	var inputs []string
	for _, pat := range []string{"*.html", "*.txt"} {
		m, err := filepath.Glob(filepath.Join("testdata", "clean", pat))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, m...)
	}
	if len(inputs) < 11 {
		t.Fatalf("found %d golden inputs, want at least 11", len(inputs))
	}
	for _, in := range inputs {
		if strings.HasSuffix(in, ".expected.txt") {
			continue // the dev set's expected texts (extractors_test.go)
		}
		base := strings.TrimSuffix(in, filepath.Ext(in))
		t.Run(filepath.Base(in), func(t *testing.T) {
			t.Parallel()
			a := cleanFile(t, in)
			got := renderGolden(a)
			golden := base + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				actual := base + ".actual"
				if err := os.WriteFile(actual, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Errorf("%s differs from %s; wrote %s (diff them, then rerun with -update if right)", in, golden, actual)
			} else {
				os.Remove(base + ".actual")
			}
			// The fuzz targets' properties, on real pages: their seeds are
			// small now, so that they run fast.
			checkCleanProperties(t, a, nil, strings.HasSuffix(in, ".html"))
			checkIdempotent(t, a)
		})
	}
}

// checkIdempotent checks the property documented at Text.
func checkIdempotent(t *testing.T, a Article) {
	t.Helper()
	if a.Title == "" && a.Text == "" {
		return
	}
	in := a.Text
	if a.Title != "" {
		in = a.Title + "\n\n" + a.Text
	}
	b, err := Text([]byte(in))
	if err != nil {
		t.Fatalf("re-clean: %v\ninput: %q", err, in)
	}
	if b.Title != a.Title || b.Text != a.Text {
		t.Errorf("not idempotent:\nfirst:  %q / %q\nsecond: %q / %q", a.Title, a.Text, b.Title, b.Text)
	}
}
