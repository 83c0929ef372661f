package handler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// DefaultTimeout bounds a handler without its own timeout, so that one
// that hangs fails the task instead of the run.
const DefaultTimeout = 60 * time.Second

// Binding ties a state or a resource to one kind of handler.
type Binding struct {
	State    string `json:"state,omitempty"`
	Resource string `json:"resource,omitempty"` // glob: * matches anything

	Command        []string `json:"command,omitempty"`
	URL            string   `json:"url,omitempty"`
	LambdaEndpoint string   `json:"lambdaEndpoint,omitempty"`

	TimeoutSeconds float64 `json:"timeoutSeconds,omitempty"`
}

// Set is an ordered list of bindings; it implements engine.Invoker.
type Set struct {
	Bindings []Binding `json:"handlers"`
	// Dir resolves relative command paths (the config file's folder).
	Dir string `json:"-"`
}

// Load reads a handler configuration file. The CLI and the studio read
// the file themselves (regular files only, with a size cap: app/files)
// and call Parse.
func Load(file string) (*Set, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, b)
}

// Parse reads a handler configuration from b, the content of file (whose
// folder resolves relative command paths).
func Parse(file string, b []byte) (*Set, error) {
	var s Set
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("handler config %s: %w", file, err)
	}
	for i, h := range s.Bindings {
		kinds := 0
		for _, set := range []bool{len(h.Command) > 0, h.URL != "", h.LambdaEndpoint != ""} {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			return nil, fmt.Errorf("handler config %s: handler %d needs exactly one of command, url, lambdaEndpoint", file, i)
		}
		if h.State == "" && h.Resource == "" {
			return nil, fmt.Errorf("handler config %s: handler %d binds nothing: give it a state or a resource", file, i)
		}
	}
	s.Dir = path.Dir(file)
	return &s, nil
}

// Invoke runs the first binding that matches the task.
func (s *Set) Invoke(ctx context.Context, req engine.TaskRequest) (any, error) {
	for _, b := range s.Bindings {
		if !b.matches(req) {
			continue
		}
		timeout := DefaultTimeout
		if b.TimeoutSeconds > 0 {
			timeout = time.Duration(b.TimeoutSeconds * float64(time.Second))
		}
		return s.run(ctx, b, timeout, req)
	}
	return nil, engine.ErrNoHandler
}

func (s *Set) run(parent context.Context, b Binding, timeout time.Duration, req engine.TaskRequest) (any, error) {
	ctx, cancel := context.WithTimeoutCause(parent, timeout, errHandlerTimeout)
	defer cancel()
	var (
		out any
		err error
	)
	switch {
	case len(b.Command) > 0:
		out, err = runCommand(ctx, s.Dir, b.Command, req)
	case b.URL != "":
		out, err = postJSON(ctx, b.URL, req)
	default:
		out, err = invokeLambda(ctx, b.LambdaEndpoint, req)
	}
	if err != nil && parent.Err() == nil && errors.Is(context.Cause(ctx), errHandlerTimeout) {
		// The handler hung: a task failure the state can retry or catch.
		return nil, fault.Newf(fault.TaskFailed, "the handler of state %q did not answer within %s", req.State, timeout)
	}
	return out, err
}

var errHandlerTimeout = errors.New("handler timed out")

func (b Binding) matches(req engine.TaskRequest) bool {
	if b.State != "" && b.State != req.State {
		return false
	}
	if b.Resource != "" {
		ok, err := path.Match(b.Resource, req.Resource)
		if err != nil || !ok {
			return false
		}
	}
	return true
}
