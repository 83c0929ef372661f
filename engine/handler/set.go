package handler

import (
	"context"
	"errors"
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

	Command []string `json:"command,omitempty"`
	// Dir is the folder a command runs in, relative to the Set's Dir
	// ("" runs it in the Set's Dir).
	Dir            string `json:"dir,omitempty"`
	URL            string `json:"url,omitempty"`
	LambdaEndpoint string `json:"lambdaEndpoint,omitempty"`

	// TimeoutSeconds bounds the handler (default DefaultTimeout); Parse
	// takes values above 0 and at most MaxTimeoutSeconds.
	TimeoutSeconds float64 `json:"timeoutSeconds,omitempty"`
}

// Set is an ordered list of bindings; it implements engine.Invoker.
type Set struct {
	Bindings []Binding `json:"handlers"`
	// Dir resolves relative command paths (the config file's folder).
	Dir string `json:"-"`
}

// Invoke runs the first binding that matches the task.
func (s *Set) Invoke(ctx context.Context, req engine.TaskRequest) (any, error) {
	for _, b := range s.Bindings {
		if !b.matches(req) {
			continue
		}
		return s.run(ctx, b, b.timeout(), req)
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
		out, err = runCommand(ctx, s.Dir, b.Dir, b.Command, req)
	case b.URL != "":
		out, err = postJSON(ctx, b.URL, req)
	default:
		out, err = invokeLambda(ctx, b.LambdaEndpoint, req)
	}
	if err != nil && parent.Err() == nil && errors.Is(context.Cause(ctx), errHandlerTimeout) {
		// The handler hung: a task failure the state can retry or catch.
		return nil, fault.Newf(fault.TaskFailed, "the handler of state %q timed out: it did not answer within %s", req.State, timeout)
	}
	return out, err
}

var errHandlerTimeout = errors.New("handler timed out")

// timeout is the binding's TimeoutSeconds (Parse checks it; a Set built in
// code is held to the same range), else DefaultTimeout.
func (b Binding) timeout() time.Duration {
	switch s := b.TimeoutSeconds; {
	case !(s > 0):
		return DefaultTimeout
	case s > MaxTimeoutSeconds:
		return MaxTimeoutSeconds * time.Second
	default:
		return time.Duration(s * float64(time.Second))
	}
}

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
