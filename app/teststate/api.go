// Package teststate answers AWS Step Functions TestState API requests
// locally: one state of a definition runs once, with its task mocked, and
// the answer has the API's shape (status, output, error, cause, nextState,
// inspectionData at the requested level). It is headless and binds as one
// function: Run(Request) → Response.
package teststate

import "encoding/json"

// Request is a TestState request in the API's JSON shape. Definition,
// Input, Variables and Context are JSON documents; the API sends them as
// strings, and an object is taken as well (the corpus records them so).
type Request struct {
	Definition         json.RawMessage     `json:"definition"`
	RoleArn            string              `json:"roleArn,omitempty"` // ignored: nothing runs in AWS
	Input              json.RawMessage     `json:"input,omitempty"`
	InspectionLevel    string              `json:"inspectionLevel,omitempty"` // INFO (default), DEBUG, TRACE
	RevealSecrets      bool                `json:"revealSecrets,omitempty"`
	StateName          string              `json:"stateName,omitempty"`
	Variables          json.RawMessage     `json:"variables,omitempty"`
	Context            json.RawMessage     `json:"context,omitempty"`
	Mock               *Mock               `json:"mock,omitempty"`
	StateConfiguration *StateConfiguration `json:"stateConfiguration,omitempty"`
}

// Mock stands in for the state's task: a result (a JSON document as a
// string) or an error.
type Mock struct {
	Result              *string      `json:"result,omitempty"`
	ErrorOutput         *MockedError `json:"errorOutput,omitempty"`
	FieldValidationMode string       `json:"fieldValidationMode,omitempty"` // STRICT (default), PRESENT, NONE
}

// MockedError is the error a mocked task raises.
type MockedError struct {
	Error string `json:"error"`
	Cause string `json:"cause"`
}

// StateConfiguration places the state inside a run: how often it was
// retried, how many Map iterations failed, which inner state raised the
// mocked error, the items an ItemReader would read.
type StateConfiguration struct {
	RetrierRetryCount        *int64          `json:"retrierRetryCount,omitempty"`
	ErrorCausedByState       string          `json:"errorCausedByState,omitempty"`
	MapIterationFailureCount *int64          `json:"mapIterationFailureCount,omitempty"`
	MapItemReaderData        json.RawMessage `json:"mapItemReaderData,omitempty"`
}

// Statuses of a response.
const (
	Succeeded   = "SUCCEEDED"
	Failed      = "FAILED"
	Retriable   = "RETRIABLE"
	CaughtError = "CAUGHT_ERROR"
)

// Inspection levels.
const (
	Info  = "INFO"
	Debug = "DEBUG"
	Trace = "TRACE"
)

// Response is TestState's answer. JSON values are strings holding JSON
// text, as the API returns them.
type Response struct {
	Status         string          `json:"status"`
	Output         *string         `json:"output,omitempty"`
	Error          string          `json:"error,omitempty"`
	Cause          string          `json:"cause,omitempty"`
	NextState      string          `json:"nextState,omitempty"`
	InspectionData *InspectionData `json:"inspectionData,omitempty"`
}

// InspectionData is the value after each processing step (DEBUG and
// TRACE).
type InspectionData struct {
	Input                      *string       `json:"input,omitempty"`
	AfterInputPath             *string       `json:"afterInputPath,omitempty"`
	AfterParameters            *string       `json:"afterParameters,omitempty"`
	AfterArguments             *string       `json:"afterArguments,omitempty"`
	AfterItemsPath             *string       `json:"afterItemsPath,omitempty"`
	AfterItemSelector          *string       `json:"afterItemSelector,omitempty"` // a Map's iteration inputs, when it has an ItemSelector
	AfterItemBatcher           *string       `json:"afterItemBatcher,omitempty"`  // a Map's batches, when it has an ItemBatcher
	Request                    *HTTPRequest  `json:"request,omitempty"`           // an HTTP Task's, at TRACE
	Response                   *HTTPResponse `json:"response,omitempty"`          // an HTTP Task's, at TRACE
	Result                     *string       `json:"result,omitempty"`
	AfterResultSelector        *string       `json:"afterResultSelector,omitempty"`
	AfterResultPath            *string       `json:"afterResultPath,omitempty"`
	Variables                  *string       `json:"variables,omitempty"`
	MaxConcurrency             *int64        `json:"maxConcurrency,omitempty"`
	ToleratedFailureCount      *int64        `json:"toleratedFailureCount,omitempty"`
	ToleratedFailurePercentage *float64      `json:"toleratedFailurePercentage,omitempty"`
	ErrorDetails               *ErrorDetails `json:"errorDetails,omitempty"`
}

// ErrorDetails says which retrier or catcher matched the error.
type ErrorDetails struct {
	CatchIndex                  *int   `json:"catchIndex,omitempty"`
	RetryIndex                  *int   `json:"retryIndex,omitempty"`
	RetryBackoffIntervalSeconds *int64 `json:"retryBackoffIntervalSeconds,omitempty"`
}

// APIError is a request AWS refuses, in the shape its SDKs print.
type APIError struct {
	Code    string `json:"Code"` // ValidationException, InvalidDefinition, ...
	Message string `json:"Message"`
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

func validation(format string, a ...any) *APIError {
	return &APIError{Code: "ValidationException", Message: sprintf(format, a...)}
}

func invalidDefinition(format string, a ...any) *APIError {
	return &APIError{Code: "InvalidDefinition", Message: sprintf(format, a...)}
}
