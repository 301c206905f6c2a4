package fetch

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rss returns an RSS 2.0 feed of n items, one a day back from 2026-03-01,
// with relative links on odd items.
func rss(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>`)
	for i := range n {
		link := fmt.Sprintf("https://news.example/a/%d", i)
		if i%2 == 1 {
			link = fmt.Sprintf("/a/%d", i)
		}
		d := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, -i)
		fmt.Fprintf(&b, "<item><title>Item %d</title><link>%s</link><pubDate>%s</pubDate></item>", i, link, d.Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func sitemapXML(root, elem string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><%s xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, root)
	for i := range n {
		d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i)
		fmt.Fprintf(&b, "<%s><loc>https://news.example/s/%d</loc><lastmod>%s</lastmod></%s>", elem, i, d.Format("2006-01-02T15:04:05-07:00"), elem)
	}
	fmt.Fprintf(&b, "<%s><loc>https://news.example/s/undated</loc></%s></%s>", elem, elem, root)
	return b.String()
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestLinks(t *testing.T) {
	t.Parallel()
	since := time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC)
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>One</title><link href="https://news.example/one"/><updated>2026-02-27T10:00:00Z</updated></entry>
<entry><title>Old</title><link rel="alternate" href="https://news.example/old#top"/><updated>2019-07-01T10:00:00Z</updated></entry>
<entry><title>No link</title></entry></feed>`
	for _, tc := range []struct {
		name      string
		body      []byte
		since     time.Time
		wantKind  Kind
		wantN     int
		wantFirst string
		wantLast  string
	}{
		{"rss 50", []byte(rss(50)), time.Time{}, Feed, 50, "https://news.example/a/0", "https://feeds.example/a/49"},
		{"rss since", []byte(rss(50)), since, Feed, 10, "https://news.example/a/0", "https://feeds.example/a/9"},
		{"atom since", []byte(atom), since, Feed, 1, "https://news.example/one", "https://news.example/one"},
		{"atom", []byte(atom), time.Time{}, Feed, 2, "https://news.example/one", "https://news.example/old"},
		{"sitemap 50", []byte(sitemapXML("urlset", "url", 50)), time.Time{}, Sitemap, 51, "https://news.example/s/0", "https://news.example/s/undated"},
		{"sitemap since keeps undated", []byte(sitemapXML("urlset", "url", 50)), since, Sitemap, 11, "https://news.example/s/0", "https://news.example/s/undated"},
		{"sitemap gzipped", gzipped(sitemapXML("urlset", "url", 3)), time.Time{}, Sitemap, 4, "https://news.example/s/0", "https://news.example/s/undated"},
		{"sitemap index", []byte(sitemapXML("sitemapindex", "sitemap", 2)), time.Time{}, SitemapIndex, 3, "https://news.example/s/0", "https://news.example/s/undated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			kind, links, err := Links(tc.body, "https://feeds.example/rss.xml", tc.since, DefaultMaxBytes)
			if err != nil {
				t.Fatal(err)
			}
			if kind != tc.wantKind || len(links) != tc.wantN {
				t.Fatalf("%v with %d links, want %v with %d: %v", kind, len(links), tc.wantKind, tc.wantN, links)
			}
			if links[0] != tc.wantFirst || links[len(links)-1] != tc.wantLast {
				t.Errorf("links %s … %s, want %s … %s", links[0], links[len(links)-1], tc.wantFirst, tc.wantLast)
			}
		})
	}
}

func TestLinksRefusesPages(t *testing.T) {
	t.Parallel()
	for _, body := range []string{page, `{"not": "a feed"}`, "", "plain text", "<?xml version='1.0'?><svg/>"} {
		if k := Sniff([]byte(body)); k != NotLinks {
			t.Errorf("Sniff(%.20q) = %v", body, k)
		}
		if _, _, err := Links([]byte(body), "https://x.example/", time.Time{}, DefaultMaxBytes); err == nil {
			t.Errorf("Links(%.20q): no error", body)
		}
	}
}

func FuzzLinks(f *testing.F) {
	f.Add([]byte(rss(3)))
	f.Add([]byte(sitemapXML("urlset", "url", 2)))
	f.Add([]byte(sitemapXML("sitemapindex", "sitemap", 2)))
	f.Add([]byte(`<feed><entry><link href="javascript:alert(1)"/></entry></feed>`))
	f.Add([]byte(page))
	f.Fuzz(func(t *testing.T, body []byte) {
		_, links, err := Links(body, "https://feeds.example/a/b.xml", time.Time{}, 1<<20)
		if err != nil && len(links) > 0 {
			t.Fatalf("links with an error")
		}
		for _, l := range links {
			if u, err := url.Parse(l); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("link %q is not http(s)", l)
			}
		}
	})
}
