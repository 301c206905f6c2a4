package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestStorePutGetBody(t *testing.T) {
	t.Parallel()
	s := NewStore(t.TempDir())
	body := []byte("<html><body><p>Same body, two URLs.</p></body></html>")
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, u := range []string{"https://a.example/1", "https://a.example/2"} {
		rec := PageRecord{URL: u, FinalURL: u + "?x", Status: 200, FetchedAt: at,
			Headers: PageHeaders{ContentType: "text/html; charset=utf-8", ETag: `"e"`, LastModified: "Sun, 01 Mar 2026 10:00:00 GMT"}}
		if _, err := s.Put(rec, body); err != nil {
			t.Fatal(err)
		}
	}
	rec, ok, err := s.Get("https://a.example/2")
	if err != nil || !ok {
		t.Fatalf("Get: %v, %v", ok, err)
	}
	if rec.FinalURL != "https://a.example/2?x" || rec.Headers.ETag != `"e"` || !rec.FetchedAt.Equal(at) || len(rec.Body) != 64 {
		t.Errorf("record %+v", rec)
	}
	got, err := s.Body(rec)
	if err != nil || string(got) != string(body) {
		t.Errorf("Body = %q, %v", got, err)
	}
	objects, _ := filepath.Glob(filepath.Join(s.Dir(), "objects", "*", "*.gz"))
	if len(objects) != 1 {
		t.Errorf("%d objects for one body, want 1 (content-addressed)", len(objects))
	}
	if _, ok, err := s.Get("https://a.example/none"); ok || err != nil {
		t.Errorf("Get of an unknown URL: %v, %v", ok, err)
	}

	// A damaged body is detected, not cleaned.
	zw, _ := os.ReadFile(objects[0])
	other := NewStore(t.TempDir())
	r2, _ := other.Put(PageRecord{URL: "https://b.example/"}, []byte("other body"))
	os.WriteFile(other.objectPath(r2.Body), zw, 0o644)
	if _, err := other.Body(r2); err == nil || !strings.Contains(err.Error(), "does not match its hash") {
		t.Errorf("damaged body: err = %v", err)
	}
}

func TestStoreConcurrentPutsAndWalk(t *testing.T) {
	t.Parallel()
	s := NewStore(t.TempDir())
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 20 {
				u := fmt.Sprintf("https://a.example/%d", i)
				if _, err := s.Put(PageRecord{URL: u, Status: 200}, []byte(fmt.Sprintf("body %d", i))); err != nil {
					t.Errorf("worker %d: %v", w, err)
				}
			}
		})
	}
	wg.Wait()
	// A temporary file left by a killed run is not a record.
	os.WriteFile(filepath.Join(s.Dir(), "pages", ".tmp-123"), []byte("{"), 0o644)
	seen := map[string]bool{}
	err := s.Walk(t.Context(), func(rec PageRecord, err error) error {
		if err != nil {
			t.Errorf("walk: %v", err)
			return nil
		}
		b, err := s.Body(rec)
		if err != nil || !strings.HasPrefix(string(b), "body ") {
			t.Errorf("%s: %q, %v", rec.URL, b, err)
		}
		seen[rec.URL] = true
		return nil
	})
	if err != nil || len(seen) != 20 {
		t.Errorf("walked %d records, err %v; want 20", len(seen), err)
	}
	if err := NewStore(filepath.Join(t.TempDir(), "none")).Walk(t.Context(), func(PageRecord, error) error {
		t.Error("record in a store that does not exist")
		return nil
	}); err != nil {
		t.Errorf("walking a missing store: %v", err)
	}
}
