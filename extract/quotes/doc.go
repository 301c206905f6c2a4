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
