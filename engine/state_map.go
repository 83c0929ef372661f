package engine

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// inlineConcurrency is how many iterations an inline Map without
// MaxConcurrency runs at once, as AWS does (up to 40).
const inlineConcurrency = 40

// mapState runs the item processor once per item and collects the outputs
// in item order. Events link as AWS links them: each iteration after the
// previous one's last state event, MapStateSucceeded beside the last
// MapIterationSucceeded, MapStateFailed after the failed item's last event.
func (st *stepCtx) mapState(ctx context.Context) (any, string, error) {
	n := st.n
	sc := st.sc
	in := st.input
	var err error
	if !n.jsonata {
		if in, err = st.inputPath(ctx); err != nil {
			return nil, "", err
		}
	}
	items, err := st.mapItems(ctx, in)
	if err != nil {
		return nil, "", st.mapFailedEarly(err)
	}
	maxConc, err := st.mapInt(ctx, n.maxConcurrency, n.maxConcurrencyPath, "MaxConcurrency", in)
	if err != nil {
		return nil, "", st.mapFailedEarly(err)
	}
	startID := sc.emit(Event{Type: "MapStateStarted", MapStateStartedEventDetails: &MapStateStartedDetails{Length: len(items)}})
	tolerated, err := st.tolerance(ctx, in, len(items))
	if err != nil {
		return nil, "", err
	}
	if n.itemBatcher.set {
		if items, err = st.batch(ctx, items, in); err != nil {
			return nil, "", err
		}
	}
	if n.distributed {
		sc.emit(Event{Type: "MapRunStarted", MapRunStartedEventDetails: &MapRunStartedDetails{
			MapRunArn: fmt.Sprintf("%s:%s/%s:%s", mapRunPrefix(sc.ex), sc.ex.m.nameOrDefault(), labelOr(n), sc.ex.UUID()),
		}})
		startID = sc.lastID()
	}
	st.contextObject() // builds $$.State once; item selectors share it
	run := st.runIterations(ctx, items, in, maxConc, startID)
	err = run.err
	if err == nil && run.failures > tolerated {
		err = newFault(errExceedTolerated, "The specified tolerated failure threshold was exceeded")
	}
	if err != nil {
		if sc.ex.alive(ctx) == nil {
			if n.distributed {
				fe := asFault(err)
				sc.emit(Event{Type: "MapRunFailed", MapRunFailedEventDetails: &FailureDetails{Error: &fe.Name, Cause: strPtr(fe.Cause)}})
				st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, sc.lastID()
			} else {
				st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, run.failedLast
			}
		}
		return nil, "", err
	}
	if n.distributed {
		sc.emit(Event{Type: "MapRunSucceeded"})
	} else if run.lastEnd != 0 {
		sc.setLast(run.lastEnd)
	}
	sc.emitSide(Event{Type: "MapStateSucceeded"})
	var result any = run.results
	if n.jsonata {
		out, err := st.finishJSONata(ctx, result, result, true)
		return out, "", err
	}
	out, err := st.finishJSONPath(ctx, result, true)
	return out, "", err
}

