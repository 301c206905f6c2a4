package clean

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extracts the article from an HTML page: title, text and
// metadata. contentType is the HTTP Content-Type if known ("" otherwise),
// pageURL the page's URL if known ("" otherwise; it resolves a relative
// canonical link and may carry the date). It is safe for concurrent use.
//
// Decoding: the charset comes from contentType, a byte order mark, or a
// <meta> charset declaration (searched in the first 64 KiB, not only the
// first 1 KiB the HTML5 prescan reads); undeclared pages that are not valid
// UTF-8 are read as windows-1252. A declaration the bytes contradict is
// overruled and noted in Article.Warnings ("charset: declared shift_jis,
// decoded as utf-8"): a page declared in another charset whose bytes are
// valid UTF-8 with non-ASCII in them is read as UTF-8, and one declared
// UTF-8 that is not, with no valid multi-byte sequence, as windows-1252. Inputs over MaxInputSize fail with
// ErrTooLarge, binary inputs with ErrBinary, markup nested more than 512
// elements deep with ErrTooDeep.
//
// Main text: scripts, styles, SVG, nav, hidden elements and the like are
// removed, and pages still larger than MaxMarkupSize bytes of markup or
// MaxElements elements fail with ErrTooLarge; extraction taking longer
// than ExtractTimeout fails with ErrTimeout. The markup is then prepared
// (prepareMarkup): text separated by <br><br> becomes <p> elements, and
// caption, paywall-prompt and newsletter elements and sign-up forms are
// removed. The article is found by go-trafilatura and by readeck's
// go-readability; choose (extractors.go) picks one per page by how much
// the two agree, and when they disagree takes the one closer to the
// goquery heuristic's text (heuristic.go). Paragraphs are rendered
// from the extractor's tree: p, li, blockquote, h2-h6 and other blocks
// each make a paragraph, a table row makes one, <h1> and photo captions
// are left out, inline elements join as a browser would show them, a
// single <br> is a space and two or more a paragraph break, and blocks
// that are mostly link text (80%, or 50% for list items) are dropped. The
// paragraphs are then finished as for Text (see finish); a
// dateline or byline paragraph the other extractor kept is used too, and so
// is one among the five lines after the headline (nearTitle). Blocks
// between the headline and the first extracted paragraph that read as
// story, such as a standfirst or a summary list, are put back
// (leadBlocks).
//
// Metadata, first found wins (Article.Sources says which):
//   - Title: og:title, JSON-LD headline, the article's <h1>, <title>; a
//     " | Site"/" - Site" suffix naming the site (or, in <title>, a short
//     one) is removed; candidates that are only a date are skipped.
//   - Published: JSON-LD datePublished, meta article:published_time (and
//     pubdate, dc.date.issued, …), itemprop=datePublished, <time datetime>
//     in the article, a date in the canonical or page URL's path, a dateline
//     paragraph. Never the current date: unknown stays zero.
//   - Modified: JSON-LD dateModified, meta article:modified_time,
//     og:updated_time, itemprop=dateModified, an "Updated …" dateline.
//   - URL: link rel=canonical, og:url, resolved against pageURL.
//   - Authors: JSON-LD author, meta author, itemprop=author, rel=author, a
//     byline element or paragraph; cleaned to personal names (no "Admin",
//     no "CNN Business", no URLs).
//   - SiteName: og:site_name, JSON-LD publisher, application-name.
//   - Language: <html lang>, Content-Language, og:locale, JSON-LD inLanguage.
func HTML(r io.Reader, contentType, pageURL string) (Article, error) {
	return cleanHTML(r, contentType, pageURL, mainText)
}

