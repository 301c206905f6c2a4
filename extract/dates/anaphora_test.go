package dates

import (
	"testing"
	"time"
)

// lateOctober is a publication date after the summer: Wednesday 30
// October 2019, ISO week 44.
var lateOctober = time.Date(2019, 10, 30, 9, 0, 0, 0, time.UTC)

func TestFindDatesAnaphora(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		pub  time.Time
		want []string
	}{
		// Year ends, the current year, the latest fiscal year.
		{"by year-end", "The merger should close by year-end.", friday, []string{"year-end=2019/year"}},
		{"since year end", "Shares have gained 12% since year end.", friday, []string{"year end=2018/year"}},
		{"around year's end", "The deal is expected to close around year's end.", friday, []string{"around year's end=2019/year"}},
		{"the current year", "Output will rise 3% in the current year.", friday, []string{"the current year=2019/year"}},
		{"the latest fiscal year", "Sales reached $2 billion in the latest fiscal year.", friday, []string{"the latest fiscal year=2018/year"}},
		{"the full year", "Sales for the full year were $6 billion.", friday, []string{"the full year=2019/year"}},
		{"high for the year", "The stock hit a high for the year of $42 in June.", friday, []string{"the year=2019/year", "June=2019-06/month"}},
		{"earlier in the year", "Shipments were delayed earlier in the year by floods.", friday, []string{"the year=2019/year"}},
		{"the latest nine months", "Revenue rose 3% in the latest nine months.", friday, []string{"the latest nine months=P9M/duration"}},

		// Seasons.
		{"this past spring", "Demand slowed this past spring.", lateOctober, []string{"this past spring=2019-SP/season"}},
		{"the early summer", "Prices fell from the highs of the early summer.", lateOctober, []string{"the early summer=2019-SU/season"}},

		// Parts of a day: the day named before, else the day of a report.
		{"by mid afternoon", "By mid afternoon, the rebels had withdrawn.", friday, []string{"mid afternoon=2019-07-12TAF/part_of_day"}},
		{"in the morning after a weekday", "The exchange reopened on Tuesday. Buyers were active in the morning, and prices rose.", friday,
			[]string{"Tuesday=2019-07-09/day", "the morning=2019-07-09TMO/part_of_day"}},
		{"later in the day after a weekday", "The minister arrived on Monday and left later in the day.", friday,
			[]string{"Monday=2019-07-08/day", "the day=2019-07-08/day"}},

		// Anaphors take the value of the date just named.
		{"that year", "Imports rose to $3 billion in 2016, and exports fell that year.", friday, []string{"2016=2016/year", "that year=2016/year"}},
		{"that month", "The firm was founded in March 2011. Later that month it hired ten staff.", friday,
			[]string{"March 2011=2011-03/month", "that month=2011-03/month"}},
		{"until then", "The offer runs until November 30, 2019. Until then, the shares stay suspended.", friday,
			[]string{"November 30, 2019=2019-11-30/day", "then=2019-11-30/day"}},
		{"by then", "He resigned in 2004. By then he had sold his stake.", friday, []string{"2004=2004/year", "then=2004/year"}},
		{"at the time", "She visited Rome in 2015. At the time, the city was on strike.", friday, []string{"2015=2015/year", "the time=2015/year"}},
		{"that quarter", "The company cut 900 jobs in the second quarter of 2018. Results for that quarter included a charge.", friday,
			[]string{"the second quarter of 2018=2018-Q2/quarter", "that quarter=2018-Q2/quarter"}},
		{"the quarter after a quarter", "Profit fell in the second quarter of 2017. During the quarter, it sold two plants.", friday,
			[]string{"the second quarter of 2017=2017-Q2/quarter", "the quarter=2017-Q2/quarter"}},
		{"the 2017 period", "Profit rose in the third quarter of 2018. In the 2017 period, it lost $3m.", friday,
			[]string{"the third quarter of 2018=2018-Q3/quarter", "the 2017 period=2017-Q3/quarter"}},
		{"the 2017 period without a quarter", "Profit rose in the six months. In the 2017 period, it lost $3m.", friday,
			[]string{"the six months=P6M/duration", "2017=2017/year"}},
		{"the quarter ended", "In the quarter ended July 31, revenue rose.", friday, []string{"the quarter=2019-Q2/quarter", "July 31=2019-07-31/day"}},
		{"the quarter ended after a fiscal quarter", "Profit rose in the fiscal second quarter of 2018. Sales in the quarter ended Sept. 30, 2018, rose.", friday,
			[]string{"the fiscal second quarter of 2018=2018-Q2/quarter", "the quarter=2018-Q2/quarter", "Sept. 30, 2018=2018-09-30/day"}},
		{"the quarter alone", "Revenue rose 4% during the quarter.", friday, []string{"the quarter=2019-Q2/quarter"}},

		{"during that time", "She has led the firm for eight years, and during that time profit doubled.", friday,
			[]string{"eight years=P8Y/duration", "that time=P8Y/duration"}},
		{"clock time on that day", "The airport closed on Tuesday and reopened later that day at 2 p.m.", friday,
			[]string{"Tuesday=2019-07-09/day", "that day=2019-07-09/day", "2 p.m.=2019-07-09T14:00/time"}},

		{"appositive day", "The index fell on October 12, 2018, the day before the vote.", friday,
			[]string{"October 12, 2018=2018-10-12/day", "the day=2018-10-12/day"}},

		{"the same month last year", "Sales rose 9% in March 2019 over the same month last year.", friday,
			[]string{"March 2019=2019-03/month", "the same month last year=2018-03/month"}},

		// No antecedent, or not a time: silent.
		{"late morning on a weekday", "He had not been charged by late morning on Friday.", friday, []string{"Friday=2019-07-12/day"}},
		{"that time when", "In 2001 he was jailed, and during that time when guards beat him he wrote.", friday, []string{"2001=2001/year"}},
		{"the morning attack", "On Monday a bridge was destroyed by the morning attack.", friday, []string{"Monday=2019-07-08/day"}},
		{"the same day as a relative head", "On Monday the party met on the same day Smith resigned.", friday, []string{"Monday=2019-07-08/day"}},
		{"the day before alone", "He left the day before the vote.", friday, []string{}},
		{"subject after a date", "On Friday, the day of reckoning came.", friday, []string{"Friday=2019-07-12/day"}},
		{"then-president", "The medal was awarded in 1980 by then-president Carter.", friday, []string{"1980=1980/year"}},
		{"during that time after a vague length", "In 2019 I was offline for a few hours, and during that time the server failed.", friday,
			[]string{"2019=2019/year", "a few hours=PTXH/duration"}},
		{"habit in the morning", "He jogs in the morning.", friday, []string{}},
		{"generic that day", "Traders lose money on trades made that day.", friday, []string{}},
		{"at the time as a conjunction", "At the time he was arrested, he was unarmed.", friday, []string{}},
		{"the night relative", "On Monday, tapes from the night the plane crashed were released.", friday, []string{"Monday=2019-07-08/day"}},
		{"appositive same day", "She spoke on October 14, 2019, the same day the Queen opened parliament.", friday, []string{"October 14, 2019=2019-10-14/day"}},
		{"by then-chairman", "In 2004 the board, led by then chairman John Smith, resigned.", friday, []string{"2004=2004/year"}},
		{"year-end adjective", "Profits at year-end levels were flat.", friday, []string{}},
		{"for the year before", "He worked there for the year before the merger.", friday, []string{}},
		{"quarter-to-quarter", "The quarter-to-quarter comparison was hurt by discounts.", friday, []string{}},
		{"midnight ends the day named (AP style)", "The alarm went off at midnight on Tuesday.", friday, []string{"midnight=2019-07-10T00:00/time", "Tuesday=2019-07-09/day"}},
		{"beginning is not an inning", "The unit was beginning to recover during the quarter.", friday, []string{"the quarter=2019-Q2/quarter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
		})
	}
}

// TestFindDatesAnaphoraUnknownPublication checks that without a
// publication date an anaphor still takes an explicit antecedent, and a
// period resolved against the publication date stays unresolved.
func TestFindDatesAnaphoraUnknownPublication(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"that year", "Imports rose in 2016, and exports fell that year.", []string{"2016=2016/year", "that year=2016/year"}},
		{"by year-end", "The merger should close by year-end.", []string{"year-end=nil/nil"}},
		{"the quarter", "Revenue rose 4% during the quarter.", []string{"the quarter=nil/nil"}},
		{"in the morning", "He jogs in the morning.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, time.Time{}, tt.want)
		})
	}
}
