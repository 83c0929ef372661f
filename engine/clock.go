package engine

import (
	"context"
	"sync"
	"time"
)

// Clock is the engine's source of time. Waits, retry delays and timeouts
// all go through it, so a run can skip them (virtual), take them (real) or
// take a fraction of them (scaled) while the history keeps AWS's times.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or returns ctx.Err() when ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

// skipper marks clocks whose waits are skipped. The engine then keeps the
// skipped time per thread (a Parallel branch, a Map worker), so that
// concurrent waits overlap as they do in AWS instead of adding up.
type skipper interface{ skipsWaits() }

func (*virtualClock) skipsWaits() {}
func (*skipClock) skipsWaits()    {}

// VirtualClock returns a clock that starts at start and moves forward by d
// on every Sleep without waiting: waits are skipped but timestamps advance.
func VirtualClock(start time.Time) Clock {
	return &virtualClock{now: start}
}

type virtualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *virtualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *virtualClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
	c.mu.Unlock()
	return nil
}

// SkipClock returns the wall clock with every wait skipped: time runs as
// it really does (a slow task shows its duration) plus the waits and
// retry delays it skipped, so the history reads as AWS would write it.
// It is the default clock outside deterministic mode.
func SkipClock() Clock { return &skipClock{} }

type skipClock struct {
	mu      sync.Mutex
	skipped time.Duration
}

func (c *skipClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().UTC().Add(c.skipped)
}

func (c *skipClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d > 0 {
		c.mu.Lock()
		c.skipped += d
		c.mu.Unlock()
	}
	return nil
}

// RealClock returns the wall clock: waits take their full time.
func RealClock() Clock { return ScaledClock(1) }

// ScaledClock returns a clock whose waits take factor times their length in
// real time (0.1 makes a 10 s Wait last 1 s) while Now reports the time AWS
// would show, so the history keeps the full durations.
func ScaledClock(factor float64) Clock {
	return &scaledClock{factor: factor, realStart: time.Now(), start: time.Now()}
}

type scaledClock struct {
	factor    float64
	realStart time.Time
	start     time.Time
}

func (c *scaledClock) Now() time.Time {
	if c.factor <= 0 {
		return time.Now()
	}
	elapsed := time.Since(c.realStart)
	return c.start.Add(time.Duration(float64(elapsed) / c.factor))
}

func (c *scaledClock) Sleep(ctx context.Context, d time.Duration) error {
	real := time.Duration(float64(d) * c.factor)
	if real <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(real)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
