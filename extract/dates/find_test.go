package dates

import (
	"fmt"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract/internal/testnews"
)

// friday is the publication date the relative cases are resolved against:
// Friday 12 July 2019, ISO week 28.
var friday = time.Date(2019, 7, 12, 16, 30, 0, 0, time.UTC)

// dateStrings renders dates as "text=value/granularity" for comparison.
func dateStrings(ds []Date) []string {
	out := []string{}
	for _, d := range ds {
		v, g := "nil", "nil"
		if d.Value != nil {
			v = *d.Value
		}
		if d.Granularity != nil {
			g = *d.Granularity
		}
		out = append(out, d.Text+"="+v+"/"+g)
	}
	return out
}

// expectDates checks that Find finds exactly want (as dateStrings
// renders them) in text published at pub, with sound offsets and bounds.
func expectDates(t *testing.T, text string, pub time.Time, want []string) {
	t.Helper()
	got := Find(text, pub)
	if g := dateStrings(got); !reflect.DeepEqual(g, want) {
		t.Errorf("Find(%q)\n got %q\nwant %q", text, g, want)
	}
	checkDates(t, text, got)
}

func TestFindDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		pub  time.Time
		want []string
	}{
		// Absolute dates.
		{"day month year", "The ferry sank on 14 March 2016 off the coast.", friday,
			[]string{"14 March 2016=2016-03-14/day"}},
		{"month day comma year", "Voting closed on October 3, 2021, at dusk.", friday,
			[]string{"October 3, 2021=2021-10-03/day"}},
		{"ordinal of month", "It opened on the 21st of June 2005.", friday,
			[]string{"21st of June 2005=2005-06-21/day"}},
		{"iso", "The filing is dated 2018-02-28 in the register.", friday,
			[]string{"2018-02-28=2018-02-28/day"}},
		{"invalid iso day", "Ticket 2018-02-30 was void.", friday, []string{}},
		{"month year", "Talks collapsed in August 2020 and resumed later.", friday,
			[]string{"August 2020=2020-08/month"}},
		{"abbreviated month", "Filed on Sept. 9, 2011 by the firm.", friday,
			[]string{"Sept. 9, 2011=2011-09-09/day"}},
		{"year in context", "The bridge was built in 1964 and repaired since 2003.", friday,
			[]string{"1964=1964/year", "2003=2003/year"}},
		{"year range", "She led the club between 2001 and 2006, then 2008-2010.", friday,
			[]string{"2001=2001/year", "2006=2006/year", "2008=2008/year", "2010=2010/year"}},
		{"weekday with date", "Results came on Tuesday, 3 May 2022 at last.", friday,
			[]string{"Tuesday, 3 May 2022=2022-05-03/day"}},
		{"day month takes nearest year", "The vote on 9 July was close.", friday,
			[]string{"9 July=2019-07-09/day"}},
		{"day month across new year", "Fireworks on 30 December lit the sky.", time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC),
			[]string{"30 December=2019-12-30/day"}},
		{"date and clock", "Posted 6 November 2018, 14:45 by the desk.", friday,
			[]string{"6 November 2018=2018-11-06/day", "14:45=2018-11-06T14:45/time"}},
		{"date at pm", "Doors open on 2 August 2019 at 7.15pm sharp.", friday,
			[]string{"2 August 2019=2019-08-02/day", "7.15pm=2019-08-02T19:15/time"}},
		{"bare clock", "The alarm sounded at 3am near the dock.", friday,
			[]string{"3am=2019-07-12T03:00/time"}},
		{"weekday at time", "Firefighters arrived on Thursday at 11pm.", friday,
			[]string{"Thursday=2019-07-11/day", "11pm=2019-07-11T23:00/time"}},

		// Relative to the publication date.
		{"today", "The minister resigned today.", friday, []string{"today=2019-07-12/day"}},
		{"yesterday tomorrow", "It rained yesterday and will clear tomorrow.", friday,
			[]string{"yesterday=2019-07-11/day", "tomorrow=2019-07-13/day"}},
		{"tonight", "The band plays tonight in the park.", friday,
			[]string{"tonight=2019-07-12TNI/part_of_day"}},
		{"this morning", "Traders were nervous this morning.", friday,
			[]string{"this morning=2019-07-12TMO/part_of_day"}},
		{"last night", "Two men were arrested last night.", friday,
			[]string{"last night=2019-07-11TNI/part_of_day"}},
		{"yesterday afternoon", "Crowds gathered yesterday afternoon.", friday,
			[]string{"yesterday afternoon=2019-07-11TAF/part_of_day"}},
		{"earlier today", "The council confirmed earlier today that rents rise.", friday,
			[]string{"earlier today=2019-07-12/day"}},
		{"weekday past", "The mayor announced on Wednesday that the bridge shuts.", friday,
			[]string{"Wednesday=2019-07-10/day"}},
		{"weekday future", "The delegation will fly on Monday to Oslo.", friday,
			[]string{"Monday=2019-07-15/day"}},
		{"weekday same day", "The court sits on Friday.", friday, []string{"Friday=2019-07-12/day"}},
		{"weekday no tense defaults past", "Storm damage on Tuesday: roofs gone.", friday,
			[]string{"Tuesday=2019-07-09/day"}},
		{"last weekday", "The shop closed last Friday.", friday, []string{"last Friday=2019-07-05/day"}},
		{"next weekday", "Polls open next Thursday.", friday, []string{"next Thursday=2019-07-18/day"}},
		{"weekday night", "Fans queued on Sunday night for tickets.", friday,
			[]string{"Sunday night=2019-07-07TNI/part_of_day"}},
		{"weeks", "Sales fell last week, rise this week and peak next week.", friday,
			[]string{"last week=2019-W27/week", "this week=2019-W28/week", "next week=2019-W29/week"}},
		{"weekend", "Thousands marched over the weekend.", friday,
			[]string{"the weekend=2019-W27-WE/weekend"}},
		{"next weekend", "The fair returns next weekend.", friday,
			[]string{"next weekend=2019-W29-WE/weekend"}},
		{"months and years", "Prices rose last month, and this year and next year too.", friday,
			[]string{"last month=2019-06/month", "this year=2019/year", "next year=2020/year"}},
		{"earlier this year", "Earlier this year the plant closed.", friday,
			[]string{"Earlier this year=2019/year"}},
		{"last june", "The deal was signed last June.", friday, []string{"last June=2018-06/month"}},
		{"last august", "The deal was signed last August.", friday, []string{"last August=2018-08/month"}},
		{"in month", "The law takes effect in September.", friday, []string{"September=2019-09/month"}},
		{"ago", "The mine shut three years ago and reopened two weeks ago.", friday,
			[]string{"three years ago=2016/year", "two weeks ago=2019-W26/week"}},

		// Unknown publication date: relative values stay nil.
		{"unknown published relative", "He left yesterday and returns on Monday.", time.Time{},
			[]string{"yesterday=nil/nil", "Monday=nil/nil"}},
		{"unknown published day month", "The vote on 9 July was close.", time.Time{},
			[]string{"9 July=nil/nil"}},
		{"unknown published absolute", "Filed on 14 March 2016.", time.Time{},
			[]string{"14 March 2016=2016-03-14/day"}},

		// Traps.
		{"may as surname", "Theresa May said the talks would go on.", friday, []string{}},
		{"may as modal", "Officials may march on the square; May we ask why?", friday, []string{}},
		{"may month after mrs may", "Mrs May spoke in May about the deal.", friday, []string{}},
		{"may with day still a date", "Mrs May spoke on 3 May 2017.", friday, []string{"3 May 2017=2017-05-03/day"}},
		{"march verb", "Protesters march to the palace and will march again.", friday, []string{}},
		{"newspaper mail on sunday", "The leak was published by the Mail on Sunday.", friday, []string{}},
		{"newspaper sunday times", "He wrote for the Sunday Times until he retired.", friday, []string{}},
		{"the sun", "He told the Sun the plan was dead.", friday, []string{}},
		{"phone number", "Call the helpline on 0800 789321 for advice.", friday, []string{}},
		{"ages", "The victims, aged 20, 24 and 31, were named.", friday, []string{}},
		{"money", "The club paid £3m and $2019 in fees.", friday, []string{}},
		{"street number", "She arrived at 10 Downing Street by car.", friday, []string{}},
		{"thousands", "Over 1,000 people and 2,019 cars were counted.", friday, []string{}},
		// A year modifying a noun is a date, as TimeML has it ("the 1990
		// invasion"); a year-like count before a plural is not.
		{"year as modifier, count", "The 2020 budget had 1999 line items.", friday, []string{"2020=2020/year"}},
		{"count after a determiner", "The 2000 workers and its 1500 staff met.", friday, []string{}},
		{"holiday names", "Bloody Sunday is remembered each year.", friday, []string{"each year=P1Y/set"}},
		{"today programme", "She told the BBC's Today programme it was unfair.", friday, []string{}},
		{"score", "They won 3:1 after extra time.", friday, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
		})
	}
}

