package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// Runtime errors are placed by the cases (testdata/cases/location_*.txtar);
// these are the compile errors and the shapes around them.

func TestCompileErrorsAreLocated(t *testing.T) {
	tests := []struct {
		name, def, want string // want: "LINE:COLUMN POINTER"
	}{
		{"unknown type", `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Paws", "End": true}
  }
}`, "4:11 /States/A/Type"},
		{"StartAt names no state", `{
  "StartAt": "Nope",
  "States": {
    "A": {"Type": "Pass", "End": true}
  }
}`, "2:3 /StartAt"},
		{"rule without operator", `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        {"Not": {"Variable": "$.a"}, "Next": "C"}
      ]
    }
  }
}`, "7:17 /States/C/Choices/0/Not"},
		{"Map without ItemProcessor", `{
  "StartAt": "M",
  "States": {
    "M": {"Type": "Map", "End": true}
  }
}`, "4:5 /States/M"},
		{"branch that is no object", `{
  "StartAt": "P",
  "States": {
    "P": {"Type": "Parallel", "Branches": [7], "End": true}
  }
}`, "4:44 /States/P/Branches/0"},
		{"branch without StartAt", `{
  "StartAt": "P",
  "States": {
    "P": {"Type": "Parallel", "Branches": [
      {"States": {}}
    ], "End": true}
  }
}`, "5:7 /States/P/Branches/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := asl.Parse("def.json", []byte(tt.def))
			if err != nil {
				t.Fatal(err)
			}
			_, err = engine.Compile(doc)
			var ce *engine.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("Compile = %v, want a *CompileError", err)
			}
			if got := ce.Location.String() + " " + ce.Location.Pointer; got != tt.want {
				t.Errorf("located at %s, want %s (%v)", got, tt.want, err)
			}
		})
	}
}

// The location rides on the Go side only: the history keeps AWS's shape.
func TestLocationIsNotInTheHistory(t *testing.T) {
	m := compile(t, `{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.nope","End":true}}}`)
	res, err := m.Run(context.Background(), map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Location == nil {
		t.Fatal("the result has no location")
	}
	last := res.Events[len(res.Events)-1]
	if last.Type != "ExecutionFailed" || last.Location() != res.Location {
		t.Fatalf("last event %s has location %v, want the result's", last.Type, last.Location())
	}
	b, err := json.Marshal(last)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	want := []string{"executionFailedEventDetails", "id", "previousEventId", "timestamp", "type"}
	if got := slices.Sorted(maps.Keys(fields)); !slices.Equal(got, want) {
		t.Errorf("ExecutionFailed serializes as %v, want %v", got, want)
	}
}

// A caught error leaves no location on the run; one that gets through
// keeps the place it arose at.
func TestCaughtErrorLeavesNoLocation(t *testing.T) {
	m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
 "Catch":[{"ErrorEquals":["Busy"],"Next":"Done"}],"End":true},"Done":{"Type":"Succeed"}}}`)
	for _, tt := range []struct {
		name string
		want string // the location's pointer, "" for none
	}{{"Busy", ""}, {"Broken", "/States/T"}} {
		inv := engine.InvokerFunc(func(context.Context, engine.TaskRequest) (any, error) {
			return nil, fault.New(tt.name, "")
		})
		res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(inv))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if res.Location != nil {
			got = res.Location.Pointer
		}
		if got != tt.want {
			t.Errorf("%s: status %s, located at %q, want %q", tt.name, res.Status, got, tt.want)
		}
	}
}
