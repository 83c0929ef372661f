package endpoint

import (
	"strings"
	"testing"
	"time"
)

func TestStartDescribeHistory(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "m", passDef)
	st := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "name": "run1", "input": `{"a":1}`})
	execArn := st.str("executionArn")
	if execArn != "arn:aws:states:us-east-1:123456789012:execution:m:run1" {
		t.Fatalf("arn %q", execArn)
	}
	d := waitStatus(t, s, execArn)
	if d.str("status") != "SUCCEEDED" || d.str("output") != `{"x":1}` || d.str("input") != `{"a":1}` || d.Body["stopDate"] == nil {
		t.Fatalf("%v", d.Body)
	}
	h := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": execArn})
	evs := h.Body["events"].([]any)
	types := []string{}
	for _, e := range evs {
		m := e.(map[string]any)
		types = append(types, m["type"].(string))
		if _, ok := m["timestamp"].(float64); !ok {
			t.Fatalf("timestamp is not epoch seconds: %v", m["timestamp"])
		}
	}
	want := "ExecutionStarted PassStateEntered PassStateExited PassStateEntered PassStateExited ExecutionSucceeded"
	if strings.Join(types, " ") != want {
		t.Fatalf("%v", types)
	}
	rev := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": execArn, "reverseOrder": true, "maxResults": 2})
	revEvs := rev.Body["events"].([]any)
	if len(revEvs) != 2 || revEvs[0].(map[string]any)["type"] != "ExecutionSucceeded" || rev.str("nextToken") == "" {
		t.Fatalf("%v", rev.Body)
	}
	noData := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": execArn, "includeExecutionData": false})
	first := noData.Body["events"].([]any)[0].(map[string]any)["executionStartedEventDetails"].(map[string]any)
	if _, kept := first["input"]; kept || first["roleArn"] == nil {
		t.Errorf("includeExecutionData false: %v", first)
	}
}

func TestStartExecutionRules(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "m", `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}`)
	first := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "name": "same", "input": "{}"})
	cases := []struct {
		name    string
		in      map[string]any
		errType string
		msg     string
	}{
		{"same name and input while running", map[string]any{"stateMachineArn": arn, "name": "same", "input": "{}"}, "", ""},
		{"same name, other input", map[string]any{"stateMachineArn": arn, "name": "same", "input": `{"b":2}`}, errExecAlreadyExists,
			"Execution Already Exists: '" + first.str("executionArn") + "'"},
		{"input not JSON", map[string]any{"stateMachineArn": arn, "input": "not json"}, errInvalidInput, "Invalid State Machine Execution Input: "},
		{"bad name", map[string]any{"stateMachineArn": arn, "name": "a/b"}, errInvalidName, "Invalid Name: 'a/b'"},
		{"no machine", map[string]any{"stateMachineArn": arn + "x"}, errSMDoesNotExist, "State Machine Does Not Exist: '" + arn + "x'"},
		{"not a machine arn", map[string]any{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:activity:a"}, errInvalidArn, ""},
		{"sync on standard", nil, errSMTypeNotSupported, "This operation is not supported by this type of state machine"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a answer
			if c.in == nil {
				a = call(t, s, "StartSyncExecution", map[string]any{"stateMachineArn": arn})
			} else {
				a = call(t, s, "StartExecution", c.in)
			}
			if c.errType == "" {
				if a.Status != 200 || a.str("executionArn") != first.str("executionArn") {
					t.Fatalf("%v", a.Body)
				}
				return
			}
			if a.errType() != c.errType || !strings.Contains(a.str("message"), c.msg) {
				t.Fatalf("%s %q", a.errType(), a.str("message"))
			}
		})
	}
	stop := mustCall(t, s, "StopExecution", map[string]any{"executionArn": first.str("executionArn"), "error": "E", "cause": "C"})
	if stop.Body["stopDate"] == nil {
		t.Fatal(stop.Body)
	}
	d := mustCall(t, s, "DescribeExecution", map[string]any{"executionArn": first.str("executionArn")})
	if d.str("status") != "ABORTED" || d.str("error") != "E" || d.str("cause") != "C" {
		t.Fatalf("%v", d.Body)
	}
	l := mustCall(t, s, "ListExecutions", map[string]any{"stateMachineArn": arn, "statusFilter": "ABORTED"})
	if n := len(l.Body["executions"].([]any)); n != 1 {
		t.Fatalf("%d aborted listed", n)
	}
	bad := call(t, s, "ListExecutions", map[string]any{"stateMachineArn": arn, "statusFilter": "succeeded"})
	if bad.errType() != errValidation {
		t.Fatal(bad.Body)
	}
}

