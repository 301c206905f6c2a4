// Command loadtest measures Byline's ingest pipeline at scale: it streams N
// articles (Wikinews from shared/data/wikinews, replicated with distinct
// ids and a one-sentence change so ids and content hashes differ) through
// the real pipeline (pipeline.Ingest: clean, tag, index) into a new on-disk
// index, then times searches on it. It reports articles/s, words/s, peak
// RSS as the OS counts it (VmHWM) and the peaks of its anonymous and
// file-backed parts and of the Go heap, RSS along the run, index size on
// disk, time per stage and search latency (p50/p99 wall clock, p50 CPU)
// for term, phrase, entity and date-range queries.
//
//	GOMEMLIMIT=320MiB go run ./pipeline/internal/loadtest -n 1000,10000
//
// Each size runs in a child process of its own, so peak RSS is per size.
// -cpuprofile and -memprofile write pprof profiles (one size only); -keep
// keeps the index, and -search DIR times (and with -cpuprofile profiles)
// the searches alone on a kept index.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/index"
	"github.com/bylinehq/byline/internal/benchdata"
	"github.com/bylinehq/byline/pipeline"
)

func main() {
	var (
		sizes      = flag.String("n", "1000", "comma-separated article counts; each runs in its own process")
		dir        = flag.String("dir", "", "directory for the indexes (default: a new temporary directory, removed after)")
		workers    = flag.Int("workers", 0, "clean and tag workers (0: GOMAXPROCS)")
		queries    = flag.Int("queries", 200, "timed searches per query kind")
		cpuprofile = flag.String("cpuprofile", "", "write a CPU profile of the ingest to `file`")
		memprofile = flag.String("memprofile", "", "write a heap profile to `file`, taken when the live heap was largest during the ingest")
		jsonOut    = flag.Bool("json", false, "print one JSON result a line instead of tables")
		keep       = flag.Bool("keep", false, "keep the indexes (in -dir) after the run")
		searchOnly = flag.String("search", "", "only time searches on the existing index `dir` (-cpuprofile then profiles them)")
	)
	flag.Parse()
	if *searchOnly != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := searchIndex(ctx, os.Stdout, *searchOnly, *queries, *cpuprofile); err != nil {
			fatal(err)
		}
		return
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	root := *dir
	if root == "" {
		if root, err = os.MkdirTemp("", "byline-loadtest-"); err != nil {
			fatal(err)
		}
		defer os.RemoveAll(root)
	}
	cfg := config{dir: root, workers: *workers, queries: *queries, cpuprofile: *cpuprofile, memprofile: *memprofile, keep: *keep}

	var results []result
	if len(ns) == 1 {
		r, err := runOne(ctx, ns[0], cfg)
		if err != nil {
			fatal(err)
		}
		results = append(results, r)
	} else {
		if cfg.cpuprofile != "" || cfg.memprofile != "" {
			fatal(errors.New("-cpuprofile and -memprofile take one size"))
		}
		for _, n := range ns {
			r, err := runChild(ctx, n, cfg)
			if err != nil {
				fatal(err)
			}
			results = append(results, r)
			// Each size as it finishes, so a long run's early sizes survive
			// an interruption.
			printTables(os.Stderr, []result{r})
		}
	}
	if *jsonOut {
		enc := json.NewEncoder(os.Stdout)
		for _, r := range results {
			if err := enc.Encode(r); err != nil {
				fatal(err)
			}
		}
		return
	}
	printTables(os.Stdout, results)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "loadtest:", err)
	os.Exit(1)
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad size %q: want a positive count", f)
		}
		out = append(out, n)
	}
	return out, nil
}

type config struct {
	dir                    string
	workers, queries       int
	cpuprofile, memprofile string
	keep                   bool
}

// result is what one size measured. Times are in milliseconds unless the
// name says otherwise.
type result struct {
	Articles      int                `json:"articles"`
	Source        string             `json:"source"`
	Workers       int                `json:"workers"`
	Seconds       float64            `json:"seconds"`
	ArticlesPerS  float64            `json:"articles_per_s"`
	WordsPerS     float64            `json:"words_per_s"`
	Failed        int64              `json:"failed"`
	PeakRSSMB     float64            `json:"peak_rss_mb"`        // VmHWM, whole run, searches included
	IngestRSSMB   float64            `json:"ingest_peak_rss_mb"` // VmHWM up to the end of the ingest
	Peak          memPeaks           `json:"ingest_peak"`        // largest values sampled (4/s) during the ingest
	MemLimitMB    float64            `json:"go_memory_limit_mb"` // debug.SetMemoryLimit; 0: none
	GOGC          string             `json:"gogc"`
	RSSAlongMB    []float64          `json:"rss_along_mb"` // RSS at 25, 50, 75 and 100% of the articles
	IndexMB       float64            `json:"index_mb"`
	IndexKBPerDoc float64            `json:"index_kb_per_article"`
	StageMS       map[string]float64 `json:"stage_ms_per_article"` // summed over workers
	NumGC         uint32             `json:"num_gc"`
	Search        map[string]latency `json:"search"`
}

