package clean

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addCleanSeeds adds the golden inputs with the given extension to f.
func addCleanSeeds(f *testing.F, ext string) {
	m, err := filepath.Glob(filepath.Join("testdata", "clean", "*"+ext))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range m {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkCleanProperties checks what every Article must satisfy.
// fromHTML says a came from HTML, whose idempotence property needs a
// title (see Text).
func checkCleanProperties(t *testing.T, a Article, err error, fromHTML bool) {
	t.Helper()
	if err != nil {
		for _, want := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrTooDeep} {
			if errors.Is(err, want) {
				return
			}
		}
		t.Fatalf("unexpected error %v", err)
	}
	if a.Text == "" {
		t.Fatal("no error but empty Text")
	}
	for name, s := range map[string]string{"Title": a.Title, "Text": a.Text} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", name, s)
		}
		if s != strings.TrimSpace(s) {
			t.Fatalf("%s has leading or trailing space: %q", name, s)
		}
	}
	if strings.Contains(a.Text, "\n\n\n") {
		t.Fatalf("Text has more than one blank line between paragraphs: %q", a.Text)
	}
	for _, p := range strings.Split(a.Text, "\n\n") {
		if p == "" || p != collapseSpace(p) {
			t.Fatalf("paragraph not space-collapsed or empty: %q", p)
		}
	}
	if strings.Contains(a.Title, "\n") {
		t.Fatalf("Title spans lines: %q", a.Title)
	}
	if !fromHTML || a.Title != "" {
		checkIdempotent(t, a)
	}
}

// FuzzCleanText checks Text's properties (checkCleanProperties) on
// arbitrary bytes: no panic, a known error or valid, trimmed, idempotent text.
func FuzzCleanText(f *testing.F) {
	addCleanSeeds(f, ".txt")
	f.Add([]byte("date 2019-01-02 Title\n\n4 December 2017\n\nBy Jane Smith\n\nText.\n\nComments"))
	f.Add([]byte("Title\r\nline one that is wrapped at a fixed width and keeps going on\r\nline two"))
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := Text(in)
		checkCleanProperties(t, a, err, false)
	})
}

// FuzzCleanHTML checks HTML's properties (checkCleanProperties) on
// arbitrary bytes, with no content type or page URL.
func FuzzCleanHTML(f *testing.F) {
	addCleanSeeds(f, ".html")
	f.Add([]byte(`<p>a<br><br>b</p><article><h1>T</h1><p>Text</p></article>`))
	f.Add([]byte(`<title>4 December 2017</title><p>Only text.</p>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := HTML(bytes.NewReader(in), "", "")
		checkCleanProperties(t, a, err, true)
	})
}
