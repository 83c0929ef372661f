package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/suiteview"
)

// The binding is thin: it checks the workflow path, and SaveRun reads the
// run from the run store.
func TestTestsBinding(t *testing.T) {
	dir := t.TempDir()
	wf := filepath.Join(dir, "order.asl.json")
	if err := os.WriteFile(wf, exampleDefinition, 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
	defer r.shutdown(context.Background())
	tests := NewTests(r)
	def := string(exampleDefinition)

	if _, err := tests.List(TestsRequest{WorkflowPath: "relative.asl.json"}); err == nil {
		t.Error("a relative workflow path was accepted")
	}
	l, err := tests.List(TestsRequest{WorkflowPath: wf, Definition: def})
	if err != nil || l.Exists || l.Reason != suiteview.ReasonNoFile {
		t.Fatalf("List without a test file: %+v %v", l, err)
	}

	// A run in the store: a history made by a scenario elsewhere, imported.
	other := t.TempDir()
	for _, n := range []string{"order-process.tests.yaml", "order-process.input.json"} {
		b, err := os.ReadFile(filepath.Join("examples", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(other, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := suiteview.Run(context.Background(), filepath.Join(other, "order-process.asl.json"), "", exampleDefinition, []string{"an invalid order is rejected"})
	if len(rep.Results) != 1 {
		t.Fatalf("no run to save: %+v", rep)
	}
	meta, err := r.Import(wf, def, rep.Results[0].History)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := tests.SaveRun(SaveRunRequest{WorkflowPath: wf, Definition: def, RunID: meta.ID, Name: "rejected", RunStatus: meta.Status})
	if err != nil || !saved.Created || saved.File != filepath.Join(dir, "order.tests.yaml") {
		t.Fatalf("SaveRun: %+v %v", saved, err)
	}
	run, err := tests.Run(TestsRequest{WorkflowPath: wf, Definition: def})
	if err != nil || run.Passed != 1 || run.Failed != 0 || run.Results[0].Name != "rejected" {
		t.Fatalf("Run: %+v %v", run, err)
	}
	if _, err := tests.SaveRun(SaveRunRequest{WorkflowPath: wf, Definition: def, RunID: "no-such-run"}); err == nil || !strings.Contains(err.Error(), "read the run") {
		t.Errorf("a missing run: %v", err)
	}
}

func TestCheckWorkflowPath(t *testing.T) {
	abs, _ := filepath.Abs("x")
	dir := filepath.Dir(abs)
	tests := []struct {
		path, id string
		ok       bool
	}{
		{"", "", true},
		{filepath.Join(dir, "flow.asl.json"), "", true},
		{"flow.asl.json", "", false},
		{filepath.Join(dir, "main.tf"), "", false},
		{filepath.Join(dir, "main.tf"), "aws_sfn_state_machine.orders", true},
		{filepath.Join(dir, "template.yaml"), "CheckOrder", true},
		{filepath.Join(dir, "template.yaml"), "../evil", false},
		{filepath.Join(dir, "template.yaml"), "..", false},
		{"", "CheckOrder", false},
		{filepath.Join(dir, "notes.txt"), "CheckOrder", false},
	}
	for _, tt := range tests {
		if err := checkWorkflowPath(tt.path, tt.id); (err == nil) != tt.ok {
			t.Errorf("checkWorkflowPath(%q, %q) = %v, want ok %v", tt.path, tt.id, err, tt.ok)
		}
	}
}
