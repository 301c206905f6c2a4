package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/pipeline"
)

func TestLoadGoldTestdata(t *testing.T) {
	t.Parallel()
	g := loadTestGold(t)
	if len(g.Documents) != 3 || g.Thresholds["people.f1"] != 0.8 {
		t.Fatalf("loaded %d documents, thresholds %v", len(g.Documents), g.Thresholds)
	}
	a, b, gone := g.Documents[0], g.Documents[1], g.Documents[2]
	if !a.Published.Present || a.Published.Value != nil {
		t.Errorf("a.txt published = %+v, want present null", a.Published)
	}
	if !b.Published.Present || *b.Published.Value != "2023-05-04" {
		t.Errorf("news/b.txt published = %+v, want 2023-05-04", b.Published)
	}
	if gone.Published.Present {
		t.Errorf("gone.txt published = %+v, want absent", gone.Published)
	}
	if at, ok := a.Anchor(); !ok || !at.Equal(time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a.txt anchor = %v, %v", at, ok)
	}
	if _, ok := gone.Anchor(); ok {
		t.Error("gone.txt has no anchor, Anchor says it has")
	}
}

func TestLoadGoldRejects(t *testing.T) {
	t.Parallel()
	doc := func(fields string) string {
		return `{"description": "x", "documents": [{"file": "a.txt"` + fields + `}]}`
	}
	for _, tc := range []struct {
		name, in, want string
	}{
		{"unknown top-level field", `{"description": "x", "documnets": []}`, `"documnets"`},
		{"unknown document field", doc(`, "anchr": "2019-07-12"`), `"anchr"`},
		{"unknown quote field", doc(`, "quotes": [{"text": "hi", "speakr": null, "kind": "direct"}]`), `"speakr"`},
		{"unknown entity field", doc(`, "people": [{"name": "A B", "alias": []}]`), `"alias"`},
		{"bad kind", doc(`, "quotes": [{"text": "hi", "speaker": null, "kind": "dirct"}]`), `kind "dirct"`},
		{"missing kind", doc(`, "quotes": [{"text": "hi", "speaker": null}]`), `kind ""`},
		{"empty quote", doc(`, "quotes": [{"text": " ", "speaker": null, "kind": "direct"}]`), `text is empty`},
		{"empty speaker", doc(`, "quotes": [{"text": "hi", "speaker": "", "kind": "direct"}]`), `use null`},
		{"bad month", doc(`, "dates": [{"text": "x", "value": "2019-13"}]`), `"2019-13"`},
		{"bad day", doc(`, "dates": [{"text": "x", "value": "2019-02-30"}]`), `"2019-02-30"`},
		{"bad week", doc(`, "dates": [{"text": "x", "value": "2019-W60"}]`), `"2019-W60"`},
		{"bad time", doc(`, "dates": [{"text": "x", "value": "2019-07-12T25:00"}]`), `"2019-07-12T25:00"`},
		{"words as value", doc(`, "dates": [{"text": "x", "value": "last week"}]`), `"last week"`},
		{"bad published", doc(`, "published": "12/07/2019"`), `published "12/07/2019"`},
		{"published with time", doc(`, "published": "2019-07-12T10:00:00Z"`), `published`},
		{"published number", doc(`, "published": 2019`), `string or null`},
		{"bad anchor", doc(`, "anchor": "2019-7-12"`), `anchor "2019-7-12"`},
		{"empty file", `{"documents": [{"file": ""}]}`, `file is empty`},
		{"duplicate file", `{"documents": [{"file": "a"}, {"file": "a"}]}`, `already listed at documents[0]`},
		{"empty name", doc(`, "organizations": [{"name": "", "aliases": [], "mentions": []}]`), `organizations[0]: name is empty`},
		{"empty mention", doc(`, "places": [{"name": "Paris", "aliases": [], "mentions": [""]}]`), `empty mention`},
		{"unknown threshold", `{"thresholds": {"people.f2": 0.5}, "documents": []}`, `"people.f2"`},
		{"threshold above 1", `{"thresholds": {"people.f1": 80}, "documents": []}`, `people.f1 = 80`},
		{"trailing data", `{"documents": []} {}`, `after the top-level object`},
		{"not json", `documents:`, `invalid character`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := LoadGold(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("LoadGold error = %v, want one containing %s", err, tc.want)
			}
		})
	}
}

