package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Some tests run a definition in a child process (the test binary again,
// with childEnv naming the definition) to measure what the whole process
// costs, as `stepstudio run` would.
const childEnv = "STEPSTUDIO_ENGINE_TEST_CHILD"

// childDefs are the definitions a child can run, by name.
var childDefs = map[string]string{
	// 40 Map items at once, each summing a 10-million-item range.
	"bigRangeMap": `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":40,
	 "Items":"{% [1..40] %}","End":true,
	 "ItemProcessor":{"StartAt":"Sum","States":{"Sum":{"Type":"Pass","Output":"{% $sum([1..10000000]) %}","End":true}}}}}}`,
}

// childResult is what a child prints.
type childResult struct {
	Status, Error, Cause string
}

// runChild runs the named definition with the CLI's garbage collector
// settings and prints how the run ended.
func runChild(name string) int {
	debug.SetGCPercent(400) // as app/cli's tuneGC
	debug.SetMemoryLimit(2 << 30)
	doc, err := asl.Parse(name+".json", []byte(childDefs[name]))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	m, err := engine.Compile(doc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithoutHistory())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	out := childResult{Status: res.Status}
	if res.Error != nil {
		out.Error = *res.Error
	}
	if res.Cause != nil {
		out.Cause = *res.Cause
	}
	json.NewEncoder(os.Stdout).Encode(out)
	return 0
}

// startChild runs the named definition in a child process with the extra
// environment, and returns its result and process state.
func startChild(t *testing.T, name string, env ...string) (childResult, *os.ProcessState) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childEnv+"="+name), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child %s: %v", name, err)
	}
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("child %s printed %q: %v", name, out, err)
	}
	return res, cmd.ProcessState
}
