package index_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/bylinehq/byline/index"
)

func ExampleIndex_Article() {
	ctx := context.Background()
	ix, err := index.NewMemOnly()
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	if _, err := w.Write(ctx, index.Doc{
		ID:     "example-1",
		Title:  "Harbour wall to be rebuilt",
		Text:   "The council will rebuild the harbour wall.\n\n\"It is long overdue,\" Mary Jones said.",
		Person: []string{"Mary Jones"},
		Quotes: []index.Quote{{Text: "It is long overdue,", Speaker: "Mary Jones", Kind: "direct"}},
	}); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	a, err := ix.Article(ctx, "example-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Text)
	for _, q := range a.Quotes {
		fmt.Printf("%s: %q\n", q.Speaker, q.Text)
	}

	_, err = ix.Article(ctx, "example-2")
	fmt.Println(errors.Is(err, index.ErrNotFound))
	// Output:
	// Harbour wall to be rebuilt
	// The council will rebuild the harbour wall.
	//
	// "It is long overdue," Mary Jones said.
	// Mary Jones: "It is long overdue,"
	// true
}
