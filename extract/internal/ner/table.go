package ner

import "math/bits"

// table maps feature hashes to weight rows. It is an open-addressing hash
// table with linear probing over a power-of-two array: tagging looks up
// every feature of every token in it, and it does that about twice as
// fast as a Go map. The hashes are FNV-1a already; the multiplication only
// spreads their high bits over the slots. It is read-only once built.
type table struct {
	keys  []uint64
	rows  []int32 // -1: empty slot
	shift uint
	n     int
}

func newTable(n int) *table {
	size := 1 << max(4, bits.Len(uint(n*2))) // at most half full
	t := &table{keys: make([]uint64, size), rows: make([]int32, size), shift: uint(64 - bits.Len(uint(size-1)))}
	for i := range t.rows {
		t.rows[i] = -1
	}
	return t
}

const fibonacci = 0x9E3779B97F4A7C15

func (t *table) slot(k uint64) int { return int((k * fibonacci) >> t.shift) }

// put sets k's row; k must not be in t yet, and t must have room.
func (t *table) put(k uint64, row int32) {
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.rows[i] < 0 {
			t.keys[i], t.rows[i] = k, row
			t.n++
			return
		}
	}
}

// get returns k's row, or -1.
func (t *table) get(k uint64) int32 {
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		r := t.rows[i]
		if r < 0 || t.keys[i] == k {
			return r
		}
	}
}

// len returns the number of keys.
func (t *table) len() int { return t.n }

// each calls f for every key and its row, in slot order.
func (t *table) each(f func(k uint64, row int32)) {
	for i, r := range t.rows {
		if r >= 0 {
			f(t.keys[i], r)
		}
	}
}
