package extract

import (
	"time"

	"github.com/bylinehq/byline/extract/dates"
)

// Date granularities, as they appear in Date.Granularity (see package
// dates).
const (
	GranularityTime      = dates.GranularityTime
	GranularityPartOfDay = dates.GranularityPartOfDay
	GranularityDay       = dates.GranularityDay
	GranularityWeek      = dates.GranularityWeek
	GranularityWeekend   = dates.GranularityWeekend
	GranularityMonth     = dates.GranularityMonth
	GranularitySeason    = dates.GranularitySeason
	GranularityQuarter   = dates.GranularityQuarter
	GranularityYear      = dates.GranularityYear
	GranularityDecade    = dates.GranularityDecade
	GranularityCentury   = dates.GranularityCentury
	GranularityDuration  = dates.GranularityDuration
	GranularityReference = dates.GranularityReference
	GranularitySet       = dates.GranularitySet
)

// DateOrder says how to read an all-numeric date such as "10/07/2019"
// (dates.Order).
type DateOrder = dates.Order

// The orders of numeric dates (see dates.Order).
const (
	OrderUnknown = dates.OrderUnknown
	DayFirst     = dates.DayFirst
	MonthFirst   = dates.MonthFirst
)

// DateOrderFor returns the order in which the language tag lang writes
// numeric dates (dates.OrderFor).
func DateOrderFor(lang string) DateOrder { return dates.OrderFor(lang) }

// DateOption configures FindDates (dates.Option).
type DateOption = dates.Option

// WithDateOrder sets how FindDates reads all-numeric dates (dates.WithOrder).
func WithDateOrder(o DateOrder) DateOption { return dates.WithOrder(o) }

// FindDates finds the temporal expressions in text and normalises them
// against published, the publication date (zero when unknown); see
// dates.Find. It is safe for concurrent use.
func FindDates(text string, published time.Time, opts ...DateOption) []Date {
	return dates.Find(text, published, opts...)
}
