// Package fault defines the typed ASL error the whole engine raises: a
// name that Retry and Catch match on (States.Runtime, a Task's own error
// name, ...) and a cause.
//
// Errors from the expression layers (engine/jsonpath, engine/payload,
// engine/intrinsic, engine/jsonata) are *Error values whose Cause is the
// tail AWS prints; the interpreter adds the "An error occurred while
// executing the state 'X' (entered at the event id #N). " prefix with
// InState, because only it knows the state and the event id. It also
// places the errors it raises in the definition (Location), because only
// it knows which field it was evaluating.
package fault

import (
	"errors"
	"fmt"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Error is an ASL error. Match it with errors.As, or with errors.Is against
// another *Error, which compares names only.
type Error struct {
	Name  string
	Cause string
	// Location is where in the definition the error arose, when the
	// interpreter knows: the field (or template key) it was evaluating, or
	// else the state. AWS's errors have no location, so it never shows in
	// the AWS-shaped history; it is for the studio and the CLI.
	Location *Location
}

// Location places an error in the definition's source: the state it arose
// in, the JSON pointer of the field or key it concerns (as a validator
// diagnostic's location) and that part's range, from its key to the end
// of its value.
type Location struct {
	State   string    `json:"state"`
	Pointer string    `json:"pointer"`
	Range   asl.Range `json:"range"`
}

// String gives the position as compilers do, "line:column".
func (l *Location) String() string { return l.Range.Start.String() }

// New returns an ASL error with the given name and cause.
func New(name, cause string) *Error {
	return &Error{Name: name, Cause: cause}
}

// Newf returns an ASL error whose cause is formatted as by fmt.Sprintf.
func Newf(name, format string, args ...any) *Error {
	return &Error{Name: name, Cause: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Cause == "" {
		return e.Name
	}
	return e.Name + ": " + e.Cause
}

// Is reports whether target is an *Error with the same name, so that
// errors.Is(err, &fault.Error{Name: fault.Runtime}) works through wrapping.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Name == e.Name
}

// InState returns a copy of e whose cause carries AWS's prefix naming the
// state and the id of its StateEntered event, as AWS prints causes of
// errors the service raises itself (States.Runtime, States.QueryEvaluationError,
// States.IntrinsicFailure, ...).
func (e *Error) InState(state string, enteredEventID int64) *Error {
	return &Error{
		Name:     e.Name,
		Cause:    fmt.Sprintf("An error occurred while executing the state '%s' (entered at the event id #%d). %s", state, enteredEventID, e.Cause),
		Location: e.Location,
	}
}

// At returns e located at loc: e itself when it already has a location
// (the innermost place an error is known at wins), else a copy, so that an
// error value shared between runs is never changed.
func (e *Error) At(loc *Location) *Error {
	if e.Location != nil || loc == nil {
		return e
	}
	c := *e
	c.Location = loc
	return &c
}

// As returns the ASL error inside err, if there is one.
func As(err error) (*Error, bool) {
	var fe *Error
	if errors.As(err, &fe) {
		return fe, true
	}
	return nil, false
}
