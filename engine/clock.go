package engine

import (
	"context"
	"fmt"
	"math"
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
		c.skipped = addDuration(c.skipped, d)
		c.mu.Unlock()
	}
	return nil
}

// RealClock returns the wall clock: waits take their full time.
func RealClock() Clock { return ScaledClock(1) }

// The scale factors a ScaledClock accepts: from a millionth of real time
// (a 99999999-second Wait, AWS's longest, takes 100 s) to a million times
// it. Outside them durations overflow: the history would show dates
// centuries away (1e300 made it year 1734) and waits would be skipped.
const (
	MinScale = 1e-6
	MaxScale = 1e6
)

// CheckScale says whether f is a scale factor ScaledClock takes as given:
// finite and within [MinScale, MaxScale]. Callers that take the factor
// from a user (--wait scale=F) refuse it with this error.
func CheckScale(f float64) error {
	if math.IsNaN(f) || f < MinScale || f > MaxScale {
		return fmt.Errorf("the scale must be a number from %g to %g, not %g", MinScale, MaxScale, f)
	}
	return nil
}

// ScaledClock returns a clock whose waits take factor times their length in
// real time (0.1 makes a 10 s Wait last 1 s) while Now reports the time AWS
// would show, so the history keeps the full durations. A factor outside
// [MinScale, MaxScale] is clamped to it (NaN counts as 1): check user input
// with CheckScale.
func ScaledClock(factor float64) Clock {
	switch {
	case math.IsNaN(factor):
		factor = 1
	case factor < MinScale:
		factor = MinScale
	case factor > MaxScale:
		factor = MaxScale
	}
	return &scaledClock{factor: factor, realStart: time.Now(), start: time.Now()}
}

type scaledClock struct {
	factor    float64
	realStart time.Time
	start     time.Time
}

func (c *scaledClock) Now() time.Time {
	return c.start.Add(scaleDuration(time.Since(c.realStart), 1/c.factor))
}

func (c *scaledClock) Sleep(ctx context.Context, d time.Duration) error {
	real := scaleDuration(d, c.factor)
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

// Duration arithmetic that saturates instead of overflowing: a wrapped
// Duration turns a long wait into a negative one (skipped) and moves the
// history's clock centuries back.

// scaleDuration is d times f, within Duration's range; NaN gives 0.
func scaleDuration(d time.Duration, f float64) time.Duration {
	return floatDuration(float64(d) * f)
}

// secondsDuration is s seconds (a float: retry delays have fractions).
func secondsDuration(s float64) time.Duration {
	return floatDuration(s * float64(time.Second))
}

func floatDuration(ns float64) time.Duration {
	switch {
	case math.IsNaN(ns):
		return 0
	case ns >= math.MaxInt64:
		return math.MaxInt64
	case ns <= math.MinInt64:
		return math.MinInt64
	}
	return time.Duration(ns)
}

// wholeSeconds is s seconds.
func wholeSeconds(s int64) time.Duration {
	const most = math.MaxInt64 / int64(time.Second)
	switch {
	case s > most:
		return math.MaxInt64
	case s < -most:
		return math.MinInt64
	}
	return time.Duration(s) * time.Second
}

// addDuration is a+b, within Duration's range.
func addDuration(a, b time.Duration) time.Duration {
	sum := a + b
	switch {
	case a > 0 && b > 0 && sum < 0:
		return math.MaxInt64
	case a < 0 && b < 0 && sum >= 0:
		return math.MinInt64
	}
	return sum
}
