package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version and Commit are stamped at build time (scripts/package.sh):
//
//	-ldflags "-X github.com/stepstudio/stepstudio/app/cli.Version=0.1.0 -X github.com/stepstudio/stepstudio/app/cli.Commit=0123456789ab"
//
// A plain `go build` leaves Commit empty and the Go toolchain's own VCS
// stamp (when built inside a git checkout) is used instead.
var (
	Version = "dev"
	Commit  = ""
)

func runVersion(_ context.Context, args []string, s Streams) error {
	fs := newFlagSet("version", "Usage: stepstudio version\nPrints the version and the commit it was built from.")
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(s.Out, "stepstudio %s%s\n", Version, commitSuffix(Commit))
	return nil
}

// commitSuffix is " (0123456789ab)" for the commit stamped at build time,
// else the toolchain's vcs.revision, else "".
func commitSuffix(stamped string) string {
	rev := stamped
	if rev == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, kv := range info.Settings {
				if kv.Key == "vcs.revision" {
					rev = kv.Value
				}
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return ""
	}
	return " (" + rev + ")"
}