// latency is wall-clock time per search and the process's CPU time
// (user + system, getrusage) per search, which the other load on a shared
// machine does not inflate as much.
type latency struct {
	P50MS    float64 `json:"p50_ms"`
	P99MS    float64 `json:"p99_ms"`
	CPUP50MS float64 `json:"cpu_p50_ms"`
	MeanHit  float64 `json:"mean_total_hits"`
}

// runChild runs one size in a new process of this program and reads its
// JSON result.
func runChild(ctx context.Context, n int, cfg config) (result, error) {
	exe, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	args := []string{"-n", strconv.Itoa(n), "-dir", cfg.dir, "-workers", strconv.Itoa(cfg.workers),
		"-queries", strconv.Itoa(cfg.queries), "-json"}
	if cfg.keep {
		args = append(args, "-keep")
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("run %d articles: %w", n, err)
	}
	var r result
	if err := json.Unmarshal(out, &r); err != nil {
		return result{}, fmt.Errorf("run %d articles: read result: %w", n, err)
	}
	return r, nil
}

// runOne ingests n articles into a new index under cfg.dir, searches it
// and removes it.
func runOne(ctx context.Context, n int, cfg config) (result, error) {
	base, source, err := benchdata.Load()
	if err != nil {
		return result{}, err
	}
	tagger, err := extract.New()
	if err != nil {
		return result{}, err
	}
	dir := filepath.Join(cfg.dir, fmt.Sprintf("n%d.bleve", n))
	if err := os.RemoveAll(dir); err != nil {
		return result{}, err
	}
	if !cfg.keep {
		defer os.RemoveAll(dir)
	}
	ix, err := index.Open(dir)
	if err != nil {
		return result{}, err
	}
	res := result{Articles: n, Source: source, Workers: cfg.workers, StageMS: map[string]float64{}}
	if res.Workers <= 0 {
		res.Workers = runtime.GOMAXPROCS(0)
	}

	// Articles are generated as JSON Lines on the pipeline's standard
	// input while it runs, so nothing but the pipeline holds them.
	pr, pw := io.Pipe()
	var words atomic.Int64
	go func() {
		pw.CloseWithError(generate(pw, base, n, &words))
	}()

	stats := new(pipeline.Stats)
	mem := newMemWatch(stats, n, cfg.memprofile != "")
	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return result{}, err
		}
	}
	start := time.Now()
	stopProgress := progress(stats, n, start)
	w := ix.NewWriter()
	opt := pipeline.Options{Workers: cfg.workers, Stdin: pr, Stats: stats, Logger: slog.New(slog.DiscardHandler)}
	runErr := pipeline.Ingest(ctx, []string{"-"}, tagger, w, ix, opt, func(e *pipeline.ItemError) {
		fmt.Fprintln(os.Stderr, "failed:", e)
	})
	closeStart := time.Now()
	closeErr := w.Close()
	stats.WriteNanos.Add(int64(time.Since(closeStart)))
	elapsed := time.Since(start)
	stopProgress()
	if cfg.cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	res.RSSAlongMB, res.Peak = mem.stop()
	res.IngestRSSMB = peakRSSMB()
	if l := debug.SetMemoryLimit(-1); l < math.MaxInt64 {
		res.MemLimitMB = float64(l) / (1 << 20)
	}
	res.GOGC = cmp.Or(os.Getenv("GOGC"), "100")
	if runErr != nil {
		return result{}, runErr
	}
	if closeErr != nil {
		return result{}, closeErr
	}
	if cfg.memprofile != "" {
		if err := os.WriteFile(cfg.memprofile, mem.profile, 0o644); err != nil {
			return result{}, err
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.NumGC = ms.NumGC
	res.Seconds = elapsed.Seconds()
	res.ArticlesPerS = float64(n) / res.Seconds
	res.WordsPerS = float64(words.Load()) / res.Seconds
	res.Failed = stats.Failed.Load()
	per := func(ns int64) float64 { return float64(ns) / 1e6 / float64(n) }
	res.StageMS["clean"] = per(stats.CleanNanos.Load())
	res.StageMS["tag"] = per(stats.TagNanos.Load())
	res.StageMS["write"] = per(stats.WriteNanos.Load()) // with the final flush

	if err := ix.Close(); err != nil {
		return result{}, err
	}
	size, err := dirSize(dir)
	if err != nil {
		return result{}, err
	}
	res.IndexMB = float64(size) / (1 << 20)
	res.IndexKBPerDoc = float64(size) / 1024 / float64(n)

	if ix, err = index.Open(dir); err != nil {
		return result{}, err
	}
	defer ix.Close()
	qs, err := querySet(ctx, base, tagger)
	if err != nil {
		return result{}, err
	}
	if res.Search, err = timeSearches(ctx, ix, qs, cfg.queries); err != nil {
		return result{}, err
	}
	res.PeakRSSMB = peakRSSMB()
	return res, nil
}

// generate writes n articles as JSON Lines: replicas of base with ids
// wn0000000, wn0000001, … The title and body are those of the file, so the
// cleaner sees the same text as for the file itself. It adds the number of
// words written to *words.
func generate(w io.Writer, base []benchdata.Article, n int, words *atomic.Int64) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	for i := range n {
		a := benchdata.Replica(base, i)
		ja := pipeline.JSONArticle{ID: fmt.Sprintf("wn%07d", i), Title: a.Title(), Text: a.Body()}
		words.Add(int64(len(strings.Fields(ja.Title)) + len(strings.Fields(ja.Text))))
		if err := enc.Encode(ja); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// progress prints the counters on stderr every 10 seconds.
func progress(s *pipeline.Stats, n int, start time.Time) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				k := s.Indexed.Load() + s.Failed.Load()
				sec := time.Since(start).Seconds()
				st := readStatus()
				fmt.Fprintf(os.Stderr, "loadtest: %d/%d articles in %.0fs (%.1f/s), RSS %.0f MiB (anon %.0f, file %.0f)\n",
					k, n, sec, float64(k)/sec, st["VmRSS"], st["RssAnon"], st["RssFile"])
			case <-done:
				return
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// memWatch samples memory four times a second while the ingest runs:
// the kernel's view from /proc/self/status (VmRSS, its anonymous and
// file-backed parts RssAnon and RssFile, and the high-water mark VmHWM)
// and the Go runtime's (live heap after the last GC, everything the
// runtime has mapped). File-backed pages are mostly the index segments
// scorch maps: the kernel can drop them under pressure, but VmHWM counts
// them. It also records VmRSS when the run passes 25, 50, 75 and 100% of
// its articles and, if heapProfile is set, keeps a heap profile taken
// whenever the live heap reached a new high (10% above the last one).
type memWatch struct {
	done        chan struct{}
	wg          sync.WaitGroup
	heapProfile bool

	mu      sync.Mutex
	at      []float64
	peak    memPeaks
	profile []byte // heap profile at the largest live heap seen
	profAt  float64
}

// memPeaks are the largest values sampled, in MiB.
type memPeaks struct {
	RSS        float64 `json:"rss_mb"`
	Anon       float64 `json:"rss_anon_mb"`
	File       float64 `json:"rss_file_mb"`
	HeapLive   float64 `json:"go_heap_live_mb"` // runtime/metrics /gc/heap/live:bytes
	GoMapped   float64 `json:"go_mapped_mb"`    // /memory/classes/total:bytes
	GoReleased float64 `json:"go_released_mb"`  // /memory/classes/heap/released:bytes at the mapped peak
	HeapGoal   float64 `json:"go_heap_goal_mb"` // /gc/heap/goal:bytes
}

var memMetrics = []string{
	"/gc/heap/live:bytes",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/released:bytes",
	"/gc/heap/goal:bytes",
}

func newMemWatch(s *pipeline.Stats, n int, heapProfile bool) *memWatch {
	w := &memWatch{done: make(chan struct{}), heapProfile: heapProfile}
	samples := make([]metrics.Sample, len(memMetrics))
	for i, name := range memMetrics {
		samples[i].Name = name
	}
	w.wg.Go(func() {
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-w.done:
				return
			}
			k := s.Indexed.Load() + s.Failed.Load()
			st := readStatus()
			metrics.Read(samples)
			mb := func(i int) float64 { return float64(samples[i].Value.Uint64()) / (1 << 20) }
			live, mapped := mb(0), mb(1)
			w.mu.Lock()
			p := &w.peak
			p.RSS = max(p.RSS, st["VmRSS"])
			p.Anon = max(p.Anon, st["RssAnon"])
			p.File = max(p.File, st["RssFile"])
			p.HeapLive = max(p.HeapLive, live)
			if mapped > p.GoMapped {
				p.GoMapped, p.GoReleased = mapped, mb(2)
			}
			p.HeapGoal = max(p.HeapGoal, mb(3))
			for len(w.at) < 3 && k*4 >= int64(n*(len(w.at)+1)) {
				w.at = append(w.at, st["VmRSS"])
			}
			takeProfile := w.heapProfile && live > w.profAt*1.1
			w.mu.Unlock()
			if takeProfile {
				var buf bytes.Buffer
				if err := pprof.Lookup("heap").WriteTo(&buf, 0); err == nil {
					w.mu.Lock()
					w.profile, w.profAt = buf.Bytes(), live
					w.mu.Unlock()
				}
			}
		}
	})
	return w
}