// cleanHTML is HTML with the main-text extractor as a parameter, so
// that tests can compare extractors on equal terms. body gets the parsed
// page after the metadata has been read from it, and may modify it; it
// returns the article's paragraphs and maybe another extractor's, which
// are searched for a dateline or byline the chosen text lacks.
func cleanHTML(r io.Reader, contentType, pageURL string, body func(root *html.Node, pageURL string) (paras, other []string, err error)) (Article, error) {
	raw, err := readInput(r)
	if err != nil {
		return Article{}, err
	}
	src, warning, err := decodeHTML(raw, contentType)
	if err != nil {
		return Article{}, err
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The reader cannot fail, so the parser's only error is its limit
		// on open elements.
		return Article{}, fmt.Errorf("%w: %v", ErrTooDeep, err)
	}
	doc := goquery.NewDocumentFromNode(root)
	m := readMeta(doc, pageURL)

	paras, other, err := body(root, pageURL)
	if err != nil {
		return Article{}, err
	}

	var a Article
	a.Title, a.Sources.Title = m.title()
	if a.Sources.Title == "title" {
		if t := titleSegmentInPage(root, m.docTitle); t != "" {
			a.Title = t
		}
	}
	f := finish(a.Title, paras)
	if len(f.paras) == 0 {
		return Article{}, ErrEmpty
	}
	if lead := leadBlocks(root, a.Title, f.paras); len(lead) > 0 {
		f = finish(a.Title, append(lead, paras...))
	}
	a.Text = strings.Join(f.paras, "\n\n")
	if len(other) > 0 && (f.published.IsZero() || f.modified.IsZero() || f.authors == nil) {
		g := finish(a.Title, other)
		f.published = cmp.Or(f.published, g.published)
		f.modified = cmp.Or(f.modified, g.modified)
		if f.authors == nil {
			f.authors = g.authors
		}
	}
	if f.published.IsZero() || f.authors == nil {
		g := nearTitle(root, a.Title)
		f.published = cmp.Or(f.published, g.published)
		f.modified = cmp.Or(f.modified, g.modified)
		if f.authors == nil {
			f.authors = g.authors
		}
	}
	m.fill(&a, f)
	if warning != "" {
		a.Warnings = append(a.Warnings, warning)
	}
	return a, nil
}

// nearTitle looks for a dateline and a byline among the five lines of the
// page that follow its title, for pages whose extractor left them out
// (they often sit beside the headline, outside the article's container).
// A line ends at every block element and <br>; the title's line is the
// first whose text is the title (compared by dupKey). root is the page
// after extraction (pruned, so <head> and <nav> are gone).
func nearTitle(root *html.Node, title string) finished {
	var f finished
	if title == "" {
		return f
	}
	lines := pageBlocks(root)
	key := dupKey(title)
	for i, l := range lines {
		if !isTitleLine(dupKey(l.text), key) {
			continue
		}
		for _, b := range lines[i+1 : min(len(lines), i+6)] {
			l := b.text
			if d, ok := parseDateline(l); ok {
				f.setDate(d)
			} else if names, ok := parseByline(l); ok {
				f.setAuthors(names)
			} else if d, names, ok := parseDatedByline(l); ok {
				f.setDate(d)
				f.setAuthors(names)
			}
		}
		break
	}
	return f
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textLen counts the letters and digits under n, and those inside links.
func textLen(n *html.Node) (all, link int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					all++
					if inLink {
						link++
					}
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || (n.Type == html.ElementNode && n.DataAtom == atom.A))
		}
	}
	walk(n, false)
	return all, link
}

// blockTags break paragraphs when rendering.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Caption: true, atom.Html: true,
}

// renderer turns a container into paragraphs (see HTML).
type renderer struct {
	paras       []string
	buf         strings.Builder
	runes, link int
	inLink      int
	inPara      int  // depth of elements that hold one paragraph (p, li, h2, …)
	item        bool // the current paragraph is a list item
}

// paraTags are the elements whose content an author meant as one
// paragraph: inside them a single <br> is a line break, not a new paragraph.
var paraTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dd: true, atom.Dt: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
}

// breakRe matches two or more <br> (marked by NUL) in a row.
var breakRe = regexp.MustCompile(`\x00(?:[ \t\f]*\x00)+`)

