package diagram_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/engine/asl"
)

const nested = `{
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [
      {"Variable": "$.amount", "NumericGreaterThan": 100, "Next": "Fan out"},
      {"And": [{"Variable": "$.a", "IsPresent": true}, {"Not": {"Variable": "$.b", "StringEquals": "x"}}], "Next": "Done"}
    ], "Default": "Done"},
    "Fan out": {"Type": "Parallel", "Next": "Done",
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}],
      "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}},
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true}}}}}}
      ]},
    "Oops": {"Type": "Fail"},
    "Done": {"Type": "Succeed"}
  }
}`

func build(t *testing.T, src string) *diagram.Diagram {
	t.Helper()
	doc, err := asl.Parse("t.asl.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := diagram.Build(context.Background(), doc.Machine)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestNestedDiagram(t *testing.T) {
	d := build(t, nested)
	nodes := map[string]diagram.Node{}
	for _, n := range d.Nodes {
		nodes[n.ID] = n
		if n.Width <= 0 || n.Height <= 0 {
			t.Errorf("node %s was not placed: %+v", n.ID, n)
		}
	}
	want := map[string]struct{ kind, parent string }{
		"start":                                  {diagram.KindStart, ""},
		"end":                                    {diagram.KindEnd, ""},
		"/States/Check":                          {diagram.KindState, ""},
		"/States/Fan out":                        {diagram.KindContainer, ""},
		"/States/Fan out/Branches/0":             {diagram.KindBranch, "/States/Fan out"},
		"/States/Fan out/Branches/0/States/A":    {diagram.KindState, "/States/Fan out/Branches/0"},
		"/States/Fan out/Branches/1/States/Each": {diagram.KindContainer, "/States/Fan out/Branches/1"},
		"/States/Fan out/Branches/1/States/Each/ItemProcessor/States/Item": {diagram.KindState, "/States/Fan out/Branches/1/States/Each"},
	}
	for id, w := range want {
		n, ok := nodes[id]
		if !ok {
			t.Errorf("missing node %s", id)
			continue
		}
		if n.Kind != w.kind || n.Parent != w.parent {
			t.Errorf("node %s: kind %q parent %q, want %q %q", id, n.Kind, n.Parent, w.kind, w.parent)
		}
	}
	// 8 states + 2 branches + 2 markers.
	if len(d.Nodes) != 12 {
		t.Errorf("got %d nodes, want 12", len(d.Nodes))
	}
	if r := nodes["/States/Fan out/Branches/1/States/Each/ItemProcessor/States/Item"].Resource; r != "lambda:invoke.waitForTaskToken" {
		t.Errorf("resource label %q", r)
	}

	edges := map[string]diagram.Edge{}
	for _, e := range d.Edges {
		edges[e.ID] = e
		if len(e.Route.Points) < 2 {
			t.Errorf("edge %s has no route", e.ID)
		}
	}
	wantEdges := map[string]struct{ kind, label string }{
		"/States/Check/Choices/0/Next":             {diagram.EdgeChoice, "amount > 100"},
		"/States/Check/Choices/1/Next":             {diagram.EdgeChoice, `a is present and not (b == "x")`},
		"/States/Check/Default":                    {diagram.EdgeDefault, "Default"},
		"/States/Fan out/Next":                     {diagram.EdgeNext, ""},
		"/States/Fan out/Catch/0/Next":             {diagram.EdgeCatch, "any error"},
		"/States/Fan out/Branches/0/States/A/Next": {diagram.EdgeNext, ""},
		"start":            {diagram.EdgeStart, ""},
		"/States/Oops>end": {diagram.EdgeEnd, ""},
		"/States/Done>end": {diagram.EdgeEnd, ""},
	}
	for id, w := range wantEdges {
		e, ok := edges[id]
		if !ok {
			t.Errorf("missing edge %s", id)
			continue
		}
		if e.Kind != w.kind || e.Label != w.label {
			t.Errorf("edge %s: %q %q, want %q %q", id, e.Kind, e.Label, w.kind, w.label)
		}
	}
	if len(d.Edges) != len(wantEdges) {
		t.Errorf("got %d edges, want %d: %+v", len(d.Edges), len(wantEdges), d.Edges)
	}
}

func TestDanglingTargetsAreSkipped(t *testing.T) {
	d := build(t, `{"StartAt": "Nowhere", "States": {"A": {"Type": "Pass", "Next": "Missing"}}}`)
	if len(d.Edges) != 0 {
		t.Errorf("edges to missing states should not be drawn: %+v", d.Edges)
	}
}

func TestNotAMachine(t *testing.T) {
	if _, err := diagram.Build(context.Background(), nil); err == nil {
		t.Error("want an error for a missing machine")
	}
}

func TestEmptyMapIsAPlainBox(t *testing.T) {
	d := build(t, `{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "X", "States": {}}}}}`)
	for _, n := range d.Nodes {
		if n.ID == "/States/M" && (n.Kind != diagram.KindState || n.Width == 0) {
			t.Errorf("an empty Map should be drawn as a plain state: %+v", n)
		}
	}
}

func TestDistributedMapIsMarked(t *testing.T) {
	d := build(t, `{"StartAt": "D", "States": {
  "D": {"Type": "Map", "Next": "I", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
    "StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}},
  "I": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "End": true}}}}}}`)
	got := map[string]bool{}
	for _, n := range d.Nodes {
		got[n.ID] = n.Distributed
	}
	if !got["/States/D"] || got["/States/I"] {
		t.Errorf("want only the DISTRIBUTED Map marked, got %v", got)
	}
}

func TestLongConditionKeepsItsWholeText(t *testing.T) {
	d := build(t, `{"StartAt": "C", "States": {
  "C": {"Type": "Choice", "Choices": [{"Variable": "$.customer.profile.preferences.notificationChannel", "StringEquals": "registered-post-with-signature", "Next": "D"}], "Default": "D"},
  "D": {"Type": "Succeed"}}}`)
	for _, e := range d.Edges {
		if e.Kind != diagram.EdgeChoice {
			continue
		}
		if !strings.HasSuffix(e.Label, "…") || !strings.Contains(e.Full, "registered-post-with-signature") {
			t.Errorf("want a shortened label with the whole condition beside it, got %q / %q", e.Label, e.Full)
		}
	}
}

// A new blank workflow has no states: the UI still gets lists, never null.
func TestNoStatesGivesEmptyLists(t *testing.T) {
	d := build(t, `{"StartAt": "", "States": {}}`)
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"edges":[]`) || len(d.Nodes) != 1 || d.Nodes[0].Kind != diagram.KindStart {
		t.Fatalf("want the start marker and no edges, got %s", out)
	}
}

func TestCollapsedContainerIsOneBox(t *testing.T) {
	doc, err := asl.Parse("t.asl.json", []byte(nested))
	if err != nil {
		t.Fatal(err)
	}
	d, err := diagram.Build(context.Background(), doc.Machine, diagram.Collapsed("/States/Fan out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range d.Nodes {
		if strings.HasPrefix(n.ID, "/States/Fan out/") {
			t.Errorf("a collapsed Parallel hides its insides, found %s", n.ID)
		}
		if n.ID == "/States/Fan out" && (n.Kind != diagram.KindState || !n.Collapsed || n.Inner != 4) {
			t.Errorf("want one box holding 4 states, got %+v", n)
		}
	}
	var catch bool
	for _, e := range d.Edges {
		catch = catch || (e.Source == "/States/Fan out" && e.Kind == diagram.EdgeCatch)
	}
	if !catch {
		t.Error("the collapsed box keeps its own arrows (its Catch)")
	}
}
