package engine

import (
	"context"
	"math"
	"runtime"
	"sync"
	"time"
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
//
// Each of the slots keeps its own time on skipping clocks: an item starts
// when its slot's previous item ended, and the Map ends with its slowest
// slot, so waits in concurrent items overlap as in AWS. A deterministic
// run takes items one at a time (its history repeats event for event)
// but still gives each item the earliest free slot, so times match.
func (st *stepCtx) runIterations(ctx context.Context, items []any, in any, maxConc int64, startID int64) iterations {
	n := st.n
	slots := int(maxConc)
	if slots <= 0 || slots > inlineConcurrency && !n.distributed {
		slots = inlineConcurrency
	}
	slots = max(min(slots, len(items)), 1)
	// Goroutines: enough to overlap tasks and waits, never thousands;
	// for items that only compute, one per CPU (more only contend).
	workers := min(slots, maxWorkers)
	_, skips := st.sc.ex.clock.(skipper)
	// A run being debugged keeps them all: items stopped at breakpoints
	// must not hold back their siblings' turn ("pause all" shows each).
	if !n.processorTasks && (!n.processorWaits || skips) && st.sc.ex.ctrl.quiet() {
		workers = min(workers, runtime.GOMAXPROCS(0))
	}
	if st.sc.ex.cfg.deterministic {
		workers = 1
	}
	// Every item's ItemSelector sees the same $$.State: built here once,
	// not in each item's copy of st.
	st.buildStateObj()
	ictx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	res := iterations{results: make([]any, len(items))}
	start := st.sc.skippedTime()
	clocks := make([]time.Duration, slots) // each slot's time
	busy := make([]bool, slots)
	for i := range clocks {
		clocks[i] = start
	}
	var (
		mu    sync.Mutex
		freed = sync.NewCond(&mu) // a slot became free
		next  int
		chain = startID // the previous item's last state event
		wg    sync.WaitGroup
	)
	// take hands out the next item, the event it follows, and the free
	// slot whose time is earliest. A busy slot that started earlier may
	// end earlier, in the run's time, than any free slot's time: then its
	// end is awaited, so items go to slots as AWS would give them.
	take := func() (i int, prev int64, slot int, ok bool) {
		mu.Lock()
		defer mu.Unlock()
		for {
			if next >= len(items) || res.err != nil {
				return 0, 0, 0, false
			}
			slot = -1
			earliestBusy := time.Duration(math.MaxInt64)
			for s := range clocks {
				switch {
				case busy[s]:
					earliestBusy = min(earliestBusy, clocks[s])
				case slot < 0 || clocks[s] < clocks[slot]:
					slot = s
				}
			}
			if slot >= 0 && clocks[slot] <= earliestBusy {
				break
			}
			freed.Wait()
		}
		busy[slot] = true
		next++
		return next - 1, chain, slot, true
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, prev, slot, ok := take()
				if !ok {
					return
				}
				var it iterationEnd
				out, err := guard(func() (any, error) {
					var out any
					out, it = st.iteration(ictx, i, items[i], in, prev, slotTime(&mu, clocks, slot))
					return out, it.err
				})
				if err != nil && it.err == nil {
					it = iterationEnd{err: err, last: prev, at: slotTime(&mu, clocks, slot)}
				}
				mu.Lock()
				clocks[slot], busy[slot] = it.at, false
				freed.Broadcast()
				chain = it.last
				switch {
				case it.err == nil:
					res.results[i] = out
					if it.end != 0 { // 0: kept from before a redrive
						res.lastEnd = it.end
					}
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
	for _, t := range clocks {
		st.sc.joinTime(t)
	}
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
	at   time.Duration
}

// iteration runs one item through the processor in its own scope.
func (st *stepCtx) iteration(ctx context.Context, i int, item, in any, prev int64, at time.Duration) (any, iterationEnd) {
	n := st.n
	ex := st.sc.ex
	var from resumePoint
	if st.memo != nil && !n.distributed {
		// A redrive keeps the items that succeeded, unrecorded.
		if from = st.memo.item(n.name, i, n.processor); from.done {
			return from.out, iterationEnd{last: prev, at: at}
		}
	}
	if n.distributed {
		var before *ChildExecution
		if st.redriven {
			// A redriven Map Run keeps its successful children's results
			// and redrives the others.
			c := st.mapRun.child(i)
			if c.Status == StatusSucceeded {
				return c.Output, iterationEnd{last: prev, at: at}
			}
			if c.Name != "" && !n.expressChildren { // it started: STANDARD children go on
				before = &c
			}
		}
		return st.childIteration(ctx, i, item, in, prev, at, before)
	}
	sc := iterScopes.Get().(*scope)
	*sc = scope{ex: ex, rec: st.sc.rec, g: n.processor, last: prev, skipped: at,
		itemIndex: i, itemValue: item, child: st.sc.child}
	// Registered before ctrl.done's defer, so it runs after it.
	defer recycleScope(sc, n)
	if st.sc.redrivePlan() != nil { // frames only place a redrive's memos
		sc.frame = st.sc.frame + itemSegment(n.name, i)
	}
	sc.ownVars.parent = st.sc.vars
	sc.vars = &sc.ownVars
	from.restore(sc.vars)
	sc.th = &sc.own
	ex.ctrl.spawn(sc.th, st.sc.th, PathStep{State: n.name, Index: i})
	defer ex.ctrl.done(sc.th)
	active := sc.rec.active()
	e := Event{Type: "MapIterationStarted"}
	if active {
		e.MapIterationStartedEventDetails = &MapIterationDetails{Name: n.name, Index: i}
	}
	sc.emit(e)
	var input any
	var err error
	if from.start != "" {
		input, err = sc.run(ctx, from.start, from.input)
	} else if input, err = st.itemInput(ctx, sc, item, in); err == nil {
		input, err = sc.run(ctx, n.processor.startAt, input)
	}
	end := iterationEnd{err: err, last: sc.lastID(), at: sc.skippedTime()}
	var d *MapIterationDetails // events nobody keeps need no details
	if active {
		d = &MapIterationDetails{Name: n.name, Index: i}
	}
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

// iterScopes keeps the scopes of ended iterations for the next items: a
// scope is some 370 bytes, and a Map over 10,000 items allocated 3.6 MB of
// them, all garbage by the end (the CLI's run seldom collects it).
var iterScopes = sync.Pool{New: func() any { return new(scope) }}

// recycleScope returns an ended iteration's scope to the pool when
// nothing can still hold it: no Task inside (whose timers or callbacks
// might outlive the state) and no debugger armed (whose threads point
// into scopes). Otherwise the garbage collector takes it, as before.
func recycleScope(sc *scope, n *node) {
	if n.processorTasks || sc.ex.ctrl.armed.Load() {
		return
	}
	*sc = scope{}
	iterScopes.Put(sc)
}

// itemInput builds an iteration's input: ItemSelector (or legacy
// Parameters) evaluated with $$.Map.Item, else the item itself.
func (st *stepCtx) itemInput(ctx context.Context, sc *scope, item, in any) (any, error) {
	n := st.n
	if !n.itemSelector.set {
		return item, nil
	}
	// The selector sees the Map state's context with $$.Map.Item added.
	// Its stepCtx is the item scope's spare one, free until the item's
	// first state: a copy of st on the heap for every item otherwise.
	st2 := &sc.spare
	*st2 = *st
	st2.itemOf = sc
	var (
		v   any
		err error
	)
	if n.jsonata {
		st2.contextStaged = true // $states.context here has $$.Map.Item: not the state's
		v, err = st2.jsonataValue(ctx, n.itemSelector, "ItemSelector", st2.statesVar(nil, nil))
	} else {
		v, err = st2.template(ctx, n.itemSelector, in, "ItemSelector")
	}
	if err == nil {
		st.stageItem(sc.itemIndex, v)
	}
	return v, err
}

func slotTime(mu *sync.Mutex, clocks []time.Duration, slot int) time.Duration {
	mu.Lock()
	defer mu.Unlock()
	return clocks[slot]
}
