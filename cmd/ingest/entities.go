package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/bylinehq/byline/index"
)

func cmdEntities() *Command {
	c := &Command{
		Name:      "entities",
		UsageLine: "entities [--index DIR] [--type person|organization|place] [--top N] [--json]",
		Short:     "list the people, organisations and places in an index",
		Long: `Entities lists the canonical names found across an index with the number
of articles naming each, most first: who appears where. Names are counted
as the tagger canonicalised them ("Sir Kim" and "Darroch" count as
"Kim Darroch"). --type limits the list to one kind; --top bounds the names
per kind. With --json it prints JSON Lines: one "entity" object per name,
then one "summary".`,
		Flags: flag.NewFlagSet("entities", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	typ := c.Flags.String("type", "", "only this `kind`: person, organization or place")
	top := c.Flags.Int("top", 10, "at most `N` names per kind")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected arguments: %v", args)
		}
		if *top < 1 {
			return usagef("--top must be 1 or more")
		}
		switch *typ {
		case "", "person", "organization", "place":
		default:
			return usagef("--type must be person, organization or place, not %q", *typ)
		}
		ix, err := openExisting(env, *indexDir)
		if err != nil {
			return err
		}
		defer ix.Close()
		ents, err := ix.Entities(ctx, *typ, *top)
		if err != nil {
			return err
		}
		if env.JSON {
			for _, e := range ents {
				writeJSON(env.Stdout, entityJSON(e))
			}
			writeJSON(env.Stdout, map[string]any{"message_type": "summary", "returned": len(ents)})
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TYPE\tARTICLES\tNAME")
		for _, e := range ents {
			fmt.Fprintf(tw, "%s\t%d\t%s\n", e.Type, e.Articles, e.Name)
		}
		return tw.Flush()
	}
	return c
}

// entityJSON encodes e as one line of `ingest entities --json`, and one
// element of the entities of GET /api/entities (serve.go).
func entityJSON(e index.EntityCount) map[string]any {
	return map[string]any{"message_type": "entity", "type": e.Type, "name": e.Name, "articles": e.Articles}
}
