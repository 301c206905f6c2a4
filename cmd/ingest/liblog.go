package main

import (
	"bytes"
	"log"
	"log/slog"
)

// routeLibraryLog sends what libraries print through the standard log
// package (scorch's "unable to load snapshot, …, continuing" when a
// segment is damaged) to logger at debug level, instead of raw lines on
// stderr: the error Byline returns says what happened and what to do.
func routeLibraryLog(logger *slog.Logger) {
	log.SetFlags(0)
	log.SetPrefix("")
	log.SetOutput(libraryLog{logger})
}

// libraryLog is an io.Writer that logs each write, one log line, at debug
// level.
type libraryLog struct{ logger *slog.Logger }

func (l libraryLog) Write(p []byte) (int, error) {
	l.logger.Debug("library: " + string(bytes.TrimSpace(p)))
	return len(p), nil
}
