package dates

import (
	"strings"
	"testing"
	"time"
)

// TestFindDatesAnchors covers the reference-time rules of anchors.go
// and the months next to the publication month in yearOf. Invented
// sentences, resolved against friday (Friday 12 July 2019), august
// (Thursday 15 August 2019) or march (Sunday 1 March 2020).
func TestFindDatesAnchors(t *testing.T) {
	t.Parallel()
	august := time.Date(2019, 8, 15, 0, 0, 0, 0, time.UTC)
	march := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		pub  time.Time
		want []string
	}{
		// "the previous Friday" counts from the day the text last named.
		{"The index fell 2% on Wednesday, its worst day since the previous Friday.", friday,
			[]string{"Wednesday=2019-07-10/day", "the previous Friday=2019-07-05/day"}},
		{"Shares closed on Friday at 310p. That was 4% above the previous Friday.", august,
			[]string{"Friday=2019-08-09/day", "the previous Friday=2019-08-02/day"}},
		{"On Aug. 6 the board met; the preceding Monday it had fired the chief.", august,
			[]string{"Aug. 6=2019-08-06/day", "the preceding Monday=2019-08-05/day"}},
		// With no day named before it, the publication day is the reference.
		{"Shares closed down 2% from the previous Tuesday.", friday, []string{"the previous Tuesday=2019-07-09/day"}},
		// "last Friday" stays deictic.
		{"The board met on Monday. The chief had quit last Friday.", august,
			[]string{"Monday=2019-08-12/day", "last Friday=2019-08-09/day"}},

		// A part of a day before the day.
		{"Shares were up 3% at mid-afternoon yesterday.", friday, []string{"mid-afternoon yesterday=2019-07-11TAF/part_of_day"}},
		{"The storm hit in the late evening Tuesday.", friday, []string{"late evening Tuesday=2019-07-09TEV/part_of_day"}},
		{"Talks resume early morning tomorrow.", friday, []string{"early morning tomorrow=2019-07-13TMO/part_of_day"}},

		// Midnight belongs to the day that is ending.
		{"The offer expires at midnight Friday.", august, []string{"midnight Friday=2019-08-17T00:00/time"}},
		{"The strike starts Sunday at midnight.", august,
			[]string{"Sunday=2019-08-18/day", "midnight=2019-08-19T00:00/time"}},
		{"Polls close at midnight, officials said.", august, []string{"midnight=2019-08-15T00:00/time"}},

		// A season with a spoken year.
		{"Prices fell to the level of the winter of nineteen ninety-four.", friday,
			[]string{"winter of nineteen ninety-four=1994-WI/season"}},
		{"It was the summer of nineteen sixty-nine.", friday, []string{"summer of nineteen sixty-nine=1969-SU/season"}},

		// The month right after the publication month is the coming one,
		// even under a past reporting verb; the month right before it is
		// the one just past, even under a plan.
		{"The ministry said it told refiners of a 10% cut in September.", august, []string{"September=2019-09/month"}},
		{"Exports rose 4% in July, figures will show.", august, []string{"July=2019-07/month"}},
		{"The company said it sold the unit in April.", august, []string{"April=2019-04/month"}},
		{"The company will open the plant in April.", august, []string{"April=2020-04/month"}},

		// Earnings periods read against the quarter last named.
		{"Profit rose to $5m in the third quarter from $3m in the quarter a year ago.", august,
			[]string{"the third quarter=2019-Q3/quarter", "the quarter a year ago=2018-Q3/quarter"}},
		{"Sales in the second quarter were flat with the same quarter last year.", august,
			[]string{"the second quarter=2019-Q2/quarter", "the same quarter last year=2018-Q2/quarter"}},
		{"Sales rose in the first quarter. Exports for last year's quarter were $2m.", august,
			[]string{"the first quarter=2019-Q1/quarter", "last year's quarter=2018-Q1/quarter"}},
		{"Exports for last year's third quarter were $2m.", august, []string{"last year's third quarter=2018-Q3/quarter"}},
		{"Net fell in the second quarter. In the 2018 quarter, it earned $4m.", august,
			[]string{"the second quarter=2019-Q2/quarter", "the 2018 quarter=2018-Q2/quarter"}},
		{"Net fell in the second quarter, against $4m for the corresponding period last year.", august,
			[]string{"the second quarter=2019-Q2/quarter", "the corresponding period last year=2018-Q2/quarter"}},
		// After a length the period is that length: the year stays.
		{"Net fell in the second quarter. In the first nine months, it was $9m against $7m in the 2018 period.", august,
			[]string{"the second quarter=2019-Q2/quarter", "the first nine months=P9M/duration", "2018=2018/year"}},
		// With no quarter named, a year stays a year.
		{"In the 2018 period, the firm earned $4m.", august, []string{"2018=2018/year"}},

		// "A year earlier" opening a sentence shifts the period the story
		// reports, even a few paragraphs on; a long comparison of figures
		// is the year before publication.
		{"The mill lost $3m in the second quarter. " + strings.Repeat("The firm cited costs and interest. ", 20) +
			"A year earlier, it earned $2m.", august,
			[]string{"the second quarter=2019-Q2/quarter", "A year earlier=2018-Q2/quarter"}},
		{"For the nine months, losses totaled $212 million, or $10.83 a share, compared with net income of $48.7 million, or $1.11 a share, a year earlier.", august,
			[]string{"the nine months=P9M/duration", "a year earlier=2018/year"}},
		{"The mill lost $3m in the second quarter. " + strings.Repeat("The firm cited costs and interest. ", 20) +
			"It had earned $2m a year earlier.", august,
			[]string{"the second quarter=2019-Q2/quarter", "a year earlier=nil/nil"}},

		// "last" before the month just ended reaches back a year.
		{"Two helicopters crashed last February.", march, []string{"last February=2019-02/month"}},
		{"The firm was sold last January.", march, []string{"last January=2020-01/month"}},
		{"The firm was sold last March.", march, []string{"last March=2019-03/month"}},
		{"The firm was sold last December.", time.Date(2020, 1, 20, 0, 0, 0, 0, time.UTC), []string{"last December=2019-12/month"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
		})
	}
}

// TestFindDatesDayFrames covers a day framed by the words before it:
// "the week of" a day is its ISO week, "the day before" a day is the day
// before it. Invented sentences, resolved against friday (Friday 12 July
// 2019).
func TestFindDatesDayFrames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The trial opens the week of Sept. 9, the clerk said.", []string{"the week of Sept. 9=2019-W37/week"}},
		{"The day before last Monday's vote, the mayor resigned.", []string{"The day before last Monday=2019-07-07/day"}},
		{"Rioting broke out the day after June 30.", []string{"the day after June 30=2019-07-01/day"}},
		// Without the frame, the day stays.
		{"The trial opened on Sept. 9 last year.", []string{"Sept. 9 last year=2018-09-09/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}
