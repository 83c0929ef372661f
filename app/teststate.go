package app

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/stepstudio/stepstudio/app/teststate"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// TestStateRequest is a TestState request without its definition (the
// open document is the definition): the JSON documents as the text the
// user typed, "" when not given.
type TestStateRequest struct {
	Input           string `json:"input"`
	Variables       string `json:"variables"`
	Context         string `json:"context"`
	InspectionLevel string `json:"inspectionLevel"`
	// Mock stands in for a Task's work, a Map's or a Parallel's result.
	Mock *teststate.Mock `json:"mock,omitempty"`
	// Counts are nil when not given.
	RetrierRetryCount        *int64 `json:"retrierRetryCount,omitempty"`
	ErrorCausedByState       string `json:"errorCausedByState,omitempty"`
	MapIterationFailureCount *int64 `json:"mapIterationFailureCount,omitempty"`
	MapItemReaderData        string `json:"mapItemReaderData,omitempty"`
}

// TestStateResult is TestState's answer, or why AWS would refuse the
// request (Refused, with its code and message): a refusal is something to
// show the user, not a failure of the call.
type TestStateResult struct {
	Response *teststate.Response `json:"response,omitempty"`
	Refused  *teststate.APIError `json:"refused,omitempty"`
	// Request is the API request as sent, for developers (the definition
	// left out: it is the open document).
	Request json.RawMessage `json:"request"`
}

// TestState tests the state stateName of the definition text (JSON or
// YAML, as the editor holds it) as AWS's TestState API would.
func (s *Studio) TestState(text, stateName string, r TestStateRequest) (TestStateResult, error) {
	req, err := testStateRequest(text, stateName, r)
	if err != nil {
		return refused(req, err)
	}
	resp, err := teststate.Run(s.ctx, req)
	if err != nil {
		return refused(req, err)
	}
	return TestStateResult{Response: resp, Request: shown(req)}, nil
}

// refused turns AWS's refusals into a result; any other error is a fault.
func refused(req teststate.Request, err error) (TestStateResult, error) {
	var api *teststate.APIError
	if errors.As(err, &api) {
		return TestStateResult{Refused: api, Request: shown(req)}, nil
	}
	return TestStateResult{}, err
}

// shown is the request as the API takes it, without the definition.
func shown(req teststate.Request) json.RawMessage {
	req.Definition = nil
	b, err := json.Marshal(req)
	if err != nil {
		return json.RawMessage("null")
	}
	// Definition is the struct's first field and has no omitempty.
	if rest, ok := bytes.CutPrefix(b, []byte(`{"definition":null,`)); ok {
		return append([]byte("{"), rest...)
	}
	return b
}

// testStateRequest builds the API request: JSON documents go as strings,
// as the API sends them; YAML definitions are converted to JSON with their
// key order kept.
func testStateRequest(text, stateName string, r TestStateRequest) (teststate.Request, error) {
	req := teststate.Request{
		StateName:       stateName,
		InspectionLevel: r.InspectionLevel,
		Input:           jsonString(r.Input),
		Variables:       jsonString(r.Variables),
		Context:         jsonString(r.Context),
		Mock:            r.Mock,
	}
	if r.RetrierRetryCount != nil || r.ErrorCausedByState != "" || r.MapIterationFailureCount != nil || r.MapItemReaderData != "" {
		req.StateConfiguration = &teststate.StateConfiguration{
			RetrierRetryCount:        r.RetrierRetryCount,
			ErrorCausedByState:       r.ErrorCausedByState,
			MapIterationFailureCount: r.MapIterationFailureCount,
			MapItemReaderData:        jsonString(r.MapItemReaderData),
		}
	}
	def := []byte(text)
	if asl.DetectFormat("", def) == asl.YAML {
		doc, err := asl.ParseFormat("", def, asl.YAML)
		if err != nil {
			return req, &teststate.APIError{Code: "InvalidDefinition", Message: err.Error()}
		}
		if def, err = jsonvalue.Marshal(doc.Root.Value()); err != nil {
			return req, &teststate.APIError{Code: "InvalidDefinition", Message: err.Error()}
		}
	}
	req.Definition = jsonString(string(def))
	return req, nil
}

// jsonString is text as a JSON string, nil for "".
func jsonString(text string) json.RawMessage {
	if text == "" {
		return nil
	}
	b, _ := json.Marshal(text) // a string always marshals
	return b
}
