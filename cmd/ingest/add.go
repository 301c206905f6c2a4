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
	"runtime/debug"
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
		UsageLine: "add [--index DIR] [--workers N] [--published DATE] [--default-published DATE] [--meta FILE] [--urls FILE] [--since DATE] [--store DIR] [--tag-timeout D] [--json] INPUT...",
		Short:     "ingest articles into an index",
		Long: `Add reads articles, cleans them, finds people, organisations, places, quotes
and dates, and writes them to a Bleve index (created on first use).

INPUT is a file (.txt, .html, .htm, .jsonl), a directory (read recursively,
following links to directories; hidden files and other extensions are
skipped), or - for standard input (JSON Lines, a list of paths or URLs, one
a line, or one pasted article). With no INPUT (and no --urls), standard
input is read. A file is known by its path: an edited file updates its
article.

INPUT may also be an http(s) URL: a page, an RSS/Atom/JSON feed, or an XML
sitemap or sitemap index (gzipped or not), which is expanded to its
article links (--since drops older ones); other schemes (file://) are
refused. --urls FILE reads URLs, one a line (- for standard input; #
starts a comment), expanding feeds and sitemaps the same way.

Fetching is polite: robots.txt is honoured; at most --per-host requests
(default 2) are in flight to a host, and to each address it resolves to,
and at most --rate a second (default 1);
the User-Agent is "Byline/VERSION (+CONTACT)", CONTACT from --contact or
BYLINE_CONTACT (give a URL or e-mail where site owners can reach you);
429 and 5xx answers are retried up to 3 times with backoff, honouring
Retry-After; at most 5 redirects are followed; a connection gets 10s,
response headers 20s and a whole request --timeout (default 30s); bodies
over --max-bytes (default 10 MiB) and anything but HTML are refused.
Loopback, private and link-local addresses are refused unless
--allow-private.

Every fetched page is kept in --store (default INDEX.pages), compressed,
with its headers: a re-run sends conditional requests and uses the kept
copy of an unchanged page, and "ingest reindex" rebuilds the index from
the kept pages without the network.

--published DATE makes DATE the publication date of every article, overriding
what they state, and relative dates ("on Wednesday") resolve against it;
--default-published DATE gives it only to articles that state no date.

--meta FILE (repeatable) reads a JSON Lines metadata sidecar: each line
gives "title", "published" (or "date"), "url", "authors", "site_name" or
"language" for one article read from a file, matched by "id" (the file's
base name without extension: 00001 for 00001.txt) or by "file"/"path" (its
base name, or its path relative to the input directory). A matched value
fills only what the article does not state itself; --published still
overrides and --default-published still fills what is left. A line's url
does not change the article's id, so adding or editing a sidecar updates
articles already indexed rather than adding them again. The summary
counts matched files, files without a line and unused lines; a bad line is
reported as a failure with its file:line. The metadata file is not read as
articles. Without --meta, a .jsonl file found in a directory with no line
that has text or html is skipped once, with the reason, not failed line by
line.

An article that cannot be read, cleaned or tagged is reported on stderr
(source, stage, reason) and counted; the rest go on. Tagging one article
has a time budget, --tag-timeout (10s; 0 for none): an article over it is
reported as "tag: over the time budget of 10s". Articles already in the
index with the same content are counted as unchanged and not written again,
so an interrupted run can simply be run again. A new index is created in a
temporary folder beside DIR and renamed into place, so a run killed at any
point leaves no half-made index.

When the disk fills, every article not saved is listed as failed ("index:
not saved: the disk is full"), the rest are listed without being tagged,
and add exits 1 saying what was saved; free some space and run the same
command again. "ingest check" verifies an index.

Exit codes: 0 ok, 3 some articles failed, 1 fatal, 2 usage, 130 interrupted.`,
		Flags: flag.NewFlagSet("add", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	workers := c.Flags.Int("workers", 0, "clean and tag workers `N` (0: one per CPU)")
	published := c.Flags.String("published", "", "publication `date` (YYYY-MM-DD) of every article, overriding what they state; relative dates resolve against it")
	defaultPublished := c.Flags.String("default-published", "", "publication `date` (YYYY-MM-DD) for articles that state none")
	quiet := c.Flags.Bool("quiet", false, "no progress line")
	dateOrder := dateOrderFlag(c.Flags)
	var urlLists []string
	c.Flags.Func("urls", "read page URLs from `file`, one a line (- for stdin); repeatable", func(s string) error {
		urlLists = append(urlLists, s)
		return nil
	})
	metaFiles := metaFlag(c.Flags)
	since := c.Flags.String("since", "", "skip feed items and sitemap entries dated before `date` (YYYY-MM-DD or RFC 3339)")
	store := c.Flags.String("store", "", "page store `directory` (default: the index directory + \".pages\")")
	fo := fetchFlags(c.Flags)
	memLimit := memoryLimitFlag(c.Flags)
	tagTimeout := tagTimeoutFlag(c.Flags)
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if _, err := setMemoryLimit(*memLimit, os.Getenv("GOMEMLIMIT")); err != nil {
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
		if *workers < 0 {
			return usagef("--workers must be 0 or more")
		}
		fetch, err := fo.options()
		if err != nil {
			return err
		}
		if fetch.Since, err = parseDateFlag(*since); err != nil {
			return err
		}
		meta, err := loadMeta(*metaFiles)
		if err != nil {
			return err
		}
		opt := pipeline.Options{
			Workers: *workers, Published: pub, DefaultPublished: defPub, Stdin: env.Stdin, Logger: env.Log,
			URLLists: urlLists, Fetch: fetch, Store: pipeline.NewStore(storeDir(*store, *indexDir)), Meta: meta,
			TagTimeout: tagTimeout(),
		}
		return runAdd(ctx, env, args, *indexDir, opt, !*quiet, *dateOrder)
	}
	return c
}

