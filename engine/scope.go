package engine

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
)

// scope runs one graph: the machine, a Parallel branch or a Map iteration.
// It holds the variables of that graph and chains previousEventId.
type scope struct {
	ex   *Execution
	rec  *recorder // the execution's, or a distributed Map child's
	g    *graph
	vars *vars
	// The item of a Map iteration, for its ItemSelector ($$.Map.Item),
	// kept as fields: a map an item costs 300 bytes, and most selectors
	// read only its parts (see itemContext).
	itemIndex int
	itemValue any
	ownVars   vars      // vars of an iteration's scope, allocated with it
	child     *childRun // the distributed Map child execution this graph runs in, if any
	frame     string    // the Map items this graph runs in ("/Map#2"), for a redrive
	th        *thread   // what breakpoints and steps pause (&own, or the machine's)
	own       thread    // a Map item's or a branch's thread

	mu      sync.Mutex
	last    int64         // id of this thread's latest event
	skipped time.Duration // waits skipped on this thread (skipping clocks)

	spare stepCtx // reused by the states that keep nothing (see step)
}

// now is this thread's time: the clock's, plus the waits it skipped.
func (sc *scope) now() time.Time {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.ex.clock.Now().Add(sc.skipped)
}

// stamp is the time of an event recorded now (sc.mu held). Nobody reads
// the time of events nobody keeps or observes, so it is not asked for.
func (sc *scope) stamp() time.Time {
	if !sc.rec.active() {
		return time.Time{}
	}
	return sc.ex.clock.Now().Add(sc.skipped)
}

func (sc *scope) skippedTime() time.Duration {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.skipped
}

// joinTime moves this thread's time to a child thread's end if later (a
// Parallel ends with its slowest branch).
func (sc *scope) joinTime(d time.Duration) {
	sc.mu.Lock()
	sc.skipped = max(sc.skipped, d)
	sc.mu.Unlock()
}

// emit records an event after this thread's latest one.
func (sc *scope) emit(e Event) int64 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.last = sc.rec.add(sc.last, sc.stamp(), e)
	return sc.last
}

// emitAfter records an event whose previous event is prev (AWS links some
// events, e.g. EvaluationFailed, to an earlier one than the latest).
func (sc *scope) emitAfter(prev int64, e Event) int64 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.last = sc.rec.add(prev, sc.stamp(), e)
	return sc.last
}

// emitSide records an event after this thread's latest one without
// becoming the latest: AWS links the event after MapStateSucceeded (or a
// MapIterationSucceeded) to the event before it.
func (sc *scope) emitSide(e Event) int64 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.rec.add(sc.last, sc.stamp(), e)
}

// setLast moves this thread's latest event, when a child thread's events
// continue it.
func (sc *scope) setLast(id int64) {
	sc.mu.Lock()
	sc.last = id
	sc.mu.Unlock()
}

func (sc *scope) lastID() int64 {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.last
}

// run executes states from start until one ends the graph.
func (sc *scope) run(ctx context.Context, start string, input any) (any, error) {
	ex := sc.ex
	name := start
	var from *source // the state whose transition named name
	for {
		n, ok := sc.g.states[name]
		if !ok {
			return nil, locate(newFaultf(errRuntime, "no state named %q", name), from, "")
		}
		if err := ex.alive(ctx); err != nil {
			return nil, err
		}
		if err := ex.transition(); err != nil {
			return nil, err
		}
		if err := ex.ctrl.before(ctx, sc.th, name, input); err != nil {
			return nil, err
		}
		out, next, err := sc.step(ctx, n, input)
		if err != nil {
			return nil, err
		}
		if next == "" {
			return out, nil
		}
		name, input, from = next, out, n.src
	}
}

