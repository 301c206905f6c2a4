package extract_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/bylinehq/byline/extract"
)

func ExampleTagger_Tag() {
	tagger, err := extract.New() // load once, share across goroutines
	if err != nil {
		log.Fatal(err)
	}
	text := "Chief Inspector Alan Whitcombe of the Metropolitan Police spoke in London.\n\n" +
		"Mr Whitcombe said the inquiry would take months."
	res, err := tagger.Tag(context.Background(), text, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range res.Entities {
		fmt.Printf("%s %q -> %s\n", e.Type, text[e.Start:e.End], e.Canonical)
	}
	fmt.Println(res.People)
	// Output:
	// PERSON "Alan Whitcombe" -> Alan Whitcombe
	// ORGANIZATION "Metropolitan Police" -> Metropolitan Police
	// PLACE "London" -> London
	// PERSON "Mr Whitcombe" -> Alan Whitcombe
	// [{Alan Whitcombe 2}]
}
