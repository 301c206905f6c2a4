package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/bylinehq/byline/pipeline"
)

// progressDelay is how long a run goes before it shows progress: short runs
// print only their summary.
const progressDelay = 2 * time.Second

// startProgress reports the run's counters on w: every second, rewriting
// one line, when w is a terminal, and every 10 seconds as plain lines
// otherwise (logs, CI). The returned func stops it and clears the line.
func startProgress(w io.Writer, s *pipeline.Stats, start time.Time) (stop func()) {
	tty := isTerminal(w)
	every := 10 * time.Second
	if tty {
		every = time.Second
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case <-time.After(progressDelay):
		case <-done:
			return
		}
		t := time.NewTicker(every)
		defer t.Stop()
		printed := false
		for {
			line := progressLine(s, time.Since(start))
			if tty {
				fmt.Fprintf(w, "\r\033[K%s", line)
			} else {
				fmt.Fprintln(w, line)
			}
			printed = true
			select {
			case <-t.C:
			case <-done:
				if tty && printed {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

func progressLine(s *pipeline.Stats, elapsed time.Duration) string {
	done := s.Indexed.Load() + s.Unchanged.Load() + s.Failed.Load()
	rate := float64(done) / elapsed.Seconds()
	return fmt.Sprintf("read %d  cleaned %d  tagged %d  indexed %d  unchanged %d  failed %d  (%.1f articles/s, %s)",
		s.Read.Load(), s.Cleaned.Load(), s.Tagged.Load(), s.Indexed.Load(), s.Unchanged.Load(), s.Failed.Load(),
		rate, elapsed.Round(time.Second))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
