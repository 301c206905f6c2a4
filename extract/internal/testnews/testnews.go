// Package testnews loads news articles for the extract packages' tests,
// benchmarks and reports: the Wikinews sample named by -wikinews-dir, or an
// invented article. It is for tests only; nothing in the product imports it.
package testnews

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Dir points the benchmarks and the corpus reports at a directory of
// Wikinews articles (title, blank line, dateline, paragraphs), such as the
// one described in the project README. Without it the benchmarks run on a
// small built-in article and the reports are skipped.
var Dir = flag.String("wikinews-dir", "", "directory of Wikinews NNNNN.txt articles for benchmarks and TestWikinewsReport")

// Article is one article for benchmarks and reports.
type Article struct {
	Name      string
	Published time.Time
	Text      string
}

// Load reads dir/*.txt: a title line, a blank line, a dateline such
// as "Friday, January 4, 2019", then paragraphs separated by blank lines.
// Articles without a dateline take their date from dir/meta.jsonl.
func Load(tb testing.TB, dir string) []Article {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "[0-9]*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	dates := map[string]time.Time{}
	if b, err := os.ReadFile(filepath.Join(dir, "meta.jsonl")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			var m struct{ ID, Date string }
			if json.Unmarshal([]byte(line), &m) == nil {
				if d, err := time.Parse("2006-01-02", m.Date); err == nil {
					dates[m.ID+".txt"] = d
				}
			}
		}
	}
	var out []Article
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read article: %v", err)
		}
		name := filepath.Base(p)
		_, body, ok := strings.Cut(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n")
		if !ok {
			continue
		}
		pub := dates[name]
		if line, rest, ok := strings.Cut(body, "\n\n"); ok {
			if d, err := time.Parse("Monday, January 2, 2006", strings.TrimSpace(line)); err == nil {
				pub, body = d, rest
			}
		}
		out = append(out, Article{Name: name, Published: pub, Text: strings.TrimSpace(body)})
	}
	return out
}

// Builtin is an invented article, used when -wikinews-dir is unset.
const Builtin = `The regional water board said on Tuesday it would ration supplies from next week after the driest spring since 1976.

"We have never seen reservoirs this low in July," chief engineer Mara Lindqvist told reporters. "If it does not rain by the weekend, we will cut pressure overnight."

Lindqvist, a former hydrologist, said: "Households used 12% more water last month than in June 2018.

"We are asking everyone to take shorter showers."

Farmers' union leader Tom Becker called the plan "a blunt instrument" and said it would hurt growers. According to Becker, yields fell by a third last year.

The board will meet again on 22 July 2019 at 10am. Its chairman, Piet Aalders, declined to comment yesterday, but he said in March that "every drop counts".`

func Bench(tb testing.TB) []Article {
	if *Dir != "" {
		return Load(tb, *Dir)
	}
	return []Article{{Name: "builtin", Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC), Text: Builtin}}
}

// Texts reads the *.txt articles in dir: extract/testdata/tagger, the
// inputs of the tagger's golden test and of the benchmarks, seen from the
// package that asks.
func Texts(tb testing.TB, dir string) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	var texts []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}
