package pipeline

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bylinehq/byline/extract"
)

// FromMeta is the source of a metadata value (extract.Article's Sources)
// given by a line of a metadata file (Options.Meta, `ingest add --meta`)
// that matched the article's file. Such a value only fills what the
// article itself does not state.
const FromMeta = "meta"

// StageMeta is the stage of a metadata file's line that cannot be used
// (ItemError.Stage); the line's Source is "file:line".
const StageMeta = "meta"

// ErrNoArticleLines is the reason a .jsonl file found in a directory is
// skipped when none of its lines has text or html: it is most likely a
// metadata sidecar, whose lines would otherwise each fail as an article.
var ErrNoArticleLines = errors.New("no line has text or html: a metadata file? pass it with --meta")

// MetaLine is one line of a metadata file: what is known about one article
// read from a file, matched to it by ID, File or Path (see Meta). Fields
// other than these are ignored, so a sidecar may carry its own (licence,
// attribution).
type MetaLine struct {
	// ID matches a file whose base name without extension is ID
	// ("00001" matches 00001.txt and 00001.html).
	ID string `json:"id"`
	// File and Path match a file by its base name or by its path relative
	// to the input directory it was found in, with / as separator.
	File string `json:"file"`
	Path string `json:"path"`

	Title     string     `json:"title"`
	Published string     `json:"published"` // YYYY-MM-DD or RFC 3339
	Date      string     `json:"date"`      // the same as Published, which wins when both are given
	URL       string     `json:"url"`
	Authors   authorList `json:"authors"` // a list of names, or one string
	SiteName  string     `json:"site_name"`
	Language  string     `json:"language"` // BCP 47, e.g. "en-GB"

	source    string    // file:line
	published time.Time // Published or Date, parsed
}

// authorList decodes a JSON list of names or a single name.
type authorList []string

func (l *authorList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		if one = strings.TrimSpace(one); one != "" {
			*l = authorList{one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("authors: want a string or a list of strings")
	}
	*l = many
	return nil
}

// Meta is the metadata of a run's file inputs, loaded from JSON Lines
// files by LoadMeta. Matching marks lines used, atomically, so a Meta is
// safe for concurrent use; a Meta is meant for one run, since Unused
// counts over everything matched since it was loaded.
type Meta struct {
	files  map[string]bool // absolute paths of the metadata files
	lines  []*MetaLine
	used   []atomic.Bool
	byID   map[string]int
	byPath map[string]int // File and Path values, slash-separated and cleaned
	errs   []*ItemError
}

// LoadMeta reads metadata files. A line that cannot be used (not a JSON
// object, no id, file or path, a bad date, a key another line already
// has) does not stop the load: it is kept in Errors, which a run reports
// as failures. The error is for a file that cannot be read.
func LoadMeta(paths ...string) (*Meta, error) {
	m := &Meta{files: map[string]bool{}, byID: map[string]int{}, byPath: map[string]int{}}
	for _, p := range paths {
		if err := m.load(p); err != nil {
			return nil, err
		}
	}
	m.used = make([]atomic.Bool, len(m.lines))
	return m, nil
}

func (m *Meta) load(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("metadata: %w", err)
	}
	defer f.Close()
	if abs, err := filepath.Abs(path); err == nil {
		m.files[abs] = true
	}
	return m.read(path, f)
}

// read adds the lines of the metadata file name read from rd.
func (m *Meta) read(name string, rd io.Reader) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	for n := 1; ; n++ {
		b, err := readLine(br)
		source := fmt.Sprintf("%s:%d", name, n)
		switch {
		case errors.Is(err, ErrTooLarge):
			m.errs = append(m.errs, &ItemError{Stage: StageMeta, Source: source, Err: err})
		case len(strings.TrimSpace(string(b))) > 0:
			if lerr := m.add(source, b); lerr != nil {
				m.errs = append(m.errs, &ItemError{Stage: StageMeta, Source: source, Err: lerr})
			}
		}
		switch {
		case err == io.EOF:
			return nil
		case err != nil && !errors.Is(err, ErrTooLarge):
			return fmt.Errorf("metadata %s: %w", source, err)
		}
	}
}