// stop ends the sampling and returns VmRSS along the run (the last value
// now) and the peaks.
func (w *memWatch) stop() ([]float64, memPeaks) {
	close(w.done)
	w.wg.Wait()
	return append(w.at, rssMB("VmRSS")), w.peak
}

// readStatus returns the memory fields of /proc/self/status (VmRSS,
// VmHWM, RssAnon, RssFile, …) in MiB; empty where there is no /proc.
func readStatus() map[string]float64 {
	out := map[string]float64{}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for line := range strings.Lines(string(data)) {
		k, v, ok := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		if !ok || !strings.HasSuffix(v, " kB") {
			continue
		}
		kb, err := strconv.ParseFloat(strings.TrimSuffix(v, " kB"), 64)
		if err == nil {
			out[k] = kb / 1024
		}
	}
	return out
}

// rssMB reads one field of /proc/self/status (VmRSS, VmHWM) in MiB; 0
// where there is no /proc.
func rssMB(field string) float64 { return readStatus()[field] }

// peakRSSMB is the process's peak resident set size in MiB: VmHWM, or
// getrusage's maxrss (KiB on Linux) without /proc.
func peakRSSMB() float64 {
	if v := rssMB("VmHWM"); v > 0 {
		return v
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

func dirSize(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		return nil
	})
	return total, err
}

