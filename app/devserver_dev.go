//go:build dev

package app

import (
	"fmt"
	"os"
	"strings"

	"github.com/stepstudio/stepstudio/app/devguard"
)

// requireDevGuard ends a dev-tagged binary that serves the studio on a
// port (-devserver) without the guard, i.e. one built with plain `go
// build -tags dev` instead of scripts/devbuild.sh: any web page could
// drive it.
func requireDevGuard() {
	if devguard.Installed() || !servesDevServer() {
		return
	}
	fmt.Fprintln(os.Stderr, "stepstudio: this dev build serves the studio without its guard; build it with scripts/devbuild.sh")
	os.Exit(2)
}

func servesDevServer() bool {
	if os.Getenv("devserver") != "" {
		return true
	}
	for _, a := range os.Args[1:] {
		if a == "-devserver" || a == "--devserver" || strings.HasPrefix(a, "-devserver=") || strings.HasPrefix(a, "--devserver=") {
			return true
		}
	}
	return false
}

// servesBrowser reports the headless mode (scripts/start.sh without a
// display, the browser tests): the studio is served to a browser at the
// address written to the URL file, and the app's own window, under Xvfb,
// is never seen.
func servesBrowser() bool {
	return servesDevServer() && os.Getenv(devguard.URLFileEnv) != ""
}
