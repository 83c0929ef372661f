package engine

import (
	"context"
	"sync"
)

// PauseObserver is an Observer that also wants to know when the run pauses
// at a breakpoint or after a step, and before which state.
type PauseObserver interface {
	Observer
	OnPause(state string)
}

// controller pauses a run before states: breakpoints, step and pause.
type controller struct {
	mu          sync.Mutex
	breakpoints map[string]bool
	stepping    bool
	resume      chan struct{}
	pausedAt    []string
	observer    PauseObserver
}

func newController(cfg *config) *controller {
	c := &controller{breakpoints: map[string]bool{}, stepping: cfg.pauseAtStart}
	for s := range cfg.breakpoints {
		c.breakpoints[s] = true
	}
	c.observer, _ = cfg.observer.(PauseObserver)
	return c
}

// before blocks while the run is paused before state.
func (c *controller) before(ctx context.Context, state string) error {
	c.mu.Lock()
	if !c.stepping && !c.breakpoints[state] {
		c.mu.Unlock()
		return nil
	}
	c.stepping = false
	if c.resume == nil {
		c.resume = make(chan struct{})
	}
	ch := c.resume
	c.pausedAt = append(c.pausedAt, state)
	c.mu.Unlock()
	if c.observer != nil {
		c.observer.OnPause(state)
	}
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (c *controller) release(step bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stepping = step
	c.pausedAt = nil
	if c.resume != nil {
		close(c.resume)
		c.resume = nil
	}
}

// Resume continues a paused run until the next breakpoint.
func (ex *Execution) Resume() { ex.ctrl.release(false) }

// Step continues a paused run and pauses again before the next state.
func (ex *Execution) Step() { ex.ctrl.release(true) }

// Pause pauses the run before the next state it enters.
func (ex *Execution) Pause() {
	ex.ctrl.mu.Lock()
	ex.ctrl.stepping = true
	ex.ctrl.mu.Unlock()
}

// SetBreakpoint adds (on) or removes a breakpoint while the run goes on.
func (ex *Execution) SetBreakpoint(state string, on bool) {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	if on {
		ex.ctrl.breakpoints[state] = true
	} else {
		delete(ex.ctrl.breakpoints, state)
	}
}

// PausedAt lists the states the run is paused before (several when
// Parallel branches or Map iterations stopped at once); empty when running.
func (ex *Execution) PausedAt() []string {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	return append([]string(nil), ex.ctrl.pausedAt...)
}
