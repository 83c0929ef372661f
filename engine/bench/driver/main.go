// Command driver runs a definition the way `stepstudio run --format json`
// does (validate, compile, run on the virtual clock, print the result)
// but links only the engine and the validator. The benchmark uses it to
// show the engine's own cost apart from the start-up of the full binary,
// whose GUI dependencies initialise at every process start.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: driver DEFINITION INPUT")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	check(err)
	res := schema.Validate(os.Args[1], src, schema.Options{})
	if !res.Valid() {
		fmt.Fprintln(os.Stderr, "invalid definition:", res.Diagnostics)
		os.Exit(2)
	}
	m, err := engine.Compile(res.Document)
	check(err)
	b, err := os.ReadFile(os.Args[2])
	check(err)
	input, err := engine.DecodeJSON(b)
	check(err)
	r, err := m.Run(context.Background(), input, engine.WithoutHistory())
	check(err)
	out := map[string]any{"status": r.Status, "output": json.RawMessage(engine.EncodeJSON(r.Output))}
	check(json.NewEncoder(os.Stdout).Encode(out))
	if r.Status != engine.StatusSucceeded {
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
