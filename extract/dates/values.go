package dates

import (
	"fmt"
	"strconv"
	"time"
)

// Value arithmetic: formatting calendar values and the intervals they
// name.

func ymd(t time.Time) string { return t.Format("2006-01-02") }

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// bounds returns the first and last day (inclusive) of the interval a
// value names, as RFC 3339 full dates, or instants for a clock time with a
// known zone. ok is false for values that are not calendar intervals.
func bounds(value, gran, zone string) (begin, through string, ok bool) {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	span := func(lo, hi time.Time) (string, string, bool) { return day(lo), day(hi), true }
	switch gran {
	case GranularityDay:
		return value, value, true
	case GranularityPartOfDay:
		return value[:10], value[:10], true
	case GranularityTime:
		if zone == "" {
			return value[:10], value[:10], true
		}
		z := zone
		if z == "+00:00" {
			z = "Z"
		}
		inst := value + ":00" + z
		return inst, inst, true
	case GranularityWeek, GranularityWeekend:
		y, _ := strconv.Atoi(value[:4])
		w, _ := strconv.Atoi(value[6:8])
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if gran == GranularityWeekend {
			return span(mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6))
		}
		return span(mon, mon.AddDate(0, 0, 6))
	case GranularityMonth:
		lo, err := time.Parse("2006-01", value)
		if err != nil {
			return "", "", false
		}
		return span(lo, lo.AddDate(0, 1, -1))
	case GranularitySeason:
		y, _ := strconv.Atoi(value[:4])
		return span(seasonSpan(y, value[5:]))
	case GranularityQuarter:
		y, _ := strconv.Atoi(value[:4])
		q := int(value[6] - '0')
		lo := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return span(lo, lo.AddDate(0, 3, -1))
	case GranularityYear:
		y, _ := strconv.Atoi(value)
		return span(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	case GranularityDecade:
		d, _ := strconv.Atoi(value)
		return span(time.Date(10*d, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10*d+9, 12, 31, 0, 0, 0, 0, time.UTC))
	case GranularityCentury:
		c, _ := strconv.Atoi(value)
		return span(time.Date(100*c, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(100*c+99, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	return "", "", false
}
