// Package lexicon holds the entity model's word resources, embedded: Brown
// word clusters induced from unlabelled news, and gazetteers of places,
// people's names and organisations built from permissively licensed lists
// and hand-written ones (data/README.md says where each comes from and how
// to rebuild it). Both are what Ratinov and Roth (2009) found to matter
// most for named-entity recognition beyond local features.
//
// Everything is decoded on first use, once per process, and is read-only
// after that: all functions and methods are safe for concurrent use.
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed data/clusters.txt.gz
var clustersGz []byte

// clusterTable maps each clustered word, as written, to its path.
var clusterTable = sync.OnceValue(func() map[string]string {
	m, err := parseClusters(bytes.NewReader(clustersGz))
	if err != nil {
		// The file is embedded and checked by the tests; a bad one is a
		// build error, not a run-time condition.
		panic(fmt.Sprintf("lexicon: embedded clusters: %v", err))
	}
	return m
})

// parseClusters reads a gzipped "path\tword" table. Words of one cluster
// share one path string.
func parseClusters(r io.Reader) (map[string]string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, 1<<16)
	sc := bufio.NewScanner(zr)
	path := ""
	for sc.Scan() {
		p, w, ok := strings.Cut(sc.Text(), "\t")
		if !ok || p == "" || w == "" {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		if p != path {
			path = strings.Clone(p)
		}
		m[strings.Clone(w)] = path
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, zr.Close()
}

// ClusterPath returns the Brown-cluster path of word as written, a string
// of '0' and '1' from the root of the cluster tree; words with a long
// common prefix are used alike. Case matters ("Bush" and "bush" have their
// own paths): callers that also want the lower-cased word look it up too.
// It reports false for a word seen too rarely to be clustered. The first
// call decodes the table (about 60,000 words).
func ClusterPath(word string) (string, bool) {
	p, ok := clusterTable()[word]
	return p, ok
}

// ClusterWords returns the number of clustered words.
func ClusterWords() int { return len(clusterTable()) }
