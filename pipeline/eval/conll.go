package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// Tagger tags a text, as extract's tagger does. published is the
// publication date relative dates resolve against, zero when unknown.
type Tagger interface {
	Tag(ctx context.Context, text string, published time.Time) (extract.Result, error)
}

// conllTypes maps CoNLL entity types to extract's; MISC is absent, so
// ignored.
var conllTypes = map[string]string{"PER": extract.Person, "ORG": extract.Organization, "LOC": extract.Place}

// maxCoNLLLine is the longest line ScoreCoNLL accepts, in bytes.
const maxCoNLLLine = 1 << 20

// conllDoc is one document being read: its text so far and gold spans.
type conllDoc struct {
	n, line int // 1-based document number and its first line
	text    strings.Builder
	gold    []typedSpan
	open    *typedSpan // the chunk being read, if any
	tokens  int
	sentEnd bool // the last token ended a sentence: the next starts a line
}

// TextExtractor runs a text through what `ingest extract` does to a pasted
// .txt file (cleaning, so the first line may become the title, then
// tagging) and returns the record it would print. pipeline.ExtractText is
// one, given a Tagger.
type TextExtractor interface {
	ExtractText(ctx context.Context, text string) (pipeline.Record, error)
}

type typedSpan struct {
	typ        string
	start, end int
}

func (d *conllDoc) close() {
	if d.open != nil {
		d.gold = append(d.gold, *d.open)
		d.open = nil
	}
}

// add appends a token with its IOB1 or IOB2 tag.
func (d *conllDoc) add(word, tag string) {
	switch {
	case d.sentEnd:
		d.text.WriteByte('\n')
		d.sentEnd = false
	case d.tokens > 0:
		d.text.WriteByte(' ')
	}
	d.tokens++
	start := d.text.Len()
	d.text.WriteString(word)
	end := d.text.Len()
	prefix, typ, _ := strings.Cut(tag, "-")
	switch {
	case tag == "O":
		d.close()
		return
	case prefix == "I" && d.open != nil && d.open.typ == typ:
		d.open.end = end
		return
	}
	// B-X, or I-X starting a chunk (IOB1). The CoNLL type is kept until
	// scoring, so MISC chunks still bound their neighbours.
	d.close()
	d.open = &typedSpan{typ, start, end}
}

// ScoreCoNLL reads CoNLL-2003 data from r one document at a time, gives
// each document's text to x as a user would paste it (one sentence a line,
// its tokens joined by single spaces), and scores the entity spans of the
// record x returns, title and text, against the gold chunks exactly (same
// start, end and type; MISC ignored on both sides). The record's title and
// text are mapped back onto the document by aligning their characters, so
// what cleaning drops (a dateline, a byline) counts as missed. Only the
// *_mentions metrics are defined in the result;
// documents are named "conll-NNNNN" (numbered from 00001) with source "line L". It stops
// at the first malformed line, tagging error or cancellation of ctx, and
// returns the error with the line or document.
func ScoreCoNLL(ctx context.Context, r io.Reader, x TextExtractor) (*Report, error) {
	rep := &Report{Overall: newScores()}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxCoNLLLine)
	var doc *conllDoc
	ndocs := 0
	flush := func() error {
		if doc == nil || doc.tokens == 0 {
			return nil
		}
		doc.close()
		if err := scoreCoNLLDoc(ctx, doc, x, rep); err != nil {
			return err
		}
		doc = nil
		return nil
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			if doc != nil {
				doc.close() // a chunk never spans sentences
				doc.sentEnd = doc.tokens > 0
			}
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("eval: conll line %d: %w", lineNo, context.Cause(ctx))
			}
			continue
		case fields[0] == "-DOCSTART-":
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		case len(fields) < 2:
			return nil, fmt.Errorf("eval: conll line %d: want \"word POS chunk NER\", got %q", lineNo, sc.Text())
		}
		tag := fields[len(fields)-1]
		if !validIOB(tag) {
			return nil, fmt.Errorf("eval: conll line %d: NER tag %q, want O or B-/I- with PER, ORG, LOC or MISC", lineNo, tag)
		}
		if doc == nil {
			ndocs++
			doc = &conllDoc{n: ndocs, line: lineNo}
		}
		doc.add(fields[0], tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: conll line %d: %w", lineNo+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	rep.sort()
	return rep, nil
}

func validIOB(tag string) bool {
	if tag == "O" {
		return true
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return false
	}
	return typ == "MISC" || conllTypes[typ] != ""
}

// scoreCoNLLDoc tags one document and adds its scores and items to rep.
func scoreCoNLLDoc(ctx context.Context, doc *conllDoc, x TextExtractor, rep *Report) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("eval: conll document %d (line %d): %w", doc.n, doc.line, context.Cause(ctx))
	}
	text := doc.text.String()
	rec, err := x.ExtractText(ctx, text)
	if err != nil {
		return fmt.Errorf("eval: conll document %d (line %d): %w", doc.n, doc.line, err)
	}
	dr := DocReport{File: fmt.Sprintf("conll-%05d", doc.n), Source: fmt.Sprintf("line %d", doc.line), Scores: newScores()}
	gold := make(map[typedSpan]bool)
	for _, g := range doc.gold {
		if typ := conllTypes[g.typ]; typ != "" {
			gold[typedSpan{typ, g.start, g.end}] = true
		}
	}
	pred := make(map[typedSpan]bool)
	al := newAligner(text)
	for _, part := range []struct {
		s    string
		ents []extract.Entity
	}{{rec.Title, rec.TitleEntities}, {rec.Text, rec.Entities}} {
		at := al.align(part.s)
		for _, e := range part.ents {
			if mentionFamily[e.Type] == "" {
				continue
			}
			start, end := at.span(e.Start, e.End)
			pred[typedSpan{e.Type, start, end}] = true
		}
	}
	counts := make(map[string]*Counts)
	for _, f := range mentionFamily {
		counts[f] = &Counts{}
	}
	item := func(s typedSpan, kind string) {
		it := Item{Doc: dr.File, Metric: mentionFamily[s.typ], Kind: kind, Start: s.start, End: s.end}
		if s.start >= 0 && s.start <= s.end && s.end <= len(text) {
			it.Text = text[s.start:s.end]
		}
		it.Context = excerpt(text, s.start, s.end)
		rep.Items = append(rep.Items, it)
	}
	for g := range gold {
		if pred[g] {
			counts[mentionFamily[g.typ]].TP++
			continue
		}
		counts[mentionFamily[g.typ]].FN++
		item(g, Missed)
	}
	for p := range pred {
		if !gold[p] {
			counts[mentionFamily[p.typ]].FP++
			item(p, Spurious)
		}
	}
	for f, c := range counts {
		dr.Scores.addPRF(f, *c)
		dr.Scores.addPRF("entities_mentions", *c)
	}
	rep.Overall.add(dr.Scores)
	rep.Documents = append(rep.Documents, dr)
	return nil
}
