package eval

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Precision/recall families and accuracy families, in report order. A
// family f gives the metrics f.precision, f.recall and f.f1, or
// f.accuracy.
var (
	prfFamilies = []string{
		"people", "organizations", "places",
		"people_mentions", "organizations_mentions", "places_mentions", "entities_mentions",
		"quotes", "quotes_direct", "quotes_indirect", "dates",
		"timex_strict", "timex_relaxed", "timex_value",
	}
	accFamilies = []string{"speakers", "quote_kinds", "date_values", "title", "published", "timex_type"}
)

// ErrUnknownMetric is wrapped by the errors for a metric name that is not
// one of MetricNames.
var ErrUnknownMetric = errors.New("unknown metric")

// MetricNames returns every metric name, in report order.
func MetricNames() []string {
	var out []string
	for _, f := range prfFamilies {
		out = append(out, f+".precision", f+".recall", f+".f1")
	}
	for _, f := range accFamilies {
		out = append(out, f+".accuracy")
	}
	return out
}

func checkMetricName(name string) error {
	if slices.Contains(MetricNames(), name) {
		return nil
	}
	return fmt.Errorf("%w %q; valid names: %s", ErrUnknownMetric, name, strings.Join(MetricNames(), ", "))
}

// ParseThreshold parses a "METRIC=VALUE" threshold as given to --min,
// checking the metric name and that the value is in [0, 1].
func ParseThreshold(s string) (metric string, min float64, err error) {
	name, val, ok := strings.Cut(s, "=")
	if !ok {
		return "", 0, fmt.Errorf("threshold %q: want METRIC=VALUE", s)
	}
	name = strings.TrimSpace(name)
	if err := checkMetricName(name); err != nil {
		return "", 0, fmt.Errorf("threshold %q: %w", s, err)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
	if err != nil || v < 0 || v > 1 {
		return "", 0, fmt.Errorf("threshold %q: want a value in [0, 1]", s)
	}
	return name, v, nil
}

// Counts are the true positives, false positives and false negatives of a
// precision/recall metric.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Defined reports whether there was any gold or prediction.
func (c Counts) Defined() bool { return c.TP+c.FP+c.FN > 0 }

// Precision is TP/(TP+FP), 0 without predictions.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 without gold.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Ratio is the number of right items among those judged, for an accuracy
// metric.
type Ratio struct {
	Correct int `json:"correct"`
	Total   int `json:"total"`
}

// Defined reports whether any item was judged.
func (r Ratio) Defined() bool { return r.Total > 0 }

// Accuracy is Correct/Total, 0 when nothing was judged.
func (r Ratio) Accuracy() float64 { return ratio(r.Correct, r.Total) }

func (r *Ratio) add(o Ratio) { r.Correct += o.Correct; r.Total += o.Total }

func (r *Ratio) judge(right bool) {
	r.Total++
	if right {
		r.Correct++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores holds the counts of every metric family for one document or a
// whole corpus. Both maps have every family as a key.
type Scores struct {
	PRF      map[string]Counts `json:"prf"`
	Accuracy map[string]Ratio  `json:"accuracy"`
}

func newScores() Scores {
	s := Scores{PRF: make(map[string]Counts), Accuracy: make(map[string]Ratio)}
	for _, f := range prfFamilies {
		s.PRF[f] = Counts{}
	}
	for _, f := range accFamilies {
		s.Accuracy[f] = Ratio{}
	}
	return s
}

func (s Scores) addPRF(f string, c Counts) {
	v := s.PRF[f]
	v.add(c)
	s.PRF[f] = v
}

func (s Scores) addAcc(f string, r Ratio) {
	v := s.Accuracy[f]
	v.add(r)
	s.Accuracy[f] = v
}

func (s Scores) add(o Scores) {
	for f, c := range o.PRF {
		s.addPRF(f, c)
	}
	for f, r := range o.Accuracy {
		s.addAcc(f, r)
	}
}

// Metric returns the value of the named metric and whether it is defined.
// An unknown name is an error wrapping ErrUnknownMetric.
func (s Scores) Metric(name string) (value float64, defined bool, err error) {
	if err := checkMetricName(name); err != nil {
		return 0, false, err
	}
	fam, kind, _ := strings.Cut(name, ".")
	if kind == "accuracy" {
		r := s.Accuracy[fam]
		return r.Accuracy(), r.Defined(), nil
	}
	c := s.PRF[fam]
	switch kind {
	case "precision":
		return c.Precision(), c.Defined(), nil
	case "recall":
		return c.Recall(), c.Defined(), nil
	default:
		return c.F1(), c.Defined(), nil
	}
}

// values returns every metric as name -> value, nil when undefined.
func (s Scores) values() map[string]*float64 {
	out := make(map[string]*float64)
	for _, name := range MetricNames() {
		v, ok, _ := s.Metric(name)
		if ok {
			out[name] = &v
		} else {
			out[name] = nil
		}
	}
	return out
}

// Failure is a threshold a report does not meet.
type Failure struct {
	Metric string
	Min    float64
	Value  float64
}

// String formats f as "people.f1 = 0.612 < 0.800".
func (f Failure) String() string {
	return fmt.Sprintf("%s = %.3f < %.3f", f.Metric, f.Value, f.Min)
}

// Check compares the overall scores with minimum values per metric name.
// It returns every defined metric below its minimum (sorted by name) and
// the names of thresholded metrics that are undefined (no gold and no
// predictions) and were skipped; the caller should mention those, as they
// neither pass nor fail. An unknown metric name is an error wrapping
// ErrUnknownMetric that lists the valid names; nothing is checked then.
func (r *Report) Check(min map[string]float64) (failures []Failure, skipped []string, err error) {
	names := make([]string, 0, len(min))
	for name := range min {
		if err := checkMetricName(name); err != nil {
			return nil, nil, fmt.Errorf("eval: check: %w", err)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		v, ok, _ := r.Overall.Metric(name)
		if !ok {
			skipped = append(skipped, name)
			continue
		}
		if v < min[name] {
			failures = append(failures, Failure{Metric: name, Min: min[name], Value: v})
		}
	}
	return failures, skipped, nil
}
