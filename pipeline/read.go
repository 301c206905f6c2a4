package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// MaxInputBytes is the largest file or stdin input read as one article, in
// bytes. Larger inputs fail with ErrTooLarge without being read whole.
// JSON Lines files are streamed and may be larger; each line is capped.
const MaxInputBytes = 16 << 20

// ErrTooLarge is the error of an input over MaxInputBytes.
var ErrTooLarge = fmt.Errorf("input larger than %d MiB", MaxInputBytes>>20)

// ErrNotRegular is the error of a path that names a named pipe, a device
// or a socket rather than a file.
var ErrNotRegular = errors.New("not a regular file")

// ErrUnsupported is the error of a file whose kind Byline cannot read.
var ErrUnsupported = errors.New("unsupported file type (want .txt, .html, .htm or .jsonl)")

// formatOf returns the format a file name's extension names, and whether it
// names one at all.
func formatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	case ".jsonl", ".ndjson":
		return FormatJSON, true
	}
	return 0, false
}

// reader turns inputs into Items on out, in a deterministic order:
// arguments in the order given, directories walked in lexical order.
type reader struct {
	out     chan<- *Item
	stdin   io.Reader
	stats   *Stats
	seq     int
	skipped func(path string, reason error)
	meta    *Meta // nil: no metadata files

	fetch    *fetcher        // for URL inputs
	urlLists []string        // files of URLs, "-" for stdin
	seen     map[string]bool // URLs already sent, so none is fetched twice
}

// send passes it on, numbered and counted as read; the error is ctx's
// cause when ctx is done first.
func (r *reader) send(ctx context.Context, it *Item) error {
	r.stats.Read.Add(1)
	return r.pass(ctx, it)
}

