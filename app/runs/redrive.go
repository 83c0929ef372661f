package runs

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// Redrive continues finished run id as AWS's RedriveExecution does: in
// the same run and history, after an ExecutionRedriven event, from the
// state that did not finish, keeping what succeeded (Parallel branches,
// Map items). The definition and test case are the run's own, as AWS
// redrives with the same definition; req gives the rest (mocks, pace,
// breakpoints). A run AWS would not redrive is refused with its reason.
func (m *Manager) Redrive(req StartRequest, id string) error {
	m.mu.Lock()
	if r := m.runs[id]; r != nil && r.isLive() {
		m.mu.Unlock()
		return invalid("The run is still going on")
	}
	m.mu.Unlock()
	meta, raw, err := m.events(id)
	if err != nil {
		return err
	}
	if meta.ExecutionArn != "" {
		// Its execution lives in the endpoint: redriven here, the two would part.
		return invalid("This run was started by a program through the local endpoint: redrive it from there (RedriveExecution); the studio follows it again")
	}
	evs := make([]engine.Event, len(raw))
	for i, b := range raw {
		if err := json.Unmarshal(b, &evs[i]); err != nil {
			return invalid("Event %d of the run cannot be read: %v", i+1, err)
		}
	}
	if meta.Definition != "" {
		req.Definition = meta.Definition
	}
	req.TestCase, req.StartAt, req.Variables, req.TryIt = meta.TestCase, "", nil, meta.TryIt
	p, err := req.prepare()
	if err != nil {
		return err
	}
	pace, ok := m.paces[req.Pace]
	if !ok && req.Pace != "" {
		return invalid("Pace must be instant, normal or slow, not %q", req.Pace)
	}
	n := int64(len(raw))
	r := &run{id: id, m: m, ready: make(chan struct{}), stopped: make(chan struct{}), kick: make(chan struct{}, 1),
		pace: pace, live: true, unsaved: m.storeErr, memory: m.store == nil, flushed: n,
		stageSeq: meta.Stages, stagesFlushed: meta.Stages}
	if r.memory {
		r.events = raw
		r.stages, _ = m.Stages(id, 0)
	}
	meta.Status, meta.StopDate, meta.Output, meta.Error, meta.Cause, meta.ErrorLocation = StatusRunning, time.Time{}, "", "", "", nil
	meta.RedriveCount++
	r.meta = meta
	var inv engine.Invoker = r
	if meta.TryIt {
		inv = engine.InvokerFunc(r.generate)
	}
	if len(req.Handlers) > 0 && filepath.IsAbs(req.Workflow) {
		// Configured handlers answer their states, as in Start.
		inv = engine.Chain(&localHandlers{r: r, workflow: filepath.Clean(req.Workflow), set: req.Handlers, asks: map[string]*trustAsk{}}, inv)
	}
	// The Map Runs with their children's histories: a failed Map Run is
	// redriven in place, only its unsuccessful children running again.
	prior, err := m.mapRuns(id)
	if err != nil {
		return err
	}
	opts := append(p.opts, engine.WithObserver(r), engine.WithInvoker(inv), engine.WithoutHistory(), engine.WithExecutionName(meta.Name),
		engine.WithMapRuns(prior))
	ex, err := p.machine.Redrive(m.ctx, evs, opts...)
	if err != nil {
		if errors.Is(err, engine.ErrNotRedrivable) {
			return invalid("%s", redriveReason(err))
		}
		return invalid("%v", err)
	}
	if m.store != nil {
		if err := m.store.Save(r.meta, nil, nil, nil); err != nil {
			r.unsaved, r.memory = "The run could not be saved: "+err.Error(), true
		}
	}
	m.mu.Lock()
	m.runs[id] = r
	m.mu.Unlock()
	r.ex = ex
	close(r.ready)
	m.wg.Add(1)
	go r.loop()
	return nil
}

// redriveReason says AWS's refusal in plain words first, AWS's text after.
func redriveReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SUCCEEDED"):
		return "This run succeeded: there is nothing to redrive. (" + msg + ")"
	case strings.Contains(msg, "EXPRESS"):
		return "AWS does not redrive EXPRESS workflows; run it again instead. (" + msg + ")"
	case strings.Contains(msg, "14 days"):
		return "AWS redrives a run only within 14 days of its end. (" + msg + ")"
	}
	return fmt.Sprintf("This run cannot be redriven. (%s)", msg)
}
