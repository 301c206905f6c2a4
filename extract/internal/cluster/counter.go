// Package cluster induces hierarchical word clusters from unlabelled text
// with Brown et al.'s (1992) class-based bigram model, in the windowed form
// of Liang (2005) that Ratinov and Roth (2009) used for named-entity
// recognition: words are added in order of frequency to a window of C
// clusters, and after each addition the two clusters whose merge loses the
// least average mutual information between adjacent classes are merged.
// When every word is placed, the C clusters are merged down to one, and
// each word's path from the root of that merge tree ("0" left, "1" right)
// is its bit string. Words sharing a prefix of a path are distributionally
// similar; features use prefixes of several lengths.
//
// Words are kept as written (case-sensitive), as in Liang's wcluster.
package cluster

import "slices"

// Counter collects the token stream that Brown clusters. It keeps one id
// per distinct word and the sentence boundaries, so that no bigram spans
// two sentences. A Counter is not safe for concurrent use.
type Counter struct {
	ids    map[string]int32
	words  []string
	counts []int64
	stream []int32 // word ids; -1 ends a sentence
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{ids: map[string]int32{}}
}

// Add appends one sentence of tokens.
func (c *Counter) Add(sentence []string) {
	if len(sentence) == 0 {
		return
	}
	if c.ids == nil {
		c.ids = map[string]int32{}
	}
	for _, w := range sentence {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
			c.counts = append(c.counts, 0)
		}
		c.counts[id]++
		c.stream = append(c.stream, id)
	}
	c.stream = append(c.stream, -1)
}

// Tokens returns the number of tokens added.
func (c *Counter) Tokens() int { return len(c.stream) - c.Sentences() }

// Sentences returns the number of sentences added.
func (c *Counter) Sentences() int {
	n := 0
	for _, id := range c.stream {
		if id < 0 {
			n++
		}
	}
	return n
}

// Types returns the number of distinct words added.
func (c *Counter) Types() int { return len(c.words) }

// Count returns how often w was added.
func (c *Counter) Count(w string) int64 {
	if id, ok := c.ids[w]; ok {
		return c.counts[id]
	}
	return 0
}

// vocab returns the ids of the words counted at least minCount times, most
// frequent first (ties in byte order of the word), at most maxVocab of them
// when maxVocab > 0.
func (c *Counter) vocab(minCount, maxVocab int) []int32 {
	var v []int32
	for id, n := range c.counts {
		if n >= int64(minCount) {
			v = append(v, int32(id))
		}
	}
	slices.SortFunc(v, func(a, b int32) int {
		if c.counts[a] != c.counts[b] {
			if c.counts[a] > c.counts[b] {
				return -1
			}
			return 1
		}
		if c.words[a] < c.words[b] {
			return -1
		}
		if c.words[a] > c.words[b] {
			return 1
		}
		return 0
	})
	if maxVocab > 0 && len(v) > maxVocab {
		v = v[:maxVocab]
	}
	return v
}
