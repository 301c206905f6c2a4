package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

func cmdSearch() *Command {
	c := &Command{
		Name:      "search",
		UsageLine: "search [--index DIR] [--json] [--limit N] [--offset N] [--timeout D] QUERY",
		Short:     "search an index",
		Long: `Search runs a query over an index and prints ranked hits: title, source,
date and a highlighted fragment. With --json it prints JSON Lines: one
"hit" object per hit, then one "summary".

QUERY uses Bleve's query-string syntax over the fields title, text, person,
organization, place, speaker, quote and published (a date):

  leak                               a word anywhere
  "criminal investigation"           a phrase
  person:"Neil Basu"                 articles naming a person
  +organization:bbc -place:russia    must / must not
  published:>="2019-07-01" published:<"2019-08-01"
                                     a date range
  *                                  every article, unscored, in index order

The syntax has no parentheses: a query with one outside a phrase is a
usage error (write \( to search for the character).

A search has a budget: --timeout, at most 1024 index terms read (each
word a wildcard, prefix, regular expression or fuzzy term matches counts,
in each field searched) and at most 4 such clauses. Over it, search
exits 5 and says what was exceeded.`,
		Flags: flag.NewFlagSet("search", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	limit := c.Flags.Int("limit", 10, "show at most `N` hits")
	offset := c.Flags.Int("offset", 0, "skip the first `N` hits")
	timeout := timeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if len(args) == 0 {
			return usagef("no query")
		}
		if *limit < 1 || *offset < 0 {
			return usagef("--limit must be 1 or more and --offset 0 or more")
		}
		if *timeout < 0 {
			return usagef("--timeout must be 0 (no limit) or more")
		}
		query := strings.Join(args, " ")
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		sctx, cancel := withTimeout(ctx, *timeout)
		defer cancel()
		res, err := ix.Search(sctx, index.Request{Query: query, Limit: *limit, Offset: *offset})
		if err != nil {
			return searchFailed(err, *timeout)
		}
		if env.JSON {
			for i, h := range res.Hits {
				writeJSON(env.Stdout, api.NewHit(*offset+i+1, h))
			}
			writeJSON(env.Stdout, map[string]any{
				"message_type": "summary", "query": query, "total": res.Total,
				"returned": len(res.Hits), "took_ms": api.TookMS(res.Took),
			})
			return nil
		}
		printHits(env, query, *offset, res)
		return nil
	}
	return c
}

func printHits(env *Env, query string, offset int, res *index.Results) {
	w := env.Stdout
	noun := "hits"
	if res.Total == 1 {
		noun = "hit"
	}
	fmt.Fprintf(w, "%d %s for %s (%s)\n", res.Total, noun, query, res.Took.Round(10*time.Microsecond))
	for i, h := range res.Hits {
		date := api.Date(h.Published)
		fmt.Fprintf(w, "\n%d. %s\n   %s · %s · score %.3f · id %s\n", offset+i+1, h.Title, h.Source, date, h.Score, h.ID)
		printNames(w, "   ", 6, h.Person, h.Organization, h.Place)
		for _, field := range api.FragmentOrder(h.Fragments) {
			for _, f := range h.Fragments[field] {
				fmt.Fprintf(w, "   %s: %s\n", field, api.OneLine(f))
			}
		}
	}
	if shown := offset + len(res.Hits); uint64(shown) < res.Total {
		fmt.Fprintf(w, "\n%d more; use --offset %d\n", res.Total-uint64(shown), shown)
	}
}

// listNames joins the first max names, saying how many more there are.
// Names come most mentioned first.
// printNames prints the people, organisations and places that are
// present, a line each after indent, at most max names a line (all when
// max is 0).
func printNames(w io.Writer, indent string, max int, person, org, place []string) {
	for _, l := range []struct {
		label string
		names []string
	}{{"people", person}, {"organisations", org}, {"places", place}} {
		if len(l.names) > 0 {
			fmt.Fprintf(w, "%s%s: %s\n", indent, l.label, listNames(l.names, max))
		}
	}
}

// listNames joins names, at most max of them (all when max is 0) and a
// count of the rest.
func listNames(names []string, max int) string {
	if max == 0 {
		max = len(names)
	}
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

// defaultTimeout is the --timeout of search, quotes and entities.
const defaultTimeout = 30 * time.Second

// timeoutFlag defines --timeout in fs, the time budget of a search.
func timeoutFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("timeout", defaultTimeout, "give up a search not done in `D` (0: no limit) and exit 5")
}

// withTimeout returns ctx with a deadline d from now, or without one
// when d is 0.
func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// searchFailed is the error of a command whose search failed with err
// under --timeout timeout: a usage error for a malformed query, and for
// one over its time budget the error with what to do (exitCode maps
// index.ErrOverBudget to exitOverBudget).
func searchFailed(err error, timeout time.Duration) error {
	switch {
	case errors.Is(err, index.ErrBadQuery):
		return usagef("%v", err)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w; --timeout is %v: narrow the query or raise --timeout", err, timeout)
	}
	return err
}

// openExisting opens the index at dir for reading. Unlike "ingest add" it
// does not create one: a search of a mistyped path says so.
func openExisting(env *Env, dir string) (*index.Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("no index at %s (run \"ingest add\" first, or pass --index): %w", dir, err)
	}
	return index.Open(dir, index.WithLogger(env.Log))
}
