// Package quotes finds quotations in article text and who said them:
// direct quotes (whole sentences in quotation marks), partial quotes
// (fragments inside reported prose) and, with Options, indirect speech
// ("the minister said that ..."), each with a speaker resolved to a
// canonical name among the document's entities, through a name, a
// pronoun, a role ("the spokesman") or the paragraph's last speaker.
//
// quotes imports package names for the Entity type and its word lists
// (role nouns, post-nominals), since speakers are names. It does not find
// entities itself: Find takes them from the caller (extract.Tagger passes
// names.Model's), and it does not tokenise with prose; it reads the text
// with its own light tokens.
package quotes

// How the package is laid out (not part of its documentation): FindWith
// runs in stages, each a type with one job.
//
//   - pairer (marks.go) splits the text into paragraphs and pairs its
//     quotation marks into rawQuotes.
//   - speakers (speakers.go) indexes the entities by offset, with each
//     person's gender, surname and first mentions; built once, then read.
//   - reader (tokens.go, cues.go) reads the text in light tokens: sentence
//     bounds and grammatical cues, knowing nothing of entities or quotes.
//   - roleBook (roles.go) memoises the roles the text gives people and
//     organisations.
//   - pronounResolver (pronouns.go) resolves he and she by salience, over
//     the clause subjects of the sentences before.
//   - quoteFinder (find.go) classifies each rawQuote and attributes it:
//     attribution.go reads the frame around a quote, subjects.go the
//     subject phrases, roles.go role nouns, and defaults.go carries
//     speakers over from earlier quotes.
//   - indirectFinder (indirect.go), with Options.Indirect, finds reported
//     speech in the sentences left over, through quoteFinder's attribution.
//
// The word lists are in lexicon.go.
