// Package names finds the people, organisations and places mentioned in
// tokenised article text and resolves each mention to the canonical name it
// has in the document ("Mr Basu" and "Basu" to "Neil Basu", "FSB" to
// "Federal Security Service").
//
// A Model holds the sequence model embedded in model/ner.bin.gz (an
// averaged perceptron trained on CoNLL-2003; see model/README.md) and the
// rules around it: honorifics, titles, organisation heads, headlines, and
// the word lists (lexicons) in lexicon.go and
// extract/internal/ner's gazetteer. Tally counts canonical names.
//
// names works on one document at a time: it does not merge names across
// articles, attribute quotes (package quotes does, with RoleNouns and
// PostNominals from here) or tokenise text (extract/internal/nlp does).
package names
