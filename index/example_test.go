package index_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/bylinehq/byline/index"
)

func ExampleNewMemOnly() {
	ctx := context.Background()
	ix, err := index.NewMemOnly()
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()

	w := ix.NewWriter()
	for _, d := range []index.Doc{{
		ID:        "example-1",
		Title:     "Harbour wall to be rebuilt",
		Published: time.Date(2021, 3, 2, 10, 0, 0, 0, time.UTC),
		Text:      "The council will rebuild the harbour wall, its leader Mary Jones said.",
		Person:    []string{"Mary Jones"},
		Hash:      "1",
	}, {
		ID:        "example-2",
		Title:     "Ferry timetable changes",
		Published: time.Date(2021, 4, 9, 8, 0, 0, 0, time.UTC),
		Text:      "Ferries will sail hourly from May.",
		Hash:      "2",
	}} {
		status, err := w.Write(ctx, d)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d.ID, status)
	}
	if err := w.Close(); err != nil { // flushes
		log.Fatal(err)
	}

	res, err := ix.Search(ctx, index.Request{Query: `person:"mary jones" published:<"2021-04-01"`})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Title, h.Published.Format(time.DateOnly))
	}

	res, err = ix.Search(ctx, index.Request{Query: "rebuilding"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Hits[0].Fragments["text"][0])
	// Output:
	// example-1 added
	// example-2 added
	// example-1 Harbour wall to be rebuilt 2021-03-02
	// The council will «rebuild» the harbour wall, its leader Mary Jones said.
}