// querySet builds the queries to time from the base articles: words and
// adjacent word pairs of their titles, the people the tagger finds in
// them, and the calendar months they were published in.
func querySet(ctx context.Context, base []benchdata.Article, tagger *extract.Tagger) (map[string][]string, error) {
	qs := map[string][]string{}
	seen := map[string]bool{}
	add := func(kind, q string) {
		if !seen[q] {
			seen[q] = true
			qs[kind] = append(qs[kind], q)
		}
	}
	isWord := func(s string) bool {
		return len(s) >= 4 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	for i, a := range base {
		words := strings.Fields(strings.ToLower(a.Title()))
		for j, w := range words {
			if isWord(w) {
				add("term", w)
				if j+1 < len(words) && isWord(words[j+1]) {
					add("phrase", strconv.Quote(w+" "+words[j+1]))
				}
			}
		}
		art, err := extract.CleanText(a.Raw)
		if err != nil {
			continue
		}
		if p := art.Published; !p.IsZero() {
			from := time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC)
			add("date", fmt.Sprintf(`date:>="%s" date:<"%s"`, from.Format(time.DateOnly), from.AddDate(0, 1, 0).Format(time.DateOnly)))
		}
		if i < 40 {
			r, err := tagger.Tag(ctx, art.Text, art.Published)
			if err != nil {
				return nil, err
			}
			for _, p := range r.People {
				add("entity", "person:"+strconv.Quote(p.Name))
			}
		}
	}
	for _, k := range []string{"term", "phrase", "entity", "date"} {
		if len(qs[k]) == 0 {
			return nil, fmt.Errorf("no %s queries in the articles", k)
		}
	}
	return qs, nil
}

