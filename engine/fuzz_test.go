package engine_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/schema"
)

// FuzzRun runs arbitrary definitions that pass the validator, as the CLI
// and the studio do, and fails on an engine crash (a recovered panic is
// reported as an internal error) or a run that does not stop.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*.txtar"))
	for _, file := range files {
		a := readTxtar(f, file)
		in := a["input.json"]
		if in == nil {
			in = []byte("{}")
		}
		f.Add(a["definition.json"], in)
	}
	f.Fuzz(func(t *testing.T, def, input []byte) {
		res := schema.Validate("fuzz.json", def, schema.Options{})
		if !res.Valid() {
			return
		}
		m, err := engine.Compile(res.Document)
		if err != nil {
			return
		}
		in, err := engine.DecodeJSON(input)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r, err := m.Run(ctx, in, engine.WithMaxTransitions(500))
		if err != nil {
			return
		}
		if r.Cause != nil && strings.Contains(*r.Cause, "internal error in the engine") {
			t.Fatalf("engine crash on %s: %s", def, *r.Cause)
		}
		if r.Status == engine.StatusAborted {
			t.Fatalf("run did not end by itself: %s", def)
		}
	})
}
