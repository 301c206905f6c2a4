package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/bylinehq/byline/pipeline"
)

func cmdExtract() *Command {
	c := &Command{
		Name:      "extract",
		UsageLine: "extract [--published DATE] [--default-published DATE] [--meta FILE] [--workers N] [--tag-timeout D] INPUT...",
		Short:     "print what Byline finds in articles, as JSON Lines",
		Long: `Extract cleans and tags articles without an index and prints one JSON object
per article on stdout, in input order: the stable contract for scripts and
for measuring quality (see the README for the schema). Offsets are byte
offsets into the object's "text"; unknown values are null.

--published DATE makes DATE the publication date of every article, overriding
what they state, and relative dates ("on Wednesday") resolve against it;
--default-published DATE gives it only to articles that state no date.
--meta FILE gives metadata to articles read from files, as for "ingest add".

INPUT is as for "ingest add". Articles that fail are reported on stderr and
make the exit code 3; the others are still printed. An article whose
tagging takes longer than --tag-timeout (10s; 0 for none) fails.`,
		Flags: flag.NewFlagSet("extract", flag.ContinueOnError),
	}
	workers := c.Flags.Int("workers", 0, "clean and tag workers `N` (0: one per CPU)")
	published := c.Flags.String("published", "", "publication `date` (YYYY-MM-DD) of every article, overriding what they state; relative dates resolve against it")
	defaultPublished := c.Flags.String("default-published", "", "publication `date` (YYYY-MM-DD) for articles that state none")
	dateOrder := dateOrderFlag(c.Flags)
	metaFiles := metaFlag(c.Flags)
	tagTimeout := tagTimeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		meta, err := loadMeta(*metaFiles)
		if err != nil {
			return err
		}
		pub, err := parseDateFlag(*published)
		if err != nil {
			return err
		}
		defPub, err := parseDateFlag(*defaultPublished)
		if err != nil {
			return err
		}
		tagger, err := newTagger(env, *dateOrder)
		if err != nil {
			return err
		}
		out := bufio.NewWriter(env.Stdout)
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		failed := 0
		err = pipeline.Extract(ctx, args, tagger, pipeline.Options{
			Workers: *workers, Published: pub, DefaultPublished: defPub, Stdin: env.Stdin, Logger: env.Log, Meta: meta,
			TagTimeout: tagTimeout(),
			OnSkip:     func(path string, reason error) { fmt.Fprintf(env.Stderr, "skipped: %s: %v\n", path, reason) },
		},
			func(it *pipeline.Item) error {
				if it.Err != nil {
					failed++
					fmt.Fprintf(env.Stderr, "failed: %v\n", it.Err)
					return nil
				}
				if err := enc.Encode(it.Record()); err != nil {
					return err
				}
				// One article a line, as soon as it is ready, for pipes.
				return out.Flush()
			})
		if ferr := out.Flush(); err == nil {
			err = ferr
		}
		if err == nil && failed > 0 {
			return errPartial
		}
		return err
	}
	return c
}
