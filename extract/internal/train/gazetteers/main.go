// Command gazetteers builds the entity model's gazetteers (package
// lexicon's data/gazetteers/*.txt.gz) from public lists fetched by
// scripts/lexicon-sources.sh and from the hand-written lists beside this
// file:
//
//	scripts/lexicon-sources.sh /tmp/lexicon-src
//	go run ./extract/internal/train/gazetteers -src /tmp/lexicon-src
//
// Every entry is tokenised as extract.Tagger tokenises text, so that a
// list entry is the token sequence the model sees ("New York City" is
// three tokens, "U.S." one). Names with accents also get their unaccented
// spelling ("Zürich", "Zurich"). The output is deterministic.
//
// Lists written (a list is named after its file):
//
//	loc.country   GeoNames country names (world-cities) + lists/countries.txt
//	loc.city      GeoNames cities of 15,000 people or more (world-cities)
//	loc.region    GeoNames first-level subdivisions + lists/regions.txt
//	misc.nationality  lists/demonyms.txt
//	per.first     smashew/NameDatabases first names
//	per.last      smashew/NameDatabases surnames
//	org.company   NASDAQ, NYSE and other US listings, S&P 500 (common stock only)
//	              + lists/companies.txt
//	org.news, org.sport, org.party, org.government, org.international, org.platform
//	              lists/news.txt, sports.txt, parties.txt, government.txt,
//	              international.txt, platforms.txt
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/bylinehq/byline/extract/internal/nlp"
)

func main() {
	src := flag.String("src", "", "`dir` written by scripts/lexicon-sources.sh")
	lists := flag.String("lists", "extract/internal/train/gazetteers/lists", "`dir` of the hand-written lists")
	out := flag.String("out", "extract/internal/lexicon/data/gazetteers", "output `dir`")
	clusters := flag.String("clusters", "extract/internal/lexicon/data/clusters.txt.gz",
		"cluster table `file`: a one-word company name that is also a lower-case word in it is left out")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *src == "" {
		fmt.Fprintln(os.Stderr, "gazetteers: -src is required (run scripts/lexicon-sources.sh DIR first)")
		os.Exit(2)
	}
	if err := run(log, *src, *lists, *out, *clusters); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteers:", err)
		os.Exit(1)
	}
}

// builder collects each list's entries as raw names and tokenises them at
// the end.
type builder struct {
	lists map[string]map[string]bool
	tk    *nlp.Tokenizer
}

func (b *builder) add(list, name string) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || stopWords[strings.ToLower(name)] {
		return
	}
	if b.lists[list] == nil {
		b.lists[list] = map[string]bool{}
	}
	b.lists[list][name] = true
	if plain := unaccent(name); plain != name {
		b.lists[list][plain] = true
	}
}

