package suite

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/sample"
)

// Result is one scenario's outcome.
type Result struct {
	Suite    *Suite
	Scenario *Scenario
	Duration time.Duration
	Observed *Observation // nil when the run did not happen (Err)
	Failures []Failure
	// Err says the scenario could not be judged: the run would not start
	// or did not end within the scenario's timeout.
	Err error
}

// Passed reports whether the run met every expectation.
func (r *Result) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// Options tune Run.
type Options struct {
	// Workers bounds the scenarios run at once (default: the CPUs).
	Workers int
	// Select picks the scenarios to run (nil: all).
	Select func(s *Suite, sc *Scenario) bool
}

// start is the fixed start time of every run: with the seeded engine it
// makes ids, UUIDs and timestamps repeat, so exact outputs can be expected.
var start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Run runs the selected scenarios of the suites in parallel and returns
// their results in file order.
func Run(ctx context.Context, suites []*Suite, opt Options) []*Result {
	var jobs []*Result
	for _, s := range suites {
		for _, sc := range s.Scenarios {
			if opt.Select == nil || opt.Select(s, sc) {
				jobs = append(jobs, &Result{Suite: s, Scenario: sc})
			}
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan *Result)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				r.run(ctx)
			}
		}()
	}
	for _, r := range jobs {
		next <- r
	}
	close(next)
	wg.Wait()
	return jobs
}

// index is the workflow's states by name, built once per suite.
func (s *Suite) index() map[string]*asl.State {
	s.once.Do(func() { s.states = statesByName(s.doc.Machine, map[string]*asl.State{}) })
	return s.states
}

func (r *Result) run(ctx context.Context) {
	s, sc := r.Suite, r.Scenario
	t0 := time.Now()
	defer func() { r.Duration = time.Since(t0) }()
	ctx, cancel := context.WithTimeout(ctx, sc.Timeout)
	defer cancel()
	st := newStages()
	opts := []engine.Option{engine.WithType(s.Type), engine.WithDeterminism(1, start), engine.WithObserver(st)}
	if sc.tc != nil {
		opts = append(opts, engine.WithMocks(sc.tc))
	}
	if s.MaxTransitions > 0 {
		opts = append(opts, engine.WithMaxTransitions(s.MaxTransitions))
	}
	if s.SampleAnswers {
		opts = append(opts, engine.WithInvoker(sample.Invoker))
	}
	res, err := s.machine.Run(ctx, sc.Input, opts...)
	if err != nil {
		r.Err = fmt.Errorf("the run did not start: %w", err)
		return
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		r.Err = fmt.Errorf("the run did not end within %s (timeout)", sc.Timeout)
		return
	}
	r.Observed = observe(res, st, s.index())
	r.Failures = check(&sc.Expect, r.Observed)
}