func TestLoadGoldAcceptsValues(t *testing.T) {
	t.Parallel()
	for _, v := range []string{
		"2019", "201", "2019-07", "2019-07-10", "2019-W28", "2019-W27-WE", "2019-Q3", "2019-SU",
		"2019-07-12T21:00", "2017-12-04T09:02", "2019-07-12TNI", "PRESENT_REF",
	} {
		in := `{"documents": [{"file": "a", "dates": [{"text": "x", "value": "` + v + `"}]}]}`
		if _, err := LoadGold(strings.NewReader(in)); err != nil {
			t.Errorf("value %q rejected: %v", v, err)
		}
	}
	if _, err := LoadGold(strings.NewReader(`{"documents": [{"file": "a", "dates": [{"text": "x", "value": null}]}]}`)); err != nil {
		t.Errorf("null value rejected: %v", err)
	}
}

func TestLoadGoldErrorsWrap(t *testing.T) {
	t.Parallel()
	_, err := LoadGold(strings.NewReader(`{"documents": [{"file": ""}]}`))
	if !errors.Is(err, ErrInvalidGold) {
		t.Errorf("err = %v, want it to wrap ErrInvalidGold", err)
	}
}

// TestDraftRoundTrip checks that a draft made from output loads as gold
// and that the same output scores 1.0 on every defined metric against it.
func TestDraftRoundTrip(t *testing.T) {
	t.Parallel()
	recs := perfectRecords(t)
	g := Draft(recs)
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadGold(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("draft does not load: %v\n%s", err, b)
	}
	if got := []string{loaded.Documents[0].File, loaded.Documents[1].File}; got[0] != "a.txt" || got[1] != "news/b.txt" {
		t.Errorf("draft files = %q, want sources without their shared directory", got)
	}
	if !bytes.Contains(b, []byte(`"aliases": []`)) || bytes.Contains(b, []byte("null,\n      \"mentions\"")) {
		t.Errorf("draft lists should be [] for editing:\n%s", b)
	}
	r := Score(loaded, recs)
	for _, name := range MetricNames() {
		if v, ok, _ := r.Metric(name); ok && v != 1 {
			t.Errorf("%s = %v against its own draft, want 1", name, v)
		}
	}
	if len(r.Items) != 0 {
		t.Errorf("disagreements with own draft: %+v", r.Items)
	}
}

func TestDraftFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		sources []string
		ids     []string
		want    []string
	}{
		{"one file", []string{"corpus/a.txt"}, []string{"1"}, []string{"a.txt"}},
		{"nested", []string{"/c/x/a.txt", "/c/y/b.txt"}, []string{"1", "2"}, []string{"x/a.txt", "y/b.txt"}},
		{"shared prefix is a directory", []string{"c/ab/x.txt", "c/ac/y.txt"}, []string{"1", "2"}, []string{"ab/x.txt", "ac/y.txt"}},
		{"jsonl", []string{"feed.jsonl", "feed.jsonl"}, []string{"id1", "id2"}, []string{"id1", "id2"}},
		{"stdin", []string{"", ""}, []string{"id1", "id2"}, []string{"id1", "id2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var recs []pipeline.Record
			for i := range tc.sources {
				recs = append(recs, pipeline.Record{ID: tc.ids[i], Source: tc.sources[i]})
			}
			got := draftFiles(recs)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("draftFiles = %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzLoadGold(f *testing.F) {
	f.Add([]byte(`{"description": "x", "documents": [{"file": "a", "title": null, "published": "2019-07-12", "quotes": [{"text": "hi", "speaker": null, "kind": "partial"}]}]}`))
	f.Add([]byte(`{"thresholds": {"dates.f1": 0.5}, "documents": [{"file": "b", "dates": [{"text": "now", "value": "PRESENT_REF"}]}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		g, err := LoadGold(bytes.NewReader(in))
		if err != nil {
			return
		}
		// What loads marshals back to a file that loads to the same gold.
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatalf("marshal loaded gold: %v", err)
		}
		g2, err := LoadGold(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("reload: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(g2)
		if !bytes.Equal(b, b2) {
			t.Fatalf("round trip changed the gold:\n%s\n%s", b, b2)
		}
	})
}
