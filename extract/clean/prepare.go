package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Markup preparation before the extractors see a page. Both libraries
// look for paragraphs in <p> and similar blocks and treat everything else
// as loose inline content, which is where they go wrong on real pages:
// go-trafilatura glues words across inline tags in text separated by
// <br><br> ("on <b>October 3</b> and" came out "October 3and") and both
// take a layout table of such text whole, navigation and all. And both
// keep text that is furniture by its markup, not its wording: photo
// captions in <p class="caption">, subscription prompts and newsletter
// forms inside the article body. prepareMarkup fixes the markup so that
// no extractor needs to handle these.

// prepareMarkup rewrites the tree under n in place:
//   - an element (other than an inline one) whose children hold a run of
//     two or more <br> (maybe with white space between) has its inline
//     children grouped into <p> elements, one per stretch between such
//     runs; a <p> holding such runs becomes a <div> first, since a <p>
//     cannot hold a <p>. A single <br> stays where it is.
//   - elements whose class or id names a caption and which hold less than
//     400 letters are removed (captions describe pictures, not the story;
//     <figure> and <figcaption> are already left out when rendering).
//   - elements whose class or id names a subscription, paywall or
//     newsletter prompt and which hold less than 800 letters are removed,
//     and so are forms with a text or e-mail field and less than 400
//     letters (sign-up, search and comment forms). The letter bounds keep
//     a whole article that a site wraps in such a class.
func prepareMarkup(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if isPreparedFurniture(c) {
				n.RemoveChild(c)
				c = next
				continue
			}
			prepareMarkup(c)
		}
		c = next
	}
	if n.Type == html.ElementNode && !inlineTags[n.DataAtom] && !noSplitTags[n.DataAtom] && hasBreakRun(n) {
		splitBreakRuns(n)
	}
}

// inlineTags are the phrasing elements: they and the text beside them go
// into the <p> elements splitBreakRuns makes.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Big: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.Font: true,
	atom.I: true, atom.Kbd: true, atom.Label: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strike: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.Tt: true, atom.U: true, atom.Var: true,
	atom.Img: true, atom.Input: true, atom.Br: true, atom.Wbr: true,
}

// noSplitTags are elements in which splitBreakRuns makes no <p>: phrasing
// elements, and those that cannot hold paragraphs.
var noSplitTags = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Pre: true, atom.Button: true, atom.Option: true, atom.Select: true, atom.Textarea: true,
	atom.Title: true,
}

// captionMarks and promoMarks are the class or id substrings (lower case)
// that name a caption and a subscription prompt.
var (
	captionMarks = []string{"caption"}
	promoMarks   = []string{"paywall", "subscribe", "subscription", "newsletter", "signup", "sign-up", "regwall"}
)

// isPreparedFurniture reports whether element n is removed by
// prepareMarkup (see there).
func isPreparedFurniture(n *html.Node) bool {
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(names) != "" {
		if containsAny(names, captionMarks) {
			if all, _ := textLen(n); all < 400 {
				return true
			}
		}
		if containsAny(names, promoMarks) {
			if all, _ := textLen(n); all < 800 {
				return true
			}
		}
	}
	if n.DataAtom == atom.Form && hasTextField(n) {
		if all, _ := textLen(n); all < 400 {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// hasTextField reports whether there is a text, e-mail or search input or
// a textarea under n.
func hasTextField(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Textarea {
			return true
		}
		if c.DataAtom == atom.Input {
			switch strings.ToLower(attr(c, "type")) {
			case "", "text", "email", "search":
				return true
			}
		}
		if hasTextField(c) {
			return true
		}
	}
	return false
}

// isBreak reports whether c is a <br> element.
func isBreak(c *html.Node) bool {
	return c.Type == html.ElementNode && c.DataAtom == atom.Br
}

// isBlankText reports whether c is a text node of white space only.
func isBlankText(c *html.Node) bool {
	return c.Type == html.TextNode && strings.TrimSpace(c.Data) == ""
}

// breakRun returns the number of <br> elements in the run starting at c
// (with white space text between them allowed) and the node after it.
func breakRun(c *html.Node) (brs int, after *html.Node) {
	for ; c != nil && (isBreak(c) || isBlankText(c)); c = c.NextSibling {
		if isBreak(c) {
			brs++
		}
	}
	return brs, c
}

// hasBreakRun reports whether n's children hold two or more <br> in a row.
func hasBreakRun(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isBreak(c) {
			if brs, _ := breakRun(c); brs >= 2 {
				return true
			}
		}
	}
	return false
}

// splitBreakRuns groups n's inline children into <p> elements at runs of
// two or more <br> and at block children (see prepareMarkup).
func splitBreakRuns(n *html.Node) {
	if n.DataAtom == atom.P {
		n.DataAtom, n.Data = atom.Div, "div"
	}
	var out []*html.Node
	var group []*html.Node
	flush := func() {
		blank := true
		for _, g := range group {
			if !isBlankText(g) && !isBreak(g) {
				blank = false
				break
			}
		}
		if blank {
			group = group[:0]
			return
		}
		p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
		for _, g := range group {
			p.AppendChild(g)
		}
		out = append(out, p)
		group = group[:0]
	}
	var children []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		children = append(children, c)
	}
	for _, c := range children {
		n.RemoveChild(c)
	}
	for i := 0; i < len(children); i++ {
		c := children[i]
		switch {
		case isBreak(c):
			j, brs := i, 0
			for j < len(children) && (isBreak(children[j]) || isBlankText(children[j])) {
				if isBreak(children[j]) {
					brs++
				}
				j++
			}
			if brs >= 2 {
				flush()
				i = j - 1
				continue
			}
			group = append(group, c)
		case c.Type == html.ElementNode && !inlineTags[c.DataAtom]:
			flush()
			out = append(out, c)
		default:
			group = append(group, c)
		}
	}
	flush()
	for _, c := range out {
		n.AppendChild(c)
		// A line break after each block, as pruneForExtraction puts.
		n.AppendChild(&html.Node{Type: html.TextNode, Data: "\n"})
	}
}
