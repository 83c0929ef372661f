package fault

// The predefined error names of the Amazon States Language.
const (
	ALL                             = "States.ALL"
	HeartbeatTimeout                = "States.HeartbeatTimeout"
	Timeout                         = "States.Timeout"
	TaskFailed                      = "States.TaskFailed"
	Permissions                     = "States.Permissions"
	ResultPathMatchFailure          = "States.ResultPathMatchFailure"
	ParameterPathFailure            = "States.ParameterPathFailure"
	QueryEvaluationError            = "States.QueryEvaluationError"
	BranchFailed                    = "States.BranchFailed"
	NoChoiceMatched                 = "States.NoChoiceMatched"
	IntrinsicFailure                = "States.IntrinsicFailure"
	ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
	ItemReaderFailed                = "States.ItemReaderFailed"
	ResultWriterFailed              = "States.ResultWriterFailed"
	Runtime                         = "States.Runtime"
	DataLimitExceeded               = "States.DataLimitExceeded"
)

// Predefined lists every predefined name, States.ALL first.
var Predefined = []string{
	ALL, HeartbeatTimeout, Timeout, TaskFailed, Permissions,
	ResultPathMatchFailure, ParameterPathFailure, QueryEvaluationError,
	BranchFailed, NoChoiceMatched, IntrinsicFailure,
	ExceedToleratedFailureThreshold, ItemReaderFailed, ResultWriterFailed,
	Runtime, DataLimitExceeded,
}
