package main

import "testing"

func TestCompanyName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, base, full string
		curated, ok    bool
	}{
		{"Agilent Technologies, Inc. Common Stock", "Agilent Technologies", "Agilent Technologies Inc.", false, true},
		{"Alcoa Corporation Common Stock ", "Alcoa", "Alcoa Corporation", false, true},
		{"Ambev S.A. American Depositary Shares (Each representing 1 Common Share)", "Ambev", "Ambev S.A.", false, true},
		{"Abacus Global Management, Inc. Class A Common Stock", "Abacus Global Management", "Abacus Global Management Inc.", false, true},
		{"Alphabet Inc. (Class A)", "Alphabet", "Alphabet Inc.", true, true},
		{"The Coca-Cola Company", "Coca-Cola", "Coca-Cola Company", true, true},
		{"3M", "3M", "3M", true, true},
		{"Arbor Realty Trust 6.25% Series E Cumulative Redeemable Preferred Stock", "", "", false, false},
		{"Pacer Barings CLO Market Flex ETF", "", "", false, false},
		{"Artius II Acquisition Inc.", "", "", false, false},
		{"Inc.", "", "", false, false},
	}
	for _, tt := range tests {
		base, full, ok := companyName(tt.in, tt.curated)
		if base != tt.base || full != tt.full || ok != tt.ok {
			t.Errorf("companyName(%q) = %q, %q, %v; want %q, %q, %v", tt.in, base, full, ok, tt.base, tt.full, tt.ok)
		}
	}
}

func TestUnaccentAndStopWords(t *testing.T) {
	t.Parallel()
	if got := unaccent("Zürich São Paulo Kraków"); got != "Zurich Sao Paulo Krakow" {
		t.Errorf("unaccent = %q", got)
	}
	b := &builder{lists: map[string]map[string]bool{}}
	b.add("loc.city", "Of")
	b.add("loc.city", "  Zürich ")
	if b.lists["loc.city"]["Of"] || !b.lists["loc.city"]["Zürich"] || !b.lists["loc.city"]["Zurich"] {
		t.Errorf("lists = %v", b.lists)
	}
	if countryName("Falkland Islands (Malvinas)") != "Falkland Islands" || countryName("No country found for alpha-2 code: XK") != "" {
		t.Error("countryName")
	}
}
