package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// quoteFolder maps curly and typographic quotes to straight ones.
var quoteFolder = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "`", "'", "\u00b4", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`, "\u00ab", `"`, "\u00bb", `"`,
)

// dupKey is the form in which two paragraphs are compared for duplication:
// quotes straightened, white space collapsed, trailing punctuation dropped
// (so a photo caption repeating a sentence without its full stop counts).
func dupKey(p string) string {
	return strings.TrimRight(collapseSpace(quoteFolder.Replace(p)), " .!?,;:\u2026")
}

// markerKey is the form in which a paragraph is matched against the
// boilerplate markers: lower case, quotes straightened, trailing dots,
// colons and ellipses dropped.
func markerKey(p string) string {
	p = strings.ToLower(quoteFolder.Replace(p))
	return strings.TrimRight(p, " .:\u2026|>»›-")
}

// noiseRe matches paragraphs that are page furniture wherever they appear:
// they are dropped and the text around them kept.
var noiseRe = regexp.MustCompile(`^(?:advertisement|advertisements|advertising|advert|sponsored(?: content)?|ad|` +
	`loading|share|share (?:this|the) (?:article|story|page|post)|share this|share (?:on|via) \w+|tweet(?: this)?|` +
	`print(?: this (?:article|page))?|e-?mail(?: this (?:article|page))?|` +
	`skip (?:to (?:main )?content|advert(?:isement)?|ad)|(?:story|article) continues below(?: advertisement)?|` +
	`scroll (?:down )?(?:to continue(?: reading)?|for (?:video|more))|continue reading(?: below| the main story)?|` +
	`read more: .*|click (?:here )?to (?:expand|enlarge)|image (?:copyright|source|caption)\b.*|media caption\b.*|` +
	`getty images|view gallery|watch|listen|play video|` +
	`\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: (?:gmt|bst|utc|cet|cest|[ecmp][sd]?t))?|` +
	`(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|just now|` +
	`(?:last )?updated(?: at| on)?:? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?|` +
	// share bars and comment widgets
	`share (?:this|the|full) (?:article|story|page|post)|share this|share or comment on this (?:article|story)|` +
	`share what you think|like this|like loading|reuse this content|add (?:a|your) comment|post a comment|` +
	`sign in to comment|leave a comment|` +
	// media pointers, e-mail furniture, print notes
	`(?:watch|listen to|see|hear) (?:the|our|this) (?:full |whole )?(?:interview|video|clip|report|programme|segment|footage|moment|conversation)s?\b.{0,60}|` +
	`view (?:this email|it|this) (?:online|in (?:your|a) (?:web )?browser)|forwarded this (?:e-?mail|newsletter)\?.{0,60}|unsubscribe|` +
	`a version of this article appears in print .*)$`)

// socialNames are the words of a share bar.
var socialNames = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "email": true, "e-mail": true, "whatsapp": true,
	"linkedin": true, "pinterest": true, "reddit": true, "messenger": true, "telegram": true,
	"flipboard": true, "print": true, "share": true, "tweet": true, "copy": true, "link": true,
	"sms": true, "threads": true, "bluesky": true, "mastodon": true,
}

// isShareBar reports whether p is only the names of share buttons
// ("Facebook Twitter Email", "Twitter").
func isShareBar(p string) bool {
	words := strings.FieldsFunc(strings.ToLower(p), func(r rune) bool {
		return unicode.IsSpace(r) || r == '|' || r == '·' || r == '•' || r == ','
	})
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	named := false
	for _, w := range words {
		if !socialNames[w] {
			return false
		}
		named = named || w != "share" && w != "print" && w != "copy" && w != "link"
	}
	return named
}

// endRe matches paragraphs that start the trailing furniture of a page:
// comments, related stories, "more from", source links. The text is cut at
// the first one in the latter part of the article.
var endRe = regexp.MustCompile(`^(?:comments?|\d+ comments?|comments? \(?\d+\)?|(?:view|show|read|load) (?:all |\d+ )?comments|` +
	`\d+ (?:thoughts|responses|replies|comments) (?:on|to) .{1,200}|leave a reply|topics|` +
	`leave a (?:comment|reply)|join the (?:conversation|discussion|debate)|` +
	`related(?: (?:articles?|stories|story|content|news|topics|coverage|posts|links|reading|internet links))?|` +
	`more (?:from|on|in|about) .{1,80}|more stories|more news|read more|read more at .{1,80}|read more from .{1,80}|see also|` +
	`(?:you|you'll|you may|you might|we think you'll) (?:may |might |would )?also (?:like|enjoy)|.{1,80} you'll also like|` +
	`recommended(?: for you| stories| reading| articles)?|most (?:read|popular|viewed|shared|watched)|` +
	`trending(?: now| stories)?|around the web|top stories|latest (?:news|stories|headlines)|` +
	`sign up (?:to|for) (?:our|the) .{0,60}newsletter.*|subscribe to (?:our|the) .{0,60}newsletter.*|` +
	`follow us on .{1,60}|(?:copyright|\(c\)|©) .{0,100}|(?:copyright|\(c\)|©)\b.{0,200}\ball rights reserved\b.*|` +
	`all rights reserved.*)$`)

