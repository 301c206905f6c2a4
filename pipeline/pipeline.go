// Package pipeline runs articles through Byline's stages: read, clean, tag
// and a sink (the index writer for `ingest add`, a JSON printer for
// `ingest extract`). Stages are goroutines under one errgroup, joined by
// unbuffered channels; every send and receive also waits on the context.
//
// One broken article never stops a run: its stage sets Item.Err and the
// item flows on to the sink, which counts and reports it. Only run-level
// failures (index I/O, the context) end a run.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// Tagger finds entities, quotes and dates in cleaned text. It must be safe
// for concurrent use: the tag stage shares one among its workers.
type Tagger interface {
	Tag(ctx context.Context, text string, published time.Time) (extract.Result, error)
}

// ArticleTagger is a Tagger that also takes what the page says about the
// article; *extract.Tagger is one. The tag stage uses TagArticle when the
// Tagger has it, passing the article's language, so that a US page reads
// "10/07/2019" as 7 October and a British one as 10 July.
type ArticleTagger interface {
	TagArticle(ctx context.Context, text string, meta extract.TagMeta) (extract.Result, error)
}

// Writer stores documents. It is used from one goroutine only.
type Writer interface {
	Write(ctx context.Context, d index.Doc) (index.Status, error)
	Close() error
}

// Hasher reports the content hash an index holds for a document id, so
// that unchanged articles are not tagged again. It must be safe for
// concurrent use.
type Hasher interface {
	Hash(id string) (hash string, ok bool, err error)
}

// SourceFinder is a Hasher that also finds the articles an index holds
// for a source; *index.Index is one. With it, and a Writer that is a
// Replacer, a file whose article the index holds under an ID it no
// longer has (its text's, before files were known by their path) gets
// that article replaced, not a second one. It must be safe for
// concurrent use.
type SourceFinder interface {
	BySource(ctx context.Context, source string) ([]index.SourceDoc, error)
}

// Replacer is a Writer that can write a document and remove others of
// the same article in one batch; *index.Writer is one.
type Replacer interface {
	Replace(ctx context.Context, d index.Doc, old ...string) (index.Status, error)
}

// ResultVersion is folded into every content hash. Bump it when a change
// to cleaning or tagging should make a re-ingest re-tag and rewrite
// articles that are already indexed.
const ResultVersion = "2"

// Values of extract.Article's Sources.Published for a date given by the
// caller rather than found in the article.
const (
	PublishedFromFlag    = "flag"         // Options.Published (--published)
	PublishedFromDefault = "flag:default" // Options.DefaultPublished (--default-published)
)

// FromJSONL is the source of a metadata value (extract.Article's Sources)
// given by a field of a JSON Lines article: title, url or published.
const FromJSONL = "jsonl"

// Options configure a run. The zero value works.
type Options struct {
	// Workers is the number of clean and of tag workers; 0 means GOMAXPROCS.
	Workers int
	// Published, when not zero, is the publication date of every article
	// of the run (the --published flag): it overrides the date an article
	// states, relative dates ("on Wednesday") resolve against it, and the
	// article's Sources.Published is PublishedFromFlag.
	Published time.Time
	// DefaultPublished is the publication date of articles that state
	// none (the --default-published flag, for mixed batches); their
	// Sources.Published is PublishedFromDefault. Zero leaves them unknown.
	// Published, when set, wins.
	DefaultPublished time.Time
	// AnchorFor, when set, gives the date to resolve relative dates ("on
	// Wednesday") against for an article that states no publication date
	// and got none from Published or DefaultPublished, by its source and
	// id. Unlike those,
	// it is not recorded as the article's date: eval uses it to give the
	// tagger each article's gold anchor while still scoring what the
	// article itself states.
	AnchorFor func(source, id string) time.Time
	// Meta, when set, gives metadata to articles read from files (see
	// Meta.Match): it fills what an article does not state, before
	// Published and DefaultPublished apply. Its files are not read as
	// articles, and its unusable lines are reported as failures.
	Meta *Meta
	// OnSkip, when set, is called from the read stage for a file skipped
	// for a reason worth telling (ErrNoArticleLines), not merely for an
	// extension Byline does not read. Either way the file counts in
	// Stats.Skipped.
	OnSkip func(path string, reason error)
	// Stdin is read for the input "-".
	Stdin interface{ Read([]byte) (int, error) }
	// Logger receives per-stage logs; nil discards them.
	Logger *slog.Logger
	// Stats receives progress counters; nil keeps them private.
	Stats *Stats

	// URLLists are files of page URLs, one a line ("-" for standard
	// input); blank lines and lines starting with # are skipped.
	URLLists []string
	// Fetch configures how http(s) inputs are fetched.
	Fetch FetchOptions
	// Store, when set, keeps every fetched page and makes re-runs send
	// conditional requests; nil keeps nothing.
	Store *Store
	// Reindex reads the pages kept in Store instead of any input, without
	// touching the network.
	Reindex bool

	// TagTimeout is the time budget for tagging one article: an article
	// whose tagging takes longer fails with ErrOverBudget in the tag stage
	// and the run goes on. 0 means DefaultTagTimeout; a negative value
	// means no budget.
	TagTimeout time.Duration
}

