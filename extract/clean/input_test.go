package clean

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTextUTF16WithBOM: Windows editors save UTF-16 with a byte order
// mark; its NUL bytes made Text reject it as binary, although HTML
// decoded the same bytes.
func TestTextUTF16WithBOM(t *testing.T) {
	t.Parallel()
	const in = "Café owner speaks\n\nZoë Smith said the café would open on Monday."
	want, err := Text([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		e    encoding.Encoding
	}{
		{"little endian", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"big endian", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			raw := encode(t, tc.e, in)
			if raw[0] != 0xff && raw[0] != 0xfe {
				t.Fatalf("no byte order mark: % x", raw[:4])
			}
			a, err := Text(raw)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if a.Title != want.Title || a.Text != want.Text {
				t.Errorf("got %q / %q, want %q / %q", a.Title, a.Text, want.Title, want.Text)
			}
		})
	}
}

// TestHTMLCharsetDeclarationContradicted: a declared charset the bytes
// contradict is overruled, and the article says so, instead of indexing
// mojibake without a word.
func TestHTMLCharsetDeclarationContradicted(t *testing.T) {
	t.Parallel()
	const text = "東京のニュース: 価格が上がったと店主たちは言った。"
	page := func(head string, body []byte) []byte {
		return append([]byte("<html><head>"+head+"<title>T</title></head><body><article><p>"), append(body, "</p></article></body></html>"...)...)
	}
	cp1252 := []byte("Caf\xe9 \x93quoted\x94 owners said prices rose.")
	for _, tc := range []struct {
		name, contentType string
		raw               []byte
		want, warning     string
	}{
		{"meta shift_jis, bytes UTF-8", "", page(`<meta charset="shift_jis">`, []byte(text)), text, "charset: declared shift_jis, decoded as utf-8"},
		{"header shift_jis, bytes UTF-8", "text/html; charset=Shift_JIS", page("", []byte(text)), text, "charset: declared shift_jis, decoded as utf-8"},
		{"header latin-1, bytes UTF-8", "text/html; charset=iso-8859-1", page("", []byte("Café owners said prices rose.")), "Café owners said prices rose.", "charset: declared iso-8859-1, decoded as utf-8"},
		{"meta utf-8, bytes windows-1252", "", page(`<meta charset="utf-8">`, cp1252), "Café “quoted” owners said prices rose.", "charset: declared utf-8, decoded as windows-1252"},
		{"header utf-8, bytes windows-1252", "text/html; charset=utf-8", page("", cp1252), "Café “quoted” owners said prices rose.", "charset: declared utf-8, decoded as windows-1252"},
		{"shift_jis that is shift_jis", "", page(`<meta charset="shift_jis">`, encode(t, japanese.ShiftJIS, text)), text, ""},
		{"undeclared UTF-8", "", page("", []byte(text)), text, ""},
		{"undeclared windows-1252", "", page("", cp1252), "Café “quoted” owners said prices rose.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := HTML(strings.NewReader(string(tc.raw)), tc.contentType, "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("Text = %q, want %q", a.Text, tc.want)
			}
			var want []string
			if tc.warning != "" {
				want = []string{tc.warning}
			}
			if !slices.Equal(a.Warnings, want) {
				t.Errorf("Warnings = %q, want %q", a.Warnings, want)
			}
		})
	}
}
