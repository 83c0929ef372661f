package engine

import (
	"errors"
	"fmt"
	"time"

	"github.com/stepstudio/stepstudio/engine/mock"
	"github.com/stepstudio/stepstudio/engine/s3local"
)

// Option configures a run. Options are the engine's only extension points,
// in the manner of gojq: the clock, the task invoker, the observer, mocks.
type Option func(*config)

type config struct {
	clock          Clock
	observer       Observer
	invoker        Invoker
	mocks          *mock.TestCase
	keepHistory    bool
	maxTransitions int64
	seed           int64
	deterministic  bool
	startTime      time.Time
	startAt        string
	variables      map[string]any
	executionName  string
	roleArn        string
	region         string
	account        string
	breakpoints    map[string]bool
	pauseAtStart   bool
	pauseMode      PauseMode
	typ            StateMachineType
	contextObject  map[string]any         // WithContextObject
	s3Root         *s3local.Root          // WithS3Root
	mapRuns        []MapRun               // WithMapRuns
	onActivity     func(arn string)       // WithActivityNotify
	activityCheck  func(arn string) error // WithActivityCheck
	err            error                  // the first invalid option: Start refuses to run
}

// StateMachineType is the workflow type, as AWS names it.
type StateMachineType string

// The workflow types. A STANDARD execution's history holds at most 25,000
// events (AWS's quota): the run fails with States.Runtime when it would
// need more. An EXPRESS execution has no history limit, as in AWS; use it
// for large local experiments and benchmarks.
const (
	Standard StateMachineType = "STANDARD"
	Express  StateMachineType = "EXPRESS"
)

// ErrInvalidOption is matched by the error Start returns for an option
// given an invalid value (a cap that is not positive, ...).
var ErrInvalidOption = errors.New("invalid run option")

// invalid records the first invalid option; Start returns it.
func (cfg *config) invalid(format string, args ...any) {
	if cfg.err == nil {
		cfg.err = fmt.Errorf("%w: %s", ErrInvalidOption, fmt.Sprintf(format, args...))
	}
}

func defaultConfig() *config {
	return &config{
		keepHistory:    true,
		maxTransitions: 1_000_000,
		typ:            Standard,
		roleArn:        "arn:aws:iam::123456789012:role/StepstudioLocal",
		region:         "us-east-1",
		account:        "123456789012",
	}
}

// WithClock sets the clock. The default skips waits and retry delays while
// the history keeps their times (SkipClock; in deterministic mode a
// VirtualClock that also stands still between waits).
func WithClock(c Clock) Option { return func(cfg *config) { cfg.clock = c } }

// WithObserver streams every history event to o as it is recorded.
func WithObserver(o Observer) Option { return func(cfg *config) { cfg.observer = o } }

// WithInvoker sets what runs Task states (mocks, handlers). Without one, a
// Task fails with an error that says how to give it a mock or a handler.
func WithInvoker(i Invoker) Option { return func(cfg *config) { cfg.invoker = i } }

// WithoutHistory keeps only the live stream: the result's Events stays
// empty, which saves memory on long runs.
func WithoutHistory() Option { return func(cfg *config) { cfg.keepHistory = false } }

// WithMaxTransitions caps the state transitions of a run (default
// 1,000,000): every state entered and every retry attempt counts, as AWS
// bills them, so a runaway loop or a retry storm fails with States.Runtime
// instead of running forever. The cap must be positive: Start refuses 0 and
// negative values (ErrInvalidOption); there is no "no cap".
func WithMaxTransitions(n int64) Option {
	return func(cfg *config) {
		if n <= 0 {
			cfg.invalid("WithMaxTransitions(%d): the transition cap must be a positive number", n)
			return
		}
		cfg.maxTransitions = n
	}
}

// WithType sets the workflow type (default Standard); Start refuses any
// other value (ErrInvalidOption).
func WithType(t StateMachineType) Option {
	return func(cfg *config) {
		if t != Standard && t != Express {
			cfg.invalid("WithType(%q): the type is STANDARD or EXPRESS", string(t))
			return
		}
		cfg.typ = t
	}
}

