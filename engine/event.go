package engine

import (
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
)

// Event is one execution history event, in the shape AWS's
// GetExecutionHistory returns, so histories exported from AWS and ours are
// interchangeable. Exactly one of the details fields is set for types that
// have details; inputs and outputs are JSON text, as in AWS.
type Event struct {
	ID              int64     `json:"id"`
	PreviousEventID int64     `json:"previousEventId"`
	Timestamp       time.Time `json:"timestamp"`
	Type            string    `json:"type"`

	ExecutionStartedEventDetails   *ExecutionStartedDetails `json:"executionStartedEventDetails,omitempty"`
	ExecutionSucceededEventDetails *OutputDetails           `json:"executionSucceededEventDetails,omitempty"`
	ExecutionFailedEventDetails    *FailureDetails          `json:"executionFailedEventDetails,omitempty"`
	ExecutionAbortedEventDetails   *FailureDetails          `json:"executionAbortedEventDetails,omitempty"`
	ExecutionTimedOutEventDetails  *FailureDetails          `json:"executionTimedOutEventDetails,omitempty"`
	ExecutionRedrivenEventDetails  *RedrivenDetails         `json:"executionRedrivenEventDetails,omitempty"`

	StateEnteredEventDetails *StateEnteredDetails `json:"stateEnteredEventDetails,omitempty"`
	StateExitedEventDetails  *StateExitedDetails  `json:"stateExitedEventDetails,omitempty"`

	MapStateStartedEventDetails       *MapStateStartedDetails  `json:"mapStateStartedEventDetails,omitempty"`
	MapIterationStartedEventDetails   *MapIterationDetails     `json:"mapIterationStartedEventDetails,omitempty"`
	MapIterationSucceededEventDetails *MapIterationDetails     `json:"mapIterationSucceededEventDetails,omitempty"`
	MapIterationFailedEventDetails    *MapIterationDetails     `json:"mapIterationFailedEventDetails,omitempty"`
	MapIterationAbortedEventDetails   *MapIterationDetails     `json:"mapIterationAbortedEventDetails,omitempty"`
	MapRunStartedEventDetails         *MapRunStartedDetails    `json:"mapRunStartedEventDetails,omitempty"`
	MapRunFailedEventDetails          *FailureDetails          `json:"mapRunFailedEventDetails,omitempty"`
	MapRunRedrivenEventDetails        *MapRunRedrivenDetails   `json:"mapRunRedrivenEventDetails,omitempty"`
	EvaluationFailedEventDetails      *EvaluationFailedDetails `json:"evaluationFailedEventDetails,omitempty"`

	TaskScheduledEventDetails *TaskScheduledDetails `json:"taskScheduledEventDetails,omitempty"`
	TaskStartedEventDetails   *TaskDetails          `json:"taskStartedEventDetails,omitempty"`
	TaskSubmittedEventDetails *TaskDetails          `json:"taskSubmittedEventDetails,omitempty"`
	TaskSucceededEventDetails *TaskDetails          `json:"taskSucceededEventDetails,omitempty"`
	TaskFailedEventDetails    *TaskDetails          `json:"taskFailedEventDetails,omitempty"`
	TaskTimedOutEventDetails  *TaskDetails          `json:"taskTimedOutEventDetails,omitempty"`

	LambdaFunctionScheduledEventDetails *LambdaScheduledDetails `json:"lambdaFunctionScheduledEventDetails,omitempty"`
	LambdaFunctionSucceededEventDetails *OutputDetails          `json:"lambdaFunctionSucceededEventDetails,omitempty"`
	LambdaFunctionFailedEventDetails    *FailureDetails         `json:"lambdaFunctionFailedEventDetails,omitempty"`
	LambdaFunctionTimedOutEventDetails  *FailureDetails         `json:"lambdaFunctionTimedOutEventDetails,omitempty"`

	ActivityScheduledEventDetails *ActivityScheduledDetails `json:"activityScheduledEventDetails,omitempty"`
	ActivityStartedEventDetails   *ActivityStartedDetails   `json:"activityStartedEventDetails,omitempty"`
	ActivitySucceededEventDetails *OutputDetails            `json:"activitySucceededEventDetails,omitempty"`
	ActivityFailedEventDetails    *FailureDetails           `json:"activityFailedEventDetails,omitempty"`
	ActivityTimedOutEventDetails  *FailureDetails           `json:"activityTimedOutEventDetails,omitempty"`
}

// Location places the error of an ExecutionFailed or EvaluationFailed
// event in the definition, nil for other events and when the engine does
// not know the place. AWS's events have no such field: it is kept beside
// the details and never serialized, so histories keep AWS's shape (and
// events their size).
func (e *Event) Location() *fault.Location {
	switch {
	case e.ExecutionFailedEventDetails != nil:
		return e.ExecutionFailedEventDetails.location
	case e.EvaluationFailedEventDetails != nil:
		return e.EvaluationFailedEventDetails.location
	}
	return nil
}

