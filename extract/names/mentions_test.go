package names

import (
	"strings"
	"testing"
)

// want is an entity a test expects: its text as written, type and
// canonical name ("" means the same as the text).
type want struct{ text, typ, canonical string }

func TestTagRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []want
		// not lists texts that must not be tagged as any entity.
		not []string
	}{
		{
			name: "after a title and 'of', a place and the name that follows are two names",
			text: "Prime Minister of Estonia Kaarel Tamm said the talks failed.",
			want: []want{{"Estonia", Place, ""}, {"Kaarel Tamm", Person, ""}},
			not:  []string{"Estonia Kaarel Tamm"},
		},
		{
			name: "a person of an institution is two names, not one",
			text: "Dr. Nadia Reyes of Trinity College Dublin, an expert, explained that it failed.",
			want: []want{{"Dr. Nadia Reyes", Person, "Nadia Reyes"}, {"Trinity College Dublin", Organization, ""}},
			not:  []string{"Nadia Reyes of Trinity College Dublin"},
		},
		{
			name: "honorific marks a person and is stripped from the canonical name",
			text: "Dr Priya Raman warned that waiting lists would grow.",
			want: []want{{"Dr Priya Raman", Person, "Priya Raman"}},
		},
		{
			name: "job title before the name is context, not the name",
			text: "The talks were opened by Foreign Secretary Julian Ashworth in the morning.",
			want: []want{{"Julian Ashworth", Person, ""}},
			not:  []string{"Foreign Secretary Julian Ashworth", "Foreign", "Secretary"},
		},
		{
			name: "lowercase role noun before the name",
			text: "The report was leaked to deputy commissioner Sunita Varga last week.",
			want: []want{{"Sunita Varga", Person, ""}},
		},
		{
			name: "title alone at sentence start is not a place",
			text: "Assistant commissioner Rowan Blake said officers were ready.",
			want: []want{{"Rowan Blake", Person, ""}},
			not:  []string{"Assistant"},
		},
		{
			name: "post-nominal MP is dropped",
			text: "The bill was tabled by Harriet Okoro MP on behalf of the committee.",
			want: []want{{"Harriet Okoro", Person, ""}},
			not:  []string{"MP", "Harriet Okoro MP"},
		},
		{
			name: "place before a title is its own entity",
			text: "The summit was hosted by French President Amelie Durand and German Chancellor Lukas Brandt.",
			want: []want{{"Amelie Durand", Person, ""}, {"Lukas Brandt", Person, ""}},
		},
		{
			name: "place glued to a name after a title is split off",
			text: "The First Minister of Scotland Fiona Reid said the vote would go ahead.",
			want: []want{{"Scotland", Place, ""}, {"Fiona Reid", Person, ""}},
			not:  []string{"Scotland Fiona Reid"},
		},
		{
			name: "Secretary of State is a title",
			text: "Secretary of State Gloria Mendez arrived in Lima.",
			want: []want{{"Gloria Mendez", Person, ""}, {"Lima", Place, ""}},
			not:  []string{"State Gloria Mendez"},
		},
		{
			name: "organisation heads",
			text: "Staff at Northgate Logistics Ltd complained to the Kestrel Borough Council and the Coastal Water Authority.",
			want: []want{
				{"Northgate Logistics Ltd", Organization, ""},
				{"Kestrel Borough Council", Organization, ""},
				{"Coastal Water Authority", Organization, ""},
			},
		},
		{
			name: "of and for inside organisation names",
			text: "The Bank of England and the Department for Work and Pensions published figures.",
			want: []want{
				{"Bank of England", Organization, ""},
				{"Department for Work and Pensions", Organization, ""},
			},
			not: []string{"England"},
		},
		{
			name: "acronyms are organisations unless places",
			text: "Officials from NATO and the IMF travelled from the UK to the US.",
			want: []want{
				{"NATO", Organization, ""},
				{"IMF", Organization, ""},
				{"UK", Place, ""},
				{"US", Place, ""},
			},
		},
		{
			name: "acronyms that name nothing",
			text: "The CEO told MPs that GDP fell, according to CCTV footage shown on TV.",
			not:  []string{"CEO", "MPs", "GDP", "CCTV", "TV"},
		},
		{
			name: "gazetteer places and direction words",
			text: "Flights from Nairobi to Northern Ireland and South Korea were cancelled, and storms hit North Wales.",
			want: []want{
				{"Nairobi", Place, ""},
				{"Northern Ireland", Place, ""},
				{"South Korea", Place, ""},
				{"North Wales", Place, ""},
			},
		},
		{
			name: "demonyms are not places",
			text: "Talks between Kenyan and Danish negotiators and British officials ended.",
			not:  []string{"Kenyan", "Danish", "British"},
		},
		{
			name: "leading The and possessive are stripped",
			text: "The Riverside Trust's chief said the Riverside Trust was short of money.",
			want: []want{{"Riverside Trust", Organization, ""}},
			not:  []string{"The Riverside Trust", "Riverside Trust's", "Riverside Trust\u2019s"},
		},
		{
			name: "curly possessive is stripped",
			text: "Police searched Marcus Holloway\u2019s flat in Leeds.",
			want: []want{{"Marcus Holloway", Person, ""}, {"Leeds", Place, ""}},
		},
		{
			name: "sentence-initial common words are not names",
			text: "However, Meanwhile and Following are words. Speaking later, Ruth Adeyemi agreed.",
			want: []want{{"Ruth Adeyemi", Person, ""}},
			not:  []string{"However", "Meanwhile", "Following", "Speaking"},
		},
		{
			name: "sentence-final period is not part of the name",
			text: "The files were handed to the Serious Fraud Office.",
			want: []want{{"Serious Fraud Office", Organization, ""}},
		},
		{
			name: "days and months do not start names but May can end one",
			text: "On Monday Theresa May met officials in July.",
			want: []want{{"Theresa May", Person, ""}},
			not:  []string{"Monday", "July", "On Monday Theresa May"},
		},
		{
			name: "the plus a publication",
			text: "He told the Guardian that he would resign.",
			want: []want{{"Guardian", Organization, ""}},
		},
		{
			name: "given name marks a person the model missed",
			text: "Gregory Tallis, the author, was not available.",
			want: []want{{"Gregory Tallis", Person, ""}},
		},
		{
			name: "Title Case headline takes only names known from the body",
			text: "Pension Reform Shock As Minister Eleanor Briggs Quits Over Leak\n\nMinister Eleanor Briggs resigned on Friday.",
			want: []want{{"Eleanor Briggs", Person, ""}},
			not:  []string{"Pension Reform Shock", "Quits Over Leak", "Leak", "Pension"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := tag(t, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, tt.name, tt.text, r)
			assertEntities(t, tt.text, r.Entities, tt.want, tt.not)
		})
	}
}

func assertEntities(t *testing.T, text string, got []Entity, wants []want, not []string) {
	t.Helper()
	for _, w := range wants {
		canon := w.canonical
		if canon == "" {
			canon = w.text
		}
		found := false
		for _, e := range got {
			if e.Text == w.text && e.Type == w.typ && e.Canonical == canon {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("Tag(%q): no %s %q (canonical %q) in\n%s", text, w.typ, w.text, canon, dump(got))
		}
	}
	for _, n := range not {
		for _, e := range got {
			if e.Text == n {
				t.Errorf("Tag(%q): tagged %q as %s; it names nothing", text, n, e.Type)
			}
		}
	}
}

func dump(ents []Entity) string {
	var b strings.Builder
	for _, e := range ents {
		b.WriteString("\t" + e.Type + " " + e.Text + " -> " + e.Canonical + "\n")
	}
	return b.String()
}
