package eval

import (
	"os"
	"strings"
	"testing"

	"github.com/bylinehq/byline/extract"
	"github.com/bylinehq/byline/pipeline"
)

// The texts of the test articles in testdata/gold.json (invented, not real
// news).
const (
	textA = "Councillor Jane Whitaker said on Tuesday that work on the sea wall would start in March.\n\n" +
		"“We have waited long enough for this,” Ms Whitaker told the Harbour Gazette. “The town deserves protection.”\n\n" +
		"The Environment Agency called the plan “sensible”, but Dr Tom Okafor, an engineer at the University of Bristol, said it was “a gamble with public money”.\n\n" +
		"Whitaker’s deputy, Sam Reid, said the council would publish the costs on Tuesday."
	textB = "MANCHESTER, 4 May 2023 - Police in Manchester arrested two men after a break-in at the Royal Exchange Theatre, Greater Manchester Police said.\n\n" +
		"Detective Inspector Priya Nair said: \"We are keen to hear from anyone who saw the van.\" She described the damage as \"considerable\".\n\n" +
		"The theatre's director, Alex Brennan, said the building would reopen next week."
)

// at returns the byte span of the n-th (1-based) occurrence of s in text,
// found with plain strings.Index so that tests do not rely on the code
// under test.
func at(t testing.TB, text, s string, n int) (int, int) {
	t.Helper()
	from := 0
	for i := 1; ; i++ {
		j := strings.Index(text[from:], s)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not in text", n, s)
		}
		if i == n {
			return from + j, from + j + len(s)
		}
		from += j + len(s)
	}
}

func ptr[T any](v T) *T { return &v }

func ent(t testing.TB, text, typ, s string, n int, canonical string) extract.Entity {
	a, b := at(t, text, s, n)
	return extract.Entity{Type: typ, Text: s, Start: a, End: b, Canonical: canonical}
}

func quote(t testing.TB, text, s string, n int, speaker *string, kind string) extract.Quote {
	a, b := at(t, text, s, n)
	return extract.Quote{Text: s, Start: a, End: b, Speaker: speaker, Kind: kind}
}

func date(t testing.TB, text, s string, n int, value *string) extract.Date {
	a, b := at(t, text, s, n)
	return extract.Date{Text: s, Start: a, End: b, Value: value}
}

func names(ns ...string) []extract.Name {
	out := []extract.Name{}
	for _, n := range ns {
		out = append(out, extract.Name{Name: n, Mentions: 1})
	}
	return out
}

// perfectRecords are the records a perfect tool would produce for a.txt and
// news/b.txt of testdata/gold.json.
func perfectRecords(t testing.TB) []pipeline.Record {
	const P, O, L = extract.Person, extract.Organization, extract.Place
	a := pipeline.Record{
		ID: "a", Source: "corpus/a.txt", Title: "Harbour council approves £4m sea wall", Text: textA,
		Result: extract.Result{
			Entities: []extract.Entity{
				ent(t, textA, P, "Jane Whitaker", 1, "Jane Whitaker"),
				ent(t, textA, P, "Ms Whitaker", 1, "Jane Whitaker"),
				ent(t, textA, O, "Harbour Gazette", 1, "Harbour Gazette"),
				ent(t, textA, O, "Environment Agency", 1, "Environment Agency"),
				ent(t, textA, P, "Tom Okafor", 1, "Tom Okafor"),
				ent(t, textA, O, "University of Bristol", 1, "University of Bristol"),
				ent(t, textA, P, "Whitaker’s", 1, "Jane Whitaker"),
				ent(t, textA, P, "Sam Reid", 1, "Sam Reid"),
			},
			People:        names("Jane Whitaker", "Sam Reid", "Tom Okafor"),
			Organizations: names("Environment Agency", "Harbour Gazette", "University of Bristol"),
			Places:        names(),
			Quotes: []extract.Quote{
				quote(t, textA, "We have waited long enough for this,", 1, ptr("Jane Whitaker"), extract.Direct),
				quote(t, textA, "The town deserves protection.", 1, ptr("Jane Whitaker"), extract.Direct),
				quote(t, textA, "sensible", 1, ptr("Environment Agency"), extract.Partial),
				quote(t, textA, "a gamble with public money", 1, ptr("Tom Okafor"), extract.Partial),
			},
			Dates: []extract.Date{
				date(t, textA, "Tuesday", 1, ptr("2024-03-12")),
				date(t, textA, "March", 1, ptr("2024-03")),
				date(t, textA, "Tuesday", 2, ptr("2024-03-19")),
			},
		},
	}
	b := pipeline.Record{
		ID: "b", Source: "corpus/news/b.txt", Title: "Two arrested after theatre break-in", Published: ptr("2023-05-04"), Text: textB,
		Result: extract.Result{
			Entities: []extract.Entity{
				ent(t, textB, L, "MANCHESTER", 1, "Manchester"),
				ent(t, textB, L, "Manchester", 1, "Manchester"),
				ent(t, textB, O, "Royal Exchange Theatre", 1, "Royal Exchange Theatre"),
				ent(t, textB, O, "Greater Manchester Police", 1, "Greater Manchester Police"),
				ent(t, textB, P, "Priya Nair", 1, "Priya Nair"),
				ent(t, textB, P, "Alex Brennan", 1, "Alex Brennan"),
			},
			People:        names("Alex Brennan", "Priya Nair"),
			Organizations: names("Greater Manchester Police", "Royal Exchange Theatre"),
			Places:        names("Manchester"),
			Quotes: []extract.Quote{
				quote(t, textB, "We are keen to hear from anyone who saw the van.", 1, ptr("Priya Nair"), extract.Direct),
				quote(t, textB, "considerable", 1, ptr("Priya Nair"), extract.Partial),
			},
			Dates: []extract.Date{
				date(t, textB, "4 May 2023", 1, ptr("2023-05-04")),
				date(t, textB, "next week", 1, ptr("2023-W19")),
			},
		},
	}
	return []pipeline.Record{a, b}
}

