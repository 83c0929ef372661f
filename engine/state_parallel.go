package engine

import (
	"context"
	"sync"
)

// parallel runs every branch concurrently on the same input; the output
// lists the branch outputs in branch order. The first branch to fail
// cancels the others and the state fails with that branch's own error.
func (st *stepCtx) parallel(ctx context.Context) (any, string, error) {
	n := st.n
	var (
		in  any
		err error
	)
	if n.jsonata {
		in, err = st.arguments(ctx)
	} else {
		in, err = st.effectiveInput(ctx)
	}
	if err != nil {
		return nil, "", err
	}
	startID := st.sc.emit(Event{Type: "ParallelStateStarted"})
	results, last, err := st.runBranches(ctx, in, startID)
	if err != nil {
		if st.sc.ex.alive(ctx) == nil {
			st.failed, st.failedPrev = &Event{Type: "ParallelStateFailed"}, last
		}
		return nil, "", err
	}
	// AWS records no ParallelStateSucceeded: the state exits after the
	// branch that ended last.
	st.sc.setLast(last)
	var result any = results
	st.stage("Result", result)
	if n.jsonata {
		out, err := st.finishJSONata(ctx, result, result, true)
		return out, "", err
	}
	out, err := st.finishJSONPath(ctx, result, true)
	return out, "", err
}

// runBranches returns the outputs and the last event of the branch that
// ended last (or failed first).
func (st *stepCtx) runBranches(ctx context.Context, in any, startID int64) ([]any, int64, error) {
	bctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	results := make([]any, len(st.n.branches))
	var (
		wg       sync.WaitGroup
		firstErr error
		mu       sync.Mutex
		last     = startID
		start    = st.sc.skippedTime()
		end      = start // the slowest branch's time: a Parallel waits for all
	)
	for i, g := range st.n.branches {
		from, input := g.startAt, in
		var restored resumePoint
		if st.memo != nil {
			// A redrive keeps the branches that succeeded.
			r := st.memo.branch(g)
			if r.done {
				results[i] = r.out
				continue
			}
			if r.start != "" {
				from, input, restored = r.start, r.input, r
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &scope{ex: st.sc.ex, rec: st.sc.rec, g: g, vars: newVars(st.sc.vars), last: startID, skipped: start, frame: st.sc.frame, child: st.sc.child}
			restored.restore(sc.vars)
			sc.th = &sc.own
			st.sc.ex.ctrl.spawn(sc.th, st.sc.th, PathStep{State: st.n.name, Index: i, Branch: true})
			out, err := guard(func() (any, error) { return sc.run(bctx, from, deepCopy(input)) })
			st.sc.ex.ctrl.done(sc.th)
			mu.Lock()
			defer mu.Unlock()
			end = max(end, sc.skippedTime())
			switch {
			case err != nil && firstErr == nil:
				firstErr, last = err, sc.lastID()
				cancel(errBranchCancelled)
			case err == nil:
				results[i] = out
				if firstErr == nil {
					last = max(last, sc.lastID())
				}
			}
		}()
	}
	wg.Wait()
	st.sc.joinTime(end)
	return results, last, firstErr
}
