package endpoint

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// TestHandlersAnswerTasks: a --handlers file binds a state to an HTTP
// handler; executions get its answer.
func TestHandlersAnswerTasks(t *testing.T) {
	h := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"echo":` + string(b) + `}`))
	}))
	defer h.Close()
	dir := t.TempDir()
	writeFile(t, dir+"/handlers.json", `{"handlers":[{"state":"Call","url":"`+h.URL+`"}]}`)
	s := newTestServer(t, Options{Handlers: dir + "/handlers.json"})
	arn := createMachine(t, s, "h", `{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}`)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"n":1}`}).str("executionArn")
	if d := waitStatus(t, s, ex); d.str("status") != "SUCCEEDED" || d.str("output") != `{"echo":{"n":1}}` {
		t.Fatal(d.Body)
	}
}

// TestPlainTaskWaitsForAnswer: a Task nothing answers waits, listed as
// pending with a token that SendTaskSuccess answers.
func TestPlainTaskWaitsForAnswer(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "plain", `{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}`)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn")
	tok := waitToken(t, s)
	if p := s.PendingTasks()[0]; p.Kind != "task" || p.State != "Call" || p.ExecutionArn != ex {
		t.Fatalf("%+v", p)
	}
	mustCall(t, s, "SendTaskFailure", map[string]any{"taskToken": tok, "error": "Nope", "cause": "by hand"})
	if d := waitStatus(t, s, ex); d.str("status") != "FAILED" || d.str("error") != "Nope" || d.str("cause") != "by hand" {
		t.Fatal(d.Body)
	}
}

func TestNewRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/bad.json", `{"StateMachines":`)
	for _, o := range []Options{{MockConfig: dir + "/bad.json"}, {Handlers: dir + "/bad.json"}, {MockConfig: dir + "/missing.json"}} {
		if s, err := New(o); err == nil {
			s.Close()
			t.Errorf("%+v accepted", o)
		}
	}
}

// TestAnswerByHandAndLiveEvents: the studio's hooks: every event as it
// is recorded, and a pending task answered by hand.
func TestAnswerByHandAndLiveEvents(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	s := newTestServer(t, Options{OnEvent: func(arn string, ev engine.Event) {
		mu.Lock()
		seen[arn]++
		mu.Unlock()
	}})
	arn := createMachine(t, s, "cb", callbackDef)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn")
	tok := waitToken(t, s)
	if err := s.AnswerTask(tok, "not json", "", ""); err == nil {
		t.Fatal("accepted output that is not JSON")
	}
	if err := s.AnswerTask(tok, `{"ok":1}`, "", ""); err != nil {
		t.Fatal(err)
	}
	d := waitStatus(t, s, ex)
	if d.str("status") != "SUCCEEDED" {
		t.Fatal(d.Body)
	}
	h := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": ex})
	mu.Lock()
	defer mu.Unlock()
	if n := len(h.Body["events"].([]any)); seen[ex] != n {
		t.Fatalf("observed %d events, history has %d", seen[ex], n)
	}
}
