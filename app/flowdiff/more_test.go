package flowdiff_test

import (
	"encoding/json"
	"testing"

	"github.com/stepstudio/stepstudio/app/flowdiff"
)

const baseYAML = `
Comment: orders
QueryLanguage: JSONata
StartAt: Check
States:
  Check:
    Type: Choice
    Choices:
      - Condition: "{% $states.input.total > 100 %}"
        Next: Charge
      - Condition: "{% $states.input.vip %}"
        Next: Charge
    Default: Reject
  Charge:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Arguments:
      FunctionName: charge
      Payload:
        amount: "{% $states.input.total %}"
        currency: EUR
    Retry:
      - ErrorEquals: [States.Timeout]
        MaxAttempts: 3
        IntervalSeconds: 2.0
    Catch:
      - ErrorEquals: [States.ALL]
        Next: Reject
    Next: Ship
  Ship:
    Type: Parallel
    Branches:
      - StartAt: Pack
        States:
          Pack: {Type: Pass, Output: {packed: true}, End: true}
      - StartAt: Label
        States:
          Label: {Type: Pass, Output: {label: "{% $uuid() %}"}, End: true}
    Next: Done
  Reject: {Type: Fail, Error: Rejected, Cause: too risky}
  Done: {Type: Succeed}
`

func TestYAMLAndJSONOfOneMachineAreTheSame(t *testing.T) {
	r, err := flowdiff.CompareSources("a.asl.json", []byte(base), "b.asl.yaml", []byte(baseYAML), flowdiff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Same {
		t.Errorf("JSON vs YAML of the same machine differ:\n%s", flat(r))
	}
}

func TestLayoutMoves(t *testing.T) {
	renamed := edit(t, `"Reject": {`, `"Refuse": {`, `"Default": "Reject"`, `"Default": "Refuse"`, `"Next": "Reject"`, `"Next": "Refuse"`)
	cases := []struct {
		name       string
		b          string
		la, lb     flowdiff.Layout
		want       string
		layoutOnly bool
	}{
		{
			name: "moved only", b: base,
			la:   flowdiff.Layout{"Charge": {X: 10, Y: 20}, "Done": {X: 5, Y: 5}},
			lb:   flowdiff.Layout{"Charge": {X: 40, Y: 20}, "Done": {X: 5, Y: 5}},
			want: "moved Charge /States/Charge\n", layoutOnly: true,
		},
		{
			name: "pinned on one side only", b: base,
			lb:   flowdiff.Layout{"Done": {X: 5, Y: 5}},
			want: "moved Done /States/Done\n", layoutOnly: true,
		},
		{
			name: "changed and moved stays changed", b: edit(t, `"MaxAttempts": 3`, `"MaxAttempts": 4`),
			la:   flowdiff.Layout{"Charge": {X: 10, Y: 20}},
			lb:   flowdiff.Layout{"Charge": {X: 11, Y: 20}},
			want: "changed Charge /States/Charge\n  changed Retry 1 › MaxAttempts: 3 -> 4\n",
		},
		{
			name: "renamed keeps its position under the new name", b: renamed,
			la:   flowdiff.Layout{"Reject": {X: 1, Y: 2}},
			lb:   flowdiff.Layout{"Refuse": {X: 1, Y: 2}},
			want: "renamed Refuse<-Reject /States/Refuse\n",
		},
		{
			name: "same positions", b: base,
			la: flowdiff.Layout{"Charge": {X: 10, Y: 20}},
			lb: flowdiff.Layout{"Charge": {X: 10, Y: 20}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := compare(t, base, c.b, flowdiff.Options{LayoutA: c.la, LayoutB: c.lb})
			if got := flat(r); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if r.LayoutOnly != c.layoutOnly {
				t.Errorf("LayoutOnly = %v, want %v", r.LayoutOnly, c.layoutOnly)
			}
			for _, s := range r.States {
				if s.Status == flowdiff.Moved && (!s.PositionMoved || (s.From == nil && s.To == nil)) {
					t.Errorf("moved state %s without positions: %+v", s.Name, s)
				}
			}
		})
	}
}

func TestJSONPathParametersAndChoiceVariables(t *testing.T) {
	a := `{"StartAt": "C", "States": {
	  "C": {"Type": "Choice", "Choices": [
	    {"Variable": "$.a", "NumericGreaterThan": 1, "Next": "T"},
	    {"And": [{"Variable": "$.b", "IsPresent": true}, {"Variable": "$.c", "StringEquals": "x"}], "Next": "T"}
	  ], "Default": "T"},
	  "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "q", "MessageBody.$": "$.body"}, "End": true}}}`
	b := `{"StartAt": "C", "States": {
	  "C": {"Type": "Choice", "Choices": [
	    {"Variable": "$.amount", "NumericGreaterThan": 1, "Next": "T"},
	    {"And": [{"Variable": "$.b", "IsPresent": true}, {"Variable": "$.c", "StringEquals": "y"}], "Next": "T"}
	  ], "Default": "T"},
	  "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "q2", "MessageBody.$": "$.body"}, "End": true}}}`
	want := "changed C /States/C\n" +
		"  changed Choices 1 › Variable: \"$.a\" -> \"$.amount\"\n" +
		"  changed Choices 2 › And 2 › StringEquals: \"x\" -> \"y\"\n" +
		"changed T /States/T\n" +
		"  changed Parameters › QueueUrl: \"q\" -> \"q2\"\n"
	if got := flat(compare(t, a, b, flowdiff.Options{})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMapProcessorStates(t *testing.T) {
	a := `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {
	  "P": {"Type": "Pass", "End": true}}}, "End": true}}}`
	b := `{"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 5, "ItemProcessor": {"StartAt": "P", "States": {
	  "P": {"Type": "Pass", "Next": "Q"}, "Q": {"Type": "Succeed"}}}, "End": true}}}`
	want := "changed M /States/M\n" +
		"  added MaxConcurrency: -> 5\n" +
		"changed P /States/M/ItemProcessor/States/P\n" +
		"  removed End: true ->\n" +
		"  added Next: -> \"Q\"\n" +
		"added Q /States/M/ItemProcessor/States/Q\n" +
		"conn added Next P->Q /States/M/ItemProcessor/States/P->/States/M/ItemProcessor/States/Q\n"
	if got := flat(compare(t, a, b, flowdiff.Options{})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The result must not depend on map iteration: compare many times.
func TestDeterministic(t *testing.T) {
	b := edit(t, `"Reject": {`, `"Refuse": {`, `"Done": {"Type": "Succeed"}`, `"Finished": {"Type": "Succeed"}`, `"Next": "Done"`, `"Next": "Finished"`, `"MaxAttempts": 3`, `"MaxAttempts": 9`)
	first, _ := json.Marshal(compare(t, base, b, flowdiff.Options{}))
	for range 20 {
		again, _ := json.Marshal(compare(t, base, b, flowdiff.Options{}))
		if string(again) != string(first) {
			t.Fatalf("results differ between runs:\n%s\n%s", first, again)
		}
	}
}

func TestNotAMachine(t *testing.T) {
	for _, src := range []string{`[1, 2]`, `{"StartAt": `} {
		if _, err := flowdiff.CompareSources("a.json", []byte(src), "b.json", []byte(base), flowdiff.Options{}); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}

// A state that moves into a Parallel branch keeps its name: it is changed,
// with its new place, not removed and added.
func TestStateMovesIntoABranch(t *testing.T) {
	a := `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}], "Next": "Y"}, "Y": {"Type": "Pass", "End": true}}}`
	b := `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "End": true}}}], "End": true}}}`
	want := "changed P /States/P\n" +
		"  removed Next: \"Y\" ->\n" +
		"  added End: -> true\n" +
		"changed X /States/P/Branches/0/States/X\n" +
		"  removed End: true ->\n" +
		"  added Next: -> \"Y\"\n" +
		"changed Y /States/P/Branches/0/States/Y\n" +
		"  changed (place): top level -> P (/States/P)\n" +
		"conn added Next X->Y /States/P/Branches/0/States/X->/States/P/Branches/0/States/Y\n" +
		"conn removed Next P->Y /States/P->/States/Y\n"
	if got := flat(compare(t, a, b, flowdiff.Options{})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
