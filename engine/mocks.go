package engine

import (
	"context"
	"errors"
	"sync"

	"github.com/stepstudio/stepstudio/engine/mock"
)

// WithMocks answers Task states from an AWS MockConfigFile test case
// before any other invoker: a mocked state takes its response for the
// invocation (0 first, then 1, 2, … across retries and loops, counted per
// run), others fall through to the invoker given with WithInvoker. Start
// refuses a test case that mocks a state the machine does not have
// (mock.ErrUnknownState, naming it and the state it most likely meant).
func WithMocks(tc *mock.TestCase) Option { return func(cfg *config) { cfg.mocks = tc } }

// mockInvoker is one run's view of a test case: the invocation counters
// live here, so runs never share them.
type mockInvoker struct {
	tc    *mock.TestCase
	mu    sync.Mutex
	calls map[string]int
}

func newMockInvoker(tc *mock.TestCase) *mockInvoker {
	return &mockInvoker{tc: tc, calls: map[string]int{}}
}

func (m *mockInvoker) Invoke(_ context.Context, req TaskRequest) (any, error) {
	if !m.tc.Mocks(req.State) {
		return nil, ErrNoHandler
	}
	m.mu.Lock()
	n := m.calls[req.State]
	m.calls[req.State]++
	m.mu.Unlock()
	resp, _, err := m.tc.Response(req.State, n)
	if err != nil {
		if errors.Is(err, mock.ErrNoResponse) {
			return nil, newFault(errRuntime, err.Error())
		}
		return nil, err
	}
	if resp.Throw != nil {
		return nil, resp.Throw
	}
	return deepCopy(resp.Return), nil
}
