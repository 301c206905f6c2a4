// Package fetch gets web pages politely and safely: it honours robots.txt,
// limits concurrency and request rate per host, retries 429 and 5xx
// answers with backoff (honouring Retry-After), caps redirects, time and
// size, and refuses private, loopback and link-local addresses at dial
// time, so that DNS rebinding and redirects are covered too.
//
// A Client is safe for concurrent use; one is shared by all of a run's
// fetch workers, so that the per-host limits hold across them.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// Defaults of Config's zero fields.
const (
	DefaultPerHost        = 2                // requests in flight per host
	DefaultRate           = 1.0              // requests per second per host
	DefaultConnectTimeout = 10 * time.Second // TCP connect (and TLS handshake)
	DefaultHeaderTimeout  = 20 * time.Second // from request sent to response headers
	DefaultTimeout        = 30 * time.Second // whole request, body included, per attempt
	DefaultMaxRetries     = 3                // retries after a 429 or 5xx answer
	DefaultMaxRedirects   = 5
	DefaultMaxBytes       = 10 << 20 // response body, after decompression
	DefaultMaxRetryAfter  = 2 * time.Minute
	DefaultBackoff        = time.Second // first retry's base delay; doubles each time
	// Agent is the product token robots.txt rules are matched against.
	Agent = "Byline"
)

// Errors a fetch fails with, for errors.Is. The error returned wraps one of
// them with details (status, limit, address).
var (
	ErrScheme           = errors.New("only http and https URLs are fetched")
	ErrRobots           = errors.New("disallowed by robots.txt")
	ErrTimeout          = errors.New("timeout")
	ErrTooLarge         = errors.New("response too large")
	ErrNotHTML          = errors.New("not HTML")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrPrivate          = errors.New("private address refused")
)

// StatusError is the error of a final answer that is not 2xx or 304.
type StatusError struct {
	Code   int
	Status string // as the server sent it, e.g. "404 Not Found"
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// UserAgent returns the User-Agent Byline sends: "Byline/VERSION (+CONTACT)".
// contact is a URL or e-mail address where a site owner can reach whoever
// runs the crawl; empty, it names the project.
func UserAgent(version, contact string) string {
	if version == "" {
		version = "dev"
	}
	if contact == "" {
		contact = "https://github.com/bylinehq/byline"
	}
	return fmt.Sprintf("%s/%s (+%s)", Agent, version, contact)
}

// Clock is the time a Client waits on: rate limits, backoff and
// Retry-After. Tests give a fake one; nil means the real clock.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning its cause then.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// Config configures a Client. The zero value works: every zero field takes
// its Default.
type Config struct {
	UserAgent      string  // default UserAgent("", "")
	PerHost        int     // concurrent requests per host
	Rate           float64 // requests per second per host (a robots.txt Crawl-delay can only slow it)
	ConnectTimeout time.Duration
	HeaderTimeout  time.Duration
	Timeout        time.Duration // per attempt, body included
	MaxRetries     int           // negative: none
	MaxRedirects   int           // negative: none followed
	MaxBytes       int64
	MaxRetryAfter  time.Duration // a longer Retry-After fails at once
	Backoff        time.Duration
	// AllowPrivate lets requests reach loopback, private, link-local,
	// unspecified and multicast addresses. Only tests and local setups
	// want it.
	AllowPrivate bool
	// IgnoreRobots skips robots.txt. Only for tests of other behaviour.
	IgnoreRobots bool
	Logger       *slog.Logger
	Clock        Clock
}

// Client fetches pages. It is safe for concurrent use.
type Client struct {
	cfg    Config
	http   *http.Client
	robots *http.Client // redirects not checked against robots.txt: it is being loaded
	log    *slog.Logger
	clock  Clock

	mu       sync.Mutex
	hosts    map[string]*host
	addrs    map[netip.Addr]*host    // per resolved address: slots and rate only
	resolved map[string][]netip.Addr // host name -> its addresses, sorted
}

// host is the per-host state: a concurrency slot per request in flight,
// a rate limiter, and the robots.txt rules, loaded once.
type host struct {
	slots chan struct{}
	lim   *rate.Limiter

	robotsMu sync.Mutex
	robots   *robotstxt.RobotsData // nil until loaded
}

// New returns a Client for cfg.
func New(cfg Config) *Client {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = UserAgent("", "")
	}
	if cfg.PerHost <= 0 {
		cfg.PerHost = DefaultPerHost
	}
	if cfg.Rate <= 0 {
		cfg.Rate = DefaultRate
	}
	def(&cfg.ConnectTimeout, DefaultConnectTimeout)
	def(&cfg.HeaderTimeout, DefaultHeaderTimeout)
	def(&cfg.Timeout, DefaultTimeout)
	def(&cfg.MaxRetryAfter, DefaultMaxRetryAfter)
	def(&cfg.Backoff, DefaultBackoff)
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	switch {
	case cfg.MaxRedirects == 0:
		cfg.MaxRedirects = DefaultMaxRedirects
	case cfg.MaxRedirects < 0:
		cfg.MaxRedirects = 0
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	c := &Client{cfg: cfg, log: cfg.Logger, clock: cfg.Clock, hosts: map[string]*host{}, addrs: map[netip.Addr]*host{}, resolved: map[string][]netip.Addr{}}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.clock == nil {
		c.clock = realClock{}
	}
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = refusePrivate
	}
	tr := &http.Transport{
		// No proxy from the environment: the dial-time address check must
		// see the server's own address.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		ResponseHeaderTimeout: cfg.HeaderTimeout,
		MaxIdleConnsPerHost:   cfg.PerHost,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
		// Compression stays on: the Transport asks for gzip and decodes it.
	}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	c.robots = &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > c.cfg.MaxRedirects {
			return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, c.cfg.MaxRedirects)
		}
		return checkScheme(req.URL)
	}}
	return c
}

