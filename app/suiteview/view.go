// Package suiteview is the studio's Tests panel without a window: it finds
// the test file beside the workflow being edited, runs its scenarios
// against the editor's text (not the file on disk), and turns results and
// coverage into plain values for the UI; it also saves a run as a new
// scenario. The work is app/suite's; this package shapes it for the panel.
package suiteview

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/suite"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Listing is the test file of a workflow and its scenarios.
type Listing struct {
	// File is the test file's path: the one beside the workflow, else where
	// a new one would go ("" while the workflow has no file).
	File   string `json:"file"`
	Exists bool   `json:"exists"`
	// Reason says, in plain words, why there is nothing to run ("" when
	// there is).
	Reason    string         `json:"reason"`
	Scenarios []ScenarioInfo `json:"scenarios"`
	// Problems are the test file's located errors (it cannot run).
	Problems []string `json:"problems"`
}

// ScenarioInfo names one scenario and where it is written.
type ScenarioInfo struct {
	Name string `json:"name"`
	Line int    `json:"line"`
	// Input is the execution input the scenario starts from, as indented
	// JSON: the run panel offers the first one for a workflow whose input
	// nobody has typed yet.
	Input string `json:"input"`
}

// Report is one run of a suite.
type Report struct {
	Listing
	Results  []ScenarioResult `json:"results"`
	Passed   int              `json:"passed"`
	Failed   int              `json:"failed"`
	Coverage *suite.Coverage  `json:"coverage"`
}

// ScenarioResult is one scenario's outcome.
type ScenarioResult struct {
	Name string `json:"name"`
	Line int    `json:"line"`
	// Status is "passed", "failed" (an expectation not met) or "error"
	// (the run could not be judged: Message says why).
	Status     string    `json:"status"`
	Message    string    `json:"message,omitempty"`
	RunStatus  string    `json:"runStatus,omitempty"` // SUCCEEDED, FAILED…
	DurationMs float64   `json:"durationMs"`
	Failures   []Failure `json:"failures"`
	// History is the run's AWS GetExecutionHistory JSON, to replay it on
	// the diagram like any run ("" when it did not run).
	History string `json:"history"`
}

