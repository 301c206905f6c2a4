package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

func cmdQuotes() *Command {
	c := &Command{
		Name:      "quotes",
		UsageLine: "quotes [--index DIR] [--speaker NAME] [--json] [--limit N] [--timeout D] [QUERY]",
		Short:     "list who said what",
		Long: `Quotes lists the quotations in an index: each with its speaker, its
article's title and date, best match first. Every quote is indexed on its
own, so a speaker and a word must meet in the same quote.

--speaker NAME keeps the quotes attributed to that person or organisation
(a phrase over the canonical name: "Neil Basu", or just "Basu"). QUERY uses
the syntax of "ingest search" over the quote's words (the default field),
speaker, title and published; unlike search, every clause without + or - is
required:

  ingest quotes --speaker "Neil Basu" leak
  ingest quotes 'speaker:"Neil Basu" leak'
  ingest quotes --speaker Trump 'published:>="2019-07-01"'

With --json it prints JSON Lines: one "quote" object per hit, then one
"summary". A search over its budget (--timeout, and the limits of
"ingest search") exits 5.`,
		Flags: flag.NewFlagSet("quotes", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	speaker := c.Flags.String("speaker", "", "only quotes by `NAME`")
	limit := c.Flags.Int("limit", 20, "show at most `N` quotes")
	offset := c.Flags.Int("offset", 0, "skip the first `N` quotes")
	timeout := timeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		query := strings.Join(args, " ")
		if strings.TrimSpace(query) == "" && strings.TrimSpace(*speaker) == "" {
			return usagef("give a QUERY, --speaker NAME or both")
		}
		if *limit < 1 || *offset < 0 {
			return usagef("--limit must be 1 or more and --offset 0 or more")
		}
		if *timeout < 0 {
			return usagef("--timeout must be 0 (no limit) or more")
		}
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		sctx, cancel := withTimeout(ctx, *timeout)
		defer cancel()
		res, err := ix.SearchQuotes(sctx, index.QuoteRequest{Query: query, Speaker: *speaker, Limit: *limit, Offset: *offset})
		if err != nil {
			return searchFailed(err, *timeout)
		}
		if env.JSON {
			for i, h := range res.Hits {
				writeJSON(env.Stdout, api.NewQuote(*offset+i+1, h))
			}
			writeJSON(env.Stdout, map[string]any{
				"message_type": "summary", "query": query, "speaker": *speaker, "total": res.Total,
				"returned": len(res.Hits), "took_ms": api.TookMS(res.Took),
			})
			return nil
		}
		printQuotes(env, *offset, res)
		return nil
	}
	return c
}

func printQuotes(env *Env, offset int, res *index.QuoteResults) {
	w := env.Stdout
	fmt.Fprintf(w, "%d quotes (%s)\n", res.Total, res.Took.Round(10*time.Microsecond))
	for i, h := range res.Hits {
		who := h.Speaker
		if who == "" {
			who = "(speaker unknown)"
		}
		date := api.Date(h.Published)
		said := "“" + api.OneLine(h.Text) + "”"
		if h.Kind == "indirect" {
			// Reported speech: the reporter's words, not the speaker's.
			said = "(reported) " + api.OneLine(h.Text)
		}
		fmt.Fprintf(w, "\n%d. %s: %s\n   %s · %s · %s\n", offset+i+1, who, said, h.Title, date, h.Source)
	}
	if shown := offset + len(res.Hits); uint64(shown) < res.Total {
		fmt.Fprintf(w, "\n%d more; use --offset %d\n", res.Total-uint64(shown), shown)
	}
}
