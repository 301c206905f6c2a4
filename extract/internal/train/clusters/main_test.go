package main

import (
	"slices"
	"testing"
)

func collect(t *testing.T, fn func(doc func(string) error) error) []string {
	t.Helper()
	var docs []string
	if err := fn(func(s string) error { docs = append(docs, s); return nil }); err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		read func(doc func(string) error) error
		want []string
	}{
		{"reuters", func(doc func(string) error) error {
			return reutersDocs([]byte(`<REUTERS NEWID="1"><DATE>x</DATE><TEXT>&#2;
<TITLE>COCOA &lt;REVIEW&gt;</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued
throughout the week.
    Arrivals rose.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="2"><TEXT><TITLE>BRIEF ONLY</TITLE></TEXT></REUTERS>`), doc)
		}, []string{"COCOA <REVIEW>\nSALVADOR, Feb 26 - Showers continued throughout the week.\nArrivals rose.\nReuter ", "BRIEF ONLY\n"}},
		{"conll", func(doc func(string) error) error {
			return conllDocs([]byte("-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- O O\n\nOne CD O O\n"), doc)
		}, []string{"EU rejects\nPeter\n", "One\n"}},
		{"jsonl", func(doc func(string) error) error {
			return jsonlDocs([]byte(`{"id": "a", "text": "Hello there."}`+"\n\n"+`{"text": "Two"}`+"\n"), doc)
		}, []string{"Hello there.", "Two"}},
		{"brown", func(doc func(string) error) error {
			return brownDocs([]byte("\n\n\tThe/at Fulton/np-tl jury/nn said/vbd ``/`` no/at ''/'' ./.\n\n\n\tIt/pps 1/2/cd ./.\n"), doc)
		}, []string{"The Fulton jury said \" no \" .\nIt 1/2 .\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := collect(t, tt.read); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
	if err := jsonlDocs([]byte("{not json\n"), func(string) error { return nil }); err == nil {
		t.Error("jsonlDocs of bad JSON: no error")
	}
}
