// Package corpus holds Byline's small sample corpus and its hand-made gold
// annotations, embedded in the binary so that tests and `ingest eval` need
// no files on disk.
//
// The corpus is three short news articles (*.txt, plain text as fetched,
// page furniture included) and gold.json, which describes for each article
// its title, dates, people, organisations, places and quotes. The gold
// format and the annotation guidelines are documented in README.md in this
// directory. Larger corpora are not embedded; pass them to eval by path.
//
// corpus imports nothing else from Byline; only tests and eval import it.
package corpus

import "embed"

// FS is the sample corpus: the article files (*.txt) and gold.json, at the
// root of the file system. Paths in gold.json's "file" fields are paths in
// FS. FS is read-only and safe for concurrent use by multiple goroutines.
//
//go:embed *.txt gold.json
var FS embed.FS
