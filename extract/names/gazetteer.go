package names

import (
	"sync"
	"unicode"

	"github.com/bylinehq/byline/extract/internal/lexicon"
	"github.com/bylinehq/byline/extract/internal/nlp"
)

// orgListMask is the set of gazetteer lists (lexicon.Gazetteers) whose
// entries name an organisation and rarely anything else: news media,
// parties, government bodies, international bodies, platforms. Companies
// and sports clubs are left to the model: "Apple", "Barcelona" name other
// things too.
var orgListMask = sync.OnceValue(func() uint32 {
	var mask uint32
	for i, l := range lexicon.Gazetteers().Lists() {
		switch l {
		case "org.news", "org.party", "org.government", "org.international", "org.platform":
			mask |= 1 << i
		}
	}
	return mask
})

// nationalityMask is the gazetteer list of nationalities.
var nationalityMask = sync.OnceValue(func() uint32 {
	for i, l := range lexicon.Gazetteers().Lists() {
		if l == "misc.nationality" {
			return 1 << i
		}
	}
	return 0
})

// capitalisedWord reports whether w starts with an upper-case letter.
func capitalisedWord(w string) bool { return unicode.IsUpper(firstRune(w)) }

// maxGazetteerTokens bounds the organisation names looked up.
const maxGazetteerTokens = 6

// gazetteerOrgs finds the organisations of the gazetteer lists in orgListMask
// in a sentence: a run of two or more tokens, starting and ending with a
// capitalised word, that is exactly an entry ("Scotland Yard", "The Mail
// on Sunday", "Conservative Party"), or the acronym of a news medium or
// platform where no mention is ("an ITV debate"). Such a name replaces the
// mentions inside it (the place "Scotland"). Other one-word entries are
// left to the model, and so are acronyms that are also common nouns
// (notEntityAcronyms: "CCTV" is a broadcaster and a camera); "RBI" is a
// bank and runs batted in. A run with a
// capitalised word right before or after it is part of a longer name
// ("UEFA Cup"), and "The" with a nationality is a person ("The
// Australian").
func gazetteerOrgs(text string, s []nlp.Token, ms []mention) []mention {
	g, mask := lexicon.Gazetteers(), orgListMask()
	words := make([]string, len(s))
	for i, t := range s {
		words[i] = t.Text
	}
	for i := 0; i < len(s); i++ {
		if s[i].Start < 0 || !unicode.IsUpper(firstRune(s[i].Text)) {
			continue
		}
		for j := min(len(s), i+maxGazetteerTokens); j > i; j-- {
			last := s[j-1]
			if last.Start < 0 || !unicode.IsUpper(firstRune(last.Text)) || g.Contains(words[i:j]...)&mask == 0 {
				continue
			}
			start, end := s[i].Start, last.End
			if j == i+1 && (!isAcronym(s[i].Text) || notEntityAcronyms[s[i].Text] ||
				g.Contains(words[i])&mediaMask() == 0 || overlaps(ms, start, end)) {
				break
			}
			if j < len(s) && capitalisedWord(s[j].Text) || i > 0 && !isInitial(s, i) && capitalisedWord(s[i-1].Text) ||
				s[i].Text == "The" && g.Contains(words[i+1:j]...)&nationalityMask() != 0 {
				break
			}
			if insideLonger(ms, start, end) {
				break
			}
			kept := ms[:0:0]
			for _, m := range ms {
				if m.end <= start || m.start >= end {
					kept = append(kept, m)
				}
			}
			ms = append(kept, mention{start: start, nameStart: start, end: end, typ: Organization,
				strong: true, ntoks: j - i, initial: isInitial(s, i)})
			i = j - 1
			break
		}
	}
	return ms
}

// overlaps reports whether a mention overlaps [start, end).
func overlaps(ms []mention, start, end int) bool {
	for _, m := range ms {
		if m.start < end && m.end > start {
			return true
		}
	}
	return false
}

// mediaMask is the set of gazetteer lists of news media and platforms.
var mediaMask = sync.OnceValue(func() uint32 {
	var mask uint32
	for i, l := range lexicon.Gazetteers().Lists() {
		if l == "org.news" || l == "org.platform" {
			mask |= 1 << i
		}
	}
	return mask
})

// insideLonger reports whether a mention contains [start, end) and more
// ("BBC News Channel" around "BBC News"), or runs past one of its ends.
func insideLonger(ms []mention, start, end int) bool {
	for _, m := range ms {
		if m.start < end && m.end > start && (m.start < start || m.end > end) {
			return true
		}
	}
	return false
}
