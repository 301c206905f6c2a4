package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

func cmdShow() *Command {
	c := &Command{
		Name:      "show",
		UsageLine: "show [--index DIR] [--json] ID",
		Short:     "print one article: its names, quotes and text",
		Long: `Show prints the article ID from an index: its title, source, date and URL,
the people, organisations and places named in it, its quotes with their
speakers in the order of the text, then the full text. IDs are the "id"
of "ingest search --json" and of the serve pages (/articles/ID).

With --json it prints one JSON object, "message_type": "article", the
body of serve's GET /api/articles/ID: {"message_type","id","title",
"source","url","published","person","organization","place","quotes",
"text"}.

An ID the index does not hold is an error (exit 1).`,
		Flags: flag.NewFlagSet("show", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		switch {
		case len(args) == 0:
			return usagef("no article ID")
		case len(args) > 1:
			return usagef("one article ID, not %d", len(args))
		}
		id := args[0]
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		a, err := ix.Article(ctx, id)
		if errors.Is(err, index.ErrNotFound) {
			return fmt.Errorf("%w: %q in %s (article IDs are the \"id\" of \"ingest search --json\")", index.ErrNotFound, id, *indexDir)
		}
		if err != nil {
			return err
		}
		if env.JSON {
			writeJSON(env.Stdout, api.NewArticle(a))
			return nil
		}
		printArticle(env, a)
		return nil
	}
	return c
}

// printArticle prints a as text: the metadata, the names, the quotes,
// then the text, a blank line between paragraphs.
func printArticle(env *Env, a *index.Article) {
	w := env.Stdout
	fmt.Fprintf(w, "%s\n%s · %s · id %s\n", api.OneLine(a.Title), a.Source, api.Date(a.Published), a.ID)
	if a.URL != "" && a.URL != a.Source {
		fmt.Fprintf(w, "url: %s\n", a.URL)
	}
	printNames(w, "", 0, a.Person, a.Organization, a.Place)
	fmt.Fprintf(w, "\nQuotes (%d)\n", len(a.Quotes))
	for i, q := range a.Quotes {
		who := q.Speaker
		if who == "" {
			who = "(speaker unknown)"
		}
		said := "“" + api.OneLine(q.Text) + "”"
		if q.Kind == "indirect" {
			said = "(reported) " + api.OneLine(q.Text)
		}
		fmt.Fprintf(w, "%d. %s: %s\n", i+1, who, said)
	}
	fmt.Fprintf(w, "\nText\n")
	for _, p := range api.Paragraphs(a.Text) {
		fmt.Fprintf(w, "\n%s\n", p)
	}
}
