package index

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// creatingInfix is in the name of the temporary sibling directory an index
// is created in: ".NAME.creating-PID-RANDOM" for an index at NAME.
const creatingInfix = ".creating-"

// create makes a new index at path, which does not exist or is an empty
// directory. It builds it in a temporary sibling directory, closes it and
// renames it into place, so that path never holds a half-made index: a
// SIGKILL in the first milliseconds used to leave one without its mapping
// or mapping version, which no later run could open (issue 20).
func create(path string, o options) (err error) {
	path = filepath.Clean(path)
	parent, base := filepath.Dir(path), filepath.Base(path)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("create index %s: %w", path, diskFull(err))
	}
	removeAbandoned(parent, base, o.logger)
	tmp, err := os.MkdirTemp(parent, "."+base+creatingInfix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, diskFull(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := build(tmp, o); err != nil {
		return fmt.Errorf("create index %s: %w", path, diskFull(err))
	}
	os.Remove(path) // an empty directory, which os.Rename would not replace
	if err := os.Rename(tmp, path); err != nil {
		if ok, _ := isEmptyDir(path); !ok && exists(path) {
			// Another process created it meanwhile; open theirs.
			os.RemoveAll(tmp)
			return nil
		}
		return fmt.Errorf("create index %s: %w", path, err)
	}
	syncDir(parent)
	return nil
}

// build creates an index with this package's mapping and mapping version
// in dir, and closes it.
func build(dir string, o options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic: %v", ErrPanic, r)
		}
	}()
	m, err := newMapping()
	if err != nil {
		return fmt.Errorf("mapping: %w", err)
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, bleve.Config.DefaultKVStore, runtimeConfig(o, false))
	if err != nil {
		return err
	}
	if err := b.SetInternal(mappingVersionKey, []byte(mappingVersion)); err != nil {
		_ = b.Close()
		return err
	}
	return b.Close()
}

// removeAbandoned removes the temporary directories that processes no
// longer running left while creating the index base in parent.
func removeAbandoned(parent, base string, logger *slog.Logger) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + creatingInfix
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pid, _, _ := strings.Cut(rest, "-")
		n, err := strconv.Atoi(pid)
		if err != nil || running(n) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if err := os.RemoveAll(p); err == nil {
			logger.Info("removed an abandoned index creation", "path", p)
		}
	}
}

// running reports whether process pid is running. A process that cannot
// be signalled (on Windows) counts as running.
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return !errors.Is(p.Signal(sigZero), os.ErrProcessDone)
}

// sigZero checks that a process exists without signalling it.
var sigZero = syscall.Signal(0)

// isEmptyDir reports whether path is a directory with nothing in it. The
// error is fs.ErrNotExist's when path does not exist.
func isEmptyDir(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.IsDir() {
		return false, err
	}
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// syncDir flushes dir's entries (a rename) to disk, where the system
// allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
