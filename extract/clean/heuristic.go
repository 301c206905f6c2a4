package clean

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The goquery heuristic: HTML's own main-text finder before the
// extraction libraries were measured (issue 4). It no longer produces the
// article text; choose (extractors.go) asks it for a third opinion when
// go-trafilatura and readability disagree, which measured better on the
// dev set than either library alone or the two-way choice.

// dropTags are removed with their content wherever they appear.
var dropTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Frame: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Template: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Label: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Figure: true,
	atom.Figcaption: true, atom.Picture: true, atom.Img: true, atom.Dialog: true, atom.Menu: true,
	atom.Link: true, atom.Meta: true,
}

// boilerWords are the words that mark an element as boilerplate when
// they appear in its class or id names.
var boilerWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "banner": true,
	"share": true, "sharing": true, "sharebar": true, "social": true,
	"related": true, "comment": true, "comments": true, "disqus": true,
	"newsletter": true, "promo": true, "promotion": true, "promoted": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "adslot": true, "dfp": true,
	"sponsor": true, "sponsored": true, "sidebar": true, "breadcrumb": true, "breadcrumbs": true,
	"subscribe": true, "subscription": true, "paywall": true, "caption": true, "figcaption": true,
	"byline": true, "popup": true, "modal": true, "overlay": true, "outbrain": true,
	"taboola": true, "recommended": true, "recommendations": true, "trending": true,
	"mostread": true, "toolbar": true, "masthead": true, "signup": true, "footer": true,
	"widget": true, "tags": true, "print": true, "skip": true, "hidden": true, "sronly": true,
	"visuallyhidden": true, "nav": true, "navbar": true, "navigation": true, "menu": true,
}

// stateWords mark a class name as describing a state ("comments-enabled",
// "has-sidebar") rather than a component.
var stateWords = map[string]bool{
	"has": true, "with": true, "no": true, "is": true, "show": true, "js": true, "enabled": true,
	"disabled": true, "active": true, "count": true, "open": true, "closed": true, "visible": true,
	"allowed": true, "on": true, "off": true, "loaded": true, "without": true,
}

// nameWords splits a class or id name into lower-case words at "-", "_",
// ":" and lower-to-upper case changes ("relatedStories").
func nameWords(name string) []string {
	var words []string
	start := 0
	rs := []rune(name)
	for i := 0; i <= len(rs); i++ {
		boundary := i == len(rs) || rs[i] == '-' || rs[i] == '_' || rs[i] == ':' || rs[i] == '.'
		camel := i > 0 && i < len(rs) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1])
		if boundary || camel {
			if i > start {
				words = append(words, strings.ToLower(string(rs[start:i])))
			}
			start = i
			if boundary {
				start = i + 1
			}
		}
	}
	return words
}

// boilerplateName reports whether a class or id attribute value names a
// boilerplate component.
func boilerplateName(v string) bool {
	return namesWord(v, boilerWords)
}

// namesWord reports whether a class or id attribute value has a name with
// one of words in it and no state word ("has-sidebar" does not name a
// sidebar).
func namesWord(v string, words map[string]bool) bool {
	for _, name := range strings.Fields(v) {
		ws := nameWords(name)
		if len(ws) > 6 {
			continue
		}
		switch strings.Join(ws, "") {
		case "mostread", "sronly", "visuallyhidden", "screenreadertext":
			if words["mostread"] {
				return true
			}
		}
		state, found := false, false
		for _, w := range ws {
			state = state || stateWords[w]
			found = found || words[w]
		}
		if found && !state {
			return true
		}
	}
	return false
}

// dropRoles are ARIA roles of page chrome.
var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "complementary": true, "contentinfo": true,
	"dialog": true, "alertdialog": true, "search": true, "menu": true, "menubar": true,
	"toolbar": true, "alert": true, "status": true, "tooltip": true,
}

// isArticleRoot reports whether n is an element that holds the article.
func isArticleRoot(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.H1:
		return true
	}
	return strings.Contains(attr(n, "itemprop"), "articleBody") || attr(n, "role") == "main"
}

// holdsArticle reports whether n is or contains an article root.
func holdsArticle(n *html.Node) bool {
	if n.Type == html.ElementNode && isArticleRoot(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holdsArticle(c) {
			return true
		}
	}
	return false
}

