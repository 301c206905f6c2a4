package index

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// smallFS mounts a tmpfs of size (as mount's size= option) on a new
// temporary directory and returns it, or skips the test where that
// cannot be done (not Linux, not root, no tmpfs).
func smallFS(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// bigDocs returns n docs of about 6 kB each, so a small disk fills fast.
func bigDocs(n int) []Doc {
	docs := numberedDocs(n)
	for i := range docs {
		docs[i].ID = fmt.Sprintf("big%04d", i)
		docs[i].Source = fmt.Sprintf("file%04d.txt", i)
		docs[i].Text = strings.Repeat(fmt.Sprintf("word%d other%d ", i, i*7), 200)
	}
	return docs
}

// TestWriterDiskFull fills a 1 MiB disk: every doc is either in the index
// when it is reopened or named by a *WriteError that wraps ErrDiskFull,
// nothing panics, and after the first failure the Writer refuses docs.
func TestWriterDiskFull(t *testing.T) {
	t.Parallel()
	path := filepath.Join(smallFS(t, "1m"), "idx")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(WithBatchDocs(20))
	docs := bigDocs(1000)
	lost := map[string]bool{}
	written, failures := 0, 0
	for _, d := range docs {
		_, err := w.Write(t.Context(), d)
		written++
		if err == nil {
			continue
		}
		var we *WriteError
		if !errors.As(err, &we) || !errors.Is(err, ErrDiskFull) {
			t.Fatalf("Write(%s) = %v, want a *WriteError wrapping ErrDiskFull", d.ID, err)
		}
		if failures > 0 && (len(we.Docs) != 1 || we.Docs[0] != (DocRef{d.ID, d.Source})) {
			t.Errorf("Write(%s) after a failure names %v, want only %s", d.ID, we.Docs, d.ID)
		}
		for _, r := range we.Docs {
			lost[r.ID] = true
		}
		if failures++; failures == 5 {
			break
		}
	}
	if failures == 0 {
		t.Fatalf("wrote %d docs of 6 kB to a 1 MiB disk without an error", written)
	}
	if _, err := ix.Count(); err != nil && !errors.Is(err, ErrPanic) {
		t.Logf("Count after the failure: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("Close after the failure: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Logf("Index.Close after the failure: %v", err)
	}

	ix, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer ix.Close()
	saved := 0
	for _, d := range docs[:written] {
		_, ok, err := ix.Hash(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			saved++
		} else if !lost[d.ID] {
			t.Errorf("%s is neither in the index nor named as lost", d.ID)
		}
	}
	checkCount(t, ix, uint64(saved))
	t.Logf("%d docs written, %d saved, %d named as lost", written, saved, len(lost))
}

// TestCreateDiskFullLeavesNothing fills the disk while the index is being
// created: no half-made index is left at the path (a later run would find
// one it cannot open), nor any temporary directory.
func TestCreateDiskFullLeavesNothing(t *testing.T) {
	t.Parallel()
	dir := smallFS(t, "32k")
	path := filepath.Join(dir, "idx")
	ix, err := Open(path)
	if err == nil {
		ix.Close()
		t.Fatal("created an index on a 32 kB disk; make the disk smaller")
	}
	if !errors.Is(err, ErrDiskFull) {
		t.Errorf("Open on a full disk: %v, want ErrDiskFull", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after a failed creation the disk holds %v, want nothing", entries)
	}
}

// panicking is a bleve.Index whose every method panics (a nil pointer).
type panicking struct{ bleveIndex }

// TestLibraryPanicIsAnError: a panic in Bleve comes out of every Index
// method as an error wrapping ErrPanic, not as a crash. A full disk made
// zapx panic under Count (issue 20).
func TestLibraryPanicIsAnError(t *testing.T) {
	t.Parallel()
	ix := &Index{b: guarded{bleveIndex: panicking{}, logger: slog.New(slog.DiscardHandler)}, logger: slog.New(slog.DiscardHandler)}
	calls := map[string]func() error{
		"Count": func() error { _, err := ix.Count(); return err },
		"Hash":  func() error { _, _, err := ix.Hash("x"); return err },
		"Search": func() error {
			_, err := ix.Search(t.Context(), Request{Query: "leak"})
			return err
		},
		"SearchQuotes": func() error {
			_, err := ix.SearchQuotes(t.Context(), QuoteRequest{Query: "leak"})
			return err
		},
		"Entities": func() error {
			_, err := ix.Entities(t.Context(), EntityRequest{Type: "person"})
			return err
		},
		"Article": func() error { _, err := ix.Article(t.Context(), "x"); return err },
		"Close":   ix.Close,
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); !errors.Is(err, ErrPanic) {
				t.Errorf("%s = %v, want ErrPanic", name, err)
			}
		})
	}
}

