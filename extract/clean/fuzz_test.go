package clean

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

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

// maxFuzzInput bounds what a fuzz target cleans, in bytes. The fuzzer
// grows inputs; past a few KiB each run costs milliseconds (two extractors
// and a heuristic over the tree), and minimising an interesting input of
// that size stalled the workers for tens of seconds, so FuzzCleanHTML ran
// 35 inputs a minute. Size limits (MaxInputSize, MaxMarkupSize) have their
// own tests.
const maxFuzzInput = 1 << 10

// bounded returns the first maxFuzzInput bytes of in.
func bounded(in []byte) []byte { return in[:min(len(in), maxFuzzInput)] }

// textSeeds are small pasted articles, each exercising a rule of Text: a
// dateline, a byline, wrapped lines, CRLF, boilerplate, a wire header,
// quotations, bullet lists.
var textSeeds = []string{
	"date 2019-01-02 Title\n\n4 December 2017\n\nBy Jane Smith\n\nText.\n\nComments",
	"Title\r\nline one that is wrapped at a fixed width and keeps going on\r\nline two",
	"Oil rises as cuts deepen\nBy Ana Ruiz and Tom Hale\nJuly 3, 2023 8:14 AM UTC Updated ago\n\nLONDON, July 3 (Reuters) - Prices rose.\n\n\"Clear,\" said Jo Lim.\n\nReporting by Ana Ruiz; Editing by Tom Hale",
	"Council votes on rates\n\nPublished: 14 March 2016 | Updated: 15 March 2016\n\nThe council met.\n\nShare this article\n\nRelated stories\n\nMost read",
	"Headline\n\n\u2022 first point\n\u2022 second point\n\nBody text with \u201ccurly quotes\u201d and an \u2019apostrophe.\n\nSign up to our newsletter",
	"HEADLINE IN CAPITALS\n\nMonday 4 December 2017 09:02 GMT\n\nPosted by admin\n\nOne line.\nAnother line.\n\n\u00a9 2017 Some Paper",
	"\ufeffBOM title\n\n\tTabbed  text   with    spaces.\n\n\n\nEnd.",
	"Title\n\nA paragraph ending without a stop\nand continuing here after a break\n\n-- \nsignature",
}

// htmlSeeds are small pages, each exercising a part of HTML: metadata
// (Open Graph, JSON-LD, meta tags, time), charsets, <br><br> paragraphs,
// tables, captions, bylines and datelines, boilerplate the extractors
// drop, hidden and pruned elements.
var htmlSeeds = []string{
	`<p>a<br><br>b</p><article><h1>T</h1><p>Text</p></article>`,
	`<title>4 December 2017</title><p>Only text.</p>`,
	"<html lang=\"en-GB\"><head><meta charset=\"windows-1252\"><title>Caf\xe9 rates | Valley Post</title></head><body><p>\x93We\x92re not against it,\x94 said Zo\xeb.</p></body></html>",
	`<html><head><meta property="og:title" content="Bridge reopens"><meta property="article:published_time" content="2019-07-12T09:00:00Z"><meta name="author" content="Jo Lim"><link rel="canonical" href="/news/2019/07/12/bridge"></head><body><article><h1>Bridge reopens</h1><p class="byline">By Jo Lim</p><p>The bridge reopened on Friday after repairs.</p><p>Traffic was light.</p></article></body></html>`,
	`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fire at mill","datePublished":"2018-03-02","author":{"@type":"Person","name":"Ana Ruiz"},"publisher":{"name":"Herald"}}</script><div id="story"><p>A fire broke out at the old mill.</p><figure><img src="a.jpg"><figcaption>The mill (Photo: Herald)</figcaption></figure><p>No one was hurt.</p></div>`,
	`<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="content"><h2>Result</h2><p>Rovers won 2-1.</p><ul><li>First goal</li><li>Second goal</li></ul><div style="display:none">hidden</div></div><footer>Contact us</footer></body>`,
	`<table><tr><td class="nav">Home<br>News</td><td><font size="5"><b>Rates rise</b></font><br><font class="dateline">Published: 14 March 2016</font><br><br>Owners say the rise would force closures.<br><br>The vote is on 22 March.</td></tr></table>`,
	`<div class="paywall">Subscribe to read</div><div class="article-body"><p>Lead paragraph of the story.</p><div class="newsletter"><form><input type="email">Sign up</form></div><p>Second paragraph.</p><aside>Related: other story</aside></div><div class="comments"><p>Great article!</p></div>`,
	"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\"></head><body><p>\x82\xa0 text</p></body></html>",
	`<p>Live: <time datetime="2020-05-01T10:00">10:00</time> Update one.</p><p><time datetime="2020-05-01T11:00">11:00</time> Update two.</p>`,
	`<div><div><div><p>Deep <em>inline</em> <a href="x">link</a> text<br>with a break.</p></div></div></div><noscript>enable js</noscript><svg><text>x</text></svg><iframe src="x"></iframe>`,
	`<h1>Title</h1><p>Updated 3 hours ago</p><blockquote>A quoted passage.</blockquote><h3>Sub</h3><pre>code</pre><p>&ldquo;Entities&rdquo; &amp; more &#8212; fine.</p>`,
}

// FuzzCleanText checks Text's properties (checkCleanProperties) on
// arbitrary bytes: no panic, a known error or valid, trimmed, idempotent text.
func FuzzCleanText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		in = bounded(in)
		a, err := Text(in)
		checkCleanProperties(t, a, err, false)
	})
}

// FuzzCleanHTML checks HTML's properties (checkCleanProperties) on
// arbitrary bytes, with no content type or page URL.
func FuzzCleanHTML(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		in = bounded(in)
		a, err := HTML(bytes.NewReader(in), "", "")
		checkCleanProperties(t, a, err, true)
	})
}
