package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/pipeline"
)

func cmdAdd() *Command {
	c := &Command{
		Name:      "add",
		UsageLine: "add [--index DIR] [--workers N] [--published DATE] [--json] INPUT...",
		Short:     "ingest articles into an index",
		Long: `Add reads articles, cleans them, finds people, organisations, places, quotes
and dates, and writes them to a Bleve index (created on first use).

INPUT is a file (.txt, .html, .htm, .jsonl), a directory (read recursively;
hidden files and other extensions are skipped), or - for standard input
(JSON Lines, a list of paths, or one pasted article). With no INPUT,
standard input is read.

An article that cannot be read, cleaned or tagged is reported on stderr
(source, stage, reason) and counted; the rest go on. Articles already in the
index with the same content are counted as unchanged and not written again,
so an interrupted run can simply be run again.

Exit codes: 0 ok, 3 some articles failed, 1 fatal, 2 usage, 130 interrupted.`,
		Flags: flag.NewFlagSet("add", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	workers := c.Flags.Int("workers", 0, "clean and tag workers `N` (0: one per CPU)")
	published := c.Flags.String("published", "", "publication `date` (YYYY-MM-DD) for articles that state none")
	quiet := c.Flags.Bool("quiet", false, "no progress line")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		pub, err := parseDateFlag(*published)
		if err != nil {
			return err
		}
		if *workers < 0 {
			return usagef("--workers must be 0 or more")
		}
		return runAdd(ctx, env, args, *indexDir, pipeline.Options{Workers: *workers, Published: pub, Stdin: env.Stdin, Logger: env.Log}, !*quiet)
	}
	return c
}

func parseDateFlag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := pipeline.ParsePublished(s)
	if err != nil {
		return time.Time{}, usagef("%v", err)
	}
	return t, nil
}

func runAdd(ctx context.Context, env *Env, inputs []string, dir string, opt pipeline.Options, progress bool) (err error) {
	tagger, err := extract.New(extract.WithLogger(env.Log))
	if err != nil {
		return err
	}
	ix, err := index.Open(dir, index.WithLogger(env.Log))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := ix.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close index %s: %w", dir, cerr)
		}
	}()
	w := ix.NewWriter()

	stats := new(pipeline.Stats)
	opt.Stats = stats
	start := time.Now()
	var stopProgress func()
	if progress {
		stopProgress = startProgress(env.Stderr, stats, start)
	}
	var failures []*pipeline.ItemError
	onFail := func(e *pipeline.ItemError) {
		failures = append(failures, e)
		if env.JSON {
			writeJSON(env.Stdout, map[string]any{
				"message_type": "error", "source": e.Source, "stage": e.Stage, "error": e.Err.Error(),
			})
		}
	}
	runErr := pipeline.Ingest(ctx, inputs, tagger, w, ix, opt, onFail)
	// Flush what was batched even when the run was interrupted, so that a
	// re-run only has the rest to do.
	closeErr := w.Close()
	if stopProgress != nil {
		stopProgress()
	}
	for _, f := range failures {
		fmt.Fprintf(env.Stderr, "failed: %s\n", f)
	}
	if len(failures) > 5 {
		printFailureCounts(env.Stderr, failures)
	}
	total, _ := ix.Count()
	s := summary{
		Read: stats.Read.Load(), Indexed: stats.Indexed.Load(), Unchanged: stats.Unchanged.Load(),
		Failed: stats.Failed.Load(), Skipped: stats.Skipped.Load(), IndexTotal: total, Index: dir,
		Seconds: time.Since(start).Seconds(), Interrupted: ctx.Err() != nil,
	}
	s.print(env)
	switch {
	case runErr != nil:
		return runErr
	case closeErr != nil:
		return fmt.Errorf("flush index %s: %w", dir, closeErr)
	case s.Failed > 0:
		return errPartial
	}
	return nil
}

type summary struct {
	MessageType string  `json:"message_type"`
	Read        int64   `json:"read"`
	Indexed     int64   `json:"indexed"`
	Unchanged   int64   `json:"unchanged"`
	Failed      int64   `json:"failed"`
	Skipped     int64   `json:"skipped"`
	IndexTotal  uint64  `json:"index_total"`
	Index       string  `json:"index"`
	Seconds     float64 `json:"seconds"`
	Interrupted bool    `json:"interrupted"`
}

func (s summary) print(env *Env) {
	if env.JSON {
		s.MessageType = "summary"
		writeJSON(env.Stdout, s)
		return
	}
	fmt.Fprintf(env.Stderr, "read %d, indexed %d, unchanged %d, failed %d", s.Read, s.Indexed, s.Unchanged, s.Failed)
	if s.Skipped > 0 {
		fmt.Fprintf(env.Stderr, ", skipped %d other files", s.Skipped)
	}
	fmt.Fprintf(env.Stderr, " in %.1fs; %s holds %d articles\n", s.Seconds, s.Index, s.IndexTotal)
	if s.Interrupted {
		fmt.Fprintf(env.Stderr, "interrupted: what was indexed is saved; run the same command again to finish\n")
	}
}

func writeJSON(w io.Writer, v any) {
	if err := json.NewEncoder(w).Encode(v); err != nil && !errors.Is(err, os.ErrClosed) {
		fmt.Fprintf(os.Stderr, "ingest: write: %v\n", err)
	}
}

func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printFailureCounts sums failures up by stage and reason, most common
// first, so a long list's pattern ("400 × no text") is seen at a glance.
func printFailureCounts(w io.Writer, failures []*pipeline.ItemError) {
	counts := map[string]int{}
	for _, f := range failures {
		counts[f.Stage+": "+f.Err.Error()]++
	}
	reasons := slices.Collect(maps.Keys(counts))
	slices.SortFunc(reasons, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	fmt.Fprintf(w, "failures by reason:\n")
	for _, r := range reasons {
		fmt.Fprintf(w, "%6d  %s\n", counts[r], r)
	}
}
