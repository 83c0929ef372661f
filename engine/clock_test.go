package engine_test

import (
	"context"
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
