package engine

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
)

// PauseObserver is an Observer that also wants to know when the run pauses
// at a breakpoint or after a step, and before which state.
type PauseObserver interface {
	Observer
	OnPause(state string)
}

// controller pauses a run's threads before states: breakpoints, step and
// pause. Every change closes changed, so waiters re-check (and a stop
// reaches them through their context).
type controller struct {
	mu          sync.Mutex
	breakpoints map[string]bool
	mode        PauseMode
	pausing     bool  // Pause or pause-at-start: the next thread to reach a state stops
	gen         int64 // Resume bumps it: steps given before no longer hold
	nextID      int64
	paused      []*paused
	waiting     map[*thread]bool // PauseOne: threads queued before a breakpoint
	focus       *thread          // PauseOne: the thread that may stop now
	changed     chan struct{}
	observer    PauseObserver
	// stepped: Step was used; threads may carry step flags from then on.
	stepped bool
	// armed says whether anything may pause a thread now (see rearm).
	// Threads read it without the lock before every state: a 10,000-item
	// Map took the lock four times an item on two cores otherwise.
	armed atomic.Bool
}

// rearm recomputes armed (mu held); every change to what may pause a
// thread is followed by it. A thread that read armed false just before a
// Pause stops before its next state instead: the same as had it passed
// the check a moment earlier.
func (c *controller) rearm() {
	c.armed.Store(len(c.breakpoints) > 0 || c.pausing || len(c.paused) > 0 || c.stepped ||
		len(c.waiting) > 0 || c.focus != nil)
}

type paused struct {
	Pause
	th       *thread
	order    []int
	released chan struct{}
}

func newController(cfg *config) *controller {
	c := &controller{breakpoints: map[string]bool{}, pausing: cfg.pauseAtStart, mode: cfg.pauseMode,
		waiting: map[*thread]bool{}, changed: make(chan struct{})}
	if c.mode == "" {
		c.mode = PauseOne
	}
	for s := range cfg.breakpoints {
		c.breakpoints[s] = true
	}
	c.observer, _ = cfg.observer.(PauseObserver)
	c.rearm()
	return c
}

// signal wakes every waiter to re-check (mu held).
func (c *controller) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// spawn makes the thread of a Map iteration or Parallel branch. A thread
// being stepped steps into what it runs: the child stops at its first state.
func (c *controller) spawn(t, parent *thread, at PathStep) {
	if !c.armed.Load() { // never stepped: no step flag to inherit
		*t = thread{parent: parent, at: at}
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.rearm()
	*t = thread{parent: parent, at: at, step: parent.step, stepGen: parent.stepGen}
}

// quiet reports whether nothing can pause the run now: no breakpoints,
// no pause asked for, nothing paused.
func (c *controller) quiet() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.rearm()
	return len(c.breakpoints) == 0 && !c.pausing && len(c.paused) == 0
}

// wants reports whether t should stop before state (mu held).
func (c *controller) wants(t *thread, state string) bool {
	return c.pausing || (t.step && t.stepGen == c.gen) || c.breakpoints[state]
}

// mayStop reports whether t may stop now (mu held): with PauseOne only
// the focused thread (or one inside it) may, and among the queued ones
// the first in index order.
func (c *controller) mayStop(t *thread) bool {
	if c.mode == PauseAll {
		return true
	}
	eligible := func(w *thread) bool { return c.focus == nil || c.focus == w || c.focus.isAncestorOf(w) }
	if !eligible(t) {
		return false
	}
	for w := range c.waiting {
		if w != t && eligible(w) && orderLess(w.order(), t.order()) {
			return false
		}
	}
	return true
}

// before blocks while thread t is paused (or queued) before state, whose
// input is input.
func (c *controller) before(ctx context.Context, t *thread, state string, input any) error {
	if !c.armed.Load() {
		return nil
	}
	c.mu.Lock()
	for {
		if !c.wants(t, state) {
			delete(c.waiting, t)
			c.rearm()
			c.mu.Unlock()
			return nil
		}
		if c.mayStop(t) {
			break
		}
		c.waiting[t] = true
		ch := c.changed
		c.rearm()
		c.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			c.mu.Lock()
			delete(c.waiting, t)
			c.rearm()
			c.mu.Unlock()
			return context.Cause(ctx)
		}
		c.mu.Lock()
	}
	delete(c.waiting, t)
	if c.mode == PauseOne && c.focus != t {
		t.focusFrom, c.focus = c.focus, t
	}
	c.pausing, t.step = false, false
	c.nextID++
	p := &paused{Pause: Pause{ID: c.nextID, State: state, Path: t.path(), Input: deepCopy(input)}, th: t, order: t.order(), released: make(chan struct{})}
	c.paused = append(c.paused, p)
	slices.SortStableFunc(c.paused, func(a, b *paused) int {
		switch {
		case orderLess(a.order, b.order):
			return -1
		case orderLess(b.order, a.order):
			return 1
		}
		return 0
	})
	c.signal()
	c.rearm()
	c.mu.Unlock()
	if c.observer != nil {
		c.observer.OnPause(state)
	}
	select {
	case <-p.released:
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		c.remove(p)
		c.rearm()
		c.mu.Unlock()
		return context.Cause(ctx)
	}
}

