package engine

import (
	"sync"
	"sync/atomic"
	"time"
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
	chunks    [][]Event
	count     atomic.Int64
	keep      bool // false keeps only the count (benchmarks, CLI without --history)
	observer  Observer
}

// add stamps e with the next id and the clock's time and records it; it
// returns the id so the caller can chain previousEventId.
func (r *recorder) add(prev int64, t time.Time, e Event) int64 {
	if !r.active() {
		// Only the ids matter (error causes name them): no lock for
		// concurrent Map items and branches to queue on.
		return r.count.Add(1)
	}
	r.mu.Lock()
	e.ID = r.count.Add(1)
	e.PreviousEventID = prev
	e.Timestamp = t
	if r.keep {
		// Chunks, so that a long history never copies itself to grow.
		if n := len(r.chunks); n == 0 || len(r.chunks[n-1]) == cap(r.chunks[n-1]) {
			r.chunks = append(r.chunks, make([]Event, 0, chunkSize))
		}
		last := &r.chunks[len(r.chunks)-1]
		*last = append(*last, e)
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

const chunkSize = 1024

func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.chunks {
		n += len(c)
	}
	out := make([]Event, 0, n)
	for _, c := range r.chunks {
		out = append(out, c...)
	}
	return out
}

// active reports whether anyone reads event details: when nobody keeps or
// observes the history, states skip encoding their inputs and outputs.
func (r *recorder) active() bool { return r.keep || r.observer != nil }
