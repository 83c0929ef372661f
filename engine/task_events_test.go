package engine_test

import (
	"context"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// Task events name the resource as AWS does, from the parsed Resource.
func TestTaskEventsNameTheResource(t *testing.T) {
	tests := []struct {
		resource, typ, res string
	}{
		{"arn:aws:states:::lambda:invoke", "lambda", "invoke"},
		{"arn:aws:states:::sqs:sendMessage.waitForTaskToken", "sqs", "sendMessage.waitForTaskToken"},
		// Recorded by AWS (corpus api/test_callback).
		{"arn:aws:states:::states:startExecution.sync", "states", "startExecution.sync"},
		{"arn:aws:states:::states:startExecution.sync:2", "states", "startExecution.sync:2"},
		{"arn:aws:states:::aws-sdk:s3:getObject", "aws-sdk", "s3:getObject"},
	}
	answer := engine.InvokerFunc(func(context.Context, engine.TaskRequest) (any, error) { return "ok", nil })
	for _, tt := range tests {
		m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"`+tt.resource+`","End":true}}}`)
		res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(answer))
		if err != nil || res.Status != engine.StatusSucceeded {
			t.Fatalf("%s: %v %s", tt.resource, err, res.Status)
		}
		var d *engine.TaskScheduledDetails
		for _, e := range res.Events {
			if e.TaskScheduledEventDetails != nil {
				d = e.TaskScheduledEventDetails
			}
		}
		if d == nil || d.ResourceType != tt.typ || d.Resource != tt.res {
			t.Errorf("%s: TaskScheduled %+v, want %s %s", tt.resource, d, tt.typ, tt.res)
		}
	}
	m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}`)
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(answer))
	if err != nil || len(res.Events) < 3 || res.Events[2].LambdaFunctionScheduledEventDetails == nil {
		t.Fatalf("a function ARN: %v %+v", err, res.Events)
	}
}
