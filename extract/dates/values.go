package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Value arithmetic: plain functions on TIMEX3 values ("2019-07-10",
// "2019-Q3", "P3Y"): formatting them, the intervals they name, cutting
// one to a coarser unit and stepping it by a unit.

// ymd formats t as an RFC 3339 full date.
func ymd(t time.Time) string { return t.Format("2006-01-02") }

// isoWeek formats t's ISO 8601 week: "2019-W28".
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

// cutTo returns p's value cut to unit, or "" when p is coarser than it.
func cutTo(p dateCand, unit string) (string, string) {
	day := p.gran == GranularityDay || p.gran == GranularityTime || p.gran == GranularityPartOfDay
	switch unit {
	case "year":
		return p.value[:4], GranularityYear
	case "quarter":
		if p.gran == GranularityQuarter && strings.Contains(p.value, "-Q") {
			return p.value, p.gran
		}
	case "month":
		if (p.gran == GranularityMonth || day) && len(p.value) >= 7 {
			return p.value[:7], GranularityMonth
		}
	case "week":
		if p.gran == GranularityWeek {
			return p.value, p.gran
		}
		if day && len(p.value) >= 10 {
			if d, err := parseYMD(p.value[:10]); err == nil {
				return isoWeek(d), GranularityWeek
			}
		}
	case "day":
		if day && len(p.value) >= 10 {
			return p.value[:10], GranularityDay
		}
	case "morning", "afternoon", "evening", "night":
		if day && len(p.value) >= 10 {
			return p.value[:10] + "T" + partOfDay[unit], GranularityPartOfDay
		}
	case "then", "span":
		return p.value, p.gran
	}
	return "", ""
}

// parseYMD parses an RFC 3339 full date.
func parseYMD(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// yearBack returns the calendar value v ("2019-07", "2019-Q3",
// "2019-02-29") a year earlier, a leap day becoming the 28th.
func yearBack(v string) string {
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return ""
	}
	b := fmt.Sprintf("%04d%s", y-1, v[4:])
	if strings.HasSuffix(b, "-02-29") {
		b = b[:len(b)-2] + "28"
	}
	return b
}

// stepFrom returns the unit of the given date step units away and its
// granularity, or "" when the date is coarser than the unit.
func stepFrom(value, gran, unit string, step int) (string, string, string) {
	switch {
	case unit == "year":
		y, err := strconv.Atoi(value[:4])
		if err != nil {
			return "", "", ""
		}
		return fmt.Sprintf("%04d", y+step), GranularityYear, ""
	case unit == "month" && (gran == GranularityMonth || gran == GranularityDay):
		d, err := time.Parse("2006-01", value[:7])
		if err != nil {
			return "", "", ""
		}
		return d.AddDate(0, step, 0).Format("2006-01"), GranularityMonth, ""
	case unit == "day" && gran == GranularityDay:
		d, err := parseYMD(value[:10])
		if err != nil {
			return "", "", ""
		}
		return d.AddDate(0, 0, step).Format("2006-01-02"), GranularityDay, ""
	}
	return "", "", ""
}

// signedDuration formats n units (Y, M, W, D) as a signed ISO 8601
// duration: -1, "D" is "-P1D"; 0 is "P0D".
func signedDuration(n int, unit string) string {
	if n < 0 {
		return fmt.Sprintf("-P%d%s", -n, unit)
	}
	return fmt.Sprintf("P%d%s", n, unit)
}
