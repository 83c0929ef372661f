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
func (st *stepCtx) childIteration(ctx context.Context, i int, item, in any, prev int64, at time.Duration) (any, iterationEnd) {
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
	sc := &scope{ex: ex, rec: rec, g: n.processor, vars: newVars(st.sc.vars), skipped: at,
		itemIndex: i, itemValue: item, frame: st.sc.frame + itemSegment(n.name, i), child: child}
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
	var out any
	if err == nil {
		out, err = sc.run(ctx, n.processor.startAt, input)
	}
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
