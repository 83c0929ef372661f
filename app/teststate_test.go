package app

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/teststate"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// The binding tests a state of the open document: the definition is the
// text (JSON or YAML), the request's JSON fields are the user's text, and
// AWS's refusals come back as a result, never as an error.
func TestTestStateBinding(t *testing.T) {
	yamlText := exampleAsYAML(t)
	str := func(s string) *string { return &s }
	n := func(i int64) *int64 { return &i }
	cases := []struct {
		name, text, state string
		req               TestStateRequest
		// want: "STATUS next" or "refused CODE"; stage: an inspection value.
		want, stage string
	}{
		{"mocked result goes on", "", "Validate order", TestStateRequest{
			Input: `{"orderId":"o-1"}`, InspectionLevel: "DEBUG",
			Mock: &teststate.Mock{Result: str(`{"Payload":{"valid":true,"total":12}}`)},
		}, "SUCCEEDED Is the order valid?", `{"orderId":"o-1","validation":{"valid":true,"total":12}}`},
		{"the same from YAML", yamlText, "Validate order", TestStateRequest{
			Input: `{"orderId":"o-1"}`, InspectionLevel: "DEBUG",
			Mock: &teststate.Mock{Result: str(`{"Payload":{"valid":true,"total":12}}`)},
		}, "SUCCEEDED Is the order valid?", `{"orderId":"o-1","validation":{"valid":true,"total":12}}`},
		{"a retried error", "", "Validate order", TestStateRequest{
			Input: `{}`, InspectionLevel: "DEBUG", RetrierRetryCount: n(0),
			Mock: &teststate.Mock{ErrorOutput: &teststate.MockedError{Error: "Lambda.ServiceException", Cause: "down"}},
		}, "RETRIABLE ", ""},
		{"an error nothing takes", "", "Validate order", TestStateRequest{
			Input: `{}`, Mock: &teststate.Mock{ErrorOutput: &teststate.MockedError{Error: "States.TaskFailed", Cause: "boom"}},
		}, "FAILED ", ""},
		{"a choice", "", "Is the order valid?", TestStateRequest{Input: `{"validation":{"valid":false}}`}, "SUCCEEDED Reject order", ""},
		{"no such state", "", "Nope", TestStateRequest{}, "refused ValidationException", ""},
		{"input not JSON", "", "Is the order valid?", TestStateRequest{Input: `{"a":`}, "refused ValidationException", ""},
		{"YAML that does not parse", "a: [\n", "X", TestStateRequest{}, "refused InvalidDefinition", ""},
	}
	s := NewStudio()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := c.text
			if text == "" {
				text = string(exampleDefinition)
			}
			got, err := s.TestState(text, c.state, c.req)
			if err != nil {
				t.Fatalf("error %v: refusals must be results", err)
			}
			if len(got.Request) == 0 || strings.Contains(string(got.Request), "definition") {
				t.Errorf("request shown: %s", got.Request)
			}
			var summary string
			switch {
			case got.Refused != nil:
				summary = "refused " + got.Refused.Code
			case got.Response != nil:
				summary = got.Response.Status + " " + got.Response.NextState
			}
			if summary != c.want {
				t.Fatalf("got %q (%+v), want %q", summary, got.Refused, c.want)
			}
			if c.stage != "" {
				d := got.Response.InspectionData
				if d == nil || d.AfterResultPath == nil || !sameJSON(*d.AfterResultPath, c.stage) {
					t.Errorf("afterResultPath %v, want %s", d, c.stage)
				}
			}
		})
	}
}

// The API takes JSON documents as strings; the built request says so.
func TestTestStateRequestShape(t *testing.T) {
	n := int64(1)
	req, err := testStateRequest(string(exampleDefinition), "Validate order", TestStateRequest{Input: `{"a":1}`, RetrierRetryCount: &n})
	if err != nil {
		t.Fatal(err)
	}
	if string(req.Input) != `"{\"a\":1}"` || req.Variables != nil || req.StateConfiguration == nil || *req.StateConfiguration.RetrierRetryCount != 1 {
		t.Errorf("request %+v", req)
	}
	req, _ = testStateRequest(string(exampleDefinition), "Validate order", TestStateRequest{})
	if req.StateConfiguration != nil {
		t.Errorf("no counts given, yet a stateConfiguration: %+v", req.StateConfiguration)
	}
}

func exampleAsYAML(t *testing.T) string {
	t.Helper()
	doc, err := asl.Parse("x.json", exampleDefinition)
	if err != nil {
		t.Fatal(err)
	}
	// JSON is YAML; a flow-style document detected as YAML needs a
	// leading non-brace, so write it as a one-key block.
	b, err := jsonvalue.Marshal(doc.Root.Value())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, k := range []string{"Comment", "StartAt", "States"} {
		sb.WriteString(k + ": " + string(m[k]) + "\n")
	}
	return sb.String()
}

func sameJSON(a, b string) bool {
	var x, y any
	return json.Unmarshal([]byte(a), &x) == nil && json.Unmarshal([]byte(b), &y) == nil && jsonvalue.Equal(x, y)
}
