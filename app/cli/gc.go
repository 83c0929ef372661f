package cli

import (
	"os"
	"runtime/debug"
)

// tuneGC makes `stepstudio run` collect garbage less often. A run
// allocates many short-lived values over a small live heap; with Go's
// defaults (GOGC=100, a 4 MiB first goal) a short run spends about a third
// of its CPU collecting and sweeping. GOGC=400 collects a quarter as often;
// the memory limit keeps a large run's heap within bounds (the collector
// works harder near it instead of growing). A user's GOGC or GOMEMLIMIT
// wins.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(2 << 30)
	}
}
