package engine_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/mock"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(runChild(os.Getenv(childEnv)))
	}
	goleak.VerifyTestMain(m)
}

func compile(t *testing.T, def string) *engine.Machine {
	t.Helper()
	doc, err := asl.Parse("test.json", []byte(def))
	if err != nil {
		t.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const callbackDef = `{"StartAt":"Ask","States":{"Ask":{"Type":"Task",
 "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
 "Parameters":{"token.$":"$$.Task.Token"},"HeartbeatSeconds":1,
 "Catch":[{"ErrorEquals":["Rejected"],"Next":"No"}],"End":true},
 "No":{"Type":"Pass","Result":"rejected","End":true}}}`

// awaitToken is an invoker that hands the token to the test and waits.
func awaitToken(tokens chan<- string) engine.Invoker {
	return engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		in := req.Input.(map[string]any)
		if in["token"] != req.TaskToken || req.TaskToken == "" {
			return nil, errors.New("the token in the input differs from the request's")
		}
		tokens <- req.TaskToken
		return nil, engine.ErrAwaitCallback
	})
}

func TestCallback(t *testing.T) {
	tests := []struct {
		name       string
		answer     func(ex *engine.Execution, token string) error
		wantStatus string
		wantOutput any
		wantError  string
	}{
		{"success", func(ex *engine.Execution, tok string) error {
			return ex.SendTaskSuccess(tok, map[string]any{"approved": true})
		}, engine.StatusSucceeded, map[string]any{"approved": true}, ""},
		{"failure caught", func(ex *engine.Execution, tok string) error {
			return ex.SendTaskFailure(tok, "Rejected", "no")
		}, engine.StatusSucceeded, "rejected", ""},
		{"failure uncaught", func(ex *engine.Execution, tok string) error {
			return ex.SendTaskFailure(tok, "Other", "no")
		}, engine.StatusFailed, nil, "Other"},
		{"heartbeat missed", func(ex *engine.Execution, tok string) error { return nil },
			engine.StatusFailed, nil, "States.HeartbeatTimeout"},
		{"heartbeats keep it alive", func(ex *engine.Execution, tok string) error {
			for range 3 {
				time.Sleep(200 * time.Millisecond)
				if err := ex.SendTaskHeartbeat(tok); err != nil {
					return err
				}
			}
			return ex.SendTaskSuccess(tok, "late")
		}, engine.StatusSucceeded, "late", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := make(chan string, 1)
			m := compile(t, callbackDef)
			ex, err := m.Start(context.Background(), map[string]any{}, engine.WithInvoker(awaitToken(tokens)))
			if err != nil {
				t.Fatal(err)
			}
			tok := <-tokens
			if err := tt.answer(ex, tok); err != nil {
				t.Fatal(err)
			}
			res := ex.Wait()
			if res.Status != tt.wantStatus {
				t.Fatalf("status %s (%v), want %s", res.Status, res.Error, tt.wantStatus)
			}
			if tt.wantError != "" && (res.Error == nil || *res.Error != tt.wantError) {
				t.Fatalf("error %v, want %s", res.Error, tt.wantError)
			}
			if tt.wantStatus == engine.StatusSucceeded && !reflect.DeepEqual(res.Output, tt.wantOutput) {
				t.Fatalf("output %v, want %v", res.Output, tt.wantOutput)
			}
			if err := ex.SendTaskSuccess(tok, 1); !errors.Is(err, engine.ErrUnknownToken) {
				t.Fatalf("answering an ended task: %v, want ErrUnknownToken", err)
			}
		})
	}
}

func TestMockedCallbackAnswersItself(t *testing.T) {
	m := compile(t, callbackDef)
	inv := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		return "mocked", nil
	})
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(inv))
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusSucceeded || res.Output != "mocked" {
		t.Fatalf("got %s %v", res.Status, res.Output)
	}
}

const loopDef = `{"StartAt":"Inc","States":{
 "Inc":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
 "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":1000000,"Next":"Inc"}],"Default":"Done"},
 "Done":{"Type":"Succeed"}}}`

const spinDef = `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}`

func TestTransitionCap(t *testing.T) {
	m := compile(t, spinDef)
	res, err := m.Run(context.Background(), map[string]any{"n": 0}, engine.WithMaxTransitions(50), engine.WithoutHistory())
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusFailed || res.Error == nil || *res.Error != "States.Runtime" || !strings.Contains(*res.Cause, "50") {
		t.Fatalf("got %s %v %v", res.Status, res.Error, res.Cause)
	}
}

func TestStopAborts(t *testing.T) {
	m := compile(t, spinDef)
	ex, err := m.Start(context.Background(), map[string]any{}, engine.WithMaxTransitions(math.MaxInt64), engine.WithType(engine.Express), engine.WithoutHistory())
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	ex.Stop()
	if res := ex.Wait(); res.Status != engine.StatusAborted {
		t.Fatalf("status %s, want ABORTED", res.Status)
	}
}