// step enters one state, runs it with its Retry and Catch, and exits it.
// It returns the output and the next state ("" when the graph ends).
func (sc *scope) step(ctx context.Context, n *node, input any) (any, string, error) {
	var st *stepCtx
	switch n.typ {
	case "Pass", "Choice", "Succeed", "Fail":
		// Nothing keeps these states' stepCtx once step returns (no
		// goroutine, callback or retry holds it): reuse the scope's. They
		// never sleep, so the entry time is taken when read (enteredTime).
		st = &sc.spare
		*st = stepCtx{sc: sc, n: n, input: input}
	case "Wait":
		st = &sc.spare
		*st = stepCtx{sc: sc, n: n, input: input, entered: sc.now()}
	default:
		st = &stepCtx{sc: sc, n: n, input: input, entered: sc.now()}
	}
	st.enteredPrev = sc.lastID()
	active := sc.rec.active()
	e := Event{Type: n.enteredType}
	if active {
		e.StateEnteredEventDetails = &StateEnteredDetails{Name: n.name, Input: EncodeJSON(input)}
	}
	st.enteredID = sc.emit(e)
	var (
		out  any
		next string
		err  error
	)
	switch n.typ {
	case "Pass":
		out, err = st.pass(ctx)
	case "Succeed":
		out, err = st.succeed(ctx)
	case "Fail":
		return nil, "", locate(st.fail(ctx), n.src, "")
	case "Choice":
		out, next, err = st.choice(ctx)
	case "Wait":
		out, err = st.wait(ctx)
	case "Task":
		out, next, err = st.withRetry(ctx, st.task)
	case "Parallel":
		st.memo = sc.redrivePlan().take(sc.frame, n.name)
		out, next, err = st.withRetry(ctx, st.parallel)
	case "Map":
		st.memo = sc.redrivePlan().take(sc.frame, n.name)
		out, next, err = st.withRetry(ctx, st.mapState)
	default:
		err = newFaultf(errRuntime, "state %q has unknown type %q", n.name, n.typ)
	}
	if err != nil {
		// An error no field claimed (a Task's own, No Matches!, a
		// tolerance exceeded) is placed at the state.
		return nil, "", locate(err, n.src, "")
	}
	if next == "" && !n.end && n.typ != "Succeed" {
		next = n.next
	}
	if !sameValue(out, input) { // the input was checked when it left its state
		if err := checkSize(out); err != nil {
			return nil, "", locate(err, n.src, "")
		}
	}
	e = Event{Type: n.exitedType}
	if active {
		e.StateExitedEventDetails = &StateExitedDetails{Name: n.name, Output: EncodeJSON(out)}
		if st.assigned != nil {
			e.StateExitedEventDetails.AssignedVariables = st.assigned
			e.StateExitedEventDetails.AssignedVariablesDetails = &Truncation{}
		}
	}
	sc.emit(e)
	return out, next, nil
}

// stepCtx is one state's entry: its input, the time and event id it was
// entered at (for the context object and AWS's error causes).
type stepCtx struct {
	sc          *scope
	n           *node
	input       any
	entered     time.Time // zero until read, for states that never sleep (enteredTime)
	enteredID   int64
	enteredPrev int64 // the event before StateEntered

	// failed is the MapStateFailed/ParallelStateFailed event of the
	// attempt that just failed, linked after failedPrev; withRetry records
	// it only when the failure is not retried.
	failed     *Event
	failedPrev int64

	mapRun     *mapRunRec // a distributed Map's run record, while its items run
	redriven   bool       // mapRun is a redriven Map Run: its children are kept or redriven
	retryCount int
	token      string
	stateObj   map[string]any // $$.State, built on first use
	itemOf     *scope         // the Map iteration whose ItemSelector this evaluates ($$.Map.Item)
	env        intrinsic.Env  // reused by every template this state evaluates
	assigned   map[string]string
	// contextStaged: $states.context was reported to a StageObserver.
	contextStaged bool
	// memo is what a redriven Parallel or Map did before (nil: run all).
	memo *stateMemo
}

// runtimeErr builds an error whose cause names the state as AWS does,
// placed at the field at (nil: the state).
func (st *stepCtx) runtimeErr(at *source, name, format string, args ...any) error {
	return st.raise(st.place(at, ""), name, fmt.Sprintf(format, args...))
}

// raise is runtimeErr with the place and the cause's tail given.
func (st *stepCtx) raise(loc *fault.Location, name, cause string) error {
	err := &fault.Error{Name: name, Cause: st.causePrefix() + cause, Location: loc}
	if name == errQueryEvaluation {
		st.evaluationFailed(err)
	}
	return err
}

// evaluationFailed records AWS's EvaluationFailed event for a JSONata
// evaluation error, located at the field its cause names. AWS links it
// after the event before StateEntered, except in Wait states.
func (st *stepCtx) evaluationFailed(err *fault.Error) {
	prev := st.enteredPrev
	if st.n.typ == "Wait" {
		prev = st.enteredID
	}
	d := &EvaluationFailedDetails{Error: err.Name, Cause: err.Cause, State: st.n.name, location: err.Location}
	if m := fieldInCause().FindStringSubmatch(err.Cause); m != nil {
		d.Location = m[1]
	} else if m := fieldNamed().FindStringSubmatch(err.Cause); m != nil {
		d.Location = m[1]
	}
	st.sc.emitAfter(prev, Event{Type: "EvaluationFailed", EvaluationFailedEventDetails: d})
}