// DefaultTagTimeout is the time budget for tagging one article when
// Options.TagTimeout is 0. A news article takes about 10 ms; a budget a
// thousand times longer is met by anything but a pathological text.
const DefaultTagTimeout = 10 * time.Second

// ErrOverBudget is the error of an article whose tagging took longer than
// Options.TagTimeout. The article's ItemError wraps it with the budget:
// "over the time budget of 10s".
var ErrOverBudget = errors.New("over the time budget")

func (o *Options) tagTimeout() time.Duration {
	if o.TagTimeout == 0 {
		return DefaultTagTimeout
	}
	return o.TagTimeout
}

// Stats are a run's counters. They are updated atomically while the run
// goes on, so a progress ticker may read them at any time.
type Stats struct {
	Read      atomic.Int64 // inputs read (articles, including failed ones)
	Cleaned   atomic.Int64
	Tagged    atomic.Int64
	Indexed   atomic.Int64 // added or updated in the index
	Unchanged atomic.Int64 // already indexed with the same content
	Failed    atomic.Int64
	Skipped   atomic.Int64 // files in directories with an extension Byline does not read, or .jsonl files without articles

	MetaMatched   atomic.Int64 // files read with a line of Options.Meta
	MetaUnmatched atomic.Int64 // files (.txt, .html) read with no line of Options.Meta, when it is set

	Fetched     atomic.Int64 // pages downloaded (feeds and sitemaps not counted)
	NotModified atomic.Int64 // pages the server said were unchanged (304): the stored copy was used

	// Time spent in each stage, in nanoseconds summed over its workers
	// (so with N workers a stage may add up to N seconds a second). Two
	// clock reads per article and stage: cheap next to the work.
	CleanNanos atomic.Int64 // cleaning, id and content hash, index lookup
	TagNanos   atomic.Int64 // Tagger.Tag
	WriteNanos atomic.Int64 // Writer.Write in Ingest, batch flushes included
}

func (o *Options) workers() int {
	if o.Workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return o.Workers
}

