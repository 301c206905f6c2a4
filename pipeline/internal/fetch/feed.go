package fetch

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Kind is what a fetched document holding links is.
type Kind int

// Kinds of link documents.
const (
	NotLinks     Kind = iota // not a feed or sitemap (an article, most likely)
	Feed                     // RSS, Atom or JSON Feed
	Sitemap                  // <urlset>: pages
	SitemapIndex             // <sitemapindex>: more sitemaps
)

func (k Kind) String() string {
	switch k {
	case Feed:
		return "feed"
	case Sitemap:
		return "sitemap"
	case SitemapIndex:
		return "sitemap index"
	}
	return "page"
}

// MaxLinks is the most links taken from one feed or sitemap: the sitemap
// protocol's own limit per file.
const MaxLinks = 50_000

// ErrNotLinks is the error of Links on a document that is neither a feed
// nor a sitemap.
var ErrNotLinks = errors.New("not a feed or sitemap")

// Sniff tells from its first bytes whether body is a feed or a sitemap.
// A gzipped body (a sitemap.xml.gz) is looked into.
func Sniff(body []byte) Kind {
	body = gunzipHead(body)
	t := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if bytes.HasPrefix(t, []byte("{")) {
		if bytes.Contains(body[:min(len(body), 512)], []byte("jsonfeed.org")) {
			return Feed
		}
		return NotLinks
	}
	d := xml.NewDecoder(bytes.NewReader(t))
	d.Strict = false
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return NotLinks
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "feed", "rdf":
				return Feed
			case "urlset":
				return Sitemap
			case "sitemapindex":
				return SitemapIndex
			}
			return NotLinks
		}
	}
	return NotLinks
}

// gunzipHead returns the start of a gzipped body decompressed, for
// sniffing, or body itself when it is not gzipped.
func gunzipHead(body []byte) []byte {
	if !isGzip(body) {
		return body
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return body
	}
	head, _ := io.ReadAll(io.LimitReader(zr, 4096))
	return head
}

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// Links returns the article links of a feed or sitemap, or the sitemaps of
// a sitemap index, resolved against base and in document order. Entries
// dated before since (a feed item's published or updated date, a
// sitemap's lastmod) are left out; undated ones are kept; a zero since
// keeps all. maxBytes caps a gzipped sitemap once decompressed.
func Links(body []byte, base string, since time.Time, maxBytes int64) (Kind, []string, error) {
	if isGzip(body) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return NotLinks, nil, fmt.Errorf("gzipped sitemap: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
		if err != nil {
			return NotLinks, nil, fmt.Errorf("gzipped sitemap: %w", err)
		}
		if int64(len(b)) > maxBytes {
			return NotLinks, nil, fmt.Errorf("%w: sitemap over %d MiB once decompressed", ErrTooLarge, maxBytes>>20)
		}
		body = b
	}
	bu, err := url.Parse(base)
	if err != nil {
		return NotLinks, nil, fmt.Errorf("base URL: %w", err)
	}
	kind := Sniff(body)
	var links []string
	switch kind {
	case Feed:
		links, err = feedLinks(body, since)
	case Sitemap, SitemapIndex:
		links, err = sitemapLinks(body, since)
	default:
		return NotLinks, nil, ErrNotLinks
	}
	if err != nil {
		return kind, nil, fmt.Errorf("%s: %w", kind, err)
	}
	out := links[:0]
	for _, l := range links {
		u, err := bu.Parse(strings.TrimSpace(l))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		u.Fragment = ""
		out = append(out, u.String())
		if len(out) == MaxLinks {
			break
		}
	}
	return kind, out, nil
}

func feedLinks(body []byte, since time.Time) ([]string, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var links []string
	for _, it := range f.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" {
			continue
		}
		d := it.PublishedParsed
		if d == nil {
			d = it.UpdatedParsed
		}
		if !since.IsZero() && d != nil && d.Before(since) {
			continue
		}
		links = append(links, link)
	}
	return links, nil
}

// sitemap is both a <urlset> and a <sitemapindex>: their entries differ
// only in the element name.
type sitemap struct {
	URLs     []sitemapEntry `xml:"url"`
	Sitemaps []sitemapEntry `xml:"sitemap"`
}

type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

func sitemapLinks(body []byte, since time.Time) ([]string, error) {
	var sm sitemap
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	if err := d.Decode(&sm); err != nil {
		return nil, err
	}
	var links []string
	for _, e := range append(sm.URLs, sm.Sitemaps...) {
		if e.Loc == "" {
			continue
		}
		if t, ok := parseLastMod(e.LastMod); ok && !since.IsZero() && t.Before(since) {
			continue
		}
		links = append(links, e.Loc)
	}
	return links, nil
}

// parseLastMod parses a W3C datetime as sitemaps use it: a date, or a date
// and time with a zone, with or without seconds.
func parseLastMod(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
