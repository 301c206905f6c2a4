package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock never sleeps: Sleep moves its time on and records the wait.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
		c.slept = append(c.slept, d)
	}
	return ctx.Err()
}

func (c *fakeClock) waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

const page = "<html><head><title>T</title></head><body><p>Hello.</p></body></html>"

// server serves robots (if not empty) at /robots.txt, h elsewhere, and
// counts the requests to each path.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newServer(t *testing.T, robots string, h http.HandlerFunc) *server {
	t.Helper()
	s := &server{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			if robots == "" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprint(w, robots)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func html(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

// testClient allows loopback (httptest) and uses clock, a fake one unless
// the test needs real time.
func testClient(cfg Config, clock Clock) *Client {
	cfg.AllowPrivate = true
	cfg.Clock = clock
	return New(cfg)
}

func TestRobotsDisallowedIsNeverRequested(t *testing.T) {
	t.Parallel()
	// Byline's own group wins over "*" (RFC 9309).
	s := newServer(t, "User-agent: *\nDisallow: /\n\nUser-agent: Byline\nDisallow: /private/\nDisallow: /no-byline\n", html)
	c := testClient(Config{}, newFakeClock())
	for _, tc := range []struct {
		path string
		want error
	}{
		{"/news/1", nil},
		{"/private/secret", ErrRobots},
		{"/no-byline?x=1", ErrRobots},
		{"/news/2", nil},
	} {
		_, err := c.Get(t.Context(), Request{URL: s.URL + tc.path, HTMLOnly: true})
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.path, err, tc.want)
		}
	}
	if n := s.count("/news/1") + s.count("/news/2"); n != 2 {
		t.Errorf("allowed paths requested %d times, want 2", n)
	}
	if n := s.count("/private/secret") + s.count("/no-byline"); n != 0 {
		t.Errorf("disallowed paths requested %d times", n)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once per host", n)
	}
}

func TestRobotsRedirectedOnTheSameHost(t *testing.T) {
	t.Parallel()
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots-real.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /no\n")
			return
		}
		html(w, r)
	})
	// The server's /robots.txt answers 404; wrap it to redirect instead.
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/robots-real.txt", http.StatusMovedPermanently)
	})
	mux.Handle("/", s.Config.Handler)
	s.Config.Handler = mux
	c := testClient(Config{}, newFakeClock())
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/no"}); !errors.Is(err, ErrRobots) {
		t.Errorf("err = %v, want ErrRobots from the redirected robots.txt", err)
	}
}

func TestRetries(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	date := clock.Now().Add(5 * time.Second).Format(http.TimeFormat)
	for _, tc := range []struct {
		name       string
		code       int
		retryAfter string
		failures   int // answers with code before a 200
		wantWaits  []time.Duration
		wantErr    string
		wantHits   int
	}{
		{"429 Retry-After seconds", 429, "7", 2, []time.Duration{7 * time.Second, 7 * time.Second}, "", 3},
		{"503 Retry-After date", 503, date, 1, []time.Duration{5 * time.Second}, "", 2},
		{"500 gives up after 3 retries", 500, "1", 10, []time.Duration{time.Second, time.Second, time.Second}, "HTTP 500 Internal Server Error", 4},
		{"Retry-After too long", 429, "3600", 1, nil, "Retry-After 1h0m0s is longer than 2m0s", 1},
		{"404 is not retried", 404, "1", 1, nil, "HTTP 404 Not Found", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var n atomic.Int32
			s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
				if int(n.Add(1)) <= tc.failures {
					w.Header().Set("Retry-After", tc.retryAfter)
					w.WriteHeader(tc.code)
					return
				}
				html(w, r)
			})
			clock := newFakeClock()
			c := testClient(Config{Rate: 1000, IgnoreRobots: true}, clock)
			resp, err := c.Get(t.Context(), Request{URL: s.URL + "/a"})
			if tc.wantErr == "" && (err != nil || string(resp.Body) != page) {
				t.Fatalf("Get: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			var serr *StatusError
			if tc.wantErr != "" && !errors.As(err, &serr) {
				t.Errorf("err %v is not a *StatusError", err)
			}
			var waits []time.Duration
			for _, w := range clock.waits() {
				if w > 100*time.Millisecond { // leave out rate-limit waits
					waits = append(waits, w)
				}
			}
			if fmt.Sprint(waits) != fmt.Sprint(tc.wantWaits) {
				t.Errorf("waited %v, want %v", waits, tc.wantWaits)
			}
			if got := s.count("/a"); got != tc.wantHits {
				t.Errorf("%d requests, want %d", got, tc.wantHits)
			}
		})
	}
}

func TestBackoffIsExponentialWithJitter(t *testing.T) {
	t.Parallel()
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(502) })
	clock := newFakeClock()
	c := testClient(Config{Rate: 1000, IgnoreRobots: true}, clock)
	if _, err := c.Get(t.Context(), Request{URL: s.URL}); err == nil {
		t.Fatal("no error from a server answering 502")
	}
	var waits []time.Duration
	for _, w := range clock.waits() {
		if w > 100*time.Millisecond {
			waits = append(waits, w)
		}
	}
	if len(waits) != 3 {
		t.Fatalf("waits %v, want 3 retries", waits)
	}
	for i, w := range waits {
		base := DefaultBackoff << i
		if w < base/2 || w >= base {
			t.Errorf("retry %d waited %v, want in [%v, %v)", i+1, w, base/2, base)
		}
	}
}