// Request is one page to get.
type Request struct {
	URL string
	// ETag and LastModified, from an earlier fetch, make the request
	// conditional: an unchanged page answers 304 with no body.
	ETag, LastModified string
	// HTMLOnly refuses any other content type with ErrNotHTML, before the
	// body is read when the server names its type.
	HTMLOnly bool
}

// Response is a fetched page. For a 304 answer Body is nil.
type Response struct {
	URL          string // as requested
	FinalURL     string // after redirects
	Status       int
	ContentType  string // the Content-Type header, charset included
	ETag         string
	LastModified string
	Body         []byte // decompressed
	FetchedAt    time.Time
}

// NotModified reports whether the server said the page is unchanged since
// the conditional request's ETag or date.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Get fetches req.URL: it waits for robots.txt, a free slot and the rate
// limit of the URL's host, and retries 429 and 5xx answers. Failures wrap
// the package's Err values or are a *StatusError; when ctx ends, its cause
// is returned unwrapped-compatible (errors.Is(err, context.Canceled)).
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	h := c.host(u)
	if err := c.allowed(ctx, h, u); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		resp, retry, err := c.attempt(ctx, h, u, req, attempt)
		if err == nil || retry < 0 || attempt >= c.cfg.MaxRetries {
			return resp, err
		}
		c.log.Debug("retrying", "source", req.URL, "err", err, "wait", retry, "attempt", attempt+1)
		if err := c.clock.Sleep(ctx, retry); err != nil {
			return nil, err
		}
	}
}

// attempt makes one request. retry is how long to wait before trying
// again, or negative when the failure is final.
func (c *Client) attempt(ctx context.Context, h *host, u *url.URL, req Request, n int) (resp *Response, retry time.Duration, err error) {
	release, err := c.acquire(ctx, h, u)
	if err != nil {
		return nil, -1, err
	}
	defer release()

	actx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, ErrTimeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, -1, fmt.Errorf("bad URL: %w", err)
	}
	hreq.Header.Set("User-Agent", c.cfg.UserAgent)
	if req.HTMLOnly {
		hreq.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hresp, err := c.http.Do(hreq)
	if err != nil {
		return nil, -1, c.classify(ctx, actx, err)
	}
	defer hresp.Body.Close()

	r := &Response{
		URL: req.URL, FinalURL: hresp.Request.URL.String(), Status: hresp.StatusCode,
		ContentType: hresp.Header.Get("Content-Type"), ETag: hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"), FetchedAt: c.clock.Now().UTC(),
	}
	switch code := hresp.StatusCode; {
	case code == http.StatusNotModified:
		return r, -1, nil
	case code == http.StatusTooManyRequests || code >= 500:
		io.Copy(io.Discard, io.LimitReader(hresp.Body, 64<<10)) // reuse the connection
		serr := &StatusError{Code: code, Status: hresp.Status}
		wait, ok := retryAfter(hresp.Header.Get("Retry-After"), c.clock.Now())
		if !ok {
			wait = jitter(c.cfg.Backoff << n)
		}
		if wait > c.cfg.MaxRetryAfter {
			return nil, -1, fmt.Errorf("%w (Retry-After %s is longer than %s)", serr, wait.Round(time.Second), c.cfg.MaxRetryAfter)
		}
		return nil, wait, serr
	case code < 200 || code > 299:
		return nil, -1, &StatusError{Code: code, Status: hresp.Status}
	}
	if req.HTMLOnly && r.ContentType != "" && !IsHTML(r.ContentType) {
		return nil, -1, fmt.Errorf("%w: content type %s", ErrNotHTML, mediaType(r.ContentType))
	}
	if hresp.ContentLength > c.cfg.MaxBytes {
		return nil, -1, c.tooLarge()
	}
	body, err := io.ReadAll(io.LimitReader(hresp.Body, c.cfg.MaxBytes+1))
	if err != nil {
		return nil, -1, c.classify(ctx, actx, err)
	}
	if int64(len(body)) > c.cfg.MaxBytes {
		return nil, -1, c.tooLarge()
	}
	if req.HTMLOnly && r.ContentType == "" && !IsHTML(http.DetectContentType(body)) {
		return nil, -1, fmt.Errorf("%w: content sniffed as %s", ErrNotHTML, mediaType(http.DetectContentType(body)))
	}
	r.Body = body
	return r, -1, nil
}