// timeSearches runs count searches of each kind (random picks from qs,
// after a warm-up of 20) and returns their latency.
func timeSearches(ctx context.Context, ix *index.Index, qs map[string][]string, count int) (map[string]latency, error) {
	r := rand.New(rand.NewPCG(1, 2))
	out := map[string]latency{}
	for _, kind := range slices.Sorted(maps.Keys(qs)) {
		list := qs[kind]
		var ds, cpu []time.Duration
		var hits uint64
		var err error
		// Labelled, so that a CPU profile can be split by kind
		// (go tool pprof -tagfocus kind=date).
		pprof.Do(ctx, pprof.Labels("kind", kind), func(ctx context.Context) {
			for i := range count + 20 {
				q := list[r.IntN(len(list))]
				c0 := cpuTime()
				start := time.Now()
				var res *index.Results
				res, err = ix.Search(ctx, index.Request{Query: q})
				d := time.Since(start)
				c := cpuTime() - c0
				if err != nil {
					err = fmt.Errorf("search %s: %w", q, err)
					return
				}
				if i >= 20 {
					ds = append(ds, d)
					cpu = append(cpu, c)
					hits += res.Total
				}
			}
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(ds)
		slices.Sort(cpu)
		out[kind] = latency{
			P50MS:    ms(ds[len(ds)/2]),
			P99MS:    ms(ds[min(len(ds)-1, len(ds)*99/100)]),
			CPUP50MS: ms(cpu[len(cpu)/2]),
			MeanHit:  float64(hits) / float64(len(ds)),
		}
	}
	return out, nil
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func printTables(w io.Writer, rs []result) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "source %s, %d workers, GOMAXPROCS %d\n\n", rs[0].Source, rs[0].Workers, runtime.GOMAXPROCS(0))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tseconds\tarticles/s\twords/s\tindex MB\tkB/article\tclean ms\ttag ms\twrite ms\tfailed\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%d\t%.1f\t%.1f\t%.0f\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t\n",
			r.Articles, r.Seconds, r.ArticlesPerS, r.WordsPerS,
			r.IndexMB, r.IndexKBPerDoc, r.StageMS["clean"], r.StageMS["tag"], r.StageMS["write"], r.Failed)
	}
	tw.Flush()
	fmt.Fprintln(w, "\n(stage ms are per article, summed over workers)")
	fmt.Fprintln(w, "\nmemory, MiB: VmHWM (ingest / with searches); peaks sampled 4/s during the ingest of")
	fmt.Fprintln(w, "VmRSS, its anonymous and file-backed (mapped index files) parts, the Go live heap,")
	fmt.Fprintln(w, "heap goal and memory mapped by the Go runtime; VmRSS at 25/50/75/100% of the articles")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tVmHWM\tRSS\tanon\tfile\theap live\theap goal\tGo mapped\tRSS along\tlimit\tGOGC\tGCs\t")
	for _, r := range rs {
		along := make([]string, len(r.RSSAlongMB))
		for i, v := range r.RSSAlongMB {
			along[i] = fmt.Sprintf("%.0f", v)
		}
		p := r.Peak
		fmt.Fprintf(tw, "%d\t%.0f / %.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%s\t%.0f\t%s\t%d\t\n",
			r.Articles, r.IngestRSSMB, r.PeakRSSMB, p.RSS, p.Anon, p.File, p.HeapLive, p.HeapGoal, p.GoMapped,
			strings.Join(along, "/"), r.MemLimitMB, r.GOGC, r.NumGC)
	}
	tw.Flush()
	printSearches(w, rs)
}

func printSearches(w io.Writer, rs []result) {
	fmt.Fprintln(w, "\nsearch latency, ms (p50 / p99 wall, p50 CPU), mean total hits")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tterm\tphrase\tentity\tdate range\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%d", r.Articles)
		for _, k := range []string{"term", "phrase", "entity", "date"} {
			l := r.Search[k]
			fmt.Fprintf(tw, "\t%.2f / %.2f, %.2f (%.0f)", l.P50MS, l.P99MS, l.CPUP50MS, l.MeanHit)
		}
		fmt.Fprintln(tw, "\t")
	}
	tw.Flush()
}

// searchIndex times searches on the index in dir, built by an earlier run
// with -keep, and prints their latency. With cpuprofile set it profiles
// the searches.
func searchIndex(ctx context.Context, w io.Writer, dir string, count int, cpuprofile string) error {
	base, _, err := benchdata.Load()
	if err != nil {
		return err
	}
	tagger, err := extract.New()
	if err != nil {
		return err
	}
	qs, err := querySet(ctx, base, tagger)
	if err != nil {
		return err
	}
	ix, err := index.Open(dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	n, err := ix.Count()
	if err != nil {
		return err
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	lat, err := timeSearches(ctx, ix, qs, count)
	if err != nil {
		return err
	}
	printSearches(w, []result{{Articles: int(n), Search: lat}})
	st := readStatus()
	fmt.Fprintf(w, "\nafter the searches: VmHWM %.0f MiB, VmRSS %.0f (anon %.0f, file %.0f)\n",
		st["VmHWM"], st["VmRSS"], st["RssAnon"], st["RssFile"])
	return nil
}