// Failure is one expectation not met, with the values as JSON text.
type Failure struct {
	Expectation string   `json:"expectation"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Message     string   `json:"message"`
	Expected    string   `json:"expected,omitempty"`
	Got         string   `json:"got,omitempty"`
	Diff        []string `json:"diff"`
}

// The panel's reasons for having nothing to run.
const (
	ReasonUnsaved = "Save the workflow to a file first: its tests live in a file beside it."
	ReasonNoFile  = "No tests yet. A test file holds scenarios — an input, the answers its tasks give, and what must happen — so a change that breaks one shows at once."
)

// List finds the workflow's test file and reads its scenarios against the
// workflow's text.
func List(workflowPath, machineID string, text []byte) Listing {
	l, _ := load(workflowPath, machineID, text)
	return l
}

func load(workflowPath, machineID string, text []byte) (Listing, *suite.Suite) {
	l := Listing{Scenarios: []ScenarioInfo{}, Problems: []string{}}
	if workflowPath == "" {
		l.Reason = ReasonUnsaved
		return l, nil
	}
	l.File, l.Exists = suite.FileForMachine(workflowPath, machineID)
	if !l.Exists {
		l.Reason = ReasonNoFile
		return l, nil
	}
	s, err := suite.LoadFor(l.File, suite.Source{Path: workflowPath, MachineID: machineID, Text: text})
	if err != nil {
		l.Reason = "The test file cannot be used until these are fixed."
		var es suite.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				l.Problems = append(l.Problems, strings.TrimPrefix(e.Error(), l.File+":"))
			}
		} else {
			l.Problems = append(l.Problems, err.Error())
		}
		return l, nil
	}
	for _, sc := range s.Scenarios {
		l.Scenarios = append(l.Scenarios, ScenarioInfo{Name: sc.Name, Line: sc.At.Line, Input: indented(sc.Input)})
	}
	if len(s.Scenarios) == 0 {
		l.Reason = "The test file has no scenarios yet."
	}
	return l, s
}

// Run runs the scenarios named in only (all when empty) against text and
// measures coverage over those that ran.
func Run(ctx context.Context, workflowPath, machineID string, text []byte, only []string) Report {
	l, s := load(workflowPath, machineID, text)
	r := Report{Listing: l, Results: []ScenarioResult{}}
	if s == nil {
		return r
	}
	opt := suite.Options{}
	if len(only) > 0 {
		opt.Select = func(_ *suite.Suite, sc *suite.Scenario) bool { return slices.Contains(only, sc.Name) }
	}
	results := suite.Run(ctx, []*suite.Suite{s}, opt)
	for _, res := range results {
		sr := result(res)
		if sr.Status == "passed" {
			r.Passed++
		} else {
			r.Failed++
		}
		r.Results = append(r.Results, sr)
	}
	if cov := suite.Measure(results); len(cov) > 0 {
		r.Coverage = cov[0]
	}
	return r
}

func result(res *suite.Result) ScenarioResult {
	sr := ScenarioResult{Name: res.Scenario.Name, Line: res.Scenario.At.Line, Status: "passed", Failures: []Failure{},
		DurationMs: float64(res.Duration.Microseconds()) / 1000}
	if res.Err != nil {
		sr.Status, sr.Message = "error", res.Err.Error()
	} else if len(res.Failures) > 0 {
		sr.Status = "failed"
	}
	for _, f := range res.Failures {
		sr.Failures = append(sr.Failures, Failure{Expectation: f.Expectation, Line: f.At.Line, Column: f.At.Column, Message: f.Message,
			Expected: jsonText(f.Expected), Got: jsonText(f.Got), Diff: append([]string{}, f.Diff...)})
	}
	if o := res.Observed; o != nil {
		sr.RunStatus = o.Result.Status
		if b, err := json.MarshalIndent(map[string]any{"events": o.Result.Events}, "", "  "); err == nil {
			sr.History = string(b)
		}
	}
	return sr
}

// jsonText is a value as indented JSON ("" for none).
func jsonText(v any) string {
	if v == nil {
		return ""
	}
	b, err := jsonvalue.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	var out bytes.Buffer
	if json.Indent(&out, b, "", "  ") != nil {
		return string(b)
	}
	return out.String()
}

// Saved says where a run was saved as a scenario.
type Saved struct {
	File    string `json:"file"`
	Created bool   `json:"created"` // the test file is new
	Name    string `json:"name"`    // the scenario's name (made unique)
	// Note says when the scenario, run again from the answers the run
	// got, did not end as the run did (its expectations are the new run's).
	Note string `json:"note,omitempty"`
}

// SaveRun makes a scenario of a run (its AWS history JSON), runs it on
// text, and appends it with what happened as its expectations to the
// workflow's test file, which it creates when there is none. The write is
// atomic and keeps the file's format.
func SaveRun(ctx context.Context, workflowPath, machineID string, text []byte, name, history, runStatus string) (Saved, error) {
	if workflowPath == "" {
		return Saved{}, errors.New(ReasonUnsaved)
	}
	var h struct {
		Events []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal([]byte(history), &h); err != nil {
		return Saved{}, fmt.Errorf("the run's history is not JSON: %w", err)
	}
	sc, err := suite.FromHistory(name, h.Events)
	if err != nil {
		return Saved{}, err
	}
	file, exists := suite.FileForMachine(workflowPath, machineID)
	var data []byte
	if exists {
		data, err = files.ReadFile(file, files.Limit{Max: suite.MaxFileSize, What: "test files"})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Saved{}, err
		}
	}
	out, res, err := suite.Append(ctx, file, data, suite.Source{Path: workflowPath, MachineID: machineID, Text: text}, sc)
	if err != nil {
		return Saved{}, err
	}
	if err := files.Write(file, out); err != nil {
		return Saved{}, fmt.Errorf("write %s: %w", filepath.Base(file), err)
	}
	s := Saved{File: file, Created: !exists, Name: res.Scenario.Name}
	if runStatus != "" && res.Observed != nil && res.Observed.Result.Status != runStatus {
		s.Note = fmt.Sprintf("The run ended %s, but run again from the answers it got it ended %s; the scenario expects %s.", runStatus, res.Observed.Result.Status, res.Observed.Result.Status)
	}
	return s, nil
}

// indented is v as JSON indented by two spaces, "{}" when it cannot be
// encoded (a loaded scenario's input always can).
func indented(v any) string {
	b, err := jsonvalue.Marshal(v)
	var out bytes.Buffer
	if err != nil || json.Indent(&out, b, "", "  ") != nil {
		return "{}"
	}
	return out.String()
}
