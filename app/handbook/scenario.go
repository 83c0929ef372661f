package handbook

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// scenarioTime bounds each test case's run: waits are skipped on the
// virtual clock, so a case still going after this is looping.
var scenarioTime = 3 * time.Second

// maxPath is how many entered states a scenario's path keeps; a Map over
// many items would otherwise fill pages.
const maxPath = 60

// scenarios runs each test case of the workflow on the engine, waits
// skipped, and records the states it entered and how it ended. note says
// why there are none when the mock file has no case for this workflow or
// the definition cannot run.
func scenarios(ctx context.Context, doc *asl.Document, cfg *mock.Config, machine string) ([]Scenario, string) {
	cases := cfg.TestCases(machine)
	if len(cases) == 0 {
		return nil, fmt.Sprintf("The mock file has no test case for the state machine %q.", machine)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		return nil, "The test cases were not run: the definition cannot run (" + err.Error() + ")."
	}
	out := make([]Scenario, 0, len(cases))
	for _, tc := range cases {
		out = append(out, runCase(ctx, m, tc))
	}
	return out, ""
}

func runCase(ctx context.Context, m *engine.Machine, tc *mock.TestCase) Scenario {
	sc := Scenario{Name: tc.Name}
	var mu sync.Mutex
	seen := func(e engine.Event) {
		if e.StateEnteredEventDetails == nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if len(sc.Path) < maxPath {
			sc.Path = append(sc.Path, e.StateEnteredEventDetails.Name)
		} else {
			sc.More++
		}
	}
	runCtx, cancel := context.WithTimeout(ctx, scenarioTime)
	defer cancel()
	// EXPRESS: a STANDARD run ends a loop as failed after AWS's 25,000
	// history events, which would hide that the case loops; the time
	// bound (and the engine's transition cap) decide instead.
	res, err := m.Run(runCtx, map[string]any{}, engine.WithMocks(tc), engine.WithoutHistory(),
		engine.WithObserver(engine.ObserverFunc(seen)), engine.WithType(engine.Express))
	mu.Lock()
	defer mu.Unlock()
	switch {
	case err != nil:
		sc.Problem = err.Error()
	case errors.Is(runCtx.Err(), context.DeadlineExceeded) || res.Status == engine.StatusRunning:
		sc.Finished = false
	default:
		sc.Finished, sc.Status = true, res.Status
		if res.Error != nil {
			sc.Error = *res.Error
		}
		if res.Cause != nil {
			sc.Cause = *res.Cause
		}
	}
	return sc
}