// isBoilerplate decides whether element n is page furniture: a
// dropTags element, a chrome ARIA role, or a class or id naming a
// boilerplate component (boilerWords), unless it holds the article.
func isBoilerplate(n *html.Node, inArticle bool) bool {
	if dropTags[n.DataAtom] {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body:
		return false
	case atom.Header:
		if !inArticle {
			return true
		}
	case atom.Form:
		return !holdsArticle(n) && countTag(n, atom.P) < 3
	}
	if n.Data != strings.ToLower(n.Data) {
		return false // foreign (SVG/MathML) content keeps its case; leave it
	}
	hidden := hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" ||
		strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none")
	chrome := hidden || dropRoles[strings.ToLower(attr(n, "role"))] ||
		boilerplateName(attr(n, "class")) || boilerplateName(attr(n, "id"))
	return chrome && !holdsArticle(n)
}

func countTag(n *html.Node, a atom.Atom) int {
	c := 0
	if n.Type == html.ElementNode && n.DataAtom == a {
		c++
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c += countTag(ch, a)
	}
	return c
}

// stripBoilerplate removes comments and boilerplate elements under n.
func stripBoilerplate(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isBoilerplate(c, inArticle):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			stripBoilerplate(c, inArticle || c.DataAtom == atom.Article)
		}
		c = next
	}
}

// paragraphTags hold running text.
var paragraphTags = map[atom.Atom]bool{atom.P: true, atom.Pre: true, atom.Blockquote: true}

// hasBlockChild reports whether n has a block element child.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return true
		}
	}
	return false
}

// densityScores scores elements readability-style and returns the best:
// each paragraph (a p, pre or blockquote, or a div, section or td without
// block children) of at least 20 letters outside links adds that many
// points to its parent and half as many to its grandparent.
func densityScores(root *html.Node) *html.Node {
	score := map[*html.Node]float64{}
	var best *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			para := paragraphTags[c.DataAtom] ||
				((c.DataAtom == atom.Div || c.DataAtom == atom.Section || c.DataAtom == atom.Td) && !hasBlockChild(c))
			if para {
				all, link := textLen(c)
				if l := float64(all - link); l >= 20 {
					if p := c.Parent; p != nil {
						score[p] += l
						if best == nil || score[p] > score[best] {
							best = p
						}
						if g := p.Parent; g != nil {
							score[g] += l / 2
							if score[g] > score[best] {
								best = g
							}
						}
					}
				}
				if c.DataAtom != atom.Div && c.DataAtom != atom.Section && c.DataAtom != atom.Td {
					continue
				}
			}
			walk(c)
		}
	}
	walk(root)
	return best
}

// paragraphText is the text without links in the paragraphs under n.
func paragraphText(n *html.Node) int {
	if n.Type == html.ElementNode && (paragraphTags[n.DataAtom] ||
		((n.DataAtom == atom.Div || n.DataAtom == atom.Section || n.DataAtom == atom.Td) && !hasBlockChild(n))) {
		all, link := textLen(n)
		return all - link
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += paragraphText(c)
	}
	return total
}

// chooseContainer picks the element holding the article: the best of
// densityScores, or an article root holding at least half its text.
func chooseContainer(root *html.Node) *html.Node {
	doc := goquery.NewDocumentFromNode(root)
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return nil
	}
	best := densityScores(root)
	if best == nil {
		return body.Get(0)
	}
	bestText := paragraphText(best)
	for _, sel := range []string{`[itemprop~="articleBody"]`, `article`, `main, [role="main"]`} {
		var pick *html.Node
		pickText := 0
		doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
			if t := paragraphText(s.Get(0)); t > pickText {
				pick, pickText = s.Get(0), t
			}
		})
		if pick != nil && 2*pickText >= bestText {
			return pick
		}
	}
	return best
}

// heuristicParagraphs is the goquery heuristic HTML used before the
// extraction libraries were measured: boilerplate elements are removed by
// their names and roles, the element with the densest paragraph text is
// taken as the article, and its paragraphs are rendered. It modifies the
// tree under root. choose uses it as a third opinion when the libraries
// disagree.
func heuristicParagraphs(root *html.Node) []string {
	stripBoilerplate(root, false)
	if c := chooseContainer(root); c != nil {
		return renderParagraphs(c)
	}
	return nil
}