// remove takes p off the paused list (mu held).
func (c *controller) remove(p *paused) bool {
	i := slices.Index(c.paused, p)
	if i < 0 {
		return false
	}
	c.paused = slices.Delete(c.paused, i, i+1)
	return true
}

// done is called when thread t has run its last state: the focus goes
// back to whom t took it from, and the next queued thread may stop.
func (c *controller) done(t *thread) {
	if !c.armed.Load() { // nothing waits and nobody has the focus
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.rearm()
	delete(c.waiting, t)
	if c.focus == t {
		c.focus = t.focusFrom
		c.signal()
	}
}

// step releases the pause id (0: the first paused), which stops again
// before its thread's next state; with nothing paused it pauses the run.
func (c *controller) step(id int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.rearm()
	if len(c.paused) == 0 && id == 0 {
		c.pausing = true
		return true
	}
	for _, p := range c.paused {
		if p.ID == id || id == 0 {
			c.remove(p)
			p.th.step, p.th.stepGen = true, c.gen
			c.stepped = true
			close(p.released)
			c.signal()
			return true
		}
	}
	return false
}

// resume releases every pause; steps given earlier no longer hold.
func (c *controller) resume() {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.rearm()
	c.gen++
	c.pausing = false
	for _, p := range c.paused {
		close(p.released)
	}
	c.paused = nil
	c.signal()
}

// Resume continues every paused thread until the next breakpoint.
func (ex *Execution) Resume() { ex.ctrl.resume() }

// Step continues the first paused thread (in index order: the top level,
// else the lowest Map item) and pauses it again before its next state;
// the others stay paused. With nothing paused, it pauses the run.
func (ex *Execution) Step() { ex.ctrl.step(0) }

// StepPause steps only the thread paused as id (a Pause's ID). It reports
// false when no pause has that id any more.
func (ex *Execution) StepPause(id int64) bool { return id > 0 && ex.ctrl.step(id) }

// Pause pauses the run before the next state it enters.
func (ex *Execution) Pause() {
	ex.ctrl.mu.Lock()
	ex.ctrl.pausing = true
	ex.ctrl.rearm()
	ex.ctrl.mu.Unlock()
}

// SetBreakpoint adds (on) or removes a breakpoint while the run goes on.
func (ex *Execution) SetBreakpoint(state string, on bool) {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	defer ex.ctrl.rearm()
	if on {
		ex.ctrl.breakpoints[state] = true
	} else {
		delete(ex.ctrl.breakpoints, state)
	}
	ex.ctrl.signal() // a thread queued before it may go on
}

// SetPauseMode changes how many iterations may stop at once while the
// run goes on; anything but PauseAll means PauseOne.
func (ex *Execution) SetPauseMode(mode PauseMode) {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	defer ex.ctrl.rearm()
	if mode != PauseAll {
		mode = PauseOne
	}
	ex.ctrl.mode = mode
	ex.ctrl.signal()
}

// PausedAt lists the states the run is paused before (several when
// Parallel branches or Map iterations stopped at once); empty when running.
func (ex *Execution) PausedAt() []string {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	defer ex.ctrl.rearm()
	var out []string
	for _, p := range ex.ctrl.paused {
		out = append(out, p.State)
	}
	return out
}

// Pauses lists the paused threads in index order (the top level first,
// then Map items by index), each with the input its state will get (a
// copy taken when it stopped: read it, never change it).
func (ex *Execution) Pauses() []Pause {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	defer ex.ctrl.rearm()
	out := make([]Pause, len(ex.ctrl.paused))
	for i, p := range ex.ctrl.paused {
		out[i] = p.Pause
	}
	return out
}

// Waiting lists where the threads queued before a breakpoint (PauseOne)
// run, in index order: they go on once the paused one has finished.
func (ex *Execution) Waiting() [][]PathStep {
	ex.ctrl.mu.Lock()
	defer ex.ctrl.mu.Unlock()
	defer ex.ctrl.rearm()
	ts := make([]*thread, 0, len(ex.ctrl.waiting))
	for t := range ex.ctrl.waiting {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *thread) int {
		if orderLess(a.order(), b.order()) {
			return -1
		}
		return 1
	})
	out := make([][]PathStep, len(ts))
	for i, t := range ts {
		out[i] = t.path()
	}
	return out
}
