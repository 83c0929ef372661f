package endpoint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDataSurvivesRestart: with a data folder, state machines, tags,
// finished executions and their histories are there after a restart, and
// an execution that was waiting for a callback goes on (redriven from the
// state it was in, asking for a new token).
func TestDataSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	s1, err := New(Options{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	arn := createMachine(t, s1, "keep", passDef)
	mustCall(t, s1, "TagResource", map[string]any{"resourceArn": arn, "tags": []map[string]string{{"key": "k", "value": "v"}}})
	done := mustCall(t, s1, "StartExecution", map[string]any{"stateMachineArn": arn, "name": "done"}).str("executionArn")
	waitStatus(t, s1, done)
	cb := createMachine(t, s1, "cb", callbackDef)
	waiting := mustCall(t, s1, "StartExecution", map[string]any{"stateMachineArn": cb, "name": "waiting"}).str("executionArn")
	oldToken := waitToken(t, s1)
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := newTestServer(t, Options{Data: dir})
	if d := mustCall(t, s2, "DescribeStateMachine", map[string]any{"stateMachineArn": arn}); d.str("definition") != passDef {
		t.Fatal(d.Body)
	}
	tags := mustCall(t, s2, "ListTagsForResource", map[string]any{"resourceArn": arn})
	if len(tags.Body["tags"].([]any)) != 1 {
		t.Fatal(tags.Body)
	}
	if d := mustCall(t, s2, "DescribeExecution", map[string]any{"executionArn": done}); d.str("status") != "SUCCEEDED" || d.str("output") != `{"x":1}` {
		t.Fatal(d.Body)
	}
	h := mustCall(t, s2, "GetExecutionHistory", map[string]any{"executionArn": done})
	if n := len(h.Body["events"].([]any)); n != 6 {
		t.Fatalf("%d events after restart", n)
	}
	d := mustCall(t, s2, "DescribeExecution", map[string]any{"executionArn": waiting})
	if d.str("status") != "RUNNING" || d.Body["redriveCount"].(float64) != 1 {
		t.Fatalf("interrupted execution: %v", d.Body)
	}
	waitToken(t, s2) // the resumed run asks again...
	// ...and the token the worker got before the restart answers it.
	mustCall(t, s2, "SendTaskSuccess", map[string]any{"taskToken": oldToken, "output": `{"late":true}`})
	if d := waitStatus(t, s2, waiting); d.str("status") != "SUCCEEDED" {
		t.Fatal(d.Body)
	}
	h = mustCall(t, s2, "GetExecutionHistory", map[string]any{"executionArn": waiting})
	var types []string
	for _, e := range h.Body["events"].([]any) {
		m := e.(map[string]any)
		types = append(types, m["type"].(string))
		if fd, ok := m["executionFailedEventDetails"].(map[string]any); ok && !strings.Contains(fd["cause"].(string), "stopped") {
			t.Errorf("cause %v", fd)
		}
	}
	got := strings.Join(types, " ")
	if !strings.Contains(got, "ExecutionFailed ExecutionRedriven") || !strings.HasSuffix(got, "ExecutionSucceeded") {
		t.Fatalf("history: %s", got)
	}
}

// TestDataFolderRefusals: a damaged database or a link in its place is
// refused with an error, never a panic, and never followed.
func TestDataFolderRefusals(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, storeFile), strings.Repeat("not a database ", 1000))
	if s, err := New(Options{Data: dir}); err == nil {
		s.Close()
		t.Fatal("a damaged serve.db was opened")
	}
	dir2 := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere.db")
	writeFile(t, target, "")
	if err := os.Symlink(target, filepath.Join(dir2, storeFile)); err != nil {
		t.Skip(err)
	}
	if s, err := New(Options{Data: dir2}); err == nil {
		s.Close()
		t.Fatal("serve.db as a symbolic link was followed")
	}
}

// TestCrashKeepsTokens: a server that dies without Close (its database
// copied while it runs) leaves the execution and its waiting token; the
// next start resumes the run and the old token answers it.
func TestCrashKeepsTokens(t *testing.T) {
	dir := t.TempDir()
	s1 := newTestServer(t, Options{Data: dir})
	cb := createMachine(t, s1, "cb", callbackDef)
	ex := mustCall(t, s1, "StartExecution", map[string]any{"stateMachineArn": cb, "name": "crash"}).str("executionArn")
	tok := waitToken(t, s1)
	crashed := t.TempDir()
	b, err := os.ReadFile(filepath.Join(dir, storeFile))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(crashed, storeFile), string(b))

	s2 := newTestServer(t, Options{Data: crashed})
	waitToken(t, s2)
	mustCall(t, s2, "SendTaskSuccess", map[string]any{"taskToken": tok, "output": `{"ok":1}`})
	if d := waitStatus(t, s2, ex); d.str("status") != "SUCCEEDED" || d.str("output") != `{"ok":1}` {
		t.Fatal(d.Body)
	}
	// The history saved when the token was handed out is kept: the run
	// went on from the waiting task (one TaskStateEntered before the
	// redrive, one after), not from a made-up start.
	var types []string
	for _, e := range mustCall(t, s2, "GetExecutionHistory", map[string]any{"executionArn": ex}).Body["events"].([]any) {
		types = append(types, e.(map[string]any)["type"].(string))
	}
	got := strings.Join(types, " ")
	if !strings.HasPrefix(got, "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted") || !strings.Contains(got, "ExecutionFailed ExecutionRedriven") {
		t.Fatal(got)
	}
}

// TestActivityTokenSurvivesRestart: a worker that took an activity task
// before the server stopped answers it afterwards with the same token.
func TestActivityTokenSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	s1, err := New(Options{Data: dir, PollTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	act := mustCall(t, s1, "CreateActivity", map[string]any{"name": "work"}).str("activityArn")
	arn := createMachine(t, s1, "acts", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"`+act+`","End":true}}}`)
	ex := mustCall(t, s1, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"n":1}`}).str("executionArn")
	task := mustCall(t, s1, "GetActivityTask", map[string]any{"activityArn": act, "workerName": "w1"})
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := newTestServer(t, Options{Data: dir})
	deadline := time.Now().Add(5 * time.Second)
	for {
		a := call(t, s2, "SendTaskSuccess", map[string]any{"taskToken": task.str("taskToken"), "output": `{"done":1}`})
		if a.Status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the old token never answered: %v", a.Body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d := waitStatus(t, s2, ex); d.str("status") != "SUCCEEDED" || d.str("output") != `{"done":1}` {
		t.Fatal(d.Body)
	}
}
