package dates

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

// TestFindContextStops checks that FindContext looks at its context
// between its passes and stops at any of those checks with its error.
func TestFindContextStops(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("The board met on Monday and will meet again next week. ", 50)
	all := &countingCtx{Context: t.Context(), left: 1 << 30}
	got, err := FindContext(all, text, friday)
	if err != nil || !reflect.DeepEqual(got, Find(text, friday)) {
		t.Fatalf("FindContext differs from Find (err %v)", err)
	}
	if all.calls < 20 {
		t.Fatalf("%d looks at the context, want one between every two passes", all.calls)
	}
	for _, k := range []int{0, 1, all.calls / 2, all.calls - 1} {
		ctx := &countingCtx{Context: t.Context(), left: k}
		if got, err := FindContext(ctx, text, friday); !errors.Is(err, context.Canceled) || got != nil {
			t.Errorf("cancelled at check %d of %d: %d dates, err %v", k+1, all.calls, len(got), err)
		}
	}
}
