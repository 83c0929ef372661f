package endpoint

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestActivityRoundTrip(t *testing.T) {
	s := newTestServer(t, Options{PollTimeout: 5 * time.Second})
	act := mustCall(t, s, "CreateActivity", map[string]any{"name": "work"}).str("activityArn")
	if act != "arn:aws:states:us-east-1:123456789012:activity:work" {
		t.Fatal(act)
	}
	if d := mustCall(t, s, "DescribeActivity", map[string]any{"activityArn": act}); d.str("name") != "work" {
		t.Fatal(d.Body)
	}
	def := `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + act + `","End":true}}}`
	arn := createMachine(t, s, "withact", def)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"n":7}`}).str("executionArn")
	task := mustCall(t, s, "GetActivityTask", map[string]any{"activityArn": act, "workerName": "w1"})
	if task.str("input") != `{"n":7}` || task.str("taskToken") == "" {
		t.Fatal(task.Body)
	}
	mustCall(t, s, "SendTaskSuccess", map[string]any{"taskToken": task.str("taskToken"), "output": `{"done":true}`})
	if d := waitStatus(t, s, ex); d.str("status") != "SUCCEEDED" || d.str("output") != `{"done":true}` {
		t.Fatal(d.Body)
	}
	l := mustCall(t, s, "ListActivities", map[string]any{})
	if n := len(l.Body["activities"].([]any)); n != 1 {
		t.Fatal(l.Body)
	}
	mustCall(t, s, "DeleteActivity", map[string]any{"activityArn": act})
	gone := call(t, s, "DescribeActivity", map[string]any{"activityArn": act})
	if gone.errType() != errActivityDoesNotExist || gone.str("message") != "Activity Does Not Exist: '"+act+"'" {
		t.Fatal(gone.Body)
	}
	if bad := call(t, s, "CreateActivity", map[string]any{"name": "a b"}); bad.errType() != errInvalidName {
		t.Fatal(bad.Body)
	}
}

func TestGetActivityTaskTimesOutEmpty(t *testing.T) {
	s := newTestServer(t, Options{PollTimeout: 50 * time.Millisecond})
	act := mustCall(t, s, "CreateActivity", map[string]any{"name": "idle"}).str("activityArn")
	a := mustCall(t, s, "GetActivityTask", map[string]any{"activityArn": act})
	if len(a.Body) != 0 {
		t.Fatalf("want {}, got %v", a.Body)
	}
}

// TestGetActivityTaskClientGoesAway: a poller whose client disconnects
// returns at once instead of holding its goroutine for 60 s.
func TestGetActivityTaskClientGoesAway(t *testing.T) {
	s := newTestServer(t, Options{})
	act := mustCall(t, s, "CreateActivity", map[string]any{"name": "idle"}).str("activityArn")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b, _ := json.Marshal(map[string]any{"activityArn": act})
		req := httptest.NewRequestWithContext(ctx, "POST", "http://127.0.0.1:8083/", strings.NewReader(string(b)))
		req.Header.Set("X-Amz-Target", targetPrefix+"GetActivityTask")
		req.Header.Set("Authorization", testAuth)
		s.ServeHTTP(httptest.NewRecorder(), req)
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the poll did not end when its client went away")
	}
}

// TestTwoHundredPollers: 200 workers long-poll one activity through a
// real HTTP server; 200 executions each give one of them a task, and
// every execution ends SUCCEEDED.
func TestTwoHundredPollers(t *testing.T) {
	if testing.Short() {
		t.Skip("200 connections")
	}
	s := newTestServer(t, Options{PollTimeout: 30 * time.Second})
	srv := httptest.NewServer(s)
	defer srv.Close()
	act := mustCall(t, s, "CreateActivity", map[string]any{"name": "busy"}).str("activityArn")
	arn := createMachine(t, s, "busy", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"`+act+`","End":true}}}`)
	const n = 200
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: 0}}
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var task map[string]any
			if err := post(client, srv.URL, "GetActivityTask", map[string]any{"activityArn": act, "workerName": "w"}, &task); err != nil {
				errs <- err
				return
			}
			tok, _ := task["taskToken"].(string)
			if tok == "" {
				errs <- &apiError{Type: "empty", Message: "worker " + string(rune('0'+i%10)) + " got no task"}
				return
			}
			if err := post(client, srv.URL, "SendTaskSuccess", map[string]any{"taskToken": tok, "output": task["input"]}, nil); err != nil {
				errs <- err
			}
		}()
	}
	time.Sleep(100 * time.Millisecond) // let the pollers wait first
	var execs []string
	for range n {
		execs = append(execs, mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn"))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, ex := range execs {
		if d := waitStatus(t, s, ex); d.str("status") != "SUCCEEDED" {
			t.Fatalf("%s: %v", ex, d.Body)
		}
	}
}

func post(c *http.Client, url, op string, in any, out any) error {
	b, _ := json.Marshal(in)
	req, _ := http.NewRequest("POST", url+"/", strings.NewReader(string(b)))
	req.Header.Set("X-Amz-Target", targetPrefix+op)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", testAuth)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		t, _ := body["__type"].(string)
		m, _ := body["message"].(string)
		return &apiError{Type: t, Message: m, Status: resp.StatusCode}
	}
	if out != nil {
		b, _ := json.Marshal(body)
		return json.Unmarshal(b, out)
	}
	return nil
}

// TestActivityShapes: a Task on an activity that is not there fails the
// run at once with AWS's States.Runtime; a poll naming no worker leaves
// workerName out; no TimeoutSeconds, no timeoutInSeconds.
func TestActivityShapes(t *testing.T) {
	s := newTestServer(t, Options{PollTimeout: 5 * time.Second})
	act := mustCall(t, s, "CreateActivity", map[string]any{"name": "a"}).str("activityArn")
	def := `{"StartAt":"ActivityTask","States":{"ActivityTask":{"Type":"Task","Resource":"` + act + `","End":true}}}`
	arn := createMachine(t, s, "acts", def)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"v":1}`}).str("executionArn")
	task := mustCall(t, s, "GetActivityTask", map[string]any{"activityArn": act})
	mustCall(t, s, "SendTaskSuccess", map[string]any{"taskToken": task.str("taskToken"), "output": `{"v":1}`})
	waitStatus(t, s, ex)
	evs := mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": ex}).Body["events"].([]any)
	sched := evs[2].(map[string]any)["activityScheduledEventDetails"].(map[string]any)
	started := evs[3].(map[string]any)["activityStartedEventDetails"].(map[string]any)
	if _, ok := sched["timeoutInSeconds"]; ok || len(started) != 0 {
		t.Fatalf("scheduled %v, started %v", sched, started)
	}

	mustCall(t, s, "DeleteActivity", map[string]any{"activityArn": act})
	ex2 := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn}).str("executionArn")
	d := waitStatus(t, s, ex2)
	want := "An error occurred while executing the state 'ActivityTask' (entered at the event id #2). The activity " + act + " does not exist."
	if d.str("status") != "FAILED" || d.str("error") != "States.Runtime" || d.str("cause") != want {
		t.Fatal(d.Body)
	}
	if n := len(mustCall(t, s, "GetExecutionHistory", map[string]any{"executionArn": ex2}).Body["events"].([]any)); n != 3 {
		t.Fatalf("%d events, want ExecutionStarted TaskStateEntered ExecutionFailed", n)
	}
}
