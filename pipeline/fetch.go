package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/bylinehq/byline/pipeline/internal/fetch"
)

// DefaultFetchWorkers is the number of fetch workers when
// FetchOptions.Workers is 0. Per-host limits (FetchOptions.PerHost, Rate)
// keep any one site from seeing more than a trickle of them.
const DefaultFetchWorkers = 8

// maxSitemapDepth is how deep sitemap indexes are followed: an index of
// sitemaps of pages is depth 1; the protocol allows no deeper nesting,
// but some sites do it once more.
const maxSitemapDepth = 2

// FetchOptions configure fetching of http(s) inputs, per run. Every zero
// field takes the default named in its comment.
type FetchOptions struct {
	Workers        int           // concurrent fetches in all; 0: DefaultFetchWorkers (8)
	PerHost        int           // concurrent requests per host; 0: 2
	Rate           float64       // requests per second per host; 0: 1
	UserAgent      string        // "" : "Byline/dev (+https://github.com/bylinehq/byline)"
	ConnectTimeout time.Duration // 0: 10s
	HeaderTimeout  time.Duration // until response headers; 0: 20s
	Timeout        time.Duration // a whole attempt, body included; 0: 30s
	MaxBytes       int64         // response body cap, decompressed; 0: 10 MiB
	MaxRetries     int           // retries after 429 or 5xx; 0: 3, negative: none
	MaxRedirects   int           // 0: 5, negative: none followed
	// AllowPrivate lets URLs reach loopback, private and link-local
	// addresses (refused by default, checked when connecting).
	AllowPrivate bool
	// Since drops feed items and sitemap entries dated before it; zero
	// keeps all. Undated entries are always kept.
	Since time.Time

	// backoff and clock, when set, replace the real ones in tests.
	backoff time.Duration
	clock   fetch.Clock
}

func (o FetchOptions) workers() int {
	if o.Workers <= 0 {
		return DefaultFetchWorkers
	}
	return o.Workers
}

// fetcher gets pages for the read and fetch stages, through the page
// store when there is one. It is safe for concurrent use.
type fetcher struct {
	once   sync.Once
	opt    FetchOptions
	client *fetch.Client // made on first use: runs over files never need it
	store  *Store
	stats  *Stats
	log    *slog.Logger
}

func newFetcher(opt Options, log *slog.Logger) *fetcher {
	return &fetcher{opt: opt.Fetch, store: opt.Store, stats: opt.Stats, log: log}
}

func (f *fetcher) http() *fetch.Client {
	f.once.Do(func() {
		o := f.opt
		f.client = fetch.New(fetch.Config{
			UserAgent: o.UserAgent, PerHost: o.PerHost, Rate: o.Rate,
			ConnectTimeout: o.ConnectTimeout, HeaderTimeout: o.HeaderTimeout, Timeout: o.Timeout,
			MaxBytes: o.MaxBytes, MaxRetries: o.MaxRetries, MaxRedirects: o.MaxRedirects,
			AllowPrivate: o.AllowPrivate, Backoff: o.backoff, Clock: o.clock, Logger: f.log,
		})
	})
	return f.client
}

// get fetches it.URL into it: a conditional request when the store holds
// the page, whose stored body is used on a 304. With links set, a feed or
// sitemap is accepted too and returned as its body instead (not stored).
// A failure of the page is set on it; the returned error is run-level
// (the context, the store's I/O).
func (f *fetcher) get(ctx context.Context, it *Item, links bool) (feed []byte, err error) {
	return f.getOnce(ctx, it, links, f.store != nil)
}

