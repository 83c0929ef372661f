//go:build linux

package engine_test

import (
	"strings"
	"syscall"
	"testing"
)

// TestJSONataMemoryStaysBounded: a Map of 40 concurrent items, each
// summing a 10-million-item range, used to take 2 GB (each range is 381
// MiB of allocations; 4.8 GB here without the budget). The evaluation
// budget fails the first item with States.QueryEvaluationError naming the
// memory limit, the Map stops the rest, and the process's peak RSS
// (ru_maxrss) stays far below. The child runs with GOMAXPROCS=8, so that 8
// items would evaluate at once even on a 2-core machine, and with the
// CLI's garbage collector settings.
func TestJSONataMemoryStaysBounded(t *testing.T) {
	res, st := startChild(t, "bigRangeMap", "GOMAXPROCS=8")
	rss := st.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	t.Logf("40 items of $sum([1..10000000]), MaxConcurrency 40: %s %s, peak RSS %d MiB, %s user CPU",
		res.Status, res.Error, rss>>20, st.UserTime())
	if res.Status != "FAILED" || res.Error != "States.QueryEvaluationError" || !strings.Contains(res.Cause, "Expression evaluation memory limit exceeded: the expression allocated more than 128 MiB") {
		t.Fatalf("got %s %s %q, want FAILED States.QueryEvaluationError naming the memory limit", res.Status, res.Error, res.Cause)
	}
	if rss > 256<<20 {
		t.Fatalf("peak RSS %d MiB, want at most 256 MiB", rss>>20)
	}
}
