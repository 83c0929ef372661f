package engine

import (
	"context"
	"time"
)

// Task deadlines (TimeoutSeconds, HeartbeatSeconds) on the run's clock.
//
// The ASL specification: "If the state runs longer than the specified
// timeout, or if more time than the specified heartbeat elapses between
// heartbeats from the task, then the interpreter fails the state with a
// States.Timeout Error Name" (AWS names the heartbeat case
// States.HeartbeatTimeout). AWS records TaskTimedOut / ActivityTimedOut
// with that error and no cause (../shared/corpus/api test_callback and
// test_activities snapshots).
//
// On the real and scaled clocks the deadlines are timers of (scaled) real
// time. On the virtual clock time stands still except where the run moves
// it, so a deadline cannot be waited for: where nobody can answer (an
// activity no worker is polling for) the deadline is reached at once, and
// where an answer may still come (a callback whose token was handed out,
// an activity a worker took) the wait is real but a deadline that fires
// moves the thread's time by its full length, so the history shows the
// timeout where AWS would.

// virtualClock says whether the run's time stands still between waits.
func (ex *Execution) virtualClock() bool {
	_, ok := ex.clock.(*virtualClock)
	return ok
}

// reachDeadline ends a wait nobody can answer on the virtual clock: the
// thread's time moves by d (or to an enclosing deadline, such as the
// machine's TimeoutSeconds, that falls first) and the state fails with
// timeout.
func (st *stepCtx) reachDeadline(ctx context.Context, d time.Duration, timeout error) error {
	if err := st.sc.sleep(ctx, d); err != nil {
		return err
	}
	return timeout
}

// deadlinePassed records, on the virtual clock, the time a real-time
// deadline stood for, so that the TimedOut event is stamped d after the
// wait began.
func (st *stepCtx) deadlinePassed(d time.Duration) {
	if !st.sc.ex.virtualClock() {
		return
	}
	st.sc.mu.Lock()
	st.sc.skipped = addDuration(st.sc.skipped, d)
	st.sc.mu.Unlock()
}
