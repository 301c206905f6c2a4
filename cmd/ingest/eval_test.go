package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/pipeline/eval"
)

func TestEvalCorpusHoldsThresholds(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	code, out, errs := ingest(t, t.Context(), "", "eval", corpusDir)
	if code != exitOK {
		t.Fatalf("eval corpus/: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"people ", "quotes ", "speakers ", "date_values ", "000_4e0b8ae045c7ba6e.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(errs, "thresholds hold") {
		t.Errorf("stderr %q", errs)
	}

	// A threshold no tagger of today meets fails with exit 4 and says which.
	code, _, errs = ingest(t, t.Context(), "", "eval", "--min", "speakers.accuracy=0.99", corpusDir)
	if code != exitBelowMin || !strings.Contains(errs, "speakers.accuracy") {
		t.Errorf("exit %d, stderr %q; want %d naming speakers.accuracy", code, errs, exitBelowMin)
	}

	code, out, _ = ingest(t, t.Context(), "", "eval", "--json", corpusDir)
	lines := jsonLines(t, out)
	if code != exitOK || len(lines) == 0 || lines[len(lines)-1]["message_type"] != "summary" {
		t.Errorf("--json: exit %d, last line %v", code, lines[len(lines)-1])
	}
}

func TestEvalEmptyOutputFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// The gold names a person the text does not: the tagger finds nothing.
	write(t, filepath.Join(dir, "a.txt"), "A quiet day\n\nnothing happened in the town today, and nobody said anything.\n")
	write(t, filepath.Join(dir, "gold.json"), `{"thresholds": {"people.f1": 0.5}, "documents": [
	  {"file": "a.txt", "people": [{"name": "Jane Roe", "aliases": [], "mentions": []}], "organizations": [], "places": [], "quotes": [], "dates": []}]}`)
	code, out, errs := ingest(t, t.Context(), "", "eval", dir)
	if code != exitBelowMin {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitBelowMin, out, errs)
	}
	if !strings.Contains(errs, "people.f1") {
		t.Errorf("stderr does not name people.f1: %q", errs)
	}
}

// A gold file scored against a big directory reads only the articles it
// names: the directory's other files (here a metadata sidecar that is no
// article) are neither read nor reported as failures.
func TestEvalReadsOnlyGoldArticles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Mayor resigns\n\nJane Roe resigned as mayor of Springfield on Monday.\n")
	write(t, filepath.Join(dir, "b.txt"), "Unannotated\n\nJohn Doe opened a bakery.\n")
	write(t, filepath.Join(dir, "meta.jsonl"), `{"id": "a", "title": "Mayor resigns"}`+"\n")
	gold := filepath.Join(t.TempDir(), "people.gold.json")
	write(t, gold, `{"documents": [{"file": "a.txt", "people": [{"name": "Jane Roe", "aliases": [], "mentions": []}]}]}`)
	code, out, errs := ingest(t, t.Context(), "", "eval", "--gold", gold, dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(errs, "failed") || strings.Contains(out, "b.txt") {
		t.Errorf("eval read files the gold does not name:\nstdout %s\nstderr %s", out, errs)
	}
	if !strings.Contains(out, "1 document") {
		t.Errorf("want one scored document:\n%s", out)
	}
}

func TestEvalDraftIsLoadableGold(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	code, out, errs := ingest(t, t.Context(), "", "eval", "--draft", corpusDir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	g, err := eval.LoadGold(strings.NewReader(out))
	if err != nil {
		t.Fatalf("draft is not valid gold: %v", err)
	}
	if len(g.Documents) != 3 {
		t.Errorf("draft has %d documents, want 3", len(g.Documents))
	}
}

func TestEvalCoNLL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "dev.txt")
	write(t, p, "-DOCSTART- -X- -X- O\n\nAngela NNP B-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n")
	code, out, errs := ingest(t, t.Context(), "", "eval", "--gold", p)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "entities_mentions") || !strings.Contains(out, "1 documents scored") && !strings.Contains(out, "1 document scored") {
		t.Errorf("report:\n%s", out)
	}
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEvalTimeML scores the hand-written TimeML fixtures: a directory as
// --gold, a .tml file as --gold with another as an argument, and a
// threshold on timex_value.f1 that fails.
func TestEvalTimeML(t *testing.T) {
	t.Parallel()
	const dir = "../../pipeline/eval/testdata/timeml"
	code, out, errs := ingest(t, t.Context(), "", "eval", "--gold", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"3 documents scored", "timex_value ", "timex_type ", "document harbour.tml"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	// A gold value the tagger rightly disagrees with ("Wednesday" in an
	// article of Friday 12 July 2019 is the 10th, not the 3rd) keeps
	// timex_value below 1 however good the rules get, so the threshold
	// must fail while the span still matches.
	wrong := filepath.Join(t.TempDir(), "wrong.tml")
	write(t, wrong, `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-07-12" functionInDocument="CREATION_TIME">2019-07-12</TIMEX3></DCT>
<TEXT>The board met on <TIMEX3 tid="t1" type="DATE" value="2019-07-03">Wednesday</TIMEX3>.</TEXT></TimeML>`)
	code, out, errs = ingest(t, t.Context(), "", "eval", "--json", "--min", "timex_value.f1=1",
		"--gold", wrong, filepath.Join(dir, "nodct.tml"))
	lines := jsonLines(t, out)
	if code != exitBelowMin || !strings.Contains(errs, "timex_value.f1") {
		t.Errorf("exit %d, stderr %q; want %d naming timex_value.f1", code, errs, exitBelowMin)
	}
	last := lines[len(lines)-1]
	if last["message_type"] != "summary" || last["documents"] != float64(2) {
		t.Errorf("summary %v, want 2 documents", last)
	}
	metrics, _ := last["metrics"].(map[string]any)
	if v, ok := metrics["timex_relaxed.recall"].(float64); !ok || v <= 0 {
		t.Errorf("timex_relaxed.recall = %v, want > 0: the tagger finds some of the fixture's dates", metrics["timex_relaxed.recall"])
	}

	empty := t.TempDir()
	if code, _, errs := ingest(t, t.Context(), "", "eval", "--gold", empty); code != exitUsage || !strings.Contains(errs, "no .tml files") {
		t.Errorf("empty directory: exit %d, stderr %q; want %d", code, errs, exitUsage)
	}
}
