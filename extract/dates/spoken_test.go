package dates

import (
	"testing"
)

// TestFindDatesSpoken covers years written in words, as broadcast
// transcripts have them, and counts that must stay silent.
func TestFindDatesSpoken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The law was passed in nineteen ninety-six.", []string{"nineteen ninety-six=1996/year"}},
		{"January nineteen ninety-seven. The city again.", []string{"January nineteen ninety-seven=1997-01/month"}},
		{"It began in nineteen seventy.", []string{"nineteen seventy=1970/year"}},
		{"The war of eighteen twelve changed it.", []string{"eighteen twelve=1812/year"}},
		{"They hope to halve it by the year two thousand.", []string{"the year two thousand=2000/year"}},
		{"It opened in the year two thousand and one.", []string{"the year two thousand and one=2001/year"}},

		{"Nineteen people were hurt.", []string{}},
		{"She scored nineteen points.", []string{}},
		{"About two thousand people marched.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			expectDates(t, tt.text, friday, tt.want)
		})
	}
}
