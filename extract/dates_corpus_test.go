package extract

import (
	"encoding/json"
	"fmt"
	"strconv"

	"flag"
	"github.com/jdkato/prose/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wikinewsDir points the benchmarks and TestWikinewsReport at a directory
// of Wikinews articles (title, blank line, dateline, paragraphs), such as
// the one described in the project README. Without it the benchmarks run
// on a small built-in article and the report is skipped.
var reportSlice = flag.Int("report-slice", 0, "TestWikinewsReport prints the quotes of every fifth article from this one (0-4)")

var wikinewsDir = flag.String("wikinews-dir", "", "directory of Wikinews NNNNN.txt articles for benchmarks and TestWikinewsReport")

// corpusArticle is one article for benchmarks and reports.
type corpusArticle struct {
	Name      string
	Published time.Time
	Text      string
}

// loadWikinews reads dir/*.txt: a title line, a blank line, a dateline such
// as "Friday, January 4, 2019", then paragraphs separated by blank lines.
// Articles without a dateline take their date from dir/meta.jsonl.
func loadWikinews(tb testing.TB, dir string) []corpusArticle {
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
	var out []corpusArticle
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
		out = append(out, corpusArticle{Name: name, Published: pub, Text: strings.TrimSpace(body)})
	}
	return out
}

// builtinArticle is an invented article, used when -wikinews-dir is unset.
const builtinArticle = `The regional water board said on Tuesday it would ration supplies from next week after the driest spring since 1976.

"We have never seen reservoirs this low in July," chief engineer Mara Lindqvist told reporters. "If it does not rain by the weekend, we will cut pressure overnight."

Lindqvist, a former hydrologist, said: "Households used 12% more water last month than in June 2018.

"We are asking everyone to take shorter showers."

Farmers' union leader Tom Becker called the plan "a blunt instrument" and said it would hurt growers. According to Becker, yields fell by a third last year.

The board will meet again on 22 July 2019 at 10am. Its chairman, Piet Aalders, declined to comment yesterday, but he said in March that "every drop counts".`

func benchArticles(tb testing.TB) []corpusArticle {
	if *wikinewsDir != "" {
		return loadWikinews(tb, *wikinewsDir)
	}
	return []corpusArticle{{Name: "builtin", Published: time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC), Text: builtinArticle}}
}

// proseEntities tags text with prose's default model, a stand-in for the
// Tagger in TestWikinewsReport: mentions are located by searching forward
// in text, and a one-word PERSON resolves to an earlier full name ending
// in that word.
func proseEntities(tb testing.TB, model **prose.Model, text string) []Entity {
	opts := []prose.DocOpt{prose.WithSegmentation(false)}
	if *model != nil {
		opts = append(opts, prose.UsingModel(*model))
	}
	doc, err := prose.NewDocument(text, opts...)
	if err != nil {
		tb.Fatalf("prose: %v", err)
	}
	*model = doc.Model
	types := map[string]string{"PERSON": Person, "GPE": Place, "LOCATION": Place, "ORGANIZATION": Organization, "FACILITY": Organization}
	full := map[string]string{}
	var out []Entity
	at := 0
	for _, e := range doc.Entities() {
		i := strings.Index(text[at:], e.Text)
		typ, ok := types[e.Label]
		if i < 0 || !ok {
			continue
		}
		s := at + i
		at = s + len(e.Text)
		name := e.Text
		for _, t := range []string{"Mr ", "Mrs ", "Ms ", "Dr ", "Sir ", "President "} {
			name = strings.TrimPrefix(name, t)
		}
		if typ == Person {
			words := strings.Fields(name)
			if len(words) > 1 {
				full[words[len(words)-1]] = name
			} else if f, ok := full[name]; ok {
				name = f
			}
		}
		out = append(out, Entity{Type: typ, Text: e.Text, Start: s, End: at, Canonical: name})
	}
	return out
}

// TestWikinewsReport runs FindDates and FindQuotes over the articles in
// -wikinews-dir and logs counts and samples for checking by eye:
//
//	go test ./extract -run WikinewsReport -v -wikinews-dir /path/to/wikinews
func TestWikinewsReport(t *testing.T) {
	if *wikinewsDir == "" {
		t.Skip("set -wikinews-dir to run the corpus report")
	}
	arts := loadWikinews(t, *wikinewsDir)
	var all []string
	gran := map[string]int{}
	nilValues := 0
	for _, a := range arts {
		for _, d := range FindDates(a.Text, a.Published) {
			if d.Granularity == nil {
				nilValues++
				gran["nil"]++
			} else {
				gran[*d.Granularity]++
			}
			v := "nil"
			if d.Value != nil {
				v = *d.Value
			}
			ctx := strings.ReplaceAll(a.Text[max(0, d.Start-40):min(len(a.Text), d.End+25)], "\n", " ")
			all = append(all, fmt.Sprintf("%s pub=%s %q -> %s  …%s…", a.Name, a.Published.Format("Mon 2006-01-02"), d.Text, v, ctx))
		}
	}
	t.Logf("dates: %d in %d articles; by granularity %v; nil values %d", len(all), len(arts), gran, nilValues)
	for i := 0; i < 20 && len(all) > 0; i++ {
		t.Logf("date sample %2d: %s", i+1, all[(i*len(all)/20+7)%len(all)])
	}

	var model *prose.Model
	quotes, direct, attributed, withMarks := 0, 0, 0, 0
	var samples []string
	for i, a := range arts {
		if !strings.ContainsAny(a.Text, "\"“‘") {
			continue
		}
		withMarks++
		if withMarks > 40 {
			break
		}
		ents := proseEntities(t, &model, a.Text)
		for _, q := range FindQuotes(a.Text, ents) {
			quotes++
			if q.Kind == Direct {
				direct++
			}
			sp := "nil"
			if q.Speaker != nil {
				attributed++
				sp = *q.Speaker + " via " + strconv.Quote(a.Text[*q.SpeakerStart:*q.SpeakerEnd])
			}
			if i%5 == *reportSlice {
				samples = append(samples, fmt.Sprintf("%s %s %.70q -> %s", a.Name, q.Kind, q.Text, sp))
			}
		}
	}
	t.Logf("quotes: %d in %d articles with marks (%d direct), %d with a speaker", quotes, withMarks, direct, attributed)
	for _, s := range samples {
		t.Log("quote:", s)
	}
}
