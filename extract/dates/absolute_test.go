package dates

import (
	"testing"
	"time"
)

// TestFindDatesLongAgoAndLists covers the expressions of longAgo,
// listedYears and quotedToday: decades and centuries back, the
// current century, lists of years, a year a series dates to, and "Today"
// after TeX-style quotes as wire copy writes them. Invented sentences,
// resolved against friday (Friday 12 July 2019).
func TestFindDatesLongAgoAndLists(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The mill closed a decade ago.", []string{"a decade ago=2009/year"}},
		{"Two decades ago, the valley was farmland.", []string{"Two decades ago=1999/year"}},
		{"The canal was dug more than a century ago.", []string{"more than a century ago=1919/year"}},
		{"The party took power nearly four decades ago in a coup.", []string{"nearly four decades ago=1979/year"}},
		{"It was the worst flood of this century.", []string{"this century=20/century"}},
		{"Its roots lie in the last century.", []string{"last century=19/century"}},
		{"Floods hit the valley in 2001, 2007 and 2012.", []string{"2001=2001/year", "2007=2007/year", "2012=2012/year"}},
		{"Prices peaked in 1998, 1999, 2003 or 2004.", []string{"1998=1998/year", "1999=1999/year", "2003=2003/year", "2004=2004/year"}},
		{"In 2004, 1500 homes flooded and 200 more burned.", []string{"2004=2004/year"}},
		{"Since 2001, 2000 and 2010 workers have left.", []string{"2001=2001/year"}},
		{"The feud between the families dates back to 1987.", []string{"1987=1987/year"}},
		{"A string of thefts dating to 2015 remains unsolved.", []string{"2015=2015/year"}},
		{"``Today we start again,'' the coach said.", []string{"Today=2019-07-12/day"}},
		{"He writes for USA Today.", []string{}},
		{"Polls close on Election Day.", []string{"Election Day=2019-11-05/day"}},
		{"Turnout on Election Day 2016 was high.", []string{"Election Day 2016=2016-11-08/day"}},
		// A second day of the same month.
		{"The court sits on October 14 and 15.", []string{"October 14=2019-10-14/day", "15=2019-10-15/day"}},
		{"Talks are set for Aug. 2 or 3 in Geneva.", []string{"Aug. 2=2019-08-02/day", "3=2019-08-03/day"}},
		{"By October 14 and 15 volunteers had come.", []string{"October 14=2018-10-14/day"}},
		// A second month.
		{"Parliament sits for parts of September and October.", []string{"September=2019-09/month", "October=2019-10/month"}},
		{"Sales slumped in December and January.", []string{"December=2018-12/month", "January=2019-01/month"}},
		{"She thanked March and June Sarpong.", []string{}},
		// An hour with its part of the day.
		{"The convoy leaves at 4 in the morning.", []string{"4 in the morning=2019-07-12T04:00/time"}},
		{"Doors close at 9 o'clock in the evening.", []string{"9 o'clock in the evening=2019-07-12T21:00/time"}},
		{"She scored 4 in the morning session.", []string{}},
		// A month modifying a noun, by tense.
		{"Police reopened the files on the March robbery.", []string{"March=2019-03/month"}},
		{"Voters will decide in the November referendum.", []string{"November=2019-11/month"}},
		{"The March to the sea began at dawn.", []string{}},
		// "early", "late", "mid" belong to the span they modify.
		{"The ferry docked in late November.", []string{"late November=2018-11/month"}},
		{"The plant opens early next year.", []string{"early next year=2020/year"}},
		{"Output peaked in mid-2016.", []string{"mid-2016=2016/year"}},
		{"Late Monday, the jury returned.", []string{"Late Monday=2019-07-08/day"}},
		{"Staff were told early this week.", []string{"early this week=2019-W28/week"}},
		{"He booked the late-March flight.", []string{"late-March=2019-03/month"}},
		{"It was too late today to call.", []string{"today=2019-07-12/day"}},
		{"They met early Friday morning.", []string{"Friday morning=2019-07-12TMO/part_of_day"}},
		{"The lease runs to the end of November.", []string{"the end of November=2019-11/month"}},
		{"Staff leave at the beginning of October.", []string{"the beginning of October=2019-10/month"}},
		{"The shop closes by the end of the month.", []string{"the end of the month=2019-07/month"}},
		{"The vote is due by the end of this week.", []string{"the end of this week=2019-W28/week"}},
		// Time words that are not times.
		{"The vote was high noon for the coalition.", []string{}},
		{"She starred in a remake of High Noon.", []string{}},
		{"At the end of the day, the choice is hers.", []string{}},
		{"Guards watch the gate 24 hours a day.", []string{}},
		{"The shop is open seven days a week.", []string{}},
		{"Nurses work 12 hours a day.", []string{"12 hours=PT12H/duration", "a day=P1D/set"}},
		{"The talks resume at noon.", []string{"noon=2019-07-12T12:00/time"}},
		{"The notice ran in today's editions.", []string{"today=2019-07-12/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestFindDatesLongAgoUnknownPub checks that without a publication date
// the expressions are still found, with no value.
func TestFindDatesLongAgoUnknownPub(t *testing.T) {
	t.Parallel()
	got := Find("The mill closed a decade ago, early this century.", time.Time{})
	if len(got) != 2 {
		t.Fatalf("got %d dates, want 2: %+v", len(got), got)
	}
	if got[0].Offset == nil || *got[0].Offset != "-P10Y" {
		t.Errorf("a decade ago: offset %v, want -P10Y", got[0].Offset)
	}
}