// pass passes it on, numbered, without counting it as read.
func (r *reader) pass(ctx context.Context, it *Item) error {
	it.Seq = r.seq
	r.seq++
	select {
	case r.out <- it:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// failed sends an item that failed to be read.
func (r *reader) failed(ctx context.Context, source string, err error) error {
	it := &Item{Source: source}
	it.fail(StageRead, err)
	return r.send(ctx, it)
}

// metaFailed sends the unusable lines of the metadata files as failed
// items. They are not articles, so they do not count as read.
func (r *reader) metaFailed(ctx context.Context) error {
	if r.meta == nil {
		return nil
	}
	for _, e := range r.meta.Errors() {
		if err := r.pass(ctx, &Item{Source: e.Source, Err: e}); err != nil {
			return err
		}
	}
	return nil
}

// run reads every input. It returns only run-level errors (the context);
// unreadable inputs become failed Items.
func (r *reader) run(ctx context.Context, inputs []string) error {
	if len(inputs) == 0 && len(r.urlLists) == 0 {
		inputs = []string{"-"}
	}
	if err := r.metaFailed(ctx); err != nil {
		return err
	}
	for _, in := range inputs {
		var err error
		switch {
		case in == "-":
			err = r.readStdin(ctx)
		case isURL(in):
			err = r.readURL(ctx, in, 0)
		case otherScheme(in) != "":
			err = r.failed(ctx, in, schemeError(otherScheme(in)))
		default:
			err = r.readPath(ctx, in, true)
		}
		if err != nil {
			return err
		}
	}
	for _, list := range r.urlLists {
		if err := r.readURLList(ctx, list); err != nil {
			return err
		}
	}
	return nil
}

// ErrDirLoop is the failure of a symbolic link to a directory that
// contains it: following it would never end.
var ErrDirLoop = errors.New("directory loop")

// ErrDirSeen is the reason a directory reached a second time through a
// symbolic link is skipped: its files were read the first time.
var ErrDirSeen = errors.New("directory already read")

// readPath reads a file or walks a directory. explicit is true for a path
// named on the command line: one whose extension Byline does not know is
// then sniffed rather than skipped.
func (r *reader) readPath(ctx context.Context, path string, explicit bool) error {
	info, err := os.Stat(path) // follows a symbolic link, as the user meant
	if err != nil {
		return r.failed(ctx, path, err)
	}
	if !info.IsDir() {
		return r.readFile(ctx, filepath.Dir(path), path, explicit)
	}
	return r.walk(ctx, path, path, nil, map[string]string{})
}

// walk reads the directory dir, found under the input directory root, in
// lexical order, as filepath.WalkDir would, but follows symbolic links to
// directories (filepath.WalkDir follows none, not even root's, so a link
// named on the command line was skipped as an "other file"). stack holds
// the resolved paths of the directories being walked, so a link back to
// one of them fails with ErrDirLoop; seen maps every resolved directory
// already walked to the path it was walked as, so a directory reached
// twice is read once. Hidden files and directories are skipped; an
// unreadable directory is reported and the walk goes on.
func (r *reader) walk(ctx context.Context, root, dir string, stack []string, seen map[string]string) error {
	if err := ctx.Err(); err != nil {
		return context.Cause(ctx)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return r.failed(ctx, dir, err)
	}
	if slices.Contains(stack, real) {
		return r.failed(ctx, dir, fmt.Errorf("%w: %s leads back to %s", ErrDirLoop, dir, real))
	}
	if first, ok := seen[real]; ok {
		r.skipped(dir, fmt.Errorf("%w as %s", ErrDirSeen, first))
		return nil
	}
	seen[real] = dir
	stack = append(stack, real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		// What could be read of it is still read.
		if err := r.failed(ctx, dir, err); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				// A broken link: a failure if it names an article file.
				if _, ok := formatOf(p); ok {
					if err := r.failed(ctx, p, err); err != nil {
						return err
					}
				} else {
					r.skipped(p, ErrUnsupported)
				}
				continue
			}
			isDir = info.IsDir()
		}
		var err error
		switch _, known := formatOf(p); {
		case isDir:
			err = r.walk(ctx, root, p, stack, seen)
		case !known:
			r.skipped(p, ErrUnsupported)
		default:
			err = r.readFile(ctx, root, p, false)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readFile reads the file at path, found in the input directory root (for
// a file named on its own, its own directory). explicit is as for
// readPath; a .jsonl file that is not explicit and has no article in it is
// skipped (ErrNoArticleLines) rather than failing line by line.
func (r *reader) readFile(ctx context.Context, root, path string, explicit bool) error {
	if r.meta != nil && r.meta.IsMetaFile(path) {
		return nil // read as metadata, not as articles
	}
	if info, err := os.Stat(path); err != nil {
		return r.failed(ctx, path, err)
	} else if !info.Mode().IsRegular() && !explicit {
		// Opening a named pipe found in a folder would wait for a writer
		// for ever. One named on the command line is read: it may be
		// <(command) or /dev/stdin.
		return r.failed(ctx, path, fmt.Errorf("%w (%s)", ErrNotRegular, info.Mode().Type()))
	}
	format, known := formatOf(path)
	if format == FormatJSON {
		f, err := os.Open(path)
		if err != nil {
			return r.failed(ctx, path, err)
		}
		defer f.Close()
		if explicit {
			return r.readJSONL(ctx, path, f)
		}
		return r.readJSONLFound(ctx, path, f)
	}
	raw, err := readCapped(path)
	if err != nil {
		return r.failed(ctx, path, err)
	}
	if !known {
		if !explicit {
			r.skipped(path, ErrUnsupported)
			return nil
		}
		format = sniff(raw)
	}
	it := &Item{Source: path, Format: format, Raw: raw, file: fileIdentity(path)}
	if r.meta != nil {
		if it.Meta = r.meta.Match(root, path); it.Meta != nil {
			r.stats.MetaMatched.Add(1)
		} else {
			r.stats.MetaUnmatched.Add(1)
		}
	}
	return r.send(ctx, it)
}

// fileIdentity is a file's absolute path with links resolved: the same
// file named from another folder, by a relative path or through a link
// is the same article.
func fileIdentity(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// readCapped reads a whole file of at most MaxInputBytes.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllCapped(f)
}

func readAllCapped(rd io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(rd, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxInputBytes {
		return nil, ErrTooLarge
	}
	return raw, nil
}

// sniff guesses whether raw is HTML or plain text.
func sniff(raw []byte) Format {
	head := bytes.ToLower(bytes.TrimSpace(raw[:min(len(raw), 512)]))
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<article"), []byte("<p>"), []byte("<div")} {
		if bytes.HasPrefix(head, p) {
			return FormatHTML
		}
	}
	return FormatText
}

// readJSONL sends one Item a line. Blank lines are skipped; a line that is
// not a JSON object fails alone, later in the clean stage.
func (r *reader) readJSONL(ctx context.Context, name string, rd io.Reader) error {
	return r.readLines(ctx, name, rd, false)
}

// readJSONLFound reads a .jsonl file found by walking a directory, as
// readJSONL does, except that lines are held back until one has text or
// html: a file with none, such as a metadata sidecar, is skipped as a
// whole with ErrNoArticleLines instead of failing once a line.
func (r *reader) readJSONLFound(ctx context.Context, name string, rd io.Reader) error {
	return r.readLines(ctx, name, rd, true)
}

// readLines is readJSONL, and readJSONLFound when hold is set.
func (r *reader) readLines(ctx context.Context, name string, rd io.Reader, hold bool) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	var held []*Item
	articles := !hold
	for line := 1; ; line++ {
		b, err := readLine(br)
		source := fmt.Sprintf("%s:%d", name, line)
		var it *Item
		switch {
		case errors.Is(err, ErrTooLarge):
			it = &Item{Source: source}
			it.fail(StageRead, err)
		case len(bytes.TrimSpace(b)) > 0:
			it = &Item{Source: source, Format: FormatJSON, Raw: b}
		}
		if it != nil {
			if !articles && (it.Err != nil || hasText(b)) {
				// Too large a line is taken for an article: metadata is small.
				articles = true
				for _, h := range held {
					if serr := r.send(ctx, h); serr != nil {
						return serr
					}
				}
				held = nil
			}
			if articles {
				if serr := r.send(ctx, it); serr != nil {
					return serr
				}
			} else {
				held = append(held, it)
			}
		}
		switch {
		case err == io.EOF:
			if !articles && len(held) > 0 {
				r.skipped(name, ErrNoArticleLines)
			}
			return nil
		case err != nil && !errors.Is(err, ErrTooLarge):
			// A read error ends this file; the rest of the inputs go on.
			return r.failed(ctx, source, err)
		}
	}
}

// hasText reports whether a JSON Lines article has text or html.
func hasText(line []byte) bool {
	var ja struct{ Text, HTML string }
	return json.Unmarshal(line, &ja) == nil && (strings.TrimSpace(ja.Text) != "" || strings.TrimSpace(ja.HTML) != "")
}

// readLine reads one line without its line ending. A line over
// MaxInputBytes is consumed without being kept and reported as ErrTooLarge.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	tooLarge := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLarge && len(line)+len(chunk) > MaxInputBytes {
			tooLarge, line = true, nil
		}
		if !tooLarge {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLarge && (err == nil || err == io.EOF) {
			return nil, ErrTooLarge
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// readStdin reads standard input: JSON Lines when it starts with "{", a
// list of paths (and URLs) when every line reads as one (see pathList),
// and otherwise one pasted article (text, or HTML when it looks like
// HTML). In a list, a path that does not exist fails alone, by name.
func (r *reader) readStdin(ctx context.Context) error {
	if r.stdin == nil {
		return r.failed(ctx, "-", errors.New("no standard input"))
	}
	br := bufio.NewReaderSize(r.stdin, 64<<10)
	head, _ := br.Peek(512)
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) {
		return r.readJSONL(ctx, "-", br)
	}
	raw, err := readAllCapped(br)
	if err != nil {
		return r.failed(ctx, "-", err)
	}
	if paths, ok := pathList(raw); ok {
		for _, p := range paths {
			var err error
			switch {
			case isURL(p):
				err = r.readURL(ctx, p, 0)
			case otherScheme(p) != "":
				err = r.failed(ctx, p, schemeError(otherScheme(p)))
			default:
				err = r.readPath(ctx, p, true)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return r.send(ctx, &Item{Source: "-", Format: sniff(raw), Raw: raw})
}

// pathList returns the lines of raw when every non-blank line reads as a
// path or URL (see pathLike): a list, even if some of its paths are
// mistyped, rather than one pasted article made of file names.
func pathList(raw []byte) ([]string, bool) {
	var paths []string
	for line := range strings.Lines(string(raw)) {
		p := strings.TrimSpace(line)
		if p == "" {
			continue
		}
		if !pathLike(p) {
			return nil, false
		}
		paths = append(paths, p)
	}
	return paths, len(paths) > 0
}

// pathLike reports whether a line of standard input reads as a path or a
// URL rather than as text: it names an existing file or directory, is a
// URL, or is one line with no tab or control character that ends with an
// extension Byline reads (".txt") or, without spaces, has a path separator
// ("/tmp/x", "notes/2019").
func pathLike(p string) bool {
	if _, err := os.Stat(p); err == nil {
		return true
	}
	if isURL(p) || otherScheme(p) != "" {
		return true
	}
	if len(p) > 4096 || strings.ContainsFunc(p, func(c rune) bool { return c < 0x20 || c == 0x7f }) {
		return false
	}
	if _, known := formatOf(p); known {
		return true
	}
	return strings.ContainsAny(p, `/\`) && !strings.ContainsFunc(p, unicode.IsSpace)
}