// stopWords are English function words and a few very common words that
// the public lists hold as names ("Of" is a town in Turkey, "Will" a first
// name, "The" a surname): as one-word entries they would match everywhere.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
		be because been before being below between both but by can could did do does doing down
		during each either few for from further had has have having he her here hers him his how
		i if in into is it its just less many me more most much must my neither no nor not now of
		off on once one only or other our ours out over own per same shall she should since so
		some such than that the their theirs them then there these they this those though through
		thus to too under until up upon us very via was we were what when where whether which while
		who whom whose why will with within without would yet you your yours
		new said says say says told make made take took get got go went come came see saw know
		like just well still even back way day time year week month today yesterday tomorrow
		first last next two three four five six ten hundred thousand million billion
		mr mrs ms dr st man men people good great high long old big little small`) {
		m[w] = true
	}
	return m
}()

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// unaccent drops combining marks: "Zürich" -> "Zurich".
func unaccent(s string) string {
	out, _, err := transform.String(stripMarks, s)
	if err != nil {
		return s
	}
	return out
}

func run(log *slog.Logger, src, lists, out, clustersFile string) error {
	start := time.Now()
	tk, err := nlp.NewTokenizer(slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	b := &builder{lists: map[string]map[string]bool{}, tk: tk}
	// The hand-written lists first: the public ones are filtered against
	// them.
	for file, list := range map[string]string{
		"countries.txt": "loc.country", "regions.txt": "loc.region", "demonyms.txt": "misc.nationality",
		"news.txt": "org.news", "sports.txt": "org.sport", "parties.txt": "org.party",
		"government.txt": "org.government", "international.txt": "org.international", "platforms.txt": "org.platform",
		"companies.txt": "org.company",
	} {
		if err := eachLine(filepath.Join(lists, file), func(s string) { b.add(list, s) }); err != nil {
			return err
		}
	}
	not := b.notNames()
	common, err := lowerWords(clustersFile)
	if err != nil {
		return err
	}
	if err := places(b, filepath.Join(src, "world-cities", "world-cities.csv"), common); err != nil {
		return err
	}
	if err := people(b, filepath.Join(src, "names"), common, not); err != nil {
		return err
	}
	if err := companies(b, filepath.Join(src, "listings"), common); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(b.lists))
	for name := range b.lists {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		entries, err := b.tokenise(b.lists[name])
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		path := filepath.Join(out, name+".txt.gz")
		if err := writeGzip(path, entries); err != nil {
			return err
		}
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		log.Info("list written", "list", name, "entries", len(entries), "bytes", st.Size())
	}
	log.Info("gazetteers built", "dir", out, "duration", time.Since(start).Round(time.Second))
	return nil
}

// tokenise turns names into sorted, distinct token sequences joined by
// single spaces. Names of letters and spaces only split at spaces; others
// go through the model's tokeniser.
func (b *builder) tokenise(names map[string]bool) ([]string, error) {
	seen := map[string]bool{}
	for name := range names {
		var toks []string
		if strings.IndexFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) < 0 {
			toks = strings.Fields(name)
		} else {
			// A word after the name keeps a final "Corp." or "Inc." whole,
			// as it is mid-sentence; the tokeniser splits a sentence's
			// final full stop.
			ts, err := b.tk.Tokens(context.Background(), name+" is")
			if err != nil {
				return nil, err
			}
			for _, t := range ts {
				toks = append(toks, t.Text)
			}
			if n := len(toks); n > 0 && toks[n-1] == "is" {
				toks = toks[:n-1]
			}
		}
		if len(toks) > 0 {
			seen[strings.Join(toks, " ")] = true
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out, nil
}

// places reads world-cities.csv (name, country, subcountry, geonameid).
// A one-word city or subdivision that is also a common lower-case word
// ("Bank", "Police", "South") is left out.
func places(b *builder, path string, common map[string]bool) error {
	rows, err := readCSV(path)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		if len(r) < 3 {
			continue
		}
		if !isCommon(r[0], common) && !isCommon(unaccent(r[0]), common) {
			b.add("loc.city", r[0])
		}
		if c := countryName(r[1]); c != "" {
			b.add("loc.country", c)
		}
		if s := strings.TrimSpace(r[2]); s != "" && !isCommon(s, common) && !isCommon(unaccent(s), common) {
			b.add("loc.region", s)
		}
	}
	return nil
}

var parenthetical = regexp.MustCompile(`\s*\([^)]*\)`)

// countryName turns GeoNames' "Falkland Islands (Malvinas)" into
// "Falkland Islands"; it drops its placeholder for a missing country.
func countryName(s string) string {
	if strings.Contains(s, "No country found") {
		return ""
	}
	return strings.TrimSpace(parenthetical.ReplaceAllString(s, ""))
}

// isCommon reports whether name is one word that news writes in lower
// case often enough to be in common.
func isCommon(name string, common map[string]bool) bool {
	name = strings.TrimSpace(name)
	return !strings.ContainsAny(name, " ") && common[strings.ToLower(name)]
}

// notNames are capitalised words that the name lists hold but news uses
// otherwise: days, months, and every entry of the hand-written place and
// nationality lists (organisations are often named after people).
func (b *builder) notNames() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
		January February March April May June July August September October November December`) {
		m[w] = true
	}
	for list, names := range b.lists {
		if !strings.HasPrefix(list, "loc.") && !strings.HasPrefix(list, "misc.") {
			continue
		}
		for n := range names {
			m[n] = true
		}
	}
	return m
}

