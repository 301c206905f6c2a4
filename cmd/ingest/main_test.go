package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/pipeline"
)

const corpusDir = "../../corpus"

// The seed articles: two about the Darroch cables leak, one LBC interview.
const (
	bbc = "000_4e0b8ae045c7ba6e.txt"
	dm  = "001_e9a0c4fc5fbda047.txt"
	lbc = "002_5db6a7f1b5a475b5.txt"
)

// ingest runs the CLI with args and returns its exit code, stdout and stderr.
func ingest(t *testing.T, ctx context.Context, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// jsonLines decodes every line of s into a map.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line is not JSON: %v\n%s", err, sc.Text())
		}
		out = append(out, m)
	}
	return out
}

// hitSources returns the base names of the sources of the "hit" lines.
func hitSources(t *testing.T, out string) []string {
	t.Helper()
	var srcs []string
	for _, m := range jsonLines(t, out) {
		if m["message_type"] == "hit" {
			srcs = append(srcs, filepath.Base(m["source"].(string)))
		}
	}
	slices.Sort(srcs)
	return srcs
}

func TestAddThenSearchCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir)
	if code != 0 {
		t.Fatalf("add: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if !strings.Contains(errs, "read 3, indexed 3, unchanged 0, failed 0") {
		t.Errorf("summary: %q", errs)
	}

	searches := []struct {
		query string
		want  []string
	}{
		{`person:"Neil Basu"`, []string{bbc, dm}},
		{`"duty of confidentiality"`, []string{lbc}},
		{`"pompous fool"`, []string{bbc, dm}},
		{`person:"Cressida Dick"`, []string{lbc}},
		{`published:>="2017-12-01" published:<"2018-01-01"`, []string{lbc}},
	}
	for _, s := range searches {
		t.Run(s.query, func(t *testing.T) {
			code, out, errs := ingest(t, t.Context(), "", "search", "--index", dir, "--json", s.query)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if got := hitSources(t, out); !slices.Equal(got, s.want) {
				t.Errorf("hits %v, want %v", got, s.want)
			}
			lines := jsonLines(t, out)
			if last := lines[len(lines)-1]; last["message_type"] != "summary" {
				t.Errorf("last line %v, want a summary", last)
			}
		})
	}

	t.Run("text output", func(t *testing.T) {
		code, out, _ := ingest(t, t.Context(), "", "search", "--index", dir, `"duty of confidentiality"`)
		if code != 0 || !strings.Contains(out, "Met Commissioner: Damian Green Leak Detectives Could Be Prosecuted") || !strings.Contains(out, "2017-12-04") {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
	})

	t.Run("bad query is a usage error", func(t *testing.T) {
		code, _, errs := ingest(t, t.Context(), "", "search", "--index", dir, `person:"unclosed`)
		if code != exitUsage {
			t.Errorf("exit %d, want %d; stderr %s", code, exitUsage, errs)
		}
	})

	t.Run("re-ingest adds nothing", func(t *testing.T) {
		code, _, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--quiet", corpusDir)
		if code != 0 || !strings.Contains(errs, "read 3, indexed 0, unchanged 3, failed 0") || !strings.Contains(errs, "holds 3 articles") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}

func TestAddReportsBadFilesAndExits3(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	in := t.TempDir()
	for _, name := range []string{bbc, lbc} {
		b, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "scan.txt"), []byte("\x00\x01PK\x03\x04\xff\xfe\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("gone.html", filepath.Join(in, "dangling.html")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--json", "--quiet", in)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, exitPartial, errs)
	}
	var failed []string
	var summary map[string]any
	for _, m := range jsonLines(t, out) {
		switch m["message_type"] {
		case "error":
			failed = append(failed, filepath.Base(m["source"].(string))+" "+m["stage"].(string))
		case "summary":
			summary = m
		}
	}
	slices.Sort(failed)
	if want := []string{"dangling.html read", "scan.txt clean"}; !slices.Equal(failed, want) {
		t.Errorf("failures %v, want %v", failed, want)
	}
	if summary["indexed"] != 2.0 || summary["failed"] != 2.0 {
		t.Errorf("summary %v, want 2 indexed, 2 failed", summary)
	}
	if !strings.Contains(errs, "scan.txt: clean:") {
		t.Errorf("stderr does not name the failed file and stage:\n%s", errs)
	}
}

// TestInterruptedIngestResumes cancels an ingest after its first article
// reaches the index writer, as Ctrl-C would, then checks the index opens
// and a re-run completes it without duplicates.
func TestInterruptedIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	tagger, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	w := &cancellingWriter{Writer: ix.NewWriter(), cancel: cancel}
	err = pipeline.Ingest(ctx, []string{corpusDir}, tagger, w, ix, pipeline.Options{Workers: 1}, nil)
	if err == nil {
		t.Fatal("interrupted ingest returned no error")
	}
	if err := w.Close(); err != nil {
		t.Fatalf("close writer after interrupt: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	code, out, errs := ingest(t, t.Context(), "", "add", "--index", dir, "--json", "--quiet", corpusDir)
	if code != 0 {
		t.Fatalf("re-run: exit %d: %s", code, errs)
	}
	lines := jsonLines(t, out)
	s := lines[len(lines)-1]
	if s["indexed"].(float64) < 1 || s["unchanged"].(float64) < 1 || s["index_total"] != 3.0 {
		t.Errorf("re-run summary %v: want the rest indexed, the first unchanged, 3 in all", s)
	}
}

type cancellingWriter struct {
	*index.Writer
	cancel context.CancelFunc
}

func (w *cancellingWriter) Write(ctx context.Context, d index.Doc) (index.Status, error) {
	if err := ctx.Err(); err != nil {
		return 0, err // interrupted: nothing more reaches the index
	}
	st, err := w.Writer.Write(ctx, d)
	w.cancel()
	return st, err
}

func TestExtractPrintsTheContract(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	files := []string{filepath.Join(corpusDir, lbc), filepath.Join(corpusDir, bbc), filepath.Join(corpusDir, dm)}
	code, out, errs := ingest(t, t.Context(), "", append([]string{"extract", "--default-published", "2019-07-12"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var recs []pipeline.Record
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	for dec.More() {
		var r pipeline.Record
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	for i, r := range recs {
		if r.Source != files[i] {
			t.Errorf("record %d is %s, want %s (input order)", i, r.Source, files[i])
		}
		if strings.Contains(r.Text, "\n\n\n") || r.Title == "" || r.ID == "" {
			t.Errorf("%s: bad title/id/text", r.Source)
		}
		for _, e := range r.Entities {
			if r.Text[e.Start:e.End] != e.Text {
				t.Errorf("%s: entity %q at %d:%d is %q in text", r.Source, e.Text, e.Start, e.End, r.Text[e.Start:e.End])
			}
		}
		for _, q := range r.Quotes {
			if r.Text[q.Start:q.End] != q.Text {
				t.Errorf("%s: quote at %d:%d does not match its text", r.Source, q.Start, q.End)
			}
			if (q.Speaker == nil) != (q.SpeakerStart == nil) {
				t.Errorf("%s: quote %q: speaker and speaker span disagree", r.Source, q.Text)
			}
		}
		for _, d := range r.Dates {
			if r.Text[d.Start:d.End] != d.Text {
				t.Errorf("%s: date %q at %d:%d does not match", r.Source, d.Text, d.Start, d.End)
			}
		}
	}
	// The LBC article states its date; the others take --default-published.
	if p := recs[0].Published; p == nil || !strings.HasPrefix(*p, "2017-12-04") {
		t.Errorf("LBC published = %v, want 2017-12-04", p)
	}
	if p := recs[1].Published; p == nil || *p != "2019-07-12" {
		t.Errorf("BBC published = %v, want the --default-published date", p)
	}

	// --published overrides the date the LBC article states.
	code, out, errs = ingest(t, t.Context(), "", "extract", "--published", "2019-07-12", files[0])
	if code != 0 {
		t.Fatalf("--published: exit %d: %s", code, errs)
	}
	if m := jsonLines(t, out); len(m) != 1 || m[0]["published"] != "2019-07-12" {
		t.Errorf("--published: LBC record %v, want published 2019-07-12", m)
	}
	// Raw JSON: unknown values are null, lists are never null, and the
	// record says where its metadata came from.
	for _, m := range jsonLines(t, out) {
		for _, k := range []string{"entities", "people", "organizations", "places", "quotes", "dates", "authors"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("%v: %q is %v, want a list", m["source"], k, m[k])
			}
		}
		for _, k := range []string{"url", "modified", "site_name", "language"} {
			if v, ok := m[k]; !ok || v != nil {
				t.Errorf("%v: %q is %v (present %v), want null: pasted text states none", m["source"], k, v, ok)
			}
		}
		src, _ := m["sources"].(map[string]any)
		if src["published"] != pipeline.PublishedFromFlag || src["title"] != "first-line" {
			t.Errorf("%v: sources %v, want published from the flag, title from the first line", m["source"], m["sources"])
		}
	}

	// A JSON Lines article's own fields are its metadata, and say so.
	jl := filepath.Join(t.TempDir(), "a.jsonl")
	write(t, jl, `{"id": "a1", "url": "https://news.example/a1", "title": "Port reopens", "published": "2020-01-02", "text": "Jo Lim said the port would reopen on Monday."}`+"\n")
	code, out, errs = ingest(t, t.Context(), "", "extract", jl)
	if code != 0 {
		t.Fatalf("extract %s: exit %d: %s", jl, code, errs)
	}
	m := jsonLines(t, out)
	if len(m) != 1 || m[0]["url"] != "https://news.example/a1" || m[0]["published"] != "2020-01-02" {
		t.Fatalf("JSON Lines record %v", m)
	}
	want := map[string]any{"title": pipeline.FromJSONL, "url": pipeline.FromJSONL, "published": pipeline.FromJSONL}
	if !reflect.DeepEqual(m[0]["sources"], want) {
		t.Errorf("JSON Lines sources %v, want %v", m[0]["sources"], want)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := [][]string{
		{},
		{"nosuchcommand"},
		{"add", "--workers", "-1"},
		{"add", "--published", "12/07/2019"},
		{"extract", "--date-order", "ymd", "x.txt"},
		{"search"},
		{"show"},
		{"show", "id1", "id2"},
		{"eval", "--min", "nosuch.metric=0.5", corpusDir},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			if code, _, errs := ingest(t, t.Context(), "", args...); code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %s", code, exitUsage, errs)
			}
		})
	}
}

// TestReadersWithoutIndex: every command that reads an index fails with
// exit 1 and tells a new user to run "ingest add" when there is none.
func TestReadersWithoutIndex(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"search", "leak"},
		{"quotes", "leak"},
		{"entities"},
		{"show", "abc"},
	} {
		t.Run(args[0], func(t *testing.T) {
			t.Parallel()
			argv := append([]string{args[0], "--index", filepath.Join(t.TempDir(), "none")}, args[1:]...)
			code, _, errs := ingest(t, t.Context(), "", argv...)
			if code != exitFatal || !strings.Contains(errs, "ingest add") {
				t.Errorf("exit %d, stderr %q; want %d and a hint to run ingest add", code, errs, exitFatal)
			}
		})
	}
}

// TestInterruptExits130 runs add with a context that is already cancelled,
// as after Ctrl-C: exit code 130, and the index still opens.
func TestInterruptExits130(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "idx")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	code, _, errs := ingest(t, ctx, "", "add", "--index", dir, "--quiet", corpusDir)
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitInterrupted, errs)
	}
	if !strings.Contains(errs, "run the same command again") {
		t.Errorf("stderr does not tell the user how to finish: %q", errs)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("index after interrupt: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestDateOrderFlag(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "a.txt")
	write(t, in, "Filing\n\nThe report was filed on 10/07/2019 and reviewed on 25/12/2019.\n")
	for _, tc := range []struct{ order, want string }{
		{"auto", "<nil> 2019-12-25"}, // ambiguous: found, not resolved
		{"dmy", "2019-07-10 2019-12-25"},
		{"mdy", "2019-10-07 2019-12-25"}, // an impossible reading is never taken
	} {
		t.Run(tc.order, func(t *testing.T) {
			t.Parallel()
			code, out, errs := ingest(t, t.Context(), "", "extract", "--date-order", tc.order, in)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var r pipeline.Record
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range r.Dates {
				if d.Value == nil {
					got = append(got, "<nil>")
				} else {
					got = append(got, *d.Value)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("values %v, want %s", got, tc.want)
			}
		})
	}
}
