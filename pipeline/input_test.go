package pipeline

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/bylinehq/byline/pipeline/internal/fetch"
)

// ingestFailures runs Ingest over inputs with opt and returns the writer,
// the stats and every failure by source.
func ingestFailures(t *testing.T, inputs []string, opt Options) (*memWriter, *Stats, map[string]*ItemError) {
	t.Helper()
	w := newMemWriter()
	if opt.Stats == nil {
		opt.Stats = new(Stats)
	}
	failed := map[string]*ItemError{}
	err := Ingest(t.Context(), inputs, fakeTagger{}, w, w, opt, func(e *ItemError) {
		if failed[e.Source] != nil {
			t.Errorf("%s reported twice: %v and %v", e.Source, failed[e.Source], e)
		}
		failed[e.Source] = e
	})
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	return w, opt.Stats, failed
}

func TestOtherSchemesAreRefusedNotReadAsPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":          article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"notes:2019.txt": article("Notes", "A file whose name has a colon is still a file."),
	})
	inputs := []string{"file:///etc/passwd", "FILE:/etc/passwd", "ftp://files.example/a.txt", filepath.Join(dir, "a.txt"), filepath.Join(dir, "notes:2019.txt")}
	_, stats, failed := ingestFailures(t, inputs, Options{})
	for _, in := range inputs[:3] {
		e := failed[in]
		if e == nil || e.Stage != StageRead || !errors.Is(e, fetch.ErrScheme) || !strings.Contains(e.Error(), "unsupported scheme") || strings.Contains(e.Error(), "no such file") {
			t.Errorf("%s: failure %v, want an unsupported scheme in stage read", in, e)
		}
	}
	if stats.Indexed.Load() != 2 || stats.Failed.Load() != 3 {
		t.Errorf("indexed %d, failed %d; want 2, 3", stats.Indexed.Load(), stats.Failed.Load())
	}
}

// TestCharsetWarningIsLogged: a page whose declared charset its bytes
// contradict is indexed as decoded, with a warning in the log naming it.
func TestCharsetWarningIsLogged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sjis.html": `<html><head><meta charset="shift_jis"><title>東京</title></head><body><article><p>東京のニュース: 価格が上がったと店主たちは言った。</p></article></body></html>`,
	})
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	w, _, failed := ingestFailures(t, []string{dir}, Options{Logger: logger})
	if len(failed) > 0 || len(w.docs) != 1 {
		t.Fatalf("failed %v, %d docs", failed, len(w.docs))
	}
	for _, d := range w.docs {
		if !strings.Contains(d.Text, "価格が上がった") {
			t.Errorf("text %q: mojibake", d.Text)
		}
	}
	if got := logs.String(); !strings.Contains(got, `level=WARN msg="charset: declared shift_jis, decoded as utf-8" stage=clean source=`+filepath.Join(dir, "sjis.html")) {
		t.Errorf("log %q: no charset warning", got)
	}
}

// TestUTF16TextFileIsRead: a .txt saved as UTF-16 with a byte order mark
// is read, not refused as binary for its NUL bytes.
func TestUTF16TextFileIsRead(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	le, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(article("Engines", "Ada Lovelace wrote the first program for the engine."))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"utf16.txt": le})
	w, _, failed := ingestFailures(t, []string{dir}, Options{})
	if len(failed) > 0 || len(w.docs) != 1 {
		t.Fatalf("failed %v, %d docs", failed, len(w.docs))
	}
	for _, d := range w.docs {
		if d.Title != "Engines" || len(d.Person) != 1 {
			t.Errorf("doc %+v", d)
		}
	}
}

