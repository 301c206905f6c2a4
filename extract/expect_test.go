package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// expectations are the reviewed expectations of one tagger test article,
// testdata/tagger/NAME.expect.json: what a reader relies on, checked by
// hand against the text, and the errors the tagger is known to make
// there. See testdata/tagger/README.md.
type expectations struct {
	Reviewed      string   `json:"reviewed"`
	People        []string `json:"people"`
	Organizations []string `json:"organizations"`
	Places        []string `json:"places"`
	// Acceptable names may be found or not: right, but not what the
	// article is about (a related-story link), or a fair reading.
	Acceptable  []expectedName  `json:"acceptable"`
	Quotes      []expectedQuote `json:"quotes"`
	KnownErrors []knownError    `json:"known_errors"`
}

type expectedName struct {
	Type string `json:"type"`
	Name string `json:"name"`
	Note string `json:"note"`
}

// expectedQuote is a quote the tagger must find: one whose text contains
// Quote, attributed to Speaker (a canonical name; null for none).
type expectedQuote struct {
	Quote   string  `json:"quote"`
	Speaker *string `json:"speaker"`
}

// knownError is a mistake the tagger makes on the article today:
//   - spurious: it finds Name as Type, wrongly;
//   - missed: it does not find Name as Type;
//   - missed_quote: it does not find Quote (by Speaker);
//   - wrong_speaker: it gives Quote to Got ("" for none), not Speaker.
type knownError struct {
	Error   string `json:"error"`
	Type    string `json:"type,omitempty"`
	Name    string `json:"name,omitempty"`
	Quote   string `json:"quote,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	Got     string `json:"got,omitempty"`
	Note    string `json:"note"`
}

// TestTaggerExpectations tags testdata/tagger/*.txt and checks each
// against its reviewed expectations (NAME.expect.json), not against a
// snapshot of the output: a change that keeps what a reader relies on
// passes, whatever else moves (mention counts, offsets, the order of
// names).
//
//   - A regression fails: an expected name or quote not found, a quote
//     with another speaker, a name found that the expectations do not
//     list (review it: expected or acceptable if right, a known error if
//     wrong).
//   - A fix passes and says so (go test -v): a known error that is gone is
//     logged as fixed, with what to move where.
func TestTaggerExpectations(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob(filepath.Join("testdata", "tagger", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no inputs in testdata/tagger")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			t.Parallel()
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			ex := readExpectations(t, strings.TrimSuffix(in, ".txt")+".expect.json")
			r, err := tagger(t).Tag(t.Context(), string(text), time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, in, string(text), r)
			failures, fixed := judge(ex, r)
			for _, f := range failures {
				t.Error(f)
			}
			for _, f := range fixed {
				t.Log(f)
			}
		})
	}
}

func readExpectations(t *testing.T, path string) expectations {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: every tagger test article needs reviewed expectations (testdata/tagger/README.md)", err)
	}
	var ex expectations
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ex); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if ex.Reviewed == "" {
		t.Errorf("%s: say who reviewed it against the text, and when", path)
	}
	for _, k := range ex.KnownErrors {
		switch k.Error {
		case "spurious", "missed":
			if k.Type == "" || k.Name == "" {
				t.Errorf("%s: known error %+v needs a type and a name", path, k)
			}
		case "missed_quote", "wrong_speaker":
			if k.Quote == "" || k.Speaker == "" {
				t.Errorf("%s: known error %+v needs a quote and its speaker", path, k)
			}
		default:
			t.Errorf("%s: known error %+v: error must be spurious, missed, missed_quote or wrong_speaker", path, k)
		}
		if k.Note == "" {
			t.Errorf("%s: known error %+v: say why it is wrong in a note", path, k)
		}
	}
	return ex
}

// judge compares the tagger's result with the expectations and returns
// the failures (regressions and unreviewed names) and the known errors
// that are fixed.
func judge(ex expectations, r Result) (failures, fixed []string) {
	failf := func(format string, a ...any) { failures = append(failures, fmt.Sprintf(format, a...)) }
	fixf := func(format string, a ...any) { fixed = append(fixed, fmt.Sprintf("known error fixed: "+format, a...)) }
	judgeNames(ex, r, failf, fixf)
	judgeQuotes(ex, r, failf, fixf)
	return failures, fixed
}

// judgeNames checks the names the tagger found, by type, against the
// expectations.
func judgeNames(ex expectations, r Result, failf, fixf func(string, ...any)) {
	found := map[string][]string{}
	for _, x := range []struct {
		typ   string
		names []Name
	}{{Person, r.People}, {Organization, r.Organizations}, {Place, r.Places}} {
		for _, n := range x.names {
			found[x.typ] = append(found[x.typ], n.Name)
		}
	}
	expected := map[string][]string{Person: ex.People, Organization: ex.Organizations, Place: ex.Places}
	listed := func(typ, name string) bool {
		if slices.Contains(expected[typ], name) {
			return true
		}
		if slices.ContainsFunc(ex.Acceptable, func(a expectedName) bool { return a.Type == typ && a.Name == name }) {
			return true
		}
		return slices.ContainsFunc(ex.KnownErrors, func(k knownError) bool {
			return (k.Error == "spurious" || k.Error == "missed") && k.Type == typ && k.Name == name
		})
	}
	for typ, names := range expected {
		for _, n := range names {
			if !slices.Contains(found[typ], n) {
				failf("regression: %s %q not found (found %q)", typ, n, found[typ])
			}
		}
	}
	for typ, names := range found {
		for _, n := range names {
			if !listed(typ, n) {
				failf("unexpected %s %q: review it against the text; list it as expected or acceptable if right, as a spurious known error if wrong", typ, n)
			}
		}
	}
	for _, k := range ex.KnownErrors {
		switch k.Error {
		case "spurious":
			if !slices.Contains(found[k.Type], k.Name) {
				fixf("%s %q is no longer found; remove it from known_errors", k.Type, k.Name)
			}
		case "missed":
			if slices.Contains(found[k.Type], k.Name) {
				fixf("%s %q is now found; move it from known_errors to the expected names", k.Type, k.Name)
			}
		}
	}
}

// judgeQuotes checks the expected quotes and the known quote errors.
func judgeQuotes(ex expectations, r Result, failf, fixf func(string, ...any)) {
	find := func(sub string) (Quote, bool) {
		for _, q := range r.Quotes {
			if strings.Contains(q.Text, sub) {
				return q, true
			}
		}
		return Quote{}, false
	}
	speaker := func(q Quote) string {
		if q.Speaker == nil {
			return ""
		}
		return *q.Speaker
	}
	for _, e := range ex.Quotes {
		want := ""
		if e.Speaker != nil {
			want = *e.Speaker
		}
		q, ok := find(e.Quote)
		switch {
		case !ok:
			failf("regression: quote %q not found", e.Quote)
		case speaker(q) != want:
			failf("regression: quote %q has speaker %q, want %q", e.Quote, speaker(q), want)
		}
	}
	for _, k := range ex.KnownErrors {
		q, ok := find(k.Quote)
		switch k.Error {
		case "missed_quote":
			if ok && speaker(q) == k.Speaker {
				fixf("quote %q is now found, by %s; move it to the expected quotes", k.Quote, k.Speaker)
			}
		case "wrong_speaker":
			switch {
			case !ok:
				failf("regression: quote %q (known to have the wrong speaker) is no longer found", k.Quote)
			case speaker(q) == k.Speaker:
				fixf("quote %q now has speaker %q; move it to the expected quotes", k.Quote, k.Speaker)
			case speaker(q) != k.Got:
				failf("quote %q has speaker %q, known to be %q (wrong; right is %q): review and update known_errors", k.Quote, speaker(q), k.Got, k.Speaker)
			}
		}
	}
}

// TestJudgeExpectations checks what the expectations are for: a fix of a
// known error passes and is reported as fixed, a regression fails, and a
// result that keeps what the expectations name passes whatever else
// changes (mention counts, offsets).
func TestJudgeExpectations(t *testing.T) {
	t.Parallel()
	lim, hale := "Jo Lim", "Tom Hale"
	ex := expectations{
		People:        []string{lim},
		Organizations: []string{"Dock University"},
		Acceptable:    []expectedName{{Type: Place, Name: "Harbour Road"}},
		Quotes:        []expectedQuote{{Quote: "We won", Speaker: &lim}},
		KnownErrors: []knownError{
			{Error: "spurious", Type: Place, Name: "Terminator"},
			{Error: "missed", Type: Organization, Name: "ITV"},
			{Error: "wrong_speaker", Quote: "again", Speaker: lim, Got: ""},
		},
	}
	today := Result{
		People:        []Name{{Name: lim, Mentions: 2}},
		Organizations: []Name{{Name: "Dock University", Mentions: 1}},
		Places:        []Name{{Name: "Terminator", Mentions: 1}},
		Quotes:        []Quote{{Text: "We won the cup", Speaker: &lim}, {Text: "again"}},
	}
	for _, tt := range []struct {
		name          string
		edit          func(r *Result)
		failed, fixed int
	}{
		{"today", func(r *Result) {}, 0, 0},
		{"other counts and an acceptable name", func(r *Result) {
			r.People[0].Mentions = 7
			r.Places = append(r.Places, Name{Name: "Harbour Road", Mentions: 1})
		}, 0, 0},
		{"Terminator no longer a place", func(r *Result) { r.Places = nil }, 0, 1},
		{"ITV found and the speaker fixed", func(r *Result) {
			r.Organizations = append(r.Organizations, Name{Name: "ITV"})
			r.Quotes[1].Speaker = &lim
		}, 0, 2},
		{"a person lost", func(r *Result) { r.People = nil }, 1, 0},
		{"a new wrong name", func(r *Result) { r.Organizations = append(r.Organizations, Name{Name: "Gateway Process"}) }, 1, 0},
		{"a quote lost its speaker", func(r *Result) { r.Quotes[0].Speaker = nil }, 1, 0},
		{"a known wrong speaker turned into another", func(r *Result) { r.Quotes[1].Speaker = &hale }, 1, 0},
		{"a quote lost", func(r *Result) { r.Quotes = r.Quotes[1:] }, 1, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := today
			r.People = slices.Clone(today.People)
			r.Organizations = slices.Clone(today.Organizations)
			r.Places = slices.Clone(today.Places)
			r.Quotes = slices.Clone(today.Quotes)
			tt.edit(&r)
			failures, fixed := judge(ex, r)
			if len(failures) != tt.failed || len(fixed) != tt.fixed {
				t.Errorf("failures %q, fixed %q; want %d and %d", failures, fixed, tt.failed, tt.fixed)
			}
		})
	}
}
