package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bylinehq/byline/pipeline"
	"github.com/bylinehq/byline/pipeline/eval"
)

// minFlags collects repeated --min METRIC=VALUE flags.
type minFlags map[string]float64

func (m minFlags) String() string { return fmt.Sprint(map[string]float64(m)) }

func (m minFlags) Set(s string) error {
	name, v, err := eval.ParseThreshold(s)
	if err != nil {
		return err
	}
	m[name] = v
	return nil
}

func cmdEval() *Command {
	c := &Command{
		Name:      "eval",
		UsageLine: "eval [--gold PATH] [--json] [--min METRIC=VALUE ...] [--draft] [CORPUS]",
		Short:     "score extraction against gold annotations",
		Long: `Eval runs the same clean and tag path as "ingest add" on the articles of
CORPUS (a directory, .jsonl file or files) and compares the output with gold
annotations: people, organisations and places at document and mention level,
quotes and their speakers and kinds, dates and their values, titles and
publication dates. It prints precision, recall and F1 per metric, overall and
per document, then every missed and spurious item with its context, so a
person can fix either the gold or the code.

The gold is CORPUS/gold.json unless --gold names another file (format:
corpus/README.md). A CoNLL-2003 file (-DOCSTART-, one token a line with IOB
tags) is also accepted as --gold; then no CORPUS is needed and only
mention-level names are scored.

PolNeAR (attribution in US political news): when --gold is a PolNeAR
*.gold.jsonl, CORPUS is its *.input.jsonl; quotes are scored against the
gold's direct and mixed attributions and speakers by last name, as the
data's README defines (see eval.ScorePolNeAR).

TimeML (TimeBank, AQUAINT, TempEval-3): when --gold is a .tml file or a
directory of them, each document's TEXT is tagged as it stands (no HTML
cleaning) with its DCT as the publication date, and the dates found are
scored against its TIMEX3s, TempEval-3 style: timex_strict (exact span),
timex_relaxed (any overlap), timex_value (relaxed match with the gold value)
and timex_type. Further .tml files or directories may follow as arguments.
` + "`make timeml-eval TIMEML_DIR=...`" + ` runs it; corpus/README.md says where the data
comes from.

Thresholds come from the gold file's "thresholds" and from --min flags,
which win. Exit codes: 0 all thresholds hold, 4 some metric is below its
threshold, 1 fatal, 2 usage.

--draft prints a gold draft from the current output instead, for a person to
correct; never use it as gold unreviewed.

Metrics: ` + strings.Join(eval.MetricNames(), ", "),
		Flags: flag.NewFlagSet("eval", flag.ContinueOnError),
	}
	gold := c.Flags.String("gold", "", "gold `file` (default CORPUS/gold.json; a CoNLL file, a PolNeAR .gold.jsonl, a .tml file or a directory of them is detected)")
	dateOrder := dateOrderFlag(c.Flags)
	draft := c.Flags.Bool("draft", false, "print a gold draft from the current output instead of scoring")
	mins := minFlags{}
	c.Flags.Var(mins, "min", "fail (exit 4) when `METRIC=VALUE` is not met; repeatable")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		tagger, err := newTagger(env, *dateOrder)
		if err != nil {
			return err
		}
		goldPath := *gold
		if goldPath == "" && !*draft {
			if len(args) != 1 {
				return usagef("give one CORPUS directory, or --gold FILE")
			}
			goldPath = filepath.Join(args[0], "gold.json")
		}
		if *draft {
			if len(args) == 0 {
				return usagef("--draft needs a CORPUS")
			}
			recs, err := extractAll(ctx, env, tagger, args, nil)
			if err != nil {
				return err
			}
			return writeIndentedJSON(env.Stdout, eval.Draft(recs))
		}

		var report *eval.Report
		thresholds := map[string]float64{}
		tml, err := isTimeML(goldPath)
		if err != nil {
			return err
		}
		var raw []byte
		if !tml {
			if raw, err = os.ReadFile(goldPath); err != nil {
				return err
			}
		}
		if tml {
			docs, err := readTimeML(append([]string{goldPath}, args...))
			if err != nil {
				return err
			}
			report, err = eval.ScoreTimeML(ctx, docs, tagger)
			if err != nil {
				return err
			}
		} else if eval.IsPolNeAR(raw) {
			docs, err := eval.ReadPolNeAR(bytes.NewReader(raw))
			if err != nil {
				return fmt.Errorf("%s: %w", goldPath, err)
			}
			if len(args) == 0 {
				return usagef("give the PolNeAR *.input.jsonl the gold describes")
			}
			recs, err := extractAll(ctx, env, tagger, args, nil)
			if err != nil {
				return err
			}
			var unchecked int
			report, unchecked = eval.ScorePolNeAR(docs, recs)
			fmt.Fprintf(env.Stderr, "eval: polnear: %d matched quotes have a pronoun or description as gold speaker: not judged\n", unchecked)
		} else if isCoNLL(raw) {
			report, err = eval.ScoreCoNLL(ctx, bytes.NewReader(raw), textExtractor{tagger, env})
			if err != nil {
				return fmt.Errorf("%s: %w", goldPath, err)
			}
		} else {
			g, err := eval.LoadGold(bytes.NewReader(raw))
			if err != nil {
				return fmt.Errorf("%s: %w", goldPath, err)
			}
			if len(args) == 0 {
				return usagef("give the CORPUS the gold describes")
			}
			recs, err := extractAll(ctx, env, tagger, args, g)
			if err != nil {
				return err
			}
			report = eval.Score(g, recs)
			for k, v := range g.Thresholds {
				thresholds[k] = v
			}
		}
		for k, v := range mins {
			thresholds[k] = v
		}
		if env.JSON {
			err = report.WriteJSON(env.Stdout)
		} else {
			err = report.WriteText(env.Stdout)
		}
		if err != nil {
			return err
		}
		failures, skipped, err := report.Check(thresholds)
		if err != nil {
			return usagef("%v", err)
		}
		for _, s := range skipped {
			fmt.Fprintf(env.Stderr, "eval: threshold skipped: %s\n", s)
		}
		for _, f := range failures {
			fmt.Fprintf(env.Stderr, "eval: below threshold: %s\n", f)
		}
		if len(failures) > 0 {
			return errBelowMin
		}
		if len(thresholds) > 0 {
			fmt.Fprintf(env.Stderr, "eval: all %d thresholds hold\n", len(thresholds)-len(skipped))
		}
		return nil
	}
	return c
}