// TestSymlinkedFoldersAreFollowed: a symbolic link to a folder named on
// the command line is read (it was skipped as "1 other file" unless named
// with a trailing slash), so are links to folders inside it, a folder
// reached twice is read once, and a link back up the tree fails as a loop
// instead of being followed for ever.
func TestSymlinkedFoldersAreFollowed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"real/a.txt":          article("Engines", "Ada Lovelace wrote the first program for the engine."),
		"real/sub/b.txt":      article("Looms", "The Jacquard loom used punched cards."),
		"other/c.txt":         article("Notes", "Ada Lovelace published her notes in a journal."),
		"real/sub/up":         "->..",          // a loop: back to real/
		"real/more":           "->../other",    // followed
		"real/again":          "->../other",    // the same folder again: read once
		"real/gone.txt":       "->missing.txt", // broken
		"link":                "->real",
		"real/sub/photo.jpeg": "not an article",
	})
	w, stats, failed := ingestFailures(t, []string{filepath.Join(dir, "link")}, Options{})
	loop := failed[filepath.Join(dir, "link", "sub", "up")]
	if loop == nil || !errors.Is(loop, ErrDirLoop) || loop.Stage != StageRead {
		t.Errorf("loop: %v, want ErrDirLoop", loop)
	}
	if gone := failed[filepath.Join(dir, "link", "gone.txt")]; gone == nil || !errors.Is(gone, os.ErrNotExist) {
		t.Errorf("broken link: %v, want not found", gone)
	}
	if len(w.docs) != 3 || stats.Indexed.Load() != 3 || stats.Failed.Load() != 2 || stats.Skipped.Load() != 2 {
		t.Errorf("docs %d, indexed %d, failed %d, skipped %d; want 3, 3, 2, 2 (failures %v)", len(w.docs), stats.Indexed.Load(), stats.Failed.Load(), stats.Skipped.Load(), failed)
	}
}

// TestStdinPathListWithAMistypedPath: a list of paths on standard input
// with one that does not exist is still a list: the good paths are read
// and the missing one fails by name. It was read as one pasted article
// titled with the first path.
func TestStdinPathListWithAMistypedPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": article("Engines", "Ada Lovelace wrote the first program for the engine."),
	})
	missing := filepath.Join(dir, "nonexistent.txt")
	for _, tc := range []struct {
		name, stdin string
		indexed     int64
		failed      []string
	}{
		{"one mistyped", filepath.Join(dir, "a.txt") + "\n" + missing + "\n", 1, []string{missing}},
		{"all mistyped", missing + "\n", 0, []string{missing}},
		{"relative, no extension", filepath.Join(dir, "a.txt") + "\nnotes/2019\n", 1, []string{"notes/2019"}},
		{"a file URL", filepath.Join(dir, "a.txt") + "\nfile:///etc/passwd\n", 1, []string{"file:///etc/passwd"}},
		{"pasted text is an article", "A pasted headline\n\nAnd a paragraph naming a.txt in passing.\n", 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w, stats, failed := ingestFailures(t, []string{"-"}, Options{Stdin: strings.NewReader(tc.stdin)})
			if stats.Indexed.Load() != tc.indexed || len(failed) != len(tc.failed) {
				t.Errorf("indexed %d, failed %v; want %d, %v", stats.Indexed.Load(), failed, tc.indexed, tc.failed)
			}
			for _, src := range tc.failed {
				if e := failed[src]; e == nil || e.Stage != StageRead {
					t.Errorf("%s: failure %v, want one in stage read", src, e)
				}
			}
			for _, d := range w.docs {
				if d.Source == "-" && tc.failed != nil {
					t.Errorf("the list became a pasted article titled %q", d.Title)
				}
			}
		})
	}
}

// TestURLListExpandsFeeds: a feed or sitemap in a --urls list is expanded
// to its articles, as it is on the command line. It failed with "not
// HTML: content type application/rss+xml".
func TestURLListExpandsFeeds(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	list := filepath.Join(t.TempDir(), "urls.txt")
	lines := []string{s.URL + "/news/100", s.URL + "/feed.xml", s.URL + "/sitemap.xml", s.URL + "/news/3", s.URL + "/missing"}
	if err := os.WriteFile(list, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stats, failed := ingestFailures(t, nil, Options{URLLists: []string{list}, Fetch: fastFetch()})
	if len(failed) != 1 || failed[s.URL+"/missing"] == nil {
		t.Errorf("failures %v, want /missing only", failed)
	}
	// 1 + 50 from the feed (news/3 among them) + 50 from the sitemap.
	if stats.Indexed.Load() != 101 || stats.Read.Load() != 102 {
		t.Errorf("indexed %d, read %d; want 101, 102", stats.Indexed.Load(), stats.Read.Load())
	}
}

// TestURLListIsInListOrder: Extract emits a list's pages in its order,
// although they are fetched several at once.
func TestURLListIsInListOrder(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	var lines []string
	for i := range 20 {
		lines = append(lines, fmt.Sprintf("%s/news/%d", s.URL, 19-i))
	}
	var got []string
	err := Extract(t.Context(), nil, fakeTagger{}, Options{URLLists: []string{"-"}, Stdin: strings.NewReader(strings.Join(lines, "\n")), Fetch: fastFetch()}, func(it *Item) error {
		got = append(got, it.Source)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(lines, "\n") {
		t.Errorf("order %v, want %v", got, lines)
	}
}
