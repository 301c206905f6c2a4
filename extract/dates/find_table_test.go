package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract/internal/growth"
)

// TestFindDatesTable checks one sentence per case against the expressions
// Find must find in it, each as "text=value/granularity", resolved
// against friday (Friday 12 July 2019, ISO week 28). The sentences are
// invented; none is taken from the seed articles.
func TestFindDatesTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		// Weekdays by tense and position.
		{"The mayor announced on Wednesday that the pier will close.", []string{"Wednesday=2019-07-10/day"}},
		{"The delegation will fly on Monday to Oslo.", []string{"Monday=2019-07-15/day"}},
		{"Voters go to the polls on Friday.", []string{"Friday=2019-07-12/day"}},
		{"The inquiry is due to report on Tuesday.", []string{"Tuesday=2019-07-16/day"}},
		{"The vote is on Thursday, officials confirmed.", []string{"Thursday=2019-07-18/day"}},
		{"Police said a man was stabbed on Saturday night.", []string{"Saturday night=2019-07-06TNI/part_of_day"}},
		{"She resigned last Tuesday after a row.", []string{"last Tuesday=2019-07-09/day"}},
		{"The fair opens next Sunday.", []string{"next Sunday=2019-07-14/day"}},
		{"He was sentenced on Monday morning.", []string{"Monday morning=2019-07-08TMO/part_of_day"}},
		{"Talks begin on Wednesday in Geneva.", []string{"Wednesday=2019-07-17/day"}},

		// Deictic days, parts of days and PRESENT_REF.
		{"The minister quit today.", []string{"today=2019-07-12/day"}},
		{"Rail staff strike tonight.", []string{"tonight=2019-07-12TNI/part_of_day"}},
		{"Flights were cancelled yesterday.", []string{"yesterday=2019-07-11/day"}},
		{"Earlier today the council met.", []string{"Earlier today=2019-07-12/day"}},
		{"Markets fell this morning.", []string{"this morning=2019-07-12TMO/part_of_day"}},
		{"Shares will rally tomorrow, analysts say.", []string{"tomorrow=2019-07-13/day"}},
		{"The road is now closed.", []string{"now=PRESENT_REF/reference"}},
		{"He currently lives in Leeds.", []string{"currently=PRESENT_REF/reference"}},
		{"She recently moved to Cardiff.", []string{"recently=PAST_REF/reference"}},
		{"Such storms will be common in the future.", []string{"the future=FUTURE_REF/reference"}},
		{"Fighting broke out last night.", []string{"last night=2019-07-11TNI/part_of_day"}},

		// Weeks, weekends, months, years relative to the publication date.
		{"Prices rose last week.", []string{"last week=2019-W27/week"}},
		{"The report lands this week.", []string{"this week=2019-W28/week"}},
		{"Ministers meet next week.", []string{"next week=2019-W29/week"}},
		{"Floods hit the town last weekend.", []string{"last weekend=2019-W27-WE/weekend"}},
		{"The festival returns this weekend.", []string{"this weekend=2019-W28-WE/weekend"}},
		{"Crowds gathered over the weekend.", []string{"the weekend=2019-W27-WE/weekend"}},
		{"Inflation eased last month.", []string{"last month=2019-06/month"}},
		{"The law changes next month.", []string{"next month=2019-08/month"}},
		{"Profits doubled last year.", []string{"last year=2018/year"}},
		{"The plant closes next year.", []string{"next year=2020/year"}},
		{"The bridge shut two weeks ago.", []string{"two weeks ago=2019-W26/week"}},
		{"The firm was sold five years ago.", []string{"five years ago=2014/year"}},

		// Absolute dates, UK and US order.
		{"The trial opened on 4 December 2017.", []string{"4 December 2017=2017-12-04/day"}},
		{"Ballots were counted on July 10, 2019.", []string{"July 10, 2019=2019-07-10/day"}},
		{"The record is dated 2017-12-04.", []string{"2017-12-04=2017-12-04/day"}},
		{"The deed was signed on 25/12/2016.", []string{"25/12/2016=2016-12-25/day"}},
		{"The invoice is dated 12/25/2016.", []string{"12/25/2016=2016-12-25/day"}},
		{"Both copies say 05/05/2015.", []string{"05/05/2015=2015-05-05/day"}},
		{"The form was filed on 10/07/2019.", []string{"10/07/2019=nil/nil"}},
		{"It was stamped 2018/03/09 in Tokyo.", []string{"2018/03/09=2018-03-09/day"}},
		{"The vote was held on Thursday, 8 June 2017.", []string{"Thursday, 8 June 2017=2017-06-08/day"}},
		{"The 3rd of May 2010 was wet.", []string{"3rd of May 2010=2010-05-03/day"}},
		{"The deal was done in August 2016.", []string{"August 2016=2016-08/month"}},
		{"The ship sank on Sept. 9, 2011.", []string{"Sept. 9, 2011=2011-09-09/day"}},

		// Years, months, seasons, decades, centuries, quarters, holidays.
		{"The club was founded in 2008.", []string{"2008=2008/year"}},
		{"Rents have risen since 1999.", []string{"1999=1999/year"}},
		{"The tax was raised last June.", []string{"last June=2018-06/month"}}, // the month just ended is "last month"
		{"The tax was raised last August.", []string{"last August=2018-08/month"}},
		{"Sales have slumped since March.", []string{"March=2019-03/month"}},
		{"The scheme ended in November.", []string{"November=2018-11/month"}},
		{"The scheme will end in November.", []string{"November=2019-11/month"}},
		{"Work starts in September.", []string{"September=2019-09/month"}},
		{"Tourism boomed in summer 2018.", []string{"summer 2018=2018-SU/season"}},
		{"The pipeline opens this summer.", []string{"this summer=2019-SU/season"}},
		{"The drought began last winter.", []string{"last winter=2018-WI/season"}},
		{"Elections are due next spring.", []string{"next spring=2020-SP/season"}},
		{"The merger closes this fall.", []string{"this fall=2019-FA/season"}},
		{"The law was passed in the autumn of 2015.", []string{"autumn of 2015=2015-FA/season"}},
		{"Crime fell in the 1990s.", []string{"the 1990s=199/decade"}},
		{"Their sound recalls the '80s.", []string{"the '80s=198/decade"}},
		{"The 2000s were a boom decade.", []string{"The 2000s=200/decade"}},
		{"The mill dates from the 1800s.", []string{"the 1800s=18/century"}},
		{"The town grew in the 19th century.", []string{"the 19th century=18/century"}},
		{"Growth slowed in the first quarter of 2019.", []string{"the first quarter of 2019=2019-Q1/quarter"}},
		{"Shops were shut on Christmas Day.", []string{"Christmas Day=2018-12-25/day"}},
		{"The works finish before Christmas.", []string{"Christmas=2019-12-25/day"}},
		{"The service ran on Good Friday.", []string{"Good Friday=2019-04-19/day"}},
		{"Trains stopped at Easter 2016.", []string{"Easter 2016=2016-03-27/day"}},
		{"Fireworks lit up New Year's Eve.", []string{"New Year's Eve=2018-12-31/day"}},

		// Years beside yearless dates.
		{"Last year August 8 was the hottest day.", []string{"Last year=2018/year", "August 8=2018-08-08/day"}},
		{"The fire began on August 8 last year.", []string{"August 8 last year=2018-08-08/day"}},
		{"In 2016, on 4 March, the mine flooded.", []string{"2016=2016/year", "4 March=2016-03-04/day"}},
		{"The strike ran from 4 March to 9 May 2015.", []string{"4 March=2015-03-04/day", "9 May 2015=2015-05-09/day"}},

		// Ranges are two expressions.
		{"He ran the firm from 2001 to 2009.", []string{"2001=2001/year", "2009=2009/year"}},
		{"She chaired it between 1995 and 1998.", []string{"1995=1995/year", "1998=1998/year"}},
		{"The war of 1939–1945 is remembered.", []string{"1939=1939/year", "1945=1945/year"}},

		// Clock times.
		{"The train left at 09:02.", []string{"09:02=2019-07-12T09:02/time"}},
		{"The polls close at 4pm.", []string{"4pm=2019-07-12T16:00/time"}},
		// A clock time followed by its day is one expression, as in TimeML.
		{"The talk starts at 8.30am tomorrow.", []string{"8.30am tomorrow=2019-07-13T08:30/time"}},
		{"The talk will start at 8.30am on Monday.", []string{"8.30am=2019-07-15T08:30/time", "Monday=2019-07-15/day"}},
		{"The result is expected at 21:00 GMT.", []string{"21:00 GMT=2019-07-12T21:00/time"}},
		{"The alarm went off at midnight on Tuesday.", []string{"midnight=2019-07-10T00:00/time", "Tuesday=2019-07-09/day"}},
		{"On 4 December 2017, 09:02, the statement came.", []string{"4 December 2017=2017-12-04/day", "09:02=2017-12-04T09:02/time"}},

		// Durations and expressions relative to an event.
		{"He was jailed for three years.", []string{"three years=P3Y/duration"}},
		{"The talks lasted for 18 months.", []string{"18 months=P18M/duration"}},
		{"They waited for nearly two hours.", []string{"nearly two hours=PT2H/duration"}},
		{"Unions called a 24-hour strike.", []string{"24-hour=PT24H/duration"}},
		{"Prices rose over the past few weeks.", []string{"the past few weeks=PXW/duration"}},
		{"The firm has grown in the past week.", []string{"the past week=P1W/duration"}},
		{"She was freed two days later.", []string{"two days later=nil/nil"}},
		{"He quit days after the vote.", []string{"days after=nil/nil"}},
		{"The pair married the following year.", []string{"the following year=nil/nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestFindDatesTraps lists look-alikes that must not be dates.
func TestFindDatesTraps(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"Theresa May told MPs the deal was done.",
		"Mrs May and Mr May met in Downing Street.",
		"Protesters march to the square and march back.",
		"He told the Sun the plan was finished.",
		"The story ran in the Mail on Sunday first.",
		"She edits the Sunday Times magazine.",
		"He is a columnist for the Independent on Sunday.",
		"Call the helpline on 0800 789321 for help.",
		"Ring 020 7946 0018 or 07700 900123 now-ish.",
		"The victims, aged 20, 24 and 31, were named.",
		"A 24-year-old man was arrested.",
		"The suspect is 20 years old.",
		"She is in her 30s and he is in his early 40s.",
		"The club paid £3m for the striker.",
		"The sale raised $2019 and €1,500.",
		"She arrived at 10 Downing Street by car.",
		"United won 3-1 and then 2:1 away.",
		"Section 2019 of the code applies.",
		"COVID-19 cases rose in the ward.",
		"A Boeing 737 landed safely.",
		"The 1,000 people were evacuated.",
		"Shares could fall sharply, traders warned.",
		"Spring water is sold in the shop.",
		"She met April Jones and June Sarpong.",
		"He spoke to June Sarpong about the show.",
		"Bloody Sunday is remembered in Derry.",
		"She told the Today programme it was wrong.",
		"The Christmas tree was lit in the square.",
		"The Easter Rising shaped the country.",
		"Chinese New Year celebrations drew crowds.",
		"The Summer Olympics drew huge crowds.",
		"The firm is now-defunct, reports say.",
		"Temperatures were in the 90s all afternoon.",
		"The score stood at 10/10 after the round.",
		"He needs 24/7 care.",
		"The model 2020 budget lists 1999 items.",
		"Flight BA2490 left from gate 12.",
		"Version 1.2.3 was released.",
	} {
		t.Run(text, func(t *testing.T) {
			t.Parallel()
			if got := Find(text, friday); len(got) != 0 {
				t.Errorf("Find(%q) = %q, want nothing", text, dateStrings(got))
			}
		})
	}
}

func TestFindDatesBoundsAndOffsets(t *testing.T) {
	t.Parallel()
	str := func(p *string) string {
		if p == nil {
			return "nil"
		}
		return *p
	}
	tests := []struct {
		text                   string
		pub                    time.Time
		begin, through, offset string
	}{
		{"It fell last week.", friday, "2019-07-01", "2019-07-07", "nil"},
		{"It fell last weekend.", friday, "2019-07-06", "2019-07-07", "nil"},
		{"It fell in July 2019.", friday, "2019-07-01", "2019-07-31", "nil"},
		{"It fell in February 2020.", friday, "2020-02-01", "2020-02-29", "nil"},
		{"It fell in 2008.", friday, "2008-01-01", "2008-12-31", "nil"},
		{"It fell in the 1990s.", friday, "1990-01-01", "1999-12-31", "nil"},
		{"It fell in winter 2018.", friday, "2018-12-01", "2019-02-28", "nil"},
		{"It fell on 4 December 2017.", friday, "2017-12-04", "2017-12-04", "nil"},
		{"It closes at 21:00 GMT.", friday, "2019-07-12T21:00:00Z", "2019-07-12T21:00:00Z", "nil"},
		{"It closes at 9pm BST.", friday, "2019-07-12T21:00:00+01:00", "2019-07-12T21:00:00+01:00", "nil"},
		{"It closes at 9pm.", friday, "2019-07-12", "2019-07-12", "nil"},
		{"He was jailed for three years.", friday, "nil", "nil", "nil"},
		{"It fell yesterday.", time.Time{}, "nil", "nil", "-P1D"},
		{"It fell today.", time.Time{}, "nil", "nil", "P0D"},
		{"It falls next week.", time.Time{}, "nil", "nil", "P1W"},
		{"It fell last year.", time.Time{}, "nil", "nil", "-P1Y"},
		{"It fell three months ago.", time.Time{}, "nil", "nil", "-P3M"},
		{"It fell on Monday.", time.Time{}, "nil", "nil", "nil"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := Find(tt.text, tt.pub)
			if len(got) != 1 {
				t.Fatalf("Find(%q) = %q, want one date", tt.text, dateStrings(got))
			}
			d := got[0]
			if str(d.Begin) != tt.begin || str(d.Through) != tt.through || str(d.Offset) != tt.offset {
				t.Errorf("%q: begin %s through %s offset %s, want %s %s %s", d.Text,
					str(d.Begin), str(d.Through), str(d.Offset), tt.begin, tt.through, tt.offset)
			}
			if tt.pub.IsZero() && d.Value != nil && *d.Granularity != GranularityDuration {
				t.Errorf("%q resolved to %s without a publication date", d.Text, *d.Value)
			}
		})
	}
}

