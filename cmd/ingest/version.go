package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
)

func cmdVersion() *Command {
	c := &Command{
		Name:      "version",
		UsageLine: "version",
		Short:     "print the version",
		Long:      "Version prints the module version and the Go version it was built with.",
		Flags:     flag.NewFlagSet("version", flag.ContinueOnError),
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		v, goV := "(devel)", "unknown"
		if bi, ok := debug.ReadBuildInfo(); ok {
			goV = bi.GoVersion
			if bi.Main.Version != "" {
				v = bi.Main.Version
			}
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" {
					v += " " + s.Value[:min(12, len(s.Value))]
				}
			}
		}
		fmt.Fprintf(env.Stdout, "byline ingest %s %s\n", v, goV)
		return nil
	}
	return c
}