func renderParagraphs(n *html.Node) []string {
	var r renderer
	r.walk(n)
	r.flush()
	return r.paras
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.buf.WriteString(strings.ReplaceAll(n.Data, "\x00", ""))
		for _, c := range n.Data {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				r.runes++
				if r.inLink > 0 {
					r.link++
				}
			}
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		r.buf.WriteByte(0)
		if r.inPara == 0 {
			r.buf.WriteByte(0) // loose text: every line is a paragraph
		}
		return
	case atom.H1:
		r.flush()
		return
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		r.buf.WriteByte(' ') // cells of a row make one paragraph
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		r.flush()
		r.item = n.DataAtom == atom.Li
	}
	if n.DataAtom == atom.A {
		r.inLink++
	}
	if paraTags[n.DataAtom] {
		r.inPara++
		defer func() { r.inPara-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if n.DataAtom == atom.A {
		r.inLink--
	}
	if block {
		r.flush()
	}
}

func (r *renderer) flush() {
	s := r.buf.String()
	runes, link, item := r.runes, r.link, r.item
	r.buf.Reset()
	r.runes, r.link, r.item = 0, 0, false
	if runes == 0 {
		return
	}
	if link*10 >= runes*8 || (item && link*2 > runes) {
		return
	}
	s = strings.NewReplacer("\n", " ", "\r", " ", "\x01", " ").Replace(s)
	s = breakRe.ReplaceAllString(s, "\x01")
	for _, p := range strings.Split(s, "\x01") {
		if p = collapseSpace(strings.ReplaceAll(p, "\x00", " ")); p != "" {
			r.paras = append(r.paras, p)
		}
	}
}

// cleanTextOf is the space-collapsed text under n.
func cleanTextOf(n *html.Node) string {
	var b bytes.Buffer
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		case n.Type == html.ElementNode && (blockTags[n.DataAtom] || n.DataAtom == atom.Br):
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// leadBlocks finds the text blocks that stand between the page's headline
// and the first paragraph the extractor kept, and that read as part of the
// story: a standfirst, a summary list ("Key points"). Extractors leave
// them out because they sit outside the article's container. A block
// counts when it holds at least twelve words, or at least six and ends
// like a sentence, or is a list item of at least six words, and is not
// mostly link text or inside a figure; a heading counts when a counted
// block follows it. Nothing is found when the headline (a line whose text
// is the title) or the first kept paragraph is not found in the page, or
// when they are more than 30 blocks apart.
func leadBlocks(root *html.Node, title string, paras []string) []string {
	if title == "" || len(paras) == 0 {
		return nil
	}
	blocks := pageBlocks(root)
	tk, pk := dupKey(title), dupKey(paras[0])
	start, end := -1, -1
	for i, b := range blocks {
		k := dupKey(b.text)
		if start < 0 && isTitleLine(k, tk) {
			start = i
		} else if start >= 0 && k == pk {
			end = i
			break
		}
	}
	if start < 0 || end < 0 || end-start > 30 {
		return nil
	}
	var lead []string
	var heading string
	for _, b := range blocks[start+1 : end] {
		words := len(strings.Fields(b.text))
		switch {
		case b.heading:
			heading = b.text
			continue
		case b.linky || b.figure:
		case words >= 12, words >= 6 && (b.item || isSentenceParagraph(b.text)):
			if _, ok := parseDateline(b.text); ok {
				break
			}
			if _, ok := parseByline(b.text); ok {
				break
			}
			if _, _, ok := parseDatedByline(b.text); ok {
				break
			}
			if heading != "" {
				lead = append(lead, heading)
			}
			lead = append(lead, b.text)
		}
		heading = ""
	}
	return lead
}

// pageBlock is a line of the page's text (see pageBlocks).
type pageBlock struct {
	text    string
	heading bool // an <h1>-<h6>
	item    bool // a list item
	linky   bool // at least half of its letters are link text
	figure  bool // inside a <figure>
}

// pageBlocks is the page's text as blocks broken at every block element
// and <br>, space-collapsed, without empty ones.
func pageBlocks(root *html.Node) []pageBlock {
	var out []pageBlock
	var b strings.Builder
	var cur pageBlock
	letters, linkLetters := 0, 0
	flush := func() {
		if t := collapseSpace(b.String()); t != "" {
			cur.text = t
			cur.linky = linkLetters*2 >= letters && letters > 0
			out = append(out, cur)
		}
		b.Reset()
		letters, linkLetters = 0, 0
	}
	var walk func(n *html.Node, inLink, inFigure bool)
	walk = func(n *html.Node, inLink, inFigure bool) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			for _, r := range n.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					letters++
					if inLink {
						linkLetters++
					}
				}
			}
			return
		}
		brk := n.Type == html.ElementNode && (blockTags[n.DataAtom] || n.DataAtom == atom.Br || n.DataAtom == atom.Td || n.DataAtom == atom.Th)
		if brk {
			flush()
			cur = pageBlock{figure: inFigure}
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				cur.heading = true
			case atom.Li:
				cur.item = true
			}
		}
		inLink = inLink || n.DataAtom == atom.A
		inFigure = inFigure || n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink, inFigure)
		}
		if brk {
			flush()
			cur = pageBlock{figure: inFigure}
		}
	}
	walk(root, false, false)
	flush()
	return out
}

// isTitleLine reports whether the page line with dupKey k is the headline
// whose dupKey is title: the same text, or the title followed by a short
// addition ("… – as it happened").
func isTitleLine(k, title string) bool {
	return k == title || strings.HasPrefix(k, title) && len(k) <= len(title)+40
}

// titleSegmentInPage returns the part of a <title> element ("Site :: Section
// :: Headline") that is also a line of the page's text and holds at least
// three words, the longest if several are; "" if none is.
func titleSegmentInPage(root *html.Node, docTitle string) string {
	segs := titleSepRe.Split(collapseSpace(docTitle), -1)
	if len(segs) < 2 {
		return ""
	}
	lines := map[string]bool{}
	for _, b := range pageBlocks(root) {
		lines[dupKey(b.text)] = true
	}
	best := ""
	for _, s := range segs {
		if len(strings.Fields(s)) >= 3 && len(s) > len(best) && lines[dupKey(s)] {
			best = s
		}
	}
	return best
}