func TestFindDatesOrderOption(t *testing.T) {
	t.Parallel()
	text := "The form was filed on 10/07/2019."
	for _, tt := range []struct {
		opt  Option
		want string
	}{
		{WithOrder(DayFirst), "2019-07-10"},
		{WithOrder(MonthFirst), "2019-10-07"},
	} {
		got := Find(text, friday, tt.opt)
		if len(got) != 1 || got[0].Value == nil || *got[0].Value != tt.want {
			t.Errorf("Find(%q) = %q, want %s", text, dateStrings(got), tt.want)
		}
	}
	// An impossible reading is never taken, whatever the order says.
	if got := Find("Filed 25/12/2016.", friday, WithOrder(MonthFirst)); len(got) != 1 || *got[0].Value != "2016-12-25" {
		t.Errorf("25/12/2016 with MonthFirst = %q", dateStrings(got))
	}
}

// TestFindDatesWorkIsLinear checks that Find's work grows linearly with
// its input. The inputs are built to provoke rescanning: long sentences
// full of triggers and clock times without a full stop, expressions that
// look back for an antecedent or an anchor, digits, capitalised words.
// Work is measured as allocated bytes (see package growth), not time,
// which flakes under load; BenchmarkFindDatesPathological measures the
// time.
func TestFindDatesWorkIsLinear(t *testing.T) {
	for _, u := range pathologicalDates {
		growth.Linear(t, fmt.Sprintf("%.40q", u), 20, func(n int) func() {
			text := strings.Repeat(u, n)
			return func() { Find(text, friday) }
		})
	}
}

