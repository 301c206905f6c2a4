package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
)

// fakeTagger finds one PERSON, "Ada Lovelace", wherever it occurs, and
// panics on texts containing "PANIC".
type fakeTagger struct{}

func (fakeTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	if strings.Contains(text, "PANIC") {
		panic("tagger blew up")
	}
	if strings.Contains(text, "FAIL") {
		return extract.Result{}, errors.New("cannot tag")
	}
	var r extract.Result
	if i := strings.Index(text, "Ada Lovelace"); i >= 0 {
		r.Entities = append(r.Entities, extract.Entity{Type: extract.Person, Text: "Ada Lovelace", Start: i, End: i + 12, Canonical: "Ada Lovelace"})
		r.People = append(r.People, extract.Name{Name: "Ada Lovelace", Mentions: 1})
	}
	return r, nil
}

// memWriter is an in-memory Writer and Hasher. cancelAfter, when > 0,
// cancels the run after that many writes, as Ctrl-C would mid-run.
type memWriter struct {
	mu          sync.Mutex
	docs        map[string]index.Doc
	writes      int
	cancelAfter int
	cancel      context.CancelFunc
}

func newMemWriter() *memWriter { return &memWriter{docs: map[string]index.Doc{}} }

func (w *memWriter) Write(ctx context.Context, d index.Doc) (index.Status, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	old, ok := w.docs[d.ID]
	w.docs[d.ID] = d
	w.writes++
	if w.cancelAfter > 0 && w.writes == w.cancelAfter {
		w.cancel()
	}
	switch {
	case !ok:
		return index.Added, nil
	case old.Hash == d.Hash:
		return index.Unchanged, nil
	}
	return index.Updated, nil
}

func (w *memWriter) Close() error { return nil }

func (w *memWriter) Hash(id string) (string, bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d, ok := w.docs[id]
	return d.Hash, ok, nil
}

