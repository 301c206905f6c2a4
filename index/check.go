package index

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrHalfCreated is wrapped by the error of Open and Check for an index
// whose creation was interrupted (by an older Byline, which did not create
// indexes atomically): it holds nothing and never opens. Delete it.
var ErrHalfCreated = errors.New("half-created index")

// ErrDamaged is wrapped by the error of Open and Check for an index with a
// file that cannot be read (a segment that fails its checksum or does not
// load, a broken root.bolt). Rebuild it.
var ErrDamaged = errors.New("damaged index")

// ErrNotIndex is wrapped by the error of Open and Check for a path that
// is not a Byline index at all.
var ErrNotIndex = errors.New("not a Byline index")

func halfCreated(path, why string) error {
	return fmt.Errorf("%s is a %w (%s): delete it and run again", path, ErrHalfCreated, why)
}

func damaged(path, why string) error {
	return fmt.Errorf("%s is a %w: %s: delete it and ingest again to rebuild it", path, ErrDamaged, why)
}

func notIndex(path, why string) error {
	return fmt.Errorf("%s is %w: %s", path, ErrNotIndex, why)
}

// Report is what Check found in a sound index.
type Report struct {
	Path           string `json:"index"`
	Articles       uint64 `json:"articles"`  // as Count returns
	Documents      uint64 `json:"documents"` // articles and their quote documents
	Segments       int    `json:"segments"`
	SegmentBytes   int64  `json:"segment_bytes"`
	MappingVersion string `json:"mapping_version"`
}

// Check verifies the index at path without changing it: its files are
// Bleve's, its newest snapshot loads, every segment file it names matches
// its checksum and every stored document in it can be read, the mapping
// version is the one this package writes, and the index opens and counts
// its articles. The error wraps ErrHalfCreated, ErrDamaged, ErrNotIndex,
// ErrMappingVersion, ErrLocked or fs.ErrNotExist, and says what to do.
// Check reads every segment in full, so it takes about as long as
// reading the index from disk once.
func Check(path string, opts ...Option) (Report, error) {
	o := applyOptions(opts)
	r, err := inspect(path, o, true)
	if err != nil {
		return r, err
	}
	ix, err := openExisting(path, o, true)
	if err != nil {
		return r, err
	}
	defer ix.Close()
	n, err := ix.Count()
	if err != nil {
		return r, damaged(path, err.Error())
	}
	r.Articles = n
	return r, nil
}

// diagnose says why Bleve could not open the index at path, or returns
// nil when it finds nothing wrong.
func diagnose(path string, o options) error {
	_, err := inspect(path, o, true)
	return err
}

