package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCleanHTML cleans each golden HTML page in turn and reports
// ms/page.
func BenchmarkCleanHTML(b *testing.B) {
	pages := benchInputs(b, ".html")
	n := 0
	for b.Loop() {
		p := pages[n%len(pages)]
		if _, err := HTML(bytes.NewReader(p), "", ""); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(n), "ms/page")
}

// BenchmarkCleanText cleans each golden text input in turn and reports
// ms/article.
func BenchmarkCleanText(b *testing.B) {
	texts := benchInputs(b, ".txt")
	n := 0
	for b.Loop() {
		if _, err := Text(texts[n%len(texts)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/article")
}

func benchInputs(b *testing.B, ext string) [][]byte {
	b.Helper()
	m, err := filepath.Glob(filepath.Join("testdata", "clean", "*"+ext))
	if err != nil || len(m) == 0 {
		b.Fatalf("no inputs: %v", err)
	}
	var out [][]byte
	for _, p := range m {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}