// Truncation says whether AWS cut a payload; we never do, but the field is
// part of the shape.
type Truncation struct {
	Truncated bool `json:"truncated"`
}

// RedrivenDetails are the details of ExecutionRedriven: how many times
// the execution has been redriven, this one included.
type RedrivenDetails struct {
	RedriveCount int `json:"redriveCount"`
}

// ExecutionStartedDetails are the details of ExecutionStarted.
type ExecutionStartedDetails struct {
	Input        string     `json:"input"`
	InputDetails Truncation `json:"inputDetails"`
	RoleArn      string     `json:"roleArn"`
}

// OutputDetails carry an output: ExecutionSucceeded, ActivitySucceeded,
// LambdaFunctionSucceeded.
type OutputDetails struct {
	Output        string     `json:"output"`
	OutputDetails Truncation `json:"outputDetails"`
}

// FailureDetails carries an error name and cause; AWS omits either when
// the state gave none.
type FailureDetails struct {
	Error *string `json:"error,omitempty"`
	Cause *string `json:"cause,omitempty"`

	location *fault.Location // see Event.Location
}

// StateEnteredDetails are the details of every <Type>StateEntered event.
type StateEnteredDetails struct {
	Name         string     `json:"name"`
	Input        string     `json:"input"`
	InputDetails Truncation `json:"inputDetails"`
}

// StateExitedDetails are the details of every <Type>StateExited event,
// with the variables the state assigned (as JSON text).
type StateExitedDetails struct {
	Name                     string            `json:"name"`
	Output                   string            `json:"output"`
	OutputDetails            Truncation        `json:"outputDetails"`
	AssignedVariables        map[string]string `json:"assignedVariables,omitempty"`
	AssignedVariablesDetails *Truncation       `json:"assignedVariablesDetails,omitempty"`
}

// MapStateStartedDetails give the number of items of MapStateStarted.
type MapStateStartedDetails struct {
	Length int `json:"length"`
}

// MapIterationDetails name the Map state and the item of MapIteration*.
type MapIterationDetails struct {
	Name  string `json:"name"`
	Index int    `json:"index"`
}

// MapRunRedrivenDetails are the details of MapRunRedriven (AWS's
// MapRunRedrivenEventDetails): the Map Run and how many times it has
// been redriven, this time included (always > 0).
type MapRunRedrivenDetails struct {
	MapRunArn    string `json:"mapRunArn"`
	RedriveCount int    `json:"redriveCount"`
}

// MapRunStartedDetails give the ARN of a distributed Map run.
type MapRunStartedDetails struct {
	MapRunArn string `json:"mapRunArn"`
}

// EvaluationFailedDetails locate a JSONata evaluation error.
type EvaluationFailedDetails struct {
	Error    string `json:"error"`
	Cause    string `json:"cause,omitempty"`
	Location string `json:"location,omitempty"` // AWS's: the field's name
	State    string `json:"state"`

	location *fault.Location // see Event.Location
}

// TaskScheduledDetails are the request of TaskScheduled.
type TaskScheduledDetails struct {
	ResourceType       string `json:"resourceType"`
	Resource           string `json:"resource"`
	Region             string `json:"region"`
	Parameters         string `json:"parameters"`
	TimeoutInSeconds   int64  `json:"timeoutInSeconds,omitempty"`
	HeartbeatInSeconds int64  `json:"heartbeatInSeconds,omitempty"`
}

// TaskDetails are the details of TaskStarted, TaskSubmitted,
// TaskSucceeded, TaskFailed and TaskTimedOut.
type TaskDetails struct {
	ResourceType  string      `json:"resourceType"`
	Resource      string      `json:"resource"`
	Output        *string     `json:"output,omitempty"`
	OutputDetails *Truncation `json:"outputDetails,omitempty"`
	Error         *string     `json:"error,omitempty"`
	Cause         *string     `json:"cause,omitempty"`
}

// ActivityScheduledDetails are the details of ActivityScheduled.
type ActivityScheduledDetails struct {
	Resource           string     `json:"resource"`
	Input              string     `json:"input"`
	InputDetails       Truncation `json:"inputDetails"`
	TimeoutInSeconds   int64      `json:"timeoutInSeconds,omitempty"`
	HeartbeatInSeconds int64      `json:"heartbeatInSeconds,omitempty"`
}

// ActivityStartedDetails name the worker that took an activity task.
type ActivityStartedDetails struct {
	WorkerName string `json:"workerName,omitempty"`
}

// LambdaScheduledDetails are the details of LambdaFunctionScheduled.
type LambdaScheduledDetails struct {
	Resource         string     `json:"resource"`
	Input            string     `json:"input"`
	InputDetails     Truncation `json:"inputDetails"`
	TimeoutInSeconds int64      `json:"timeoutInSeconds,omitempty"`
}