func (c *Client) tooLarge() error {
	return fmt.Errorf("%w: body over %d MiB", ErrTooLarge, c.cfg.MaxBytes>>20)
}

// acquire takes a request slot of h and of each address u's host
// resolves to, then waits until all their rate limiters let one more
// request go. The limits per address keep two names of one server
// (localhost and 127.0.0.1, example.com and www.example.com) from
// getting twice the rate; sites that share an address (a CDN's) share
// its limit too. Host slots are taken before address slots, and
// addresses in order, so two requests never wait on each other's. The
// returned func gives the slots back.
func (c *Client) acquire(ctx context.Context, h *host, u *url.URL) (release func(), err error) {
	held := []*host{}
	release = func() {
		for _, x := range held {
			<-x.slots
		}
	}
	for _, x := range append([]*host{h}, c.addrHosts(ctx, u)...) {
		select {
		case x.slots <- struct{}{}:
			held = append(held, x)
		case <-ctx.Done():
			release()
			return nil, context.Cause(ctx)
		}
	}
	if err := c.wait(ctx, held...); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// wait blocks until the rate limiters of all of hs let one more request
// go.
func (c *Client) wait(ctx context.Context, hs ...*host) error {
	now := c.clock.Now()
	var delay time.Duration
	rs := make([]*rate.Reservation, 0, len(hs))
	cancel := func() {
		for _, r := range rs {
			r.CancelAt(c.clock.Now())
		}
	}
	for _, h := range hs {
		r := h.lim.ReserveN(now, 1)
		if !r.OK() {
			cancel()
			return errors.New("rate limiter refused a request")
		}
		rs = append(rs, r)
		delay = max(delay, r.DelayFrom(now))
	}
	if err := c.clock.Sleep(ctx, delay); err != nil {
		cancel()
		return err
	}
	return nil
}

// addrHosts returns the per-address state of every address u's host
// resolves to, in address order; none when it cannot be resolved (the
// request then fails as it dials, with the resolver's error). Names are
// resolved once per Client: the addresses only key the limits, and the
// address actually dialled is still checked (refusePrivate).
func (c *Client) addrHosts(ctx context.Context, u *url.URL) []*host {
	name := strings.ToLower(u.Hostname())
	c.mu.Lock()
	addrs, ok := c.resolved[name]
	c.mu.Unlock()
	if !ok {
		if a, err := netip.ParseAddr(name); err == nil {
			addrs = []netip.Addr{a}
		} else if found, err := net.DefaultResolver.LookupNetIP(ctx, "ip", name); err == nil {
			addrs = found
		} else if ctx.Err() == nil {
			c.log.Debug("cannot resolve host for its rate limit", "source", u.String(), "err", err)
		}
		for i := range addrs {
			addrs[i] = addrs[i].Unmap().WithZone("")
		}
		slices.SortFunc(addrs, netip.Addr.Compare)
		addrs = slices.Compact(addrs)
		c.mu.Lock()
		c.resolved[name] = addrs
		c.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]*host, 0, len(addrs))
	for _, a := range addrs {
		x, ok := c.addrs[a]
		if !ok {
			x = c.newHost()
			c.addrs[a] = x
		}
		out = append(out, x)
	}
	return out
}

