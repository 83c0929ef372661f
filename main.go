// Command stepstudio is the Stepstudio desktop studio and its headless CLI.
//
// With no arguments (or only Wails' own -flags) it opens the studio window;
// with a subcommand it runs headless and never touches GTK, so `go build .`
// without build tags gives a working CLI.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"

	"github.com/stepstudio/stepstudio/app"
	"github.com/stepstudio/stepstudio/app/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	if cli.IsCommand(os.Args[1:]) {
		code := cli.Main(context.Background(), os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
		os.Exit(code)
	}
	if err := app.Run(assets, icon, cli.FileArg(os.Args[1:])); err != nil {
		fmt.Fprintf(os.Stderr, "stepstudio: %v\n(the headless commands work in any build: stepstudio help)\n", err)
		os.Exit(1)
	}
}
