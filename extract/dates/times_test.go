package dates

import (
	"strings"
	"testing"
)

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
