package runs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/mock"
	"github.com/stepstudio/stepstudio/schema"
)

// StartRequest is everything the run panel sends to start a run.
type StartRequest struct {
	Workflow   string `json:"workflow"`   // the file path, or the document's name when unsaved
	Name       string `json:"name"`       // the document's name, for messages
	Definition string `json:"definition"` // ASL text (JSON or YAML)
	Input      string `json:"input"`      // JSON text; "" means {}
	Mocks      string `json:"mocks"`      // an AWS MockConfigFile; "" for none
	TestCase   string `json:"testCase"`
	// Type is the workflow type, "STANDARD" (also "") or "EXPRESS": a
	// STANDARD run fails when its history would pass AWS's 25,000 events,
	// an EXPRESS run has no such limit.
	Type string `json:"type"`
	// Wait is "skip" (virtual clock: waits and retry delays take no time)
	// or "real".
	Wait         string   `json:"wait"`
	Pace         string   `json:"pace"` // "instant", "normal" or "slow": a pause before each state, for watching
	Breakpoints  []string `json:"breakpoints"`
	PauseAtStart bool     `json:"pauseAtStart"`
	// PauseMode is "one" (also ""): one Map item at a time stops at a
	// breakpoint, the others wait; or "all": every item that reaches one.
	PauseMode string `json:"pauseMode"`
	StartAt   string `json:"startAt"` // "" for the definition's StartAt
	// Variables are assigned before StartAt runs (name -> JSON text).
	Variables map[string]string `json:"variables"`
	// TryIt answers every Task no mock answers with a generated result
	// shaped like the service's response (engine/sample) instead of
	// waiting for an answer by hand: "Try it (generated answers)".
	TryIt bool `json:"tryIt,omitempty"`
	// Handlers answer Task states by name (the workflow's project file,
	// NAME.studio.json). The app fills them from disk, never from the page:
	// what runs is what the project file says, and the user trusted.
	Handlers map[string]*sidecar.Handler `json:"-"`
	// Notes is the project file of a workflow with no file of its own (a
	// state machine inside a template: T.<LogicalId>.studio.json), whose
	// handlers and folder for S3 the run uses; "" for a workflow file.
	Notes string `json:"notes,omitempty"`
	// S3Root is the folder standing in for S3 (an absolute path the app
	// resolved from the project file, inside the workflow's folder), or "".
	S3Root string `json:"-"`
}

// ErrInvalidRequest marks a request refused before anything happened: bad
// input, an invalid definition or mock file, a history that is not one.
// The error's message says what to fix, in words for the run panel.
var ErrInvalidRequest = errors.New("invalid request")

type invalidError struct{ msg string }

func (e *invalidError) Error() string { return e.msg }
func (e *invalidError) Unwrap() error { return ErrInvalidRequest }

type prepared struct {
	machine *engine.Machine
	input   any
	opts    []engine.Option
}

func invalid(format string, args ...any) error {
	return &invalidError{msg: fmt.Sprintf(format, args...)}
}

func (r StartRequest) prepare() (prepared, error) {
	var p prepared
	name := r.Name
	if name == "" {
		name = "definition"
	}
	res := schema.Validate(name, []byte(r.Definition), schema.Options{})
	if !res.Valid() || res.Document == nil {
		for _, d := range res.Diagnostics {
			if d.Severity == schema.Error {
				where := d.Location
				if where == "" {
					where = "the definition"
				}
				return p, invalid("The workflow has errors; fix them first (%s: %s)", where, d.Message)
			}
		}
		return p, invalid("The workflow does not parse")
	}
	m, err := engine.Compile(res.Document)
	if err != nil {
		return p, invalid("The workflow cannot run: %v", err)
	}
	p.machine = m
	in := strings.TrimSpace(r.Input)
	if in == "" {
		in = "{}"
	}
	if p.input, err = engine.DecodeJSON([]byte(in)); err != nil {
		return p, invalid("The input is not valid JSON: %v", err)
	}
	if strings.TrimSpace(r.Mocks) != "" {
		cfg, err := mock.Parse("mocks", []byte(r.Mocks))
		if err != nil {
			return p, invalid("The mock file has errors: %v", err)
		}
		if r.TestCase != "" {
			tc, err := cfg.TestCase("", r.TestCase)
			if err != nil {
				return p, invalid("Test case %q: %v", r.TestCase, err)
			}
			p.opts = append(p.opts, engine.WithMocks(tc))
		}
	}
	switch r.Type {
	case "", string(engine.Standard):
	case string(engine.Express):
		p.opts = append(p.opts, engine.WithType(engine.Express))
	default:
		return p, invalid("Type must be STANDARD or EXPRESS, not %q", r.Type)
	}
	if r.S3Root != "" {
		if fi, err := os.Stat(r.S3Root); err != nil || !fi.IsDir() {
			return p, invalid("The folder for S3 %s does not exist; create it or choose another in the Map's inspector", r.S3Root)
		}
		p.opts = append(p.opts, engine.WithS3Root(r.S3Root))
	}
	switch r.Wait {
	case "", "skip":
	case "real":
		p.opts = append(p.opts, engine.WithClock(engine.RealClock()))
	default:
		return p, invalid("Wait must be skip or real, not %q", r.Wait)
	}
	if len(r.Breakpoints) > 0 {
		p.opts = append(p.opts, engine.WithBreakpoints(r.Breakpoints...))
	}
	if r.PauseAtStart {
		p.opts = append(p.opts, engine.WithPauseAtStart())
	}
	mode, err := pauseMode(r.PauseMode)
	if err != nil {
		return p, err
	}
	p.opts = append(p.opts, engine.WithPauseMode(mode))
	if r.StartAt != "" {
		vars := map[string]any{}
		for k, v := range r.Variables {
			if vars[k], err = engine.DecodeJSON([]byte(v)); err != nil {
				return p, invalid("Variable %s is not valid JSON: %v", k, err)
			}
		}
		p.opts = append(p.opts, engine.WithStartAt(r.StartAt, vars))
	}
	return p, nil
}

// trustKey is the path trust decisions for the run's handlers are kept
// under: the workflow's file, else (a machine inside a template) its
// project file; "" when it has neither.
func (r StartRequest) trustKey() string {
	switch {
	case filepath.IsAbs(r.Workflow):
		return filepath.Clean(r.Workflow)
	case filepath.IsAbs(r.Notes):
		return filepath.Clean(r.Notes)
	}
	return ""
}
