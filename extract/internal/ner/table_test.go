package ner

import (
	"math/rand/v2"
	"testing"
)

func TestTable(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[uint64]int32{0: 7} // key 0 is an ordinary key
	for len(want) < 5000 {
		want[rng.Uint64()&0xffff_ffff] = int32(len(want))
	}
	tb := newTable(len(want))
	for k, r := range want {
		tb.put(k, r)
	}
	if tb.len() != len(want) {
		t.Fatalf("len = %d, want %d", tb.len(), len(want))
	}
	for k, r := range want {
		if got := tb.get(k); got != r {
			t.Fatalf("get(%#x) = %d, want %d", k, got, r)
		}
	}
	for range 5000 {
		k := rng.Uint64() | 1<<40 // never put
		if got := tb.get(k); got != -1 {
			t.Fatalf("get(%#x) = %d for a key never put", k, got)
		}
	}
	n := 0
	tb.each(func(k uint64, r int32) {
		if want[k] != r {
			t.Errorf("each: %#x -> %d, want %d", k, r, want[k])
		}
		n++
	})
	if n != len(want) {
		t.Errorf("each visited %d keys, want %d", n, len(want))
	}
}
