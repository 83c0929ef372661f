package engine

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNotRedrivable is matched by the error Redrive returns for a run AWS
// would not redrive (its ExecutionNotRedrivable).
var ErrNotRedrivable = errors.New("ExecutionNotRedrivable")

// redriveWindow is how long after it ended AWS lets a run be redriven.
const redriveWindow = 14 * 24 * time.Hour

// redrive is one redrive of a past run.
type redrive struct {
	plan    *redrivePlan
	count   int       // this redrive's number: 1, 2, ...
	started time.Time // the first attempt's start
	at      time.Time // when this redrive began
}

// CheckRedrivable says whether AWS would redrive the run whose history
// evs is, at now: a STANDARD run that ended FAILED, TIMED_OUT or ABORTED
// in the last 14 days. The error wraps ErrNotRedrivable and says why in
// AWS's words.
func CheckRedrivable(evs []Event, typ StateMachineType, now time.Time) error {
	if typ == Express {
		return fmt.Errorf("%w: Redrive is not supported for EXPRESS state machines", ErrNotRedrivable)
	}
	if len(evs) == 0 || evs[0].Type != "ExecutionStarted" {
		return fmt.Errorf("%w: the history does not begin with ExecutionStarted", ErrNotRedrivable)
	}
	last := evs[len(evs)-1]
	switch last.Type {
	case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted":
	case "ExecutionSucceeded":
		return fmt.Errorf("%w: Execution is not redrivable because it has status SUCCEEDED", ErrNotRedrivable)
	default:
		return fmt.Errorf("%w: Execution is not redrivable because it has status RUNNING", ErrNotRedrivable)
	}
	if now.Sub(last.Timestamp) > redriveWindow {
		return fmt.Errorf("%w: Execution is not redrivable because it was stopped more than 14 days ago", ErrNotRedrivable)
	}
	return nil
}

// Redrive continues the run whose history evs is, as AWS's
// RedriveExecution does: in the same history, after an ExecutionRedriven
// event, from the state that did not finish, with the input it had.
// Parallel branches and inline Map items that succeeded keep their output
// and do not run again; the others go on from the state they stopped in.
// Mocked Tasks go on counting invocations where the history left them.
// $$.Execution.RedriveCount is 1 for the first redrive, then 2, ...
//
// Pass the options of the first run (mocks, type, name); the input is the
// first run's. Within a state that is retried (a Map or Parallel attempt)
// the last attempt's results are the ones kept.
func (m *Machine) Redrive(ctx context.Context, evs []Event, opts ...Option) (*Execution, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(cfg)
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	now := time.Now()
	switch {
	case cfg.deterministic && len(evs) > 0:
		now = evs[len(evs)-1].Timestamp // a replayable run is never stale
	case cfg.clock != nil:
		now = cfg.clock.Now()
	}
	if err := CheckRedrivable(evs, cfg.typ, now); err != nil {
		return nil, err
	}
	started := evs[0]
	var input any
	if d := started.ExecutionStartedEventDetails; d != nil {
		input = decodeText(d.Input)
	}
	rd := &redrive{plan: newRedrivePlan(evs), started: started.Timestamp, count: 1}
	for _, e := range evs {
		if e.Type == "ExecutionRedriven" {
			rd.count++
		}
	}
	if cfg.deterministic {
		// The redrive's events come after the history's last.
		cfg.startTime = evs[len(evs)-1].Timestamp
	}
	cfg.startAt = ""
	return m.start(ctx, input, cfg, rd)
}

// RedriveCount is how many times this run has been redriven (0: never).
func (ex *Execution) RedriveCount() int {
	if ex.redrive == nil {
		return 0
	}
	return ex.redrive.count
}

func (ex *Execution) runRedrive() {
	defer close(ex.done)
	defer ex.cancel(nil)
	rd := ex.redrive
	ctx, stop := ex.deadline(rd.at)
	defer stop()
	at, vars0 := rd.plan.topLevel(ex.m.root)
	vars := newVars(nil)
	for k, v := range vars0 {
		vars.set(k, v)
	}
	last := int64(len(rd.plan.events))
	sc := &scope{ex: ex, rec: ex.rec, g: ex.m.root, vars: vars, last: last}
	sc.th = &sc.own
	sc.emitAfter(last, Event{Type: "ExecutionRedriven", ExecutionRedrivenEventDetails: &RedrivenDetails{RedriveCount: rd.count}})
	start, input := at.start, at.input
	if start == "" {
		// It failed before its first state (or nothing was recorded):
		// start over.
		start, input = ex.m.root.startAt, ex.input
	}
	out, err := guard(func() (any, error) { return sc.run(ctx, start, input) })
	ex.finish(sc, out, err)
}

// redrivePlan is the history this scope's graph is redriven from: a
// distributed Map child's own, else the execution's (nil: not a redrive).
func (sc *scope) redrivePlan() *redrivePlan {
	if sc.child != nil {
		return sc.child.plan
	}
	return sc.ex.redrivePlan()
}

// redrivePlan is the plan of a redrive, nil for a first run (take on nil
// gives nil).
func (ex *Execution) redrivePlan() *redrivePlan {
	if ex.redrive == nil {
		return nil
	}
	return ex.redrive.plan
}
