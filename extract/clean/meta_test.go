package clean

import (
	"strings"
	"testing"
)

// TestCleanHTMLLanguage checks which page language HTML reports when
// the html lang attribute, the meta tags and JSON-LD say different things:
// a region from a later source refines a bare language, never replaces
// another language.
func TestCleanHTMLLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, head, htmlLang string
		want, wantSrc        string
	}{
		{"lang only", ``, "en", "en", "html:lang"},
		{"og:locale adds the region", `<meta property="og:locale" content="en_US">`, "en", "en-US", "meta:og:locale"},
		{"html lang region kept", `<meta property="og:locale" content="en_US">`, "en-GB", "en-GB", "html:lang"},
		{"another language ignored", `<meta property="og:locale" content="fr_FR">`, "en", "en", "html:lang"},
		{"meta alone", `<meta property="og:locale" content="en_GB">`, "", "en-GB", "meta:og:locale"},
		{"JSON-LD refines", `<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"en-AU"}</script>`, "en", "en-AU", "json-ld"},
		{"none", ``, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			attr := ""
			if tt.htmlLang != "" {
				attr = ` lang="` + tt.htmlLang + `"`
			}
			page := `<html` + attr + `><head><title>Pier closes</title>` + tt.head + `</head><body><article><h1>Pier closes</h1>` +
				strings.Repeat("<p>The pier will close for repairs, the council said on Friday after a long meeting.</p>", 5) +
				`</article></body></html>`
			a, err := HTML(strings.NewReader(page), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Language != tt.want || a.Sources.Language != tt.wantSrc {
				t.Errorf("Language = %q from %q, want %q from %q", a.Language, a.Sources.Language, tt.want, tt.wantSrc)
			}
		})
	}
}

// TestPersonNameShortCapitals checks personName on words of one letter
// written in more than one byte ("É"): the acronym rule read the word's
// second rune and panicked (found by FuzzCleanHTML, testdata/fuzz).
func TestPersonNameShortCapitals(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Ana É", true},
		{"É Ruiz", true},
		{"Ana CNN", false},
		{"Ana Ruiz", true},
	} {
		if _, ok := personName(tt.in, ""); ok != tt.want {
			t.Errorf("personName(%q) = %v, want %v", tt.in, ok, tt.want)
		}
	}
}