// WithDeterminism makes a run reproducible: UUIDs, random numbers and the
// execution name derive from seed, the run starts at start on a virtual
// clock, and Map items run one at a time so the history repeats event for
// event.
func WithDeterminism(seed int64, start time.Time) Option {
	return func(cfg *config) {
		cfg.deterministic, cfg.seed, cfg.startTime = true, seed, start
	}
}

// WithStartAt starts the run at state (in the top-level States) instead of
// StartAt, with the given variables already assigned: re-run from here.
func WithStartAt(state string, variables map[string]any) Option {
	return func(cfg *config) { cfg.startAt, cfg.variables = state, variables }
}

// WithExecutionName names the execution (default: a UUID).
func WithExecutionName(name string) Option { return func(cfg *config) { cfg.executionName = name } }

// WithBreakpoints pauses the run before entering any of the named states;
// Execution.Resume and Execution.Step continue it.
func WithBreakpoints(states ...string) Option {
	return func(cfg *config) {
		if cfg.breakpoints == nil {
			cfg.breakpoints = map[string]bool{}
		}
		for _, s := range states {
			cfg.breakpoints[s] = true
		}
	}
}

// WithPauseMode sets how many Map iterations may stop at breakpoints at
// once: PauseOne (the default) or PauseAll; Start refuses other values.
func WithPauseMode(mode PauseMode) Option {
	return func(cfg *config) {
		if mode != PauseOne && mode != PauseAll {
			cfg.invalid("WithPauseMode(%q): the mode is one or all", string(mode))
			return
		}
		cfg.pauseMode = mode
	}
}

// WithPauseAtStart pauses before the first state, as a debugger's
// "step into" start.
func WithPauseAtStart() Option { return func(cfg *config) { cfg.pauseAtStart = true } }

// WithAWSAccount sets the region, account and role that ARNs in the
// context object and the history show.
func WithAWSAccount(region, account, roleArn string) Option {
	return func(cfg *config) {
		cfg.region, cfg.account, cfg.roleArn = region, account, roleArn
	}
}

// WithContextObject replaces parts of the context object ($$ and
// $states.context): a map given under "Execution", "StateMachine" or
// "State" is used as that part as it is (for every state of the run), and
// "Task"."Token" is a callback task's token. TestState takes its context
// this way.
func WithContextObject(c map[string]any) Option {
	return func(cfg *config) { cfg.contextObject = c }
}

// WithMapRuns gives a redrive the Map Runs of the run it redrives (its
// Result.MapRuns, children's histories included). A failed Map Run among
// them is redriven as AWS does: same ARN, its successful children keep
// their results, its unsuccessful STANDARD children are redriven from
// their own histories (EXPRESS ones start again). Without them a
// distributed Map starts a new Map Run. Runs that are not redrives
// ignore it.
func WithMapRuns(runs []MapRun) Option { return func(cfg *config) { cfg.mapRuns = runs } }

// WithS3Root makes the folder dir stand in for Amazon S3: a distributed
// Map's ItemReader reads s3://bucket/key from dir/bucket/key and its
// ResultWriter writes AWS's result files there. Paths never leave dir;
// Start refuses a dir that is not a folder (ErrInvalidOption).
func WithS3Root(dir string) Option {
	return func(cfg *config) {
		r, err := s3local.Open(dir)
		if err != nil {
			cfg.invalid("WithS3Root(%q): %v", dir, err)
			return
		}
		cfg.s3Root = r
	}
}

// WithActivityNotify calls f with the activity's ARN each time the run
// queues an activity task for a worker, so a server holding many runs
// wakes its GetActivityTask pollers instead of scanning on a timer.
func WithActivityNotify(f func(activityArn string)) Option {
	return func(cfg *config) { cfg.onActivity = f }
}

// WithActivityCheck calls check with an activity's ARN before a Task
// schedules it; an error fails the state with States.Runtime, its text
// after AWS's "An error occurred while executing the state ..." prefix,
// as AWS fails a run whose activity does not exist.
func WithActivityCheck(check func(activityArn string) error) Option {
	return func(cfg *config) { cfg.activityCheck = check }
}
