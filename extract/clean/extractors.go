package clean

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on main-text extraction. go-trafilatura's running time grows much
// faster than the page (about 0.9 s at 0.5 MB of markup, 42 s at 5 MB) and
// it takes no context, so HTML bounds its input instead of hoping to
// interrupt it: scripts, styles, SVG and the like are removed first, and
// what remains must fit MaxMarkupSize and MaxElements. A real article page
// is far below both (the dev pages are 1-5 KB; large news pages are
// 100-300 KB of markup once their scripts are gone).
const (
	// MaxMarkupSize is the largest page, in bytes of markup after scripts,
	// styles, SVG, comments and the like are removed, that HTML hands
	// to the extractors. Larger pages fail with ErrTooLarge.
	MaxMarkupSize = 1 << 20
	// MaxElements is the most elements a page may hold after the same
	// removal. More fail with ErrTooLarge.
	MaxElements = 20000
	// ExtractTimeout is the longest HTML waits for the extractors on
	// one page. Past it HTML fails with ErrTimeout; the extraction
	// cannot be interrupted and finishes in the background, but the size
	// bounds above keep that under a few seconds.
	ExtractTimeout = 10 * time.Second
)

// ErrTimeout means main-text extraction took longer than ExtractTimeout.
var ErrTimeout = errors.New("extract: main-text extraction timed out")

// pruneTags are removed with their content before extraction: they
// hold no article text, and a page's scripts and inline SVG are most of
// its size.
var pruneTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Svg: true, atom.Noscript: true, atom.Template: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Link: true, atom.Meta: true, atom.Head: true, atom.Nav: true,
}

// pruneForExtraction removes comments, hidden elements and the
// pruneTags elements under n, puts a line break after every block
// element, then prepares the markup (see prepareMarkup), and returns the
// number of elements and the bytes of text and tags left after pruning (an
// estimate of the rendered markup's size).
func pruneForExtraction(n *html.Node) (elements, size int) {
	elements, size = pruneTree(n)
	prepareMarkup(n)
	return elements, size
}

// pruneTree is the pruning step of pruneForExtraction.
func pruneTree(n *html.Node) (elements, size int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.TextNode:
			size += len(c.Data)
		case html.ElementNode:
			if pruneTags[c.DataAtom] && c.Namespace == "" || c.DataAtom == atom.Svg || isHidden(c) {
				n.RemoveChild(c)
				break
			}
			if blockTags[c.DataAtom] || c.DataAtom == atom.Br || c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				// A line break after each block: extractors that join
				// text nodes then cannot glue the last word of one
				// block to the first of the next.
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, next)
			}
			e, s := pruneTree(c)
			elements += 1 + e
			size += s + 2*len(c.Data) + 5
			for _, a := range c.Attr {
				size += len(a.Key) + len(a.Val) + 4
			}
		}
		c = next
	}
	return elements, size
}

// isHidden reports whether element n is hidden from readers: the hidden
// attribute, aria-hidden="true", or an inline display:none. Browsers do
// not show it, and go-trafilatura does not check.
func isHidden(n *html.Node) bool {
	return hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" ||
		strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none")
}

// extraction is what the extractors found on one page: paragraphs from
// go-trafilatura, from readability and from the goquery heuristic
// (heuristicText), each nil when that extractor found nothing.
type extraction struct {
	traf, read, judge []string
}

// mainText prunes and prepares root (see pruneForExtraction), checks the
// bounds, and runs both extractors and the heuristic (on a copy) within
// ExtractTimeout, returning the paragraphs chosen by choose and those of
// the other extractor.
func mainText(root *html.Node, pageURL string) (paras, other []string, err error) {
	return mainTextWithin(root, pageURL, ExtractTimeout)
}