func TestRateLimitPerHost(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	var mu sync.Mutex
	var at []time.Time
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, clock.Now())
		mu.Unlock()
		html(w, r)
	})
	c := testClient(Config{}, clock) // 1 request/s
	for i := range 4 {
		if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", s.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < time.Second {
			t.Errorf("requests %d and %d %v apart, want at least 1s", i-1, i, gap)
		}
	}
	if len(at) != 4 {
		t.Errorf("%d requests, want 4", len(at))
	}
}

func TestConcurrencyPerHost(t *testing.T) {
	t.Parallel()
	var inFlight, most atomic.Int32
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		html(w, r)
	})
	c := testClient(Config{Rate: 10000}, nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", s.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m != DefaultPerHost {
		t.Errorf("at most %d requests in flight, want %d", m, DefaultPerHost)
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		fmt.Fprint(w, "<html><body><p>start")
		w.(http.Flusher).Flush()
		select { // a body that never ends
		case <-r.Context().Done():
		case <-release:
		}
	})
	c := testClient(Config{Timeout: 200 * time.Millisecond, IgnoreRobots: true}, nil)
	start := time.Now()
	_, err := c.Get(t.Context(), Request{URL: s.URL})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if got, want := err.Error(), "timeout: no complete answer after 200ms (the whole request's limit)"; got != want {
		t.Errorf("err = %q, want %q", got, want)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to time out", d)
	}
	if got := s.count("/"); got != 1 {
		t.Errorf("%d requests: a timeout is not retried", got)
	}
}

func TestHeaderTimeout(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	c := testClient(Config{HeaderTimeout: 100 * time.Millisecond, Timeout: 30 * time.Second, IgnoreRobots: true}, nil)
	_, err := c.Get(t.Context(), Request{URL: s.URL})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	// The header limit fired, not the whole request's: the message must
	// name it and its value (it once said "timeout after 30s").
	if got, want := err.Error(), "timeout: no response headers after 100ms"; got != want {
		t.Errorf("err = %q, want %q", got, want)
	}
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop/a":
			http.Redirect(w, r, "/loop/b", http.StatusFound)
		case "/loop/b":
			http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
		case "/moved":
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
		case "/to-ftp":
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		default:
			html(w, r)
		}
	})
	c := testClient(Config{}, newFakeClock())
	_, err := c.Get(t.Context(), Request{URL: s.URL + "/loop/a"})
	if !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("loop: err = %v, want ErrTooManyRedirects", err)
	}
	if n := s.count("/loop/a") + s.count("/loop/b"); n != DefaultMaxRedirects+1 {
		t.Errorf("loop: %d requests, want %d", n, DefaultMaxRedirects+1)
	}
	resp, err := c.Get(t.Context(), Request{URL: s.URL + "/moved"})
	if err != nil || resp.FinalURL != s.URL+"/final" || resp.URL != s.URL+"/moved" {
		t.Errorf("moved: %+v, %v", resp, err)
	}
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/to-ftp"}); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: err = %v, want ErrScheme", err)
	}
}

func TestSizeCap(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("<p>all work and no play.</p>\n"), DefaultMaxBytes/29+100) // just over 10 MiB
	// A gzip bomb, against a 1 MiB cap to keep the test quick: 2 KiB on
	// the wire, 2 MiB once decompressed.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(make([]byte, 2<<20))
	zw.Close()
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/length":
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			w.Write(big)
		case "/chunked":
			for i := 0; i < len(big); i += 1 << 20 {
				w.Write(big[i:min(i+1<<20, len(big))])
				w.(http.Flusher).Flush()
			}
		case "/gzip-bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz.Bytes())
		}
	})
	c := testClient(Config{Rate: 1000, IgnoreRobots: true}, nil)
	small := testClient(Config{Rate: 1000, IgnoreRobots: true, MaxBytes: 1 << 20}, nil)
	for _, tc := range []struct {
		path  string
		c     *Client
		limit string
	}{
		{"/length", c, "10 MiB"},
		{"/chunked", c, "10 MiB"},
		{"/gzip-bomb", small, "1 MiB"},
	} {
		_, err := tc.c.Get(t.Context(), Request{URL: s.URL + tc.path})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.limit) {
			t.Errorf("%s: err = %v, want ErrTooLarge naming %s", tc.path, err, tc.limit)
		}
	}
}

func TestGzipResponse(t *testing.T) {
	t.Parallel()
	var gotEncoding atomic.Value
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		gotEncoding.Store(r.Header.Get("Accept-Encoding"))
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, page)
		zw.Close()
	})
	c := testClient(Config{IgnoreRobots: true}, nil)
	resp, err := c.Get(t.Context(), Request{URL: s.URL})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != page {
		t.Errorf("body %q, want the page decompressed", resp.Body)
	}
	if e, _ := gotEncoding.Load().(string); !strings.Contains(e, "gzip") {
		t.Errorf("Accept-Encoding %q, want gzip", e)
	}
}

