package engine

import (
	"context"
	"sync"
)

// iterations is the outcome of a Map's items.
type iterations struct {
	results    []any
	failures   int   // failed items (distributed Map tolerates some)
	err        error // the first failure (inline) or a stop
	lastEnd    int64 // the last MapIterationSucceeded
	failedLast int64 // the failed item's last state event
}

// runIterations runs the items through the processor, at most maxConc at
// once (0: inline default).
func (st *stepCtx) runIterations(ctx context.Context, items []any, in any, maxConc int64, startID int64) iterations {
	n := st.n
	workers := int(maxConc)
	if workers <= 0 || workers > inlineConcurrency && !n.distributed {
		workers = inlineConcurrency
	}
	if st.sc.ex.cfg.deterministic {
		// One item at a time, so that a seeded run's history repeats
		// event for event (outputs never depend on the order).
		workers = 1
	}
	workers = min(workers, len(items))
	ictx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	res := iterations{results: make([]any, len(items))}
	var (
		mu    sync.Mutex
		next  int
		chain = startID // the previous item's last state event
		wg    sync.WaitGroup
	)
	take := func() (int, int64, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= len(items) || res.err != nil {
			return 0, 0, false
		}
		next++
		return next - 1, chain, true
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, prev, ok := take()
				if !ok {
					return
				}
				var it iterationEnd
				out, err := guard(func() (any, error) {
					var out any
					out, it = st.iteration(ictx, i, items[i], in, prev)
					return out, it.err
				})
				if err != nil && it.err == nil {
					it = iterationEnd{err: err, last: prev}
				}
				mu.Lock()
				chain = it.last
				switch {
				case it.err == nil:
					res.results[i] = out
					res.lastEnd = it.end
				case n.distributed && st.sc.ex.alive(ictx) == nil && isFault(it.err):
					res.failures++
				case res.err == nil:
					res.err, res.failedLast = it.err, it.last
					cancel(errBranchCancelled)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return res
}

func isFault(err error) bool {
	_, ok := asFaultStrict(err)
	return ok
}

// iterationEnd is how one item's run ended in the history.
type iterationEnd struct {
	err  error
	last int64 // its last state event
	end  int64 // its MapIterationSucceeded event
}

// iteration runs one item through the processor in its own scope.
func (st *stepCtx) iteration(ctx context.Context, i int, item, in any, prev int64) (any, iterationEnd) {
	n := st.n
	ex := st.sc.ex
	// A distributed Map runs its items as child executions, whose events
	// are not part of this history.
	rec := st.sc.rec
	if n.distributed {
		rec = &recorder{clock: ex.clock}
	}
	sc := &scope{ex: ex, rec: rec, g: n.processor, vars: newVars(st.sc.vars), last: prev,
		mapItem: map[string]any{"Index": int64(i), "Value": item}}
	inline := !n.distributed
	if inline {
		sc.emit(Event{Type: "MapIterationStarted", MapIterationStartedEventDetails: &MapIterationDetails{Name: n.name, Index: i}})
	}
	input, err := st.itemInput(ctx, sc, item, in)
	if err == nil {
		input, err = sc.run(ctx, n.processor.startAt, input)
	}
	end := iterationEnd{err: err, last: sc.lastID()}
	if !inline {
		end.last = prev
		return input, end
	}
	d := &MapIterationDetails{Name: n.name, Index: i}
	switch {
	case err == nil:
		end.end = sc.emitSide(Event{Type: "MapIterationSucceeded", MapIterationSucceededEventDetails: d})
	case ex.alive(ctx) != nil:
		sc.emitSide(Event{Type: "MapIterationAborted", MapIterationAbortedEventDetails: d})
	default:
		sc.emitSide(Event{Type: "MapIterationFailed", MapIterationFailedEventDetails: d})
	}
	return input, end
}

// itemInput builds an iteration's input: ItemSelector (or legacy
// Parameters) evaluated with $$.Map.Item, else the item itself.
func (st *stepCtx) itemInput(ctx context.Context, sc *scope, item, in any) (any, error) {
	n := st.n
	if !n.itemSelector.set {
		return item, nil
	}
	// The selector sees the Map state's context with $$.Map.Item added.
	st2 := *st
	st2.item = sc.mapItem
	if n.jsonata {
		return st2.jsonataValue(ctx, n.itemSelector.v, "ItemSelector", st2.statesVar(nil, nil))
	}
	return st2.template(ctx, n.itemSelector.v, in, "ItemSelector")
}
