package jsonata_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestConformance runs the AWS-recorded cases whose outcome the JSONata
// layer alone decides: a single JSONata Pass state (its Output), and a
// single Map state's Items (its type check and its error text). The
// whole-run yardstick lives in package engine.
func TestConformance(t *testing.T) {
	for _, category := range []string{"intrinsic_functions", "jsonata"} {
		dir := corpus.Dir(t, "conformance", category)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		ran, passed := 0, 0
		for _, e := range entries {
			c := corpus.ReadCase(t, filepath.Join(dir, e.Name()))
			state, ok := c.SingleState()
			if !ok || c.QueryLanguage(state) != "JSONata" || c.Nondeterministic() {
				continue
			}
			var check func(t *testing.T)
			switch {
			case state["Type"] == "Pass" && state["Output"] != nil:
				check = func(t *testing.T) { checkOutput(t, c, state) }
			case state["Type"] == "Map" && state["Items"] != nil:
				check = func(t *testing.T) { checkItems(t, c, state) }
			default:
				continue
			}
			ran++
			t.Run(category+"/"+e.Name(), func(t *testing.T) {
				check(t)
				if !t.Failed() {
					passed++
				}
			})
		}
		t.Logf("%s: %d/%d single-state JSONata cases pass", category, passed, ran)
		if ran == 0 {
			t.Fatalf("no %s case ran: the corpus layout changed", category)
		}
	}
}

func env(c *corpus.Case) *jsonata.Env {
	return &jsonata.Env{
		States:  map[string]any{"input": c.Input, "context": corpus.ContextObject(c.Input)},
		Runtime: jsonata.NewRuntime(intrinsic.SeededSource(1)),
	}
}

func checkOutput(t *testing.T, c *corpus.Case, state map[string]any) {
	tmpl, err := jsonata.CompileTemplate("Output", state["Output"])
	if err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Eval(context.Background(), env(c))
	checkResult(t, c, got, err)
}

func checkItems(t *testing.T, c *corpus.Case, state map[string]any) {
	tmpl, err := jsonata.CompileTemplate("Items", state["Items"])
	if err != nil {
		t.Fatal(err)
	}
	_, err = tmpl.EvalAs(context.Background(), env(c), "array")
	if c.Expected.Status == "SUCCEEDED" {
		if err != nil {
			t.Fatalf("Items: %v", err)
		}
		return
	}
	checkResult(t, c, nil, err)
}

func checkResult(t *testing.T, c *corpus.Case, got any, err error) {
	t.Helper()
	if c.Expected.Status == "SUCCEEDED" {
		if err != nil {
			t.Fatalf("eval: %v", err)
		}
		if !corpus.Matches(corpus.Normalize(c.Expected.Output), corpus.Normalize(got)) {
			t.Fatalf("output %s\nwant       %s", jsonvalue.String(got), jsonvalue.String(c.Expected.Output))
		}
		return
	}
	fe, ok := fault.As(err)
	if !ok {
		t.Fatalf("err = %v, want %s", err, c.Expected.Error)
	}
	// The interpreter adds "An error occurred while executing the state
	// ... (entered at the event id #N). "; compare what follows.
	_, wantTail, _ := strings.Cut(c.Expected.Cause, "). ")
	if fe.Name != c.Expected.Error || fe.Cause != wantTail {
		t.Fatalf("error %s: %s\nwant  %s: %s", fe.Name, fe.Cause, c.Expected.Error, wantTail)
	}
}