// extractAll cleans and tags inputs and returns their records. When g is
// given, an article that states no publication date gets its gold anchor.
// A failed article is reported and left out (the scorer then counts all its
// gold as missed).
func extractAll(ctx context.Context, env *Env, tagger pipeline.Tagger, inputs []string, g *eval.Gold) ([]pipeline.Record, error) {
	opt := pipeline.Options{Stdin: env.Stdin, Logger: env.Log}
	if g != nil {
		opt.AnchorFor = func(source, id string) time.Time {
			if d := g.Find(source, id); d != nil {
				if t, ok := d.Anchor(); ok {
					return t
				}
			}
			return time.Time{}
		}
	}
	var recs []pipeline.Record
	err := pipeline.Extract(ctx, goldInputs(inputs, g), tagger, opt, func(it *pipeline.Item) error {
		if it.Err != nil {
			fmt.Fprintf(env.Stderr, "failed: %v\n", it.Err)
			return nil
		}
		recs = append(recs, it.Record())
		return nil
	})
	return recs, err
}

// goldInputs narrows each directory among inputs to the files the gold
// names in it, so scoring 20 annotated articles of a 300-article directory
// reads 20 and does not report the directory's other files (a metadata
// sidecar, say) as failures. A directory holding none of the gold's files is
// kept whole.
func goldInputs(inputs []string, g *eval.Gold) []string {
	if g == nil {
		return inputs
	}
	var out []string
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			out = append(out, in)
			continue
		}
		var named []string
		for _, d := range g.Documents {
			if d.File == "" {
				continue
			}
			p := filepath.Join(in, filepath.FromSlash(d.File))
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				named = append(named, p)
			}
		}
		if len(named) == 0 {
			out = append(out, in)
			continue
		}
		out = append(out, named...)
	}
	return out
}

// isCoNLL reports whether raw looks like a CoNLL-2003 file rather than JSON.
func isCoNLL(raw []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		return strings.HasPrefix(line, "-DOCSTART-") || len(strings.Fields(line)) >= 2 && !strings.HasPrefix(line, "{")
	}
	return false
}

// isTimeML reports whether the gold path names TimeML: a .tml file or a
// directory.
func isTimeML(path string) (bool, error) {
	if strings.HasSuffix(path, ".tml") {
		return true, nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return fi.IsDir(), nil
}

// readTimeML reads the .tml files named by paths, descending into
// directories (names starting with "." are skipped, as are macOS "._"
// files), in path order.
func readTimeML(paths []string) ([]*eval.TimeMLDoc, error) {
	var files []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && (path == p || strings.HasSuffix(path, ".tml")) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, usagef("no .tml files in %s", strings.Join(paths, ", "))
	}
	slices.Sort(files)
	docs := make([]*eval.TimeMLDoc, 0, len(files))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		d, err := eval.ReadTimeML(fh, filepath.Base(f))
		fh.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// textExtractor gives eval a pasted text's path through `ingest extract`.
type textExtractor struct {
	t   pipeline.Tagger
	env *Env
}

func (x textExtractor) ExtractText(ctx context.Context, text string) (pipeline.Record, error) {
	return pipeline.ExtractText(ctx, x.t, "-", []byte(text), pipeline.Options{Logger: x.env.Log})
}
