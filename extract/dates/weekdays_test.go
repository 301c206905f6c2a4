package dates

import (
	"testing"
	"time"
)

// TestFindDatesWeekdayTense covers the tense cues that place a bare
// weekday before or after the publication day. Invented sentences,
// resolved against friday (Friday 12 July 2019) or monday (Monday 15 July
// 2019).
func TestFindDatesWeekdayTense(t *testing.T) {
	t.Parallel()
	monday := time.Date(2019, 7, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		pub  time.Time
		want []string
	}{
		// "next to" is a place, not the next week.
		{"Twelve people have died in the fire next to the station on Wednesday.", friday,
			[]string{"Wednesday=2019-07-10/day"}},
		// A finite verb right after the weekday is the clause's own.
		{"Ahead of the summit, the ministry on Sunday issued a travel warning.", monday,
			[]string{"Sunday=2019-07-14/day"}},
		{"A concert planned for Thursday was called off after threats.", friday,
			[]string{"Thursday=2019-07-11/day"}},
		{"Ahead of the summit, the ministry on Thursday will issue a travel warning.", monday,
			[]string{"Thursday=2019-07-18/day"}},
		// "until" takes the tense of a past clause after it.
		{"Until Wednesday, the police had not named a suspect.", friday,
			[]string{"Wednesday=2019-07-10/day"}},
		{"The road stays closed until Wednesday.", friday, []string{"Wednesday=2019-07-17/day"}},
		// A possessive weekday names an event: a modal of the clause does
		// not move it into the future; "will" still does.
		{"The union said it would try to overturn Wednesday's ruling.", friday,
			[]string{"Wednesday=2019-07-10/day"}},
		{"The mayor will speak at Wednesday's ceremony.", friday, []string{"Wednesday=2019-07-17/day"}},
		// An irregular past verb is past.
		{"The storm tore through the harbour Tuesday night, the coastguard could not say why.", friday,
			[]string{"Tuesday night=2019-07-09TNI/part_of_day"}},
		// "planning" is a plan.
		{"Farmers were planning to block the motorway on Monday.", friday, []string{"Monday=2019-07-15/day"}},
		// A participle after "is" leaves the tense to the words before it.
		{"The appeal is heard on Tuesday in the high court.", friday, []string{"Tuesday=2019-07-16/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
		})
	}
}

// TestFindDatesVerbAfterWeekday covers the verb right after a weekday, and
// the participle that is not one. Invented sentences, resolved against
// friday (Friday 12 July 2019).
func TestFindDatesVerbAfterWeekday(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"Leaders will attend a summit on Tuesday hosted by France.", []string{"Tuesday=2019-07-16/day"}},
		{"The firm said it will respond after the board on Monday approved the sale.", []string{"Monday=2019-07-08/day"}},
		{"Talks Tuesday ended without a deal.", []string{"Tuesday=2019-07-09/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}