func TestNotHTMLRefused(t *testing.T) {
	t.Parallel()
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	c := testClient(Config{IgnoreRobots: true}, nil)
	_, err := c.Get(t.Context(), Request{URL: s.URL, HTMLOnly: true})
	if !errors.Is(err, ErrNotHTML) || !strings.Contains(err.Error(), "application/pdf") {
		t.Errorf("err = %v, want ErrNotHTML naming application/pdf", err)
	}
}

func TestUserAgentAndConditionalHeaders(t *testing.T) {
	t.Parallel()
	const etag = `"v1"`
	var ua atomic.Value
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		html(w, r)
	})
	c := testClient(Config{UserAgent: UserAgent("1.2.3", "mailto:desk@example.org")}, newFakeClock())
	first, err := c.Get(t.Context(), Request{URL: s.URL})
	if err != nil || first.ETag != etag || first.NotModified() {
		t.Fatalf("first: %+v, %v", first, err)
	}
	again, err := c.Get(t.Context(), Request{URL: s.URL, ETag: first.ETag})
	if err != nil || !again.NotModified() || again.Body != nil {
		t.Fatalf("conditional: %+v, %v", again, err)
	}
	if got, want := ua.Load(), "Byline/1.2.3 (+mailto:desk@example.org)"; got != want {
		t.Errorf("User-Agent %q, want %q", got, want)
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	t.Parallel()
	s := newServer(t, "", html)
	c := New(Config{Clock: newFakeClock()}) // AllowPrivate false
	host := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{s.URL, host} {
		_, err := c.Get(t.Context(), Request{URL: u})
		var ae *AddressError
		if !errors.Is(err, ErrPrivate) || !errors.As(err, &ae) || ae.Kind != "loopback" {
			t.Errorf("%s: err = %v, want a loopback ErrPrivate", u, err)
		}
	}
	if n := s.count("/") + s.count("/robots.txt"); n != 0 {
		t.Errorf("server reached %d times", n)
	}
	for _, u := range []string{"ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)"} {
		if _, err := c.Get(t.Context(), Request{URL: u}); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err = %v, want ErrScheme", u, err)
		}
	}
}

func TestAddressKind(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]string{
		"127.0.0.1": "loopback", "127.8.9.10": "loopback", "::1": "loopback", "::ffff:127.0.0.1": "loopback",
		"10.1.2.3": "private", "172.16.0.1": "private", "172.31.255.255": "private", "192.168.1.1": "private",
		"fd00::1": "private", "100.64.0.1": "private",
		"169.254.169.254": "link-local", "fe80::1": "link-local",
		"0.0.0.0": "unspecified", "::": "unspecified",
		"224.0.0.1": "link-local", "239.1.2.3": "multicast", "ff02::1": "link-local", "ff05::1": "multicast",
		"8.8.8.8": "", "172.32.0.1": "", "2001:4860:4860::8888": "", "100.128.0.1": "",
	} {
		if got := addressKind(netip.MustParseAddr(addr)); got != want {
			t.Errorf("addressKind(%s) = %q, want %q", addr, got, want)
		}
	}
}

func TestRetryAfterParse(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"0": 0, "120": 2 * time.Minute, "Sun, 01 Mar 2026 12:00:30 GMT": 30 * time.Second,
		"Sun, 01 Mar 2026 11:00:00 GMT": 0, // in the past: at once
		"":                              -1, "soon": -1, "-5": -1,
	} {
		got, ok := retryAfter(v, now)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestRateLimitPerAddress: two names of one server (127.0.0.1 and
// localhost) share its rate limit. Keyed by host name alone, they got
// twice the rate.
func TestRateLimitPerAddress(t *testing.T) {
	t.Parallel()
	addrs, err := net.DefaultResolver.LookupNetIP(t.Context(), "ip", "localhost")
	if err != nil || !slices.ContainsFunc(addrs, func(a netip.Addr) bool { return a.Unmap() == netip.MustParseAddr("127.0.0.1") }) {
		t.Skipf("localhost does not resolve to 127.0.0.1 here (%v, %v)", addrs, err)
	}
	clock := newFakeClock()
	var mu sync.Mutex
	var at []time.Time
	s := newServer(t, "", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		at = append(at, clock.Now())
		mu.Unlock()
		html(w, r)
	})
	byName := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	c := testClient(Config{}, clock) // 1 request/s
	for i := range 6 {
		base := s.URL
		if i%2 == 1 {
			base = byName
		}
		if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", base, i)}); err != nil {
			t.Fatal(err)
		}
	}
	if len(at) != 6 {
		t.Fatalf("%d requests, want 6", len(at))
	}
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < time.Second {
			t.Errorf("requests %d and %d %v apart, want at least 1s", i-1, i, gap)
		}
	}
}
