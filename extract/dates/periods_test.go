package dates

import (
	"testing"
	"time"
)

// TestFindDatesPeriods covers the business periods of periods.go, with
// invented sentences in the style of business and wire news, resolved against
// friday (Friday 12 July 2019, third quarter) or january (Wednesday 15
// January 2020, first quarter).
func TestFindDatesPeriods(t *testing.T) {
	t.Parallel()
	january := time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		pub  time.Time
		want []string
	}{
		// Quarters: by the publication quarter and tense.
		{"The brewer's second-quarter profit fell 4%.", friday, []string{"second-quarter=2019-Q2/quarter"}},
		{"The chain blamed its second-quarter loss on rain.", friday, []string{"second-quarter=2019-Q2/quarter"}},
		{"Analysts said the fiscal first-quarter results were weak.", friday, []string{"fiscal first-quarter=2019-Q1/quarter"}},
		{"Sales in the fourth quarter rose sharply.", january, []string{"the fourth quarter=2019-Q4/quarter"}},
		{"Sales in the fourth quarter will rise.", friday, []string{"the fourth quarter=2019-Q4/quarter"}},
		{"Net income for the quarter fell to $3m.", friday, []string{"the quarter=2019-Q2/quarter"}},
		{"Analysts expected the bank to earn $1 a share for the quarter.", friday, []string{"the quarter=2019-Q2/quarter"}},
		{"The chain expects to break even for the quarter.", time.Date(2019, 9, 20, 0, 0, 0, 0, time.UTC), []string{"the quarter=2019-Q3/quarter"}},
		{"Profit in the latest quarter doubled.", january, []string{"the latest quarter=2019-Q4/quarter"}},
		{"Revenue in the year-ago quarter was lower.", friday, []string{"the year-ago quarter=2018-Q2/quarter"}},
		{"It expects a loss in next year's first quarter.", friday, []string{"next year's first quarter=2020-Q1/quarter"}},
		{"The plant shut in the third quarter of 2017.", friday, []string{"the third quarter of 2017=2017-Q3/quarter"}},
		{"Output slowed in the first half of 2018.", friday, []string{"the first half of 2018=2018-H1/quarter"}},
		// Fiscal years, business periods, a year earlier.
		{"In fiscal 2018, the chain earned $40m.", friday, []string{"fiscal 2018=2018/year"}},
		{"Results for the fiscal year were flat.", friday, []string{"the fiscal year=2019/year"}},
		{"For the nine months, net rose 6%.", friday, []string{"the nine months=P9M/duration"}},
		{"Third-quarter sales rose to $9m from $7m a year earlier.", friday, []string{"Third-quarter=2019-Q3/quarter", "a year earlier=2018-Q3/quarter"}},
		{"Third-quarter net was $2m, against $1m a year ago.", friday, []string{"Third-quarter=2019-Q3/quarter", "a year ago=2018-Q3/quarter"}},
		{"Prices peaked in March 2016 and fell a year earlier.", friday, []string{"March 2016=2016-03/month", "a year earlier=2015-03/month"}},
		{"The club was founded a year ago.", friday, []string{"a year ago=2018/year"}},
		{"Net income rose to $4m, compared with $3m a year earlier.", friday, []string{"a year earlier=2018/year"}},
		{"The bridge had opened a year earlier.", friday, []string{"a year earlier=nil/nil"}},
		// The period next to the one last named.
		{"He became a colonel in 1995, and the following year he moved to Paris.", friday, []string{"1995=1995/year", "the following year=1996/year"}},
		{"The plant closed in March 2016. The following month, the union sued.", friday, []string{"March 2016=2016-03/month", "The following month=2016-04/month"}},
		{"The vote was held on 4 May 2018; on the previous day rallies filled the square.", friday, []string{"4 May 2018=2018-05-04/day", "the previous day=2018-05-03/day"}},
		{"He took office in 2010. The following month he resigned.", friday, []string{"2010=2010/year", "The following month=nil/nil"}},
		// Years as modifiers.
		{"The 1990 invasion ended in weeks.", friday, []string{"1990=1990/year"}},
		{"She ran his unsuccessful 2012 campaign.", friday, []string{"2012=2012/year"}},
		{"It was among the great events of the past century.", friday, []string{}},
		{"The disastrous 1987 crash wiped out savings.", friday, []string{"1987=1987/year"}},
		{"The remaining 1500 shares were sold.", friday, []string{}},
		{"The estimated 2000 residents fled.", friday, []string{}},
		{"The company's 2016 results were restated.", friday, []string{"2016=2016/year"}},
		{"Analysts expect growth to continue into 2020.", friday, []string{"2020=2020/year"}},
		// References.
		{"Crime has fallen in recent years.", friday, []string{"recent years=PXY/duration"}},
		{"Sales slowed in recent quarters.", friday, []string{"recent quarters=PXM/duration"}},
		// A length as an adjective without its hyphen.
		{"Stocks hit a five year low.", friday, []string{"five year=P5Y/duration"}},
		{"Supporters began the two day rally.", friday, []string{"two day=P2D/duration"}},
		{"He has a two year old son.", friday, []string{}},
		{"Investors worry about the future.", friday, []string{"the future=FUTURE_REF/reference"}},
		{"Hiring should slow in coming months.", friday, []string{"coming months=FUTURE_REF/reference"}},
		{"The share rose from 35 percent several years ago.", friday, []string{"several years ago=PAST_REF/reference"}},
		{"A few months ago the mill shut.", friday, []string{"A few months ago=PAST_REF/reference"}},
		{"Two years ago the mill shut.", friday, []string{"Two years ago=2017/year"}},
		{"Rates may fall over the coming weeks.", friday, []string{"the coming weeks=FUTURE_REF/reference"}},
		{"The credit will cut taxes in future quarters.", friday, []string{"future quarters=FUTURE_REF/reference"}},
		{"Margins will suffer in the near term, the chief said.", friday, []string{"the near term=FUTURE_REF/reference"}},
		{"Banks cut lending in the short term debt market.", friday, []string{}},
		{"The fund holds short-term notes and long-term bonds.", friday, []string{}},
		// A clock time and its day as one expression.
		{"Talks broke off at noon Thursday.", friday, []string{"noon Thursday=2019-07-11T12:00/time"}},
		{"The bid expires at 5 p.m. Friday.", friday, []string{"5 p.m. Friday=2019-07-12T17:00/time"}},

		// The current period named by "the".
		{"Net income rose 9% for the year.", friday, []string{"the year=2019/year"}},
		{"For the year ended March 31, the chain earned $40m.", friday, []string{"the year=P1Y/duration", "March 31=2019-03-31/day"}},
		{"Revenue rose 4% in the year ended March 31.", friday, []string{"the year=P1Y/duration", "March 31=2019-03-31/day"}},
		{"He was elected in the year his son was born.", friday, []string{}},
		{"The minister arrived in Leeds later in the day.", friday, []string{"the day=2019-07-12/day"}},
		{"For the week, the index fell 2%.", friday, []string{"the week=2019-W28/week"}},
		{"Volume was the week's highest.", friday, []string{"the week=2019-W28/week"}},
		{"It aims to cut costs by the end of the year.", friday, []string{"the end of the year=2019/year"}},
		{"The fair opened in May. At the end of the month, it closed.", friday, []string{"May=2019-05/month", "the end of the month=2019-05/month"}},

		// In a quarterly report, "the latest period" and "year-earlier"
		// results are quarters.
		{"Third-quarter sales rose. Sales in the latest period were $2m.", january, []string{"Third-quarter=2019-Q3/quarter", "the latest period=2019-Q4/quarter"}},
		{"Quarter net rose, compared with a year-earlier loss.", january, []string{"year-earlier=2018-Q4/quarter"}},
		{"In the year-ago period, the company earned $4m in the quarter.", january, []string{"the year-ago period=2018-Q4/quarter", "the quarter=2019-Q4/quarter"}},
		{"The year-earlier figures were restated.", friday, []string{"year-earlier=2018/year"}},

		// Look-alikes that must stay silent.
		{"Sales in the latest period rose.", friday, []string{}},
		{"It was the day of the final.", friday, []string{}},
		{"She was named player of the year.", friday, []string{}},
		{"He remembers the day he left.", friday, []string{}},
		{"The week ahead looks busy.", friday, []string{}},
		{"The team scored twice in the third quarter of the game.", friday, []string{}},
		{"They led at halftime and scored in the second half of the match.", friday, []string{}},
		{"The 2000 workers and its 1500 staff voted.", friday, []string{}},
		{"A quarter of voters said they were unsure.", friday, []string{}},
		{"Its 2019 employees in Ohio were laid off.", friday, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
		})
	}
}
