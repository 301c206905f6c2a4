package dates

import (
	"testing"
)

// TestFindDatesSets covers recurrences (TIMEX3 SET) and the look-alikes
// that must not become one. Invented sentences, resolved against friday
// (Friday 12 July 2019); a recurrence does not depend on it.
func TestFindDatesSets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The council meets every week in the town hall.", []string{"every week=P1W/set"}},
		{"Bins are emptied every other week.", []string{"every other week=P2W/set"}},
		{"The census is held every ten years.", []string{"every ten years=P10Y/set"}},
		{"Fares rise each year.", []string{"each year=P1Y/set"}},
		{"The ferry leaves each Thursday at dawn.", []string{"each Thursday=XXXX-WXX-4/set"}},
		{"Marchers parade each July through the town.", []string{"each July=XXXX-07/set"}},
		{"Inmates get three meals a day.", []string{"a day=P1D/set"}},
		{"The fund pays $3 million a year to the charity.", []string{"a year=P1Y/set"}},
		{"Rents rose 4% a year.", []string{"a year=P1Y/set"}},
		{"Fans bought 40,000 DVDs a year.", []string{"a year=P1Y/set"}},
		{"She trains twice a week.", []string{"a week=P1W/set"}},
		{"The pass costs £20 per month.", []string{"per month=P1M/set"}},
		{"The magazine is published weekly.", []string{"weekly=P1W/set"}},
		{"Interest is paid annually to holders.", []string{"annually=P1Y/set"}},
		{"The club opens on Mondays.", []string{"Mondays=XXXX-WXX-1/set"}},
		{"Flights leave on Tuesday nights.", []string{"Tuesday nights=XXXX-WXX-2TNI/set"}},

		// Look-alikes: a point or a length, an adjective, a title.
		{"The strike began a day after the vote.", []string{"a day after=nil/nil"}},
		{"Officers arrived a week later.", []string{"a week later=nil/nil"}},
		{"Prices were higher a year ago.", []string{"a year ago=2018/year"}},
		{"It is a day of mourning.", []string{}},
		{"He took a week off.", []string{}},
		{"She writes for a weekly newspaper.", []string{}},
		{"The weekly meeting was cancelled.", []string{}},
		{"He edits Publishers Weekly in New York.", []string{}},
		{"The Daily Mail ran the story.", []string{}},
		{"The Communist Party daily Granma ran the speech.", []string{}},
		{"The Berlin daily Junge Welt reported the raid.", []string{}}, // "Junge" is no June
		{"Officials in Havana briefed reporters daily.", []string{"daily=P1D/set"}},
		{"The band Happy Mondays played.", []string{}},
		{"Sales rose to $9m from $7m a year earlier.", []string{"a year earlier=2018/year"}},
		{"Each day brings new problems.", []string{"Each day=P1D/set"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}
