package runs

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
)

// A followed run is an execution the studio shows but does not drive: a
// program started it through the local endpoint (app/endpoint), whose
// engine runs it. Its events arrive one by one (Event) and take the same
// path as a studio run's: batched, stored, emitted as Updates, caught up
// with Snapshot. Its tasks are answered through the endpoint (Answerer).

// ErrFollowed refuses to step, pause or set breakpoints in a run the
// studio only follows.
var ErrFollowed = errors.New("this run was started by a program through the local endpoint: the studio shows it and can answer its tasks or stop it, but not step or pause it")

// Source says who drives a followed run: answers its waiting tasks (as
// SetPending listed them; output is JSON text, a non-empty errName fails
// the task instead) and stops it.
type Source interface {
	Answer(p Pending, output, errName, cause string) error
	Stop() error
}

// follow is a followed run's link to its source.
type follow struct {
	src  Source
	done chan struct{}
	over chan struct{} // closed when the run's loop has stored its end
	end  engine.Result
	// ended is set once a terminal event arrived (under run.mu).
	ended bool
	// answered are the tokens answered from here (under run.mu): a list
	// of waiting tasks taken just before an answer must not bring its
	// card back.
	answered map[string]bool
}

func (f *follow) answer(p Pending, output, errName, cause string) error {
	return f.src.Answer(p, output, errName, cause)
}

func (f *follow) stop() { _ = f.src.Stop() }

// Followed is the handle the endpoint's watcher feeds a followed run
// through.
type Followed struct{ r *run }

// ID is the run's id, as Snapshot and List know it.
func (f *Followed) ID() string { return f.r.id }

// Follow starts a followed run described by meta (Workflow, Name,
// Definition, Input, Machine, ExecutionArn; ID and Status are set here).
func (m *Manager) Follow(meta Meta, src Source) (*Followed, error) {
	meta.ID = uuid.Must(uuid.NewV7()).String()
	meta.Status = StatusRunning
	if meta.StartDate.IsZero() {
		meta.StartDate = time.Now().UTC()
	}
	r := &run{id: meta.ID, m: m, ready: make(chan struct{}), stopped: make(chan struct{}), kick: make(chan struct{}, 1),
		live: true, unsaved: m.storeErr, memory: m.store == nil, meta: meta,
		ext: &follow{src: src, done: make(chan struct{}), over: make(chan struct{}), answered: map[string]bool{}}}
	close(r.ready)
	if m.store != nil {
		if err := m.store.Save(r.meta, nil, nil, nil); err != nil {
			r.unsaved, r.memory = "The run could not be saved: "+err.Error(), true
		}
	}
	m.mu.Lock()
	m.runs[r.id] = r
	m.mu.Unlock()
	m.wg.Add(1)
	go r.loop()
	return &Followed{r: r}, nil
}

// Event records the run's next history event. An execution's end
// (ExecutionSucceeded, Failed, Aborted, TimedOut) ends the run.
func (f *Followed) Event(e engine.Event) {
	r := f.r
	r.mu.Lock()
	if r.ext.ended {
		r.mu.Unlock()
		return
	}
	if e.ID <= r.lastLocked() {
		r.mu.Unlock()
		return // seen already (a backfill overlapping the live events)
	}
	r.mu.Unlock()
	r.OnEvent(e)
	if res, ok := ending(e); ok {
		r.mu.Lock()
		r.ext.ended, r.ext.end = true, res
		r.mu.Unlock()
		close(r.ext.done)
	}
}

// Backfill records events from before the first one seen live (an
// execution resumed or redriven: its history so far). An end among them
// was not the last word (a redrive followed), so it ends nothing.
func (f *Followed) Backfill(evs []engine.Event) {
	r := f.r
	for _, e := range evs {
		r.mu.Lock()
		seen := e.ID <= r.lastLocked()
		r.mu.Unlock()
		if !seen {
			r.OnEvent(e)
		}
	}
}

// Last is the id of the last event recorded, 0 before any.
func (f *Followed) Last() int64 {
	f.r.mu.Lock()
	defer f.r.mu.Unlock()
	return f.r.lastLocked()
}

// lastLocked is the id of the last event recorded (flushed ids run 1..n).
func (r *run) lastLocked() int64 {
	if n := len(r.bufIDs); n > 0 {
		return r.bufIDs[n-1]
	}
	return r.flushed
}

// Ended reports whether the run's last event arrived.
func (f *Followed) Ended() bool {
	f.r.mu.Lock()
	defer f.r.mu.Unlock()
	return f.r.ext.ended
}

// SetPending replaces the tasks waiting for an answer (the endpoint's
// list for this execution); the next update carries them to the cards.
// Each task's ID stays the same while it waits (a token, or for an
// activity no worker took, its ActivityScheduled event).
func (f *Followed) SetPending(ps []Pending) {
	r := f.r
	ps = followedSorted(slices.Clone(ps))
	r.mu.Lock()
	ps = slices.DeleteFunc(ps, func(p Pending) bool { return r.ext.answered[p.ID] })
	same := len(ps) == len(r.pending)
	for i := 0; same && i < len(ps); i++ {
		same = ps[i].ID == r.pending[i].ID
	}
	if !same {
		r.pending = r.pending[:0]
		for _, p := range ps {
			r.pending = append(r.pending, &pending{Pending: p, cancel: func() {}})
		}
	}
	r.mu.Unlock()
	if !same {
		r.wake()
	}
}

// result is how a run ended: the engine's for a studio run, the terminal
// event's for a followed one.
func (r *run) result() engine.Result {
	if r.ext == nil {
		return r.ex.Wait()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ext.end
}

// ending reads an execution's end from its terminal event.
func ending(e engine.Event) (engine.Result, bool) {
	var d *engine.FailureDetails
	res := engine.Result{}
	switch e.Type {
	case "ExecutionSucceeded":
		res.Status = engine.StatusSucceeded
		if e.ExecutionSucceededEventDetails != nil {
			out, err := engine.DecodeJSON([]byte(e.ExecutionSucceededEventDetails.Output))
			if err == nil {
				res.Output = out
			}
		}
		return res, true
	case "ExecutionFailed":
		res.Status, d = engine.StatusFailed, e.ExecutionFailedEventDetails
	case "ExecutionAborted":
		res.Status, d = engine.StatusAborted, e.ExecutionAbortedEventDetails
	case "ExecutionTimedOut":
		res.Status, d = engine.StatusTimedOut, e.ExecutionTimedOutEventDetails
	default:
		return res, false
	}
	if d != nil {
		res.Error, res.Cause = d.Error, d.Cause
	}
	return res, true
}

// followedSorted orders pending tasks oldest first, so cards keep their
// places between updates.
func followedSorted(ps []Pending) []Pending {
	slices.SortStableFunc(ps, func(a, b Pending) int {
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return ps
}

// Detach ends a followed run whose source went away (the endpoint was
// switched off) as ABORTED with cause; the execution itself may go on.
// It returns once the end is stored.
func (f *Followed) Detach(cause string) {
	r := f.r
	defer func() { <-r.ext.over }()
	r.mu.Lock()
	if r.ext.ended {
		r.mu.Unlock()
		return
	}
	r.ext.ended = true
	r.ext.end = engine.Result{Status: engine.StatusAborted, Cause: &cause}
	r.mu.Unlock()
	close(r.ext.done)
}

// Definition is the definition run id was started with.
func (m *Manager) Definition(id string) (string, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.meta.Definition, nil
	}
	if m.store == nil {
		return "", ErrNotFound
	}
	meta, err := m.store.Meta(id)
	return meta.Definition, err
}
