package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/runs"
)

const testSigV4 = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=00"

// A task nothing answers waits for an answer by hand: the run's card.
const endpointFlow = `{"StartAt":"Prepare","States":{
 "Prepare":{"Type":"Pass","Result":{"order":7},"Next":"Charge"},
 "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},"End":true}}}`

// The same workflow as the open document might hold it: YAML, other order.
const endpointFlowYAML = `StartAt: Prepare
States:
  Charge:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters: {FunctionName: charge, Payload.$: $}
    End: true
  Prepare: {Type: Pass, Result: {order: 7}, Next: Charge}
`

func newTestEndpoint(t *testing.T) (*Endpoint, *Runs) {
	t.Helper()
	dir := t.TempDir()
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
	e := NewEndpoint(r)
	e.data = filepath.Join(dir, "endpoint")
	t.Cleanup(func() {
		_, _ = e.Stop()
		r.shutdown(context.Background())
	})
	return e, r
}

// call makes one Step Functions API call as an SDK would.
func call(t testing.TB, url, op string, in any, auth string) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(in)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "AWSStepFunctions."+op)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var out map[string]any
	_ = json.Unmarshal(body, &out)
	return res.StatusCode, out
}

func TestEndpointSwitchOnAndOff(t *testing.T) {
	e, _ := newTestEndpoint(t)
	if st := e.Status(); st.On || st.State != "off" || st.URL != "" {
		t.Fatalf("before Start: %+v", st)
	}
	st, err := e.Start(0)
	if err != nil || !st.On || st.Port == 0 || !strings.HasPrefix(st.URL, "http://127.0.0.1:") {
		t.Fatalf("Start: %+v %v", st, err)
	}
	if len(st.Env) == 0 || st.Env[0].Name != "AWS_ENDPOINT_URL_SFN" || st.Env[0].Value != st.URL {
		t.Errorf("env lines: %+v", st.Env)
	}
	// The same checks as `stepstudio serve`: no signature, no call.
	if code, _ := call(t, st.URL, "ListStateMachines", map[string]any{}, ""); code < 400 {
		t.Errorf("unsigned call answered %d", code)
	}
	if code, _ := call(t, st.URL, "ListStateMachines", map[string]any{}, testSigV4); code != 200 {
		t.Errorf("signed call answered %d", code)
	}
	if st := e.Status(); len(st.Requests) != 2 || st.Requests[0].Operation != "ListStateMachines" || st.Requests[0].Status != 200 {
		t.Errorf("request log: %+v", st.Requests)
	}
	// On twice is the same endpoint.
	if again, err := e.Start(0); err != nil || again.Port != st.Port {
		t.Errorf("second Start: %+v %v", again, err)
	}
	// A taken port is said in plain words.
	other, _ := newTestEndpoint(t)
	if _, err := other.Start(st.Port); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("taken port: %v", err)
	} else if s := other.Status(); s.On || s.Error == "" {
		t.Errorf("status after a failed start: %+v", s)
	}
	off, err := e.Stop()
	if err != nil || off.On {
		t.Fatalf("Stop: %+v %v", off, err)
	}
	if _, err := http.Get(st.URL); err == nil {
		t.Error("the port still answers after Stop")
	}
}

