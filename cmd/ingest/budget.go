package main

import (
	"flag"
	"time"

	"github.com/bylinehq/byline/pipeline"
)

// tagTimeoutFlag adds --tag-timeout to a command that tags articles, and
// returns a function that gives its value as pipeline.Options.TagTimeout.
func tagTimeoutFlag(fs *flag.FlagSet) func() time.Duration {
	d := fs.Duration("tag-timeout", pipeline.DefaultTagTimeout, "time `budget` for tagging one article: an article over it fails (stage tag) and the rest go on (0: none)")
	return func() time.Duration {
		if *d <= 0 {
			return -1 // Options.TagTimeout: no budget
		}
		return *d
	}
}
