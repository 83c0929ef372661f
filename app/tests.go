package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/suiteview"
)

// Tests is the bound service of the Tests panel: the scenarios beside the
// open workflow, run against the editor's text, and "Save this run as a
// scenario". The work is app/suiteview's (and app/suite's).
type Tests struct {
	runs *Runs // the run store, for the history of a run to save
}

// NewTests saves runs kept by runs.
func NewTests(runs *Runs) *Tests { return &Tests{runs: runs} }

// TestsRequest names the open workflow: its file ("" while unsaved) and
// its text as the editor holds it.
type TestsRequest struct {
	WorkflowPath string `json:"workflowPath"`
	// LogicalID names the state machine inside the template WorkflowPath
	// ("" when WorkflowPath is a workflow file): its tests are
	// T.<LogicalId>.tests.yaml beside the template.
	LogicalID  string `json:"logicalId"`
	Definition string `json:"definition"`
	// Only names the scenarios to run (all when empty): one, or the failed.
	Only []string `json:"only"`
}

// SaveRunRequest asks to save a run as a scenario of the open workflow.
type SaveRunRequest struct {
	WorkflowPath string `json:"workflowPath"`
	LogicalID    string `json:"logicalId"` // as in TestsRequest
	Definition   string `json:"definition"`
	RunID        string `json:"runId"`
	Name         string `json:"name"`
	// RunStatus is how the run ended, to say when the scenario, run again
	// from the answers the run got, ends otherwise.
	RunStatus string `json:"runStatus"`
}

// List is the workflow's test file and its scenarios.
func (t *Tests) List(req TestsRequest) (suiteview.Listing, error) {
	if err := checkWorkflowPath(req.WorkflowPath, req.LogicalID); err != nil {
		return suiteview.Listing{}, err
	}
	return suiteview.List(req.WorkflowPath, req.LogicalID, []byte(req.Definition)), nil
}

// Run runs the scenarios asked for against the editor's text.
func (t *Tests) Run(req TestsRequest) (suiteview.Report, error) {
	if err := checkWorkflowPath(req.WorkflowPath, req.LogicalID); err != nil {
		return suiteview.Report{}, err
	}
	return suiteview.Run(context.Background(), req.WorkflowPath, req.LogicalID, []byte(req.Definition), req.Only), nil
}

// SaveRun appends the run to the workflow's test file (created when
// absent) as a scenario whose expectations are what happened.
func (t *Tests) SaveRun(req SaveRunRequest) (suiteview.Saved, error) {
	if err := checkWorkflowPath(req.WorkflowPath, req.LogicalID); err != nil {
		return suiteview.Saved{}, err
	}
	history, err := t.runs.Export(req.RunID)
	if err != nil {
		return suiteview.Saved{}, fmt.Errorf("read the run: %w", err)
	}
	return suiteview.SaveRun(context.Background(), req.WorkflowPath, req.LogicalID, []byte(req.Definition), req.Name, history, req.RunStatus)
}

// checkWorkflowPath refuses a path that is no workflow file, or no
// template when logicalID names a machine inside one: the test file is
// written beside it. A LogicalId holds no path separator (a Terraform
// address holds dots, which stay in the file name).
func checkWorkflowPath(p, logicalID string) error {
	if p == "" {
		if logicalID != "" {
			return fmt.Errorf("a state machine %s inside a template needs the template's path", logicalID)
		}
		return nil
	}
	ext := strings.ToLower(filepath.Ext(p))
	if logicalID != "" {
		if strings.ContainsAny(logicalID, `/\`) || logicalID == "." || logicalID == ".." || !filepath.IsAbs(p) ||
			(ext != ".json" && ext != ".yaml" && ext != ".yml" && ext != ".template" && ext != ".tf") {
			return fmt.Errorf("%s is no template, or %q no state machine name, to keep tests beside", p, logicalID)
		}
		return nil
	}
	if !filepath.IsAbs(p) || (ext != ".json" && ext != ".yaml" && ext != ".yml") {
		return fmt.Errorf("%s is no workflow file (an absolute path ending in .json, .yaml or .yml)", p)
	}
	return nil
}