// An execution a program starts over HTTP becomes a run with its events,
// and its task is answered through the Runs binding (the card).
func TestEndpointExecutionIsARun(t *testing.T) {
	e, r := newTestEndpoint(t)
	st, err := e.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	code, sm := call(t, st.URL, "CreateStateMachine", map[string]any{"name": "Orders", "definition": endpointFlow,
		"roleArn": "arn:aws:iam::123456789012:role/r"}, testSigV4)
	if code != 200 {
		t.Fatalf("CreateStateMachine: %d %v", code, sm)
	}
	code, ex := call(t, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "name": "first", "input": `{"id":1}`}, testSigV4)
	if code != 200 {
		t.Fatalf("StartExecution: %d %v", code, ex)
	}
	arn := ex["executionArn"].(string)

	var meta runs.Meta
	waitFor(t, "the run", func() bool {
		for _, m := range e.Status().Runs {
			if m.ExecutionArn == arn {
				meta = m
				return true
			}
		}
		return false
	})
	if meta.Machine != "Orders" || meta.Name != "first" || meta.Workflow != EndpointWorkflow {
		t.Errorf("run meta: %+v", meta)
	}
	var pend runs.Pending
	waitFor(t, "the pending task", func() bool {
		u, err := r.Snapshot(meta.ID, 0)
		if err != nil || len(u.Pending) == 0 {
			return false
		}
		pend = u.Pending[0]
		return u.Live
	})
	if pend.State != "Charge" || pend.Kind != "task" || !strings.Contains(pend.Input, `"order":7`) {
		t.Errorf("pending: %+v", pend)
	}
	// Stepping is the program's, not the studio's.
	if err := r.Step(meta.ID); err == nil {
		t.Error("stepped a run a program drives")
	}
	if err := r.Succeed(meta.ID, pend.ID, `{"charged":true}`); err != nil {
		t.Fatalf("Succeed: %v", err)
	}
	var u runs.Update
	waitFor(t, "the run's end", func() bool {
		u, err = r.Snapshot(meta.ID, 0)
		return err == nil && !u.Live && u.Meta.Status == "SUCCEEDED"
	})
	var types []string
	for i, raw := range u.Events {
		var ev struct {
			ID   int64  `json:"id"`
			Type string `json:"type"`
		}
		_ = json.Unmarshal(raw, &ev)
		if ev.ID != int64(i+1) {
			t.Errorf("event %d has id %d", i+1, ev.ID)
		}
		types = append(types, ev.Type)
	}
	want := "ExecutionStarted PassStateEntered PassStateExited TaskStateEntered TaskScheduled TaskStarted TaskSucceeded TaskStateExited ExecutionSucceeded"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("events:\n got %s\nwant %s", got, want)
	}
	if u.Meta.Output != `{"charged":true}` {
		t.Errorf("output %q", u.Meta.Output)
	}
	// The program sees the same end.
	if _, d := call(t, st.URL, "DescribeExecution", map[string]any{"executionArn": arn}, testSigV4); d["status"] != "SUCCEEDED" {
		t.Errorf("DescribeExecution: %v", d)
	}
	// The open document's run list finds it, YAML or JSON.
	for _, def := range []string{endpointFlow, endpointFlowYAML} {
		got, err := e.RunsFor(def)
		if err != nil || len(got) != 1 || got[0].ID != meta.ID {
			t.Errorf("RunsFor: %+v %v", got, err)
		}
	}
	if got, _ := e.RunsFor(`{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}`); len(got) != 0 {
		t.Errorf("RunsFor another workflow: %+v", got)
	}
	if def, err := e.Definition(meta.ID); err != nil || def != endpointFlow {
		t.Errorf("Definition: %q %v", def, err)
	}
}