// mainTextWithin is mainText with the time limit as a parameter.
func mainTextWithin(root *html.Node, pageURL string, limit time.Duration) (paras, other []string, err error) {
	elements, size := pruneForExtraction(root)
	switch {
	case size > MaxMarkupSize:
		return nil, nil, fmt.Errorf("%w: %d bytes of markup without scripts and styles, more than %d", ErrTooLarge, size, MaxMarkupSize)
	case elements > MaxElements:
		return nil, nil, fmt.Errorf("%w: %d elements, more than %d", ErrTooLarge, elements, MaxElements)
	}
	judge := cloneTree(root) // the heuristic changes the tree it reads
	u, _ := url.Parse(strings.TrimSpace(pageURL))
	if u != nil && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		u = nil
	}
	x, err := withTimeout(limit, func() extraction {
		return extraction{traf: trafilaturaText(root, u), read: readabilityText(root, u), judge: heuristicParagraphs(judge)}
	})
	if err != nil {
		return nil, nil, err
	}
	paras = choose(x)
	if len(paras) > 0 && len(x.traf) > 0 && &paras[0] == &x.traf[0] {
		return paras, x.read, nil
	}
	return paras, x.traf, nil
}

// withTimeout runs f in a goroutine and waits at most limit for it. A panic in f is re-raised in the caller's goroutine, so the pipeline
// turns it into a per-article error. When f times out it keeps running in
// the background until it returns; its result is discarded.
func withTimeout[T any](limit time.Duration, f func() T) (T, error) {
	type result struct {
		v     T
		panic any
	}
	done := make(chan result, 1) // buffered: a late f must not block forever
	go func() {
		var r result
		defer func() {
			r.panic = recover()
			done <- r
		}()
		r.v = f()
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.panic != nil {
			panic(r.panic)
		}
		return r.v, nil
	case <-timer.C:
		var zero T
		return zero, fmt.Errorf("%w after %v", ErrTimeout, limit)
	}
}

// trafilaturaOptions: no fallback extractors (measured better without, and
// faster), no comments, no date search (the metadata is ours). The
// baseline rescue for short texts is off (MinExtractedSize 1): it glues
// the page's text into one block without spaces between elements, and
// readability is the better second opinion (see choose).
func trafilaturaOptions() trafilatura.Options {
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 1
	return trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// trafilaturaText runs go-trafilatura on root (which it does not modify)
// and renders its content tree as paragraphs.
func trafilaturaText(root *html.Node, u *url.URL) []string {
	opts := trafilaturaOptions()
	opts.OriginalURL = u
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil
	}
	return renderExtracted(res.ContentNode)
}

// readabilityText runs readeck's go-readability on a copy of root and
// renders the article it finds as paragraphs.
func readabilityText(root *html.Node, u *url.URL) []string {
	p := readability.NewParser()
	art, err := p.ParseDocument(root, u)
	if err != nil || art.Node == nil {
		return nil
	}
	return renderExtracted(art.Node)
}

// renderExtracted renders an extractor's output tree as paragraphs,
// leaving out photo captions (figure, figcaption), which describe pictures
// rather than tell the story and which readability keeps.
func renderExtracted(n *html.Node) []string {
	normaliseExtracted(n)
	return renderParagraphs(n)
}

// normaliseExtracted sets the atom of elements the extractors created by
// name only (go-trafilatura builds its tree so), and removes figures.
func normaliseExtracted(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.DataAtom == 0 {
				c.DataAtom = atom.Lookup([]byte(c.Data))
			}
			if c.DataAtom == atom.Figure || c.DataAtom == atom.Figcaption {
				n.RemoveChild(c)
				c = next
				continue
			}
		}
		normaliseExtracted(c)
		c = next
	}
}

