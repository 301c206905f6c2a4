package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract"
)

// loadMetaText writes text as a metadata file in a temporary directory and
// loads it.
func loadMetaText(t *testing.T, text string) (*Meta, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "meta.jsonl")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadMeta(p)
	if err != nil {
		t.Fatal(err)
	}
	return m, p
}

func TestMetaMatch(t *testing.T) {
	t.Parallel()
	const lines = `{"id": "00001", "title": "by id"}
{"file": "story.html", "title": "by file"}
{"path": "2019/jan/story.txt", "title": "by path"}
{"path": "./b/../b/note.txt", "title": "by unclean path"}
{"id": "clash", "title": "clash by id"}
{"file": "clash.txt", "title": "clash by file"}
{"id": "nobody", "title": "unused"}
`
	root := filepath.FromSlash("/in")
	tests := []struct {
		name string
		path string // under root, slash-separated
		want string // title of the matched line; "" for none
	}{
		{"id matches .txt", "00001.txt", "by id"},
		{"id matches .html", "00001.html", "by id"},
		{"id matches in a subdirectory", "x/y/00001.htm", "by id"},
		{"id is the whole stem", "00001.old.txt", ""},
		{"id is not a prefix", "000012.txt", ""},
		{"file matches the base name", "story.html", "by file"},
		{"file matches the base name in a subdirectory", "any/where/story.html", "by file"},
		{"file keeps its extension", "story.txt", ""},
		{"path matches relative to the input directory", "2019/jan/story.txt", "by path"},
		{"path is not a base name", "story2/jan/other.txt", ""},
		{"path is cleaned", "b/note.txt", "by unclean path"},
		{"file wins over id", "clash.txt", "clash by file"},
		{"id where file does not match", "clash.html", "clash by id"},
		{"no line", "other.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, _ := loadMetaText(t, lines)
			got := ""
			if l := m.Match(root, filepath.Join(root, filepath.FromSlash(tt.path))); l != nil {
				got = l.Title
			}
			if got != tt.want {
				t.Errorf("Match(%s) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}

	t.Run("unused lines", func(t *testing.T) {
		t.Parallel()
		m, _ := loadMetaText(t, lines)
		if got := m.Unused(); got != m.Lines() || got != 7 {
			t.Fatalf("before matching: %d unused of %d, want 7 of 7", got, m.Lines())
		}
		for _, p := range []string{"00001.txt", "00001.html", "story.html", "other.txt"} {
			m.Match(root, filepath.Join(root, p))
		}
		if got := m.Unused(); got != 5 {
			t.Errorf("after matching two lines (one twice): %d unused, want 5", got)
		}
	})
}

func TestLoadMetaBadLines(t *testing.T) {
	t.Parallel()
	good := `{"id": "a", "date": "2019-01-04"}`
	tests := []struct {
		name string
		line string
		want string // in the error
	}{
		{"not JSON", `{"id": "b", "title": `, "not a JSON object"},
		{"not an object", `["b"]`, "not a JSON object"},
		{"nothing to match by", `{"title": "orphan"}`, `no "id", "file" or "path"`},
		{"bad date", `{"id": "b", "date": "4 January 2019"}`, `published "4 January 2019"`},
		{"bad published", `{"id": "b", "published": "2019-13-01"}`, `published "2019-13-01"`},
		{"duplicate id", `{"id": "a", "title": "again"}`, `id "a" already given at `},
		{"duplicate path", `{"id": "c", "file": "x.txt"}` + "\n" + `{"path": "./x.txt"}`, `path "x.txt" already given at `},
		{"authors of the wrong type", `{"id": "b", "authors": 3}`, "authors: want a string or a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, p := loadMetaText(t, good+"\n\n"+tt.line+"\n"+`{"id": "z"}`+"\n")
			errs := m.Errors()
			if len(errs) != 1 {
				t.Fatalf("errors: %v, want one", errs)
			}
			e := errs[0]
			lastLine := strings.Count(tt.line, "\n") + 3
			if e.Stage != StageMeta || e.Source != p+":"+strconv.Itoa(lastLine) {
				t.Errorf("error at %s (stage %s), want %s:%d (stage %s)", e.Source, e.Stage, p, lastLine, StageMeta)
			}
			if !strings.Contains(e.Error(), tt.want) || !strings.Contains(e.Error(), p+":") {
				t.Errorf("error %q does not name file:line and %q", e, tt.want)
			}
			// The good lines around it still load.
			if m.Match("/in", "/in/a.txt") == nil || m.Match("/in", "/in/z.txt") == nil {
				t.Errorf("good lines lost; %d lines loaded", m.Lines())
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		t.Parallel()
		_, err := LoadMeta(filepath.Join(t.TempDir(), "none.jsonl"))
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err = %v, want not exist", err)
		}
	})
}

// TestMetaFillsWhatTheArticleDoesNotState runs one article that states its
// date and one that does not with a line each, under the date flags.
func TestMetaFillsWhatTheArticleDoesNotState(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"stated.txt":   "date 2017-12-04 Harbour wall approved\n\nThe council voted yesterday to build the wall.\n",
		"unstated.txt": article("Ferry cancelled", "The ferry was cancelled yesterday because of the storm."),
		"meta.jsonl": `{"id": "stated", "date": "2001-01-01", "title": "Not this title", "authors": "Ann Other"}
{"file": "unstated.txt", "published": "2019-07-12", "url": "https://news.example/ferry", "authors": ["Jo Bloggs", "Sam Roe"], "site_name": "Example News", "language": "en-GB"}
`,
	})
	meta, err := LoadMeta(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	flagDate := time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)
	type want struct{ published, source, yesterday string }
	tests := []struct {
		name             string
		opt              Options
		stated, unstated want
	}{
		{"meta only", Options{},
			want{"2017-12-04", "date-marker", "2017-12-03"}, want{"2019-07-12", FromMeta, "2019-07-11"}},
		{"published overrides meta", Options{Published: flagDate},
			want{"2020-03-05", PublishedFromFlag, "2020-03-04"}, want{"2020-03-05", PublishedFromFlag, "2020-03-04"}},
		{"default fills only what meta left", Options{DefaultPublished: flagDate},
			want{"2017-12-04", "date-marker", "2017-12-03"}, want{"2019-07-12", FromMeta, "2019-07-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Meta = meta
			got := map[string]want{}
			var unstated Record
			err := Extract(t.Context(), []string{dir}, datesTagger{}, opt, func(it *Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Source, it.Err)
					return nil
				}
				w := want{it.Article.Published.Format(time.DateOnly), it.Article.Sources.Published, ""}
				for _, d := range it.Result.Dates {
					if d.Text == "yesterday" && d.Value != nil {
						w.yesterday = *d.Value
					}
				}
				got[filepath.Base(it.Source)] = w
				if filepath.Base(it.Source) == "unstated.txt" {
					unstated = it.Record()
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got["stated.txt"] != tt.stated || got["unstated.txt"] != tt.unstated || len(got) != 2 {
				t.Errorf("got %+v\nwant stated %+v, unstated %+v", got, tt.stated, tt.unstated)
			}
			if *unstated.URL != "https://news.example/ferry" || !slices.Equal(unstated.Authors, []string{"Jo Bloggs", "Sam Roe"}) ||
				*unstated.SiteName != "Example News" || *unstated.Language != "en-GB" || unstated.Title != "Ferry cancelled" {
				t.Errorf("unstated record: %+v", unstated)
			}
			for _, k := range []string{"url", "authors", "site_name", "language"} {
				if unstated.Sources[k] != FromMeta {
					t.Errorf("sources[%s] = %q, want %q", k, unstated.Sources[k], FromMeta)
				}
			}
		})
	}
}

// TestJSONLWithoutArticles: a sidecar found in a directory is skipped once;
// named on its own it is read as articles; named as metadata it is not read.
func TestJSONLWithoutArticles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":         article("Ada Lovelace", "Ada Lovelace wrote the first program."),
		"meta.jsonl":    `{"id": "a", "date": "2019-01-04"}` + "\n\n" + `{"id": "b", "date": "2019-01-05"}` + "\n",
		"sub/mix.jsonl": `{"id": "m1", "title": "metadata first"}` + "\n" + `{"id": "m2", "text": "Ada Lovelace again."}` + "\n",
	})
	sidecar := filepath.Join(dir, "meta.jsonl")
	meta, err := LoadMeta(sidecar)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                  string
		inputs                []string
		meta                  *Meta
		read, failed, skipped int64
		onSkip                []string
	}{
		{"found in a directory", []string{dir}, nil, 3, 1, 1, []string{sidecar}},
		{"named on its own", []string{sidecar}, nil, 2, 2, 0, nil},
		{"named by Meta", []string{dir}, meta, 3, 1, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				stats  Stats
				onSkip []string
				failed []string
			)
			opt := Options{Stats: &stats, Meta: tt.meta, OnSkip: func(p string, reason error) {
				if !errors.Is(reason, ErrNoArticleLines) {
					t.Errorf("skip reason %v", reason)
				}
				onSkip = append(onSkip, p)
			}}
			err := Ingest(t.Context(), tt.inputs, fakeTagger{}, newMemWriter(), nil, opt, func(e *ItemError) {
				failed = append(failed, e.Error())
			})
			if err != nil {
				t.Fatal(err)
			}
			if stats.Read.Load() != tt.read || stats.Failed.Load() != tt.failed || stats.Skipped.Load() != tt.skipped {
				t.Errorf("read %d failed %d skipped %d, want %d %d %d; failures %q",
					stats.Read.Load(), stats.Failed.Load(), stats.Skipped.Load(), tt.read, tt.failed, tt.skipped, failed)
			}
			if !slices.Equal(onSkip, tt.onSkip) {
				t.Errorf("OnSkip %q, want %q", onSkip, tt.onSkip)
			}
		})
	}
}

