package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"reflect"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	bindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrMappingVersion is returned by Open for an index created with another
// version of the mapping (or not by this package); rebuild the index.
var ErrMappingVersion = errors.New("index mapping version mismatch")

// ErrLocked is returned by Open when another process (or another Index in
// this one) holds the index open for longer than the lock timeout.
var ErrLocked = errors.New("index is open elsewhere")

// DefaultLockTimeout is how long Open waits for another process holding
// the index open before failing.
const DefaultLockTimeout = 2 * time.Second

// maxSegmentDocs caps the documents (articles and quote documents, about
// six per article on Wikinews) of a segment that scorch's merger makes.
// The merger reads every segment it merges through mmap, and the kernel
// counts those pages in the process's RSS until the merged segments are
// unmapped: with bleve's default cap (5 million) merges grew with the
// index, and at 65,000 Wikinews articles one merge took file-backed RSS
// from 130 to 530 MiB (make loadtest LOADTEST_N=100000). 50,000
// documents are about 115 MB of segment here, so the largest merge reads
// that much; segments from half the cap on are not merged again. The cost
// is more segments to search at scale (about 12 per 100,000 articles).
const maxSegmentDocs = 50_000

// Index is a Bleve index of Docs: stored with the scorch engine, searched
// with Bleve's query-string syntax. Its methods are safe for concurrent
// use; writes go through a Writer.
type Index struct {
	b      bleve.Index
	logger *slog.Logger
}

// Option configures Open and NewMemOnly.
type Option func(*options)

type options struct {
	logger      *slog.Logger
	lockTimeout time.Duration
}

// WithLogger makes the index log through l (flushes at Debug, skipped
// fields at Warn). The default discards.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) {
		if l != nil {
			o.logger = l
		}
	}
}

// WithLockTimeout sets how long Open waits for the lock on an index another
// process has open (default DefaultLockTimeout). Zero or less waits forever.
func WithLockTimeout(d time.Duration) Option {
	return func(o *options) { o.lockTimeout = d }
}

func applyOptions(opts []Option) options {
	o := options{
		logger:      slog.New(slog.DiscardHandler),
		lockTimeout: DefaultLockTimeout,
	}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Open opens the index at path, or creates one with this package's
// mapping if path does not exist or is an empty directory. Creation is
// atomic: the index is built in a temporary sibling directory and renamed
// into place, so a process killed meanwhile leaves no index at path (and
// the next Open removes its leftovers). Open fails with ErrMappingVersion
// on an index built with another mapping, with ErrLocked if another
// process holds the index open for longer than the lock timeout, and with
// ErrHalfCreated or ErrDamaged, naming path and what to do, on an index
// that cannot be opened.
func Open(path string, opts ...Option) (*Index, error) {
	o := applyOptions(opts)
	empty, err := isEmptyDir(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && empty:
		if err := create(path, o); err != nil {
			return nil, err
		}
		o.logger.Info("created index", "path", path)
	case err != nil:
		return nil, fmt.Errorf("open index: %w", err)
	}
	return openExisting(path, o, false)
}

// runtimeConfig is the scorch configuration Byline opens indexes with.
func runtimeConfig(o options, readOnly bool) map[string]any {
	runtime := map[string]any{
		"scorchMergePlanOptions": map[string]any{"MaxSegmentSize": maxSegmentDocs},
	}
	if o.lockTimeout > 0 {
		runtime["bolt_timeout"] = o.lockTimeout.String()
	}
	if readOnly {
		runtime["read_only"] = true
	}
	return runtime
}

// openExisting opens the index at path, which exists. It first looks at
// it read-only (see inspect): when the newest snapshot in root.bolt does
// not load (a damaged segment), scorch logs it and opens an older one, an
// index that looks empty or old and would drop the newer snapshot on its
// next write. When Bleve cannot open it, it finds out why to say so.
func openExisting(path string, o options, readOnly bool) (ix *Index, err error) {
	if _, err := inspect(path, o, false); err != nil {
		return nil, err
	}
	b, err := openBleve(path, runtimeConfig(o, readOnly))
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open index %s: waited %v: %w", path, o.lockTimeout, ErrLocked)
	}
	if err != nil {
		if derr := diagnose(path, o); derr != nil {
			return nil, derr
		}
		return nil, fmt.Errorf("open index %s: %w (ingest check --index %s says more)", path, diskFull(err), path)
	}
	g := guarded{bleveIndex: b, logger: o.logger}
	v, err := g.GetInternal(mappingVersionKey)
	if err != nil {
		_ = g.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if err := checkVersion(path, string(v), g); err != nil {
		_ = g.Close()
		return nil, err
	}
	return &Index{b: g, logger: o.logger}, nil
}

// openBleve is bleve.OpenUsing with its panics recovered.
func openBleve(path string, runtime map[string]any) (b bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic: %v", ErrPanic, r)
		}
	}()
	return bleve.OpenUsing(path, runtime)
}

