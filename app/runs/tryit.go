package runs

import (
	"context"
	"slices"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/sample"
)

// generate is a Try it run's last invoker, after mocks: every task gets a
// generated answer at once (engine/sample), and the run notes which
// states were answered so, for the run history and Inspect.
func (r *run) generate(ctx context.Context, req engine.TaskRequest) (any, error) {
	out, err := sample.Invoker.Invoke(ctx, req)
	if err != nil {
		return out, err
	}
	r.mu.Lock()
	if !slices.Contains(r.meta.Generated, req.State) {
		r.meta.Generated = append(r.meta.Generated, req.State)
	}
	r.mu.Unlock()
	return out, nil
}