func TestContextCancelStopsParallelWaits(t *testing.T) {
	m := compile(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
	 {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}},
	 {"StartAt":"V","States":{"V":{"Type":"Wait","Seconds":5,"End":true}}}]}}}`)
	ctx, cancel := context.WithCancel(context.Background())
	ex, err := m.Start(ctx, map[string]any{}, engine.WithClock(engine.RealClock()))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case <-ex.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("run did not stop on cancel")
	}
	if res := ex.Wait(); res.Status != engine.StatusAborted {
		t.Fatalf("status %s, want ABORTED", res.Status)
	}
}

type pauses chan string

func (p pauses) OnEvent(engine.Event) {}
func (p pauses) OnPause(state string) { p <- state }

func TestBreakpointsAndStep(t *testing.T) {
	m := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"D"},"D":{"Type":"Succeed"}}}`)
	p := make(pauses, 4)
	ex, err := m.Start(context.Background(), map[string]any{}, engine.WithBreakpoints("B"), engine.WithObserver(p))
	if err != nil {
		t.Fatal(err)
	}
	if got := <-p; got != "B" {
		t.Fatalf("paused at %s, want B", got)
	}
	if got := ex.PausedAt(); !reflect.DeepEqual(got, []string{"B"}) {
		t.Fatalf("PausedAt %v", got)
	}
	entered := func() []string {
		var names []string
		for _, e := range ex.Events() {
			if e.StateEnteredEventDetails != nil {
				names = append(names, e.StateEnteredEventDetails.Name)
			}
		}
		return names
	}
	if got := entered(); !reflect.DeepEqual(got, []string{"A"}) {
		t.Fatalf("entered %v before the breakpoint, want [A]", got)
	}
	ex.Step()
	if got := <-p; got != "C" {
		t.Fatalf("step paused at %s, want C", got)
	}
	ex.Resume()
	if res := ex.Wait(); res.Status != engine.StatusSucceeded {
		t.Fatalf("status %s", res.Status)
	}
}

func TestDeterministicRunsRepeat(t *testing.T) {
	m := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","t.$":"$$.State.EnteredTime"},"Next":"W"},"W":{"Type":"Wait","Seconds":10,"End":true}}}`)
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	run := func() engine.Result {
		res, err := m.Run(context.Background(), map[string]any{}, engine.WithDeterminism(42, start))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	a, b := run(), run()
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two seeded runs differ:\n%v\n%v", a, b)
	}
	if got := a.Events[len(a.Events)-1].Timestamp; !got.Equal(start.Add(10 * time.Second)) {
		t.Fatalf("last event at %v, want start+10s", got)
	}
}

func TestStartAtWithVariables(t *testing.T) {
	m := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Fail","Error":"NotHere"},"B":{"Type":"Pass","Parameters":{"v.$":"$v","in.$":"$"},"End":true}}}`)
	res, err := m.Run(context.Background(), "x", engine.WithStartAt("B", map[string]any{"v": int64(3)}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"v": int64(3), "in": "x"}
	if res.Status != engine.StatusSucceeded || !reflect.DeepEqual(res.Output, want) {
		t.Fatalf("got %s %v", res.Status, res.Output)
	}
	if _, err := m.Start(context.Background(), nil, engine.WithStartAt("Nope", nil)); err == nil {
		t.Fatal("starting at a missing state should fail")
	}
}

func TestObserverSeesEveryEventInOrder(t *testing.T) {
	m := compile(t, `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}`)
	var ids []int64
	obs := engine.ObserverFunc(func(e engine.Event) { ids = append(ids, e.ID) })
	res, err := m.Run(context.Background(), []any{int64(1), int64(2), int64(3)}, engine.WithObserver(obs))
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(res.Events) {
		t.Fatalf("observer saw %d events, history has %d", len(ids), len(res.Events))
	}
	for i, id := range ids {
		if id != int64(i+1) {
			t.Fatalf("event %d has id %d", i, id)
		}
	}
}

// TestPayloadLimit: an execution input over 256 KiB starts no run (AWS
// refuses the StartExecution) and the error says how large it is; a state
// output over it fails the run with States.DataLimitExceeded.
func TestPayloadLimit(t *testing.T) {
	m := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`)
	tests := []struct {
		name    string
		input   any
		wantErr string // "" when the run starts
	}{
		{"at the limit", strings.Repeat("x", 256*1024-2), ""},
		{"one byte over", strings.Repeat("x", 256*1024-1), "the input is 262145 bytes of JSON, more than the 262144 bytes (256 KiB)"},
		{"far over", map[string]any{"a": strings.Repeat("x", 300*1024)}, "the input is 307208 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := m.Run(context.Background(), tt.input)
			if tt.wantErr == "" {
				if err != nil || res.Status != engine.StatusSucceeded {
					t.Fatalf("got %v %s", err, res.Status)
				}
				return
			}
			if !errors.Is(err, engine.ErrInputTooLarge) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want ErrInputTooLarge saying %q", err, tt.wantErr)
			}
		})
	}
	grow := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"a.$":"$","b.$":"$"},"End":true}}}`)
	res, err := grow.Run(context.Background(), strings.Repeat("x", 200*1024))
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusFailed || *res.Error != "States.DataLimitExceeded" {
		t.Fatalf("got %s %v", res.Status, res.Error)
	}
}

