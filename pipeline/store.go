package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Store keeps every fetched page on disk, so that a re-run sends
// conditional requests instead of fetching unchanged pages again, and
// `ingest reindex` can rebuild an index without the network.
//
// Layout under the store's directory:
//
//	objects/ab/abcdef….gz   page bodies, gzipped, named by the SHA-256 of
//	                        the uncompressed body (content-addressed: the
//	                        same body fetched from two URLs is kept once)
//	pages/12/1234….json     one PageRecord per requested URL, named by
//	                        the SHA-256 of the URL
//
// Bodies are compressed with compress/gzip from the standard library: HTML
// shrinks five- to tenfold, and pages arrive at most a few a second per
// host, so zstd's speed would buy nothing worth a dependency.
//
// Every file is written to a temporary file in its directory and renamed
// into place, and a body before the record naming it, so a killed run
// leaves no torn file and no record without its body. A Store is safe for
// concurrent use by goroutines and processes: writers of the same URL race
// benignly (last rename wins, both complete).
type Store struct {
	dir string
}

// NewStore returns the store in dir. Nothing is created until a page is
// put.
func NewStore(dir string) *Store { return &Store{dir: dir} }

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

// PageRecord describes one stored page. Its JSON form is the record file.
type PageRecord struct {
	URL       string      `json:"url"`       // as requested
	FinalURL  string      `json:"final_url"` // after redirects
	Status    int         `json:"status"`
	Headers   PageHeaders `json:"headers"`
	FetchedAt time.Time   `json:"fetched_at"`
	Body      string      `json:"body_sha256"` // hex SHA-256 of the uncompressed body
}

// PageHeaders are the response headers a stored page keeps: what the
// cleaner needs to decode it and what a conditional request sends back.
type PageHeaders struct {
	ContentType  string `json:"content_type,omitempty"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func (s *Store) recordPath(url string) string {
	h := sha([]byte(url))
	return filepath.Join(s.dir, "pages", h[:2], h+".json")
}

func (s *Store) objectPath(hash string) string {
	return filepath.Join(s.dir, "objects", hash[:2], hash+".gz")
}

// Get returns the record stored for url; ok is false when there is none.
func (s *Store) Get(url string) (rec PageRecord, ok bool, err error) {
	b, err := os.ReadFile(s.recordPath(url))
	if errors.Is(err, fs.ErrNotExist) {
		return PageRecord{}, false, nil
	}
	if err != nil {
		return PageRecord{}, false, fmt.Errorf("page store: %w", err)
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return PageRecord{}, false, fmt.Errorf("page store: record of %s: %w", url, err)
	}
	return rec, true, nil
}

// Body returns the uncompressed body rec names, checked against its hash.
func (s *Store) Body(rec PageRecord) ([]byte, error) {
	if len(rec.Body) != 64 {
		return nil, fmt.Errorf("page store: record of %s has no body hash", rec.URL)
	}
	f, err := os.Open(s.objectPath(rec.Body))
	if err != nil {
		return nil, fmt.Errorf("page store: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("page store: body of %s: %w", rec.URL, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("page store: body of %s: %w", rec.URL, err)
	}
	if sha(b) != rec.Body {
		return nil, fmt.Errorf("page store: body of %s does not match its hash", rec.URL)
	}
	return b, nil
}

// Put stores body and rec (whose Body field it sets) and returns the
// record as stored.
func (s *Store) Put(rec PageRecord, body []byte) (PageRecord, error) {
	rec.Body = sha(body)
	obj := s.objectPath(rec.Body)
	if _, err := os.Stat(obj); errors.Is(err, fs.ErrNotExist) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(body)
		if err := zw.Close(); err != nil {
			return rec, fmt.Errorf("page store: compress: %w", err)
		}
		if err := writeAtomic(obj, buf.Bytes()); err != nil {
			return rec, err
		}
	}
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return rec, fmt.Errorf("page store: %w", err)
	}
	return rec, writeAtomic(s.recordPath(rec.URL), append(b, '\n'))
}

// writeAtomic writes b to a temporary file beside path and renames it
// into place, so readers see the old file or the new one, never part.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("page store: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("page store: %w", err)
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("page store: write %s: %w", path, err)
	}
	return nil
}

// Walk calls fn for every stored record, in the order of the record files'
// names (deterministic, not by URL), until fn returns an error or ctx is
// done. A record that cannot be read is passed to fn as an error, with
// the record's path as its URL. Temporary files of an interrupted write
// are skipped. A missing store directory holds no records.
func (s *Store) Walk(ctx context.Context, fn func(PageRecord, error) error) error {
	root := filepath.Join(s.dir, "pages")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return fn(PageRecord{URL: p}, err)
		}
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		if d.IsDir() || !strings.HasSuffix(p, ".json") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		var rec PageRecord
		b, err := os.ReadFile(p)
		if err == nil {
			err = json.Unmarshal(b, &rec)
		}
		if err == nil && (rec.URL == "" || len(rec.Body) != 64) {
			err = errors.New("record without a URL or body hash")
		}
		if err != nil {
			return fn(PageRecord{URL: p}, fmt.Errorf("page store: %w", err))
		}
		return fn(rec, nil)
	})
	return err
}
