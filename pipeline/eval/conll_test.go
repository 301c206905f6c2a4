package eval

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// conllSample has two documents: the first in IOB2, the second in IOB1
// (chunks start with I-, B- only between two adjacent chunks of one type),
// with a chunk that ends at a sentence boundary and a MISC chunk.
const conllSample = `-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
Paris NNP B-NP B-LOC
. . O O

He PRP B-NP O
met VBD B-VP O
Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
officials NNS I-NP O
. . O O

-DOCSTART- -X- -X- O

Reuters NNP B-NP I-ORG
said VBD B-VP O
Anna NNP B-NP I-PER
Lee NNP I-NP I-PER
Bob NNP I-NP B-PER
and CC O O
the DT B-NP O
German JJ I-NP I-MISC
team NN I-NP O
arrived VBD B-VP O
in IN B-PP O
New NNP B-NP I-LOC
York NNP I-NP I-LOC

Berlin NNP B-NP I-LOC
welcomed VBD B-VP O
them PRP B-NP O
. . O O
`

const (
	conllDoc1 = "John Smith visited Paris .\nHe met Acme Corp officials ."
	conllDoc2 = "Reuters said Anna Lee Bob and the German team arrived in New York\nBerlin welcomed them ."
)

// fakeTagger returns canned entities per text, as the record of an
// article with no title, and counts its calls. It is safe for concurrent
// use.
type fakeTagger struct {
	mu    sync.Mutex
	out   map[string][]extract.Entity
	calls int
	err   error
}

func (f *fakeTagger) ExtractText(ctx context.Context, text string) (pipeline.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.err != nil {
		return pipeline.Record{}, f.err
	}
	ents, ok := f.out[text]
	if !ok {
		return pipeline.Record{}, fmt.Errorf("unexpected text %q", text)
	}
	return pipeline.Record{Text: text, Result: extract.Result{Entities: ents}}, nil
}

func sampleTagger(t *testing.T) *fakeTagger {
	const P, O, L = extract.Person, extract.Organization, extract.Place
	return &fakeTagger{out: map[string][]extract.Entity{
		conllDoc1: {
			ent(t, conllDoc1, P, "John Smith", 1, ""), // right
			ent(t, conllDoc1, L, "Paris", 1, ""),      // right
			ent(t, conllDoc1, O, "Acme", 1, ""),       // wrong span: FP, and Acme Corp FN
			ent(t, conllDoc1, L, "officials", 1, ""),  // FP
		},
		conllDoc2: {
			ent(t, conllDoc2, O, "Reuters", 1, ""),      // right
			ent(t, conllDoc2, P, "Anna Lee Bob", 1, ""), // FP; Anna Lee and Bob FN
			ent(t, conllDoc2, P, "German", 1, ""),       // FP (MISC in gold is ignored, not a match)
			ent(t, conllDoc2, L, "New York", 1, ""),     // right
			ent(t, conllDoc2, L, "Berlin", 1, ""),       // right: the sentence break ends New York
			ent(t, conllDoc2, L, "Berlin", 1, ""),       // duplicate span: counted once
		},
	}}
}