// pathologicalDates are units that, repeated, make inputs a date finder
// that rescans per candidate or per sentence would take quadratic time on.
var pathologicalDates = []string{
	"on Monday at 1pm and 2pm and 3pm and 4pm and 5pm and 6pm, ",
	"May May May the the the 1990s 2019 2019 in in 4 4 December ",
	"for three years for a few for several weeks days after days after ",
	strings.Repeat(" ", 300) + "Wednesday" + strings.Repeat(" ", 300) + "9am ",
	"Christmas Christmas Easter summer summer last last next now now ",
	"in July for the month, the week's a day every week twice a year weekly nineteen ninety ",
	"that day, the same day, until then, at the time, the previous Friday, a year earlier, the quarter, the 1988 period, ",
	"at 10 p.m. the quarter ended July 31 last year's quarter the quarter a year ago late November the end of the month ",
	"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 ",
	"12/12/2019 2019-07-12 10/07/2019 1,000 0800 789321 ",
	"Ana Ruiz Bank Of England The Mail On Sunday Theresa May April Jones ",
	"since in the the same day, ",
}

// BenchmarkFindDatesPathological times Find on the pathological inputs,
// 5,000 units (50 to 3,000 KB) each:
// go test -run='^$' -bench=Pathological ./extract/dates
func BenchmarkFindDatesPathological(b *testing.B) {
	for _, u := range pathologicalDates {
		text := strings.Repeat(u, 5000)
		b.Run(fmt.Sprintf("%.20q", strings.TrimSpace(u)), func(b *testing.B) {
			for b.Loop() {
				Find(text, friday)
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/article")
			b.ReportMetric(float64(len(text))*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
		})
	}
}

func TestFindDatesMore(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, want string }{
		{"The board meets on 31 October, as planned and committed.", "31 October=2019-10-31/day"},
		{"Rules were discussed this past weekend.", "this past weekend=2019-W27-WE/weekend"},
		{"Talks have dragged on for years.", "years=PXY/duration"},
	} {
		if got := dateStrings(Find(tt.text, friday)); len(got) != 1 || got[0] != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindDatesSentenceOpeners(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, want string }{
		{"With Sunday's win, the league was decided.", "Sunday=2019-07-07/day"},
		{"The nominee won this past May.", "this past May=2019-05/month"},
	} {
		if got := dateStrings(Find(tt.text, friday)); len(got) != 1 || got[0] != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := Find("She walked past May and waved.", friday); len(got) != 0 {
		t.Errorf("walked past May: %q", dateStrings(got))
	}
}
