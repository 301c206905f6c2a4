package dates

import (
	"testing"
	"time"
)

// TestFindDatesTense covers how the tense of a sentence places a weekday or
// a month written without a year, and wire-style weekdays after a
// capitalised word. Invented sentences, resolved against friday (Friday
// 12 July 2019) or october (Monday 28 October 2019).
func TestFindDatesTense(t *testing.T) {
	t.Parallel()
	october := time.Date(2019, 10, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		pub  time.Time
		want []string
	}{
		// Wire style: the weekday right after the subject or a place.
		{"The Supreme Court Tuesday rejected the appeal.", friday, []string{"Tuesday=2019-07-09/day"}},
		{"Inspectors resumed work in Basra Wednesday.", friday, []string{"Wednesday=2019-07-10/day"}},
		{"Also Thursday, the council voted to close the pool.", friday, []string{"Thursday=2019-07-11/day"}},
		{"The minister met with Jones Monday.", friday, []string{"Monday=2019-07-08/day"}},
		{"Shares closed down 2% from the previous Tuesday.", friday, []string{"the previous Tuesday=2019-07-09/day"}},
		// A plan in the plural present.
		{"The two leaders meet separately Monday with the envoy.", friday, []string{"Monday=2019-07-15/day"}},
		// A possessive weekday is a past event, whatever the copula says.
		{"The bid is a 20% premium over Thursday's closing price.", friday, []string{"Thursday=2019-07-11/day"}},
		{"The move follows Tuesday's announcement by the rival, which is ready to bid.", friday, []string{"Tuesday=2019-07-09/day"}},
		{"Investors will watch Tuesday's vote closely.", friday, []string{"Tuesday=2019-07-16/day"}},
		// A participle after "be" is not the past: "will be named", "to be published".
		{"She will be named captain for the tour in December.", october, []string{"December=2019-12/month"}},
		{"Rules to be published in early November will decide it.", october, []string{"early November=2019-11/month"}},
		// A participle after a determiner is an adjective, not the past.
		{"The split will take effect on a still unspecified date in January.", october, []string{"January=2020-01/month"}},
		{"Shares would be issued under the revised terms in December.", october, []string{"December=2019-12/month"}},
		{"The board approved the revised terms in March.", october, []string{"March=2019-03/month"}},
		// An infinitive is a plan; "had to" is not.
		{"The firm agreed to buy the mill for $2m in February.", october, []string{"February=2020-02/month"}},
		{"The firm said it expects to report its results in mid-November.", october, []string{"mid-November=2019-11/month"}},
		{"The firm agreed in June to buy the mill.", october, []string{"June=2019-06/month"}},
		// A present perfect is the past; "set" is a plan only in "set to".
		{"Prices have come down from the middle of December.", october, []string{"the middle of December=2018-12/month"}},
		{"The index is near the record high set on Aug. 6.", october, []string{"Aug. 6=2019-08-06/day"}},
		{"The vote is set for Tuesday.", friday, []string{"Tuesday=2019-07-16/day"}},
		// A plan overtaken is in the past.
		{"The offer had been due to expire on Friday evening.", october, []string{"Friday evening=2019-10-25TEV/part_of_day"}},
		// "until" and "through" a month: the nearest one.
		{"Lenders extended the loans through January.", october, []string{"January=2020-01/month"}},
		// A month with no tense: the nearest one.
		{"The figures for January: sales up 3%.", october, []string{"January=2020-01/month"}},
		// An abbreviation before a comma does not end the sentence.
		{"It agreed to acquire the Peoria, Ill., bank in January.", october, []string{"January=2020-01/month"}},
		// "effective" looks forward.
		{"The office of the chairman was created, effective Feb. 1.", october, []string{"Feb. 1=2020-02-01/day"}},

		// A month and the year phrase after it are one expression.
		{"In June last year the plant closed.", october, []string{"June last year=2018-06/month"}},
		{"In March this year police reopened the case.", october, []string{"March this year=2019-03/month"}},
		// "for" before a month.
		{"The job figures for September were strong.", october, []string{"September=2019-09/month"}},

		// Capitalised counts and "after" lengths.
		{"Three days later, the bridge reopened.", friday, []string{"Three days later=nil/nil"}},
		{"After ten years of growth, sales fell.", friday, []string{"ten years=P10Y/duration"}},
		{"Prices slid eight trading days after the vote.", friday, []string{"eight trading days after=nil/nil"}},

		// Names and titles stay silent.
		{"Fans voted for May in the poll.", october, []string{}},
		{"Sheffield Wednesday won at home.", friday, []string{}},
		{"Black Friday sales drew crowds.", friday, []string{}},
		{"He wrote for the Sunday Times.", friday, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, tt.pub, tt.want)
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
