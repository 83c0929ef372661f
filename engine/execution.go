package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonata"
)

// Run statuses, as AWS names them.
const (
	StatusRunning   = "RUNNING"
	StatusSucceeded = "SUCCEEDED"
	StatusFailed    = "FAILED"
	StatusTimedOut  = "TIMED_OUT"
	StatusAborted   = "ABORTED"
)

// Result is how an execution ended.
type Result struct {
	Status string  `json:"status"`
	Output any     `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
	Cause  *string `json:"cause,omitempty"`
	// Location places a FAILED run's error in the definition: the field
	// (or template key) being evaluated when it arose, else its state. Nil
	// when unknown (a bound the run passed, an error from outside).
	Location *fault.Location `json:"location,omitempty"`
	Events   []Event         `json:"events,omitempty"`
	// MapRuns are the distributed Map runs, each with its child
	// executions (their histories only when the run keeps a history).
	MapRuns []MapRun `json:"mapRuns,omitempty"`
}

// Execution is one run of a Machine. Its methods are safe for concurrent
// use: the studio drives breakpoints and callbacks while the run goes on.
type Execution struct {
	m      *Machine
	cfg    *config
	rec    *recorder
	clock  Clock
	ctx    context.Context
	cancel context.CancelCauseFunc

	arn, name, smArn string
	startTime        time.Time
	input            any

	invoker Invoker // mocks first, then the configured invoker

	ctxOnce         sync.Once
	ctxExecution    map[string]any // $$.Execution
	ctxStateMachine map[string]any // $$.StateMachine
	transitions     atomic.Int64
	ctrl            *controller
	tokens          *tokenTable
	activities      activityQueues

	jsonataOnce sync.Once
	jsonataRT   *jsonata.Runtime

	randMu sync.Mutex
	rand   *rand.Rand

	done   chan struct{}
	result Result

	redrive *redrive // nil unless this run continues a failed one

	mapRunsMu sync.Mutex
	mapRuns   []*mapRunRec // distributed Map runs (MapRuns)
}

// errAborted and errTimedOut end a run from outside its states.
var (
	errAborted  = errors.New("execution aborted")
	errTimedOut = errors.New("execution timed out")
	// errBranchCancelled stops the other branches (iterations) once one
	// has failed; it never leaves the Parallel or Map that raised it.
	errBranchCancelled = errors.New("cancelled: another branch failed")
)

// Run runs m to the end and returns its result.
func (m *Machine) Run(ctx context.Context, input any, opts ...Option) (Result, error) {
	ex, err := m.Start(ctx, input, opts...)
	if err != nil {
		return Result{}, err
	}
	return ex.Wait(), nil
}

// Start begins a run in the background and returns at once.
func (m *Machine) Start(ctx context.Context, input any, opts ...Option) (*Execution, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(cfg)
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	return m.start(ctx, input, cfg, nil)
}

// start begins a run, or a redrive of the run whose history plan reads.
func (m *Machine) start(ctx context.Context, input any, cfg *config, plan *redrive) (*Execution, error) {
	if err := checkInput(input); err != nil {
		return nil, err
	}
	if cfg.mocks != nil {
		// A mocked state the machine lacks is a typo or a stale name: the
		// Task it was meant for would run unmocked (a real handler, or a
		// failure far from the cause). Refuse, naming it.
		if err := cfg.mocks.CheckStates(m.names); err != nil {
			return nil, err
		}
	}
	start := cfg.startAt
	if start == "" {
		start = m.root.startAt
	} else if _, ok := m.root.states[start]; !ok {
		return nil, fmt.Errorf("start at %q: no such top-level state", start)
	}
	ex := &Execution{m: m, cfg: cfg, input: input, done: make(chan struct{}), redrive: plan}
	seed := cfg.seed
	if !cfg.deterministic {
		seed = time.Now().UnixNano()
	}
	ex.rand = rand.New(rand.NewPCG(uint64(seed), uint64(seed)>>1|1))
	ex.startTime = cfg.startTime
	ex.clock = cfg.clock
	switch {
	case ex.clock != nil:
	case cfg.deterministic:
		ex.clock = VirtualClock(ex.startTime)
	default:
		ex.clock = SkipClock()
	}
	if !cfg.deterministic {
		ex.startTime = ex.clock.Now()
	}
	if plan != nil {
		// $$.Execution.StartTime stays the first attempt's.
		plan.at, ex.startTime = ex.startTime, plan.started
	}
	ex.rec = &recorder{clock: ex.clock, keep: cfg.keepHistory, observer: cfg.observer}
	if plan != nil {
		ex.rec.resume(plan.plan.events)
	}
	if cfg.typ == Standard {
		ex.rec.limit = maxHistoryEvents
		ex.rec.onLimit = func() { ex.exceeded(historyLimitCause) }
	}
	ex.ctrl = newController(cfg)
	ex.tokens = newTokenTable()
	ex.name = cfg.executionName
	if ex.name == "" {
		ex.name = ex.UUID()
	}
	smName := m.name
	if smName == "" {
		smName = "StateMachine"
	}
	prefix := "arn:aws:states:" + cfg.region + ":" + cfg.account + ":"
	ex.smArn = prefix + "stateMachine:" + smName
	ex.arn = prefix + "execution:" + smName + ":" + ex.name
	ex.invoker = cfg.invoker
	if plan != nil {
		ex.keepMapRuns(cfg.mapRuns)
	}
	if cfg.mocks != nil {
		mi := newMockInvoker(cfg.mocks)
		if plan != nil {
			mi.calls = plan.plan.mockCalls()
			// Children's Tasks count too: their events are in their
			// own histories, kept in the Map Run records.
			for _, r := range cfg.mapRuns {
				for _, c := range r.Children {
					if len(c.Events) > 0 {
						for k, v := range newRedrivePlan(c.Events).mockCalls() {
							mi.calls[k] += v
						}
					}
				}
			}
		}
		ex.invoker = Chain(mi, cfg.invoker)
	}
	ex.ctx, ex.cancel = context.WithCancelCause(ctx)
	if plan != nil {
		go ex.runRedrive()
		return ex, nil
	}
	go ex.run(start)
	return ex, nil
}

// UUID returns a new UUID, drawn from the seeded source in deterministic
// mode.
func (ex *Execution) UUID() string {
	ex.randMu.Lock()
	defer ex.randMu.Unlock()
	var b [16]byte
	for i := range b {
		b[i] = byte(ex.rand.UintN(256))
	}
	u, _ := uuid.FromBytes(b[:])
	u[6] = (u[6] & 0x0f) | 0x40
	u[8] = (u[8] & 0x3f) | 0x80
	return u.String()
}

// Int64N returns a random number in [0,n) from the run's source, for
// States.MathRandom.
func (ex *Execution) Int64N(n int64) int64 {
	ex.randMu.Lock()
	defer ex.randMu.Unlock()
	return ex.rand.Int64N(n)
}

// Float64 returns a random number in [0,1) from the run's source.
func (ex *Execution) Float64() float64 {
	ex.randMu.Lock()
	defer ex.randMu.Unlock()
	return ex.rand.Float64()
}

// Wait blocks until the run ends and returns its result.
func (ex *Execution) Wait() Result {
	<-ex.done
	return ex.result
}

// Done is closed when the run has ended.
func (ex *Execution) Done() <-chan struct{} { return ex.done }

// Stop aborts the run: it ends ABORTED as soon as its states notice.
func (ex *Execution) Stop() { ex.cancel(errAborted) }

// Events returns the history recorded so far.
func (ex *Execution) Events() []Event { return ex.rec.all() }

// Arn is the execution's ARN, as $$.Execution.Id shows it.
func (ex *Execution) Arn() string { return ex.arn }

func (ex *Execution) run(start string) {
	defer close(ex.done)
	defer ex.cancel(nil)
	ctx, stop := ex.deadline(ex.startTime)
	defer stop()
	started := Event{Type: "ExecutionStarted"}
	if ex.rec.active() {
		started.ExecutionStartedEventDetails = &ExecutionStartedDetails{Input: EncodeJSON(ex.input), RoleArn: ex.cfg.roleArn}
	}
	vars := newVars(nil)
	for k, v := range ex.cfg.variables {
		vars.set(k, v)
	}
	sc := &scope{ex: ex, rec: ex.rec, g: ex.m.root, vars: vars, last: 0}
	sc.th = &sc.own
	sc.emitAfter(0, started)
	sc.setLast(0)
	// Every state's output is checked as it leaves; the input by Start.
	out, err := guard(func() (any, error) { return sc.run(ctx, start, ex.input) })
	ex.finish(sc, out, err)
}

func (ex *Execution) finish(sc *scope, out any, err error) {
	prev, at := sc.lastID(), sc.now()
	res := Result{}
	var limit *limitError
	switch cause := context.Cause(ex.ctx); {
	case errors.As(cause, &limit) || errors.As(err, &limit):
		// Checked first: a run past a bound fails even if the state that
		// noticed it went on to end the run.
		res.Status = StatusFailed
		res.Error, res.Cause = strPtr(errRuntime), strPtr(limit.cause)
		d := &FailureDetails{Error: res.Error, Cause: res.Cause}
		ex.rec.final(prev, at, Event{Type: "ExecutionFailed", ExecutionFailedEventDetails: d})
	case err == nil:
		res.Status, res.Output = StatusSucceeded, out
		e := Event{Type: "ExecutionSucceeded"}
		if ex.rec.active() {
			e.ExecutionSucceededEventDetails = &OutputDetails{Output: EncodeJSON(out)}
		}
		ex.rec.final(prev, at, e)
	case errors.Is(err, errTimedOut) || errors.Is(cause, errTimedOut):
		res.Status = StatusTimedOut
		ex.rec.final(prev, at, Event{Type: "ExecutionTimedOut", ExecutionTimedOutEventDetails: &FailureDetails{}})
	case errors.Is(cause, errAborted) || errors.Is(err, errAborted):
		res.Status = StatusAborted
		// A stop comes from outside the run, after no event of it: AWS
		// records previousEventId 0 (test_stop_execution in the API corpus).
		ex.rec.final(0, at, Event{Type: "ExecutionAborted", ExecutionAbortedEventDetails: &FailureDetails{}})
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		res.Status = StatusAborted
		e, c := "Stepstudio.Cancelled", err.Error()
		res.Error, res.Cause = &e, &c
		ex.rec.final(prev, at, Event{Type: "ExecutionAborted", ExecutionAbortedEventDetails: &FailureDetails{Error: &e, Cause: &c}})
	default:
		f := asFault(err)
		res.Status = StatusFailed
		// A Fail state may give neither Error nor Cause; AWS then omits them.
		res.Error, res.Cause, res.Location = strPtr(f.Name), strPtr(f.Cause), f.Location
		d := &FailureDetails{Error: res.Error, Cause: res.Cause, location: f.Location}
		ex.rec.final(prev, at, Event{Type: "ExecutionFailed", ExecutionFailedEventDetails: d})
	}
	if ex.cfg.keepHistory {
		res.Events = ex.rec.all()
	}
	res.MapRuns = ex.MapRuns()
	ex.result = res
}

// deadline applies the workflow's TimeoutSeconds counted from since.
func (ex *Execution) deadline(since time.Time) (context.Context, func()) {
	ctx := ex.ctx
	if ex.m.timeout <= 0 {
		return ctx, func() {}
	}
	// Waits see the deadline on the run's clock; on a real or scaled
	// clock a timer also stops work that does not wait (a slow task).
	ctx = withDeadline(ctx, since.Add(wholeSeconds(ex.m.timeout)), errTimedOut)
	if _, virtual := ex.clock.(*virtualClock); !virtual {
		timer := time.AfterFunc(realDuration(ex.clock, wholeSeconds(ex.m.timeout)), func() { ex.cancel(errTimedOut) })
		return ctx, func() { timer.Stop() }
	}
	return ctx, func() {}
}

// realDuration converts a virtual duration to the time a clock really
// takes for it.
func realDuration(c Clock, d time.Duration) time.Duration {
	if s, ok := c.(*scaledClock); ok {
		return scaleDuration(d, s.factor)
	}
	return d
}
