package dates

import (
	"strings"
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

// TestFindDatesClockDays covers the day a clock time takes. Invented
// sentences, resolved against friday (Friday 12 July 2019).
func TestFindDatesClockDays(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		// The day after an aside that gives the time elsewhere.
		{"The quake struck at 11:20 a.m. (0920 GMT) Wednesday, officials said.",
			[]string{"11:20 a.m.=2019-07-10T11:20/time", "Wednesday=2019-07-10/day"}},
		// An hour of a part of the day is a clock time.
		{"The ferry left at 6 in the morning.", []string{"6 in the morning=2019-07-12T06:00/time"}},
		{"The bars close at 11 at night.", []string{"11 at night=2019-07-12T23:00/time"}},
		{"The bars close at 3 in the afternoon.", []string{"3 in the afternoon=2019-07-12T15:00/time"}},
		{"The vote ended 3 in the evening session.", []string{}},
		{"Trading runs until 9 in the evening.", []string{"9 in the evening=2019-07-12T21:00/time"}},
		{"The alarm went off at 3 in the night.", []string{"3 in the night=2019-07-12T03:00/time"}},
		// An hour its part of the day cannot hold is no clock time.
		{"They met at 9 in the afternoon.", []string{}},
		{"They met at 1 in the evening.", []string{}},
		// A day named a sentence before still anchors a bare clock time.
		{"The minister will fly to Rome on Monday. She will land at 9 a.m., her office said.",
			[]string{"Monday=2019-07-15/day", "9 a.m.=2019-07-15T09:00/time"}},
		// Far from any day, the publication day.
		{"The minister flew to Rome on Monday. " + strings.Repeat("Talks covered trade and fishing rights. ", 10) +
			"The office opens at 9 a.m.",
			[]string{"Monday=2019-07-08/day", "9 a.m.=2019-07-12T09:00/time"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestFindDatesMonthTense covers the tense that places a month without a
// year. Invented sentences, resolved against friday (Friday 12 July 2019).
func TestFindDatesMonthTense(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		// "is a suspect" describes; the past verb before it decides.
		{"Police confirmed that the driver is a suspect in crashes that injured cyclists in November in Leeds.",
			[]string{"November=2018-11/month"}},
		{"The summit is in November.", []string{"November=2019-11/month"}},
		// An abbreviation does not end the sentence, and the verb of a
		// long fronted phrase still counts.
		{"In December, three weeks after the ruling in the case of Smith vs. Jones before the Supreme Court of the state, a bomb in Mobile, Ala., destroyed a clinic.",
			[]string{"December=2018-12/month", "three weeks after=nil/nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestFindDatesPastModals covers modals and plan verbs in the past: a
// negated "could" is the past of "can", "planned to" a plan whose day has
// gone by. Invented sentences, resolved against friday (Friday 12 July
// 2019).
func TestFindDatesPastModals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The minister could not be reached for comment Wednesday.", []string{"Wednesday=2019-07-10/day"}},
		{"The minister couldn't be reached Wednesday.", []string{"Wednesday=2019-07-10/day"}},
		{"Neither the mayor nor her deputy could be found Wednesday.", []string{"Wednesday=2019-07-10/day"}},
		{"The talks could resume Wednesday.", []string{"Wednesday=2019-07-17/day"}},
		{"On Tuesday, the ministry planned to pay the first claims.", []string{"Tuesday=2019-07-09/day"}},
		{"The ministry plans to pay the first claims on Tuesday.", []string{"Tuesday=2019-07-16/day"}},
		{"The ministry said it planned to pay the first claims on Tuesday.", []string{"Tuesday=2019-07-16/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
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
