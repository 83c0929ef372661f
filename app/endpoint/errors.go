package endpoint

import "fmt"

// apiError is a refusal in AWS's shape: the __type (also sent as
// x-amzn-ErrorType) and the message its SDKs print. Status is 400 for
// everything the caller did wrong, as AWS answers.
type apiError struct {
	Type    string
	Message string
	Status  int
}

func (e *apiError) Error() string { return e.Type + ": " + e.Message }

func errf(typ, format string, a ...any) *apiError {
	return &apiError{Type: typ, Message: fmt.Sprintf(format, a...), Status: 400}
}

// machineMissing is AWS's answer naming a state machine (or version) that
// does not exist.
func machineMissing(arn string) *apiError {
	return errf(errSMDoesNotExist, "State Machine Does Not Exist: '%s'", arn)
}

// The error types AWS Step Functions answers with.
const (
	errValidation           = "ValidationException"
	errInvalidArn           = "InvalidArn"
	errInvalidName          = "InvalidName"
	errInvalidDefinition    = "InvalidDefinition"
	errInvalidToken         = "InvalidToken"
	errInvalidOutput        = "InvalidOutput"
	errInvalidInput         = "InvalidExecutionInput"
	errInvalidLogging       = "InvalidLoggingConfiguration"
	errInvalidTracing       = "InvalidTracingConfiguration"
	errSMDoesNotExist       = "StateMachineDoesNotExist"
	errSMAlreadyExists      = "StateMachineAlreadyExists"
	errSMDeleting           = "StateMachineDeleting"
	errSMTypeNotSupported   = "StateMachineTypeNotSupported"
	errExecDoesNotExist     = "ExecutionDoesNotExist"
	errExecAlreadyExists    = "ExecutionAlreadyExists"
	errExecNotRedrivable    = "ExecutionNotRedrivable"
	errActivityDoesNotExist = "ActivityDoesNotExist"
	errTaskDoesNotExist     = "TaskDoesNotExist"
	errTaskTimedOut         = "TaskTimedOut"
	errResourceNotFound     = "ResourceNotFound"
	errConflict             = "ConflictException"
	errTooManyTags          = "TooManyTags"
	errUnknownOperation     = "UnknownOperationException"
	errSerialization        = "SerializationException"
	errInternal             = "InternalFailure"
	errAccessDenied         = "AccessDeniedException"
	errMissingAuth          = "MissingAuthenticationTokenException"
	errInvalidSignature     = "InvalidSignatureException"
	errInvalidPagination    = "InvalidToken"
)