// finished is what finish learned from the paragraphs it dropped.
type finished struct {
	paras     []string
	published time.Time // from a dateline paragraph
	modified  time.Time // from an "Updated …" dateline paragraph
	authors   []string  // from a byline paragraph
}

// finish is the paragraph post-processing shared by HTML and Text,
// applied until nothing changes (which makes it idempotent):
//
//   - white space is collapsed and empty paragraphs dropped;
//   - paragraphs that are only page furniture ("Advertisement", "Loading…",
//     "Share this article", "Read more: …", "Add a comment", "Watch the
//     interview above", "View this email in your browser") are dropped;
//   - a trailing run of other stories' headlines and timestamps is cut
//     (see cutTrailingHeadlines);
//   - share bars ("Facebook Twitter Email") are dropped;
//   - a leading run of three or more menu items (paragraphs of at most
//     three words without sentence punctuation, "Home", "News", "Sport")
//     before the first sentence is dropped;
//   - before the third kept sentence paragraph (one that ends like a
//     sentence or holds twelve words or more: short furniture before the
//     story does not count), a dateline (a paragraph that is only a date
//     and maybe a time, such as "4 December 2017, 09:02"), a byline ("By
//     Jane Smith") and the two together ("Posted on November 20, 2018 by
//     Jane Smith"), and a bare name on the line above a dateline, are
//     dropped, their values kept for the metadata; so is
//     a dateline that is the last paragraph ("Published 6 September
//     2022");
//   - the text is cut before the first end marker ("Comments", "Related",
//     "More from …", "Read more at …") that comes after at least three
//     paragraphs and 400 characters, or after half of the text;
//   - a paragraph repeating an earlier one or the title (compared by dupKey)
//     is dropped, the first kept.
func finish(title string, paras []string) finished {
	var f finished
	cur := make([]string, 0, len(paras))
	for _, p := range paras {
		if p = collapseSpace(p); p != "" {
			cur = append(cur, p)
		}
	}
	for {
		n := len(cur)
		cur = f.pass(title, cur)
		if len(cur) == n {
			f.paras = cur
			return f
		}
	}
}

func (f *finished) pass(title string, in []string) []string {
	in = cutTrailingHeadlines(in) // before the noise rule removes the timestamps
	out := in[:0:0]
	for _, p := range in {
		if !noiseRe.MatchString(markerKey(p)) && !isShareBar(p) {
			out = append(out, p)
		}
	}

	menu := 0
	for menu < len(out) && isMenuItem(out[menu]) {
		menu++
	}
	if menu >= 3 {
		out = out[menu:]
	}

	kept := out[:0:0]
	sentences := 0
	for i, p := range out {
		if sentences < 3 || i == len(out)-1 {
			if ds, ok := parseDatelines(p); ok {
				for _, d := range ds {
					f.setDate(d)
				}
				continue
			}
		}
		if sentences < 3 && i+1 < len(out) {
			// A bare name above a dateline is a byline ("Jane Smith" then
			// "8 November 2022, 17:45").
			if name, ok := personName(p, ""); ok && len(strings.Fields(name)) <= 3 {
				if _, ok := parseDatelines(out[i+1]); ok {
					f.setAuthors([]string{name})
					continue
				}
			}
		}
		if sentences < 3 {
			if names, ok := parseByline(p); ok {
				f.setAuthors(names)
				continue
			}
			if d, names, ok := parseDatedByline(p); ok {
				f.setDate(d)
				f.setAuthors(names)
				continue
			}
		}
		if isSentenceParagraph(p) {
			sentences++
		}
		kept = append(kept, p)
	}
	out = kept

	total := 0
	for _, p := range out {
		total += len(p)
	}
	before := 0
	for i, p := range out {
		if i > 0 && endRe.MatchString(markerKey(p)) && ((i >= 3 && before >= 400) || 2*before >= total) {
			out = out[:i]
			break
		}
		before += len(p)
	}

	seen := make(map[string]bool, len(out)+1)
	if title != "" {
		seen[dupKey(title)] = true
	}
	kept = out[:0:0]
	for _, p := range out {
		k := dupKey(p)
		if seen[k] {
			continue
		}
		seen[k] = true
		kept = append(kept, p)
	}
	return kept
}

// cutTrailingHeadlines removes a trailing run of other stories' headlines:
// at least three paragraphs at the end of the text, each a relative
// timestamp ("6 hours ago") or date, or a line of at most twenty words
// that does not end like a sentence, with at least one timestamp or date
// and at least two title-case lines ("Chancellor Hints At Fuel Duty
// Freeze"), after at least two sentence paragraphs. An article's own last
// paragraphs end like sentences, and the timestamp keeps a closing list
// of names or titles ("Best Actress Emma Stone") from being cut.
func cutTrailingHeadlines(paras []string) []string {
	i, titled, stamps := len(paras), 0, 0
	for i > 0 {
		p := paras[i-1]
		if relTimeRe.MatchString(markerKey(p)) {
			i--
			stamps++
			continue
		}
		if _, ok := parseDateline(p); ok {
			i--
			stamps++
			continue
		}
		if len(strings.Fields(p)) > 20 || endsSentence(p) {
			break
		}
		if isHeadlineCase(p) {
			titled++
		}
		i--
	}
	if len(paras)-i < 3 || titled < 2 || stamps == 0 {
		return paras
	}
	sentences := 0
	for _, p := range paras[:i] {
		if isSentenceParagraph(p) {
			sentences++
		}
	}
	if sentences < 2 {
		return paras
	}
	return paras[:i]
}