// halfCreatedStates build, in dir, what an older Byline killed while
// creating an index could leave.
var halfCreatedStates = map[string]func(t *testing.T, dir string){
	"index_meta.json only": func(t *testing.T, dir string) {
		writeFile(t, filepath.Join(dir, "index_meta.json"), `{"storage":"boltdb","index_type":"scorch"}`)
	},
	"torn index_meta.json": func(t *testing.T, dir string) {
		writeFile(t, filepath.Join(dir, "index_meta.json"), "")
		mkdir(t, filepath.Join(dir, "store"))
	},
	"store without root.bolt": func(t *testing.T, dir string) {
		writeFile(t, filepath.Join(dir, "index_meta.json"), `{"storage":"boltdb","index_type":"scorch"}`)
		mkdir(t, filepath.Join(dir, "store"))
	},
	"store without index_meta.json": func(t *testing.T, dir string) {
		mkdir(t, filepath.Join(dir, "store"))
	},
	"no mapping version": func(t *testing.T, dir string) {
		m, err := newMapping()
		if err != nil {
			t.Fatal(err)
		}
		b, err := bleve.NewUsing(dir, m, scorch.Name, bleve.Config.DefaultKVStore, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
	},
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	mkdir(t, filepath.Dir(p))
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o700); err != nil {
		t.Fatal(err)
	}
}

// TestOpenHalfCreated: an index whose creation was interrupted is named
// as such, with what to do, by Open and Check, and left alone.
func TestOpenHalfCreated(t *testing.T) {
	t.Parallel()
	for name, build := range halfCreatedStates {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "idx")
			build(t, path)
			ix, err := Open(path, WithLockTimeout(0))
			if err == nil {
				ix.Close()
			}
			if !errors.Is(err, ErrHalfCreated) || !strings.Contains(err.Error(), path+" is a half-created index") ||
				!strings.Contains(err.Error(), "delete it and run again") {
				t.Errorf("Open = %v, want %q and what to do", err, path+" is a half-created index")
			}
			if _, err := Check(path); !errors.Is(err, ErrHalfCreated) {
				t.Errorf("Check = %v, want ErrHalfCreated", err)
			}
			if !exists(path) {
				t.Error("Open removed the half-created index; the user decides")
			}
		})
	}
}

// TestOpenEmptyDirCreates: an empty directory (made by hand, or left by a
// run killed before it wrote anything) becomes an index.
func TestOpenEmptyDirCreates(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "idx")
	mkdir(t, path)
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checkCount(t, ix, 0)
	ix.Close()
	if _, err := Check(path); err != nil {
		t.Errorf("Check of the new index: %v", err)
	}
}

