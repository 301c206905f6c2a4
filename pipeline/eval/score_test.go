package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden and testdata/records.jsonl")

func TestScorePerfect(t *testing.T) {
	t.Parallel()
	g := withoutGone(loadTestGold(t))
	r := Score(g, perfectRecords(t))
	// The test gold annotates no indirect speech (no document is flagged
	// indirect), so quotes_indirect is undefined here; TestScoreQuoteKinds
	// covers it.
	var wantSkipped []string
	for _, name := range scoreMetricNames() {
		v, ok, err := r.Metric(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(name, "quotes_indirect.") {
			if ok {
				t.Errorf("%s = %v, want undefined without indirect annotation", name, v)
			}
			wantSkipped = append(wantSkipped, name)
			continue
		}
		if !ok {
			t.Errorf("%s undefined on the test gold, want every metric defined", name)
			continue
		}
		if v != 1 {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
	if len(r.Items) != 0 {
		t.Errorf("perfect output has %d disagreements, first %+v", len(r.Items), r.Items[0])
	}
	min := make(map[string]float64)
	for _, name := range scoreMetricNames() {
		min[name] = 1
	}
	slices.Sort(wantSkipped)
	if f, s, err := r.Check(min); err != nil || len(f) != 0 || !slices.Equal(s, wantSkipped) {
		t.Errorf("Check(all 1.0) = %v, %v, %v; want no failure, %v skipped", f, s, err, wantSkipped)
	}
}

// scoreMetricNames returns the metrics Score defines: all but the timex
// ones, which only ScoreTimeML scores.
func scoreMetricNames() []string {
	var out []string
	for _, name := range MetricNames() {
		if !strings.HasPrefix(name, "timex_") {
			out = append(out, name)
		}
	}
	return out
}

func TestScoreEmpty(t *testing.T) {
	t.Parallel()
	g := loadTestGold(t)
	recs := []pipeline.Record{
		{ID: "a", Source: "corpus/a.txt", Text: textA},
		{ID: "b", Source: "corpus/news/b.txt", Text: textB},
	}
	r := Score(g, recs)
	for _, name := range MetricNames() {
		v, ok, _ := r.Metric(name)
		fam, _, _ := strings.Cut(name, ".")
		switch {
		case strings.HasPrefix(fam, "timex_"):
			// Scored only by ScoreTimeML.
			if ok {
				t.Errorf("%s = %v, want undefined", name, v)
			}
			continue
		}
		switch fam {
		case "speakers", "quote_kinds", "date_values", "quotes_indirect":
			// Nothing matched, so nothing to judge; no document annotates
			// indirect speech.
			if ok {
				t.Errorf("%s = %v, want undefined", name, v)
			}
		case "published":
			// a.txt states no date and the record has none: right.
			if want := 0.5; !ok || v != want {
				t.Errorf("%s = %v (defined %v), want %v", name, v, ok, want)
			}
		default:
			if !ok || v != 0 {
				t.Errorf("%s = %v (defined %v), want 0", name, v, ok)
			}
		}
	}
	fails, skipped, err := r.Check(g.Thresholds)
	if err != nil {
		t.Fatal(err)
	}
	if len(fails) != 2 || len(skipped) != 0 {
		t.Errorf("Check(%v) = %v, skipped %v; want people.f1 and quotes.f1 failing", g.Thresholds, fails, skipped)
	}
	if !r.Documents[1].Missing || r.Documents[1].File != "gone.txt" {
		t.Errorf("documents = %+v, want gone.txt missing", r.Documents)
	}
}

func TestScoreOneWrongSpeaker(t *testing.T) {
	t.Parallel()
	g := withoutGone(loadTestGold(t))
	recs := perfectRecords(t)
	before, _, _ := Score(g, recs).Metric("speakers.accuracy")

	// Change one gold speaker: the perfect output is now wrong on exactly
	// that quote.
	g.Documents[0].Quotes = append([]GoldQuote(nil), g.Documents[0].Quotes...)
	g.Documents[0].Quotes[3].Speaker = ptr("Sam Reid")
	r := Score(g, recs)
	after, _, _ := r.Metric("speakers.accuracy")
	n := 6.0 // quotes with a gold speaker in a.txt and news/b.txt
	if before != 1 || math.Abs(after-(n-1)/n) > 1e-12 {
		t.Errorf("speakers.accuracy %v -> %v, want 1 -> %v", before, after, (n-1)/n)
	}
	if len(r.Items) != 1 || r.Items[0].Metric != "speakers" || r.Items[0].Want != "Sam Reid" || r.Items[0].Got != "Tom Okafor" {
		t.Errorf("items = %+v, want the one wrong speaker", r.Items)
	}
	if v, _, _ := r.Metric("quotes.f1"); v != 1 {
		t.Errorf("quotes.f1 = %v, want 1 (detection is unaffected)", v)
	}
}

func TestScoreNullSpeakers(t *testing.T) {
	t.Parallel()
	g := withoutGone(loadTestGold(t))
	g.Documents[1].Quotes = append([]GoldQuote(nil), g.Documents[1].Quotes...)
	g.Documents[1].Quotes[1].Speaker = nil // gold null, prediction names someone
	recs := perfectRecords(t)
	r := Score(g, recs)
	if c := r.Overall.Accuracy["speakers"]; c != (Ratio{Correct: 5, Total: 5}) {
		t.Errorf("gold null vs predicted name: speakers = %+v, want it not judged (5/5)", c)
	}
	recs[1].Quotes[1].Speaker = nil // both null
	r = Score(g, recs)
	if c := r.Overall.Accuracy["speakers"]; c != (Ratio{Correct: 6, Total: 6}) {
		t.Errorf("null == null: speakers = %+v, want 6/6", c)
	}
}

func TestScoreGoldErrors(t *testing.T) {
	t.Parallel()
	g := withoutGone(loadTestGold(t))
	d := &g.Documents[1]
	d.Quotes = append(d.Quotes, GoldQuote{Text: "not in the article", Kind: "direct"})
	d.Dates = append(d.Dates, GoldDate{Text: "next week", Value: ptr("2023-W19")}) // only once in the text
	d.People = append(d.People, GoldEntity{Name: "Ghost", Mentions: []string{"Ghost"}})
	r := Score(g, perfectRecords(t))
	var gold []string
	for _, it := range r.Items {
		if it.Kind == GoldErr {
			gold = append(gold, it.Metric+":"+it.Text)
		}
	}
	want := []string{"dates:next week", "people_mentions:Ghost", "quotes:not in the article"}
	if strings.Join(gold, "|") != strings.Join(want, "|") {
		t.Errorf("gold errors %q, want %q", gold, want)
	}
	for fam, fn := range map[string]int{"quotes": 1, "dates": 1, "people_mentions": 1, "people": 1} {
		if c := r.Overall.PRF[fam]; c.FN != fn {
			t.Errorf("%s FN = %d, want %d (gold errors count as missed)", fam, c.FN, fn)
		}
	}
}

func TestScoreBadOffsets(t *testing.T) {
	t.Parallel()
	g := withoutGone(loadTestGold(t))
	recs := perfectRecords(t)
	recs[0].Entities[0].Start, recs[0].Entities[0].End = -5, 3
	recs[0].Entities[1].Start, recs[0].Entities[1].End = 10, 1<<20
	recs[0].Quotes[0].Start, recs[0].Quotes[0].End = 40, 20
	recs[0].Dates[0].Start, recs[0].Dates[0].End = len(textA)+1, len(textA)+9
	r := Score(g, recs) // must not panic
	if c := r.Overall.PRF["quotes"]; c != (Counts{TP: 5, FP: 1, FN: 1}) {
		t.Errorf("quotes = %+v, want the reversed span unmatched (5, 1, 1)", c)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestPairRecord(t *testing.T) {
	t.Parallel()
	recs := []pipeline.Record{
		{ID: "x1", Source: "/data/corpus/sub/a.txt"},
		{ID: "x2", Source: "/data/other/a.txt"},
		{ID: "x3", Source: "a.txt"},
		{ID: "id-42", Source: "feed.jsonl"},
		{ID: "x5", Source: "corpus/notb.txt"},
	}
	for _, tc := range []struct {
		file string
		want int
	}{
		{"a.txt", 2},     // exact beats suffix
		{"sub/a.txt", 0}, // suffix at a slash
		{"id-42", 3},     // JSONL id
		{"b.txt", -1},    // "notb.txt" is not "/b.txt"
		{"other/a.txt", 1},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			if got := pairRecord(tc.file, recs); got != tc.want {
				t.Errorf("pairRecord(%q) = %d, want %d", tc.file, got, tc.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	r := Score(withoutGone(loadTestGold(t)), imperfectRecords(t))
	_, _, err := r.Check(map[string]float64{"people.f1": 0.5, "poeple.f1": 0.5})
	if !errors.Is(err, ErrUnknownMetric) || !strings.Contains(err.Error(), "poeple.f1") || !strings.Contains(err.Error(), "speakers.accuracy") {
		t.Errorf("unknown metric: err = %v, want ErrUnknownMetric naming it and listing valid names", err)
	}
	fails, skipped, err := r.Check(map[string]float64{"people.f1": 0.99, "quotes.precision": 0.1})
	if err != nil || len(fails) != 1 || fails[0].Metric != "people.f1" || len(skipped) != 0 {
		t.Errorf("Check = %v, %v, %v; want people.f1 failing only", fails, skipped, err)
	}
	empty := Score(&Gold{Documents: []GoldDoc{{File: "a.txt"}}}, []pipeline.Record{{Source: "a.txt", Text: textA}})
	fails, skipped, err = empty.Check(map[string]float64{"quotes.f1": 0.9})
	if err != nil || len(fails) != 0 || len(skipped) != 1 || skipped[0] != "quotes.f1" {
		t.Errorf("undefined metric: Check = %v, %v, %v; want quotes.f1 skipped", fails, skipped, err)
	}
}

func TestParseThreshold(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		name string
		v    float64
		ok   bool
	}{
		{"people.f1=0.8", "people.f1", 0.8, true},
		{"title.accuracy = 1", "title.accuracy", 1, true},
		{"people.f1", "", 0, false},
		{"people.f2=0.8", "", 0, false},
		{"people.f1=1.2", "", 0, false},
		{"people.f1=x", "", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			name, v, err := ParseThreshold(tc.in)
			if (err == nil) != tc.ok || name != tc.name || v != tc.v {
				t.Errorf("ParseThreshold(%q) = %q, %v, %v; want %q, %v, ok=%v", tc.in, name, v, err, tc.name, tc.v, tc.ok)
			}
		})
	}
}

// TestGoldenReport checks the text and JSON reports of the imperfect
// records in testdata/records.jsonl against testdata/report.golden and
// report.jsonl.golden. With -update it rewrites the records from
// imperfectRecords and both goldens.
func TestGoldenReport(t *testing.T) {
	g := loadTestGold(t)
	if *update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, rec := range imperfectRecords(t) {
			if err := enc.Encode(rec); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile("testdata/records.jsonl", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs := readRecords(t, "testdata/records.jsonl")
	r := Score(g, recs)
	for _, out := range []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"testdata/report.golden", func(b *bytes.Buffer) error { return r.WriteText(b) }},
		{"testdata/report.jsonl.golden", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
	} {
		var got bytes.Buffer
		if err := out.write(&got); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(out.golden, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(out.golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s differs; got written to %s.got (rerun with -update after review)", out.golden, out.golden)
			os.WriteFile(out.golden+".got", got.Bytes(), 0o644)
		}
	}
	// Scoring is deterministic: a second run gives the same report.
	var a, b bytes.Buffer
	r.WriteText(&a)
	Score(g, recs).WriteText(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs gave different reports")
	}
}

func readRecords(t *testing.T, path string) []pipeline.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []pipeline.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec pipeline.Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	return recs
}

func TestWriteJSONLines(t *testing.T) {
	t.Parallel()
	r := Score(loadTestGold(t), imperfectRecords(t))
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if want := len(r.Documents) + len(r.Items) + 1; len(lines) != want {
		t.Fatalf("%d lines, want %d", len(lines), want)
	}
	var last struct {
		Type    string              `json:"message_type"`
		Metrics map[string]*float64 `json:"metrics"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatal(err)
	}
	v, _, _ := r.Metric("people.f1")
	if last.Type != "summary" || last.Metrics["people.f1"] == nil || *last.Metrics["people.f1"] != v || len(last.Metrics) != len(MetricNames()) {
		t.Errorf("summary = %+v, want every metric and people.f1 = %v", last, v)
	}
}

func TestGoldFind(t *testing.T) {
	t.Parallel()
	g := loadTestGold(t)
	for _, tc := range []struct {
		source, id, want string
	}{
		{"corpus/news/b.txt", "x", "news/b.txt"},
		{"/abs/corpus/a.txt", "x", "a.txt"},
		{"feed.jsonl", "gone.txt", "gone.txt"},
		{"corpus/b.txt", "b", ""},
	} {
		t.Run(tc.source, func(t *testing.T) {
			t.Parallel()
			got := ""
			if d := g.Find(tc.source, tc.id); d != nil {
				got = d.File
			}
			if got != tc.want {
				t.Errorf("Find(%q, %q) = %q, want %q", tc.source, tc.id, got, tc.want)
			}
		})
	}
	if d := g.Find("corpus/a.txt", ""); d == nil {
		t.Fatal("a.txt not found")
	} else if at, ok := d.Anchor(); !ok || at.Format("2006-01-02") != "2024-03-13" {
		t.Errorf("anchor of a.txt = %v, %v", at, ok)
	}
}

// TestScoreNotAnnotated checks that a gold document without a key for an
// aspect leaves that aspect unscored, while an empty list means "none" and
// makes every prediction spurious.
func TestScoreNotAnnotated(t *testing.T) {
	t.Parallel()
	const quotesOnly = `{"description": "quotes only", "documents": [{"file": "a.txt",
		"quotes": [{"text": "We have waited long enough for this,", "speaker": "Jane Whitaker", "kind": "direct"}]}]}`
	g, err := LoadGold(strings.NewReader(quotesOnly))
	if err != nil {
		t.Fatal(err)
	}
	recs := imperfectRecords(t)
	r := Score(g, recs)
	for _, name := range MetricNames() {
		_, ok, _ := r.Metric(name)
		fam, _, _ := strings.Cut(name, ".")
		want := fam == "quotes" || fam == "quotes_direct" || fam == "speakers" || fam == "quote_kinds"
		if ok != want {
			t.Errorf("quotes-only gold: %s defined = %v, want %v", name, ok, want)
		}
	}
	// The record's other three quotes are spurious: quotes are annotated.
	if c := r.Overall.PRF["quotes"]; c != (Counts{TP: 1, FP: 3}) {
		t.Errorf("quotes = %+v, want 1 TP and 3 FP", c)
	}
	for _, it := range r.Items {
		if it.Metric != "quotes" && it.Metric != "speakers" && it.Metric != "quote_kinds" {
			t.Errorf("item on an unannotated aspect: %+v", it)
		}
	}

	// An empty list is "none": predictions of that type are spurious.
	const noPlaces = `{"description": "no places", "documents": [{"file": "a.txt", "places": []}]}`
	g, err = LoadGold(strings.NewReader(noPlaces))
	if err != nil {
		t.Fatal(err)
	}
	r = Score(g, recs)
	if c := r.Overall.PRF["places"]; c != (Counts{FP: 1}) {
		t.Errorf("places: [] with one predicted place: %+v, want 1 FP", c)
	}
	if c := r.Overall.PRF["places_mentions"]; c != (Counts{FP: 1}) {
		t.Errorf("places_mentions with places: [] = %+v, want 1 FP", c)
	}
	if c := r.Overall.PRF["people_mentions"]; c != (Counts{}) {
		t.Errorf("people_mentions without a people key = %+v, want nothing counted", c)
	}

	// A document without a record counts only its annotated aspects.
	g.Documents[0].File = "nowhere.txt"
	r = Score(g, recs)
	for _, name := range []string{"people.f1", "quotes.f1", "dates.f1"} {
		if v, ok, _ := r.Metric(name); ok {
			t.Errorf("missing record, unannotated %s = %v, want undefined", name, v)
		}
	}
}

// TestScoreDurationsAndSetsOutOfScope checks the date guideline that gold
// files leave durations and frequencies unannotated: such a prediction with
// no gold counterpart is neither right nor spurious, while a point in time
// the gold leaves out still is.
func TestScoreDurationsAndSetsOutOfScope(t *testing.T) {
	t.Parallel()
	text := "Jo Lim, who has run the bakery for three years, opens it every week and said on Friday it would close."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	date := func(s, value, gran string) extract.Date {
		start, end := at(s)
		return extract.Date{Text: s, Start: start, End: end, Value: &value, Granularity: &gran}
	}
	rec := pipeline.Record{Source: "a.txt", Text: text}
	rec.Dates = []extract.Date{
		date("three years", "P3Y", extract.GranularityDuration),
		date("every week", "P1W", extract.GranularitySet),
		date("Friday", "2024-03-15", extract.GranularityDay),
	}
	for _, tc := range []struct {
		name, gold string
		want       Counts
		values     Ratio
	}{
		{"only the day annotated", `[{"text": "Friday", "value": "2024-03-15"}]`, Counts{TP: 1}, Ratio{Correct: 1, Total: 1}},
		{"no dates annotated", `[]`, Counts{FP: 1}, Ratio{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g, err := LoadGold(strings.NewReader(`{"documents": [{"file": "a.txt", "dates": ` + tc.gold + `}]}`))
			if err != nil {
				t.Fatal(err)
			}
			r := Score(g, []pipeline.Record{rec})
			if c := r.Overall.PRF["dates"]; c != tc.want {
				t.Errorf("dates = %+v, want %+v", c, tc.want)
			}
			if v := r.Overall.Accuracy["date_values"]; v != tc.values {
				t.Errorf("date_values = %+v, want %+v", v, tc.values)
			}
		})
	}
}
