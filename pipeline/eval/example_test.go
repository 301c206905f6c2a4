package eval_test

import (
	"fmt"
	"strings"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
	"github.com/bylinehq/byline/pipeline/eval"
)

func ExampleScore() {
	gold, err := eval.LoadGold(strings.NewReader(`{
	  "description": "example",
	  "documents": [{
	    "file": "leak.txt",
	    "people": [{"name": "Neil Basu", "aliases": [], "mentions": ["Mr Basu"]}],
	    "quotes": [{"text": "No comment.", "speaker": "Neil Basu", "kind": "direct"}]
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	text := `Mr Basu said: "No comment."`
	speaker := "Basu"
	rec := pipeline.Record{
		Source: "corpus/leak.txt",
		Text:   text,
		Result: extract.Result{
			Entities: []extract.Entity{{Type: extract.Person, Text: "Basu", Start: 3, End: 7, Canonical: "Basu"}},
			People:   []extract.Name{{Name: "Basu", Mentions: 1}},
			Quotes:   []extract.Quote{{Text: "No comment.", Start: 15, End: 26, Speaker: &speaker, Kind: extract.Direct}},
		},
	}
	r := eval.Score(gold, []pipeline.Record{rec})
	for _, m := range []string{"people.f1", "people_mentions.f1", "quotes.f1", "speakers.accuracy", "dates.f1"} {
		v, ok, _ := r.Metric(m)
		if !ok {
			fmt.Printf("%s n/a\n", m)
			continue
		}
		fmt.Printf("%s %.2f\n", m, v)
	}
	failures, skipped, _ := r.Check(map[string]float64{"quotes.f1": 0.9, "dates.f1": 0.5})
	fmt.Println("failures:", len(failures), "skipped:", skipped)
	// Output:
	// people.f1 1.00
	// people_mentions.f1 1.00
	// quotes.f1 1.00
	// speakers.accuracy 1.00
	// dates.f1 n/a
	// failures: 0 skipped: [dates.f1]
}