// TestScoreCoNLL checks scores computed by hand:
//
//	gold: PER John Smith, Anna Lee, Bob; ORG Acme Corp, Reuters;
//	      LOC Paris, New York, Berlin (MISC German ignored)
//	pred: PER John Smith, Anna Lee Bob, German; ORG Acme, Reuters;
//	      LOC Paris, officials, New York, Berlin
//	people:        TP 1, FP 2, FN 2 -> P = 1/3, R = 1/3, F1 = 1/3
//	organizations: TP 1, FP 1, FN 1 -> P = 1/2, R = 1/2, F1 = 1/2
//	places:        TP 3, FP 1, FN 0 -> P = 3/4, R = 1,   F1 = 6/7
//	entities:      TP 5, FP 4, FN 3 -> P = 5/9, R = 5/8, F1 = 2·5/(2·5+4+3) = 10/17
func TestScoreCoNLL(t *testing.T) {
	t.Parallel()
	tg := sampleTagger(t)
	r, err := ScoreCoNLL(t.Context(), strings.NewReader(conllSample), tg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"people_mentions.precision": 1.0 / 3, "people_mentions.recall": 1.0 / 3, "people_mentions.f1": 1.0 / 3,
		"organizations_mentions.precision": 0.5, "organizations_mentions.recall": 0.5, "organizations_mentions.f1": 0.5,
		"places_mentions.precision": 0.75, "places_mentions.recall": 1, "places_mentions.f1": 6.0 / 7,
		"entities_mentions.precision": 5.0 / 9, "entities_mentions.recall": 5.0 / 8, "entities_mentions.f1": 10.0 / 17,
	}
	for _, name := range MetricNames() {
		v, ok, _ := r.Metric(name)
		w, scored := want[name]
		switch {
		case !scored && ok:
			t.Errorf("%s = %v, want undefined in a CoNLL report", name, v)
		case scored && (!ok || abs(v-w) > 1e-12):
			t.Errorf("%s = %v, want %v", name, v, w)
		}
	}
	if tg.calls != 2 || len(r.Documents) != 2 || r.Documents[0].File != "conll-00001" || r.Documents[1].Source != "line 18" {
		t.Errorf("%d calls, documents %+v", tg.calls, r.Documents)
	}
	if len(r.Items) != 7 { // 4 FP + 3 FN
		t.Errorf("%d items, want 7: %+v", len(r.Items), r.Items)
	}
	for _, it := range r.Items {
		if it.Context == "" || it.Text == "" {
			t.Errorf("item without text or context: %+v", it)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestScoreCoNLLErrors(t *testing.T) {
	t.Parallel()
	t.Run("bad tag", func(t *testing.T) {
		t.Parallel()
		_, err := ScoreCoNLL(t.Context(), strings.NewReader("-DOCSTART- -X- -X- O\n\nJohn NNP B-NP B-PERSON\n"), sampleTagger(t))
		if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "B-PERSON") {
			t.Errorf("err = %v, want line 3 and the tag", err)
		}
	})
	t.Run("tagger error", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("boom")
		_, err := ScoreCoNLL(t.Context(), strings.NewReader(conllSample), &fakeTagger{err: boom})
		if !errors.Is(err, boom) || !strings.Contains(err.Error(), "document 1") {
			t.Errorf("err = %v, want boom in document 1", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		tg := sampleTagger(t)
		_, err := ScoreCoNLL(ctx, strings.NewReader(conllSample), tg)
		if !errors.Is(err, context.Canceled) || tg.calls != 0 {
			t.Errorf("err = %v after %d calls, want context.Canceled before tagging", err, tg.calls)
		}
	})
	t.Run("cancelled while tagging", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(t.Context())
		tg := &cancellingTagger{fakeTagger: sampleTagger(t), cancel: cancel}
		_, err := ScoreCoNLL(ctx, strings.NewReader(conllSample), tg)
		if !errors.Is(err, context.Canceled) || tg.calls != 1 {
			t.Errorf("err = %v after %d calls, want context.Canceled after the first document", err, tg.calls)
		}
	})
	t.Run("no documents", func(t *testing.T) {
		t.Parallel()
		r, err := ScoreCoNLL(t.Context(), strings.NewReader("-DOCSTART- -X- -X- O\n\n"), sampleTagger(t))
		if err != nil || len(r.Documents) != 0 {
			t.Errorf("empty input: %v, %+v", err, r)
		}
	})
}

// cancellingTagger cancels the run when it tags its first document.
type cancellingTagger struct {
	*fakeTagger
	cancel context.CancelFunc
}

func (c *cancellingTagger) ExtractText(ctx context.Context, text string) (pipeline.Record, error) {
	defer c.cancel()
	return c.fakeTagger.ExtractText(ctx, text)
}

// spanTagger tags every capitalised token as a person, for fuzzing.
type spanTagger struct{}

func (spanTagger) ExtractText(ctx context.Context, text string) (pipeline.Record, error) {
	res := pipeline.Record{Text: text}
	for _, w := range splitWords(text) {
		if r, _ := utf8.DecodeRuneInString(text[w.start:]); r >= 'A' && r <= 'Z' {
			res.Entities = append(res.Entities, extract.Entity{Type: extract.Person, Text: text[w.start:w.end], Start: w.start, End: w.end})
		}
	}
	return res, nil
}

func FuzzScoreCoNLL(f *testing.F) {
	f.Add(conllSample)
	f.Add("a b c I-ORG\nB-LOC\n\n-DOCSTART-\nx y z O\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := ScoreCoNLL(t.Context(), strings.NewReader(in), spanTagger{})
		if err != nil {
			return
		}
		for _, it := range r.Items {
			if it.Start < 0 || it.End < it.Start || !utf8.ValidString(it.Context) && utf8.ValidString(in) {
				t.Fatalf("bad item %+v", it)
			}
		}
		c := r.Overall.PRF["entities_mentions"]
		sum := Counts{}
		for _, f := range []string{"people_mentions", "organizations_mentions", "places_mentions"} {
			sum.add(r.Overall.PRF[f])
		}
		if c != sum {
			t.Fatalf("entities_mentions %+v != sum of types %+v", c, sum)
		}
	})
}

// cleaningExtractor does what cleaning pasted text does to a CoNLL
// document: the first line becomes the title, the second (a dateline) is
// dropped, and the other lines become paragraphs. Its entities are the
// given names, found in the title and in the text.
type cleaningExtractor struct{ names []string }

func (c cleaningExtractor) ExtractText(ctx context.Context, text string) (pipeline.Record, error) {
	lines := strings.Split(text, "\n")
	rec := pipeline.Record{Title: lines[0], Text: strings.Join(lines[2:], "\n\n")}
	find := func(s string) []extract.Entity {
		var out []extract.Entity
		for _, n := range c.names {
			if i := strings.Index(s, n); i >= 0 {
				out = append(out, extract.Entity{Type: extract.Place, Text: n, Start: i, End: i + len(n)})
			}
		}
		return out
	}
	rec.TitleEntities, rec.Entities = find(rec.Title), find(rec.Text)
	return rec, nil
}

// TestScoreCoNLLUserPath checks that names in the title count at their
// place in the document, and that a line cleaning dropped counts as missed.
func TestScoreCoNLLUserPath(t *testing.T) {
	t.Parallel()
	const doc = "-DOCSTART- -X- -X- O\n\n" +
		"CHINA B-LOC\nWINS O\n\n" +
		"BEIJING B-LOC\n1996-08-30 O\n\n" +
		"China I-LOC\nbeat O\nJapan I-LOC\n. O\n"
	r, err := ScoreCoNLL(t.Context(), strings.NewReader(doc), cleaningExtractor{[]string{"CHINA", "China", "Japan", "BEIJING"}})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Overall.PRF["places_mentions"]
	if c != (Counts{TP: 3, FN: 1}) {
		t.Errorf("places %+v, want 3 found (CHINA in the title, China, Japan) and BEIJING missed", c)
	}
}
