package clean

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// candidate is a metadata value and where it came from.
type candidate struct{ val, src string }

// pageMeta is the metadata read from a page before boilerplate removal.
type pageMeta struct {
	titles    []candidate // in order of preference, titles from <title> last
	docTitle  string      // the <title>, suffix not yet removed
	published []candidate
	modified  []candidate
	urls      []candidate
	authors   []candidate // raw bylines, each possibly several names
	sites     []candidate
	langs     []candidate
	pageURL   string
}

// readMeta collects the page's metadata candidates (see HTML).
func readMeta(doc *goquery.Document, pageURL string) *pageMeta {
	m := &pageMeta{pageURL: pageURL}
	metas := map[string]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok || strings.TrimSpace(content) == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if v, ok := s.Attr(k); ok {
				key := strings.ToLower(strings.TrimSpace(v))
				if _, seen := metas[key]; !seen {
					metas[key] = content
				}
			}
		}
	})
	meta := func(dst *[]candidate, keys ...string) {
		for _, k := range keys {
			if v := metas[k]; v != "" {
				*dst = append(*dst, candidate{v, "meta:" + k})
			}
		}
	}

	ld := readJSONLD(doc)

	// Titles.
	meta(&m.titles, "og:title")
	m.titles = append(m.titles, ld.headline...)
	if h := firstOutsideChrome(doc, `[itemprop~="headline"], article h1, h1`); h != nil {
		m.titles = append(m.titles, candidate{cleanTextOf(h), "h1"})
	}
	m.docTitle = collapseSpace(doc.Find("title").First().Text())

	// Dates.
	m.published = append(m.published, ld.published...)
	meta(&m.published, "article:published_time", "og:published_time", "article.published", "pubdate",
		"publishdate", "publish-date", "publish_date", "datepublished", "dc.date.issued", "dcterms.issued",
		"dcterms.created", "dc.date", "date", "sailthru.date", "parsely-pub-date", "citation_publication_date")
	m.modified = append(m.modified, ld.modified...)
	meta(&m.modified, "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
	doc.Find(`[itemprop~="datePublished"], [itemprop~="dateModified"]`).Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) == "meta" {
			return // read above
		}
		v := s.AttrOr("datetime", s.AttrOr("content", s.Text()))
		if strings.Contains(s.AttrOr("itemprop", ""), "datePublished") {
			m.published = append(m.published, candidate{v, "itemprop"})
		} else {
			m.modified = append(m.modified, candidate{v, "itemprop"})
		}
	})
	if t := firstOutsideChrome(doc, `time[pubdate][datetime], article time[datetime], time[datetime]`); t != nil {
		m.published = append(m.published, candidate{attr(t, "datetime"), "time"})
	}

	// URL.
	doc.Find(`link[rel]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, rel := range strings.Fields(strings.ToLower(s.AttrOr("rel", ""))) {
			if rel == "canonical" {
				m.urls = append(m.urls, candidate{s.AttrOr("href", ""), "link:canonical"})
				return false
			}
		}
		return true
	})
	meta(&m.urls, "og:url")
	m.urls = append(m.urls, ld.url...)

	// Authors.
	m.authors = append(m.authors, ld.authors...)
	meta(&m.authors, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
	doc.Find(`[itemprop~="author"]`).Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) == "meta" || inChrome(s.Get(0)) {
			return
		}
		v := s.AttrOr("content", "")
		if n := s.Find(`[itemprop~="name"]`).First(); n.Length() > 0 {
			v = n.AttrOr("content", n.Text())
		}
		if v == "" {
			v = s.Text()
		}
		m.authors = append(m.authors, candidate{v, "itemprop"})
	})
	doc.Find(`a[rel~="author"], [class*="byline"], [class*="author"]`).Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) == "meta" || !boilerplateByline(s.AttrOr("class", ""), goquery.NodeName(s)) || inChrome(s.Get(0)) {
			return
		}
		m.authors = append(m.authors, candidate{cleanTextOf(s.Get(0)), "byline"})
	})

	// Site and language.
	meta(&m.sites, "og:site_name")
	m.sites = append(m.sites, ld.publisher...)
	meta(&m.sites, "application-name")
	if l, ok := doc.Find("html").First().Attr("lang"); ok {
		m.langs = append(m.langs, candidate{l, "html:lang"})
	}
	meta(&m.langs, "content-language", "og:locale", "language", "dc.language")
	m.langs = append(m.langs, ld.lang...)
	return m
}

// boilerplateByline reports whether an element with this class (or an
// a[rel=author]) is a byline or author name, not an author biography box.
func boilerplateByline(class, tag string) bool {
	if tag == "a" && class == "" {
		return true
	}
	for _, name := range strings.Fields(class) {
		words := nameWords(name)
		for i, w := range words {
			if w == "byline" || ((w == "author" || w == "authors") && (i == len(words)-1 || words[i+1] == "name")) {
				return true
			}
		}
	}
	return false
}

// firstOutsideChrome is the first element matching sel, in order of the
// comma-separated alternatives, that is not inside nav, aside, footer, or
// a header outside an article.
func firstOutsideChrome(doc *goquery.Document, sel string) *html.Node {
	for _, alt := range strings.Split(sel, ",") {
		var found *html.Node
		doc.Find(strings.TrimSpace(alt)).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if n := s.Get(0); !inChrome(n) {
				found = n
				return false
			}
			return true
		})
		if found != nil {
			return found
		}
	}
	return nil
}

// regionWords mark a class or id as a region of other content: other
// stories, reader comments, widgets.
var regionWords = map[string]bool{
	"comment": true, "comments": true, "related": true, "sidebar": true, "promo": true,
	"widget": true, "recommended": true, "trending": true, "outbrain": true, "taboola": true,
}

// inChrome reports whether n is inside page chrome or a region of other
// content (comments, related stories), where metadata does not describe
// the article.
func inChrome(n *html.Node) bool {
	header := false
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if namesWord(attr(p, "class"), regionWords) || namesWord(attr(p, "id"), regionWords) {
			return true
		}
		switch p.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer:
			return true
		case atom.Header:
			header = true
		case atom.Article:
			return false
		}
		if dropRoles[attr(p, "role")] {
			return true
		}
	}
	return header
}

// jsonLD is what the page's JSON-LD says about the article.
type jsonLD struct {
	headline, published, modified, url, authors, publisher, lang []candidate
}

// readJSONLD reads the application/ld+json scripts, preferring article
// objects (NewsArticle, BlogPosting, …) and falling back to any object with
// the property. Malformed JSON is skipped.
func readJSONLD(doc *goquery.Document) jsonLD {
	var articles, others []map[string]any
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				collect(x, depth+1)
			}
		case map[string]any:
			if isArticleType(v["@type"]) {
				articles = append(articles, v)
			} else {
				others = append(others, v)
			}
			if g, ok := v["@graph"]; ok {
				collect(g, depth+1)
			}
			if e, ok := v["mainEntity"]; ok {
				collect(e, depth+1)
			}
		}
	}
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) == nil {
			collect(v, 0)
		}
	})
	var ld jsonLD
	for pass, objs := range [][]map[string]any{articles, others} {
		for _, o := range objs {
			add := func(dst *[]candidate, v any) {
				if s := ldString(v); s != "" {
					*dst = append(*dst, candidate{s, "json-ld"})
				}
			}
			if pass == 0 {
				add(&ld.headline, o["headline"])
				add(&ld.url, o["url"])
				add(&ld.url, o["mainEntityOfPage"])
			}
			add(&ld.published, o["datePublished"])
			add(&ld.modified, o["dateModified"])
			add(&ld.lang, o["inLanguage"])
			if p, ok := o["publisher"]; ok {
				add(&ld.publisher, ldName(p))
			}
			if a, ok := o["author"]; ok {
				for _, n := range ldNames(a) {
					ld.authors = append(ld.authors, candidate{n, "json-ld"})
				}
			}
		}
	}
	return ld
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting") || t == "Report"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

// ldString is a JSON-LD value as a string: a string, the first of a list,
// or an object's @id or url.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		if len(v) > 0 {
			return ldString(v[0])
		}
	case map[string]any:
		if s := ldString(v["@id"]); s != "" {
			return s
		}
		return ldString(v["url"])
	}
	return ""
}

// ldName is an organisation's or person's name.
func ldName(v any) any {
	if o, ok := v.(map[string]any); ok {
		return o["name"]
	}
	if l, ok := v.([]any); ok && len(l) > 0 {
		return ldName(l[0])
	}
	return v
}

// ldNames are the names in an author value: a string, a Person, or a list.
func ldNames(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		if s, ok := v["name"].(string); ok {
			if t, _ := v["@type"].(string); t == "Organization" || t == "NewsMediaOrganization" {
				return nil
			}
			return []string{s}
		}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, ldNames(x)...)
		}
		return out
	}
	return nil
}

// title picks the title (see HTML).
func (m *pageMeta) title() (string, string) {
	site := ""
	if len(m.sites) > 0 {
		site = collapseSpace(m.sites[0].val)
	}
	host := ""
	for _, c := range append(append([]candidate{}, m.urls...), candidate{m.pageURL, ""}) {
		if u, err := url.Parse(strings.TrimSpace(c.val)); err == nil && u.Host != "" {
			host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			break
		}
	}
	cands := append([]candidate{}, m.titles...)
	if m.docTitle != "" {
		cands = append(cands, candidate{m.docTitle, "title"})
	}
	for _, c := range cands {
		t := stripSiteSuffix(collapseSpace(c.val), site, host, c.src == "title")
		if t, _, ok := titleLine(t); ok {
			return t, c.src
		}
	}
	return "", ""
}

// titleSepRe matches the separators between a title and a site name.
var titleSepRe = regexp.MustCompile(` (?:[|\-–—·•:]|::|/|») `)

// stripSiteSuffix removes a site name from the end or start of a title:
// "Title | BBC News", "Title - example.com", "BBC News - Title". Parts that
// name the site or host always go; when loose (the <title> element), a
// trailing part of at most four words after a longer title goes too.
func stripSiteSuffix(t, site, host string, loose bool) string {
	names := func(part string) bool {
		p := strings.ToLower(strings.TrimSpace(part))
		squash := strings.ReplaceAll(p, " ", "")
		if p == "" {
			return false
		}
		if site != "" && (p == strings.ToLower(site) || squash == strings.ReplaceAll(strings.ToLower(site), " ", "")) {
			return true
		}
		if host != "" && (p == host || strings.HasPrefix(host, squash+".") || strings.HasSuffix(p, "."+host)) {
			return true
		}
		return !strings.Contains(p, " ") && strings.Count(p, ".") >= 1 && hostRe.MatchString(p)
	}
	locs := titleSepRe.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	last := locs[len(locs)-1]
	prefix, suffix := t[:last[0]], t[last[1]:]
	if names(suffix) {
		return stripSiteSuffix(prefix, site, host, loose)
	}
	first := locs[0]
	if names(t[:first[0]]) {
		return t[first[1]:]
	}
	if loose && t[last[0]:last[1]] != " : " {
		sw, pw := len(strings.Fields(suffix)), len(strings.Fields(prefix))
		if sw <= 4 && pw >= 3 && len(prefix) > len(suffix) {
			return prefix
		}
	}
	return t
}

var hostRe = regexp.MustCompile(`^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$`)

// langRe matches a plausible language tag.
var langRe = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)

// normLang normalises a language tag: "en_gb" -> "en-GB".
func normLang(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(strings.Split(s, ",")[0]), "_", "-")
	if !langRe.MatchString(s) {
		return ""
	}
	parts := strings.Split(s, "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		default:
			parts[i] = strings.ToLower(parts[i])
		}
	}
	return strings.Join(parts, "-")
}

// pickLang returns the page language from its candidates (html lang, then
// the meta tags, then JSON-LD) and the source it came from: the first
// valid tag, unless it has no region and a later source gives the same
// language with one (lang="en" and og:locale en_US: "en-US"), since the
// region decides how numeric dates are read. Sources that name another
// language do not count.
func pickLang(cands []candidate) (lang, src string) {
	for _, c := range cands {
		l := normLang(c.val)
		if l == "" {
			continue
		}
		if lang == "" {
			lang, src = l, c.src
			if strings.Contains(l, "-") {
				return lang, src
			}
			continue
		}
		if base, _, ok := strings.Cut(l, "-"); ok && base == lang {
			return l, c.src
		}
	}
	return lang, src
}

// fill sets a's metadata from the page and from what finish found.
func (m *pageMeta) fill(a *Article, f finished) {
	base, _ := url.Parse(strings.TrimSpace(m.pageURL))
	for _, c := range m.urls {
		u, err := url.Parse(strings.TrimSpace(c.val))
		if err != nil || c.val == "" {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			a.URL, a.Sources.URL = u.String(), c.src
			break
		}
	}

	pub := append([]candidate{}, m.published...)
	urls := []string{a.URL}
	for _, c := range m.urls {
		urls = append(urls, c.val)
	}
	for _, u := range append(urls, m.pageURL) {
		if u != "" {
			if t, ok := urlDate(u); ok {
				pub = append(pub, candidate{t.Format(time.RFC3339), "url"})
				break
			}
		}
	}
	for _, c := range pub {
		if t, ok := parseTimestamp(c.val); ok {
			a.Published, a.Sources.Published = t, c.src
			break
		}
	}
	if a.Published.IsZero() && !f.published.IsZero() {
		a.Published, a.Sources.Published = f.published, "dateline"
	}
	for _, c := range m.modified {
		if t, ok := parseTimestamp(c.val); ok {
			a.Modified, a.Sources.Modified = t, c.src
			break
		}
	}
	if a.Modified.IsZero() && !f.modified.IsZero() {
		a.Modified, a.Sources.Modified = f.modified, "dateline"
	}

	for _, c := range m.sites {
		if s := collapseSpace(c.val); s != "" {
			a.SiteName, a.Sources.SiteName = s, c.src
			break
		}
	}
	a.Language, a.Sources.Language = pickLang(m.langs)
	// All bylines from the first source that names someone: JSON-LD and
	// microdata give one candidate per author.
	for _, c := range m.authors {
		if a.Sources.Authors != "" && c.src != a.Sources.Authors {
			continue
		}
		if names := cleanAuthors([]string{c.val}, a.SiteName); len(names) > 0 {
			a.Authors = cleanAuthors(append(a.Authors, names...), a.SiteName)
			a.Sources.Authors = c.src
		}
	}
	if a.Authors == nil && len(f.authors) > 0 {
		a.Authors, a.Sources.Authors = f.authors, "byline"
	}
}

// Author names.

var (
	// authorSplitRe separates names in a byline.
	authorSplitRe = regexp.MustCompile(`\s*(?:[;|/,&•·+\n]|\band\b|\bwith\b|\b(?i:for)\b)\s*`)
	// authorLeadRe is a byline's lead-in.
	authorLeadRe = regexp.MustCompile(`(?i)^(?:(?:words|written|reporting|story|posted|published|photos?|text)\s+)?by:?\s+|^(?i:author|authors|written by|reporter):?\s+`)
)

// authorParticles may be lower case inside a name.
var authorParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "du": true,
	"del": true, "della": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "ter": true, "dos": true,
}

// authorNotName are words that mark a byline part as an organisation,
// a role or a placeholder rather than a person.
var authorNotName = map[string]bool{
	"admin": true, "administrator": true, "editor": true, "editors": true, "staff": true,
	"newsroom": true, "webmaster": true, "guest": true, "anonymous": true, "unknown": true,
	"team": true, "desk": true, "news": true, "business": true, "politics": true, "media": true,
	"press": true, "reporter": true, "reporters": true, "correspondent": true, "correspondents": true,
	"writer": true, "writers": true, "contributor": true, "columnist": true, "agency": true,
	"online": true, "digital": true, "service": true, "services": true, "group": true, "ltd": true,
	"inc": true, "limited": true, "times": true, "post": true, "journal": true, "herald": true,
	"daily": true, "weekly": true, "magazine": true, "network": true, "radio": true, "tv": true,
	"television": true, "international": true, "world": true, "sport": true, "sports": true,
	"updated": true, "published": true, "for": true, "the": true, "of": true, "in": true, "at": true,
	"more": true, "follow": true, "view": true, "profile": true, "email": true, "read": true,
}

// cleanAuthors turns raw bylines into personal names: lead-ins ("By")
// dropped, split at commas, "and", "&", ";" and "|", and kept only when a
// part looks like a person's name: two to five capitalised words, no
// digits, URLs, e-mail addresses, roles ("Political Editor"), outlets
// ("CNN Business", the site's name) or placeholders ("Admin"). Names in
// capitals are title-cased. Duplicates are dropped.
func cleanAuthors(raw []string, site string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		r = collapseSpace(r)
		if len(r) > 300 {
			continue
		}
		r = authorLeadRe.ReplaceAllString(r, "")
		for _, part := range authorSplitRe.Split(r, -1) {
			part = strings.Trim(collapseSpace(authorLeadRe.ReplaceAllString(part, "")), " .:-–—()[]")
			name, ok := personName(part, site)
			if !ok || seen[strings.ToLower(name)] {
				continue
			}
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	return out
}

// personName reports whether s looks like a person's name, returning it
// title-cased if it was in capitals.
func personName(s, site string) (string, bool) {
	if s == "" || strings.ContainsAny(s, "@:/0123456789?!\"“”") || strings.EqualFold(s, site) {
		return "", false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return "", false
	}
	if strings.ToUpper(s) == s {
		for i, w := range words {
			rs := []rune(strings.ToLower(w))
			rs[0] = unicode.ToUpper(rs[0])
			words[i] = string(rs)
		}
		s = strings.Join(words, " ")
	}
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’"))
		if authorNotName[lw] {
			return "", false
		}
		first := []rune(w)[0]
		if authorParticles[w] && i > 0 && i < len(words)-1 {
			continue
		}
		if !unicode.IsUpper(first) {
			return "", false
		}
		if rs := []rune(w); len(rs) >= 2 && strings.ToUpper(w) == w && unicode.IsLetter(rs[1]) {
			return "", false // an acronym: "CNN", "BBC"
		}
	}
	return s, true
}
