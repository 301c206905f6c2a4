package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/bylinehq/byline/pipeline"
)

func cmdReindex() *Command {
	c := &Command{
		Name:      "reindex",
		UsageLine: "reindex [--index DIR] [--store DIR] [--workers N] [--tag-timeout D] [--json]",
		Short:     "rebuild an index from the stored pages, without the network",
		Long: `Reindex cleans and tags again every page kept in the page store by earlier
"ingest add" runs of URLs, feeds and sitemaps, and writes them to the index.
Nothing is fetched. Run it after upgrading Byline: pages whose cleaned text
and tagging version are unchanged are counted as unchanged and not written
again.

The store is --store, by default the index directory + ".pages".

Exit codes: 0 ok, 3 some pages failed, 1 fatal, 2 usage, 130 interrupted.`,
		Flags: flag.NewFlagSet("reindex", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	store := c.Flags.String("store", "", "page store `directory` (default: the index directory + \".pages\")")
	workers := c.Flags.Int("workers", 0, "clean and tag workers `N` (0: one per CPU)")
	quiet := c.Flags.Bool("quiet", false, "no progress line")
	dateOrder := dateOrderFlag(c.Flags)
	memLimit := memoryLimitFlag(c.Flags)
	tagTimeout := tagTimeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if _, err := setMemoryLimit(*memLimit, os.Getenv("GOMEMLIMIT")); err != nil {
			return err
		}
		if len(args) > 0 {
			return usagef("reindex takes no arguments")
		}
		if *workers < 0 {
			return usagef("--workers must be 0 or more")
		}
		dir := storeDir(*store, *indexDir)
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("no page store: %w", err)
		}
		opt := pipeline.Options{Workers: *workers, Logger: env.Log, Reindex: true, Store: pipeline.NewStore(dir), TagTimeout: tagTimeout()}
		return runAdd(ctx, env, nil, *indexDir, opt, !*quiet, *dateOrder)
	}
	return c
}
