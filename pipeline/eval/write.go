package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report for people: the overall table (precision,
// recall, F1 and counts per precision/recall metric; accuracy and counts
// per accuracy metric; n/a when undefined), the same table per document,
// then every disagreement, grouped by document in offset order, with about
// 60 characters of context.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	missing := 0
	for _, d := range r.Documents {
		if d.Missing {
			missing++
		}
	}
	fmt.Fprintf(bw, "%d documents scored, %d without a record, %d records without gold\n\n", len(r.Documents), missing, len(r.Unscored))
	fmt.Fprintln(bw, "overall")
	writeTable(bw, r.Overall, r.timeml)
	for _, d := range r.Documents {
		fmt.Fprintf(bw, "\ndocument %s", d.File)
		switch {
		case d.Missing:
			fmt.Fprint(bw, " (no record: everything missed)")
		case d.Source != d.File:
			fmt.Fprintf(bw, " (%s)", d.Source)
		}
		fmt.Fprintln(bw)
		writeTable(bw, d.Scores, r.timeml)
	}
	if len(r.Unscored) > 0 {
		fmt.Fprintln(bw, "\nrecords without gold")
		for _, s := range r.Unscored {
			fmt.Fprintf(bw, "  %s\n", s)
		}
	}
	if len(r.Items) > 0 {
		fmt.Fprintf(bw, "\ndisagreements (%d)\n", len(r.Items))
	}
	doc := ""
	for i, it := range r.Items {
		if i == 0 || it.Doc != doc {
			doc = it.Doc
			fmt.Fprintf(bw, "%s\n", doc)
		}
		fmt.Fprintf(bw, "  %-9s %-23s %q", it.Kind, it.Metric, shorten(oneLine(it.Text)))
		if it.Kind == Wrong || it.Kind == GoldErr {
			if it.Got != "" || it.Kind == Wrong {
				fmt.Fprintf(bw, " want %q got %q", it.Want, it.Got)
			} else {
				fmt.Fprintf(bw, " (%s)", it.Want)
			}
		}
		if it.Context != "" {
			fmt.Fprintf(bw, " @%d: %s", it.Start, it.Context)
		}
		fmt.Fprintln(bw)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

// writeTable writes the scores of s. A TimeML report (timeml) shows only
// the timex families; another shows every family but the timex ones, unless
// they are defined.
func writeTable(w io.Writer, s Scores, timeml bool) {
	fmt.Fprintf(w, "  %-24s %9s %9s %9s %6s %6s %6s\n", "metric", "precision", "recall", "f1", "tp", "fp", "fn")
	for _, f := range prfFamilies {
		c := s.PRF[f]
		if !showFamily(f, c.Defined(), timeml) {
			continue
		}
		if !c.Defined() {
			fmt.Fprintf(w, "  %-24s %9s %9s %9s %6d %6d %6d\n", f, "n/a", "n/a", "n/a", c.TP, c.FP, c.FN)
			continue
		}
		fmt.Fprintf(w, "  %-24s %9.3f %9.3f %9.3f %6d %6d %6d\n", f, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "  %-24s %9s %9s %9s\n", "metric", "accuracy", "right", "total")
	for _, f := range accFamilies {
		a := s.Accuracy[f]
		if !showFamily(f, a.Defined(), timeml) {
			continue
		}
		acc := "n/a"
		if a.Defined() {
			acc = fmt.Sprintf("%.3f", a.Accuracy())
		}
		fmt.Fprintf(w, "  %-24s %9s %9d %9d\n", f, acc, a.Correct, a.Total)
	}
}

// showFamily reports whether writeTable shows family f: in a TimeML report
// only the timex families, which are scored only on TimeML gold; elsewhere
// every other family, and a timex one only when defined.
func showFamily(f string, defined, timeml bool) bool {
	if strings.HasPrefix(f, "timex_") {
		return timeml || defined
	}
	return !timeml
}

// jsonScores is how Scores appear in the JSON report: every metric by
// name (null when undefined) and the counts behind them.
type jsonScores struct {
	Metrics map[string]*float64 `json:"metrics"`
	Counts  Scores              `json:"counts"`
}

// WriteJSON writes the report as JSON Lines, each object with a
// "message_type": one "document" per gold document (file, source,
// missing, metrics, counts), one "item" per disagreement (the Item
// fields), then one "summary" (documents, missing, unscored, metrics,
// counts). "metrics" maps every metric name to its value, or null when
// undefined; "counts" has "prf" (tp, fp, fn per family) and "accuracy"
// (correct, total per family). Fields may be added, never changed.
func (r *Report) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	missing := 0
	for _, d := range r.Documents {
		if d.Missing {
			missing++
		}
		if err := enc.Encode(struct {
			Type    string `json:"message_type"`
			File    string `json:"file"`
			Source  string `json:"source,omitempty"`
			Missing bool   `json:"missing"`
			jsonScores
		}{"document", d.File, d.Source, d.Missing, jsonScores{d.Scores.values(), d.Scores}}); err != nil {
			return fmt.Errorf("eval: write json report: %w", err)
		}
	}
	for _, it := range r.Items {
		if err := enc.Encode(struct {
			Type string `json:"message_type"`
			Item
		}{"item", it}); err != nil {
			return fmt.Errorf("eval: write json report: %w", err)
		}
	}
	unscored := r.Unscored
	if unscored == nil {
		unscored = []string{}
	}
	if err := enc.Encode(struct {
		Type      string   `json:"message_type"`
		Documents int      `json:"documents"`
		Missing   int      `json:"missing"`
		Unscored  []string `json:"unscored"`
		jsonScores
	}{"summary", len(r.Documents), missing, unscored, jsonScores{r.Overall.values(), r.Overall}}); err != nil {
		return fmt.Errorf("eval: write json report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write json report: %w", err)
	}
	return nil
}
