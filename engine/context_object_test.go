package engine_test

import (
	"context"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// TestWithContextObject: given parts replace the context object's own
// whole (an empty State stays empty), and a callback task takes the given
// token.
func TestWithContextObject(t *testing.T) {
	m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"token.$":"$$.Task.Token","exec.$":"$$.Execution.Name","state.$":"$$.State","sm.$":"$$.StateMachine.Name"},"End":true}}}`)
	inv := engine.InvokerFunc(func(_ context.Context, req engine.TaskRequest) (any, error) {
		if req.TaskToken != "tok-1" {
			t.Errorf("TaskToken = %q, want tok-1", req.TaskToken)
		}
		return req.Input, nil
	})
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(inv), engine.WithContextObject(map[string]any{
		"Execution": map[string]any{"Name": "given"},
		"State":     map[string]any{},
		"Task":      map[string]any{"Token": "tok-1"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	got := engine.EncodeJSON(res.Output)
	const want = `{"token":"tok-1","exec":"given","state":{},"sm":"test"}`
	if res.Status != engine.StatusSucceeded || got != want {
		t.Fatalf("%s %s, want %s", res.Status, got, want)
	}
}