// mapFailedEarly marks a Map that failed before it started its items: it
// still reports MapStateFailed, after EvaluationFailed for JSONata errors.
func (st *stepCtx) mapFailedEarly(err error) error {
	if fe, ok := asFaultStrict(err); ok && fe.Name == errQueryEvaluation {
		st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, st.sc.lastID()
	}
	return err
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func mapRunPrefix(ex *Execution) string {
	return "arn:aws:states:" + ex.cfg.region + ":" + ex.cfg.account + ":mapRun"
}

func labelOr(n *node) string {
	if s, ok := n.label.str(); ok {
		return s
	}
	return n.name
}

// mapItems resolves the items: ItemsPath (JSONPath) or Items (JSONata),
// defaulting to the input, which must then be an array.
func (st *stepCtx) mapItems(ctx context.Context, in any) ([]any, error) {
	n := st.n
	if n.itemReader.set {
		return st.readItems(ctx, in)
	}
	if n.jsonata {
		if !n.items.set {
			arr, ok := in.([]any)
			if !ok {
				return nil, st.runtimeErr(errQueryEvaluation, "Map state input must be an array but was: %s", EncodeJSON(in))
			}
			return arr, nil
		}
		if arr, ok := n.items.v.([]any); ok {
			return st.jsonataArray(ctx, arr)
		}
		v, err := st.jsonataAs(ctx, n.items.v, "Items", st.statesVar(nil, nil), "array")
		if err != nil {
			return nil, err
		}
		arr, _ := v.([]any)
		return arr, nil
	}
	v := in
	if p, ok := n.itemsPath.str(); ok {
		var err error
		if v, err = st.pathField(ctx, p, in); err != nil {
			return nil, err
		}
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, st.runtimeErr(errRuntime, "Map state input must be an array but was: %s", EncodeJSON(v))
	}
	return arr, nil
}

// jsonataArray evaluates an Items array literal whose elements may be
// JSONata expressions.
func (st *stepCtx) jsonataArray(ctx context.Context, arr []any) ([]any, error) {
	v, err := st.jsonataValue(ctx, arr, "Items", st.statesVar(nil, nil))
	if err != nil {
		return nil, err
	}
	out, _ := v.([]any)
	return out, nil
}

// mapInt resolves MaxConcurrency-like integer fields and their paths.
func (st *stepCtx) mapInt(ctx context.Context, lit, path field, name string, in any) (int64, error) {
	switch {
	case lit.set:
		v := lit.v
		if s, ok := v.(string); ok && st.n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, s, name, st.statesVar(nil, nil)); err != nil {
				return 0, err
			}
		}
		f, ok := number(v)
		if !ok || f != math.Trunc(f) {
			return 0, st.runtimeErr(errQueryEvaluation, "The %s field must evaluate to an integer, but was %s", name, EncodeJSON(v))
		}
		return int64(f), nil
	case path.set:
		p, _ := path.v.(string)
		v, err := st.pathField(ctx, p, in)
		if err != nil {
			return 0, err
		}
		i, ok := v.(int64)
		if s, isStr := v.(string); isStr {
			// AWS parses numeric strings here ("1" works, "NoNumber" not).
			n, err := strconv.ParseInt(s, 10, 64)
			i, ok = n, err == nil
		}
		if !ok {
			return 0, st.runtimeErr(errRuntime, "The %sPath field refers to value %s which is not a valid integer: %s", name, quoted(v), p)
		}
		return i, nil
	}
	return 0, nil
}

func quoted(v any) string {
	if s, ok := v.(string); ok {
		return EncodeJSON(s)
	}
	return `"` + EncodeJSON(v) + `"`
}

// tolerance returns how many failed items the Map tolerates.
func (st *stepCtx) tolerance(ctx context.Context, in any, items int) (int, error) {
	n := st.n
	count, err := st.mapInt(ctx, n.toleratedCount, n.toleratedCountPath, "ToleratedFailureCount", in)
	if err != nil {
		return 0, err
	}
	if count < 0 {
		return 0, st.runtimeErr(errRuntime, "ToleratedFailureCount cannot be negative.")
	}
	tolerated := 0
	if n.toleratedCount.set || n.toleratedCountPath.set {
		tolerated = int(count)
	}
	var pct float64
	pctSet := false
	switch {
	case n.toleratedPercentage.set:
		v := n.toleratedPercentage.v
		if s, ok := v.(string); ok && n.jsonata {
			if v, err = st.jsonataValue(ctx, s, "ToleratedFailurePercentage", st.statesVar(nil, nil)); err != nil {
				return 0, err
			}
		}
		pct, pctSet = number(v)
	case n.toleratedPercentagePath.set:
		p, _ := n.toleratedPercentagePath.v.(string)
		v, err := st.pathField(ctx, p, in)
		if err != nil {
			return 0, err
		}
		var ok bool
		if pct, ok = number(v); !ok {
			return 0, st.runtimeErr(errRuntime, "The ToleratedFailurePercentagePath field refers to value %s which is not a valid number: %s", quoted(v), p)
		}
		pctSet = true
	}
	if pctSet {
		if pct < 0 || pct > 100 {
			return 0, st.runtimeErr(errRuntime, "ToleratedFailurePercentage must be between 0 and 100.")
		}
		byPct := int(math.Floor(pct / 100 * float64(items)))
		// With both thresholds, the Map fails when either is exceeded.
		if !(n.toleratedCount.set || n.toleratedCountPath.set) || byPct < tolerated {
			tolerated = byPct
		}
	}
	return tolerated, nil
}

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
	st2.sc = &scope{ex: st.sc.ex, rec: st.sc.rec, g: st.sc.g, vars: st.sc.vars, mapItem: sc.mapItem}
	if n.jsonata {
		return st2.jsonataValue(ctx, n.itemSelector.v, "ItemSelector", st2.statesVar(nil, nil))
	}
	return st2.template(ctx, n.itemSelector.v, in, "ItemSelector")
}
