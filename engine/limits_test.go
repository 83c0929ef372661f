package engine_test

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// stormDef retries a failing task (almost) for ever; its Catch would take
// States.Runtime if the cap's failure were catchable.
const stormDef = `{"StartAt":"Flaky","States":{"Flaky":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Flaky",
 "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":99999999,"BackoffRate":1}],
 "Catch":[{"ErrorEquals":["States.Runtime","States.ALL"],"Next":"Caught"}],"End":true},
 "Caught":{"Type":"Succeed"}}}`

// alwaysFails counts its calls and fails each one with Boom.
func alwaysFails(calls *atomic.Int64) engine.Invoker {
	return engine.InvokerFunc(func(context.Context, engine.TaskRequest) (any, error) {
		calls.Add(1)
		return nil, fault.New("Boom", "again")
	})
}

// TestTransitionCapCountsRetries: every retry attempt is a transition, so
// a retry storm ends at the cap, and no Catch takes the cap's failure.
func TestTransitionCapCountsRetries(t *testing.T) {
	tests := []struct {
		name      string
		def       string
		cap       int64
		wantCalls int64 // task attempts, -1 when there is no task
	}{
		{"retry storm", stormDef, 100, 100}, // 1 entry + 99 retries
		{"retry storm inside a Parallel", `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[` + stormDef + `]}}}`, 50, 49},
		{"runaway loop", spinDef, 50, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int64
			m := compile(t, tt.def)
			res, err := m.Run(context.Background(), map[string]any{}, engine.WithMaxTransitions(tt.cap), engine.WithInvoker(alwaysFails(&calls)))
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != engine.StatusFailed || res.Error == nil || *res.Error != "States.Runtime" || !strings.Contains(*res.Cause, "cap of "+strconv.FormatInt(tt.cap, 10)+" state transitions") {
				t.Fatalf("got %s %v %v, want FAILED States.Runtime naming the cap", res.Status, deref(res.Error), deref(res.Cause))
			}
			if tt.wantCalls >= 0 && calls.Load() != tt.wantCalls {
				t.Errorf("the task ran %d times, want %d", calls.Load(), tt.wantCalls)
			}
			last := res.Events[len(res.Events)-1]
			if last.Type != "ExecutionFailed" {
				t.Errorf("last event %s, want ExecutionFailed", last.Type)
			}
		})
	}
}

func TestTransitionCapMustBePositive(t *testing.T) {
	m := compile(t, spinDef)
	for _, n := range []int64{0, -1, math.MinInt64} {
		_, err := m.Start(context.Background(), map[string]any{}, engine.WithMaxTransitions(n))
		if !errors.Is(err, engine.ErrInvalidOption) || !strings.Contains(err.Error(), "positive") {
			t.Errorf("WithMaxTransitions(%d): err = %v, want ErrInvalidOption saying the cap must be positive", n, err)
		}
	}
}

// TestHistoryLimit: a STANDARD run fails when its history would pass
// AWS's 25,000 events, exactly as AWS ends it: event 25,000 is
// ExecutionFailed (States.Runtime, AWS's cause), after event 24,999. The
// same run ends the same way without a history, and EXPRESS has no limit.
func TestHistoryLimit(t *testing.T) {
	const cause = "The execution reached the maximum number of history events (25000)."
	manyItems := `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":40,"ItemsPath":"$.items","End":true,
	 "ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}}}}`
	items := make([]any, 10000)
	for i := range items {
		items[i] = int64(i)
	}
	tests := []struct {
		name       string
		def        string
		input      any
		opts       []engine.Option
		wantCause  string
		wantEvents int // with the history kept; 0: more than 25,000
	}{
		{"runaway loop", spinDef, map[string]any{}, nil, cause, 25000},
		{"retry storm with a Catch", stormDef, map[string]any{}, nil, cause, 25000},
		{"concurrent Map items race for the last events", manyItems, map[string]any{"items": items}, nil, cause, 25000},
		{"EXPRESS has no history limit", spinDef, map[string]any{}, []engine.Option{engine.WithType(engine.Express), engine.WithMaxTransitions(30000)}, "cap of 30000 state transitions", 0},
	}
	for _, tt := range tests {
		for _, keep := range []bool{true, false} {
			t.Run(tt.name+map[bool]string{true: "", false: " without history"}[keep], func(t *testing.T) {
				var calls atomic.Int64
				var observed atomic.Int64
				opts := append([]engine.Option{engine.WithInvoker(alwaysFails(&calls))}, tt.opts...)
				if keep {
					opts = append(opts, engine.WithObserver(engine.ObserverFunc(func(engine.Event) { observed.Add(1) })))
				} else {
					opts = append(opts, engine.WithoutHistory())
				}
				res, err := compile(t, tt.def).Run(context.Background(), tt.input, opts...)
				if err != nil {
					t.Fatal(err)
				}
				if res.Status != engine.StatusFailed || deref(res.Error) != "States.Runtime" || !strings.Contains(deref(res.Cause), tt.wantCause) {
					t.Fatalf("got %s %s %s, want FAILED States.Runtime %q", res.Status, deref(res.Error), deref(res.Cause), tt.wantCause)
				}
				if !keep {
					return
				}
				n := len(res.Events)
				if tt.wantEvents == 0 {
					if n <= 25000 {
						t.Fatalf("%d events, want more than 25,000", n)
					}
					return
				}
				if n != tt.wantEvents || observed.Load() != int64(n) {
					t.Fatalf("%d events (%d observed), want %d", n, observed.Load(), tt.wantEvents)
				}
				for i, e := range res.Events {
					if e.ID != int64(i+1) {
						t.Fatalf("event %d has id %d: ids must run 1..25000 without gaps", i+1, e.ID)
					}
				}
				last := res.Events[n-1]
				if last.Type != "ExecutionFailed" || last.PreviousEventID != 24999 {
					t.Fatalf("last event %d %s after %d, want 25000 ExecutionFailed after 24999", last.ID, last.Type, last.PreviousEventID)
				}
			})
		}
	}
}