// TestMetaChangeReindexes: the same metadata again leaves the article
// unchanged; an edited line re-indexes it; adding or dropping the sidecar
// updates the one document, whose id does not follow the line's url.
func TestMetaChangeReindexes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"in/a.txt": article("Ada Lovelace", "Ada Lovelace wrote a program on Wednesday.")})
	w := newMemWriter()
	ingestWith := func(metaLine string) (indexed, unchanged int64) {
		t.Helper()
		var meta *Meta
		if metaLine != "" {
			p := filepath.Join(dir, "meta.jsonl")
			if err := os.WriteFile(p, []byte(metaLine), 0o644); err != nil {
				t.Fatal(err)
			}
			var err error
			if meta, err = LoadMeta(p); err != nil {
				t.Fatal(err)
			}
		}
		var stats Stats
		if err := Ingest(t.Context(), []string{filepath.Join(dir, "in")}, fakeTagger{}, w, w, Options{Meta: meta, Stats: &stats}, nil); err != nil {
			t.Fatal(err)
		}
		return stats.Indexed.Load(), stats.Unchanged.Load()
	}
	steps := []struct {
		meta               string
		indexed, unchanged int64
	}{
		{"", 1, 0}, // no sidecar yet
		{`{"id": "a", "date": "2019-01-04", "language": "en", "url": "https://news.example/a"}`, 1, 0},
		{`{"id": "a", "date": "2019-01-04", "language": "en", "url": "https://news.example/a"}`, 0, 1},
		{`{"id": "a", "date": "2019-01-05", "language": "en", "url": "https://news.example/a"}`, 1, 0},
		{`{"id": "a", "date": "2019-01-05", "language": "en-GB", "url": "https://news.example/a"}`, 1, 0},
		{`{"id": "a", "date": "2019-01-05", "language": "en-GB", "url": "https://news.example/a", "licence": "CC BY 2.5"}`, 0, 1},
		{"", 1, 0}, // sidecar dropped
	}
	for i, s := range steps {
		if indexed, unchanged := ingestWith(s.meta); indexed != s.indexed || unchanged != s.unchanged {
			t.Errorf("run %d with %s: indexed %d unchanged %d, want %d %d", i+1, s.meta, indexed, unchanged, s.indexed, s.unchanged)
		}
	}
	if len(w.docs) != 1 {
		t.Errorf("%d documents, want 1", len(w.docs))
	}
}

