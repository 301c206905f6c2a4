package ner

import (
	"bytes"
	"compress/gzip"
	"slices"
	"testing"
)

func sent(words ...string) Sentence {
	s := make(Sentence, len(words))
	for i, w := range words {
		s[i] = Token{Text: w, POS: "NNP"}
	}
	return s
}

func labels(ls ...string) []int {
	out := make([]int, len(ls))
	for i, l := range ls {
		out[i] = LabelIndex(l)
	}
	return out
}

// tiny trains on a few invented sentences; enough to check the machinery.
func tiny(t *testing.T) (*Model, []Doc) {
	t.Helper()
	docs := []Doc{
		{Sentences: []Sentence{sent("Alice", "Moore", "visited", "Paris", "."), sent("Moore", "joined", "Acme", "Corp", ".")},
			Labels: [][]int{labels("B-PER", "I-PER", "O", "B-LOC", "O"), labels("B-PER", "O", "B-ORG", "I-ORG", "O")}},
		{Sentences: []Sentence{sent("Bob", "Stone", "left", "Berlin", "for", "Acme", "Corp", ".")},
			Labels: [][]int{labels("B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O")}},
	}
	m, _, err := Train(docs, docs, TrainConfig{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m, docs
}

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	t.Parallel()
	m, docs := tiny(t)
	if f := m.Evaluate(docs).F1(); f != 1 {
		t.Errorf("F1 on its own training data = %.3f, want 1", f)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if a, b := m.Tag(d.Sentences), m2.Tag(d.Sentences); !slices.EqualFunc(a, b, slices.Equal) {
			t.Errorf("loaded model tags %v, saved one %v", b, a)
		}
	}
}

func TestLoadRejectsOtherData(t *testing.T) {
	t.Parallel()
	for _, in := range [][]byte{nil, []byte("not gzip"), gz(t, "NOT-A-MODEL")} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%q): no error", in)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var out bytes.Buffer
	w := gzipWriter(&out)
	w.Write([]byte(s))
	w.Close()
	return out.Bytes()
}

func TestViterbiNeverOpensWithInside(t *testing.T) {
	t.Parallel()
	var trans [nStates + 1][nStates]float32
	scores := make([][nStates]float32, 3)
	for i := range scores {
		scores[i][stateIndex("I-ORG")] = 10 // tempting, but never allowed first
		scores[i][stateIndex("B-PER")] = 1
	}
	got := viterbi(scores, &trans)
	prev := -1
	for i, l := range got {
		if !allowed(prev, l) {
			t.Fatalf("viterbi = %v: %s at %d does not follow %d", got, states[l], i, prev)
		}
		prev = l
	}
	if !closed(prev) {
		t.Fatalf("viterbi = %v: ends inside a chunk", got)
	}
}

func TestChunks(t *testing.T) {
	t.Parallel()
	got := Chunks(labels("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "O"))
	want := []Chunk{{"PER", 0, 2}, {"LOC", 3, 4}, {"LOC", 4, 5}, {"ORG", 5, 6}}
	if !slices.Equal(got, want) {
		t.Errorf("Chunks = %v, want %v", got, want)
	}
}

func TestShape(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"Darroch": "Xx", "BBC": "X", "U.S.": "X.X.", "1996-08-22": "d-d-d", "iPhone": "xXx"} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
}

func gzipWriter(w *bytes.Buffer) *gzip.Writer { return gzip.NewWriter(w) }

func TestStatesRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		bio  []string
		want []string
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC", "O"}, []string{"B-PER", "L-PER", "O", "U-LOC", "O"}},
		{[]string{"B-ORG", "I-ORG", "I-ORG", "B-ORG"}, []string{"B-ORG", "I-ORG", "L-ORG", "U-ORG"}},
		{[]string{"I-LOC", "B-PER", "I-MISC"}, []string{"U-LOC", "U-PER", "U-MISC"}}, // stray I- opens a chunk
	} {
		st := toStates(labels(tc.bio...))
		var got []string
		for _, s := range st {
			got = append(got, states[s])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("toStates(%v) = %v, want %v", tc.bio, got, tc.want)
		}
		if back := toBIO(st); !slices.Equal(Chunks(back), Chunks(labels(tc.bio...))) {
			t.Errorf("toBIO(toStates(%v)) chunks %v, want %v", tc.bio, Chunks(back), Chunks(labels(tc.bio...)))
		}
	}
}
