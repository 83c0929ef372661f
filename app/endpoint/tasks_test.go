package endpoint

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
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

// TestLambdaEndpoint: Step Functions Local's LAMBDA_ENDPOINT: Lambda
// tasks, both forms, go to a Lambda-compatible endpoint.
func TestLambdaEndpoint(t *testing.T) {
	var paths []string
	var mu sync.Mutex
	lambda := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		b, _ := io.ReadAll(r.Body)
		_, _ = w.Write([]byte(`{"got":` + string(b) + `}`))
	}))
	defer lambda.Close()
	s := newTestServer(t, Options{LambdaEndpoint: lambda.URL})
	arn := createMachine(t, s, "lam", `{"StartAt":"Direct","States":{
	 "Direct":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:first","Next":"Optimized"},
	 "Optimized":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"second","Payload.$":"$"},"ResultSelector":{"p.$":"$.Payload"},"End":true}}}`)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"n":1}`}).str("executionArn")
	d := waitStatus(t, s, ex)
	if d.str("status") != "SUCCEEDED" || d.str("output") != `{"p":{"got":{"got":{"n":1}}}}` {
		t.Fatal(d.Body)
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(paths, " ") != "/2015-03-31/functions/first/invocations /2015-03-31/functions/second/invocations" {
		t.Fatal(paths)
	}
}

// TestWaitScale: Step Functions Local's WAIT_TIME_SCALE: a 20 s Wait
// takes a fraction of it, and the history keeps the 20 s.
func TestWaitScale(t *testing.T) {
	s := newTestServer(t, Options{WaitScale: 0.001})
	arn := createMachine(t, s, "w", `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":20,"End":true}}}`)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn")
	if d := waitStatus(t, s, ex); d.str("status") != "SUCCEEDED" {
		t.Fatal(d.Body)
	}
	evs := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": ex}).Body["events"].([]any)
	first := evs[0].(map[string]any)["timestamp"].(float64)
	last := evs[len(evs)-1].(map[string]any)["timestamp"].(float64)
	if last-first < 19.9 {
		t.Fatalf("history spans %.3f s, want 20", last-first)
	}
	if _, err := New(Options{WaitScale: -1}); err == nil {
		t.Fatal("a negative scale was accepted")
	}
}
