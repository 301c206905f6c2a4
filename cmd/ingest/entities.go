package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/api"
)

func cmdEntities() *Command {
	c := &Command{
		Name:      "entities",
		UsageLine: "entities [--index DIR] [--type person|organization|place|speaker] [--top N] [--json] [--timeout D] [QUERY]",
		Short:     "list who and what appear most, across an index or a query",
		Long: `Entities lists the canonical names found in the articles matching QUERY
(every article when there is none) with the number of articles naming
each, most first: who appears where. Names are counted as the tagger
canonicalised them ("Sir Kim" and "Darroch" count as "Kim Darroch").
--type limits the list to one kind; --top bounds the names per kind.

QUERY has the syntax and meaning of "ingest search QUERY". With --type
speaker, Entities counts quotes instead: the speakers of the quotes
matching QUERY as "ingest quotes QUERY" reads it (every clause required),
so the count is of quotes said, not articles; quotes nobody is named for
are left out.

  ingest entities --type organization 'published:>="2019-07-01" published:<"2019-08-01" leak'
      the organisations in articles about a leak published in July 2019
  ingest entities --type speaker leak
      the people most often quoted about a leak

With --json it prints JSON Lines: one "entity" object per name (with
"articles", or "quotes" for speakers), then one "summary". --top is at
most 1000; a search over its budget (--timeout, and the limits of
"ingest search") exits 5.`,
		Flags: flag.NewFlagSet("entities", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	typ := c.Flags.String("type", "", "only this `kind`: person, organization, place or speaker")
	top := c.Flags.Int("top", index.DefaultEntityTop, "at most `N` names per kind")
	timeout := timeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if *top < 1 || *top > index.MaxEntityTop {
			return usagef("--top must be 1 to %d", index.MaxEntityTop)
		}
		if *timeout < 0 {
			return usagef("--timeout must be 0 (no limit) or more")
		}
		if !api.KnownEntityType(*typ) {
			return usagef("--type must be person, organization, place or speaker, not %q", *typ)
		}
		query := strings.Join(args, " ")
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		sctx, cancel := withTimeout(ctx, *timeout)
		defer cancel()
		ents, err := ix.Entities(sctx, index.EntityRequest{Type: *typ, Top: *top, Query: query})
		if err != nil {
			return searchFailed(err, *timeout)
		}
		if env.JSON {
			for _, e := range ents {
				writeJSON(env.Stdout, api.NewEntity(e))
			}
			writeJSON(env.Stdout, map[string]any{"message_type": "summary", "returned": len(ents)})
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "TYPE\t%s\tNAME\n", countColumn(*typ))
		for _, e := range ents {
			fmt.Fprintf(tw, "%s\t%d\t%s\n", e.Type, e.Count(), e.Name)
		}
		return tw.Flush()
	}
	return c
}

// countColumn is the heading of the count column for --type typ.
func countColumn(typ string) string {
	if typ == index.SpeakerType {
		return "QUOTES"
	}
	return "ARTICLES"
}