func TestActivityWorker(t *testing.T) {
	const arn = "arn:aws:states:us-east-1:123456789012:activity:Review"
	m := compile(t, `{"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"`+arn+`","TimeoutSeconds":5,"End":true}}}`)
	ex, err := m.Start(context.Background(), map[string]any{"doc": "d1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a guard against a hang; the race detector on a loaded machine is slow
	defer cancel()
	task, err := ex.GetActivityTask(ctx, arn, "worker-1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(task.Input, map[string]any{"doc": "d1"}) {
		t.Fatalf("worker got %v", task.Input)
	}
	if err := ex.SendTaskSuccess(task.Token, "approved"); err != nil {
		t.Fatal(err)
	}
	res := ex.Wait()
	if res.Status != engine.StatusSucceeded || res.Output != "approved" {
		t.Fatalf("got %s %v", res.Status, res.Output)
	}
	var types []string
	for _, e := range res.Events {
		types = append(types, e.Type)
	}
	want := "ExecutionStarted TaskStateEntered ActivityScheduled ActivityStarted ActivitySucceeded TaskStateExited ExecutionSucceeded"
	if got := strings.Join(types, " "); got != want {
		t.Fatalf("events %s, want %s", got, want)
	}
	if w := res.Events[3].ActivityStartedEventDetails.WorkerName; w != "worker-1" {
		t.Fatalf("worker name %q", w)
	}
}

func TestActivityTimesOutWithoutWorker(t *testing.T) {
	m := compile(t, `{"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:Nobody","TimeoutSeconds":1,
	 "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Late"}],"End":true},"Late":{"Type":"Pass","Result":"late","End":true}}}`)
	res, err := m.Run(context.Background(), map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusSucceeded || res.Output != "late" {
		t.Fatalf("got %s %v %v", res.Status, res.Output, res.Error)
	}
}

func TestMachineTimeoutOnRealClock(t *testing.T) {
	m := compile(t, `{"TimeoutSeconds":1,"StartAt":"Slow","States":{"Slow":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}`)
	slow := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	start := time.Now()
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithClock(engine.ScaledClock(0.1)), engine.WithInvoker(slow))
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusTimedOut {
		t.Fatalf("status %s (%v), want TIMED_OUT", res.Status, res.Error)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %s; a 1 s timeout scaled by 0.1 should end at once", d)
	}
}

// TestRetryJitter checks FULL jitter: each delay is drawn below the
// backoff delay (here 10 s, then 20 s), and seeded runs repeat.
func TestRetryJitter(t *testing.T) {
	m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	 "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":10,"MaxAttempts":2,"JitterStrategy":"FULL"}],"End":true}}}`)
	fails := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		return nil, fault.New("E", "")
	})
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	delays := func(seed int64) []time.Duration {
		res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(fails), engine.WithDeterminism(seed, start))
		if err != nil {
			t.Fatal(err)
		}
		var ds []time.Duration
		last := start
		for _, e := range res.Events {
			if e.Type == "TaskScheduled" {
				ds = append(ds, e.Timestamp.Sub(last))
				last = e.Timestamp
			}
		}
		return ds[1:]
	}
	a := delays(3)
	if len(a) != 2 || a[0] >= 10*time.Second || a[1] >= 20*time.Second {
		t.Fatalf("jittered delays %v, want below 10 s and 20 s", a)
	}
	if b := delays(3); !reflect.DeepEqual(a, b) {
		t.Fatalf("seeded runs differ: %v vs %v", a, b)
	}
	if c := delays(4); reflect.DeepEqual(a, c) {
		t.Fatalf("different seeds gave the same delays %v", a)
	}
}

// TestTaskTimeout: a task slower than TimeoutSeconds fails with
// States.Timeout, which States.TaskFailed does not match but an explicit
// catcher does; the history shows TaskTimedOut.
func TestTaskTimeout(t *testing.T) {
	m := compile(t, `{"StartAt":"Slow","States":{"Slow":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":10,
	 "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"Late"}],"End":true},
	 "Wrong":{"Type":"Fail","Error":"Wrong"},"Late":{"Type":"Pass","Result":"late","End":true}}}`)
	hang := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(hang), engine.WithClock(engine.ScaledClock(0.01)))
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusSucceeded || res.Output != "late" {
		t.Fatalf("got %s %v %v", res.Status, res.Output, res.Error)
	}
	found := false
	for _, e := range res.Events {
		if e.Type == "TaskTimedOut" && *e.TaskTimedOutEventDetails.Error == "States.Timeout" {
			found = true
		}
	}
	if !found {
		t.Fatal("no TaskTimedOut event")
	}
}

// TestRunsShareNoCounters runs one machine with one mock test case twice
// at once and twice in a row: each run starts its invocations and retry
// counters from zero (coinbase/step's bug was sharing them).
func TestRunsShareNoCounters(t *testing.T) {
	m := compile(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	 "Retry":[{"ErrorEquals":["Busy"],"MaxAttempts":1}],"End":true}}}`)
	cfg, err := mock.Parse("mocks.json", []byte(`{"StateMachines":{"M":{"TestCases":{"C":{"T":"R"}}}},
	 "MockedResponses":{"R":{"0":{"Throw":{"Error":"Busy","Cause":"x"}},"1":{"Return":"ok"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := cfg.TestCase("M", "C")
	if err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		var exs []*engine.Execution
		for range 2 {
			ex, err := m.Start(context.Background(), map[string]any{}, engine.WithMocks(tc))
			if err != nil {
				t.Fatal(err)
			}
			exs = append(exs, ex)
		}
		for _, ex := range exs {
			if res := ex.Wait(); res.Status != engine.StatusSucceeded || res.Output != "ok" {
				t.Fatalf("round %d: got %s %v %v", round, res.Status, res.Output, res.Cause)
			}
		}
	}
}

// TestVirtualTimeOverlaps: on skipping clocks, waits in Parallel branches
// and in concurrent Map items overlap as in AWS, so the history's end time
// is the slowest path, not the sum of all waits.
func TestVirtualTimeOverlaps(t *testing.T) {
	tests := []struct {
		name string
		def  string
		in   any
		want time.Duration
	}{
		{"parallel", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"After","Branches":[
			{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":10,"End":true}}},
			{"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":20,"End":true}}}]},
			"After":{"Type":"Wait","Seconds":5,"End":true}}}`, map[string]any{}, 25 * time.Second},
		{"map two at a time", `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"End":true,
			"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}}}}`,
			[]any{int64(1), int64(2), int64(3), int64(4)}, 20 * time.Second},
		{"map one at a time", `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
			"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}}}}`,
			[]any{int64(1), int64(2), int64(3)}, 30 * time.Second},
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		for _, det := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s deterministic=%v", tt.name, det), func(t *testing.T) {
				m := compile(t, tt.def)
				opts := []engine.Option{engine.WithClock(engine.VirtualClock(start))}
				if det {
					opts = []engine.Option{engine.WithDeterminism(1, start)}
				}
				res, err := m.Run(context.Background(), tt.in, opts...)
				if err != nil || res.Status != engine.StatusSucceeded {
					t.Fatalf("%v %s %v", err, res.Status, res.Cause)
				}
				if got := res.Events[len(res.Events)-1].Timestamp.Sub(start); got != tt.want {
					t.Fatalf("ended at +%s, want +%s", got, tt.want)
				}
			})
		}
	}
}