var nameRe = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$`)

// people reads the first-name and surname lists of NameDatabases, leaving
// out the words in not and surnames that are common lower-case words
// ("South", "Bank"; also "Brown").
func people(b *builder, dir string, common, not map[string]bool) error {
	for sub, list := range map[string]string{"first": "per.first", "surnames": "per.last"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.txt"))
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("no name lists in %s", filepath.Join(dir, sub))
		}
		for _, f := range files {
			if err := eachLine(f, func(s string) {
				for _, w := range strings.Fields(s) {
					if isUpperWord(w) {
						w = titleWord(w)
					}
					// The filters look at the unaccented spelling too, which
					// add also adds ("Canadá" gives "Canada").
					plain := unaccent(w)
					if len([]rune(w)) >= 2 && nameRe.MatchString(w) && !not[w] && !not[plain] &&
						!(list == "per.last" && (isCommon(w, common) || isCommon(plain, common))) {
						b.add(list, w)
					}
				}
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

func isUpperWord(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func titleWord(w string) string {
	r := []rune(strings.ToLower(w))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

var (
	// Securities that are not a company's common shares.
	notCommon = regexp.MustCompile(`(?i)%|\bETF\b|\bETN|\bfund\b|\bindex\b|\bnotes?\b|\bdebentures?\b|\bpreferred\b|\bwarrants?\b|\brights?\b|\bunits?\b|\bacquisition\b|\bbonds?\b|\bdue\s+\d{4}|\bportfolio\b|\bstrategy\b|\bleveraged?\b|\bbull\b|\bbear\b|\b\dx\b|\bdaily\b|\bincome\b|\bmunicipal\b|\bshares trust\b|\bproshares\b|\bishares\b|\bdirexion\b`)
	// Where the description of the security starts.
	security = regexp.MustCompile(`(?i)[,\s]+(class [a-z]\b|common stock|common shares|ordinary shares?|american deposit[ao]ry|ADSs?\b|sponsored ADR|\(each|each representing|shares of beneficial|new common|subordinate voting|voting shares|capital stock|\$\d).*$`)
	// A security that is a company's shares.
	shares = regexp.MustCompile(`(?i)common|ordinary|depositary|depository|\bADS\b|\bclass [a-z]\b`)
	// A legal form at the end of a company name.
	legalForm = regexp.MustCompile(`(?i),?\s+(inc\.?|incorporated|corp\.?|corporation|co\.|company|ltd\.?|limited|plc|p\.l\.c\.|n\.v\.|nv|s\.a\.|sa|s\.a\.b\. de c\.v\.|ag|se|asa|a/s|oyj|s\.p\.a\.|spa|l\.p\.|lp|llc|l\.l\.c\.)$`)
)

// companies reads the stock listings. For every company with common
// shares it adds the name as news writes it: without the description of
// the security and without its legal form ("Apple"), and with the legal
// form ("Apple Inc."). A one-word name that is also a lower-case word in
// common (see lowerWords) or a person's name ("Dole") is left out unless
// the company is in the S&P 500.
func companies(b *builder, dir string, common map[string]bool) error {
	add := func(name string, curated bool) {
		base, full, ok := companyName(name, curated)
		if !ok {
			return
		}
		if !strings.Contains(base, " ") && !curated &&
			(common[strings.ToLower(base)] || b.lists["per.first"][base] || b.lists["per.last"][base]) {
			return
		}
		b.add("org.company", base)
		if full != base {
			b.add("org.company", full)
		}
	}
	read := func(file string, fn func(h map[string]int, r []string)) error {
		rows, err := readCSV(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		h := map[string]int{}
		for i, c := range rows[0] {
			h[strings.TrimSpace(c)] = i
		}
		for _, r := range rows[1:] {
			if len(r) == len(rows[0]) {
				fn(h, r)
			}
		}
		return nil
	}
	stock := func(desc string) bool { return shares.MatchString(desc) && !notCommon.MatchString(desc) }
	if err := read("nasdaq-listed.csv", func(h map[string]int, r []string) {
		name, desc, ok := strings.Cut(r[h["Security Name"]], " - ")
		if ok && stock(desc) {
			add(name, false)
		}
	}); err != nil {
		return err
	}
	if err := read("nyse-listed.csv", func(h map[string]int, r []string) {
		if n := r[h["Company Name"]]; stock(n) {
			add(n, false)
		}
	}); err != nil {
		return err
	}
	if err := read("other-listed.csv", func(h map[string]int, r []string) {
		if n := r[h["Security Name"]]; r[h["ETF"]] == "N" && r[h["Test Issue"]] == "N" && stock(n) {
			add(n, false)
		}
	}); err != nil {
		return err
	}
	return read("constituents.csv", func(h map[string]int, r []string) {
		add(r[h["Security"]], true)
	})
}

// companyName returns a listed security's company name as news writes
// it, without its legal form ("Agilent Technologies") and with it, without
// commas ("Agilent Technologies Inc."), from "Agilent Technologies, Inc.
// Common Stock". It reports false for a security that is not a company's
// shares (funds, notes, warrants …) unless curated is set.
func companyName(name string, curated bool) (base, full string, ok bool) {
	name = strings.TrimSpace(parenthetical.ReplaceAllString(name, ""))
	name = strings.TrimSpace(security.ReplaceAllString(name, ""))
	name = strings.TrimRight(name, ", -")
	if name == "" || (!curated && notCommon.MatchString(name)) {
		return "", "", false
	}
	if isUpperWord(name) && len(name) > 5 && strings.Contains(name, " ") {
		return "", "", false // an all-capitals legal name; news writes it otherwise
	}
	base = name
	for {
		m := legalForm.FindStringIndex(base)
		if m == nil {
			break
		}
		base = strings.TrimRight(base[:m[0]], ", ")
	}
	base = strings.TrimPrefix(base, "The ")
	if len([]rune(base)) < 2 || legalForm.MatchString(" "+base) {
		return "", "", false
	}
	full = strings.TrimPrefix(strings.ReplaceAll(name, ",", ""), "The ")
	return base, full, true
}

// lowerWords returns the words written in lower case in the cluster
// table: words seen in lower case at least a few times in news.
func lowerWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		_, w, _ := strings.Cut(sc.Text(), "\t")
		if w != "" && strings.ToLower(w) == w {
			out[w] = true
		}
	}
	return out, sc.Err()
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return rows, nil
}

// eachLine calls fn with each line of path that is not blank or a
// '#' comment.
func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s != "" && !strings.HasPrefix(s, "#") {
			fn(s)
		}
	}
	return sc.Err()
}

// writeGzip writes lines gzipped with no name or time in the header, so
// that the same lists give the same bytes.
func writeGzip(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriter(zw)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	err = w.Flush()
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