// metaFlag adds --meta, repeatable: a batch may gather several folders,
// each with its own sidecar.
func metaFlag(fs *flag.FlagSet) *[]string {
	var files []string
	fs.Func("meta", "JSON Lines `file` of metadata (id/file/path, title, published or date, url, authors…) for articles read from files; repeatable", func(s string) error {
		files = append(files, s)
		return nil
	})
	return &files
}

// loadMeta loads the --meta files; nil when there are none.
func loadMeta(files []string) (*pipeline.Meta, error) {
	if len(files) == 0 {
		return nil, nil
	}
	return pipeline.LoadMeta(files...)
}

// storeDir is the page store's directory: --store, or beside the index.
func storeDir(flagValue, indexDir string) string {
	if flagValue != "" {
		return flagValue
	}
	return strings.TrimRight(indexDir, `/\`) + ".pages"
}

// fetchFlagValues are the flags of how pages are fetched.
type fetchFlagValues struct {
	workers, perHost int
	rate             float64
	contact          *string
	timeout          time.Duration
	maxBytes         int64
	allowPrivate     bool
}

func fetchFlags(fs *flag.FlagSet) *fetchFlagValues {
	v := &fetchFlagValues{}
	fs.IntVar(&v.workers, "fetch-workers", pipeline.DefaultFetchWorkers, "concurrent page fetches `N` in all")
	fs.IntVar(&v.perHost, "per-host", 2, "concurrent requests `N` per host")
	fs.Float64Var(&v.rate, "rate", 1, "requests per second per host (`R`, e.g. 0.5)")
	v.contact = fs.String("contact", envOr("BYLINE_CONTACT", ""), "`URL or e-mail` for site owners, sent in the User-Agent (env BYLINE_CONTACT)")
	fs.DurationVar(&v.timeout, "timeout", 30*time.Second, "`duration` a whole request may take, body included")
	fs.Int64Var(&v.maxBytes, "max-bytes", 10<<20, "refuse pages larger than `N` bytes")
	fs.BoolVar(&v.allowPrivate, "allow-private", false, "allow URLs that reach loopback, private or link-local addresses")
	return v
}

func (v *fetchFlagValues) options() (pipeline.FetchOptions, error) {
	switch {
	case v.workers < 1:
		return pipeline.FetchOptions{}, usagef("--fetch-workers must be 1 or more")
	case v.perHost < 1:
		return pipeline.FetchOptions{}, usagef("--per-host must be 1 or more")
	case !(v.rate > 0):
		return pipeline.FetchOptions{}, usagef("--rate must be more than 0")
	case v.timeout <= 0:
		return pipeline.FetchOptions{}, usagef("--timeout must be more than 0")
	case v.maxBytes <= 0:
		return pipeline.FetchOptions{}, usagef("--max-bytes must be more than 0")
	}
	return pipeline.FetchOptions{
		Workers: v.workers, PerHost: v.perHost, Rate: v.rate, Timeout: v.timeout, MaxBytes: v.maxBytes,
		AllowPrivate: v.allowPrivate, UserAgent: pipeline.UserAgent(moduleVersion(), *v.contact),
	}, nil
}

// dateOrderFlag adds --date-order, for the commands that tag articles.
func dateOrderFlag(fs *flag.FlagSet) *string {
	return fs.String("date-order", "auto", "read numeric dates such as 10/07/2019 as `dmy` (10 July), mdy (7 October) or auto (from the page's language: en-US mdy, en-GB, fr, de… dmy; else only when unambiguous)")
}

// newTagger loads the tagger with the logger and the --date-order value.
func newTagger(env *Env, dateOrder string) (*extract.Tagger, error) {
	var o extract.DateOrder
	switch dateOrder {
	case "auto", "":
		o = extract.OrderUnknown
	case "dmy":
		o = extract.DayFirst
	case "mdy":
		o = extract.MonthFirst
	default:
		return nil, usagef("bad --date-order %q: want dmy, mdy or auto", dateOrder)
	}
	return extract.New(extract.WithLogger(env.Log), extract.WithNumericDates(o))
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

func runAdd(ctx context.Context, env *Env, inputs []string, dir string, opt pipeline.Options, progress bool, dateOrder string) (err error) {
	tagger, err := newTagger(env, dateOrder)
	if err != nil {
		return err
	}
	ix, err := index.Open(dir, index.WithLogger(env.Log))
	if err != nil {
		return err
	}
	defer func() {
		if ix == nil {
			return
		}
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
	var skips []string
	opt.OnSkip = func(path string, reason error) {
		skips = append(skips, fmt.Sprintf("%s: %v", path, reason))
		if env.JSON {
			writeJSON(env.Stdout, map[string]any{"message_type": "skipped", "source": path, "reason": reason.Error()})
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
	for _, sk := range skips {
		fmt.Fprintf(env.Stderr, "skipped: %s\n", sk)
	}
	var total uint64
	if errors.Is(runErr, pipeline.ErrWrite) {
		ix, total = reopenCount(ix, dir, env)
		runErr = notSaved(runErr, dir, stats.Indexed.Load(), total, failures)
	} else {
		total, _ = ix.Count()
	}
	s := summary{
		Read: stats.Read.Load(), Indexed: stats.Indexed.Load(), Unchanged: stats.Unchanged.Load(),
		Failed: stats.Failed.Load(), Skipped: stats.Skipped.Load(), IndexTotal: total, Index: dir,
		Fetched: stats.Fetched.Load(), NotModified: stats.NotModified.Load(),
		Seconds: time.Since(start).Seconds(), Interrupted: ctx.Err() != nil,
	}
	if opt.Meta != nil {
		s.Meta = &metaSummary{
			Matched: stats.MetaMatched.Load(), Unmatched: stats.MetaUnmatched.Load(),
			Unused: opt.Meta.Unused(), Errors: len(opt.Meta.Errors()),
		}
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
	Fetched     int64   `json:"fetched"`
	NotModified int64   `json:"not_modified"`
	// Meta is present when --meta was given.
	Meta *metaSummary `json:"meta,omitempty"`
}

// metaSummary counts how --meta lines met the inputs.
type metaSummary struct {
	Matched   int64 `json:"matched"`   // files read with a line
	Unmatched int64 `json:"unmatched"` // files (.txt, .html) read with no line
	Unused    int   `json:"unused"`    // usable lines that matched no file
	Errors    int   `json:"errors"`    // lines that could not be used (also counted as failed)
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
	if s.Fetched+s.NotModified > 0 {
		fmt.Fprintf(env.Stderr, "; fetched %d pages, %d not modified", s.Fetched, s.NotModified)
	}
	fmt.Fprintf(env.Stderr, " in %.1fs; %s holds %d articles\n", s.Seconds, s.Index, s.IndexTotal)
	if m := s.Meta; m != nil {
		fmt.Fprintf(env.Stderr, "meta: %d matched, %d files without a line, %d unused lines, %d bad lines\n", m.Matched, m.Unmatched, m.Unused, m.Errors)
	}
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

// moduleVersion is the version sent in the User-Agent: the module's, or
// "dev" for a build from a work tree.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "dev"
}
