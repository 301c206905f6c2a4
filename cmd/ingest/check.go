package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/bylinehq/byline/index"
)

func cmdCheck() *Command {
	c := &Command{
		Name:      "check",
		UsageLine: "check [--index DIR] [--json]",
		Short:     "verify an index, and say what to do when it is bad",
		Long: `Check verifies an index without changing it: its files are a Bleve index's,
its newest snapshot loads, every segment file matches its checksum and every
stored document in it can be read, the mapping version is the one this
Byline writes, and it opens and counts its articles. It reads every segment
in full, so it takes about as long as reading the index from disk once.

A sound index prints one line on stdout: its path, articles, documents
(articles and their quote documents), segments and mapping version. With
--json: {"message_type":"summary","index","ok","articles","documents",
"segments","segment_bytes","mapping_version"}, and on a bad index
{"message_type":"summary","index","ok":false,"problem","message"}, where
problem is damaged, half-created, not-an-index, mapping-version, locked
or missing.

A bad index is reported with what to do:
  half-created   a run killed while an older Byline created it: it holds
                 nothing; delete it and run again
  damaged        a segment or root.bolt cannot be read: delete it and
                 ingest again (ingest reindex rebuilds it from the kept
                 pages, without the network)
  mapping-version  made by another version of Byline: delete it and
                 ingest again

Exit codes: 0 sound, 1 bad or missing, 2 usage.`,
		Flags: flag.NewFlagSet("check", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if len(args) > 0 {
			return usagef("check takes no arguments")
		}
		dir := *indexDir
		r, err := index.Check(dir, index.WithLogger(env.Log))
		if err != nil {
			err = withReindexHint(err, dir)
			if env.JSON {
				writeJSON(env.Stdout, map[string]any{
					"message_type": "summary", "index": dir, "ok": false, "problem": problem(err), "message": err.Error(),
				})
			}
			return err
		}
		if env.JSON {
			writeJSON(env.Stdout, struct {
				MessageType string `json:"message_type"`
				OK          bool   `json:"ok"`
				index.Report
			}{"summary", true, r})
			return nil
		}
		fmt.Fprintf(env.Stdout, "%s: sound: %d articles, %d documents in %d segments (%.1f MB), mapping version %s\n",
			dir, r.Articles, r.Documents, r.Segments, float64(r.SegmentBytes)/1e6, r.MappingVersion)
		return nil
	}
	return c
}

// problem names the kind of a Check error, for --json.
func problem(err error) string {
	for _, p := range []struct {
		err  error
		name string
	}{
		{index.ErrDamaged, "damaged"},
		{index.ErrHalfCreated, "half-created"},
		{index.ErrNotIndex, "not-an-index"},
		{index.ErrMappingVersion, "mapping-version"},
		{index.ErrLocked, "locked"},
		{fs.ErrNotExist, "missing"},
	} {
		if errors.Is(err, p.err) {
			return p.name
		}
	}
	return "error"
}

// withReindexHint adds to the error of a damaged index that its pages are
// kept, when they are, and how to rebuild it from them.
func withReindexHint(err error, dir string) error {
	if !errors.Is(err, index.ErrDamaged) && !errors.Is(err, index.ErrMappingVersion) {
		return err
	}
	store := storeDir("", dir)
	if _, serr := os.Stat(store); serr != nil {
		return err
	}
	return fmt.Errorf("%w; its web pages are kept in %s: after deleting it, \"ingest reindex --index %s\" rebuilds it without the network", err, store, dir)
}
