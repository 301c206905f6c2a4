package quotes

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// countingCtx is a context whose Err is nil for its first left calls and
// context.Canceled after: cancellation at a chosen check, without timing.
type countingCtx struct {
	context.Context
	left, calls int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

// TestFindContextStops checks that FindContext looks at its context while
// it works, on quotations and on reported speech, and stops at any of
// those checks with the context's error.
func TestFindContextStops(t *testing.T) {
	t.Parallel()
	text := strings.Repeat(`Ana Ruiz said "we won". `, 500) + strings.Repeat("Ana Ruiz said that it was fine. ", 500)
	ents := pathologicalEntities(text)
	all := &countingCtx{Context: t.Context(), left: 1 << 30}
	got, err := FindContext(all, text, ents, Options{Indirect: true})
	if err != nil || !reflect.DeepEqual(got, Find(text, ents)) {
		t.Fatalf("FindContext differs from Find (err %v)", err)
	}
	if want := 1000 / checkEvery; all.calls < want {
		t.Fatalf("%d looks at the context over 1,000 quotations, want at least %d", all.calls, want)
	}
	for _, k := range []int{0, 1, all.calls / 2, all.calls - 1} {
		ctx := &countingCtx{Context: t.Context(), left: k}
		if got, err := FindContext(ctx, text, ents, Options{Indirect: true}); !errors.Is(err, context.Canceled) || got != nil {
			t.Errorf("cancelled at check %d of %d: %d quotes, err %v", k+1, all.calls, len(got), err)
		}
	}
}
