// Package nlp is what the extract packages share below them: prose's
// tokens aligned with the text (Token, Tokenizer), sentences, a fast
// part-of-speech tagger that reproduces prose's, and word sets (WordSet,
// Words). It knows nothing of names, quotes, dates or HTML; packages names,
// quotes and dates import it, never each other's internals.
package nlp
