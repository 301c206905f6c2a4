package dates

import "testing"

// TestFindDatesDurations covers the durations of durations.go and
// the look-alikes that must stay out. Invented sentences, resolved against
// friday (Friday 12 July 2019).
func TestFindDatesDurations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Counts with no preposition before them.
		{"count after a verb", "The crew spent six days in orbit.", []string{"six days=P6D/duration"}},
		{"count of", "The island ended 150 years of colonial rule.", []string{"150 years=P150Y/duration"}},
		{"count after the", "The three days of talks ended badly.", []string{"three days=P3D/duration"}},
		{"only is not in the span", "She led the club for only eight months.", []string{"eight months=P8M/duration"}},
		{"just is not in the span", "The vote is in just a few minutes.", []string{"a few minutes=PTXM/duration"}},
		{"a half", "The families lived in tents for 3 1/2 years.", []string{"3 1/2 years=P3Y6M/duration"}},
		{"and a half", "The fire burned for an hour and a half.", []string{"an hour and a half=PT1H30M/duration"}},
		{"one and a half", "Talks went on for one and a half years.", []string{"one and a half years=P1Y6M/duration"}},
		{"half an hour", "The meeting lasted half an hour.", []string{"half an hour=PT30M/duration"}},
		{"a half-century", "The pact ended a half-century of rivalry.", []string{"a half-century=P50Y/duration"}},
		{"decade-long", "The decade-long war ended.", []string{"decade-long=P10Y/duration"}},
		{"months-long", "A months-long inquiry found nothing.", []string{"months-long=PXM/duration"}},
		{"compound number", "Officers worked through the last thirty six hours.", []string{"the last thirty six hours=PT36H/duration"}},
		{"thousands", "The olive trees have stood for more than three thousand years.", []string{"more than three thousand years=P3000Y/duration"}},
		{"a couple of", "Over the next couple of months prices may rise.", []string{"the next couple of months=P2M/duration"}},

		// Modifiers TimeML keeps in the span.
		{"at least more", "The base stays leased for at least 15 more years.", []string{"at least 15 more years=P15Y/duration"}},
		{"an additional", "The loan was extended for an additional month.", []string{"an additional month=P1M/duration"}},
		{"no more than", "Inspectors may stay for no more than ninety days.", []string{"no more than ninety days=P90D/duration"}},
		{"over after last", "The hearing could last over a month.", []string{"over a month=P1M/duration"}},
		{"year-earlier period", "Net for the year-earlier six months fell.", []string{"the year-earlier six months=P6M/duration"}},
		{"gave him", "The judge gave him a week to pay.", []string{"a week=P1W/duration"}},
		{"by a day", "The launch was delayed by a day.", []string{"a day=P1D/duration"}},
		{"at least the past", "Prices fell for at least the past six months.", []string{"at least the past six months=P6M/duration"}},
		{"or so", "The plant will close over the next three years or so.", []string{"the next three years or so=P3Y/duration"}},

		// Ranges and disjunctions: the count is unspecified.
		{"range", "Deliveries resume within four to six weeks.", []string{"four to six weeks=PXW/duration"}},
		{"the next range", "Sales are planned during the next 9 to 12 months.", []string{"the next 9 to 12 months=PXM/duration"}},
		{"units or units", "The hostages were freed within days or weeks of the raid.", []string{"days or weeks=PXD/duration"}},

		// Vague lengths.
		{"for some time", "The envoy will stay in the region for some time.", []string{"some time=PXX/duration"}},
		{"a while", "Fans will wait for a while.", []string{"a while=PXX/duration"}},
		{"a lengthy period", "Troops are there for a fairly lengthy period.", []string{"a fairly lengthy period=PXX/duration"}},
		{"within weeks", "Aid arrived within weeks, the agency said.", []string{"weeks=PXW/duration"}},
		{"in years", "Output grew for the first time in years.", []string{"years=PXY/duration"}},
		{"in years before a curly quote", "“Nothing like it in years”, she said.", []string{"years=PXY/duration"}},
		{"in years before an exclamation", "Not a drop of rain in years!", []string{"years=PXY/duration"}},
		{"months of", "The deal follows months of talks.", []string{"months=PXM/duration"}},
		{"over the years", "Over the years the town has shrunk.", []string{"the years=PXY/duration"}},
		{"the weeks ahead", "Lenders face losses in the weeks ahead.", []string{"the weeks ahead=PXW/duration"}},
		{"the first hours", "Most arrests came in the first hours of the riot.", []string{"the first hours=PTXH/duration"}},
		{"several quarters", "The unit made a profit after several quarters of losses.", []string{"several quarters=PXQ/duration"}},
		{"the past several quarters", "Margins fell over the past several quarters.", []string{"the past several quarters=PXQ/duration"}},
		{"several-year", "She followed a several-year stint as editor.", []string{"several-year=PXY/duration"}},
		{"a period", "Fraud went on over a three-year period.", []string{"a three-year period=P3Y/duration"}},
		{"the period", "Bids close after the twenty-one-day period.", []string{"the twenty-one-day period=P21D/duration"}},
		{"multi-year", "The club signed a multi-year deal.", []string{"multi-year=PXY/duration"}},

		// "in" with a count stays a length: the point it names may be
		// counted from an event ("eligible for parole in 25 years").
		{"in years", "The bonds will be repaid in five years.", []string{"five years=P5Y/duration"}},
		{"in past", "The tower was built in two years.", []string{"two years=P2Y/duration"}},
		// An event-relative count keeps "later" in its span, as durations()
		// does, with no value.
		{"half later", "An hour and a half later, the pilot landed.", []string{"An hour and a half later=nil/nil"}},

		// A modifier before "ago" stays in the span.
		{"nearly ago", "The mine shut nearly four years ago.", []string{"nearly four years ago=2015/year"}},
		{"about ago", "He left about two weeks ago.", []string{"about two weeks ago=2019-W26/week"}},

		// Look-alikes.
		{"age", "The driver, 40 years old, was unhurt.", []string{}},
		{"aged", "Staff aged 55 years or more may retire.", []string{}},
		{"age range", "Children aged 0–14 years made up a fifth.", []string{}},
		{"age of", "Judges over the age of 70 years must retire.", []string{}},
		{"older", "I feel a hundred years older.", []string{}},
		{"once in a while", "He drinks once in a while.", []string{}},
		{"range adjective", "We are a forty or fifty minute team.", []string{}},
		{"minutes to", "The blast came at twenty minutes to midnight.", []string{"midnight=2019-07-12T00:00/time"}},
		{"after hours", "Shares fell in after hours trading.", []string{}},
		{"age at", "Babies start walking at 12 months.", []string{}},
		{"rate", "The airline runs four flights a week to Perth.", []string{"a week=P1W/set"}},
		{"sum rate", "The plan saves $40 million a year.", []string{"a year=P1Y/set"}},
		{"one day idiom", "She hopes she will one day be a judge.", []string{}},
		{"a second term", "He won a second term.", []string{}},
		{"fraction", "Three quarters of the vote went to the mayor.", []string{}},
		{"a quarter of", "A quarter of the staff left.", []string{}},
		{"week off", "He took a week off.", []string{}},
		{"the days of the week", "The days of the week are named after gods.", []string{}},
		{"a long time ago", "It happened a long time ago.", []string{}},
		{"some time next", "They meet some time next week.", []string{"next week=2019-W29/week"}},
		{"five year plan", "The party adopted a five year plan.", []string{"five year=P5Y/duration"}},
		{"hence", "The bridge opens two years hence.", []string{}},
		{"decade", "The 1990s were calm.", []string{"The 1990s=199/decade"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestDurCount covers the counts countDurRe reads.
func TestDurCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		half bool
	}{
		{"210", 210, false},
		{"2,000", 2000, false},
		{"2 1/2", 2, true},
		{"two and a half", 2, true},
		{"twenty four", 24, false},
		{"Twenty-four", 24, false},
		{"two thousand", 2000, false},
		{"a hundred", 100, false},
		{"a couple of", 2, false},
		{"a dozen", 12, false},
		{"an", 1, false},
		{"several", -1, false},
		{"a few", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if n, half := durCount(tt.in); n != tt.n || half != tt.half {
				t.Errorf("durCount(%q) = %d, %v; want %d, %v", tt.in, n, half, tt.n, tt.half)
			}
		})
	}
}
