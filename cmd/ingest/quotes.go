package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/bylinehq/byline/index"
)

func cmdQuotes() *Command {
	c := &Command{
		Name:      "quotes",
		UsageLine: "quotes [--index DIR] [--speaker NAME] [--json] [--limit N] [QUERY]",
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
"summary".`,
		Flags: flag.NewFlagSet("quotes", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	speaker := c.Flags.String("speaker", "", "only quotes by `NAME`")
	limit := c.Flags.Int("limit", 20, "show at most `N` quotes")
	offset := c.Flags.Int("offset", 0, "skip the first `N` quotes")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		query := strings.Join(args, " ")
		if strings.TrimSpace(query) == "" && strings.TrimSpace(*speaker) == "" {
			return usagef("give a QUERY, --speaker NAME or both")
		}
		if *limit < 1 || *offset < 0 {
			return usagef("--limit must be 1 or more and --offset 0 or more")
		}
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		res, err := ix.SearchQuotes(ctx, index.QuoteRequest{Query: query, Speaker: *speaker, Limit: *limit, Offset: *offset})
		if errors.Is(err, index.ErrBadQuery) {
			return usagef("%v", err)
		}
		if err != nil {
			return err
		}
		if env.JSON {
			for i, h := range res.Hits {
				writeJSON(env.Stdout, newJSONQuote(*offset+i+1, h))
			}
			writeJSON(env.Stdout, map[string]any{
				"message_type": "summary", "query": query, "speaker": *speaker, "total": res.Total,
				"returned": len(res.Hits), "took_ms": tookMS(res.Took),
			})
			return nil
		}
		printQuotes(env, *offset, res)
		return nil
	}
	return c
}

// jsonQuote is one line of `ingest quotes --json`, and one element of the
// quotes of GET /api/quotes and GET /api/articles/{id} (serve.go).
type jsonQuote struct {
	MessageType string  `json:"message_type"`
	Rank        int     `json:"rank"`
	ID          string  `json:"id"`
	Article     string  `json:"article"`
	Score       float64 `json:"score"`
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	Kind        string  `json:"kind"`
	Title       string  `json:"title"`
	Source      string  `json:"source"`
	URL         string  `json:"url,omitempty"`
	Published   *string `json:"published"`
}

// newJSONQuote encodes h, the quote at 1-based rank.
func newJSONQuote(rank int, h index.QuoteHit) jsonQuote {
	return jsonQuote{
		MessageType: "quote", Rank: rank, ID: h.ID, Article: h.ArticleID, Score: h.Score,
		Text: h.Text, Speaker: orNil(h.Speaker), Kind: h.Kind,
		Title: h.Title, Source: h.Source, URL: h.URL, Published: publishedString(h.Published),
	}
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func printQuotes(env *Env, offset int, res *index.QuoteResults) {
	w := env.Stdout
	fmt.Fprintf(w, "%d quotes (%s)\n", res.Total, res.Took.Round(10*time.Microsecond))
	for i, h := range res.Hits {
		who := h.Speaker
		if who == "" {
			who = "(speaker unknown)"
		}
		date := "date unknown"
		if p := publishedString(h.Published); p != nil {
			date = *p
		}
		said := "“" + oneLine(h.Text) + "”"
		if h.Kind == "indirect" {
			// Reported speech: the reporter's words, not the speaker's.
			said = "(reported) " + oneLine(h.Text)
		}
		fmt.Fprintf(w, "\n%d. %s: %s\n   %s · %s · %s\n", offset+i+1, who, said, h.Title, date, h.Source)
	}
	if shown := offset + len(res.Hits); uint64(shown) < res.Total {
		fmt.Fprintf(w, "\n%d more; use --offset %d\n", res.Total-uint64(shown), shown)
	}
}
