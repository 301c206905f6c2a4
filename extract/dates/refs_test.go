package dates

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// TestFindDatesRefs covers the vague references of refs.go, with
// invented sentences, resolved against friday (Friday 12 July 2019).
func TestFindDatesRefs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"current adjective is no date", "The current slump hit exporters.", []string{}},
		{"current opens sentence", "Current rules allow it.", []string{}},
		{"then current not before a noun", "Prices were lower than the then current.", []string{}},
		{"then current", "They paid the then current price.", []string{"then current=PAST_REF/reference"}},
		{"then-current", "He criticised the then-current mayor.", []string{"then-current=PAST_REF/reference"}},
		{"current period wins", "Sales in the current quarter rose.", []string{"the current quarter=2019-Q3/quarter"}},
		{"current year's", "He excluded the current year's figures.", []string{"the current year=2019/year"}},
		{"right now", "Prices are falling right now.", []string{"right now=PRESENT_REF/reference"}},
		{"more recently", "More recently it has backed solar firms.", []string{"More recently=PAST_REF/reference"}},
		{"in the future is", "Whether it helps in the future is unclear.", []string{"the future=FUTURE_REF/reference"}},
		{"foreseeable future", "The border stays shut for the foreseeable future.", []string{}},
		{"future of", "Fans fear for the future of the club.", []string{}},
		{"the past years", "Prices rose in the past years.", []string{}},
		{"current account", "The current account deficit widened.", []string{}},
		{"current-account", "The current-account gap narrowed.", []string{}},
		{"ocean current", "A strong current swept the swimmer away.", []string{}},
		{"current before a past verb", "The current brought nutrients up.", []string{}},
		{"current as noun", "The current was too strong.", []string{}},
		{"alternating current", "The motor runs on alternating current.", []string{}},
		{"current as name", "He joined Current TV as a host.", []string{}},
		{"soon future", "The bank will soon cut rates.", []string{"soon=FUTURE_REF/reference"}},
		{"soon late", "The plant should reopen soon.", []string{"soon=FUTURE_REF/reference"}},
		{"as soon as possible", "They want a deal as soon as possible.", []string{"as soon as possible=FUTURE_REF/reference"}},
		{"as soon as conjunction", "Trading will resume as soon as the halt ends.", []string{}},
		{"soon after", "He was arrested soon after the attack.", []string{}},
		{"soon in a name", "Mayor Park Won-soon spoke. Won-soon's aides left.", []string{}},
		{"too soon", "It is too soon to say.", []string{}},
		{"soon in past narrative", "The firm soon collapsed.", []string{}},
		{"these days", "Few people write letters these days.", []string{"these days=PRESENT_REF/reference"}},
		{"these days noun phrase", "These days of plenty will end.", []string{}},
		{"in past years", "Strikes were common in past years.", []string{"past years=PAST_REF/reference"}},
		{"first time in years", "Wages rose for the first time in years.", []string{"years=PXY/duration"}},
		{"superlative in decades", "Unemployment hit its highest level in decades.", []string{"decades=PXDE/duration"}},
		{"in years not a period", "Prices rose in years when harvests failed.", []string{}},
		{"today's world", "Privacy is rare in today's world.", []string{"today=PRESENT_REF/reference"}},
		{"today's deictic", "The offer appears in today's editions.", []string{"today=2019-07-12/day"}},
		{"of tomorrow", "She wants to train the workers of tomorrow.", []string{"tomorrow=FUTURE_REF/reference"}},
		{"as of tomorrow", "The rule applies as of tomorrow.", []string{"tomorrow=2019-07-13/day"}},
		{"is today a", "The valley is today a quiet farming area.", []string{"today=PRESENT_REF/reference"}},
		{"am today", "It made me the person I am today.", []string{"today=PRESENT_REF/reference"}},
		{"vote is today", "The vote is today.", []string{"today=2019-07-12/day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}

// TestVagueRefsUnbounded checks that references carry no Begin or Through,
// with and without a publication date, so that the index never takes
// them for mentioned dates (pipeline indexes only bounded dates).
func TestVagueRefsUnbounded(t *testing.T) {
	t.Parallel()
	text := "Privacy is rare in today's world. The current slump will soon end, " +
		"as it did in the past. Wages rose for the first time in years, and the workers of tomorrow are ready."
	for _, pub := range []time.Time{friday, {}} {
		t.Run(fmt.Sprintf("published %v", !pub.IsZero()), func(t *testing.T) {
			t.Parallel()
			got := Find(text, pub)
			want := []string{"today=PRESENT_REF/reference", "soon=FUTURE_REF/reference",
				"the past=PAST_REF/reference", "years=PXY/duration", "tomorrow=FUTURE_REF/reference"}
			if g := dateStrings(got); !reflect.DeepEqual(g, want) {
				t.Fatalf("Find\n got %q\nwant %q", g, want)
			}
			for _, d := range got {
				if d.Begin != nil || d.Through != nil || d.Offset != nil {
					t.Errorf("%q: Begin %v, Through %v, Offset %v; want none", d.Text, d.Begin, d.Through, d.Offset)
				}
			}
		})
	}
}
