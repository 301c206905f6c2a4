package ner

import (
	"strings"

	"github.com/bylinehq/byline/extract/internal/lexicon"
)

// The lexicon features (package lexicon), as Ratinov and Roth (2009) use
// them: prefixes of 4, 6, 10 and 20 bits of the token's Brown-cluster path
// (as written, else lower-cased) and of its neighbours', and the token's
// gazetteer matches in BILOU form with their neighbours'.

// feature template ids of the lexicon features, apart from the others.
const (
	fLexCluster byte = 0xC0 + iota
	fLexClusterPrev
	fLexClusterNext
	fLexGaz
	fLexGazPrev
	fLexGazNext
)

var clusterPrefixes = [...]int{4, 6, 10, 20}

// clusterPrefixNames are clusterPrefixes as strings, for the features.
var clusterPrefixNames = [...]string{"4", "6", "10", "20"}

// addLexicon appends the lexicon features of sentence s to feats.
func addLexicon(s Sentence, feats [][]uint64) {
	toks := make([]string, len(s))
	paths := make([]string, len(s))
	for i, t := range s {
		toks[i] = t.Text
		p, ok := lexicon.ClusterPath(t.Text)
		if !ok {
			p, ok = lexicon.ClusterPath(strings.ToLower(t.Text))
		}
		if ok {
			paths[i] = p
		}
	}
	g := lexicon.Gazetteers()
	ms := g.Match(toks)
	gaz := make([]string, len(s))
	for i := range s {
		var b strings.Builder
		for k, m := range ms[i] {
			if k > 0 {
				b.WriteByte('|')
			}
			b.WriteString(m.String())
		}
		gaz[i] = b.String()
	}
	prefix := func(p string, n int) string { return p[:min(n, len(p))] }
	for i := range s {
		f := feats[i]
		for k, n := range clusterPrefixes {
			ns := clusterPrefixNames[k]
			if paths[i] != "" {
				f = append(f, feat(fLexCluster, ns, prefix(paths[i], n)))
			}
			if i > 0 && paths[i-1] != "" {
				f = append(f, feat(fLexClusterPrev, ns, prefix(paths[i-1], n)))
			}
			if i+1 < len(s) && paths[i+1] != "" {
				f = append(f, feat(fLexClusterNext, ns, prefix(paths[i+1], n)))
			}
		}
		for _, m := range ms[i] {
			f = append(f, feat(fLexGaz, m.String()))
		}
		if i > 0 && gaz[i-1] != "" {
			f = append(f, feat(fLexGazPrev, gaz[i-1]))
		}
		if i+1 < len(s) && gaz[i+1] != "" {
			f = append(f, feat(fLexGazNext, gaz[i+1]))
		}
		feats[i] = f
	}
}