// inspect looks at the index at path with read-only scorch, under Bleve's
// façade: what a failed bleve.Open reports ("error parsing mapping JSON"
// for a segment that does not load, "metadata missing" for an interrupted
// creation) does not say which, and when the newest snapshot does not
// load, scorch opens an older one without a word. With deep, it also
// reads every segment in full. It never writes: read-only scorch runs no
// persister or merger, and takes a shared lock.
func inspect(path string, o options, deep bool) (r Report, err error) {
	r.Path = path
	fi, err := os.Stat(path)
	if err != nil {
		return r, fmt.Errorf("no index at %s: %w", path, err)
	}
	if !fi.IsDir() {
		return r, notIndex(path, "not a directory")
	}
	store := filepath.Join(path, "store")
	meta, err := os.ReadFile(filepath.Join(path, "index_meta.json"))
	if errors.Is(err, fs.ErrNotExist) {
		if exists(store) {
			return r, halfCreated(path, "no index_meta.json")
		}
		if empty, _ := isEmptyDir(path); empty {
			return r, fmt.Errorf("no index at %s (an empty directory): %w", path, fs.ErrNotExist)
		}
		return r, notIndex(path, "no index_meta.json")
	}
	if err != nil {
		return r, fmt.Errorf("read index %s: %w", path, err)
	}
	var m struct {
		Storage   string `json:"storage"`
		IndexType string `json:"index_type"`
	}
	if err := json.Unmarshal(meta, &m); err != nil || m.Storage == "" {
		return r, halfCreated(path, "index_meta.json is incomplete")
	}
	if m.IndexType != scorch.Name {
		return r, notIndex(path, fmt.Sprintf("a %q index, not %q", m.IndexType, scorch.Name))
	}
	if fi, err := os.Stat(filepath.Join(store, "root.bolt")); err != nil || fi.Size() == 0 {
		return r, halfCreated(path, "no store/root.bolt")
	}

	defer func() {
		if rec := recover(); rec != nil {
			err = damaged(path, fmt.Sprintf("%v: panic: %v", ErrPanic, rec))
		}
	}()
	cfg := map[string]any{"path": store, "read_only": true}
	if o.lockTimeout > 0 {
		cfg["bolt_timeout"] = o.lockTimeout.String()
	}
	si, err := scorch.NewScorch(scorch.Name, cfg, nil)
	if err == nil {
		err = si.Open()
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		return r, fmt.Errorf("open index %s: waited %v: %w", path, o.lockTimeout, ErrLocked)
	}
	if err != nil {
		if zaps, _ := filepath.Glob(filepath.Join(store, "*.zap")); len(zaps) == 0 {
			return r, halfCreated(path, "store/root.bolt: "+err.Error())
		}
		return r, damaged(path, "store/root.bolt: "+err.Error())
	}
	defer si.Close()
	s := si.(*scorch.Scorch)
	epochs, err := s.RootBoltSnapshotEpochs()
	if err != nil {
		return r, damaged(path, "store/root.bolt: "+err.Error())
	}
	if len(epochs) == 0 {
		return r, halfCreated(path, "no snapshot saved")
	}
	if !deep && len(epochs) == 1 {
		// The one snapshot was loaded by Open above, or it failed and
		// left no mapping, so that opening fails and diagnose (deep)
		// says why: no need to load it twice.
		return r, nil
	}
	snap, err := s.LoadSnapshot(slices.Max(epochs))
	if err != nil {
		return r, damaged(path, "its newest snapshot cannot be read ("+err.Error()+")"+badSegments(store))
	}
	defer snap.DecRef()
	if r.Documents, err = snap.DocCount(); err != nil {
		return r, damaged(path, err.Error())
	}
	internal := snap.Internal()
	if mb := internal[string(util.MappingInternalKey)]; !json.Valid(mb) {
		if len(mb) == 0 && r.Documents == 0 {
			return r, halfCreated(path, "no mapping")
		}
		return r, damaged(path, "its mapping is not valid JSON")
	}
	r.MappingVersion = string(internal[string(mappingVersionKey)])
	if r.MappingVersion != mappingVersion {
		if r.MappingVersion == "" && r.Documents == 0 && isOurMapping(internal[string(util.MappingInternalKey)]) {
			return r, halfCreated(path, "no mapping version")
		}
		return r, fmt.Errorf("%s: made by another version of Byline (mapping %q, want %q): re-create it by removing the directory and ingesting again: %w", path, r.MappingVersion, mappingVersion, ErrMappingVersion)
	}
	for _, seg := range snap.Segments() {
		r.Segments++
		p, ok := seg.Segment().(interface{ Path() string })
		if !ok || !deep {
			continue
		}
		name := filepath.Join("store", filepath.Base(p.Path()))
		size, err := checkSegmentFile(p.Path())
		r.SegmentBytes += size
		if err != nil {
			return r, damaged(path, fmt.Sprintf("segment %s: %v", name, err))
		}
		it := seg.DocNumbersLive().Iterator()
		for it.HasNext() {
			n := it.Next()
			if err := seg.VisitDocument(uint64(n), func(string, byte, []byte, []uint64) bool { return true }); err != nil {
				return r, damaged(path, fmt.Sprintf("segment %s: document %d: %v", name, n, err))
			}
		}
	}
	return r, nil
}

// badSegments names the segment files in store that fail their checksum,
// as "; store/X.zap: why" for each.
func badSegments(store string) string {
	zaps, _ := filepath.Glob(filepath.Join(store, "*.zap"))
	var b strings.Builder
	for _, z := range zaps {
		if _, err := checkSegmentFile(z); err != nil {
			fmt.Fprintf(&b, "; segment store/%s: %v", filepath.Base(z), err)
		}
	}
	return b.String()
}

// checkSegmentFile checks a zap segment file against the CRC-32 in its
// last four bytes, which covers everything before them, and returns the
// file's size.
func checkSegmentFile(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	size := fi.Size()
	if size < 4 {
		return size, fmt.Errorf("truncated (%d bytes)", size)
	}
	h := crc32.NewIEEE()
	if _, err := io.CopyN(h, f, size-4); err != nil {
		return size, err
	}
	var want [4]byte
	if _, err := io.ReadFull(f, want[:]); err != nil {
		return size, err
	}
	if got := h.Sum32(); got != binary.BigEndian.Uint32(want[:]) {
		return size, fmt.Errorf("checksum mismatch (%08x, file says %08x)", got, binary.BigEndian.Uint32(want[:]))
	}
	return size, nil
}
