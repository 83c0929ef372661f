package mock

import (
	"errors"
	"fmt"
)

// ErrInvalid is matched by every *Error about the file's content.
var ErrInvalid = errors.New("invalid mock config")

// ErrUnknownState is matched by the *Error for a test case that mocks a
// state the state machine does not have (TestCase.CheckStates); it also
// matches ErrInvalid.
var ErrUnknownState = fmt.Errorf("%w: a test case mocks a state the state machine does not have", ErrInvalid)

// Error is one problem in a mock file, located.
type Error struct {
	File    string // as given to Parse; may be empty
	Pointer string // JSON Pointer, e.g. "/MockedResponses/M/1-2/Throw"
	Line    int    // 1-based; 0 when unknown
	Column  int
	Msg     string
	kind    error // what Unwrap gives: ErrInvalid unless set
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", loc, e.Line, e.Column)
	}
	if loc != "" {
		loc += ": "
	}
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Sprintf("%s%s: %s", loc, ptr, e.Msg)
}

func (e *Error) Unwrap() error {
	if e.kind != nil {
		return e.kind
	}
	return ErrInvalid
}

// Errors is every problem found in one file.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	s := fmt.Sprintf("%d problems in the mock config:", len(es))
	for _, e := range es {
		s += "\n  " + e.Error()
	}
	return s
}

// Unwrap exposes each problem to errors.Is/As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
