package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"

	"github.com/bylinehq/byline/extract"
)

// ErrInvalidGold is wrapped by every error LoadGold returns for a gold file
// that is well-formed JSON but breaks the gold format.
var ErrInvalidGold = errors.New("invalid gold")

// Gold is a hand-made gold standard for a corpus, as stored in
// corpus/gold.json. It is plain data, safe for concurrent reads.
type Gold struct {
	Description string             `json:"description"`
	Thresholds  map[string]float64 `json:"thresholds,omitempty"`
	Documents   []GoldDoc          `json:"documents"`
}

// GoldDoc is the gold annotation of one article. Strings are matched
// against the article's cleaned text (pipeline.Record.Text).
type GoldDoc struct {
	// File is the article's path relative to the corpus directory, or its
	// id in a JSONL corpus.
	File  string `json:"file"`
	Notes string `json:"notes,omitempty"`
	// Title is the title the cleaner should find; absent means not scored,
	// null means the article has none.
	Title OptString `json:"title,omitzero"`
	// Published is the publication date the article itself states,
	// "YYYY-MM-DD"; absent means not scored, null means it states none.
	Published OptString `json:"published,omitzero"`
	// AnchorDate is the true publication date from outside the text,
	// "YYYY-MM-DD", or empty when unknown.
	AnchorDate string `json:"anchor,omitempty"`
	// People, Organizations, Places, Quotes and Dates are the annotated
	// items. A nil slice (the key absent, or null) means the aspect is not
	// annotated in this document and is not scored; an empty list means
	// the document has none, so every prediction is spurious.
	People        []GoldEntity `json:"people,omitzero"`
	Organizations []GoldEntity `json:"organizations,omitzero"`
	Places        []GoldEntity `json:"places,omitzero"`
	Quotes        []GoldQuote  `json:"quotes,omitzero"`
	// Indirect says the quotes list annotates indirect speech too. When
	// false, predicted quotes of kind extract.Indirect are left out of the
	// scoring, so a gold set of direct and partial quotes is not charged
	// with spurious reported speech.
	Indirect bool       `json:"indirect,omitempty"`
	Dates    []GoldDate `json:"dates,omitzero"`
}

// GoldEntity is a document-level person, organisation or place: its
// canonical name, other names that count as a match, and the surface
// strings that mention it in the text (each listed once).
type GoldEntity struct {
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Mentions []string `json:"mentions"`
}

// GoldQuote is one quotation: its words without the outer quotation
// marks, the canonical name of the speaker (nil when the text does not say)
// and its kind (extract.Direct, extract.Partial or extract.Indirect).
type GoldQuote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	Kind    string  `json:"kind"`
}

// GoldDate is one temporal expression: its exact surface string and its
// TIMEX3-style value (nil when unresolvable even with the anchor).
type GoldDate struct {
	Text  string  `json:"text"`
	Value *string `json:"value"`
}

// OptString is a JSON string that may be absent, null or a value. The
// zero OptString is absent and is omitted by encoding/json (omitzero).
type OptString struct {
	Present bool    // the key was in the JSON
	Value   *string // nil for null
}

// Some returns a present OptString with value s.
func Some(s string) OptString { return OptString{Present: true, Value: &s} }

// Null returns a present OptString whose value is null.
func Null() OptString { return OptString{Present: true} }

// IsZero reports whether o is absent, for encoding/json's omitzero.
func (o OptString) IsZero() bool { return !o.Present }

// MarshalJSON encodes o as a string or null.
func (o OptString) MarshalJSON() ([]byte, error) {
	if o.Value == nil {
		return []byte("null"), nil
	}
	return json.Marshal(*o.Value)
}

// UnmarshalJSON decodes a string or null and marks o present.
func (o *OptString) UnmarshalJSON(b []byte) error {
	o.Present = true
	o.Value = nil
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a string or null: %w", err)
	}
	o.Value = &s
	return nil
}

// Anchor returns the document's anchor date (midnight UTC) and whether it
// has a valid one.
func (d GoldDoc) Anchor() (time.Time, bool) {
	if d.AnchorDate == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, d.AnchorDate)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// LoadGold reads and validates a gold file. It is strict: unknown fields