// FuzzMetaRead: any metadata file loads without panicking, every line is
// either usable or an error naming it, and matching never panics.
func FuzzMetaRead(f *testing.F) {
	f.Add(`{"id": "a", "date": "2019-01-04", "authors": ["x"]}` + "\n" + `{"path": "../x/./y.txt"}`)
	f.Add(`{"file": "", "id": ""}` + "\n\r\n" + `{"id": "a", "authors": "b"}` + "\n" + `{"id": "a"}`)
	f.Add(`{"published": "2019-01-04T10:00:00+02:00", "path": "/abs/p.html"}`)
	f.Fuzz(func(t *testing.T, text string) {
		m := &Meta{files: map[string]bool{}, byID: map[string]int{}, byPath: map[string]int{}}
		if err := m.read("f.jsonl", strings.NewReader(text)); err != nil {
			t.Fatalf("read from a string: %v", err)
		}
		m.used = make([]atomic.Bool, len(m.lines))
		nonBlank := 0
		for l := range strings.Lines(text) {
			if strings.TrimSpace(l) != "" {
				nonBlank++
			}
		}
		if got := m.Lines() + len(m.Errors()); got != nonBlank {
			t.Errorf("%d lines + %d errors, want %d non-blank lines", m.Lines(), len(m.Errors()), nonBlank)
		}
		for _, e := range m.Errors() {
			if !strings.HasPrefix(e.Source, "f.jsonl:") || e.Err == nil {
				t.Errorf("error %v does not name its line", e)
			}
		}
		for _, p := range []string{"/in/a.txt", "/in/x/y.txt", "/in/p.html"} {
			if l := m.Match("/in", p); l != nil {
				var a extract.Article
				l.apply(&a)
			}
		}
		if m.Unused() > m.Lines() {
			t.Errorf("%d unused of %d", m.Unused(), m.Lines())
		}
	})
}