// checkDates checks the properties every Find result has.
func checkDates(t *testing.T, text string, ds []Date) {
	t.Helper()
	prev := 0
	for _, d := range ds {
		if d.Start < prev || d.End <= d.Start || d.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %d bytes", d.Start, d.End, prev, len(text))
		}
		if text[d.Start:d.End] != d.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", d.Text, d.Start, d.End, text[d.Start:d.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(d.Text) {
			t.Fatalf("Text %q is not valid UTF-8", d.Text)
		}
		if (d.Value == nil) != (d.Granularity == nil) {
			t.Fatalf("%q: Value and Granularity must be nil together", d.Text)
		}
		if (d.Begin == nil) != (d.Through == nil) || d.Begin != nil && d.Value == nil {
			t.Fatalf("%q: Begin and Through must be set together, and only with a Value", d.Text)
		}
		if d.Begin != nil {
			b, errB := parseBound(*d.Begin)
			e, errE := parseBound(*d.Through)
			if errB != nil || errE != nil || e.Before(b) {
				t.Fatalf("%q: bad interval %s..%s (%v, %v)", d.Text, *d.Begin, *d.Through, errB, errE)
			}
		}
		if d.Offset != nil && d.Value != nil {
			t.Fatalf("%q: Offset %s with a Value", d.Text, *d.Offset)
		}
		prev = d.End
	}
}