// checkVersion checks the mapping version v read from the index at path.
// An index with this package's mapping, no documents and no version was
// created by an older Byline killed before it wrote the version.
func checkVersion(path, v string, b bleve.Index) error {
	if v == mappingVersion {
		return nil
	}
	if v == "" {
		n, err := b.DocCount()
		mb, merr := b.GetInternal(util.MappingInternalKey)
		if err == nil && merr == nil && n == 0 && isOurMapping(mb) {
			return halfCreated(path, "no mapping version")
		}
	}
	return fmt.Errorf("open index %s: made by another version of Byline (mapping %q, want %q): re-create it by removing the directory and ingesting again: %w", path, v, mappingVersion, ErrMappingVersion)
}

// isOurMapping reports whether mb is newMapping's JSON.
func isOurMapping(mb []byte) bool {
	m, err := newMapping()
	if err != nil {
		return false
	}
	ours, err := json.Marshal(m)
	if err != nil {
		return false
	}
	var a, b any
	return json.Unmarshal(mb, &a) == nil && json.Unmarshal(ours, &b) == nil && reflect.DeepEqual(a, b)
}

// NewMemOnly returns an empty index held in memory only, with the same
// mapping and engine (scorch) as Open. Its contents are lost on Close.
func NewMemOnly(opts ...Option) (*Index, error) {
	o := applyOptions(opts)
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("create memory index: mapping: %w", err)
	}
	b, err := bleve.NewUsing("", m, scorch.Name, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return &Index{b: guarded{bleveIndex: b, logger: o.logger}, logger: o.logger}, nil
}

// Close closes the index, waiting for scorch to persist what it has been
// given. Close every Writer first: what a Writer has not flushed is lost.
func (ix *Index) Close() error {
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("close index: %w", diskFull(err))
	}
	return nil
}

// Count returns the number of articles in the index (quote documents are
// not counted).
func (ix *Index) Count() (uint64, error) {
	n, err := ix.b.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	q, err := ix.countQuotes()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n - min(n, q), nil
}

// Hash returns the stored Hash of the document id; ok is false if the
// index has no such document. Documents still in a Writer's batch are not
// seen until it is flushed.
func (ix *Index) Hash(id string) (hash string, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("load document %s: %w: panic: %v", id, ErrPanic, r)
		}
	}()
	d, err := ix.b.Document(id)
	if err != nil {
		return "", false, fmt.Errorf("load document %s: %w", id, err)
	}
	if d == nil {
		return "", false, nil
	}
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == fieldHash {
			hash = string(f.Value())
		}
	})
	return hash, true, nil
}

// body is a Doc as handed to bleve: only non-empty fields, so a zero
// Published is not indexed as year 1, and without the ID, which bleve keeps
// apart as _id. It reports its type through bleve's Classifier.
type body map[string]any

// BleveType implements bleve's Classifier.
func (body) BleveType() string { return docType }

// newBody converts d. It leaves out a Published that Bleve cannot
// represent (before 1677 or after 2262) and logs it.
func (ix *Index) newBody(d *Doc) body {
	b := body{fieldHash: d.Hash}
	str := func(k, v string) {
		if v != "" {
			b[k] = v
		}
	}
	list := func(k string, v []string) {
		if len(v) > 0 {
			b[k] = v
		}
	}
	str(fieldTitle, d.Title)
	str(fieldSource, d.Source)
	str(fieldURL, d.URL)
	str(fieldText, d.Text)
	list(fieldPerson, d.Person)
	list(fieldOrganization, d.Organization)
	list(fieldPlace, d.Place)
	list(fieldSpeaker, d.Speaker)
	list(fieldQuote, d.Quote)
	var dates []time.Time
	for _, t := range d.Date {
		if !t.Before(document.MinTimeRepresentable) && !t.After(document.MaxTimeRepresentable) {
			dates = append(dates, t)
		}
	}
	if len(dates) > 0 {
		b[fieldDate] = dates
	}
	if p := d.Published; !p.IsZero() {
		if p.Before(document.MinTimeRepresentable) || p.After(document.MaxTimeRepresentable) {
			ix.logger.Warn("published date out of range, not indexed", "doc_id", d.ID, "source", d.Source, "published", p)
		} else {
			b[fieldPublished] = p
		}
	}
	return b
}
