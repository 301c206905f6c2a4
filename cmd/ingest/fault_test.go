package main

// The fault campaign of issue 20, kept as tests: SIGKILLs at random points
// of "ingest add" (also while the index is being created) and a full disk,
// against the real binary.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bylinehq/byline/index"
)

var (
	kills = flag.Int("kills", 3, "TestKillAdd: SIGKILLs of ingest add, 3 in 10 of them in the first 50 ms after the index folder appears (the campaign of issue 20: -args -kills=50)")
	seed  = flag.Uint64("kill-seed", 0, "TestKillAdd: random seed (0: from the clock; the seed is logged)")
)

// faultArticles is how many articles the fault tests ingest: enough for
// two batch flushes (index.DefaultBatchDocs is 250), few enough that a run
// takes a second or two.
const faultArticles = 300

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// ingestBinary builds the ingest command once per test run (without -race,
// as users run it) and returns its path.
func ingestBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			binErr = fmt.Errorf("no go command to build ingest: %w", err)
			return
		}
		if binDir, err = os.MkdirTemp("", "byline-ingest-"); err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(binDir, "ingest")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		out, err := exec.Command(goCmd, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Skip(binErr)
	}
	return binPath
}

// faultInput writes faultArticles articles as JSON Lines to dir, with ids
// art0000 on, so the index can be asked for each, and returns the file's
// path. Line i+1 holds art%04d(i).
func faultInput(dir string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range faultArticles {
		enc.Encode(map[string]string{
			"id":    fmt.Sprintf("art%04d", i),
			"title": fmt.Sprintf("Harbour report %d", i),
			"text": fmt.Sprintf("The council met on Tuesday to discuss plan %d for the harbour wall. "+
				"\"We will rebuild it before the winter storms,\" said Mary Jones, the council leader. "+
				"Neil Basu of the Metropolitan Police said the inquiry into leak %d would continue.\n\n"+
				"The BBC reported that %d residents attended the meeting in Portsmouth.", i, i, 100+i),
		})
	}
	p := filepath.Join(dir, "articles.jsonl")
	return p, os.WriteFile(p, b.Bytes(), 0o644)
}

