package eval

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract"
)

func readFixture(t *testing.T, name string) *TimeMLDoc {
	t.Helper()
	f, err := os.Open("testdata/timeml/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadTimeML(f, name)
	if err != nil {
		t.Fatalf("ReadTimeML(%s): %v", name, err)
	}
	return d
}

func TestReadTimeML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file    string
		dct     time.Time
		prefix  string // the start of Text
		timexes []Timex
	}{
		{
			file:   "harbour.tml",
			dct:    time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC),
			prefix: "\nThe harbour board said on Wednesday that",
			timexes: []Timex{
				{ID: "t1", Text: "Wednesday", Type: TimexDate, Value: "2019-07-10"},
				{ID: "t2", Text: "three years", Type: TimexDuration, Value: "P3Y"},
				{ID: "t3", Text: "in the coming months", Type: TimexDate, Value: "FUTURE_REF"},
				{ID: "t4", Text: "tonight", Type: TimexTime, Value: "2019-07-12TNI"},
				// The gold span " 2018 " is trimmed of its spaces.
				{ID: "t5", Text: "2018", Type: TimexDate, Value: "2018"},
			},
		},
		{
			file:   "nodct.tml",
			prefix: "Trading stopped for two hours every day.",
			timexes: []Timex{
				{ID: "t1", Text: "two hours", Type: TimexDuration, Value: "PT2H"},
				{ID: "t2", Text: "every day", Type: TimexSet, Value: "P1D"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			d := readFixture(t, tt.file)
			if d.File != tt.file || !d.DCT.Equal(tt.dct) {
				t.Errorf("File, DCT = %q, %v; want %q, %v", d.File, d.DCT, tt.file, tt.dct)
			}
			if !strings.HasPrefix(d.Text, tt.prefix) {
				t.Errorf("Text starts %q, want %q", d.Text[:min(len(d.Text), len(tt.prefix))], tt.prefix)
			}
			if strings.ContainsAny(d.Text, "<>") || strings.Contains(d.Text, "&amp;") {
				t.Errorf("Text keeps markup: %q", d.Text)
			}
			if len(d.Timexes) != len(tt.timexes) {
				t.Fatalf("%d timexes, want %d: %+v", len(d.Timexes), len(tt.timexes), d.Timexes)
			}
			for i, x := range d.Timexes {
				want := tt.timexes[i]
				if d.Text[x.Start:x.End] != x.Text {
					t.Errorf("timex %s: Text[%d:%d] = %q, Text field %q", x.ID, x.Start, x.End, d.Text[x.Start:x.End], x.Text)
				}
				want.Start, want.End = x.Start, x.End
				if x != want {
					t.Errorf("timex %d = %+v, want %+v", i, x, want)
				}
			}
		})
	}
	t.Run("entities and multi-byte text", func(t *testing.T) {
		t.Parallel()
		d := readFixture(t, "harbour.tml")
		if !strings.Contains(d.Text, "Fish & chip shops") || !strings.Contains(d.Text, "the café had closed in  2018 .") {
			t.Errorf("Text = %q", d.Text)
		}
	})
}

func TestReadTimeMLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		is       error // nil: any error
	}{
		{"no TEXT", `<TimeML><DCT><TIMEX3 value="2019-01-01">x</TIMEX3></DCT></TimeML>`, ErrNoText},
		{"bad DCT", `<TimeML><DCT><TIMEX3 value="PRESENT_REF">now</TIMEX3></DCT><TEXT>x</TEXT></TimeML>`, nil},
		{"nested TIMEX3", `<TimeML><TEXT><TIMEX3 tid="t1">a <TIMEX3 tid="t2">b</TIMEX3></TIMEX3></TEXT></TimeML>`, nil},
		{"not XML", "<TimeML><TEXT>x</TEXT><</TimeML>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadTimeML(strings.NewReader(tt.in), "x.tml")
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("err = %v, want %v", err, cmpOr(tt.is, "an error"))
			}
			if !strings.Contains(err.Error(), "x.tml") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func cmpOr(err error, s string) any {
	if err != nil {
		return err
	}
	return s
}

// dateTagger returns fixed dates, located by their text, and records the
// publication date it was given.
type dateTagger struct {
	dates []extract.Date // Start and End are filled in from Text
	got   time.Time
}

func (d *dateTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	d.got = published
	var out []extract.Date
	for _, x := range d.dates {
		i := strings.Index(text, x.Text)
		if i < 0 {
			return extract.Result{}, errors.New("fixture date not in text: " + x.Text)
		}
		x.Start, x.End = i, i+len(x.Text)
		out = append(out, x)
	}
	return extract.Result{Dates: out}, nil
}

func pdate(text, value, gran string) extract.Date {
	d := extract.Date{Text: text}
	if value != "" {
		d.Value, d.Granularity = &value, &gran
	}
	return d
}

// TestScoreTimeML scores hand-made predictions on harbour.tml; the figures
// are worked out by hand in the comments.
func TestScoreTimeML(t *testing.T) {
	t.Parallel()
	doc := readFixture(t, "harbour.tml")
	tagger := &dateTagger{dates: []extract.Date{
		pdate("Wednesday", "2019-07-10", extract.GranularityDay),        // strict, value and type right
		pdate("over three years", "P3Y", extract.GranularityYear),       // relaxed only; value right, type DATE wrong
		pdate("the coming months", "", ""),                              // relaxed only; no value; type DATE right
		pdate("tonight", "2019-07-12TNI", extract.GranularityPartOfDay), // strict, value, type TIME right
		pdate("harbour", "2019", extract.GranularityYear),               // spurious
		// "2018" is missed.
	}}
	r, err := ScoreTimeML(t.Context(), []*TimeMLDoc{doc}, tagger)
	if err != nil {
		t.Fatal(err)
	}
	if !tagger.got.Equal(doc.DCT) {
		t.Errorf("tagger got published %v, want the DCT %v", tagger.got, doc.DCT)
	}
	// 5 gold, 5 predicted. Strict: Wednesday and tonight, so 2/5, 2/5.
	// Relaxed: all but 2018 and harbour, 4/5, 4/5. Value: Wednesday,
	// three years and tonight, 3/5, 3/5. Type: 3 of the 4 relaxed matches.
	want := map[string]float64{
		"timex_strict.precision": 0.4, "timex_strict.recall": 0.4, "timex_strict.f1": 0.4,
		"timex_relaxed.precision": 0.8, "timex_relaxed.recall": 0.8, "timex_relaxed.f1": 0.8,
		"timex_value.precision": 0.6, "timex_value.recall": 0.6, "timex_value.f1": 0.6,
		"timex_type.accuracy": 0.75,
	}
	for name, w := range want {
		v, ok, err := r.Metric(name)
		if err != nil || !ok || v != w {
			t.Errorf("%s = %v (defined %v, err %v), want %v", name, v, ok, err, w)
		}
	}
	if _, ok, _ := r.Metric("dates.f1"); ok {
		t.Error("dates.f1 defined in a TimeML report")
	}
	type key struct{ metric, kind, text, want, got string }
	var got []key
	for _, it := range r.Items {
		got = append(got, key{it.Metric, it.Kind, it.Text, it.Want, it.Got})
		if it.Doc != "harbour.tml" || it.Context == "" {
			t.Errorf("item %+v: want Doc harbour.tml and a context", it)
		}
	}
	wantItems := []key{
		{"timex_relaxed", Spurious, "harbour", "", "2019"},
		{"timex_strict", Wrong, "three years", "three years", "over three years"},
		{"timex_type", Wrong, "three years", "DURATION", "DATE"},
		{"timex_strict", Wrong, "in the coming months", "in the coming months", "the coming months"},
		{"timex_value", Wrong, "in the coming months", "FUTURE_REF", "(none)"},
		{"timex_relaxed", Missed, "2018", "DATE 2018", ""},
	}
	if len(got) != len(wantItems) {
		t.Fatalf("items:\n%v\nwant\n%v", got, wantItems)
	}
	for i := range got {
		if got[i] != wantItems[i] {
			t.Errorf("item %d = %v, want %v", i, got[i], wantItems[i])
		}
	}

	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"timex_value                  0.600", "timex_type", "want \"FUTURE_REF\" got \"(none)\""} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text report lacks %q:\n%s", s, text.String())
		}
	}
	if strings.Contains(text.String(), "people_mentions") {
		t.Errorf("TimeML text report shows entity metrics:\n%s", text.String())
	}
	fails, _, err := r.Check(map[string]float64{"timex_value.f1": 0.7, "timex_relaxed.f1": 0.8})
	if err != nil || len(fails) != 1 || fails[0].Metric != "timex_value.f1" {
		t.Errorf("Check = %v, %v; want timex_value.f1 below 0.7", fails, err)
	}
}