// Each kind of waiting task is answered from its card, with a result or
// an error, and the execution takes the answer as it would SendTask*'s.
func TestEndpointAnswersByHand(t *testing.T) {
	plain := `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}`
	callback := `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody.$":"$$.Task.Token"},"End":true}}}`
	// No worker polls the activity: the card answers as the worker.
	activity := `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"ACTIVITY","End":true}}}`
	cases := []struct {
		name, definition, kind string
		fail                   bool
		status                 string
	}{
		{"task with a result", plain, "task", false, "SUCCEEDED"},
		{"task with an error", plain, "task", true, "FAILED"},
		{"callback with a result", callback, "callback", false, "SUCCEEDED"},
		{"callback with an error", callback, "callback", true, "FAILED"},
		{"activity with a result", activity, "activity", false, "SUCCEEDED"},
		{"activity with an error", activity, "activity", true, "FAILED"},
	}
	e, r := newTestEndpoint(t)
	st, err := e.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	_, act := call(t, st.URL, "CreateActivity", map[string]any{"name": "approve"}, testSigV4)
	activityArn, _ := act["activityArn"].(string)
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			def := strings.ReplaceAll(tc.definition, "ACTIVITY", activityArn)
			_, sm := call(t, st.URL, "CreateStateMachine", map[string]any{"name": "M" + strconv.Itoa(i), "definition": def,
				"roleArn": "arn:aws:iam::123456789012:role/r"}, testSigV4)
			_, ex := call(t, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{}`}, testSigV4)
			arn, _ := ex["executionArn"].(string)
			var id string
			var pend runs.Pending
			waitFor(t, "the card", func() bool {
				for _, m := range e.Status().Runs {
					if m.ExecutionArn == arn {
						u, err := r.Snapshot(m.ID, 0)
						if err == nil && len(u.Pending) == 1 {
							id, pend = m.ID, u.Pending[0]
							return true
						}
					}
				}
				return false
			})
			if pend.Kind != tc.kind || pend.State != "Ask" {
				t.Errorf("card %+v, want kind %q of state Ask", pend, tc.kind)
			}
			if tc.fail {
				err = r.Fail(id, pend.ID, "Declined", "no stock")
			} else {
				err = r.Succeed(id, pend.ID, `{"ok":1}`)
			}
			if err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the end", func() bool {
				u, err := r.Snapshot(id, 0)
				return err == nil && !u.Live && u.Meta.Status == tc.status
			})
			_, d := call(t, st.URL, "DescribeExecution", map[string]any{"executionArn": arn}, testSigV4)
			if d["status"] != tc.status || tc.fail && d["error"] != "Declined" || !tc.fail && d["output"] != `{"ok":1}` {
				t.Errorf("DescribeExecution: %v", d)
			}
			if tc.kind == "activity" {
				u, _ := r.Snapshot(id, 0)
				all, _ := json.Marshal(u.Events)
				if !strings.Contains(string(all), `"workerName":"Stepstudio"`) {
					t.Error("no ActivityStarted by the studio's worker")
				}
			}
			// Answered once: the card is gone and a second answer is refused.
			if err := r.Succeed(id, pend.ID, `{}`); err == nil {
				t.Error("answered a finished run's task again")
			}
		})
	}
}

// Switched off mid-run, the studio's run ends saying why; switched on
// again, the endpoint resumes the execution and the studio follows it as
// a new run holding the whole history.
func TestEndpointSurvivesSwitchingOff(t *testing.T) {
	e, r := newTestEndpoint(t)
	st, err := e.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	_, sm := call(t, st.URL, "CreateStateMachine", map[string]any{"name": "Orders", "definition": endpointFlow,
		"roleArn": "arn:aws:iam::123456789012:role/r"}, testSigV4)
	_, ex := call(t, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{}`}, testSigV4)
	arn := ex["executionArn"].(string)
	first := ""
	waitFor(t, "the pending task", func() bool {
		for _, m := range e.Status().Runs {
			if u, err := r.Snapshot(m.ID, 0); err == nil && len(u.Pending) > 0 {
				first = m.ID
				return true
			}
		}
		return false
	})
	if _, err := e.Stop(); err != nil {
		t.Fatal(err)
	}
	u, err := r.Snapshot(first, 0)
	if err != nil || u.Live || u.Meta.Status != "ABORTED" || !strings.Contains(u.Meta.Cause, "switched off") {
		t.Fatalf("run after switching off: live=%v %+v %v", u.Live, u.Meta, err)
	}
	if _, err := e.Start(st.Port); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the resumed run", func() bool {
		for _, m := range e.Status().Runs {
			if m.ID != first && m.ExecutionArn == arn {
				u, err := r.Snapshot(m.ID, 0)
				return err == nil && len(u.Pending) > 0 && u.FirstEvent == 1
			}
		}
		return false
	})
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// BenchmarkEndpointRunsFollowed measures what following costs: n
// executions of a 5-state workflow started over HTTP, from the first
// StartExecution until the studio has stored every one as a SUCCEEDED
// run, and how long one execution takes to show as a run.
func BenchmarkEndpointRunsFollowed(b *testing.B) {
	const flow = `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"D"},"D":{"Type":"Pass","Next":"E"},"E":{"Type":"Succeed"}}}`
	const n = 200
	for b.Loop() {
		dir := b.TempDir()
		r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
		e := NewEndpoint(r)
		e.data = filepath.Join(dir, "endpoint")
		st, err := e.Start(0)
		if err != nil {
			b.Fatal(err)
		}
		_, sm := call(b, st.URL, "CreateStateMachine", map[string]any{"name": "Five", "definition": flow, "roleArn": "arn:aws:iam::123456789012:role/r"}, testSigV4)
		begin := time.Now()
		_, _ = call(b, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{}`}, testSigV4)
		for len(e.Status().Runs) == 0 {
			time.Sleep(time.Millisecond)
		}
		first := time.Since(begin)
		begin = time.Now()
		for i := 1; i < n; i++ {
			_, _ = call(b, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{}`}, testSigV4)
		}
		started := time.Since(begin)
		for {
			list, _ := r.m.List(EndpointWorkflow)
			done := 0
			for _, m := range list {
				if m.Status == "SUCCEEDED" {
					done++
				}
			}
			if done == n {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		all := time.Since(begin)
		b.Logf("first execution shown as a run after %v; %d StartExecution calls in %v; all %d stored SUCCEEDED after %v (%.0f runs/s)",
			first.Round(time.Millisecond), n-1, started.Round(time.Millisecond), n, all.Round(time.Millisecond), float64(n)/all.Seconds())
		_, _ = e.Stop()
		r.shutdown(context.Background())
	}
}