// writeFiles creates files under dir; a value of "->target" makes a symlink.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(body, "->"); ok {
			err = os.Symlink(target, p)
		} else {
			err = os.WriteFile(p, []byte(body), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func article(title, body string) string { return title + "\n\n" + body + "\n" }

func TestIngestReportsBadArticlesAndGoesOn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":            article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"sub/b.html":       "<html><head><title>Looms</title></head><body><article><p>The Jacquard loom used punched cards to weave patterns.</p></article></body></html>",
		"c.jsonl":          `{"id":"j1","title":"Notes","published":"2019-07-12","text":"Ada Lovelace published her notes in a journal."}` + "\n\nnot json\n" + `{"id":"j2","title":"Empty"}` + "\n",
		"binary.txt":       "\x00\x01\x02\xff\xfe binary junk \x00\x00",
		"broken.txt":       "->does-not-exist.txt",
		"panic.txt":        article("Boom", "This text makes the tagger PANIC on purpose."),
		"photo.jpg":        "\xff\xd8\xff not an article",
		".hidden/skip.txt": article("Hidden", "Not read at all."),
	})
	w := newMemWriter()
	stats := new(Stats)
	var failed []string
	err := Ingest(t.Context(), []string{dir}, fakeTagger{}, w, w, Options{Workers: 3, Stats: stats}, func(e *ItemError) {
		failed = append(failed, fmt.Sprintf("%s %s", filepath.Base(e.Source), e.Stage))
	})
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	wantFailed := map[string]bool{
		"c.jsonl:3 clean":  true, // not json
		"c.jsonl:4 clean":  true, // no text
		"binary.txt clean": true,
		"broken.txt read":  true,
		"panic.txt tag":    true,
	}
	for _, f := range failed {
		if !wantFailed[f] {
			t.Errorf("unexpected failure %q", f)
		}
		delete(wantFailed, f)
	}
	for f := range wantFailed {
		t.Errorf("failure %q not reported", f)
	}
	if got := stats.Indexed.Load(); got != 3 {
		t.Errorf("indexed %d, want 3 (a.txt, b.html, c.jsonl:1)", got)
	}
	if got := stats.Failed.Load(); got != 5 {
		t.Errorf("failed %d, want 5", got)
	}
	if got := stats.Skipped.Load(); got != 1 {
		t.Errorf("skipped %d, want 1 (photo.jpg)", got)
	}
	j1, ok := w.docs["j1"]
	if !ok {
		t.Fatalf("JSON article with id j1 not indexed under its id; have %v", keys(w.docs))
	}
	if j1.Title != "Notes" || !j1.Published.Equal(time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC)) || len(j1.Person) != 1 {
		t.Errorf("j1 = %+v", j1)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func keys(m map[string]index.Doc) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestIngestTwiceWritesNothingNew(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range 10 {
		writeFiles(t, dir, map[string]string{fmt.Sprintf("%02d.txt", i): article(fmt.Sprintf("Title %d", i), fmt.Sprintf("Article number %d about Ada Lovelace.", i))})
	}
	w := newMemWriter()
	first := new(Stats)
	if err := Ingest(t.Context(), []string{dir}, fakeTagger{}, w, w, Options{Stats: first}, nil); err != nil {
		t.Fatal(err)
	}
	second := new(Stats)
	// The same files again, the folder named by a relative path this
	// time. A file is known by its absolute path, so a copy under another
	// name would be an article of its own.
	rel, err := filepath.Rel(must(os.Getwd()), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := Ingest(t.Context(), []string{rel}, fakeTagger{}, w, w, Options{Stats: second}, nil); err != nil {
		t.Fatal(err)
	}
	if first.Indexed.Load() != 10 || second.Indexed.Load() != 0 || second.Unchanged.Load() != 10 || second.Tagged.Load() != 0 {
		t.Errorf("first indexed %d; second indexed %d, unchanged %d, tagged %d; want 10; 0, 10, 0",
			first.Indexed.Load(), second.Indexed.Load(), second.Unchanged.Load(), second.Tagged.Load())
	}
	if len(w.docs) != 10 {
		t.Errorf("%d docs, want 10", len(w.docs))
	}
}

func TestIngestInterruptedThenResumed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 40
	for i := range n {
		writeFiles(t, dir, map[string]string{fmt.Sprintf("%02d.txt", i): article(fmt.Sprintf("Title %d", i), fmt.Sprintf("Body %d.", i))})
	}
	w := newMemWriter()
	ctx, cancel := context.WithCancel(t.Context())
	w.cancelAfter, w.cancel = 5, cancel
	err := Ingest(ctx, []string{dir}, fakeTagger{}, w, w, Options{Workers: 2}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err = %v, want context.Canceled", err)
	}
	if got := len(w.docs); got < 5 || got >= n {
		t.Fatalf("after interrupt %d docs, want at least 5 and fewer than %d", got, n)
	}
	w.cancelAfter = 0
	stats := new(Stats)
	if err := Ingest(t.Context(), []string{dir}, fakeTagger{}, w, w, Options{Stats: stats}, nil); err != nil {
		t.Fatal(err)
	}
	if len(w.docs) != n {
		t.Errorf("after re-run %d docs, want %d", len(w.docs), n)
	}
	if got := stats.Indexed.Load() + stats.Unchanged.Load(); got != n {
		t.Errorf("re-run indexed+unchanged = %d, want %d", got, n)
	}
}

func TestExtractKeepsInputOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var inputs []string
	for i := range 30 {
		name := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		body := strings.Repeat(fmt.Sprintf("Sentence %d about Ada Lovelace. ", i), 1+(i*7)%13)
		if i%10 == 4 {
			body = "FAIL " + body
		}
		writeFiles(t, dir, map[string]string{filepath.Base(name): article(fmt.Sprintf("T%d", i), body)})
		inputs = append(inputs, name) // f0, f1, ..., f29: not lexical order
	}
	var got []string
	err := Extract(t.Context(), inputs, fakeTagger{}, Options{Workers: 4}, func(it *Item) error {
		got = append(got, filepath.Base(it.Source))
		if it.Err == nil && len(it.Result.People) != 1 {
			t.Errorf("%s: people %v", it.Source, it.Result.People)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if want := fmt.Sprintf("f%d.txt", i); g != want {
			t.Fatalf("item %d is %s, want %s (all: %v)", i, g, want, got)
		}
	}
	if len(got) != 30 {
		t.Errorf("got %d items, want 30", len(got))
	}
}

func TestStdin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": article("A", "Ada Lovelace."), "b.txt": article("B", "Charles Babbage.")})
	tests := []struct {
		name    string
		stdin   string
		sources []string
	}{
		{"jsonl", `{"id":"x","text":"one"}` + "\n" + `{"id":"y","text":"two"}`, []string{"-:1", "-:2"}},
		{"paths", filepath.Join(dir, "a.txt") + "\n" + filepath.Join(dir, "b.txt") + "\n", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}},
		{"pasted", "A pasted headline\n\nAnd a paragraph a journalist pasted in.", []string{"-"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			err := Extract(t.Context(), []string{"-"}, fakeTagger{}, Options{Stdin: strings.NewReader(tc.stdin)}, func(it *Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Source, it.Err)
				}
				got = append(got, it.Source)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, ",") != strings.Join(tc.sources, ",") {
				t.Errorf("sources %v, want %v", got, tc.sources)
			}
		})
	}
}

func TestDocIDIsStable(t *testing.T) {
	t.Parallel()
	a := extract.Article{Title: "T", Text: "Some text."}
	b := extract.Article{Title: "Other title", Text: "Some text."}
	if docID(a, "") != docID(b, "") {
		t.Error("same text, no URL, no file: ids differ")
	}
	if docID(a, "/news/a.txt") != docID(extract.Article{Text: "Edited text."}, "/news/a.txt") {
		t.Error("same file, edited: ids differ")
	}
	if docID(a, "/news/a.txt") == docID(a, "/news/b.txt") {
		t.Error("two files: same id")
	}
	u1 := extract.Article{URL: "https://Example.com/news/story/#top", Text: "v1"}
	u2 := extract.Article{URL: "https://example.com/news/story", Text: "v2"}
	if docID(u1, "/saved/one.html") != docID(u2, "") {
		t.Error("same canonical URL: ids differ")
	}
	if contentHash(u1) == contentHash(u2) {
		t.Error("different text: same content hash")
	}
}

func TestItemErrorNamesSourceAndStage(t *testing.T) {
	t.Parallel()
	it := &Item{Source: "dir/a.txt"}
	it.fail(StageClean, ErrNoText)
	if got, want := it.Err.Error(), "dir/a.txt: clean: article has no text or html"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(it.Err, ErrNoText) {
		t.Error("errors.Is(it.Err, ErrNoText) = false")
	}
}
