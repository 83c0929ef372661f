package engine

import (
	"sync"
)

// Observer receives every history event as it is recorded, in id order.
// Calls come from the engine's goroutines one at a time; an observer that
// blocks slows the run, so hand events off quickly. It may read the
// Execution (Events, PausedAt) and control it (Stop, Pause) but must not
// wait for the run to end.
type Observer interface {
	OnEvent(Event)
}

// ObserverFunc adapts a function to Observer.
type ObserverFunc func(Event)

func (f ObserverFunc) OnEvent(e Event) { f(e) }

// recorder numbers events, keeps them and forwards them to the observer.
type recorder struct {
	mu        sync.Mutex
	deliverMu sync.Mutex
	clock     Clock
	events    []Event
	count     int64
	keep      bool // false keeps only the count (benchmarks, CLI without --history)
	observer  Observer
}

// add stamps e with the next id and the clock's time and records it; it
// returns the id so the caller can chain previousEventId.
func (r *recorder) add(prev int64, e Event) int64 {
	r.mu.Lock()
	r.count++
	e.ID = r.count
	e.PreviousEventID = prev
	e.Timestamp = r.clock.Now()
	if r.keep {
		r.events = append(r.events, e)
	}
	if r.observer == nil {
		r.mu.Unlock()
		return e.ID
	}
	// Taking deliverMu before releasing mu keeps deliveries in id order,
	// while the observer may still read the history (Execution.Events).
	r.deliverMu.Lock()
	r.mu.Unlock()
	defer r.deliverMu.Unlock()
	r.observer.OnEvent(e)
	return e.ID
}

func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Event, len(r.events))
	copy(out, r.events)
	return out
}

// active reports whether anyone reads event details: when nobody keeps or
// observes the history, states skip encoding their inputs and outputs.
func (r *recorder) active() bool { return r.keep || r.observer != nil }
