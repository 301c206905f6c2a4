package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalPolNeAR scores an invented article in PolNeAR's format through
// the user path: ingest eval --gold X.gold.jsonl X.input.jsonl, with
// thresholds that hold and one that fails (exit 4).
func TestEvalPolNeAR(t *testing.T) {
	t.Parallel()
	text := "Lim Vows Win.\n\nJo Lim said: “We will win the vote.”\n\nShe watched “Night Train” again."
	at := func(s string) [2]int {
		i := strings.Index(text, s)
		a := utf8.RuneCountInString(text[:i])
		return [2]int{a, a + utf8.RuneCountInString(s)}
	}
	q := at("“We will win the vote.”")
	gold, err := json.Marshal(map[string]any{
		"id": "a1", "text": text,
		"quotes": []map[string]any{{
			"start": q[0], "end": q[1], "segments": [][2]int{q}, "speaker": "Jo Lim", "kind": "direct",
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	input, err := json.Marshal(map[string]string{"id": "a1", "published": "2016-09-12", "text": text})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	g, in := filepath.Join(dir, "dev.gold.jsonl"), filepath.Join(dir, "dev.input.jsonl")
	write(t, g, string(gold)+"\n")
	write(t, in, string(input)+"\n")

	code, out, errs := ingest(t, t.Context(), "", "eval", "--gold", g, "--min", "quotes.recall=1", "--min", "speakers.accuracy=1", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	if !strings.Contains(out, "1 documents scored, 0 without a record") || !strings.Contains(errs, "eval: polnear:") {
		t.Errorf("report:\n%s\nstderr:\n%s", out, errs)
	}
	// The film title is not an attribution: precision is 1/2.
	code, _, errs = ingest(t, t.Context(), "", "eval", "--gold", g, "--min", "quotes.precision=0.9", in)
	if code != exitBelowMin || !strings.Contains(errs, "quotes.precision = 0.500 < 0.900") {
		t.Errorf("exit %d, want %d: %s", code, exitBelowMin, errs)
	}
}