// choose picks the paragraphs of one extractor for the page, by a signal
// that needs no expected text: agreement. go-trafilatura is the default (it
// measured better, here and on 181 real news pages). Readability's text is
// taken instead when go-trafilatura found nothing, or when readability's
// text is nearly all inside go-trafilatura's (at least 95% of its
// shingles), less so the other way round, and not much shorter (at least
// 80% of the length): then the two agree on the article and what only
// go-trafilatura kept is a little extra text, which on news pages is
// usually navigation, a dateline or a teaser left in (precision matters
// more than recall for what the tagger sees). The length bound keeps the
// switch from losing more than a fifth of the text when readability is
// the one that missed something. The other way round, when go-trafilatura
// kept less than half of readability's text and all of it is inside
// readability's, go-trafilatura has lost part of the article (its known
// failure on pages of many small blocks, such as live blogs) and
// readability's text is taken. When the two hold the same text (each
// 95% inside the other), the one with more paragraphs is taken:
// go-trafilatura sometimes merges blocks of a page it found little
// structure in.
//
// When neither library's text is mostly (90%) inside the other's, they
// disagree about what the article is, and the rules above have nothing to
// go on: then the goquery heuristic (heuristicParagraphs) judges, and the
// library text with the higher token-shingle F1 against the heuristic's is
// taken (go-trafilatura's on a tie, or when the heuristic found nothing).
// The heuristic's own text is never the output: it is a third opinion,
// not an extractor. Measured on the dev set (extractors_test.go), judging
// raised the mean F1 on the 12 pages written blind from 0.939 to 0.964.
func choose(x extraction) []string {
	if len(x.traf) == 0 {
		return x.read
	}
	if len(x.read) == 0 {
		return x.traf
	}
	t, r := strings.Join(x.traf, "\n\n"), strings.Join(x.read, "\n\n")
	tInR, rInT := containment(t, r), containment(r, t)
	if tInR < 0.9 && rInT < 0.9 && len(x.judge) > 0 {
		h := strings.Join(x.judge, "\n\n")
		if shingleF1(r, h) > shingleF1(t, h) {
			return x.read
		}
		return x.traf
	}
	switch {
	case rInT >= 0.95 && tInR >= 0.95:
		if len(x.read) > len(x.traf) {
			return x.read // the same text, with more paragraph breaks kept
		}
	case rInT >= 0.95 && rInT > tInR && 5*len(r) >= 4*len(t):
		return x.read
	case tInR >= 0.95 && 2*len(t) < len(r):
		return x.read
	}
	return x.traf
}

// containment is the share of a's word 4-gram shingles (as a multiset)
// that are also in b; 0 when a has none.
func containment(a, b string) float64 {
	sa, sb := shingles(a), shingles(b)
	n, both := 0, 0
	for k, c := range sa {
		n += c
		both += min(c, sb[k])
	}
	if n == 0 {
		return 0
	}
	return float64(both) / float64(n)
}

// shingleTokens are the lower-cased runs of letters and digits in s.
func shingleTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingles is the multiset of word 4-grams of s; a text of fewer than
// four words is one shingle.
func shingles(s string) map[string]int {
	toks := shingleTokens(s)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[strings.Join(toks, " ")]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], " ")]++
	}
	return m
}

// cloneTree returns a deep copy of the tree under n (n's own siblings and
// parent are not copied).
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	if n.Attr != nil {
		c.Attr = append([]html.Attribute(nil), n.Attr...)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}

// shingleF1 is the token-shingle F1 of got against want, the measure of
// main-text extraction used here and in the benchmark the extractors were
// chosen on:
//
//   - tokens are the maximal runs of letters and digits, lower-cased
//     (punctuation and spacing do not count);
//   - the shingles of a text are its word 4-grams (a text of fewer than
//     four tokens is one shingle of all of them);
//   - with G the multiset of shingles of got and E that of want,
//     precision = |G ∩ E| / |G|, recall = |G ∩ E| / |E| (multiset
//     intersection: a shingle counts as often as it occurs in both), and F1
//     is their harmonic mean; two empty texts score 1.
//
// A lost paragraph costs recall, a kept sidebar costs precision, and
// shingles (not bags of words) also penalise text that is split or glued
// in the wrong places.
func shingleF1(got, want string) float64 {
	g, w := shingles(got), shingles(want)
	ng, nw, both := 0, 0, 0
	for k, c := range g {
		ng += c
		both += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	switch {
	case ng == 0 && nw == 0:
		return 1
	case both == 0:
		return 0
	}
	p, r := float64(both)/float64(ng), float64(both)/float64(nw)
	return 2 * p * r / (p + r)
}