func (o *Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

// run starts read, clean and tag stages and hands every item, failed or
// not, to sink, which runs in one goroutine. known may be nil.
func run(ctx context.Context, inputs []string, t Tagger, known Hasher, opt Options, sink func(context.Context, *Item) error) error {
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	log := opt.logger()
	g, ctx := errgroup.WithContext(ctx)

	f := newFetcher(opt, log.With("stage", StageFetch))
	read := make(chan *Item)
	g.Go(func() error {
		defer close(read)
		r := &reader{out: read, stdin: opt.Stdin, stats: opt.Stats, skipped: func(p string, reason error) {
			opt.Stats.Skipped.Add(1)
			log.Debug("skipped", "stage", StageRead, "source", p, "err", reason)
			if opt.OnSkip != nil && !errors.Is(reason, ErrUnsupported) {
				opt.OnSkip(p, reason)
			}
		}, fetch: f, urlLists: opt.URLLists, meta: opt.Meta}
		if opt.Reindex {
			return r.readStore(ctx, opt.Store)
		}
		return r.run(ctx, inputs)
	})

	fetched := make(chan *Item)
	workers(g, ctx, opt.Fetch.workers(), read, fetched, fetchStage(ctx, f))

	cleaned := make(chan *Item)
	workers(g, ctx, opt.workers(), fetched, cleaned, func(it *Item) error {
		start := time.Now()
		clean(ctx, it, opt, known, log.With("stage", StageClean))
		opt.Stats.CleanNanos.Add(int64(time.Since(start)))
		return nil
	})

	tagged := make(chan *Item)
	workers(g, ctx, opt.workers(), cleaned, tagged, func(it *Item) error {
		start := time.Now()
		tag(ctx, it, t, opt.tagTimeout(), opt.Stats, log.With("stage", StageTag))
		opt.Stats.TagNanos.Add(int64(time.Since(start)))
		return nil
	})

	g.Go(func() error {
		for {
			select {
			case it, ok := <-tagged:
				if !ok {
					return nil
				}
				if it.Err != nil {
					opt.Stats.Failed.Add(1)
				}
				if err := sink(ctx, it); err != nil {
					return err
				}
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		}
	})
	return g.Wait()
}

// workers runs n goroutines applying f to every item from in that has not
// failed and passing it on to out, which is closed once all of them are
// done. An error from f is a run-level failure and ends the run; an
// article's own failure is recorded on the item by f instead.
func workers(g *errgroup.Group, ctx context.Context, n int, in <-chan *Item, out chan<- *Item, f func(*Item) error) {
	var wg sync.WaitGroup
	wg.Add(n)
	for range n {
		g.Go(func() error {
			defer wg.Done()
			for {
				select {
				case it, ok := <-in:
					if !ok {
						return nil
					}
					if it.Err == nil {
						if err := f(it); err != nil {
							return err
						}
					}
					select {
					case out <- it:
					case <-ctx.Done():
						return context.Cause(ctx)
					}
				case <-ctx.Done():
					return context.Cause(ctx)
				}
			}
		})
	}
	g.Go(func() error {
		wg.Wait()
		close(out)
		return nil
	})
}

// recoverItem turns a panic while processing it into its error, logging
// the stack. Third-party parsers and prose can panic on odd input; one
// article must not take the run down.
func recoverItem(it *Item, stage string, log *slog.Logger) {
	if r := recover(); r != nil {
		it.fail(stage, fmt.Errorf("panic: %v", r))
		log.Error("recovered panic", "source", it.Source, "err", r, "stack", string(debug.Stack()))
	}
}

// clean turns it.Raw into it.Article and computes its id and hash.
func clean(ctx context.Context, it *Item, opt Options, known Hasher, log *slog.Logger) {
	defer recoverItem(it, StageClean, log)
	a, id, err := cleanRaw(it)
	if err != nil {
		it.fail(StageClean, err)
		return
	}
	a.URL = withoutTracking(a.URL)
	if id == "" {
		id = docID(a, it.file)
	}
	if it.Meta != nil {
		// After the id: adding, editing or dropping a sidecar (whose url
		// would otherwise make the id) updates the article in place
		// rather than indexing it again under a new id.
		it.Meta.apply(&a)
		a.URL = withoutTracking(a.URL)
	}
	switch {
	case !opt.Published.IsZero():
		a.Published, a.Sources.Published = opt.Published, PublishedFromFlag
	case a.Published.IsZero() && !opt.DefaultPublished.IsZero():
		a.Published, a.Sources.Published = opt.DefaultPublished, PublishedFromDefault
	}
	it.Article = a
	it.Anchor = a.Published
	if it.Anchor.IsZero() && opt.AnchorFor != nil {
		it.Anchor = opt.AnchorFor(it.Source, id)
	}
	it.ID = id
	for _, w := range a.Warnings {
		// Not a failure: the article is indexed, but what it became may
		// not be what its page meant (a charset overruled).
		log.Warn(w, "source", it.Source, "doc_id", id)
	}
	it.Hash = contentHash(a)
	if it.Meta != nil {
		// Everything the line could give, applied or not: an edited line
		// re-indexes its article, whatever of it the article overrides.
		it.Hash = hashOf(it.Hash, FromMeta, it.Meta.fingerprint())
	}
	opt.Stats.Cleaned.Add(1)
	if known != nil {
		h, ok, err := known.Hash(id)
		if err != nil {
			// Not fatal: the writer checks again before writing.
			log.Warn("index lookup failed", "source", it.Source, "doc_id", id, "err", err)
		}
		it.Unchanged = ok && h == it.Hash
		if !ok && err == nil && it.file != "" {
			it.Replaces = formerIDs(ctx, it, known, log)
		}
	}
}

// formerIDs returns the ids under which the index holds earlier versions
// of a file's article that it is not found under now: before files were
// known by their path, their id was their text's (docID), so an edited
// file was indexed again beside its old version. They are the id of its
// present text, and the text-derived ids of articles with the same
// source. Articles whose id is not their text's (another file's path, a
// URL) are never taken: they may be another file's that was named alike
// from another folder.
func formerIDs(ctx context.Context, it *Item, known Hasher, log *slog.Logger) []string {
	var ids []string
	if legacy := textID(it.Article.Text); legacy != it.ID {
		if _, ok, err := known.Hash(legacy); err == nil && ok {
			ids = append(ids, legacy)
		}
	}
	f, ok := known.(SourceFinder)
	if !ok {
		return ids
	}
	docs, err := f.BySource(ctx, it.Source)
	if err != nil {
		log.Warn("index lookup failed", "source", it.Source, "doc_id", it.ID, "err", err)
		return ids
	}
	for _, d := range docs {
		if d.ID != it.ID && d.ID == textID(d.Text) && !slices.Contains(ids, d.ID) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// cleanRaw cleans one raw input. For a JSON article it also returns the id
// the article gives itself, if any.
func cleanRaw(it *Item) (extract.Article, string, error) {
	switch it.Format {
	case FormatHTML:
		page := cmp.Or(it.FinalURL, it.URL)
		a, err := extract.CleanHTML(bytes.NewReader(it.Raw), it.ContentType, page)
		if isRootURL(a.URL) && !isRootURL(page) {
			// A canonical link to the home page is a site's template
			// error, not the article's address: believed, it would make
			// every article of the site one.
			a.URL, a.Sources.URL = "", ""
		}
		if a.URL == "" {
			// A page that names no canonical URL is known by its own,
			// after redirects.
			a.URL = page
		}
		return a, "", err
	case FormatJSON:
		return cleanJSON(it.Raw)
	default:
		a, err := extract.CleanText(it.Raw)
		return a, "", err
	}
}

func cleanJSON(raw []byte) (extract.Article, string, error) {
	var ja JSONArticle
	if err := json.Unmarshal(raw, &ja); err != nil {
		return extract.Article{}, "", fmt.Errorf("not a JSON article: %w", err)
	}
	var (
		a   extract.Article
		err error
	)
	switch {
	case ja.HTML != "":
		a, err = extract.CleanHTML(strings.NewReader(ja.HTML), "", ja.URL)
	case ja.Text != "":
		// A title line then the text: CleanText takes the first line as the
		// title, and the given title wins below either way.
		a, err = extract.CleanText([]byte(ja.Title + "\n\n" + ja.Text))
	default:
		err = ErrNoText
	}
	if err != nil {
		return a, "", err
	}
	if ja.Title != "" {
		a.Title, a.Sources.Title = strings.TrimSpace(ja.Title), FromJSONL
	}
	if ja.URL != "" && a.URL == "" {
		a.URL, a.Sources.URL = ja.URL, FromJSONL
	}
	if ja.Published != "" {
		p, err := ParsePublished(ja.Published)
		if err != nil {
			return a, "", err
		}
		a.Published, a.Sources.Published = p, FromJSONL
	}
	return a, ja.ID, nil
}

// docID is a deterministic id: from the canonical URL when there is one,
// else from file, the path of the file the article was read from, else
// from the cleaned text. A file is known by its path, so editing it
// updates its article rather than adding another; the text is the
// identity only of what has neither (a pasted article, a JSON Lines
// article with no id or url), so re-ingesting those never duplicates
// them either.
func docID(a extract.Article, file string) string {
	if u := canonicalURL(a.URL); u != "" {
		return hashOf("url", u)[:32]
	}
	if file != "" {
		return hashOf("path", file)[:32]
	}
	return textID(a.Text)
}

// textID is the id of an article known by its text, which was every
// file's before they were known by their path.
func textID(text string) string { return hashOf("text", text)[:32] }

// canonicalURL normalises a URL enough that trivial variants (case of the
// scheme and host, a trailing slash, a fragment, tracking parameters)
// share an id.
func canonicalURL(u string) string {
	u = withoutTracking(strings.TrimSpace(u))
	if u == "" {
		return ""
	}
	if scheme, rest, ok := strings.Cut(u, "://"); ok {
		rest, query, hasQuery := strings.Cut(rest, "?")
		host, path, _ := strings.Cut(rest, "/")
		u = strings.ToLower(scheme) + "://" + loopbackAsLocalhost(strings.ToLower(host)) + "/" + strings.TrimSuffix(path, "/")
		if hasQuery {
			u += "?" + query
		}
	}
	return u
}

// loopbackAsLocalhost returns a URL's host ("host:port") with a loopback
// address (127.0.0.1, [::1]) spelt localhost: those names always mean
// the same machine, unlike two names of one public address, which may be
// two sites.
func loopbackAsLocalhost(host string) string {
	name, port := host, ""
	if h, p, err := net.SplitHostPort(host); err == nil {
		name, port = h, p
	}
	name = strings.Trim(name, "[]")
	if a, err := netip.ParseAddr(name); name != "localhost" && (err != nil || !a.Unmap().IsLoopback()) {
		return host
	}
	if port != "" {
		return "localhost:" + port
	}
	return "localhost"
}

// trackingParams are query parameters that say how a reader reached a
// page (a campaign, a click, a share), not which page it is; with
// trackingPrefixes, withoutTracking drops them so that one article
// shared twice is not two.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true, "igsh": true,
	"mc_cid": true, "mc_eid": true, "ref_src": true, "ref_url": true, "_ga": true, "_gl": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "wt.mc_id": true,
	"at_medium": true, "at_campaign": true, "cmpid": true, "ocid": true, "smid": true, "sr_share": true,
}

var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "_hs", "at_custom"}

// withoutTracking returns u without its fragment and tracking parameters
// (see trackingParams), keeping the others in their order; u unchanged
// when it has neither.
func withoutTracking(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	base, query, ok := strings.Cut(u, "?")
	if !ok {
		return u
	}
	var kept []string
	for p := range strings.SplitSeq(query, "&") {
		key, _, _ := strings.Cut(p, "=")
		key = strings.ToLower(key)
		if p == "" || trackingParams[key] || slices.ContainsFunc(trackingPrefixes, func(pre string) bool { return strings.HasPrefix(key, pre) }) {
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == 0 {
		return base
	}
	return base + "?" + strings.Join(kept, "&")
}

// isRootURL reports whether u is a site's home page: no path but "/" and
// no query.
func isRootURL(u string) bool {
	_, rest, ok := strings.Cut(canonicalURL(u), "://")
	return ok && strings.HasSuffix(rest, "/") && strings.Count(rest, "/") == 1
}

// contentHash identifies what was indexed for an article: its metadata,
// text and the ResultVersion.
func contentHash(a extract.Article) string {
	return hashOf(ResultVersion, a.Title, a.URL, formatPublished(a.Published), a.Text)
}

func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// tag runs the tagger on a cleaned item, unless the index already holds it
// unchanged. When budget is positive the tagger gets a context that ends
// after it, and an article not tagged by then fails with ErrOverBudget,
// also when the tagger returned a result late.
func tag(ctx context.Context, it *Item, t Tagger, budget time.Duration, stats *Stats, log *slog.Logger) {
	if it.Unchanged {
		return
	}
	defer recoverItem(it, StageTag, log)
	tctx := ctx
	if budget > 0 {
		var cancel context.CancelFunc
		tctx, cancel = context.WithTimeoutCause(ctx, budget, fmt.Errorf("%w of %s", ErrOverBudget, budget))
		defer cancel()
	}
	var (
		res extract.Result
		err error
	)
	if at, ok := t.(ArticleTagger); ok {
		res, err = at.TagArticle(tctx, it.Article.Text, extract.TagMeta{Published: it.Anchor, Language: it.Article.Language, Title: it.Article.Title})
	} else {
		res, err = t.Tag(tctx, it.Article.Text, it.Anchor)
	}
	if ctx.Err() == nil && tctx.Err() != nil {
		err = context.Cause(tctx) // over budget, whatever the tagger returned
	}
	if err != nil {
		it.fail(StageTag, err)
		return
	}
	it.Result = res
	stats.Tagged.Add(1)
}
