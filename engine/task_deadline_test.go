package engine_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// TestTaskDeadlinesOnVirtualClock: on the virtual clock a task nobody can
// answer reaches its TimeoutSeconds at once, without real waiting, and the
// history shows the timeout where AWS would: TimeoutSeconds after the task
// was scheduled. ASL specification, Task state: "If the state runs longer
// than the specified timeout ... the interpreter fails the state with a
// States.Timeout Error Name"; TimeoutSecondsPath takes the value from the
// input. AWS records ActivityTimedOut with {"error":"States.Timeout"} and
// no cause (corpus api/test_activities.snapshot.json).
func TestTaskDeadlinesOnVirtualClock(t *testing.T) {
	const activity = "arn:aws:states:us-east-1:123456789012:activity:Nobody"
	tests := []struct {
		name       string
		def        string
		input      any
		wantStatus string
		wantError  string
		wantOutput any
		wantAfter  time.Duration // from TaskStateEntered to the TimedOut event
		wantEvent  string        // the TimedOut event, as JSON details
	}{
		{"TimeoutSeconds", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + activity + `","TimeoutSeconds":30,"End":true}}}`,
			map[string]any{}, engine.StatusFailed, "States.Timeout", nil, 30 * time.Second,
			`{"error":"States.Timeout"}`},
		{"TimeoutSecondsPath", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + activity + `","TimeoutSecondsPath":"$.t",
		  "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Late"}],"End":true},"Late":{"Type":"Pass","Result":"late","End":true}}}`,
			map[string]any{"t": int64(45)}, engine.StatusSucceeded, "", "late", 45 * time.Second, `{"error":"States.Timeout"}`},
		{"the default is 99999999 s", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + activity + `","End":true}}}`,
			map[string]any{}, engine.StatusFailed, "States.Timeout", nil, 99999999 * time.Second, `{"error":"States.Timeout"}`},
		{"retried, each attempt times out", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + activity + `","TimeoutSeconds":10,
		  "Retry":[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":5,"MaxAttempts":1}],"End":true}}}`,
			map[string]any{}, engine.StatusFailed, "States.Timeout", nil, 10*time.Second + 5*time.Second + 10*time.Second, `{"error":"States.Timeout"}`},
		{"the machine's TimeoutSeconds comes first", `{"TimeoutSeconds":5,"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + activity + `","TimeoutSeconds":30,"End":true}}}`,
			map[string]any{}, engine.StatusTimedOut, "", nil, 0, ""},
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := compile(t, tt.def)
			began := time.Now()
			res, err := m.Run(context.Background(), tt.input, engine.WithDeterminism(1, start))
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(began); d > 5*time.Second {
				t.Fatalf("took %s of real time: the virtual clock must not wait", d)
			}
			if res.Status != tt.wantStatus {
				t.Fatalf("status %s (%v), want %s", res.Status, res.Error, tt.wantStatus)
			}
			if tt.wantError != "" && (res.Error == nil || *res.Error != tt.wantError) {
				t.Fatalf("error %v, want %s", res.Error, tt.wantError)
			}
			if tt.wantOutput != nil && res.Output != tt.wantOutput {
				t.Fatalf("output %v, want %v", res.Output, tt.wantOutput)
			}
			if tt.wantEvent == "" {
				return
			}
			var entered, timedOut *engine.Event
			for i := range res.Events {
				switch e := &res.Events[i]; e.Type {
				case "TaskStateEntered":
					if entered == nil {
						entered = e
					}
				case "ActivityTimedOut":
					timedOut = e
				}
			}
			if entered == nil || timedOut == nil {
				t.Fatalf("no TaskStateEntered or ActivityTimedOut in %d events", len(res.Events))
			}
			if d := timedOut.Timestamp.Sub(entered.Timestamp); d != tt.wantAfter {
				t.Fatalf("timed out %s after entering, want %s", d, tt.wantAfter)
			}
			got, _ := json.Marshal(timedOut.ActivityTimedOutEventDetails)
			if string(got) != tt.wantEvent {
				t.Fatalf("details %s, want %s (AWS records no cause)", got, tt.wantEvent)
			}
		})
	}
}

