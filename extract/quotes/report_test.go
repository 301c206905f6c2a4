package quotes

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/bylinehq/byline/extract/internal/testnews"
	"github.com/bylinehq/byline/extract/names"
)

var reportSlice = flag.Int("report-slice", 0, "TestWikinewsReport prints the quotes of every fifth article from this one (0-4)")

// proseEntities tags text with prose's default model, a stand-in for the
// Tagger in TestWikinewsReport: mentions are located by searching forward
// in text, and a one-word PERSON resolves to an earlier full name ending
// in that word.
func proseEntities(tb testing.TB, model **prose.Model, text string) []names.Entity {
	opts := []prose.DocOpt{prose.WithSegmentation(false)}
	if *model != nil {
		opts = append(opts, prose.UsingModel(*model))
	}
	doc, err := prose.NewDocument(text, opts...)
	if err != nil {
		tb.Fatalf("prose: %v", err)
	}
	*model = doc.Model
	types := map[string]string{"PERSON": names.Person, "GPE": names.Place, "LOCATION": names.Place, "ORGANIZATION": names.Organization, "FACILITY": names.Organization}
	full := map[string]string{}
	var out []names.Entity
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
		if typ == names.Person {
			words := strings.Fields(name)
			if len(words) > 1 {
				full[words[len(words)-1]] = name
			} else if f, ok := full[name]; ok {
				name = f
			}
		}
		out = append(out, names.Entity{Type: typ, Text: e.Text, Start: s, End: at, Canonical: name})
	}
	return out
}

// TestWikinewsReport runs Find over the articles in -wikinews-dir, with
// prose's entities standing in for the Tagger's, and logs counts and
// samples for checking by eye:
//
//	go test ./extract/quotes -run WikinewsReport -v -wikinews-dir /path/to/wikinews
func TestWikinewsReport(t *testing.T) {
	if *testnews.Dir == "" {
		t.Skip("set -wikinews-dir to run the corpus report")
	}
	arts := testnews.Load(t, *testnews.Dir)
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
		for _, q := range Find(a.Text, ents) {
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
