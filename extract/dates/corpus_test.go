package dates

import (
	"fmt"

	"strings"
	"testing"

	"github.com/bylinehq/byline/extract/internal/testnews"
)

// TestWikinewsReport runs Find over the articles in -wikinews-dir and
// logs counts and samples for checking by eye:
//
//	go test ./extract/dates -run WikinewsReport -v -wikinews-dir /path/to/wikinews
func TestWikinewsReport(t *testing.T) {
	if *testnews.Dir == "" {
		t.Skip("set -wikinews-dir to run the corpus report")
	}
	arts := testnews.Load(t, *testnews.Dir)
	var all []string
	gran := map[string]int{}
	nilValues := 0
	for _, a := range arts {
		for _, d := range Find(a.Text, a.Published) {
			if d.Granularity == nil {
				nilValues++
				gran["nil"]++
			} else {
				gran[*d.Granularity]++
			}
			v := "nil"
			if d.Value != nil {
				v = *d.Value
			}
			ctx := strings.ReplaceAll(a.Text[max(0, d.Start-40):min(len(a.Text), d.End+25)], "\n", " ")
			all = append(all, fmt.Sprintf("%s pub=%s %q -> %s  …%s…", a.Name, a.Published.Format("Mon 2006-01-02"), d.Text, v, ctx))
		}
	}
	t.Logf("dates: %d in %d articles; by granularity %v; nil values %d", len(all), len(arts), gran, nilValues)
	for i := 0; i < 20 && len(all) > 0; i++ {
		t.Logf("date sample %2d: %s", i+1, all[(i*len(all)/20+7)%len(all)])
	}
}
