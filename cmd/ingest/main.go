// Command ingest turns piles of news articles into a searchable record of
// who, which organisations, who said what, and when.
//
//	ingest add [flags] INPUT...      ingest articles into an index
//	ingest reindex [flags]           rebuild an index from the stored pages
//	ingest extract [flags] INPUT...  print what Byline finds, as JSON Lines
//	ingest search [flags] QUERY      search an index
//	ingest show [flags] ID           print one article: its names, quotes and text
//	ingest entities [flags] [QUERY]  who and what appear most, in an index or a query
//	ingest quotes [flags] [QUERY]    list who said what
//	ingest serve [flags]             search an index over HTTP and in a browser
//	ingest check [flags]             verify an index, and say what to do when it is bad
//	ingest eval [flags] CORPUS       score extraction against gold annotations
//	ingest version                   print the version
//
// Run "ingest help COMMAND" for a command's flags. Results go to stdout;
// logs and progress go to stderr.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/bylinehq/byline/index"
)

// Command is one subcommand, modelled on the go command's base.Command.
type Command struct {
	Name      string
	UsageLine string
	Short     string
	Long      string
	// Flags are the command's own flags; Run receives the arguments after them.
	Flags *flag.FlagSet
	Run   func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command runs with: its streams and the logger built from the
// common flags.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Log            *slog.Logger
	JSON           bool // --json: machine-readable output
}

// Errors that choose the exit code (see exitCode).
var (
	errPartial  = errors.New("some articles failed")
	errBelowMin = errors.New("eval below threshold")
)

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// Exit codes; see the README.
const (
	exitOK          = 0
	exitFatal       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitBelowMin    = 4
	exitOverBudget  = 5 // a search over its time or size budget
	exitInterrupted = 130
)

func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		return exitUsage
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.Is(err, errPartial):
		return exitPartial
	case errors.Is(err, errBelowMin):
		return exitBelowMin
	case errors.Is(err, index.ErrOverBudget):
		return exitOverBudget
	default:
		return exitFatal
	}
}

func commands() []*Command {
	return []*Command{cmdAdd(), cmdReindex(), cmdExtract(), cmdSearch(), cmdShow(), cmdQuotes(), cmdEntities(), cmdServe(), cmdCheck(), cmdEval(), cmdVersion()}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it parses args, runs one command and
// returns the exit code. Tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" && len(args) == 1 {
		mainUsage(stderr, cmds)
		return exitUsage
	}
	name := args[0]
	if name == "help" {
		name = args[1]
		args = []string{name, "-h"}
	}
	var cmd *Command
	for _, c := range cmds {
		if c.Name == name {
			cmd = c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "ingest: unknown command %q\n", name)
		mainUsage(stderr, cmds)
		return exitUsage
	}

	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	fs := cmd.Flags
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: ingest %s\n\n%s\n\nFlags:\n", cmd.UsageLine, strings.TrimSpace(cmd.Long))
		fs.PrintDefaults()
	}
	logLevel := fs.String("log-level", envOr("BYLINE_LOG_LEVEL", "warn"), "log `level`: debug, info, warn or error (env BYLINE_LOG_LEVEL)")
	logFormat := fs.String("log-format", envOr("BYLINE_LOG_FORMAT", "text"), "log `format` on stderr: text or json (env BYLINE_LOG_FORMAT)")
	fs.BoolVar(&env.JSON, "json", false, "print JSON Lines on stdout instead of text")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	logger, err := newLogger(stderr, *logLevel, *logFormat)
	if err == nil {
		env.Log = logger
		routeLibraryLog(logger)
		err = cmd.Run(ctx, env, fs.Args())
	}
	if ctx.Err() != nil && err != nil && !errors.Is(err, errPartial) {
		err = fmt.Errorf("interrupted: %w", context.Canceled)
	}
	code := exitCode(err)
	if err != nil && code != exitPartial && code != exitBelowMin {
		fmt.Fprintf(stderr, "ingest %s: %v\n", cmd.Name, err)
		if code == exitUsage {
			fmt.Fprintf(stderr, "usage: ingest %s (see ingest help %s)\n", cmd.UsageLine, cmd.Name)
		}
		if env.JSON {
			json.NewEncoder(stderr).Encode(map[string]any{
				"message_type": "exit_error", "code": code, "message": err.Error(),
			})
		}
	}
	return code
}

func mainUsage(w io.Writer, cmds []*Command) {
	fmt.Fprintf(w, "Byline turns news articles into a searchable record of who, which organisations,\nwho said what, and when.\n\nusage: ingest COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(w, "\nRun 'ingest help COMMAND' for a command's flags.\n")
}

func newLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, usagef("bad --log-level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usagef("bad --log-format %q: want text or json", format)
}

// envOr returns the environment variable key, or def when it is unset.
// Environment variables are documented fallbacks for flags, nothing more.
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

// defaultIndex is where the index lives unless --index says otherwise.
func defaultIndex() string { return envOr("BYLINE_INDEX", "byline.bleve") }
