package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/benchdata"
)

// benchArticles returns the articles the pipeline benchmarks ingest: the
// Wikinews dev set (or the sample corpus without it), replicated with
// distinct ids and content to BYLINE_BENCH_ARTICLES articles when that is
// set (make bench BENCH_ARTICLES=3000).
func benchArticles(b *testing.B) []benchdata.Article {
	b.Helper()
	base, _, err := benchdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	n := len(base)
	if s := os.Getenv("BYLINE_BENCH_ARTICLES"); s != "" {
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("BYLINE_BENCH_ARTICLES=%q: want a positive count", s)
		}
	}
	return benchdata.Replicate(base, n)
}

// jsonLines streams arts as JSON Lines articles with ids a0, a1, …
func jsonLines(arts []benchdata.Article) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 64<<10)
		enc := json.NewEncoder(bw)
		for i, a := range arts {
			if err := enc.Encode(JSONArticle{ID: "a" + strconv.Itoa(i), Title: a.Title(), Text: a.Body()}); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(bw.Flush())
	}()
	return pr
}

// BenchmarkIngest is the whole of `ingest add` but the command line: the
// articles are read as JSON Lines, cleaned, tagged by the real Tagger with
// GOMAXPROCS workers and written to a new on-disk index, which is closed.
// One iteration ingests every article once.
func BenchmarkIngest(b *testing.B) {
	arts := benchArticles(b)
	tg, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	runs := 0
	for b.Loop() {
		ix, err := index.Open(filepath.Join(dir, fmt.Sprintf("run%d.bleve", runs)))
		if err != nil {
			b.Fatal(err)
		}
		w := ix.NewWriter()
		stats := new(Stats)
		err = Ingest(b.Context(), []string{"-"}, tg, w, ix, Options{Stdin: jsonLines(arts), Stats: stats}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		if got := stats.Indexed.Load(); got != int64(len(arts)) {
			b.Fatalf("indexed %d articles, want %d (failed %d)", got, len(arts), stats.Failed.Load())
		}
		runs++
	}
	reportArticles(b, runs*len(arts))
}

// BenchmarkIndexWrite times the sink alone: converting tagged articles to
// index documents and writing them, in batches, to a new on-disk index,
// closed at the end. The articles are tagged once beforehand.
func BenchmarkIndexWrite(b *testing.B) {
	arts := benchArticles(b)
	tg, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	var items []*Item
	err = Extract(b.Context(), []string{"-"}, tg, Options{Stdin: jsonLines(arts)}, func(it *Item) error {
		if it.Err != nil {
			return it.Err
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	runs := 0
	for b.Loop() {
		ix, err := index.Open(filepath.Join(dir, fmt.Sprintf("run%d.bleve", runs)))
		if err != nil {
			b.Fatal(err)
		}
		w := ix.NewWriter()
		for _, it := range items {
			if _, err := w.Write(b.Context(), ToDoc(it)); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		runs++
	}
	reportArticles(b, runs*len(items))
}

// reportArticles reports throughput in articles/s and ms/article for n
// articles processed during the benchmark.
func reportArticles(b *testing.B, n int) {
	sec := b.Elapsed().Seconds()
	if n == 0 || sec == 0 {
		return
	}
	b.ReportMetric(float64(n)/sec, "articles/s")
	b.ReportMetric(sec*1000/float64(n), "ms/article")
}