// TestMatchAny checks that any overlap pairs, one-to-one, largest overlap
// first.
func TestMatchAny(t *testing.T) {
	t.Parallel()
	type sp struct{ s, e int }
	tests := []struct {
		name       string
		gold, pred []sp
		want       []int
	}{
		{"one byte is enough", []sp{{0, 10}}, []sp{{9, 20}}, []int{0}},
		{"touching is not overlap", []sp{{0, 10}}, []sp{{10, 20}}, []int{-1}},
		{"largest overlap wins", []sp{{0, 10}}, []sp{{8, 12}, {2, 9}}, []int{1}},
		{"one-to-one", []sp{{0, 10}, {5, 15}}, []sp{{4, 12}}, []int{-1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, _ := matchAny(len(tt.gold), len(tt.pred), func(g, p int) int {
				return min(tt.gold[g].e, tt.pred[p].e) - max(tt.gold[g].s, tt.pred[p].s)
			})
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestTimexIn(t *testing.T) {
	t.Parallel()
	dct := time.Date(1998, 3, 5, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		d              extract.Date
		dct            time.Time
		typ, wantValue string
	}{
		{pdate("the past year", "P1Y", extract.GranularityDuration), dct, TimexDate, "1997"},
		{pdate("The last year", "P1Y", extract.GranularityDuration), dct, TimexDate, "1997"},
		{pdate("the past year", "P1Y", extract.GranularityDuration), time.Time{}, TimexDuration, "P1Y"},
		{pdate("a year", "P1Y", extract.GranularityDuration), dct, TimexDuration, "P1Y"},
		{pdate("the past two years", "P2Y", extract.GranularityDuration), dct, TimexDuration, "P2Y"},
	}
	for _, tt := range tests {
		t.Run(tt.d.Text, func(t *testing.T) {
			t.Parallel()
			x := timexIn(tt.d, tt.dct)
			typ, v := x.Type, x.Value
			if typ != tt.typ || v != tt.wantValue {
				t.Errorf("timexIn = %s %q, want %s %q", typ, v, tt.typ, tt.wantValue)
			}
		})
	}
}

func TestTimexOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d              extract.Date
		typ, wantValue string
	}{
		{pdate("Friday", "2019-07-12", extract.GranularityDay), TimexDate, "2019-07-12"},
		{pdate("9pm", "2019-07-12T21:00", extract.GranularityTime), TimexTime, "2019-07-12T21:00"},
		{pdate("tonight", "2019-07-12TNI", extract.GranularityPartOfDay), TimexTime, "2019-07-12TNI"},
		{pdate("three years", "P3Y", extract.GranularityDuration), TimexDuration, "P3Y"},
		{pdate("now", "PRESENT_REF", extract.GranularityReference), TimexDate, "PRESENT_REF"},
		{pdate("the 1990s", "199", extract.GranularityDecade), TimexDate, "199"},
		{pdate("this week", "2019-W28", extract.GranularityWeek), TimexDate, "2019-W28"},
		{pdate("days after", "", ""), TimexDate, ""},
		{pdate("every week", "P1W", extract.GranularitySet), TimexSet, "P1W"},
		{pdate("each Thursday", "XXXX-WXX-4", extract.GranularitySet), TimexSet, "XXXX-WXX-4"},
		{pdate("twenty years after", "", ""), TimexDuration, "P20Y"},
		{pdate("nearly two months after", "", ""), TimexDuration, "P2M"},
		{pdate("A few days later", "", ""), TimexDuration, "PXD"},
		{pdate("Eight trading days after", "", ""), TimexDuration, "P8D"},
		{pdate("90 hours before", "", ""), TimexDuration, "PT90H"},
		{pdate("a year earlier", "", ""), TimexDate, ""},
		{pdate("the next day", "", ""), TimexDate, ""},
		{pdate("every quarter", "P3M", extract.GranularitySet), TimexSet, "P1Q"},
		{pdate("the past two quarters", "P6M", extract.GranularityDuration), TimexDuration, "P2Q"},
		{pdate("quarterly", "P3M", extract.GranularitySet), TimexSet, "P3M"},
		{pdate("six months", "P6M", extract.GranularityDuration), TimexDuration, "P6M"},
		{pdate("centuries", "PXCE", extract.GranularityDuration), TimexDuration, "PXC"},
		{pdate("decades", "PXDE", extract.GranularityDuration), TimexDuration, "PXE"},
		{pdate("two millennia", "P2ML", extract.GranularityDuration), TimexDuration, "P2L"},
		{pdate("about a decade", "P10Y", extract.GranularityDuration), TimexDuration, "P10Y"},
		{pdate("midnight Friday", "1989-10-28T00:00", extract.GranularityTime), TimexTime, "1989-10-27T24"},
		{pdate("midnight", "2000-03-01T00:00", extract.GranularityTime), TimexTime, "2000-02-29T24"},
		{pdate("00:00", "2019-07-12T00:00", extract.GranularityTime), TimexTime, "2019-07-12T00:00"},
		{pdate("noon Friday", "1989-10-27T12:00", extract.GranularityTime), TimexTime, "1989-10-27T12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.d.Text, func(t *testing.T) {
			t.Parallel()
			typ, v := TimexOf(tt.d)
			if typ != tt.typ || v != tt.wantValue {
				t.Errorf("TimexOf = %s %q, want %s %q", typ, v, tt.typ, tt.wantValue)
			}
		})
	}
}

// TestScoreTimeMLCancelled checks that a cancelled context stops scoring.
func TestScoreTimeMLCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := ScoreTimeML(ctx, []*TimeMLDoc{readFixture(t, "nodct.tml")}, &dateTagger{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestTimexFor checks the span TimeML gives a Byline date: a length
// followed by a signal word loses the word and becomes a DURATION.
func TestTimexFor(t *testing.T) {
	t.Parallel()
	at := func(d extract.Date, start int) extract.Date {
		d.Start, d.End = start, start+len(d.Text)
		return d
	}
	tests := []struct {
		d                extract.Date
		text, typ, value string
	}{
		{at(pdate("three weeks later", "", ""), 7), "three weeks", TimexDuration, "P3W"},
		{at(pdate("two days after", "", ""), 0), "two days", TimexDuration, "P2D"},
		{at(pdate("13 days after", "", ""), 3), "13 days", TimexDuration, "P13D"},
		{at(pdate("less than an hour after", "", ""), 3), "less than an hour", TimexDuration, "PT1H"},
		{at(pdate("a minute and a half later", "", ""), 3), "a minute and a half", TimexDuration, "PT1M30S"},
		{at(pdate("over an hour later", "", ""), 3), "over an hour", TimexDuration, "PT1H"},
		{at(pdate("two quarters later", "", ""), 3), "two quarters", TimexDuration, "P2Q"},
		{at(pdate("a decade later", "", ""), 3), "a decade", TimexDuration, "P1E"},
		{at(pdate("two centuries after", "", ""), 3), "two centuries", TimexDuration, "P200Y"}, // extract's own reading
		{at(pdate("a few weeks beforehand", "", ""), 3), "a few weeks", TimexDuration, "PXW"},
		// Resolved by Byline against a date just named: TimeML still
		// annotates the length.
		{at(pdate("four days later", "2019-07-16", extract.GranularityDay), 3), "four days", TimexDuration, "P4D"},
		// No length stated: the span loses the signal word, the value
		// stays empty.
		{at(pdate("weeks before", "", ""), 3), "weeks", TimexDate, ""},
		// Not a length: unchanged.
		{at(pdate("the day before", "", ""), 3), "the day before", TimexDate, ""},
		{at(pdate("a day earlier", "", ""), 3), "a day earlier", TimexDate, ""},
		{at(pdate("a year earlier", "2018", extract.GranularityYear), 3), "a year earlier", TimexDate, "2018"},
		{at(pdate("two years ago", "2017", extract.GranularityYear), 3), "two years ago", TimexDate, "2017"},
		{at(pdate("Monday", "2019-07-08", extract.GranularityDay), 3), "Monday", TimexDate, "2019-07-08"},
	}
	for _, tt := range tests {
		t.Run(tt.d.Text, func(t *testing.T) {
			t.Parallel()
			x := TimexFor(tt.d)
			if x.Text != tt.text || x.Start != tt.d.Start || x.End != tt.d.Start+len(tt.text) || x.Type != tt.typ || x.Value != tt.value {
				t.Errorf("TimexFor = %+v, want %q at %d, %s %q", x, tt.text, tt.d.Start, tt.typ, tt.value)
			}
		})
	}
}

// TestSameValue checks which notations of one value compare equal, in
// both directions, and that different values stay different.
func TestSameValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		same bool
	}{
		{"2000-W7", "2000-W07", true},
		{"2000-W7-WE", "2000-W07-WE", true},
		{"2000-W7", "2000-W70", false},
		{"2000-W7", "2000-W05", false},
		{"198X", "198", true},
		{"19XX", "19", true},
		{"198X", "1980", false}, // a decade, not its first year
		{"19XX", "199", false},  // a century, not one of its decades
		{"198X", "199X", false},
		{"1949-XX", "1949", true},
		{"1998-XX-XX", "1998", true},
		{"1998-10-XX", "1998-10", true},
		{"1998-10-XX", "1998-W43", false}, // a resolved week is more
		{"1998-XX", "1998-10", false},
		{"1998-WXX", "1998", false},
		{"XXXX-XX", "XXXX", false},
		{"1989-11-06T17", "1989-11-06T17:00", true},
		{"1989-11-06T17", "1989-11-06T17:30", false},
		{"1989-11-06T17", "1989-11-07T17:00", false},
		{"P1E", "P10Y", true},
		{"P2L", "P2000Y", true},
		{"P1C", "P100Y", true},
		{"P9M", "P3Q", true},
		{"P1Y", "P12M", true},
		{"P1D", "PT24H", true},
		{"P2W", "P14D", true},
		{"PT1H", "PT60M", true},
		{"PT90S", "PT1M30S", false}, // only lengths in one unit are rewritten
		{"P1M", "PT1M", false},      // a month is not a minute
		{"P1M", "P4W", false},       // nor four weeks
		{"P1D", "P1W", false},
		{"PXE", "PXY", false}, // some decades are not some years
		{"PXM", "PTXM", false},
		{"P1Y", "1999", false},
		{"2019-07-12", "2019-07-12", true},
		{"", "", true},
		{"PRESENT_REF", "PAST_REF", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+" "+tt.b, func(t *testing.T) {
			t.Parallel()
			if got := sameValue(tt.a, tt.b); got != tt.same {
				t.Errorf("sameValue(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
			}
			if got := sameValue(tt.b, tt.a); got != tt.same {
				t.Errorf("sameValue(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.same)
			}
		})
	}
}

// TestSameSpan checks that spans compare equal with or without a final
// full stop, and otherwise only when equal.
func TestSameSpan(t *testing.T) {
	t.Parallel()
	const text = "The ferry leaves at 10 p.m. The vote is next week. It was Friday's."
	span := func(s string) Timex {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return Timex{Text: s, Start: i, End: i + len(s)}
	}
	tests := []struct {
		g, p string
		same bool
	}{
		{"10 p.m.", "10 p.m.", true},
		{"10 p.m", "10 p.m.", true},
		{"next week.", "next week", true},
		{"next week", "next week", true},
		{"next week", "week", false},
		{"10 p.m", "10 p", false},
		{"Friday", "Friday's", false},
		{"Friday's.", "Friday's", true},
	}
	for _, tt := range tests {
		t.Run(tt.g+"|"+tt.p, func(t *testing.T) {
			t.Parallel()
			g, p := span(tt.g), span(tt.p)
			if got := sameSpan(text, g, p); got != tt.same {
				t.Errorf("sameSpan(%q, %q) = %v, want %v", tt.g, tt.p, got, tt.same)
			}
			if got := sameSpan(text, p, g); got != tt.same {
				t.Errorf("sameSpan(%q, %q) = %v, want %v", tt.p, tt.g, got, tt.same)
			}
		})
	}
}

// TestScoreTimeMLNotation scores Byline-style predictions on
// notation.tml, whose gold writes every value and span in another of
// TimeML's notations: all of them match strictly and by value.
func TestScoreTimeMLNotation(t *testing.T) {
	t.Parallel()
	doc := readFixture(t, "notation.tml")
	tagger := &dateTagger{dates: []extract.Date{
		pdate("this week", "2000-W07", extract.GranularityWeek),
		pdate("1980s", "198", extract.GranularityDecade),
		pdate("1921", "1921", extract.GranularityYear),
		pdate("20th century", "19", extract.GranularityCentury),
		pdate("about a decade", "P10Y", extract.GranularityDuration),
		pdate("three days after", "", ""),
		pdate("10 p.m.", "2000-02-17T22:00", extract.GranularityTime),
		pdate("next week", "2000-W08", extract.GranularityWeek),
	}}
	r, err := ScoreTimeML(t.Context(), []*TimeMLDoc{doc}, tagger)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"timex_strict.f1", "timex_value.f1", "timex_type.accuracy"} {
		if v, ok, err := r.Metric(name); err != nil || !ok || v != 1 {
			t.Errorf("%s = %v (defined %v, err %v), want 1", name, v, ok, err)
		}
	}
	for _, it := range r.Items {
		t.Errorf("item %s %s %q: want %q got %q", it.Metric, it.Kind, it.Text, it.Want, it.Got)
	}
}