// relTimeRe matches a relative timestamp (in markerKey form).
var relTimeRe = regexp.MustCompile(`^(?:(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|just now|yesterday)$`)

// endsSentence reports whether p ends with sentence punctuation, maybe
// inside a closing quote or bracket.
func endsSentence(p string) bool {
	p = strings.TrimRight(p, " \"'\u201d\u2019)")
	return strings.HasSuffix(p, ".") || strings.HasSuffix(p, "!") || strings.HasSuffix(p, "?") || strings.HasSuffix(p, "\u2026")
}

// isHeadlineCase reports whether most (70%) of p's words of four letters or
// more, and at least three, start with a capital.
func isHeadlineCase(p string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(p) {
		w = strings.TrimLeft(w, "\"'\u2018\u201c(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long >= 3 && upper*10 >= long*7
}

// setDate keeps a dateline's date as the published or modified date,
// unless one is already known.
func (f *finished) setDate(d dateline) {
	switch {
	case d.modified && f.modified.IsZero():
		f.modified = d.t
	case !d.modified && f.published.IsZero():
		f.published = d.t
	}
}

// setAuthors keeps a byline's names unless authors are already known.
func (f *finished) setAuthors(names []string) {
	if f.authors == nil && len(names) > 0 {
		f.authors = names
	}
}

// isMenuItem reports whether p looks like a navigation link: at most three
// words and no sentence punctuation or digits.
func isMenuItem(p string) bool {
	return len(strings.Fields(p)) <= 3 && !strings.ContainsAny(p, ".!?:;,\"'0123456789\u201c\u201d\u2019")
}

// isSentenceParagraph reports whether p reads as running text: it ends
// like a sentence or holds at least twelve words.
func isSentenceParagraph(p string) bool {
	return endsSentence(p) || len(strings.Fields(p)) >= 12
}

// parseDatelines reports whether p is one dateline or several joined by
// "|" or "·" ("Published: June 15, 2022 | Updated: June 16, 2022") and
// returns them.
func parseDatelines(p string) ([]dateline, bool) {
	var ds []dateline
	p = updatedAgoRe.ReplaceAllString(p, "")
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '|' || r == '·' }) {
		d, ok := parseDateline(part)
		if !ok {
			return nil, false
		}
		ds = append(ds, d)
	}
	return ds, len(ds) > 0
}

// updatedAgoRe matches a relative "updated" note after a dateline ("July
// 3, 2023 8:14 AM UTC Updated 2 hours ago"), which pasting often garbles.
var updatedAgoRe = regexp.MustCompile(`(?i)\s+updated(?: \d+ \w+)? ago$`)

// datedBylineRe splits a byline followed by a date: "Posted by Jane Smith
// on 4 May 2020", "By Jane Smith | May 4, 2020".
var datedBylineRe = regexp.MustCompile(`(?i)^((?:posted |written |words )?by\s+.{1,80}?)(?:\s+on|\s*[|·•,]|\s+[-–—])\s+(.{6,60})$`)

// parseDatedByline reports whether p is a dateline and a byline together,
// "Posted on November 20, 2018 by Jane Smith" or "Posted by Jane Smith on
// Saturday 14 October 2017 at 10:00 am" (the name may be missing, or not a
// person's, as in "by admin"), and returns both parts.
func parseDatedByline(p string) (dateline, []string, bool) {
	if len(p) > 160 {
		return dateline{}, nil, false
	}
	if m := datedBylineRe.FindStringSubmatch(p); m != nil {
		if d, ok := parseDateline(m[2]); ok {
			names, _ := parseByline(m[1])
			return d, names, true
		}
	}
	l := strings.ToLower(p)
	i := strings.LastIndex(l, " by")
	if i < 0 || i+3 < len(l) && l[i+3] != ' ' {
		return dateline{}, nil, false
	}
	d, ok := parseDateline(p[:i])
	if !ok {
		return dateline{}, nil, false
	}
	return d, cleanAuthors([]string{p[i+3:]}, ""), true
}

// bylineRe matches a byline paragraph's lead-in.
var bylineRe = regexp.MustCompile(`(?i)^(?:by|words by|written by|reporting by|story by|posted by)\s+`)

// parseByline reports whether p is a byline paragraph ("By Jane Smith and
// John Doe, Political Correspondents") and returns the names in it.
func parseByline(p string) ([]string, bool) {
	if len(p) > 120 || strings.HasSuffix(p, ".") {
		return nil, false
	}
	loc := bylineRe.FindStringIndex(p)
	if loc == nil {
		return nil, false
	}
	names := cleanAuthors([]string{p[loc[1]:]}, "")
	return names, len(names) > 0
}
