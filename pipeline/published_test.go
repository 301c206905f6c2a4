package pipeline

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/bylinehq/byline/extract"
)

// datesTagger finds only dates, with extract.FindDates, so that a test can
// see what they were resolved against without loading the models.
type datesTagger struct{}

func (datesTagger) Tag(ctx context.Context, text string, published time.Time) (extract.Result, error) {
	return extract.Result{Dates: extract.FindDates(text, published)}, nil
}

// TestPublishedOverridesAndDefault runs a batch of one article that states
// its date and one that does not through Options.Published (the date of
// every article) and Options.DefaultPublished (the date of those that
// state none).
func TestPublishedOverridesAndDefault(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"stated.txt":   "date 2017-12-04 Harbour wall approved\n\nThe council voted yesterday to build the wall.\n",
		"unstated.txt": article("Ferry cancelled", "The ferry was cancelled yesterday because of the storm."),
	})
	flagDate := time.Date(2019, 7, 12, 0, 0, 0, 0, time.UTC)
	type want struct {
		published, source, yesterday string // "" published: unknown
	}
	tests := []struct {
		name     string
		opt      Options
		stated   want
		unstated want
	}{
		{
			name:     "no flag",
			stated:   want{"2017-12-04", "date-marker", "2017-12-03"},
			unstated: want{"", "", ""},
		},
		{
			name:     "published overrides",
			opt:      Options{Published: flagDate},
			stated:   want{"2019-07-12", PublishedFromFlag, "2019-07-11"},
			unstated: want{"2019-07-12", PublishedFromFlag, "2019-07-11"},
		},
		{
			name:     "default fills in",
			opt:      Options{DefaultPublished: flagDate},
			stated:   want{"2017-12-04", "date-marker", "2017-12-03"},
			unstated: want{"2019-07-12", PublishedFromDefault, "2019-07-11"},
		},
		{
			name:     "published wins over default",
			opt:      Options{Published: flagDate, DefaultPublished: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)},
			stated:   want{"2019-07-12", PublishedFromFlag, "2019-07-11"},
			unstated: want{"2019-07-12", PublishedFromFlag, "2019-07-11"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			inputs := []string{filepath.Join(dir, "stated.txt"), filepath.Join(dir, "unstated.txt")}
			got := map[string]want{}
			err := Extract(t.Context(), inputs, datesTagger{}, tt.opt, func(it *Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Source, it.Err)
					return nil
				}
				var w want
				if !it.Article.Published.IsZero() {
					w.published = it.Article.Published.Format(time.DateOnly)
				}
				w.source = it.Article.Sources.Published
				for _, d := range it.Result.Dates {
					if d.Text == "yesterday" && d.Value != nil {
						w.yesterday = *d.Value
					}
				}
				got[filepath.Base(it.Source)] = w
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got["stated.txt"] != tt.stated {
				t.Errorf("stated article: %+v, want %+v", got["stated.txt"], tt.stated)
			}
			if got["unstated.txt"] != tt.unstated {
				t.Errorf("unstated article: %+v, want %+v", got["unstated.txt"], tt.unstated)
			}
		})
	}
}
