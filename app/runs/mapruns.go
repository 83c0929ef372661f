package runs

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/stepstudio/stepstudio/engine"
)

// MapRunsOf returns a run's distributed Map runs as JSON: each run's
// record (counts, thresholds) and its children without their histories
// (ChildExecution gives one child's). Live runs answer as they go.
func (m *Manager) MapRunsOf(id string) (string, error) {
	runs, err := m.mapRuns(id)
	if err != nil {
		return "", err
	}
	for i := range runs {
		children := make([]engine.ChildExecution, len(runs[i].Children))
		for j, c := range runs[i].Children {
			c.Events = nil
			children[j] = c
		}
		runs[i].Children = children
	}
	if runs == nil {
		runs = []engine.MapRun{}
	}
	b, err := json.Marshal(runs)
	return string(b), err
}

// ChildExecution returns one child execution of a Map Run as JSON, with
// its own history in AWS's GetExecutionHistory shape.
func (m *Manager) ChildExecution(id, mapRunArn string, index int) (string, error) {
	runs, err := m.mapRuns(id)
	if err != nil {
		return "", err
	}
	for _, r := range runs {
		if r.MapRunArn == mapRunArn {
			if index < 0 || index >= len(r.Children) {
				return "", fmt.Errorf("%w: the Map Run has no child %d", ErrNotFound, index)
			}
			b, err := json.Marshal(r.Children[index])
			return string(b), err
		}
	}
	return "", fmt.Errorf("%w: no Map Run %s in run %s", ErrNotFound, mapRunArn, id)
}

func (m *Manager) mapRuns(id string) ([]engine.MapRun, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r != nil {
		<-r.ready
		r.mu.Lock()
		done := r.mapRunsDone
		r.mu.Unlock()
		if done != nil {
			// A copy: callers reshape what they get (MapRunsOf drops the
			// children's histories), and the run's own record must keep them.
			return slices.Clone(done), nil
		}
		if r.ex == nil {
			return nil, nil // a followed run: the endpoint keeps its Map Runs
		}
		return r.ex.MapRuns(), nil
	}
	if m.store == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	b, err := m.store.MapRuns(id)
	if err != nil || b == nil {
		return nil, err
	}
	var out []engine.MapRun
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("the saved Map Runs of run %s cannot be read: %w", id, err)
	}
	return out, nil
}