// A failed execution of the endpoint is redriven by its program, not by
// the studio's Redrive (the studio's engine would run a copy).
func TestEndpointRunIsNotRedrivenHere(t *testing.T) {
	e, r := newTestEndpoint(t)
	st, err := e.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	_, sm := call(t, st.URL, "CreateStateMachine", map[string]any{"name": "Fails", "roleArn": "arn:aws:iam::123456789012:role/r",
		"definition": `{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"on purpose"}}}`}, testSigV4)
	_, _ = call(t, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{}`}, testSigV4)
	var meta runs.Meta
	waitFor(t, "the failed run", func() bool {
		list := e.Status().Runs
		if len(list) == 1 && list[0].Status == "FAILED" {
			meta = list[0]
			return true
		}
		return false
	})
	if meta.Error != "Boom" || meta.Cause != "on purpose" {
		t.Errorf("error %q cause %q", meta.Error, meta.Cause)
	}
	if err := r.Redrive(runs.StartRequest{Workflow: "x", Definition: "{}", Input: "{}"}, meta.ID); err == nil || !strings.Contains(err.Error(), "RedriveExecution") {
		t.Errorf("Redrive: %v", err)
	}
	// Redriven by the program: a new run, with the whole history.
	if code, out := call(t, st.URL, "RedriveExecution", map[string]any{"executionArn": meta.ExecutionArn}, testSigV4); code != 200 {
		t.Fatalf("RedriveExecution: %d %v", code, out)
	}
	waitFor(t, "the redriven run", func() bool {
		list := e.Status().Runs
		if len(list) != 2 {
			return false
		}
		newer := list[0] // both have the execution's start date: the other is the first run
		if newer.ID == meta.ID {
			newer = list[1]
		}
		if newer.Status != "FAILED" {
			return false
		}
		u, err := r.Snapshot(newer.ID, 0)
		if err != nil {
			return false
		}
		var types []string
		for _, raw := range u.Events {
			var ev struct{ Type string }
			_ = json.Unmarshal(raw, &ev)
			types = append(types, ev.Type)
		}
		got := strings.Join(types, " ")
		return strings.HasPrefix(got, "ExecutionStarted FailStateEntered ExecutionFailed ExecutionRedriven") && strings.HasSuffix(got, "ExecutionFailed")
	})
}

// A program's worker that takes the activity task takes the card away:
// the task is the worker's to answer.
func TestEndpointActivityCardGoesToAWorker(t *testing.T) {
	e, r := newTestEndpoint(t)
	st, err := e.Start(0)
	if err != nil {
		t.Fatal(err)
	}
	_, act := call(t, st.URL, "CreateActivity", map[string]any{"name": "pack"}, testSigV4)
	arn, _ := act["activityArn"].(string)
	_, sm := call(t, st.URL, "CreateStateMachine", map[string]any{"name": "Pack", "roleArn": "arn:aws:iam::123456789012:role/r",
		"definition": `{"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"` + arn + `","End":true}}}`}, testSigV4)
	_, _ = call(t, st.URL, "StartExecution", map[string]any{"stateMachineArn": sm["stateMachineArn"], "input": `{"box":1}`}, testSigV4)
	var id string
	waitFor(t, "the activity's card", func() bool {
		for _, m := range e.Status().Runs {
			if u, err := r.Snapshot(m.ID, 0); err == nil && len(u.Pending) == 1 && u.Pending[0].Kind == "activity" {
				id = m.ID
				return true
			}
		}
		return false
	})
	_, task := call(t, st.URL, "GetActivityTask", map[string]any{"activityArn": arn, "workerName": "packer-1"}, testSigV4)
	token, _ := task["taskToken"].(string)
	if token == "" || task["input"] != `{"box":1}` {
		t.Fatalf("GetActivityTask: %v", task)
	}
	waitFor(t, "the card to go", func() bool {
		u, err := r.Snapshot(id, 0)
		return err == nil && len(u.Pending) == 0
	})
	if code, out := call(t, st.URL, "SendTaskSuccess", map[string]any{"taskToken": token, "output": `{"packed":true}`}, testSigV4); code != 200 {
		t.Fatalf("SendTaskSuccess: %d %v", code, out)
	}
	waitFor(t, "the end", func() bool {
		u, err := r.Snapshot(id, 0)
		return err == nil && u.Meta.Status == "SUCCEEDED" && u.Meta.Output == `{"packed":true}`
	})
}
