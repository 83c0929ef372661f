package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version is set at build time with -ldflags "-X .../app/cli.Version=v1.2.3".
var Version = "dev"

func runVersion(_ context.Context, args []string, s Streams) error {
	fs := newFlagSet("version", "Usage: stepstudio version\nPrints the version and the commit it was built from.")
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	rev := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range info.Settings {
			if kv.Key == "vcs.revision" && len(kv.Value) >= 12 {
				rev = " (" + kv.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(s.Out, "stepstudio %s%s\n", Version, rev)
	return nil
}
