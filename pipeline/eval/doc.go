// Package eval measures how well Byline's output agrees with a hand-made
// gold standard, so that changes to cleaning and tagging can be judged by
// numbers rather than by eye.
//
// Three inputs are supported. Score compares pipeline.Records (the output of
// clean+tag on a corpus) with a Gold file in the offset-free format of
// corpus/gold.json (see LoadGold). ScoreCoNLL tags the documents of a
// CoNLL-2003 file with a Tagger and scores its named entities exactly.
// ScoreTimeML tags TimeML documents (ReadTimeML) and scores their temporal
// expressions TempEval-3 style. ScorePolNeAR compares the records of a
// PolNeAR *.input.jsonl with its gold (ReadPolNeAR): quotes against the
// direct and mixed attributions, and speakers by last name.
// Both return a Report, which can be checked against thresholds (Check) and
// written for people (WriteText) or programs (WriteJSON). Draft turns
// current output into a gold skeleton for a person to correct. Gold.Find
// pairs an article with its gold document by the same rule as Score, so
// that its anchor (GoldDoc.Anchor) can be given to the tagger as the
// publication date when the article states none.
//
// # Metrics
//
// Metric names are stable: they are the keys of Gold.Thresholds, of the
// --min flag and of the JSON report. MetricNames lists them all.
//
// Precision/recall metrics, each with .precision, .recall and .f1:
//
//   - people, organizations, places: document-level entities. Gold entities
//     (with their aliases) against the predicted canonical names
//     (Record.People, Record.Organizations, Record.Places), one-to-one.
//   - people_mentions, organizations_mentions, places_mentions: mention
//     level. Gold mentions are located in Record.Text; predicted mentions
//     are Record.Entities of the matching type.
//   - entities_mentions: micro-average of the three mention metrics.
//   - quotes: quote detection (spans), regardless of speaker and kind.
//   - quotes_direct: detection of direct and partial quotes alone: gold
//     quotes of kind direct or partial against predictions of those kinds,
//     paired among themselves (the detection target is for these).
//   - quotes_indirect: detection of indirect speech alone, indirect gold
//     against indirect predictions, in documents flagged "indirect": true
//     only (undefined elsewhere). A gold quote of kind indirect in an
//     unflagged document counts only in quotes.
//   - dates: temporal expression detection (spans), regardless of value.
//
// Accuracy metrics, each with .accuracy only:
//
//   - speakers.accuracy: among matched quotes whose gold speaker is not null,
//     plus those where gold and prediction are both null, the share with the
//     right speaker. A prediction that names a speaker where the gold says
//     null is not counted either way: the annotator could not tell, so
//     neither can we.
//   - quote_kinds.accuracy: among matched quotes, the share with the gold
//     kind (direct, partial, indirect).
//   - date_values.accuracy: among matched dates, the share whose normalised
//     value equals the gold value exactly (null equals null).
//   - title.accuracy: documents whose gold has a "title" key; titles compare
//     equal after collapsing whitespace and unifying curly and straight
//     quotation marks.
//   - published.accuracy: documents whose gold has a "published" key; the
//     date part (first ten bytes) of Record.Published must equal the gold,
//     and null must be null.
//
// Counts are micro-averaged over documents for the overall figures, and
// also reported per document. With TP, FP and FN counts, precision is
// TP/(TP+FP), recall TP/(TP+FN) and F1 their harmonic mean; a zero
// denominator gives 0 (no predictions at all has precision 0, as in
// seqeval and scikit-learn's zero_division=0). A metric with no gold and no
// predictions (TP+FP+FN == 0, or no items for an accuracy) is undefined: it
// is reported as n/a (null in JSON), never as 1.0, and Check skips a
// threshold on it and says so, because a corpus that does not exercise a
// feature can neither pass nor fail it.
//
// # Matching rules
//
// Matching is lenient where a journalist would be.
//
// Names are normalised before comparison: diacritics folded (Latin
// letters), case folded, a trailing possessive ('s, ’s, s') and
// apostrophes removed, other punctuation turned into spaces, runs of single
// letters joined ("U.S." = "US"), a leading "the" dropped, and, for people
// and speakers, leading titles and honorifics dropped (Sir, Mr, Mrs, Ms,
// Miss, Dr, Lord, Lady, Dame, Prof, President, Prime Minister, Assistant
// Commissioner, Commissioner, Councillor, Senator, … see titles in
// names.go), never leaving the name empty.
//
// A predicted person matches a gold person when the normalised names are
// equal, or equal to a gold alias, or have the same surname (last word)
// and compatible first names: one side has no first name ("Darroch"), or
// the first names start with the same letter ("K Darroch", "Kim Darroch").
// An organisation or place matches when equal to the name or an alias, or
// when one is the acronym of the other ("FBI" and "Federal Bureau of
// Investigation", skipping of/the/and/for). Document-level matching is
// one-to-one and greedy: exact names first, then aliases, then surnames, in
// gold order; an unmerged second name for the same entity ("Kim Darroch" and
// "Darroch" both listed) is therefore spurious.
//
// Mentions: every whole-word, case-sensitive occurrence in Record.Text of
// each gold mention string is a gold mention of that entity's type. An
// occurrence nested inside a longer gold occurrence is dropped (the longest
// wins, so "London" inside "University of London" is not a place mention),
// and identical spans count once. For both gold and predicted mentions the
// compared span is the name part: a leading "the", a trailing possessive
// and, for people, leading titles are cut off ("Mr Basu’s" compares as
// "Basu"). A predicted mention matches a gold mention of the same type when
// the spans overlap by at least half the shorter one, one-to-one, greedily by
// overlap.
//
// Quotes: each gold quote text is located in Record.Text ignoring
// quotation marks (straight and curly, single and double, guillemets) and
// collapsing whitespace, as a whole-word match. When a normalised text is
// listed n times, it takes n distinct occurrences, preferring those its
// quotation marks enclose exactly, then those next to a quotation mark,
// then the rest, and gives them to the listings in text order (so
// "impossible" finds the quoted word, not an earlier unquoted one, and
// "furry" finds “furry”, not the start of an earlier “furry fandom.”). A
// predicted quote matches when the spans overlap by at least half the
// shorter, one-to-one greedily by overlap ratio (overlap over union),
// then by overlap in bytes: a partial quote inside a gold indirect clause
// pairs with the prediction that fits it, whatever the gold order. The speaker is right when the names match by the person rule
// (the gold entity's aliases count; organisation speakers use the
// organisation rule). Predicted quotes of kind extract.Indirect are
// scored only in gold documents flagged "indirect": true (GoldDoc.Indirect);
// elsewhere they are left out, neither matched nor spurious.
//
// Dates: the n-th listing of a surface string is its n-th whole-word,
// case-sensitive occurrence in the text. Predicted dates match by overlap as
// quotes do.
//
// A gold document scores only what it annotates: when its "people",
// "organizations", "places", "quotes" or "dates" key is absent (or null),
// that aspect, with its mention and accuracy metrics, is not scored for the
// document; an empty list means the document has none, so every such
// prediction is spurious. A quote-only gold such as
// corpus/dev/wikinews-quotes.gold.json thus leaves the entity and date
// metrics undefined.
//
// Gold strings that cannot be found in the text (a mention, a quote, a date
// occurrence) are gold errors: each is listed in the report and counted as
// missed, never dropped. A gold document without a record counts all its
// gold items as missed (a mention string counts once, as it cannot be
// located) and is listed as missing. Records without a gold document are
// not scored; their sources are listed in Report.Unscored.
//
// # CoNLL
//
// ScoreCoNLL reads CoNLL-2003 ("word POS chunk NER", IOB1 or IOB2 tags over
// PER, ORG, LOC, MISC, a blank line between sentences, -DOCSTART- between
// documents), joins each document's tokens with single spaces, tags it with
// a zero publication date and compares entity spans exactly (same start,
// end and type). PER, ORG and LOC map to PERSON, ORGANIZATION and PLACE;
// MISC is ignored on both sides. Only the *_mentions metrics are defined in
// a CoNLL report.
//
// # TimeML
//
// ReadTimeML reads a TimeML document (TimeBank, AQUAINT, the TempEval-3
// data): the text is TEXT's character data with every tag removed and
// character references decoded, so its offsets are those of the text the
// tagger sees; the publication date is the date of DCT's TIMEX3 value; the
// gold is every TIMEX3 inside TEXT (span trimmed of white space, type,
// value). ScoreTimeML gives each text to a Tagger as it stands (no HTML
// cleaning) and compares Result.Dates with the gold, as TempEval-3 does:
//
//   - timex_strict: spans equal, a final full stop aside. The stop that
//     ends both an abbreviation and a sentence ("at 10 p.m.") is one
//     character that AQUAINT puts inside the span ("next week.") or
//     leaves out of it ("10 p.m"); either way the expression is the same.
//   - timex_relaxed: spans overlap by at least one byte (TempEval-3: one
//     token), paired one-to-one, greedily by overlap.
//   - timex_value: a relaxed pair whose value equals the gold value, both
//     written in one notation (below), is a true positive; every other prediction is a false positive and
//     every other gold a false negative. Its F1 is TempEval-3's "value F1"
//     (value accuracy times relaxed F1, in effect).
//   - timex_type.accuracy: among relaxed pairs, the share with the gold
//     type.
//
// Only these metrics are defined in a TimeML report, and its text form
// shows only them.
//
// TimexOf maps a Date to a TIMEX3 type and value. The value is Date.Value
// unchanged, which extract writes in TIMEX3 form (see extract.Date): days
// "1998-01-08", months "1998-01", weeks "1998-W02", weekends
// "1998-W02-WE", quarters "1998-Q1", halves "1998-H1", seasons "1998-SU",
// years "1998", decades "199", centuries "19", parts of days
// "1998-01-08TNI", clock times "1998-01-08T21:00", durations "P3Y",
// "PT24H", "PXW" (an unstated number), and references PRESENT_REF,
// PAST_REF, FUTURE_REF, and recurrences ("every week", "weekly", "$3m a
// year", "each Thursday", "Tuesday nights") as their period "P1W", "P1Y"
// or the repeated day "XXXX-WXX-4", "XXXX-WXX-2TNI". The type follows the
// granularity: time and part_of_day are TIME, duration DURATION, set SET,
// everything else (references too) DATE.
//
// TimexFor maps a Date to the whole TIMEX3 (span, type, value); TimexOf
// is its type and value. Byline's guidelines (corpus/README.md) take a
// length with the word that relates it to an event as one expression
// ("two days after", "three weeks later", "13 days before"), with no value
// when the event is not a date; TimeML annotates only the length, as a
// DURATION, and makes the word (after, later, before, afterwards,
// beforehand) a SIGNAL. TimexFor maps such a Date to TimeML's form,
// whether Byline resolved it or not: the span without the word, type
// DURATION, value the length ("two days" P2D, "a minute and a half"
// PT1M30S, "a few days" PXD). The length is what extract.FindDates reads
// in the span without the word, or a count of units ("a year",
// "twenty years", "over an hour") that extract tags only with its
// context. A bare plural ("days after") loses the word too but states no
// length, so it keeps Byline's (empty) value. "earlier" and "ago" stay in
// the span: TimeML annotates "a year earlier" and "two years ago" whole,
// as DATEs. Other expressions relative to an event ("the next day", "a
// year earlier" when no date was named just before) map to a DATE with
// value "".
//
// A length counted in quarters ("every quarter", "the past two quarters")
// is in months in Byline ("P3M", "P6M"); TimexOf writes it in TIMEX3's
// quarter unit ("P1Q", "P2Q"), the same length ("quarterly" stays "P3M",
// as TimeBank has it). Lengths in decades, centuries and millennia, which
// extract writes with the units "DE", "CE", "ML" ("PXCE"), are written in
// TimeBank's one-letter units E, C, L ("PXC"); a length of whole decades
// that extract gives in years ("about a decade" P10Y) stays in years, as
// TimeBank writes it both ways (timex_value compares the two as equal). Midnight, which extract gives as the next
// day at 00:00 when a day is named with it ("midnight Friday" is the end
// of Friday, Saturday "T00:00"), is written as TimeML does, the day
// before at "T24" ("1989-10-27T24"); the instant is the same. "the past
// year" (Byline: the length P1Y) is scored as the calendar year before
// the document creation time ("1997" in a 1998 document), as TimeBank
// mostly writes it.
//
// Some values have more than one spelling, and the corpora use several.
// timex_value compares gold and prediction after writing both in one
// notation, so that it counts a different value, never a different
// spelling of the same one (the report shows both values as written):
//
//   - ISO week numbers have two digits: TIMEX3 values are ISO 8601
//     (TimeML 1.2.1 specification, TIMEX3 value: Date, Time, WeekDate,
//     Duration …), whose week is "Www", "2000-W07". AQUAINT also writes
//     "2000-W7"; both are week 7.
//   - A decade is its first three digits and a century its first two:
//     ISO 8601's reduced precision ("19" is the century 1900–1999), and
//     TIDES 2005 (Ferro et al., the TIMEX2 standard TIMEX3 values come
//     from) writes "the 1960s" as "196". TimeBank writes decades and
//     centuries that way ("the 1990s" 199, "20th century" 19) and also with
//     X for the unstated digits ("the 20th century" 19XX); AQUAINT writes
//     them with X ("1980s" 198X). "198X" and "198", "19XX" and "19" are
//     the same interval. (TimeBank once writes 199X for "a few years ago",
//     a year of the 1990s; Byline gives that PAST_REF, so it never
//     compares with a decade.)
//   - A date whose last fields are wholly unknown says no more than the
//     date without them: AQUAINT writes a year named in the text ("1949")
//     as "1949-XX" (a month of 1949, unknown) and "earlier this year" as
//     "1998-XX-XX"; Byline writes "1949" and "1998". Only a tail of X
//     fields is dropped: "1998-10-XX" is "1998-10", which still differs
//     from a resolved week "1998-W43", and "1998-WXX" from "1998".
//   - A clock time stated to the hour may be written to the hour: "5
//     p.m." is "T17" in TimeBank, "T17:00" in Byline.
//   - A length in one unit is compared as a number of months (years,
//     quarters, decades E, centuries C, millennia L: 12, 3, 120, 1200,
//     12000 months) or of seconds (weeks, days, hours, minutes): "P1E" and
//     "P10Y", "P2L" and "P2000Y", "P9M" and "P3Q", "P1D" and "PT24H" (a
//     day as 24 hours, as news counts it) are the same length. Months
//     and weeks or days never compare equal, nor an unstated number in
//     one unit with one in another ("PXE", some decades, is not "PXY").
//
// Where Byline deliberately differs from TimeML, the scorer does not
// paper over it; the difference costs value F1:
//
//   - An expression relative to another event without a length ("days
//     after", "the next day", "a year earlier" when no date was named just
//     before) has no value (TimeML resolves it against the nearest date,
//     which often is not the event's): value "" never equals the gold.
//   - TimeBank annotates some rates ("$2m a year", "20% annually")
//     and not others; Byline finds them all.
//   - A range is two expressions in both; "from 2001 to 2009" is "2001"
//     and "2009".
//   - A clock time's zone ("21:00 GMT") bounds Date.Begin and Date.Through
//     but is not part of the value, as in most TimeML annotation.
//   - "last week", "this week" are ISO weeks ("1998-W05"); TimeBank often
//     writes "1998-WXX".
//   - "a year ago" is the year before publication unless a quarter was
//     just named (then that quarter a year before, as TimeML has it).
//   - Vague references follow TimeBank's majority use, counted word by
//     word (the table is in extract/dates/refs.go): "soon" (4 of 6 uses
//     annotated), "these days", "then current" are references; the adverbs
//     "previously", "already", "yet" and the adjectives "recent", "future"
//     are not dates (TimeBank annotates 3 of 19, 2 of 31, 1 of 16, 6 of
//     13, 2 of 12). The adjective "current" (8 of 15) is left out because
//     Byline's own guidelines do not annotate it. "in future quarters",
//     "in coming months" and "in the near term" are FUTURE_REF.
//
// All functions are safe for concurrent use; a Report is not modified after
// it is returned, so it may be read from several goroutines.
package eval
