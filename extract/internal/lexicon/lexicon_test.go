package lexicon

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/bylinehq/byline/extract/internal/testnews"
)

func gz(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestClusterPath(t *testing.T) {
	t.Parallel()
	if n := ClusterWords(); n < 1000 {
		t.Fatalf("ClusterWords() = %d, want a real table", n)
	}
	// Frequent words of news are clustered; case matters.
	for _, w := range []string{"the", "said", "Monday", "government"} {
		p, ok := ClusterPath(w)
		if !ok || p == "" || strings.Trim(p, "01") != "" {
			t.Errorf("ClusterPath(%q) = %q, %v; want a bit string", w, p, ok)
		}
	}
	if p, ok := ClusterPath("qwzxv-not-a-word"); ok {
		t.Errorf("ClusterPath of a non-word = %q, true", p)
	}
	// Words used alike share a long prefix; unlike ones do not.
	prefix := func(a, b string) int {
		pa, _ := ClusterPath(a)
		pb, _ := ClusterPath(b)
		n := 0
		for n < len(pa) && n < len(pb) && pa[n] == pb[n] {
			n++
		}
		return n
	}
	if a, b := prefix("Monday", "Tuesday"), prefix("Monday", "the"); a <= b {
		t.Errorf("Monday/Tuesday share %d bits, Monday/the %d; want more for the weekdays", a, b)
	}
}

func TestParseClusters(t *testing.T) {
	t.Parallel()
	m, err := parseClusters(bytes.NewReader(gz(t, "00\tthe\n00\ta\n01\tParis\n")))
	if err != nil || len(m) != 3 || m["Paris"] != "01" || m["a"] != "00" {
		t.Fatalf("parseClusters = %v, %v", m, err)
	}
	for _, bad := range []string{"00 the\n", "\tthe\n", "00\t\n"} {
		if _, err := parseClusters(bytes.NewReader(gz(t, bad))); err == nil {
			t.Errorf("parseClusters(%q): no error", bad)
		}
	}
	if _, err := parseClusters(strings.NewReader("not gzip")); err == nil {
		t.Error("parseClusters of plain text: no error")
	}
}

func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load(fstest.MapFS{
		"loc.city.txt.gz": {Data: gz(t, "New York\nNew York City\nYork\nBarcelona\nSt. Louis\n")},
		"org.sport.txt":   {Data: []byte("# clubs\nBarcelona\nNew York Yankees\nYankees\n\n")},
		"per.last.txt":    {Data: []byte("York\nSmith\n")},
		"README.md":       {Data: []byte("not a list")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// render shows the matches at each token as "tok[U-list ...]".
func render(g *Gazetteer, toks []string, ms [][]Match) string {
	var parts []string
	for i, t := range toks {
		var tags []string
		for _, m := range ms[i] {
			tags = append(tags, g.Name(m))
		}
		slices.Sort(tags)
		parts = append(parts, t+"["+strings.Join(tags, " ")+"]")
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	t.Parallel()
	g := testGazetteer(t)
	if got, want := g.Lists(), []string{"loc.city", "org.sport", "per.last"}; !slices.Equal(got, want) {
		t.Fatalf("Lists() = %v, want %v", got, want)
	}
	tests := []struct{ name, in, want string }{
		{"longest wins", "in New York City today",
			"in[] New[B-loc.city] York[I-loc.city U-per.last] City[L-loc.city] today[]"},
		{"lists overlap", "Barcelona beat the New York Yankees",
			"Barcelona[U-loc.city U-org.sport] beat[] the[] New[B-loc.city B-org.sport] York[I-org.sport L-loc.city U-per.last] Yankees[L-org.sport]"},
		{"folded", "NEW YORK and st. louis",
			"NEW[B-loc.city/i] YORK[L-loc.city/i U-per.last/i] and[] st.[B-loc.city/i] louis[L-loc.city/i]"},
		{"exact blocks folded in its list", "Smith smith",
			"Smith[U-per.last] smith[U-per.last/i]"},
		{"entry past the end", "New", "New[]"},
		{"adjacent entries", "York York",
			"York[U-loc.city U-per.last] York[U-loc.city U-per.last]"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			toks := strings.Fields(tt.in)
			ms := g.Match(toks)
			if len(ms) != len(toks) {
				t.Fatalf("%d results for %d tokens", len(ms), len(toks))
			}
			if got := render(g, toks, ms); got != tt.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
	if got := g.Contains("New", "York"); got != 1 {
		t.Errorf("Contains(New York) = %b, want loc.city only", got)
	}
	if got := g.Contains("new", "york"); got != 0 {
		t.Errorf("Contains is case-sensitive; got %b", got)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	if _, err := Load(fstest.MapFS{"a.txt.gz": {Data: []byte("not gzip")}}); err == nil {
		t.Error("Load of a bad gzip file: no error")
	}
	fs := fstest.MapFS{}
	for i := range MaxLists + 1 {
		fs[string(rune('a'+i/26))+string(rune('a'+i%26))+".txt"] = &fstest.MapFile{Data: []byte("x\n")}
	}
	if _, err := Load(fs); err == nil {
		t.Errorf("Load of %d lists: no error", MaxLists+1)
	}
}

// TestEmbeddedGazetteers checks the shipped lists: every list is there and
// the names the issue names are in the right ones.
func TestEmbeddedGazetteers(t *testing.T) {
	t.Parallel()
	g := Gazetteers()
	lists := g.Lists()
	index := map[string]int{}
	for i, l := range lists {
		index[l] = i
	}
	for _, want := range []string{"loc.city", "loc.country", "loc.region", "misc.nationality", "org.company",
		"org.government", "org.international", "org.news", "org.party", "org.platform", "org.sport",
		"per.first", "per.last"} {
		if _, ok := index[want]; !ok {
			t.Errorf("list %s missing; have %v", want, lists)
		}
	}
	in := func(list string, toks ...string) bool { return g.Contains(toks...)&(1<<index[list]) != 0 }
	for _, c := range []struct {
		list string
		name string
	}{
		{"loc.city", "New York City"}, {"loc.city", "Zürich"}, {"loc.city", "Zurich"}, {"loc.country", "Germany"},
		{"loc.country", "U.S."}, {"loc.region", "California"}, {"per.first", "Emma"}, {"per.last", "Smith"},
		{"org.company", "Apple"}, {"org.company", "Apple Inc."}, {"org.company", "Microsoft"},
		{"org.sport", "Barcelona"}, {"org.sport", "Celtic"}, {"org.sport", "Hearts"}, {"org.sport", "Ajax"},
		{"org.platform", "Twitter"}, {"org.platform", "Wikinews"}, {"org.platform", "YouTube"},
		{"org.news", "Reuters"}, {"org.party", "Conservative Party"}, {"org.government", "Scotland Yard"},
		{"org.international", "NATO"}, {"misc.nationality", "British"},
	} {
		if !in(c.list, strings.Fields(c.name)...) {
			t.Errorf("%q not in %s", c.name, c.list)
		}
	}
	// Platforms are never people or places.
	for _, p := range []string{"Twitter", "Facebook", "YouTube", "Wikinews"} {
		for _, l := range []string{"per.first", "per.last", "loc.city", "loc.region", "loc.country"} {
			if in(l, p) {
				t.Errorf("%s is in %s", p, l)
			}
		}
	}
	// Function words are in no list.
	for _, w := range []string{"The", "Of", "And", "Will", "the", "of"} {
		if got := g.Contains(w); got != 0 {
			t.Errorf("%q is in lists %b", w, got)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			Gazetteers().Match(strings.Fields("Police in New York said Barcelona fans ..."))
			ClusterPath("Barcelona")
		})
	}
	wg.Wait()
}

// BenchmarkMatch reports the cost of the gazetteer lookups per article on
// the tagger's test articles (split at white space), and the one-time load.
func BenchmarkMatch(b *testing.B) {
	var sents [][]string
	tokens := 0
	for _, text := range testnews.Texts(b, "../../testdata/tagger") {
		for line := range strings.Lines(text) {
			if f := strings.Fields(line); len(f) > 0 {
				sents = append(sents, f)
				tokens += len(f)
			}
		}
	}
	articles := len(testnews.Texts(b, "../../testdata/tagger"))
	g := Gazetteers()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			g.Match(s)
		}
	}
	perRun := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(perRun*1e9/float64(tokens), "ns/token")
	b.ReportMetric(perRun*1e3/float64(articles), "ms/article")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		parseClusters(bytes.NewReader(clustersGz))
		sub, _ := fsSub()
		Load(sub)
	}
}