var (
	fieldInCause = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`specified for the field '([^']*)'`) })
	fieldNamed   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\. The ([A-Za-z]+) field `) })
)

func (st *stepCtx) causePrefix() string {
	return fmt.Sprintf("An error occurred while executing the state '%s' (entered at the event id #%d). ", st.n.name, st.enteredID)
}

// timestamp formats t as AWS shows times in the context object.
func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// contextObject builds $$ for this state.
// The parts that do not change during a run are built once; values are
// never mutated, so every state can share them.
func (st *stepCtx) contextObject() map[string]any {
	st.buildStateObj()
	exec, sm := st.sc.contextParts()
	c := map[string]any{
		"Execution":    exec,
		"StateMachine": sm,
		"State":        st.stateObj,
	}
	if st.token != "" {
		c["Task"] = map[string]any{"Token": st.token}
	}

	// $$.Map.Item exists only for a Map's ItemSelector (or legacy
	// Parameters); the item's own states do not see it, as in AWS.
	if st.itemOf != nil {
		c["Map"] = map[string]any{"Item": st.itemOf.itemObject()}
	}
	return c
}

// itemContexts are $$ objects for the ItemSelectors of Map items: $$
// itself and $$.Map are refilled for each item instead of built anew (two
// maps an item), which is safe for templates whose paths never select
// them (compiledTemplate.readsContextParts).
var itemContexts = sync.Pool{New: func() any {
	return &itemContext{c: make(map[string]any, 4), m: make(map[string]any, 1), it: make(map[string]any, 2)}
}}

type itemContext struct {
	c, m, it map[string]any
	// The objects c was last filled with: the items of one Map state
	// share them, so c is refilled only when they change (four map
	// writes an item otherwise).
	exec, sm, state map[string]any
}

// itemContext returns $$ for st, a Map state evaluating an item's
// ItemSelector (st.itemOf set, $$.State built). $$.Map.Item is pooled too
// when the selector reads only below it (reuseItem), else built anew.
func (st *stepCtx) itemContext(reuseItem bool) *itemContext {
	ic := itemContexts.Get().(*itemContext)
	exec, sm := st.sc.contextParts()
	if !sameMap(ic.exec, exec) || !sameMap(ic.sm, sm) || !sameMap(ic.state, st.stateObj) {
		ic.c["Execution"], ic.c["StateMachine"], ic.c["State"], ic.c["Map"] = exec, sm, st.stateObj, ic.m
		ic.exec, ic.sm, ic.state = exec, sm, st.stateObj
	}
	if reuseItem {
		ic.it["Index"], ic.it["Value"] = int64(st.itemOf.itemIndex), st.itemOf.itemValue
		ic.m["Item"] = ic.it
	} else {
		ic.m["Item"] = st.itemOf.itemObject()
	}
	return ic
}

// release returns ic to the pool without keeping the item alive.
func (ic *itemContext) release() {
	ic.m["Item"], ic.it["Value"] = nil, nil
	itemContexts.Put(ic)
}

// sameMap says whether a (a map c was filled with) is m itself.
func sameMap(a, m map[string]any) bool { return a != nil && sameValue(a, m) }

// itemObject is $$.Map.Item of an iteration's scope.
func (sc *scope) itemObject() map[string]any {
	return map[string]any{"Index": int64(sc.itemIndex), "Value": sc.itemValue}
}

// enteredTime is when the state was entered.
func (st *stepCtx) enteredTime() time.Time {
	if st.entered.IsZero() {
		st.entered = st.sc.now()
	}
	return st.entered
}

// buildContextParts builds $$.Execution and $$.StateMachine, once a run.
// contextParts are $$.Execution and $$.StateMachine for this scope: a
// distributed Map's child execution has its own, as in AWS.
func (sc *scope) contextParts() (exec, sm map[string]any) {
	if c := sc.child; c != nil {
		return c.ctxExecution, c.ctxStateMachine
	}
	sc.ex.buildContextParts()
	return sc.ex.ctxExecution, sc.ex.ctxStateMachine
}

func (ex *Execution) buildContextParts() {
	ex.ctxOnce.Do(func() {
		ex.ctxExecution = map[string]any{
			"Id": ex.arn, "Input": ex.input, "Name": ex.name, "RoleArn": ex.cfg.roleArn,
			"StartTime": timestamp(ex.startTime), "RedriveCount": int64(ex.RedriveCount()),
		}
		if ex.redrive != nil {
			ex.ctxExecution["RedriveTime"] = timestamp(ex.redrive.at)
		}
		ex.ctxStateMachine = map[string]any{"Id": ex.smArn, "Name": ex.m.nameOrDefault()}
		if e, ok := ex.cfg.contextObject["Execution"].(map[string]any); ok {
			ex.ctxExecution = e
		}
		if m, ok := ex.cfg.contextObject["StateMachine"].(map[string]any); ok {
			ex.ctxStateMachine = m
		}
	})
}

// buildStateObj builds $$.State, once per entry (a Task's again for each
// attempt: its RetryCount changes).
func (st *stepCtx) buildStateObj() {
	if st.stateObj == nil || st.n.typ == "Task" {
		st.stateObj = map[string]any{"Name": st.n.name, "EnteredTime": timestamp(st.enteredTime())}
		if st.n.typ == "Task" {
			st.stateObj["RetryCount"] = int64(st.retryCount)
		}
		if o, ok := st.sc.ex.cfg.contextObject["State"].(map[string]any); ok {
			st.stateObj = o
		}
	}
}

func (m *Machine) nameOrDefault() string {
	if m.name == "" {
		return "StateMachine"
	}
	return m.name
}