// TestOpenNotAnIndex: a directory of something else is not taken for a
// half-created index, and nothing in it is touched.
func TestOpenNotAnIndex(t *testing.T) {
	t.Parallel()
	path := t.TempDir()
	writeFile(t, filepath.Join(path, "notes.txt"), "mine")
	ix, err := Open(path)
	if err == nil {
		ix.Close()
	}
	if !errors.Is(err, ErrNotIndex) {
		t.Errorf("Open(a folder of notes) = %v, want ErrNotIndex", err)
	}
	if b, _ := os.ReadFile(filepath.Join(path, "notes.txt")); string(b) != "mine" {
		t.Error("notes.txt was changed")
	}
	if _, err := Check(filepath.Join(path, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Check(missing) = %v, want fs.ErrNotExist", err)
	}
}

// TestCreateIsAtomic: Open creates the index under a temporary name and
// renames it, leaving nothing else beside it, and removes what a killed
// creator left; a creator still running is left alone.
func TestCreateIsAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "idx")
	dead := filepath.Join(dir, ".idx"+creatingInfix+"2147483647-123")
	alive := filepath.Join(dir, ".idx"+creatingInfix+fmt.Sprint(os.Getppid())+"-456")
	writeFile(t, filepath.Join(dead, "index_meta.json"), "{")
	mkdir(t, alive)

	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if exists(dead) {
		t.Error("the directory of a creator no longer running was kept")
	}
	if !exists(alive) {
		t.Error("the directory of a running creator was removed")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{filepath.Base(alive), "idx"}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("beside the new index: %q, want %q", names, want)
	}
	meta, _ := os.ReadFile(filepath.Join(path, "index_meta.json"))
	if strings.Contains(string(meta), creatingInfix) {
		t.Errorf("index_meta.json names the temporary directory: %s", meta)
	}
}

// builtIndex writes n docs in batches of 10 to a new index, closes it and
// returns its path and segment files.
func builtIndex(t *testing.T, n int) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(WithBatchDocs(10))
	writeAll(t, w, numberedDocs(n), Added)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	zaps, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segments in %s: %v", path, err)
	}
	return path, zaps
}

func TestCheckSound(t *testing.T) {
	t.Parallel()
	path, _ := builtIndex(t, 25)
	r, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 25 || r.Documents != 25 || r.Segments == 0 || r.SegmentBytes == 0 || r.MappingVersion != mappingVersion {
		t.Errorf("Check = %+v, want 25 articles and documents, some segments, mapping %s", r, mappingVersion)
	}
	// Check changes nothing and holds no lock.
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkCount(t, ix, 25)
	if _, err := Check(path, WithLockTimeout(50*time.Millisecond)); !errors.Is(err, ErrLocked) {
		t.Errorf("Check of an index open elsewhere = %v, want ErrLocked", err)
	}
}

// TestOpenDamagedSegment: a segment cut short made Open fail with "error
// parsing mapping JSON" (issue 20, item 10), or, when an older snapshot
// was still in root.bolt, open that one: an index that looked empty. The
// error names the index, says it is damaged and what to do.
func TestOpenDamagedSegment(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 25} { // one flush, when the creation's snapshot is still kept; three
		t.Run(fmt.Sprint(n, " docs"), func(t *testing.T) {
			t.Parallel()
			path, zaps := builtIndex(t, n)
			for _, z := range zaps {
				fi, err := os.Stat(z)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Truncate(z, fi.Size()/2); err != nil {
					t.Fatal(err)
				}
			}
			ix, err := Open(path)
			if err == nil {
				n, _ := ix.Count()
				ix.Close()
				t.Fatalf("Open of an index with truncated segments succeeded, with %d articles", n)
			}
			msg := err.Error()
			if !errors.Is(err, ErrDamaged) || !strings.Contains(msg, path+" is a damaged index") ||
				!strings.Contains(msg, "delete it and ingest again") || !strings.Contains(msg, ".zap: checksum mismatch") ||
				strings.Contains(msg, "mapping JSON") {
				t.Errorf("Open = %v, want %q, the segment and what to do", err, path+" is a damaged index")
			}
			if _, err := Check(path); !errors.Is(err, ErrDamaged) {
				t.Errorf("Check = %v, want ErrDamaged", err)
			}
		})
	}
}

// TestCheckFlippedByte: a segment that loads but whose bytes changed
// fails its checksum, and Check says which segment.
func TestCheckFlippedByte(t *testing.T) {
	t.Parallel()
	path, zaps := builtIndex(t, 25)
	for _, z := range zaps {
		b, err := os.ReadFile(z)
		if err != nil {
			t.Fatal(err)
		}
		b[len(b)/3] ^= 0x40
		if err := os.WriteFile(z, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Check(path)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "checksum mismatch") || !strings.Contains(err.Error(), ".zap") {
		t.Errorf("Check = %v, want ErrDamaged naming a segment's checksum", err)
	}
}