// TestTaskResultOverLimit: a task result over 256 KiB fails the run with
// States.DataLimitExceeded, which a States.ALL catcher does not catch.
func TestTaskResultOverLimit(t *testing.T) {
	m := compile(t, `{"StartAt":"Big","States":{"Big":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Succeed"}}}`)
	big := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		return strings.Repeat("x", 257*1024), nil
	})
	res, err := m.Run(context.Background(), map[string]any{}, engine.WithInvoker(big))
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusFailed || *res.Error != "States.DataLimitExceeded" {
		t.Fatalf("got %s %v", res.Status, res.Error)
	}
}

// TestStopWhilePaused: a run paused at a breakpoint stops at once, and a
// Pause requested while running pauses before the next state.
func TestStopWhilePaused(t *testing.T) {
	m := compile(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}`)
	p := make(pauses, 2)
	ex, err := m.Start(context.Background(), map[string]any{}, engine.WithPauseAtStart(), engine.WithObserver(p))
	if err != nil {
		t.Fatal(err)
	}
	if got := <-p; got != "A" {
		t.Fatalf("paused at %s, want A", got)
	}
	ex.Stop()
	select {
	case <-ex.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("a paused run did not stop")
	}
	res := ex.Wait()
	if res.Status != engine.StatusAborted || res.Events[len(res.Events)-1].Type != "ExecutionAborted" {
		t.Fatalf("got %s, last event %s", res.Status, res.Events[len(res.Events)-1].Type)
	}
}
