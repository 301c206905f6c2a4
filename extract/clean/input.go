package clean

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// MaxInputSize is the largest input, in bytes, that HTML and Text
// accept (5 MiB). Larger inputs fail with ErrTooLarge without being parsed:
// no news article is that big, and the HTML parser's memory grows with it.
const MaxInputSize = 5 << 20

// Errors returned by HTML and Text, wrapped with context; match
// them with errors.Is.
var (
	// ErrEmpty means no article text was found.
	ErrEmpty = errors.New("extract: no article text found")
	// ErrBinary means the input is not text: it holds NUL bytes, many
	// control characters, or is mostly invalid UTF-8.
	ErrBinary = errors.New("extract: input is not text")
	// ErrTooLarge means the input is larger than MaxInputSize.
	ErrTooLarge = errors.New("extract: input too large")
	// ErrTooDeep means the HTML nests elements too deeply for the parser
	// (more than 512 open elements).
	ErrTooDeep = errors.New("extract: HTML nested too deeply")
)

// readInput reads all of r, failing with ErrTooLarge past MaxInputSize.
func readInput(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("extract: read input: %w", err)
	}
	if len(b) > MaxInputSize {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxInputSize)
	}
	return b, nil
}

// checkText reports ErrBinary for input that is not text: a NUL byte,
// more than 1% control characters, or more than 30% invalid UTF-8 bytes.
func checkText(b []byte) error {
	if bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("%w: NUL byte", ErrBinary)
	}
	var controls, invalid int
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b,
			r == 0x7f:
			controls++
		}
		i += size
	}
	switch {
	case controls*100 > len(b):
		return fmt.Errorf("%w: %d control characters in %d bytes", ErrBinary, controls, len(b))
	case invalid*10 > len(b)*3:
		return fmt.Errorf("%w: %d invalid UTF-8 bytes in %d", ErrBinary, invalid, len(b))
	}
	return nil
}

// hasBOM reports whether b starts with a UTF-8 or UTF-16 byte order mark.
func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff"))
}

// decodeBOM decodes text that starts with a UTF-16 byte order mark (little
// or big endian) to UTF-8, without the mark; other text is returned as it
// is. Without it, UTF-16 text, which Windows editors save, fails checkText
// for its NUL bytes.
func decodeBOM(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, []byte("\xff\xfe")) && !bytes.HasPrefix(b, []byte("\xfe\xff")) {
		return b, nil
	}
	out, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("%w: decode UTF-16: %v", ErrBinary, err)
	}
	return out, nil
}

// metaCharsetRe finds a charset declaration anywhere in the head.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// decodeHTML converts the page to UTF-8 (see HTML) and rejects binary
// input. warning is "" or says that the declared charset was overruled
// because the bytes contradict it: "charset: declared X, decoded as Y".
func decodeHTML(raw []byte, contentType string) (src, warning string, err error) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	// declared is the charset the header or the page names; "" when
	// the name is the prescan's guess or comes from a byte order mark.
	// It is the label as written ("iso-8859-1"), not the name of the
	// encoding it stands for ("windows-1252").
	declared := ""
	if certain && !hasBOM(raw) {
		declared = name
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			declared = strings.ToLower(params["charset"])
		}
	}
	if !certain {
		head := raw[:min(len(raw), 64<<10)]
		if m := metaCharsetRe.FindSubmatch(head); m != nil {
			if e, n := charset.Lookup(string(m[1])); e != nil {
				enc, name, declared = e, n, strings.ToLower(string(m[1]))
			}
		}
	}
	overruled := func(as string) string {
		return fmt.Sprintf("charset: declared %s, decoded as %s", declared, as)
	}
	if name != "utf-8" && !hasBOM(raw) && utf8.Valid(raw) && !isASCII(raw) {
		// Valid UTF-8 with non-ASCII in it is almost never text in another
		// charset (Shift_JIS and windows-1252 text is invalid UTF-8), and
		// decoding it as one makes mojibake.
		if err := checkText(raw); err != nil {
			return "", "", err
		}
		if declared != "" {
			warning = overruled("utf-8")
		}
		return string(raw), warning, nil
	}
	if name == "utf-8" {
		if err := checkText(raw); err != nil {
			return "", "", err
		}
		switch {
		case utf8.Valid(raw):
			return string(raw), "", nil
		case certain && declared == "":
			// A UTF-8 byte order mark: trust it, mark what is broken.
			return strings.ToValidUTF8(string(raw), "\uFFFD"), "", nil
		}
		s, legacy := toUTF8Legacy(raw)
		if legacy && declared != "" {
			warning = overruled("windows-1252")
		}
		return s, warning, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("%w: decode %s: %v", ErrBinary, name, err)
	}
	if err := checkText(out); err != nil {
		return "", "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), "", nil
}

// isASCII reports whether b has only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// toUTF8 makes text of unknown encoding valid UTF-8: input with invalid
// sequences and no valid multi-byte ones is taken as windows-1252 (a superset
// of Latin-1, what legacy Western text usually is); otherwise invalid bytes
// become U+FFFD.
func toUTF8(b []byte) string {
	s, _ := toUTF8Legacy(b)
	return s
}

// toUTF8Legacy is toUTF8, also reporting whether b was read as
// windows-1252.
func toUTF8Legacy(b []byte) (string, bool) {
	if utf8.Valid(b) {
		return string(b), false
	}
	multi := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if size > 1 && r != utf8.RuneError {
			multi = true
			break
		}
		i += size
	}
	if !multi {
		if s, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			return string(s), true
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), false
}

// collapseSpace collapses every run of Unicode white space to one space,
// drops control and zero-width characters, replaces invalid UTF-8 with
// U+FFFD, and trims the ends.
func collapseSpace(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsControl(r):
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
