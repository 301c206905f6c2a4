// Package dates finds temporal expressions in article text (dates, times,
// weekdays, durations, sets, vague references such as "recently") and
// normalises each to a TIMEX3-style value resolved against the article's
// publication date: "on Wednesday" in an article of Friday 12 July 2019 is
// "2019-07-10", "last year" is "2018".
//
// Find is the entry point; Order says how to read numeric dates
// ("10/07/2019"). Relative expressions in an article without a known
// publication date keep a nil value and an Offset.
//
// dates does not read HTML or metadata (package clean finds the
// publication date) and knows nothing of names or quotes; it shares only
// word sets with them, through extract/internal/nlp.
package dates
