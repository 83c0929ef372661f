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
	small     bool // a distributed Map child's: most are short, so chunks start small
	observer  Observer

	// limit is the id the run's last event may have at most (AWS's
	// history quota), 0 for none. Every other event must have a smaller
	// id: an event that would reach it is not recorded, and onLimit (once)
	// ends the run, whose ExecutionFailed takes the id. The count is kept
	// with or without a history, so a run ends at the same event either way.
	limit   int64
	onLimit func()
	over    atomic.Bool
}

// maxHistoryEvents is AWS's quota on a STANDARD execution's history:
// "Maximum execution history size: 25,000 events". AWS fails the run with
// States.Runtime and this cause; the ExecutionFailed event is event 25,000.
const (
	maxHistoryEvents  = 25_000
	historyLimitCause = "The execution reached the maximum number of history events (25000)."
)

// add stamps e with the next id and the clock's time and records it; it
// returns the id so the caller can chain previousEventId.
func (r *recorder) add(prev int64, t time.Time, e Event) int64 {
	return r.record(prev, t, e, false)
}

// final records the event that ends the run, which the history limit
// leaves room for. After the limit it follows the last event recorded, as
// AWS links it.
func (r *recorder) final(prev int64, t time.Time, e Event) int64 {
	if r.over.Load() {
		prev = r.count.Load()
	}
	return r.record(prev, t, e, true)
}

func (r *recorder) record(prev int64, t time.Time, e Event, final bool) int64 {
	if !r.active() {
		// Only the ids matter (error causes name them): no lock for
		// concurrent Map items and branches to queue on.
		id := r.count.Add(1)
		if id >= r.limit && r.limit > 0 && !final {
			// Give the id back: of racing events, those that took ids
			// below the limit keep them, the others all give theirs back.
			r.count.Add(-1)
			return r.reachedLimit()
		}
		return id
	}
	r.mu.Lock()
	if r.limit > 0 && !final && r.count.Load()+1 >= r.limit {
		r.mu.Unlock()
		return r.reachedLimit()
	}
	e.ID = r.count.Add(1)
	e.PreviousEventID = prev
	e.Timestamp = t
	if r.keep {
		// Chunks, so that a long history never copies itself to grow.
		if n := len(r.chunks); n == 0 || len(r.chunks[n-1]) == cap(r.chunks[n-1]) {
			size := chunkSize
			if r.small && n < 7 {
				size = 16 << n // 16, 32, ... up to chunkSize
			}
			r.chunks = append(r.chunks, make([]Event, 0, size))
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

// resume starts the record with a past run's history: a redrive's events
// follow it in the same history, numbered on.
func (r *recorder) resume(evs []Event) {
	r.count.Store(int64(len(evs)))
	if r.keep && len(evs) > 0 {
		r.chunks = append(r.chunks, append(make([]Event, 0, len(evs)), evs...))
	}
}

// reachedLimit ends the run for its history size (once) and returns the
// id of the last event recorded, for the caller to chain on.
func (r *recorder) reachedLimit() int64 {
	if r.over.CompareAndSwap(false, true) && r.onLimit != nil {
		r.onLimit()
	}
	return r.limit - 1
}

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
