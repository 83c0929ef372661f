package engine_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

func TestClocks(t *testing.T) {
	tests := []struct {
		name     string
		clock    engine.Clock
		sleep    time.Duration
		maxReal  time.Duration // the sleep may take at most this long
		minShown time.Duration // Now must move at least this much
	}{
		{"virtual skips", engine.VirtualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)), time.Hour, 50 * time.Millisecond, time.Hour},
		{"skip clock skips", engine.SkipClock(), time.Hour, 50 * time.Millisecond, time.Hour},
		{"scaled takes a fraction", engine.ScaledClock(0.01), 10 * time.Second, 2 * time.Second, 10 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, start := tt.clock.Now(), time.Now()
			if err := tt.clock.Sleep(context.Background(), tt.sleep); err != nil {
				t.Fatal(err)
			}
			if real := time.Since(start); real > tt.maxReal {
				t.Errorf("sleep took %s of real time, want at most %s", real, tt.maxReal)
			}
			if shown := tt.clock.Now().Sub(before); shown < tt.minShown {
				t.Errorf("clock moved %s, want at least %s", shown, tt.minShown)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []engine.Clock{engine.VirtualClock(time.Time{}), engine.SkipClock(), engine.RealClock()} {
		if err := c.Sleep(ctx, time.Hour); err == nil {
			t.Errorf("%T slept through a cancelled context", c)
		}
	}
}

// TestScaledClockNeverOverflows: factors outside [MinScale, MaxScale] are
// clamped, so Now stays near the real time (1e300 used to show 1734) and
// CheckScale refuses them for callers that take a factor from a user.
func TestScaledClockNeverOverflows(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 1e-300, 0, -1, engine.MinScale / 2, engine.MaxScale * 2} {
		t.Run(fmt.Sprint(f), func(t *testing.T) {
			if err := engine.CheckScale(f); err == nil {
				t.Errorf("CheckScale(%g) accepted it", f)
			}
			c := engine.ScaledClock(f)
			time.Sleep(2 * time.Millisecond)
			now := time.Now()
			// At MinScale 2 ms of real time show as 2000 s.
			if got := c.Now(); got.Before(now.Add(-time.Minute)) || got.After(now.Add(24*time.Hour)) {
				t.Errorf("Now() = %s, want within a day of %s", got, now)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel()
			start := time.Now()
			c.Sleep(ctx, time.Second) // at most MaxScale times: the context ends it
			if took := time.Since(start); took > time.Second {
				t.Errorf("Sleep(1s) took %s", took)
			}
		})
	}
	for _, f := range []float64{engine.MinScale, 0.5, 1, engine.MaxScale} {
		if err := engine.CheckScale(f); err != nil {
			t.Errorf("CheckScale(%g) = %v, want nil", f, err)
		}
	}
}