// classify turns a transport error into a timeout, a refused address, too
// many redirects or a plain network error, without the "Get URL:" prefix
// (the item's source already names the URL). The run's own cancellation
// (ctx) is returned as its cause. actx is the attempt's context, whose
// cause is ErrTimeout when the whole-request Timeout fired.
//
// A timeout says which limit fired and its value: the transport's header
// and TLS timeouts and the dialer's also match context.DeadlineExceeded,
// so that alone cannot tell them from Timeout.
func (c *Client) classify(ctx, actx context.Context, err error) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	var oe *net.OpError
	switch {
	case errors.Is(err, ErrPrivate), errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrScheme), errors.Is(err, ErrRobots):
		return err
	case errors.Is(context.Cause(actx), ErrTimeout):
		return fmt.Errorf("%w: no complete answer after %s (the whole request's limit)", ErrTimeout, c.cfg.Timeout)
	case strings.Contains(err.Error(), "timeout awaiting response headers"):
		return fmt.Errorf("%w: no response headers after %s", ErrTimeout, c.cfg.HeaderTimeout)
	case strings.Contains(err.Error(), "TLS handshake timeout"):
		return fmt.Errorf("%w: TLS handshake took over %s", ErrTimeout, c.cfg.ConnectTimeout)
	case errors.As(err, &oe) && oe.Op == "dial" && oe.Timeout():
		return fmt.Errorf("%w: could not connect within %s", ErrTimeout, c.cfg.ConnectTimeout)
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return err
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, c.cfg.MaxRedirects)
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	return c.allowed(req.Context(), c.host(req.URL), req.URL)
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: %q", ErrScheme, u.Scheme+":")
	}
	if u.Host == "" {
		return fmt.Errorf("bad URL %q: no host", u.String())
	}
	return nil
}

func hostKey(u *url.URL) string {
	return strings.ToLower(u.Scheme + "://" + u.Host)
}

func (c *Client) host(u *url.URL) *host {
	key := hostKey(u)
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[key]
	if !ok {
		h = c.newHost()
		c.hosts[key] = h
	}
	return h
}

func (c *Client) newHost() *host {
	return &host{slots: make(chan struct{}, c.cfg.PerHost), lim: rate.NewLimiter(rate.Limit(c.cfg.Rate), 1)}
}

// allowed checks u against its host's robots.txt, loading it on first use.
func (c *Client) allowed(ctx context.Context, h *host, u *url.URL) error {
	if c.cfg.IgnoreRobots {
		return nil
	}
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	if h.robots == nil {
		rd, err := c.loadRobots(ctx, h, u)
		if err != nil {
			return err
		}
		h.robots = rd
		if g := rd.FindGroup(Agent); g != nil && g.CrawlDelay > 0 {
			if lim := rate.Every(g.CrawlDelay); lim < h.lim.Limit() {
				h.lim.SetLimitAt(c.clock.Now(), lim)
			}
		}
	}
	if !h.robots.TestAgent(u.RequestURI(), Agent) {
		return ErrRobots
	}
	return nil
}

// loadRobots gets scheme://host/robots.txt. As Google does, a 4xx answer
// allows everything and a 5xx disallows everything; an unreadable file
// allows everything (and is logged). A network failure is the URL's
// failure and is tried again for the next URL of the host.
func (c *Client) loadRobots(ctx context.Context, h *host, u *url.URL) (*robotstxt.RobotsData, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	if err := c.wait(ctx, append([]*host{h}, c.addrHosts(ctx, u)...)...); err != nil {
		return nil, err
	}
	actx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, ErrTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	resp, err := c.robots.Do(req)
	if err != nil {
		return nil, fmt.Errorf("robots.txt: %w", c.classify(ctx, actx, err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		return nil, fmt.Errorf("robots.txt: %w", c.classify(ctx, actx, err))
	}
	rd, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		c.log.Warn("unreadable robots.txt: allowing all", "source", ru.String(), "err", err)
		rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	return rd, nil
}

// retryAfter parses a Retry-After header: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0, false
		}
		return time.Duration(s) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// IsHTML reports whether a Content-Type names HTML or XHTML.
func IsHTML(contentType string) bool {
	switch mediaType(contentType) {
	case "text/html", "application/xhtml+xml":
		return true
	}
	return false
}

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// jitter returns a duration in [d/2, d): "equal jitter", so that retries
// from many workers spread out but never come back sooner than half the
// backoff. The backoff without Retry-After is Backoff doubled per retry:
// 1s, 2s, 4s by default, each jittered.
func jitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2)
}

// MaxBytes returns the body size cap in force, in bytes.
func (c *Client) MaxBytes() int64 { return c.cfg.MaxBytes }
