package teststate

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestShapeTableParses(t *testing.T) {
	tab, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	for op, root := range tab.Operations {
		if _, ok := tab.Shapes[root]; !ok {
			t.Errorf("%s: shape %s missing", op, root)
		}
	}
	for _, op := range []string{"lambda:invoke", "states:startExecution", "events:putEvents", "dynamodb:getItem", "sqs:sendMessage"} {
		if _, ok := tab.Operations[op]; !ok {
			t.Errorf("no shape for %s", op)
		}
	}
}

// TestFieldValidation: a mocked states:startExecution result (ExecutionArn
// and StartDate required) under each mode.
func TestFieldValidation(t *testing.T) {
	const def = `{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"arn"},"End":true}`
	tests := []struct {
		name, mode, result, wantErr string
	}{
		{"strict ok", "STRICT", `{"ExecutionArn":"a","StartDate":"2025-01-01T00:00:00Z"}`, ""},
		{"strict default", "", `{"ExecutionArn":"a"}`, "result.StartDate is required"},
		{"strict unknown field passes", "STRICT", `{"ExecutionArn":"a","StartDate":1,"extra":true}`, ""},
		{"strict wrong type", "STRICT", `{"ExecutionArn":7,"StartDate":1}`, "result.ExecutionArn must be a string"},
		{"present missing ok", "PRESENT", `{}`, ""},
		{"present wrong timestamp", "PRESENT", `{"StartDate":true}`, "result.StartDate must be a timestamp"},
		{"none anything", "NONE", `{"StartDate":true}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.result
			req := Request{Definition: json.RawMessage(def), Mock: &Mock{Result: &res, FieldValidationMode: tt.mode}}
			_, err := Run(context.Background(), req)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
