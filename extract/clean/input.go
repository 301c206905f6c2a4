package clean

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
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

// toUTF8 makes text of unknown encoding valid UTF-8: input with invalid
// sequences and no valid multi-byte ones is taken as windows-1252 (a superset
// of Latin-1, what legacy Western text usually is); otherwise invalid bytes
// become U+FFFD.
func toUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
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
			return string(s)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
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
