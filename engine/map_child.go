package engine

import (
	"context"
	"errors"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
)

// childIteration runs one item of a distributed Map as AWS does: as a
// child execution with its own name, $$.Execution and history
// (ExecutionStarted ... ExecutionSucceeded/Failed), kept in the Map Run
// record, not in the parent's history.
//
// before is the child's record when a redriven Map Run redrives it: the
// same execution goes on in its own history (ExecutionRedriven, then
// from the state that did not finish, with its variables), as AWS
// redrives a STANDARD child.
func (st *stepCtx) childIteration(ctx context.Context, i int, item, in any, prev int64, at time.Duration, before *ChildExecution) (any, iterationEnd) {
	if before != nil {
		return st.redriveChild(ctx, i, prev, at, before)
	}
	n := st.n
	ex := st.sc.ex
	// The studio runs without a history but shows children's histories.
	rec := &recorder{clock: ex.clock, keep: ex.cfg.keepHistory || ex.cfg.observer != nil, small: true}
	name := ex.UUID()
	label := labelOr(n)
	smName := ex.m.nameOrDefault() + "/" + label
	arn := "arn:aws:states:" + ex.cfg.region + ":" + ex.cfg.account + ":execution:" + smName + ":" + name
	child := &childRun{ctxStateMachine: map[string]any{
		"Id":   "arn:aws:states:" + ex.cfg.region + ":" + ex.cfg.account + ":stateMachine:" + smName,
		"Name": smName,
	}}
	// frame "": a child's redrive reads its own history (childRun.plan).
	sc := &scope{ex: ex, rec: rec, g: n.processor, vars: newVars(st.sc.vars), skipped: at,
		itemIndex: i, itemValue: item, child: child}
	sc.th = &sc.own
	ex.ctrl.spawn(sc.th, st.sc.th, PathStep{State: n.name, Index: i})
	defer ex.ctrl.done(sc.th)
	start := sc.now()
	// The ItemSelector runs in the parent (its $$ is the parent's), and
	// its result is the child's input.
	input, err := st.itemInput(ctx, sc, item, in)
	child.ctxExecution = map[string]any{
		"Id": arn, "Input": input, "Name": name, "RoleArn": ex.cfg.roleArn,
		"StartTime": timestamp(start), "RedriveCount": int64(0),
	}
	if r := st.mapRun; r != nil {
		r.started(i, ChildExecution{Index: i, Name: name, Arn: arn, Status: "RUNNING", StartDate: &start, Input: input})
	}
	started := Event{Type: "ExecutionStarted"}
	if rec.active() {
		started.ExecutionStartedEventDetails = &ExecutionStartedDetails{Input: EncodeJSON(input), RoleArn: ex.cfg.roleArn}
	}
	sc.emitAfter(0, started)
	if err == nil {
		return st.endChild(ctx, sc, i, prev, func() (any, error) { return sc.run(ctx, n.processor.startAt, input) })
	}
	return st.endChild(ctx, sc, i, prev, func() (any, error) { return nil, err })
}

// redriveChild redrives child c of a redriven Map Run in place.
func (st *stepCtx) redriveChild(ctx context.Context, i int, prev int64, at time.Duration, c *ChildExecution) (any, iterationEnd) {
	n := st.n
	ex := st.sc.ex
	rec := &recorder{clock: ex.clock, keep: ex.cfg.keepHistory || ex.cfg.observer != nil, small: true}
	rec.resume(c.Events)
	plan := newRedrivePlan(c.Events)
	smName := ex.m.nameOrDefault() + "/" + labelOr(n)
	child := &childRun{plan: plan, ctxStateMachine: map[string]any{
		"Id":   "arn:aws:states:" + ex.cfg.region + ":" + ex.cfg.account + ":stateMachine:" + smName,
		"Name": smName,
	}}
	sc := &scope{ex: ex, rec: rec, g: n.processor, vars: newVars(st.sc.vars), skipped: at,
		itemIndex: i, itemValue: c.Input, child: child}
	sc.th = &sc.own
	ex.ctrl.spawn(sc.th, st.sc.th, PathStep{State: n.name, Index: i})
	defer ex.ctrl.done(sc.th)
	now := sc.now()
	count := c.RedriveCount + 1
	started := now
	if c.StartDate != nil {
		started = *c.StartDate // $$.Execution.StartTime stays the first attempt's
	}
	child.ctxExecution = map[string]any{
		"Id": c.Arn, "Input": c.Input, "Name": c.Name, "RoleArn": ex.cfg.roleArn,
		"StartTime": timestamp(started), "RedriveCount": int64(count), "RedriveTime": timestamp(now),
	}
	st.mapRun.started(i, ChildExecution{Index: i, Name: c.Name, Arn: c.Arn, Status: "RUNNING", StartDate: &started,
		Input: c.Input, RedriveCount: count, RedriveDate: &now})
	sc.emitAfter(int64(len(c.Events)), Event{Type: "ExecutionRedriven", ExecutionRedrivenEventDetails: &RedrivenDetails{RedriveCount: count}})
	from, vars := plan.topLevel(n.processor)
	for k, v := range vars {
		sc.vars.set(k, v)
	}
	if from.start == "" {
		// It failed before its first state, or its history was not kept:
		// from the start, with the input it had.
		from.start, from.input = n.processor.startAt, c.Input
	}
	return st.endChild(ctx, sc, i, prev, func() (any, error) { return sc.run(ctx, from.start, from.input) })
}

// endChild runs a child execution's states and records its end: in its
// own history, and in the Map Run record.
func (st *stepCtx) endChild(ctx context.Context, sc *scope, i int, prev int64, run func() (any, error)) (any, iterationEnd) {
	ex, rec := st.sc.ex, sc.rec
	out, err := run()
	stop := sc.now()
	last := sc.lastID()
	status, fe := StatusSucceeded, (*fault.Error)(nil)
	switch {
	case err == nil:
		e := Event{Type: "ExecutionSucceeded"}
		if rec.active() {
			e.ExecutionSucceededEventDetails = &OutputDetails{Output: EncodeJSON(out)}
		}
		rec.final(last, stop, e)
	case ex.alive(ctx) != nil || !isFault(err):
		status = StatusAborted
		rec.final(last, stop, Event{Type: "ExecutionAborted", ExecutionAbortedEventDetails: &FailureDetails{}})
	case errors.Is(err, errTimedOut):
		status = StatusTimedOut
		rec.final(last, stop, Event{Type: "ExecutionTimedOut", ExecutionTimedOutEventDetails: &FailureDetails{}})
	default:
		status, fe = StatusFailed, asFault(err)
		rec.final(last, stop, Event{Type: "ExecutionFailed", ExecutionFailedEventDetails: &FailureDetails{Error: strPtr(fe.Name), Cause: strPtr(fe.Cause), location: fe.Location}})
	}
	if r := st.mapRun; r != nil {
		var errName, cause *string
		if fe != nil {
			errName, cause = strPtr(fe.Name), strPtr(fe.Cause)
		}
		var evs []Event
		if rec.keep {
			evs = rec.all()
		}
		r.ended(i, status, stop, out, errName, cause, evs)
	}
	return out, iterationEnd{err: err, last: prev, at: sc.skippedTime()}
}
