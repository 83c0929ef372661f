package engine

import (
	"errors"
	"fmt"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/payload"
)

// Short names for the predefined errors the interpreter raises itself.
const (
	errALL                = fault.ALL
	errRuntime            = fault.Runtime
	errTimeout            = fault.Timeout
	errHeartbeatTimeout   = fault.HeartbeatTimeout
	errTaskFailed         = fault.TaskFailed
	errNoChoiceMatched    = fault.NoChoiceMatched
	errExceedTolerated    = fault.ExceedToleratedFailureThreshold
	errItemReaderFailed   = fault.ItemReaderFailed
	errResultWriterFailed = fault.ResultWriterFailed
	errQueryEvaluation    = fault.QueryEvaluationError
	errDataLimitExceeded  = fault.DataLimitExceeded
)

func newFault(name, cause string) error { return fault.New(name, cause) }

func newFaultf(name, format string, args ...any) error {
	return fault.New(name, fmt.Sprintf(format, args...))
}

// asFault extracts the ASL error from err. Errors that are not ASL errors
// (a bug, a handler crash) become States.Runtime with the text as cause.
func asFault(err error) *fault.Error {
	var fe *fault.Error
	if errors.As(err, &fe) {
		return fe
	}
	return fault.New(errRuntime, err.Error())
}

// wrapRuntime adds AWS's state prefix to the cause of an error the service
// raises itself (a path, template, intrinsic or JSONata failure) and
// places it at the field at that was being evaluated: at the template key
// that failed when the error says which, else at the field, else at the
// state.
func (st *stepCtx) wrapRuntime(err error, at *source) error {
	var fe *fault.Error
	if !errors.As(err, &fe) {
		return err
	}
	located := fe.InState(st.n.name, st.enteredID)
	if located.Location == nil {
		rel := ""
		var fieldErr *payload.FieldError
		if errors.As(err, &fieldErr) {
			rel = fieldErr.Pointer
		}
		located.Location = st.place(at, rel)
	}
	return located
}

// place is where an error raised while evaluating the field at (at rel, a
// pointer inside its value, when that resolves) is: the field, or the
// state when there is no field.
func (st *stepCtx) place(at *source, rel string) *fault.Location {
	return at.or(st.n.src).location(rel)
}

// locate places err's ASL error at the field at (rel inside it) unless it
// already has a place; the innermost place known wins. Errors that are not
// ASL errors (a stop, a bound) pass unchanged.
func locate(err error, at *source, rel string) error {
	fe, ok := fault.As(err)
	if !ok || fe.Location != nil || at == nil {
		return err
	}
	return fe.At(at.location(rel))
}

type faultError = fault.Error