func TestTypeMustBeKnown(t *testing.T) {
	_, err := compile(t, spinDef).Start(context.Background(), map[string]any{}, engine.WithType("express"))
	if !errors.Is(err, engine.ErrInvalidOption) {
		t.Fatalf("err = %v, want ErrInvalidOption", err)
	}
}

// TestWaitsNeverOverflowTheClock: a Wait longer than AWS's 99999999 s fails
// as AWS fails a too distant Timestamp, and many of the longest waits in a
// row keep the history's clock moving forward (they used to wrap it to the
// 1700s once the skipped time passed Duration's 292 years).
func TestWaitsNeverOverflowTheClock(t *testing.T) {
	t.Run("too long", func(t *testing.T) {
		for _, def := range []string{
			`{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}`,
			`{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1000000000000,"End":true}}}`,
		} {
			res, err := compile(t, def).Run(context.Background(), map[string]any{"s": int64(1e12)})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != engine.StatusFailed || deref(res.Error) != "States.Runtime" || !strings.HasSuffix(deref(res.Cause), "Wait state delay is too long.") {
				t.Errorf("%s: got %s %s %s, want States.Runtime: Wait state delay is too long.", def, res.Status, deref(res.Error), deref(res.Cause))
			}
		}
	})
	t.Run("many long waits", func(t *testing.T) {
		m := compile(t, `{"StartAt":"W","States":{
		 "W":{"Type":"Wait","Seconds":99999999,"Next":"Inc"},
		 "Inc":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
		 "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":200,"Next":"W"}],"Default":"Done"},
		 "Done":{"Type":"Succeed"}}}`)
		for _, clock := range []engine.Clock{nil, engine.VirtualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))} {
			opts := []engine.Option{engine.WithType(engine.Express)}
			if clock != nil {
				opts = append(opts, engine.WithClock(clock))
			}
			res, err := m.Run(context.Background(), map[string]any{"n": int64(0)}, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != engine.StatusSucceeded {
				t.Fatalf("got %s %s %s", res.Status, deref(res.Error), deref(res.Cause))
			}
			for i := 1; i < len(res.Events); i++ {
				if res.Events[i].Timestamp.Before(res.Events[i-1].Timestamp) {
					t.Fatalf("event %d at %s comes before event %d at %s", i+1, res.Events[i].Timestamp, i, res.Events[i-1].Timestamp)
				}
			}
			if first := res.Events[0].Timestamp; first.Year() < 2020 {
				t.Fatalf("the run started in %d", first.Year())
			}
		}
	})
}

// TestMocksNamingUnknownStates: Start refuses a test case that mocks a
// state the machine lacks (states nested in a Map count as known).
func TestMocksNamingUnknownStates(t *testing.T) {
	m := compile(t, `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,
	 "ItemProcessor":{"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}}}}`)
	for _, tt := range []struct {
		state   string
		wantErr string
	}{
		{"Charge", ""},
		{"Chrage", `test case "T" mocks state "Chrage", which the state machine does not have; did you mean "Charge"?`},
	} {
		cfg, err := mock.Parse("m.json", []byte(`{"StateMachines":{"SM":{"TestCases":{"T":{"`+tt.state+`":"R"}}}},"MockedResponses":{"R":{"0":{"Return":1}}}}`))
		if err != nil {
			t.Fatal(err)
		}
		tc, err := cfg.TestCase("SM", "T")
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.Run(context.Background(), map[string]any{}, engine.WithMocks(tc))
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.state, err)
			}
			continue
		}
		if !errors.Is(err, mock.ErrUnknownState) || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want ErrUnknownState saying %q", tt.state, err, tt.wantErr)
		}
	}
}
