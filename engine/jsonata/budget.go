package jsonata

import (
	"context"
	"fmt"
	"runtime/metrics"
	"time"
)

// Limits bound one evaluation of a template (a field's value), so that an
// expression cannot hang a run or exhaust the memory of the process it
// shares with every other run: past either, the evaluation fails with
// States.QueryEvaluationError saying which limit it hit. A zero field
// means no limit of that kind.
//
// What gnata bounds itself stays as it is: the range operator builds at
// most 10,000,000 items (D2014, jsonata-js's own cap) and calls nest at
// most 100 deep (U1001; AWS refuses near the same depth).
type Limits struct {
	// Time is the wall time one evaluation may take.
	Time time.Duration
	// Memory is what the process may allocate while one evaluation runs
	// (Go cannot count one goroutine's allocations: all are counted, so
	// an evaluation running beside another large one may be charged for
	// it). It bounds what any expression holds, whatever builds it: a
	// range, a string doubled in a loop, a million objects.
	Memory int64
}

// DefaultLimits are generous for what Step Functions expressions do with
// payloads of at most 256 KiB, and far below what hurts a machine.
//
// Memory: AWS fails an evaluation that holds more than about 7 MB (as
// measured by floci-io/floci#2737: [1..873782] is accepted, [1..873783]
// refused with "Expression evaluation memory limit exceeded"). gnata
// allocates about 40 bytes per number it builds (a boxed float64 in a
// []any, and a copy), so the largest range AWS accepts allocates 33 MiB
// here; 128 MiB is four times that. A 10-million range (which AWS refuses)
// allocates its 160 MiB slice at once: over 128 MiB it fails at its first
// poll, before it has touched that memory, so it costs little RSS.
//
// Time: 10 s is hundreds of times what a realistic expression takes; it
// ends loops that would otherwise only stop at the run's own timeout.
var DefaultLimits = Limits{Time: 10 * time.Second, Memory: 128 << 20}

// WithLimits sets the runtime's evaluation limits (default DefaultLimits).
func WithLimits(l Limits) Option {
	return func(c *runtimeConfig) { c.limits = l }
}

// limitError is a limit an evaluation hit; the evaluator returns it as
// the context's error.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// budget is the context one evaluation runs under. The evaluator (gnata)
// polls Err before every step (every 10,000 items of a range), and the
// evaluating goroutine checks its own limits there: no other goroutine,
// lock or timer is involved, so nothing lags behind a busy machine, and
// Done stays the parent's (nothing selects on it).
//
// The first checkFrom polls cost a counter only, so the many short
// evaluations of a run pay nothing else; the limits count from then (a
// few microseconds into the evaluation). After that the clock is read
// every checkEvery polls and the process's allocation counter at most once
// a millisecond. A heavy evaluation (see heavySlot) counts from its start
// and checks at every poll: its range allocates up to 160 MiB at once,
// between two polls.
type budget struct {
	context.Context
	limits  Limits
	heavy   bool
	polls   int // the evaluating goroutine's alone
	start   time.Time
	base    uint64 // the process's allocations at start
	lastMem time.Time
	hit     *limitError
}

const (
	checkFrom  = 64
	checkEvery = 16
)

func newBudget(parent context.Context, l Limits, heavy bool) *budget {
	b := &budget{Context: parent, limits: l, heavy: heavy}
	if heavy {
		b.begin(time.Now())
	}
	return b
}

func (b *budget) begin(now time.Time) {
	b.start, b.lastMem = now, now
	if b.limits.Memory > 0 {
		b.base = allocatedBytes()
	}
}

func (b *budget) Err() error {
	if b.polls++; b.heavy || b.polls >= checkFrom && b.polls%checkEvery == 0 {
		if err := b.check(); err != nil {
			return err
		}
	}
	return b.Context.Err()
}

func (b *budget) check() error {
	if b.hit != nil {
		return b.hit
	}
	l := b.limits
	if l.Time <= 0 && l.Memory <= 0 {
		return nil
	}
	now := time.Now()
	if b.start.IsZero() {
		b.begin(now)
		return nil
	}
	memEvery := time.Millisecond
	if b.heavy {
		memEvery = 100 * time.Microsecond
	}
	switch {
	case l.Time > 0 && now.Sub(b.start) > l.Time:
		b.hit = &limitError{fmt.Sprintf("Expression evaluation time limit exceeded: the expression ran longer than %s", l.Time)}
	case l.Memory > 0 && now.Sub(b.lastMem) >= memEvery:
		b.lastMem = now
		if allocatedBytes()-b.base > uint64(l.Memory) {
			b.hit = &limitError{fmt.Sprintf("Expression evaluation memory limit exceeded: the expression allocated more than %s", mib(l.Memory))}
		}
	}
	if b.hit != nil {
		return b.hit
	}
	return nil
}

// heavySlot lets one heavy evaluation run at a time in the process: one
// whose expression uses the range operator, which builds up to
// 10,000,000 items (160 MiB) in one step, before the budget can look.
// Running them in turn bounds what they hold together, however many Map
// items or runs evaluate them at once, on however many cores.
var heavySlot = make(chan struct{}, 1)

// allocatedBytes is how much the process has allocated on the heap so far.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