// TestHeartbeatsOnScaledClock: on a real-time clock (here scaled by 0.01)
// a callback task fails with States.HeartbeatTimeout when no heartbeat
// comes within HeartbeatSeconds, and SendTaskHeartbeat starts that time
// again (developer guide, "Task": "HeartbeatSeconds ... If more time than
// the specified heartbeat elapses between heartbeats from the task, this
// state fails with a States.HeartbeatTimeout error name"). TimeoutSeconds
// still bounds the whole task however often it beats.
func TestHeartbeatsOnScaledClock(t *testing.T) {
	const def = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task",
	 "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	 "Parameters":{"token.$":"$$.Task.Token"},"HeartbeatSeconds":20,"TimeoutSeconds":100,"End":true}}}`
	tests := []struct {
		name      string
		beats     int // heartbeats, one every 10 virtual seconds (0.1 s real)
		answer    bool
		wantError string
	}{
		{"no heartbeat", 0, false, "States.HeartbeatTimeout"},
		{"heartbeats keep it alive until the answer", 4, true, ""},
		{"heartbeats cannot outlast TimeoutSeconds", 30, false, "States.Timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := make(chan string, 1)
			ex, err := compile(t, def).Start(context.Background(), map[string]any{},
				engine.WithInvoker(awaitToken(tokens)), engine.WithClock(engine.ScaledClock(0.01)))
			if err != nil {
				t.Fatal(err)
			}
			tok := <-tokens
			for range tt.beats {
				time.Sleep(100 * time.Millisecond)
				if ex.SendTaskHeartbeat(tok) != nil {
					break // the task ended (TimeoutSeconds)
				}
			}
			if tt.answer {
				if err := ex.SendTaskSuccess(tok, "done"); err != nil {
					t.Fatal(err)
				}
			}
			res := ex.Wait()
			if tt.wantError == "" {
				if res.Status != engine.StatusSucceeded || res.Output != "done" {
					t.Fatalf("got %s %v %v", res.Status, res.Output, res.Error)
				}
				return
			}
			if res.Error == nil || *res.Error != tt.wantError {
				t.Fatalf("got %s %v, want %s", res.Status, res.Error, tt.wantError)
			}
			last := res.Events[len(res.Events)-2]
			if last.Type != "TaskTimedOut" || *last.TaskTimedOutEventDetails.Error != tt.wantError {
				t.Fatalf("event before the end: %s, want TaskTimedOut %s", last.Type, tt.wantError)
			}
			if b, _ := json.Marshal(last.TaskTimedOutEventDetails); strings.Contains(string(b), "cause") {
				t.Fatalf("TaskTimedOut %s: AWS records no cause", b)
			}
		})
	}
}

// TestActivityHeartbeatOnVirtualClock: a worker already polling takes the
// task; its heartbeats keep the task alive and its answer ends it, on the
// virtual clock too (the wait for a worker that holds the token is real).
func TestActivityHeartbeatOnVirtualClock(t *testing.T) {
	const arn = "arn:aws:states:us-east-1:123456789012:activity:Review"
	m := compile(t, `{"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"`+arn+`","HeartbeatSeconds":1,"TimeoutSeconds":60,"End":true}}}`)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a hang guard
	defer cancel()
	worker := make(chan engine.ActivityTask, 1)
	var ex *engine.Execution
	ready := make(chan struct{})
	go func() {
		<-ready
		task, err := ex.GetActivityTask(ctx, arn, "w")
		if err == nil {
			worker <- task
		}
		close(worker)
	}()
	// Start paused so the worker polls before the task is scheduled.
	ex, err := m.Start(context.Background(), map[string]any{}, engine.WithDeterminism(1, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)), engine.WithPauseAtStart())
	if err != nil {
		t.Fatal(err)
	}
	close(ready)
	for !ex.Polling(arn) {
		time.Sleep(time.Millisecond)
	}
	ex.Resume()
	task, ok := <-worker
	if !ok {
		t.Fatal("the worker got no task")
	}
	for range 3 {
		time.Sleep(400 * time.Millisecond)
		if err := ex.SendTaskHeartbeat(task.Token); err != nil {
			t.Fatal(err)
		}
	}
	if err := ex.SendTaskSuccess(task.Token, "ok"); err != nil {
		t.Fatal(err)
	}
	if res := ex.Wait(); res.Status != engine.StatusSucceeded || res.Output != "ok" {
		t.Fatalf("got %s %v %v", res.Status, res.Output, res.Error)
	}
}