func (f *fetcher) getOnce(ctx context.Context, it *Item, links, conditional bool) (feed []byte, err error) {
	req := fetch.Request{URL: it.URL, HTMLOnly: !links}
	var prev PageRecord
	if conditional {
		rec, ok, err := f.store.Get(it.URL)
		if err != nil {
			f.log.Warn("page store: record unreadable, fetching again", "source", it.URL, "err", err)
		}
		if ok {
			prev, req.ETag, req.LastModified = rec, rec.Headers.ETag, rec.Headers.LastModified
		}
	}
	resp, err := f.http().Get(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		it.fail(StageFetch, err)
		return nil, nil
	}
	if resp.NotModified() {
		if req.ETag == "" && req.LastModified == "" {
			it.fail(StageFetch, &fetch.StatusError{Code: resp.Status, Status: "304 Not Modified (to an unconditional request)"})
			return nil, nil
		}
		body, err := f.store.Body(prev)
		if err != nil {
			// The stored copy is gone or damaged: fetch the page whole.
			f.log.Warn("page store: body unreadable, fetching again", "source", it.URL, "err", err)
			return f.getOnce(ctx, it, links, false)
		}
		f.stats.NotModified.Add(1)
		it.Raw, it.FinalURL, it.ContentType = body, prev.FinalURL, prev.Headers.ContentType
		return nil, nil
	}
	ct := resp.ContentType
	if ct == "" {
		ct = http.DetectContentType(resp.Body)
	}
	if !fetch.IsHTML(ct) {
		if links && fetch.Sniff(resp.Body) != fetch.NotLinks {
			return resp.Body, nil
		}
		it.fail(StageFetch, fmt.Errorf("%w: content type %s", fetch.ErrNotHTML, ct))
		return nil, nil
	}
	f.stats.Fetched.Add(1)
	it.Raw, it.FinalURL, it.ContentType = resp.Body, resp.FinalURL, resp.ContentType
	if f.store != nil {
		_, err := f.store.Put(PageRecord{
			URL: resp.URL, FinalURL: resp.FinalURL, Status: resp.Status, FetchedAt: resp.FetchedAt,
			Headers: PageHeaders{ContentType: resp.ContentType, ETag: resp.ETag, LastModified: resp.LastModified},
		}, resp.Body)
		if err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// fetchStage fetches an item that carries a URL and no body yet. A page
// store I/O failure is returned: it ends the run, unlike a failed fetch,
// which is the item's own error.
func fetchStage(ctx context.Context, f *fetcher) func(*Item) error {
	return func(it *Item) error {
		if it.URL == "" || it.Raw != nil {
			return nil
		}
		if _, err := f.get(ctx, it, false); err != nil {
			return err
		}
		if it.Err != nil {
			f.log.Info("fetch failed", "source", it.Source, "err", it.Err)
		}
		return nil
	}
}

// isURL reports whether an input names a web page rather than a path.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// schemeRe matches the scheme of a URL: "file://…", "ftp://…". Paths
// do not have "://"; the schemes of schemeNoSlashes need none.
var schemeRe = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):(//)?`)

var schemeNoSlashes = map[string]bool{"file": true, "data": true, "javascript": true, "mailto": true, "ftp": true}

// otherScheme returns the scheme of an input that is a URL but not an
// http(s) one ("file", "ftp"), or "" for http(s) URLs and paths. A path
// that exists is a path whatever it looks like.
func otherScheme(s string) string {
	if isURL(s) {
		return ""
	}
	m := schemeRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	scheme := strings.ToLower(m[1])
	if m[2] == "" && !schemeNoSlashes[scheme] {
		return "" // "notes:2019.txt", `C:\news`
	}
	if _, err := os.Lstat(s); err == nil {
		return ""
	}
	return scheme
}

// schemeError is the failure of an input whose scheme Byline does not
// fetch.
func schemeError(scheme string) error {
	return fmt.Errorf("unsupported scheme %q: %w", scheme+":", fetch.ErrScheme)
}

// sendURL sends a page to be fetched by the fetch stage, once per URL.
func (r *reader) sendURL(ctx context.Context, u string) error {
	if !r.see(u) {
		return nil
	}
	return r.send(ctx, &Item{Source: u, URL: u, Format: FormatHTML})
}

// see marks u seen and reports whether it is new. URLs that differ only
// as canonicalURL forgives (tracking parameters, a fragment, the host's
// case) are the same page, fetched once.
func (r *reader) see(u string) bool {
	key := canonicalURL(u)
	if r.seen[key] {
		return false
	}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	r.seen[key] = true
	return true
}

// readURL reads a URL named on the command line (or in a sitemap index, at
// depth > 0). The reader fetches it itself, because only its content says
// what it is: a feed or sitemap is expanded to its links, which go on to
// the fetch stage; a page is sent on already fetched.
func (r *reader) readURL(ctx context.Context, u string, depth int) error {
	if r.seen[canonicalURL(u)] {
		return nil
	}
	it := &Item{Source: u, URL: u, Format: FormatHTML}
	body, err := r.fetch.get(ctx, it, true)
	if err != nil {
		return err
	}
	return r.fetched(ctx, it, body, depth)
}

// fetched passes on a URL fetched by the reader: a page (or a failure)
// as an item of its own, a feed or sitemap (body) expanded to its links.
func (r *reader) fetched(ctx context.Context, it *Item, body []byte, depth int) error {
	u := it.URL
	if body == nil {
		r.see(u)
		return r.send(ctx, it)
	}
	kind, links, err := fetch.Links(body, u, r.fetch.opt.Since, r.fetch.http().MaxBytes())
	if err != nil {
		it.fail(StageFetch, err)
		return r.send(ctx, it)
	}
	r.see(u)
	r.fetch.log.Info("expanded", "source", u, "kind", kind.String(), "links", len(links))
	for _, l := range links {
		var err error
		switch {
		case kind != fetch.SitemapIndex:
			err = r.sendURL(ctx, l)
		case depth < maxSitemapDepth:
			err = r.readURL(ctx, l, depth+1)
		default:
			it := &Item{Source: l, URL: l}
			it.fail(StageFetch, fmt.Errorf("sitemap indexes nested more than %d deep", maxSitemapDepth))
			err = r.send(ctx, it)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readURLList reads every URL of a list, one a line, as readURL reads a
// URL named on the command line: a feed or sitemap in the list is
// expanded to its links, a page is sent on fetched. Up to the number of
// fetch workers of the list's URLs are fetched at once (the per-host and
// per-address limits still hold), and passed on in list order. Blank
// lines and # comments are skipped; a line that is not an http(s) URL
// fails alone.
func (r *reader) readURLList(ctx context.Context, name string) (err error) {
	var rd io.Reader
	if name == "-" {
		if r.stdin == nil {
			return r.failed(ctx, "-", errors.New("no standard input"))
		}
		rd = r.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return r.failed(ctx, name, err)
		}
		defer f.Close()
		rd = f
	}

	// A fetch in flight: the item and what get returned, once done.
	type result struct {
		it   *Item
		body []byte
		err  error
	}
	var wg sync.WaitGroup
	fctx, cancel := context.WithCancel(ctx)
	defer wg.Wait() // after cancel: no fetch outlives the list
	defer cancel()
	var inFlight []chan result // oldest first; each gets one result
	start := func(it *Item) {
		done := make(chan result, 1) // never blocks the fetch
		inFlight = append(inFlight, done)
		if it.Err != nil {
			done <- result{it: it}
			return
		}
		wg.Go(func() {
			body, err := r.fetch.get(fctx, it, true)
			done <- result{it, body, err}
		})
	}

	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	line, more := 0, true
	for more || len(inFlight) > 0 {
		for more && len(inFlight) < r.fetch.opt.workers() {
			if more = sc.Scan(); !more {
				break
			}
			line++
			u := strings.TrimSpace(sc.Text())
			switch {
			case u == "" || strings.HasPrefix(u, "#"):
			case !isURL(u):
				it := &Item{Source: u}
				it.fail(StageFetch, fmt.Errorf("%w (%s line %d)", fetch.ErrScheme, name, line))
				start(it)
			case r.see(u):
				start(&Item{Source: u, URL: u, Format: FormatHTML})
			}
		}
		if len(inFlight) == 0 {
			break
		}
		var res result
		select {
		case res = <-inFlight[0]:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		inFlight = inFlight[1:]
		if res.err != nil {
			return res.err
		}
		if res.it.Err != nil {
			if err := r.send(ctx, res.it); err != nil {
				return err
			}
			continue
		}
		if err := r.fetched(ctx, res.it, res.body, 0); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return r.failed(ctx, name, err)
	}
	return nil
}

// readStore sends every page kept in s, for `ingest reindex`: no network.
func (r *reader) readStore(ctx context.Context, s *Store) error {
	if s == nil {
		return errors.New("reindex: no page store")
	}
	return s.Walk(ctx, func(rec PageRecord, err error) error {
		it := &Item{Source: rec.URL, URL: rec.URL, FinalURL: rec.FinalURL, ContentType: rec.Headers.ContentType, Format: FormatHTML}
		if err == nil {
			it.Raw, err = s.Body(rec)
		}
		if err != nil {
			it.fail(StageRead, err)
		}
		return r.send(ctx, it)
	})
}

// UserAgent returns the User-Agent sent with every request:
// "Byline/VERSION (+CONTACT)". contact is a URL or e-mail address where
// site owners can reach whoever runs the crawl; empty, it names the
// project.
func UserAgent(version, contact string) string { return fetch.UserAgent(version, contact) }