// (the error names them), trailing data, a missing or duplicate file, empty
// names and strings, unknown quote kinds, dates and values in the wrong
// format and thresholds on unknown metrics or outside [0, 1] are errors.
// Format errors wrap ErrInvalidGold and say which document and item.
func LoadGold(r io.Reader) (*Gold, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var g Gold
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("eval: load gold: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("eval: load gold: %w: data after the top-level object", ErrInvalidGold)
	}
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("eval: load gold: %w", err)
	}
	return &g, nil
}

func (g *Gold) validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidGold}, args...)...)
	}
	for name, v := range g.Thresholds {
		if err := checkMetricName(name); err != nil {
			return bad("thresholds: %v", err)
		}
		if v < 0 || v > 1 || v != v {
			return bad("thresholds: %s = %v, want a value in [0, 1]", name, v)
		}
	}
	seen := make(map[string]int)
	for i, d := range g.Documents {
		where := "documents[" + strconv.Itoa(i) + "]"
		if d.File == "" {
			return bad("%s: file is empty", where)
		}
		where += " (" + d.File + ")"
		if j, ok := seen[d.File]; ok {
			return bad("%s: file already listed at documents[%d]", where, j)
		}
		seen[d.File] = i
		if v := d.Published.Value; v != nil && !isDate(*v) {
			return bad("%s: published %q, want YYYY-MM-DD or null", where, *v)
		}
		if d.AnchorDate != "" && !isDate(d.AnchorDate) {
			return bad("%s: anchor %q, want YYYY-MM-DD", where, d.AnchorDate)
		}
		for _, set := range []struct {
			key  string
			ents []GoldEntity
		}{{"people", d.People}, {"organizations", d.Organizations}, {"places", d.Places}} {
			for j, e := range set.ents {
				if blank(e.Name) {
					return bad("%s: %s[%d]: name is empty", where, set.key, j)
				}
				for _, a := range e.Aliases {
					if blank(a) {
						return bad("%s: %s[%d] (%s): empty alias", where, set.key, j, e.Name)
					}
				}
				for _, m := range e.Mentions {
					if blank(m) {
						return bad("%s: %s[%d] (%s): empty mention", where, set.key, j, e.Name)
					}
				}
			}
		}
		for j, q := range d.Quotes {
			if blank(q.Text) {
				return bad("%s: quotes[%d]: text is empty", where, j)
			}
			switch q.Kind {
			case extract.Direct, extract.Partial, extract.Indirect:
			default:
				return bad("%s: quotes[%d]: kind %q, want %q, %q or %q", where, j, q.Kind, extract.Direct, extract.Partial, extract.Indirect)
			}
			if q.Speaker != nil && blank(*q.Speaker) {
				return bad("%s: quotes[%d]: speaker is empty, use null", where, j)
			}
		}
		for j, dt := range d.Dates {
			if blank(dt.Text) {
				return bad("%s: dates[%d]: text is empty", where, j)
			}
			if dt.Value != nil && !validDateValue(*dt.Value) {
				return bad("%s: dates[%d] (%s): value %q is not a TIMEX3 value this scorer knows (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Www-WE, YYYY-Qn, YYYY-SP/SU/FA/WI, YYYY-MM-DDThh:mm, YYYY-MM-DDTMO/AF/EV/NI, PRESENT_REF, PAST_REF, FUTURE_REF)", where, j, dt.Text, *dt.Value)
			}
		}
	}
	return nil
}

func blank(s string) bool { return len(bytes.TrimSpace([]byte(s))) == 0 }

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

var (
	reYear    = regexp.MustCompile(`^[0-9]{2,4}$`) // century, decade, year
	reMonth   = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)
	reWeek    = regexp.MustCompile(`^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])(-WE)?$`)
	reQuarter = regexp.MustCompile(`^[0-9]{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)$`)
	reTime    = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})T(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|MO|AF|EV|NI)$`)
)

// validDateValue reports whether v is one of the TIMEX3 value forms the
// gold format allows.
func validDateValue(v string) bool {
	switch v {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return true
	}
	if reYear.MatchString(v) || reMonth.MatchString(v) || reWeek.MatchString(v) || reQuarter.MatchString(v) {
		return true
	}
	if isDate(v) {
		return true
	}
	if m := reTime.FindStringSubmatch(v); m != nil {
		return isDate(m[1])
	}
	return false
}
