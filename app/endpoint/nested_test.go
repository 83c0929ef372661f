package endpoint

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStartExecutionIntegration: a workflow that starts a workflow
// (states:startExecution) runs the child here, as AWS recorded it in
// test_callback (test_start_execution_sync, _sync2, _delegate_failure).
func TestStartExecutionIntegration(t *testing.T) {
	s := newTestServer(t, Options{})
	child := createMachine(t, s, "child", `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"Arg1":"argument1"},"End":true}}}`)
	failing := createMachine(t, s, "failing", `{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"SomeFailure","Cause":"This state machines raises a 'SomeFailure' failure."}}}`)
	parent := func(resource string) string {
		return `{"StartAt":"StartExecution","States":{"StartExecution":{"Type":"Task","Resource":"arn:aws:states:::states:` + resource + `",
		 "Parameters":{"StateMachineArn.$":"$.StateMachineArn","Input.$":"$.Input","Name.$":"$.Name"},"End":true}}}`
	}
	cases := []struct {
		name, resource, target, status string
		check                          func(t *testing.T, out map[string]any)
	}{
		{"sync", "startExecution.sync", child, "SUCCEEDED", func(t *testing.T, out map[string]any) {
			if out["Output"] != `{"Arg1":"argument1"}` || out["Input"] != "{}" || out["Status"] != "SUCCEEDED" {
				t.Error(out)
			}
		}},
		{"sync2", "startExecution.sync:2", child, "SUCCEEDED", func(t *testing.T, out map[string]any) {
			if o, _ := out["Output"].(map[string]any); o["Arg1"] != "argument1" {
				t.Error(out)
			}
		}},
		{"request response", "startExecution", child, "SUCCEEDED", func(t *testing.T, out map[string]any) {
			if !strings.HasSuffix(out["ExecutionArn"].(string), ":child:target-request-response") || out["SdkHttpMetadata"] == nil {
				t.Error(out)
			}
		}},
		{"child fails", "startExecution.sync", failing, "FAILED", nil},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arn := createMachine(t, s, "parent"+string(rune('a'+i)), parent(c.resource))
			in, _ := json.Marshal(map[string]any{"StateMachineArn": c.target, "Input": nil, "Name": "target-" + strings.ReplaceAll(c.name, " ", "-")})
			ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": string(in)}).str("executionArn")
			d := waitStatus(t, s, ex)
			if d.str("status") != c.status {
				t.Fatal(d.Body)
			}
			evs := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": ex}).Body["events"].([]any)
			var types []string
			for _, e := range evs {
				types = append(types, e.(map[string]any)["type"].(string))
			}
			got := strings.Join(types, " ")
			switch {
			case c.status == "FAILED":
				if got != "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskSubmitted TaskFailed ExecutionFailed" || d.str("error") != "States.TaskFailed" {
					t.Fatalf("%s / %v", got, d.Body)
				}
				var cause map[string]any
				if err := json.Unmarshal([]byte(d.str("cause")), &cause); err != nil || cause["Error"] != "SomeFailure" || cause["Status"] != "FAILED" {
					t.Fatalf("cause %s", d.str("cause"))
				}
				return
			case c.resource == "startExecution":
				if got != "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskSucceeded TaskStateExited ExecutionSucceeded" {
					t.Fatal(got)
				}
			default:
				if got != "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskSubmitted TaskSucceeded TaskStateExited ExecutionSucceeded" {
					t.Fatal(got)
				}
			}
			var out map[string]any
			if err := json.Unmarshal([]byte(d.str("output")), &out); err != nil {
				t.Fatal(err)
			}
			c.check(t, out)
			if l := mustCall(t, s, "ListExecutions", map[string]any{"stateMachineArn": c.target}); len(l.Body["executions"].([]any)) == 0 {
				t.Fatal("the child is not listed")
			}
		})
	}
}
