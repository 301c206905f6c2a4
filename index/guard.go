package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// ErrPanic is wrapped by the error an Index method returns when Bleve
// panicked under it: the index is probably damaged (a full disk left
// scorch with a segment it had already closed, and zapx panicked with
// "assignment to entry in nil map" under Count). Check says more.
var ErrPanic = errors.New("the index library failed")

// ErrDiskFull is wrapped by the errors of writes that failed because the
// disk (or the user's quota) is full.
var ErrDiskFull = errors.New("the disk is full")

// guarded is the one door from this package into Bleve: every call that
// reaches Bleve's code goes through it, and a panic there comes out as an
// error wrapping ErrPanic, with its stack logged at debug level. It embeds
// bleve.Index, so that it is one; the methods this package calls are
// overridden.
type guarded struct {
	bleveIndex
	logger *slog.Logger
}

// bleveIndex names the embedded field of guarded: bleve.Index has a
// method called Index.
type bleveIndex = bleve.Index

// recovered turns a panic into *err. Use as defer g.recovered(&err, op).
func (g guarded) recovered(err *error, op string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: panic: %v", op, ErrPanic, r)
		g.logger.Debug("recovered panic in bleve", "err", *err, "stack", string(debug.Stack()))
	}
}

func (g guarded) Batch(b *bleve.Batch) (err error) {
	defer g.recovered(&err, "write batch")
	return g.bleveIndex.Batch(b)
}

func (g guarded) Search(req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer g.recovered(&err, "search")
	return g.bleveIndex.Search(req)
}

func (g guarded) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer g.recovered(&err, "search")
	return g.bleveIndex.SearchInContext(ctx, req)
}

func (g guarded) Document(id string) (d bindex.Document, err error) {
	defer g.recovered(&err, "load document "+id)
	return g.bleveIndex.Document(id)
}

func (g guarded) DocCount() (n uint64, err error) {
	defer g.recovered(&err, "count documents")
	return g.bleveIndex.DocCount()
}

func (g guarded) SetInternal(key, val []byte) (err error) {
	defer g.recovered(&err, "set internal value")
	return g.bleveIndex.SetInternal(key, val)
}

func (g guarded) GetInternal(key []byte) (val []byte, err error) {
	defer g.recovered(&err, "get internal value")
	return g.bleveIndex.GetInternal(key)
}

func (g guarded) Close() (err error) {
	defer g.recovered(&err, "close")
	return g.bleveIndex.Close()
}

// diskFull wraps err with ErrDiskFull when it says the disk or the quota
// is full. Scorch formats the errors of its writes with %v, so the
// syscall error is matched by its text too.
func diskFull(err error) error {
	if err == nil || errors.Is(err, ErrDiskFull) {
		return err
	}
	msg := err.Error()
	if errors.Is(err, syscall.ENOSPC) || strings.Contains(msg, "no space left on device") ||
		strings.Contains(msg, "disk quota exceeded") {
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}
