package devguard

import (
	"fmt"
	"net/http"
	"os"

	"github.com/stepstudio/stepstudio/app/files"
)

// URLFileEnv names a file (created by the caller, mode 0600) that Install
// writes the studio's address into, secret included, for scripts to read.
const URLFileEnv = "STEPSTUDIO_URL_FILE"

// Install is called by the patched Wails dev server with the address it is
// about to listen on; it returns the middleware that guards every route.
// "" (no dev server) needs no guard. A non-loopback address ends the process: serving the studio there would
// hand the user's files to the network.
func Install(addr string) func(http.Handler) http.Handler {
	if addr == "" { // no -devserver: nothing listens
		return func(h http.Handler) http.Handler { return h }
	}
	g, err := New(addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "stepstudio: %v\n", err)
		os.Exit(2)
	}
	if f := os.Getenv(URLFileEnv); f != "" {
		if err := files.Write(f, []byte(g.URL()+"\n")); err != nil {
			fmt.Fprintf(os.Stderr, "stepstudio: %v\n", err)
			os.Exit(1)
		}
	}
	fmt.Printf("Stepstudio is serving the studio at %s\n(the address carries a key for this launch only; a browser keeps it in a cookie)\n", g.URL())
	installed.Store(true)
	return g.Wrap
}
