package engine

import (
	"errors"
	"fmt"

	"github.com/stepstudio/stepstudio/engine/fault"
)

// Short names for the predefined errors the interpreter raises itself.
const (
	errALL               = fault.ALL
	errRuntime           = fault.Runtime
	errTimeout           = fault.Timeout
	errHeartbeatTimeout  = fault.HeartbeatTimeout
	errTaskFailed        = fault.TaskFailed
	errNoChoiceMatched   = fault.NoChoiceMatched
	errExceedTolerated   = fault.ExceedToleratedFailureThreshold
	errItemReaderFailed  = fault.ItemReaderFailed
	errQueryEvaluation   = fault.QueryEvaluationError
	errDataLimitExceeded = fault.DataLimitExceeded
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
// raises itself (a path, template, intrinsic or JSONata failure).
func (st *stepCtx) wrapRuntime(err error) error {
	var fe *fault.Error
	if !errors.As(err, &fe) {
		return err
	}
	return fe.InState(st.n.name, st.enteredID)
}

type faultError = fault.Error