func TestStartSyncExpress(t *testing.T) {
	s := newTestServer(t, Options{})
	a := mustCall(t, s, "CreateStateMachine", map[string]any{"name": "ex", "definition": passDef, "roleArn": role, "type": "EXPRESS"})
	r := mustCall(t, s, "StartSyncExecution", map[string]any{"stateMachineArn": a.str("stateMachineArn"), "input": "{}"})
	if r.str("status") != "SUCCEEDED" || r.str("output") != `{"x":1}` || !strings.Contains(r.str("executionArn"), ":express:ex:") {
		t.Fatalf("%v", r.Body)
	}
	d := call(t, s, "DescribeExecution", map[string]any{"executionArn": r.str("executionArn")})
	if d.errType() != errInvalidArn {
		t.Fatalf("%v", d.Body)
	}
}

const callbackDef = `{"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}`

func TestCallbackTokens(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "cb", callbackDef)
	for _, c := range []struct {
		name   string
		answer func(token string) answer
		status string
	}{
		{"success", func(tok string) answer {
			return call(t, s, "SendTaskSuccess", map[string]any{"taskToken": tok, "output": `{"ok":true}`})
		}, "SUCCEEDED"},
		{"failure", func(tok string) answer {
			return call(t, s, "SendTaskFailure", map[string]any{"taskToken": tok, "error": "Boom", "cause": "why"})
		}, "FAILED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn")
			tok := waitToken(t, s)
			if hb := call(t, s, "SendTaskHeartbeat", map[string]any{"taskToken": tok}); hb.Status != 200 {
				t.Fatal(hb.Body)
			}
			if a := c.answer(tok); a.Status != 200 {
				t.Fatal(a.Body)
			}
			d := waitStatus(t, s, ex)
			if d.str("status") != c.status {
				t.Fatalf("%v", d.Body)
			}
			again := call(t, s, "SendTaskSuccess", map[string]any{"taskToken": tok, "output": "{}"})
			if again.errType() != errTaskTimedOut {
				t.Fatalf("answer after the end: %v", again.Body)
			}
		})
	}
	unknown := call(t, s, "SendTaskSuccess", map[string]any{"taskToken": "nope", "output": "{}"})
	if unknown.errType() != errInvalidToken {
		t.Fatal(unknown.Body)
	}
}

// waitToken waits for the one pending callback and returns its token.
func waitToken(t *testing.T, s *Server) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if ps := s.PendingTasks(); len(ps) == 1 {
			return ps[0].Token
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("no pending task")
	return ""
}

func TestMockTestCase(t *testing.T) {
	dir := t.TempDir()
	mockFile := dir + "/mocks.json"
	writeFile(t, mockFile, `{"StateMachines":{"cb":{"TestCases":{"Happy":{"Wait":"R"}}}},"MockedResponses":{"R":{"0":{"Return":{"mocked":1}}}}}`)
	s := newTestServer(t, Options{MockConfig: mockFile})
	arn := createMachine(t, s, "cb", callbackDef)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn + "#Happy"}).str("executionArn")
	d := waitStatus(t, s, ex)
	if d.str("status") != "SUCCEEDED" || d.str("output") != `{"mocked":1}` {
		t.Fatalf("%v", d.Body)
	}
	bad := call(t, s, "StartExecution", map[string]any{"stateMachineArn": arn + "#Nope"})
	if bad.Status != 400 {
		t.Fatal(bad.Body)
	}
}
