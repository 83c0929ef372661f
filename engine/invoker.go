package engine

import (
	"context"
	"errors"
	"time"
)

// TaskRequest is what a Task state asks of its invoker.
type TaskRequest struct {
	State      string
	Resource   string
	Input      any // the effective parameters (JSONPath) or Arguments (JSONata)
	RetryCount int
	// TaskToken is set for .waitForTaskToken resources: the result comes
	// later through Execution.SendTaskSuccess/Failure with this token.
	TaskToken string
	Timeout   time.Duration
	Heartbeat time.Duration
	// Submitted is set for .sync tasks: an invoker that starts a job and
	// waits for it calls it once with the start request's answer, which
	// the history shows as TaskSubmitted (as AWS records .sync tasks).
	Submitted func(output any)
}

// Invoker runs Task states: mocks, local commands, HTTP or Lambda
// endpoints. It returns the task result, or a *fault.Error naming the
// task's error (Catch and Retry match on its Name).
//
// For a callback task (TaskToken set) an invoker either answers at once,
// as a mocked callback does, or returns ErrAwaitCallback after handing the
// token on, and the engine waits for the token to come back.
type Invoker interface {
	Invoke(ctx context.Context, req TaskRequest) (any, error)
}

// InvokerFunc adapts a function to Invoker.
type InvokerFunc func(ctx context.Context, req TaskRequest) (any, error)

func (f InvokerFunc) Invoke(ctx context.Context, req TaskRequest) (any, error) { return f(ctx, req) }

// ErrAwaitCallback tells the engine that a callback task's result will
// come through SendTaskSuccess/SendTaskFailure.
var ErrAwaitCallback = errors.New("await task token callback")

// ErrNoHandler is returned by an invoker that has nothing bound to a
// resource; Chain then asks the next invoker.
var ErrNoHandler = errors.New("no mock or handler for this task")

// Chain tries invokers in order (e.g. mocks, then handlers) until one does
// not return ErrNoHandler.
func Chain(invokers ...Invoker) Invoker {
	return InvokerFunc(func(ctx context.Context, req TaskRequest) (any, error) {
		for _, inv := range invokers {
			if inv == nil {
				continue
			}
			out, err := inv.Invoke(ctx, req)
			if !errors.Is(err, ErrNoHandler) {
				return out, err
			}
		}
		return nil, ErrNoHandler
	})
}