// imperfectRecords are plausible tool output with a known set of errors,
// for the golden report (see the comments for what each is meant to
// show).
func imperfectRecords(t testing.TB) []pipeline.Record {
	const P, O, L = extract.Person, extract.Organization, extract.Place
	a := pipeline.Record{
		ID: "a", Source: "corpus/a.txt", Title: "Harbour council approves £4m sea wall", Text: textA,
		Result: extract.Result{
			Entities: []extract.Entity{
				ent(t, textA, P, "Councillor Jane Whitaker", 1, "Jane Whitaker"), // title stripped: matches
				ent(t, textA, P, "Whitaker", 2, "Whitaker"),                      // name part of "Ms Whitaker": matches
				ent(t, textA, O, "Harbour", 1, "Harbour"),                        // half of "Harbour Gazette": matches
				ent(t, textA, L, "Environment Agency", 1, "Environment Agency"),  // wrong type: missed + spurious
				ent(t, textA, P, "Tom Okafor", 1, "Tom Okafor"),
				ent(t, textA, P, "Whitaker’s", 1, "Whitaker"), // possessive trimmed: matches
				// University of Bristol and Sam Reid missed.
			},
			People:        names("Jane Whitaker", "Whitaker", "Tom Okafor"), // unmerged Whitaker: spurious; Sam Reid missed
			Organizations: names("Bristol University", "Environment Agency", "Harbour"),
			Places:        names("Environment Agency"),
			Quotes: []extract.Quote{
				quote(t, textA, "We have waited long enough for this,", 1, ptr("Whitaker"), extract.Partial), // surname: right speaker; wrong kind
				quote(t, textA, "The town deserves protection.", 1, nil, extract.Direct),                     // missing speaker
				quote(t, textA, "sensible", 1, ptr("EA"), extract.Partial),                                   // alias: right
				quote(t, textA, "work on the sea wall", 1, nil, extract.Partial),                             // spurious
				// "a gamble with public money" missed.
			},
			Dates: []extract.Date{
				date(t, textA, "on Tuesday", 1, ptr("2024-03-12")), // longer span: matches
				date(t, textA, "March", 1, ptr("2025-03")),         // wrong value
			},
		},
	}
	b := pipeline.Record{
		ID: "b", Source: "corpus/news/b.txt", Title: "Two arrested after  theatre break-in", Published: ptr("2023-05-04T09:00:00Z"), Text: textB,
		Result: extract.Result{
			Entities: []extract.Entity{
				ent(t, textB, L, "MANCHESTER", 1, "Manchester"),
				ent(t, textB, L, "Manchester", 1, "Manchester"),
				ent(t, textB, O, "Royal Exchange", 1, "Royal Exchange"),
				ent(t, textB, L, "Greater Manchester", 1, "Greater Manchester"), // spurious place
				ent(t, textB, O, "Police", 2, "Police"),                         // overlaps Greater Manchester Police enough
				ent(t, textB, P, "Priya Nair", 1, "Priya Nair"),
				ent(t, textB, P, "Alex Brennan", 1, "Alex Brennan"),
			},
			People:        names("Alex Brennan", "Priya Nair"),
			Organizations: names("GMP", "Royal Exchange"),
			Places:        names("Greater Manchester", "Manchester"),
			Quotes: []extract.Quote{
				quote(t, textB, "We are keen to hear from anyone who saw the van.", 1, ptr("Priya Nair"), extract.Direct),
				quote(t, textB, "considerable", 1, ptr("Alex Brennan"), extract.Partial), // wrong speaker
			},
			Dates: []extract.Date{
				date(t, textB, "4 May 2023", 1, ptr("2023-05-04")),
				date(t, textB, "next week", 1, ptr("2023-W20")), // wrong value
			},
		},
	}
	extra := pipeline.Record{ID: "x", Source: "corpus/extra.txt", Text: "Nothing here."}
	return []pipeline.Record{a, b, extra}
}

func loadTestGold(t testing.TB) *Gold {
	t.Helper()
	f, err := os.Open("testdata/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := LoadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// withoutGone returns the test gold without the document that has no
// record.
func withoutGone(g *Gold) *Gold {
	c := *g
	c.Documents = nil
	for _, d := range g.Documents {
		if d.File != "gone.txt" {
			c.Documents = append(c.Documents, d)
		}
	}
	return &c
}
