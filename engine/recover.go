package engine

import (
	"runtime/debug"
)

// errFromPanic turns a panic in the engine (a bug) into a run failure,
// so that a studio session or a CLI run reports it instead of crashing.
func errFromPanic(p any) error {
	return newFaultf(errRuntime, "internal error in the engine (please report it): %v\n%s", p, debug.Stack())
}

// guard runs f, turning a panic into an error.
func guard(f func() (any, error)) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, errFromPanic(p)
		}
	}()
	return f()
}