// runIngest runs the binary to completion and returns its exit code,
// stdout and stderr.
func runIngest(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(ingestBinary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("ingest %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// checkComplete checks that the index at dir opens, passes ingest check,
// holds every article of faultInput once and as many documents (articles
// and quote documents) as want.
func checkComplete(t *testing.T, dir string, wantDocs uint64) {
	t.Helper()
	code, out, errs := runIngest(t, "check", "--json", "--index", dir)
	var r struct {
		OK        bool   `json:"ok"`
		Articles  uint64 `json:"articles"`
		Documents uint64 `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || !r.OK {
		t.Fatalf("ingest check: exit %d, %v\n%s%s", code, err, out, errs)
	}
	if r.Articles != faultArticles || r.Documents != wantDocs {
		t.Errorf("ingest check: %d articles, %d documents; want %d and %d (no duplicates, no strays)", r.Articles, r.Documents, faultArticles, wantDocs)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := range faultArticles {
		id := fmt.Sprintf("art%04d", i)
		if _, ok, err := ix.Hash(id); err != nil || !ok {
			t.Errorf("%s not in the index: %v", id, err)
		}
	}
}

// faultFixture is faultInput and what a run without faults makes of it.
type faultFixture struct {
	input string
	docs  uint64        // documents in the index: articles and quote documents
	bytes int64         // size of the index on disk
	took  time.Duration // how long the run took
}

var (
	fixtureOnce sync.Once
	fixture     faultFixture
	fixtureErr  error
)

// reference returns the fault tests' input and the figures of a run
// without faults, made once per test run.
func reference(t *testing.T) faultFixture {
	t.Helper()
	bin := ingestBinary(t)
	fixtureOnce.Do(func() {
		f := &fixture
		if f.input, fixtureErr = faultInput(binDir); fixtureErr != nil {
			return
		}
		dir := filepath.Join(binDir, "ref.bleve")
		start := time.Now()
		out, err := exec.Command(bin, "add", "--quiet", "--index", dir, f.input).CombinedOutput()
		if err != nil {
			fixtureErr = fmt.Errorf("reference run: %v\n%s", err, out)
			return
		}
		f.took = time.Since(start)
		r, err := index.Check(dir)
		if err != nil || r.Articles != faultArticles {
			fixtureErr = fmt.Errorf("reference index: %d articles, want %d: %v", r.Articles, faultArticles, err)
			return
		}
		f.docs = r.Documents
		filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				f.bytes += fi.Size()
			}
			return nil
		})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

// TestKillAdd SIGKILLs ingest add at random points, some of them within
// 50 ms of the index folder (or its temporary sibling) appearing, then
// runs it again: the index must open, and hold every article exactly
// once. Before issue 20, 5 of 15 kills during creation left an index that
// never opened again. go test -run TestKillAdd ./cmd/ingest -args
// -kills=50 runs the campaign.
func TestKillAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns ingest add many times; not in -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	ref := reference(t)
	input, wantDocs, full := ref.input, ref.docs, ref.took
	s := *seed
	if s == 0 {
		s = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (-kill-seed); a run without kills took %v", s, full.Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(s, s))
	early := max(1, *kills*3/10)

	var killed, killedEarly, finished int
	for trial := range *kills {
		inCreation := trial < early
		dir := t.TempDir()
		idx := filepath.Join(dir, "idx.bleve")
		args := []string{"add", "--quiet", "--index", idx, input}
		cmd := exec.Command(ingestBinary(t), args...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()

		var delay time.Duration
		if inCreation {
			// Wait for anything to appear beside the index: its temporary
			// sibling while it is created, or the folder itself.
			for appeared := false; !appeared; {
				select {
				case <-done:
					appeared = true
				default:
					entries, _ := os.ReadDir(dir)
					appeared = len(entries) > 0
					if !appeared {
						time.Sleep(200 * time.Microsecond)
					}
				}
			}
			delay = time.Duration(rng.Int64N(int64(50 * time.Millisecond)))
		} else {
			delay = time.Duration(rng.Int64N(int64(full)))
		}
		select {
		case <-done:
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
			if inCreation {
				killedEarly++
			}
		} else {
			finished++
		}

		code, _, errs := runIngest(t, args...)
		if code != 0 {
			t.Fatalf("trial %d (killed %v after start%s): re-run exit %d\n%s", trial, delay, map[bool]string{true: " of creation"}[inCreation], code, errs)
		}
		checkComplete(t, idx, wantDocs)
		if leftovers, _ := filepath.Glob(filepath.Join(dir, ".idx.bleve.creating-*")); len(leftovers) > 0 {
			t.Errorf("trial %d: after the re-run, left beside the index: %v", trial, leftovers)
		}
		if t.Failed() {
			t.Fatalf("trial %d failed (delay %v, creation %v)", trial, delay, inCreation)
		}
	}
	t.Logf("%d trials: %d killed (%d within 50 ms of the index folder appearing), %d finished before the kill; every re-run: index opens, %d articles, %d documents, no duplicates",
		*kills, killed, killedEarly, finished, faultArticles, wantDocs)
}

// failedLine matches an article reported as not saved for lack of space.
var failedLine = regexp.MustCompile(`(?m)^failed: .*:(\d+): index: not saved: the disk is full$`)

// TestAddDiskFull ingests into an index on a tmpfs 5/6 the size the index
// needs (room for the first batch, not the second): no panic, exit 1, every article either in the index or named as
// not saved, and a message that says the disk is full, what was saved and
// what to do. Then, with room, the same command finishes the job. It
// needs root on Linux to mount the tmpfs, and skips otherwise.
func TestAddDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns ingest add; not in -short")
	}
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	ref := reference(t)
	input, wantDocs, size := ref.input, ref.docs, ref.bytes
	mnt := t.TempDir()
	small := size * 5 / 6 / 1024
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%dk", small), "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	idx := filepath.Join(mnt, "idx.bleve")
	args := []string{"add", "--quiet", "--index", idx, input}

	code, _, errs := runIngest(t, args...)
	if code != 1 {
		t.Errorf("exit %d on a full disk, want 1", code)
	}
	if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
		t.Fatalf("panicked on a full disk:\n%s", errs)
	}
	for _, want := range []string{"the disk holding " + idx + " is full", " saved; " + idx + " holds ", "run the same command again"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, lastLines(errs, 5))
		}
	}
	named := map[int]bool{}
	for _, m := range failedLine.FindAllStringSubmatch(errs, -1) {
		var line int
		fmt.Sscan(m[1], &line)
		named[line] = true
	}
	ix, err := index.Open(idx)
	if err != nil {
		t.Fatalf("the index on the full disk does not open: %v", err)
	}
	saved := 0
	for i := range faultArticles {
		_, ok, err := ix.Hash(fmt.Sprintf("art%04d", i))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case ok:
			saved++
		case !named[i+1]:
			t.Errorf("art%04d (line %d) is neither indexed nor named as failed", i, i+1)
		}
	}
	ix.Close()
	t.Logf("a %d kB disk for a %d kB index: %d articles saved, %d named as not saved", small, size/1024, saved, len(named))

	if out, err := exec.Command("mount", "-o", "remount,size=64m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v: %s", err, out)
	}
	if code, _, errs := runIngest(t, args...); code != 0 {
		t.Fatalf("with room, the same command: exit %d\n%s", code, lastLines(errs, 5))
	}
	checkComplete(t, idx, wantDocs)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestDamagedIndexMessage: a damaged segment was reported as "error parsing
// mapping JSON", after a raw line of scorch's log on stderr (issue 20,
// item 10). Every command names the index, says it is damaged and what to
// do, and the library's log stays off stderr.
func TestDamagedIndexMessage(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns ingest; not in -short")
	}
	dir := filepath.Join(t.TempDir(), "idx.bleve")
	if code, _, errs := runIngest(t, "add", "--quiet", "--index", dir, corpusDir); code != 0 {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	for _, z := range zaps {
		if err := os.Truncate(z, 100); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"search", "--index", dir, "leak"},
		{"add", "--quiet", "--index", dir, corpusDir},
		{"check", "--index", dir},
	} {
		code, out, errs := runIngest(t, args...)
		if code != 1 || out != "" {
			t.Errorf("ingest %s: exit %d, stdout %q; want 1 and nothing", args[0], code, out)
		}
		if !strings.Contains(errs, dir+" is a damaged index") || !strings.Contains(errs, "delete it and ingest again") {
			t.Errorf("ingest %s: stderr does not name the damaged index and what to do:\n%s", args[0], errs)
		}
		for _, raw := range []string{"unable to load snapshot", "mapping JSON"} {
			if strings.Contains(errs, raw) {
				t.Errorf("ingest %s: stderr has %q:\n%s", args[0], raw, errs)
			}
		}
		if n := strings.Count(strings.TrimSpace(errs), "\n"); n > 0 {
			t.Errorf("ingest %s: %d lines on stderr, want the one error:\n%s", args[0], n+1, errs)
		}
	}
}
