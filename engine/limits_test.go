package engine_test

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
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
