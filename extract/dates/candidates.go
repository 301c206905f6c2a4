package dates

// candidates are the expressions found so far, each added against the
// reference time: one whose value depends on the publication date is
// resolved only when that date is known, and keeps its offset from it
// otherwise.
type candidates struct {
	refTime
	cands []dateCand
}

// add adds [start,end) with its value and granularity; an unresolved
// value has no granularity when the publication date is unknown.
func (c *candidates) add(start, end int, value, gran string) {
	if !c.known && value == "" {
		gran = ""
	}
	c.cands = append(c.cands, dateCand{start: start, end: end, value: value, gran: gran})
}

// addRel adds a candidate whose value depends on the publication date.
func (c *candidates) addRel(start, end int, f func() (string, string)) {
	c.addShift(start, end, "", f)
}

// addShift is addRel for an expression that is a fixed shift from the
// publication date, offset ("-P1D"), kept when that date is unknown.
func (c *candidates) addShift(start, end int, offset string, f func() (string, string)) {
	if !c.known {
		c.cands = append(c.cands, dateCand{start: start, end: end, offset: offset})
		return
	}
	v, g := f()
	c.add(start, end, v, g)
}

// last returns the candidate added last, to set its extra fields.
func (c *candidates) last() *dateCand { return &c.cands[len(c.cands)-1] }

// dateCand is one candidate expression. value is "" when unresolved.
type dateCand struct {
	start, end  int
	value, gran string
	offset      string // the shift from the publication date, for Date.Offset
	clock       bool   // a bare clock time: hour and min are set
	hour, min   int
	zone        string // a clock time's stated zone, "+01:00"; "" when none
	// A day or month written without a year: anchorYears may give it the
	// year of an explicit year beside it.
	noYear   bool
	mon, day int // day 0 for a month
	// A year stated explicitly ("2016", "last year" when resolved).
	yearRef int
}