// parseBound parses a Begin or Through: an RFC 3339 full date or instant.
func parseBound(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func TestFindDatesNeverUsesToday(t *testing.T) {
	t.Parallel()
	text := "Today, tonight and this week; last year, on Monday, next June, 4 May."
	for _, d := range Find(text, time.Time{}) {
		if d.Value != nil {
			t.Errorf("%q resolved to %q without a publication date", d.Text, *d.Value)
		}
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"4 December 2017, 09:02", "on Wednesday", "last June and next week", "in 2008",
		"Theresa May", "the Mail on Sunday", "0800 789321", "£3m", "1,000", "2019-07-12T9:",
		"December 31, 1999 at 12am", "May 2019", "three weeks ago", "Friday, 31 February 2020",
	} {
		f.Add(s, int64(1562949000))
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		pub := time.Time{}
		if unix != 0 {
			pub = time.Unix(unix%(1<<40), 0).UTC()
		}
		got := Find(text, pub)
		checkDates(t, text, got)
		if again := Find(text, pub); !reflect.DeepEqual(dateStrings(got), dateStrings(again)) {
			t.Fatalf("not deterministic: %q vs %q", dateStrings(got), dateStrings(again))
		}
	})
}

func ExampleFind() {
	published := time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC) // a Friday
	text := "The envoy resigned on Wednesday and a successor will be named next week."
	for _, d := range Find(text, published) {
		fmt.Println(d.Text, *d.Value, *d.Granularity)
	}
	// Output:
	// Wednesday 2019-07-10 day
	// next week 2019-W29 week
}

func BenchmarkFindDates(b *testing.B) {
	arts := testnews.Bench(b)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Find(a.Text, a.Published)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N*len(arts)), "ms/article")
}

func TestOrderFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang string
		want Order
	}{
		{"en-US", MonthFirst},
		{"en_US", MonthFirst},
		{"EN-us", MonthFirst},
		{"en-Latn-US", MonthFirst},
		{"en-GB", DayFirst},
		{"en-AU", DayFirst},
		{"en-IE", DayFirst},
		{"en-NZ", DayFirst},
		{"en-IN", DayFirst},
		{"fr", DayFirst},
		{"fr-CA", DayFirst},
		{"de-DE", DayFirst},
		{"es-MX", DayFirst},
		{"en", OrderUnknown},
		{"en-CA", OrderUnknown},
		{"zh-CN", OrderUnknown},
		{"ja", OrderUnknown},
		{"", OrderUnknown},
		{"x-klingon", OrderUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			t.Parallel()
			if got := OrderFor(tt.lang); got != tt.want {
				t.Errorf("OrderFor(%q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}
