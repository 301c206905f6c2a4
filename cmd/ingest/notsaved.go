package main

import (
	"errors"
	"fmt"

	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/pipeline"
)

// reopenCount closes ix, whose writes failed, and opens dir again to count
// the articles saved: after a failed flush Bleve's in-memory state may
// hold what the disk does not, or be broken. It returns the reopened
// index (nil if it could not be opened) and the count (0 then).
func reopenCount(ix *index.Index, dir string, env *Env) (*index.Index, uint64) {
	if err := ix.Close(); err != nil {
		env.Log.Debug("close index after a failed write", "err", err)
	}
	ix, err := index.Open(dir, index.WithLogger(env.Log))
	if err != nil {
		env.Log.Warn("cannot reopen the index to count what was saved", "err", err)
		return nil, 0
	}
	n, err := ix.Count()
	if err != nil {
		env.Log.Warn("cannot count the articles saved", "err", err)
	}
	return ix, n
}

// notSaved is the error of a run that could not write to the index: what
// happened, what was saved and what to do, wrapping err.
func notSaved(err error, dir string, saved int64, total uint64, failures []*pipeline.ItemError) error {
	n := 0
	for _, f := range failures {
		if f.Stage == pipeline.StageIndex {
			n++
		}
	}
	what, todo := "writing to "+dir+" failed", "Run"
	if errors.Is(err, index.ErrDiskFull) {
		what, todo = "the disk holding "+dir+" is full", "Free some space and run"
	}
	return fmt.Errorf("%s: %d articles not saved (listed above as failed), %d saved; %s holds %d articles. %s the same command again: the articles already saved are skipped\ncause: %w",
		what, n, saved, dir, total, todo, err)
}
