package engine

import (
	"context"
	"time"
)

// A deadline ends a machine or a state after TimeoutSeconds measured on the
// run's clock. Deadlines live in the context so that a Wait inside a
// Parallel inside a timed-out machine sees every deadline around it; on
// the virtual clock they fire exactly when time is skipped past them.
type deadline struct {
	at     time.Time
	err    error
	parent *deadline
}

type deadlineKey struct{}

func withDeadline(ctx context.Context, at time.Time, err error) context.Context {
	parent, _ := ctx.Value(deadlineKey{}).(*deadline)
	return context.WithValue(ctx, deadlineKey{}, &deadline{at: at, err: err, parent: parent})
}

// sleep waits d on this thread; it stops early with the deadline's error
// when a deadline falls inside the wait, and with the cancellation cause
// when ctx ends. Skipping clocks do not wait: the thread's time moves on.
func (sc *scope) sleep(ctx context.Context, d time.Duration) error {
	ex := sc.ex
	if err := ex.alive(ctx); err != nil {
		return err
	}
	now := sc.now()
	end := now.Add(d)
	var hit *deadline
	for dl, _ := ctx.Value(deadlineKey{}).(*deadline); dl != nil; dl = dl.parent {
		if !dl.at.After(end) && (hit == nil || dl.at.Before(hit.at)) {
			hit = dl
		}
	}
	wait := d
	if hit != nil {
		wait = hit.at.Sub(now)
	}
	if _, skips := ex.clock.(skipper); skips {
		sc.mu.Lock()
		sc.skipped = addDuration(sc.skipped, max(wait, 0))
		sc.mu.Unlock()
	} else if err := ex.clock.Sleep(ctx, wait); err != nil {
		return ex.alive(ctx)
	}
	if hit != nil {
		return hit.err
	}
	return nil
}

// alive returns nil while ctx runs, else why it stopped.
func (ex *Execution) alive(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	if c := context.Cause(ctx); c != nil {
		return c
	}
	return ctx.Err()
}
