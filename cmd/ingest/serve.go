package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/web"
)

const (
	defaultAddr     = "127.0.0.1:8080"
	shutdownTimeout = 5 * time.Second // for the requests under way to finish
)

func cmdServe() *Command {
	c := &Command{
		Name:      "serve",
		UsageLine: "serve [--index DIR] [--addr HOST:PORT] [--timeout D] [--max-searches N]",
		Short:     "search an index over HTTP and in a browser",
		Long: `Serve opens an index and answers searches over HTTP: a JSON API for
scripts and HTML pages for a browser (no JavaScript). It prints the URL
on stdout once listening, logs requests on stderr at --log-level info,
and stops on Ctrl-C or SIGTERM, finishing the requests under way (exit 0).

It listens on 127.0.0.1 only, unless --addr names another address: then
anyone who can reach that address can search the index, and serve warns.

The index is open in this process while serving: "ingest add", "reindex",
"search" and another "serve" on the same index fail with "index is open
elsewhere" until serve stops. Stop it to add articles, then serve again.

Every request has a budget: --timeout for the whole request (5s), at
most --max-searches requests using the index at once (4; another waits up
to a second for a turn), and the limits of every search (at most 1024
index terms read, counting each word a wildcard, prefix, regular
expression or fuzzy term matches in each field searched, and at most 4
such clauses). A request over its budget is answered 503, with a JSON
error or an error page. A query of stars alone (*) lists every article,
unscored, in index order.

JSON API (GET only; other methods are 405). Every response is a JSON
object; fields may be added, never removed or renamed. Errors are
{"error": "..."} with 400 for a bad query or parameter, 404 for an
unknown article or path, 503 for a request over its budget or a server
too busy (with Retry-After), 500 for a failure of the server (the reason
is logged, not sent). limit is capped at 100; offset at most 10000.

  GET /api/search?q=QUERY&limit=10&offset=0&sort=relevance|newest|oldest
      the query syntax of "ingest search"; hits as its --json lines:
      {"query","sort","total","offset","limit","returned","took_ms","hits":[...]}
  GET /api/quotes?speaker=NAME&q=QUERY&limit=20&offset=0
      as "ingest quotes --speaker NAME QUERY --json" (speaker, q or both):
      {"query","speaker","total","offset","limit","returned","took_ms","quotes":[...]}
  GET /api/entities?type=person|organization|place|speaker&q=QUERY&top=10
      as "ingest entities --type TYPE --json QUERY" (q optional):
      {"type","query","top","returned","entities":[...]}
  GET /api/articles/ID
      one article's stored fields, its quotes in order and its full text,
      as "ingest show --json ID": {"message_type":"article","id","title",
      "source","url","published","person","organization","place","quotes",
      "text"}

Pages: / (search), /quotes, /entities and /articles/ID.`,
		Flags: flag.NewFlagSet("serve", flag.ContinueOnError),
	}
	indexDir := c.Flags.String("index", defaultIndex(), "index `directory` (env BYLINE_INDEX)")
	addr := c.Flags.String("addr", defaultAddr, "listen on `HOST:PORT` (port 0 picks a free one)")
	timeout := c.Flags.Duration("timeout", web.DefaultTimeout, "answer 503 to a request not done in `D`")
	maxSearches := c.Flags.Int("max-searches", web.DefaultMaxSearches, "at most `N` requests use the index at once")
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected arguments: %v", args)
		}
		if *timeout <= 0 || *maxSearches < 1 {
			return usagef("--timeout must be more than 0 and --max-searches 1 or more")
		}
		host, _, err := net.SplitHostPort(*addr)
		if err != nil {
			return usagef("bad --addr %q: want HOST:PORT, like %s", *addr, defaultAddr)
		}
		ix, err := openExisting(env, *indexDir)
		if errors.Is(err, index.ErrLocked) {
			return fmt.Errorf("%w: stop the other ingest command (add, reindex, serve) using it, then try again", err)
		}
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			_ = ix.Close()
			return fmt.Errorf("listen: %w", err)
		}
		if !isLoopback(host) {
			fmt.Fprintf(env.Stderr, "ingest serve: warning: listening on %s: the index is reachable from the network\n", ln.Addr())
		}
		return serve(ctx, env, ln, ix, web.WithTimeout(*timeout), web.WithMaxSearches(*maxSearches))
	}
	return c
}

// isLoopback reports whether host (from --addr) only accepts local
// connections. An empty host listens on every interface.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serve answers HTTP requests on ln from ix with web's handler (with
// opts) until ctx is done, then shuts down, waiting up to
// shutdownTimeout for requests under way, and closes ix. It prints the
// URL on env.Stdout once listening.
func serve(ctx context.Context, env *Env, ln net.Listener, ix *index.Index, opts ...web.Option) error {
	h := web.New(ix, env.Log, opts...)
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// Longer than any request's timeout, so that a search cut
		// short is still answered (503) rather than dropped.
		WriteTimeout:   max(30*time.Second, h.Timeout()+10*time.Second),
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(env.Stdout, "http://%s/\n", ln.Addr())
	env.Log.Info("serving", "addr", ln.Addr().String())

	select {
	case err := <-served:
		return errors.Join(fmt.Errorf("serve: %w", err), ix.Close())
	case <-ctx.Done():
	}
	env.Log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		err = fmt.Errorf("shut down: %w", err)
		_ = srv.Close() // the requests still running get closed connections
	}
	<-served // http.ErrServerClosed
	return errors.Join(err, ix.Close())
}