// add parses one line and indexes it by its keys.
func (m *Meta) add(source string, b []byte) error {
	var l MetaLine
	if err := json.Unmarshal(b, &l); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	l.source = source
	if d := cmp.Or(strings.TrimSpace(l.Published), strings.TrimSpace(l.Date)); d != "" {
		p, err := ParsePublished(d)
		if err != nil {
			return err
		}
		l.published = p
	}
	var paths []string
	for _, p := range []string{l.File, l.Path} {
		if p = strings.TrimSpace(p); p != "" {
			paths = append(paths, metaPath(p))
		}
	}
	id := strings.TrimSpace(l.ID)
	if id == "" && len(paths) == 0 {
		return errors.New(`no "id", "file" or "path" to match an input by`)
	}
	if i, dup := m.byID[id]; dup && id != "" {
		return fmt.Errorf("id %q already given at %s", id, m.lines[i].source)
	}
	for _, p := range paths {
		if i, dup := m.byPath[p]; dup {
			return fmt.Errorf("path %q already given at %s", p, m.lines[i].source)
		}
	}
	i := len(m.lines)
	m.lines = append(m.lines, &l)
	if id != "" {
		m.byID[id] = i
	}
	for _, p := range paths {
		m.byPath[p] = i
	}
	return nil
}

// metaPath is a File or Path value as a key: slash-separated and cleaned.
func metaPath(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))), "./")
}

// Errors returns the lines that could not be used, each an *ItemError of
// stage StageMeta with the line's "file:line" as Source.
func (m *Meta) Errors() []*ItemError { return m.errs }

// Lines returns the number of usable lines.
func (m *Meta) Lines() int { return len(m.lines) }

// Unused returns the number of usable lines that matched no input.
func (m *Meta) Unused() int {
	n := 0
	for i := range m.used {
		if !m.used[i].Load() {
			n++
		}
	}
	return n
}

// IsMetaFile reports whether path names one of the metadata files, so
// that a directory walk does not read it as articles.
func (m *Meta) IsMetaFile(path string) bool {
	abs, err := filepath.Abs(path)
	return err == nil && m.files[abs]
}

// Match returns the line for the file at path, found in the input
// directory root (for a file named on its own, its own directory), and
// marks it used; nil when no line matches. A line's path relative to
// root wins over its base name, which wins over its id.
func (m *Meta) Match(root, path string) *MetaLine {
	base := filepath.Base(path)
	keys := []string{}
	if rel, err := filepath.Rel(root, path); err == nil {
		keys = append(keys, metaPath(rel))
	}
	keys = append(keys, base)
	for _, k := range keys {
		if i, ok := m.byPath[k]; ok {
			m.used[i].Store(true)
			return m.lines[i]
		}
	}
	if i, ok := m.byID[strings.TrimSuffix(base, filepath.Ext(base))]; ok {
		m.used[i].Store(true)
		return m.lines[i]
	}
	return nil
}

// apply fills what a does not state from l, with FromMeta as the source.
func (l *MetaLine) apply(a *extract.Article) {
	if t := strings.TrimSpace(l.Title); t != "" && a.Title == "" {
		a.Title, a.Sources.Title = t, FromMeta
	}
	if !l.published.IsZero() && a.Published.IsZero() {
		a.Published, a.Sources.Published = l.published, FromMeta
	}
	if u := strings.TrimSpace(l.URL); u != "" && a.URL == "" {
		a.URL, a.Sources.URL = u, FromMeta
	}
	if len(l.Authors) > 0 && len(a.Authors) == 0 {
		a.Authors, a.Sources.Authors = append([]string(nil), l.Authors...), FromMeta
	}
	if s := strings.TrimSpace(l.SiteName); s != "" && a.SiteName == "" {
		a.SiteName, a.Sources.SiteName = s, FromMeta
	}
	if s := strings.TrimSpace(l.Language); s != "" && a.Language == "" {
		a.Language, a.Sources.Language = s, FromMeta
	}
}

// fingerprint is what of l can change an article, for its content hash:
// a re-run with an edited line re-indexes the article.
func (l *MetaLine) fingerprint() string {
	return hashOf(l.Title, formatPublished(l.published), l.URL, strings.Join(l.Authors, "\x00"), l.SiteName, l.Language)
}
