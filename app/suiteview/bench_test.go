package suiteview

import (
	"context"
	"testing"
)

// BenchmarkRunExample is what one "Run all" of the Tests panel costs on
// the example: load the suite against the editor's text, run its four
// scenarios, measure coverage and encode each run's history for replay.
// go test ./app/suiteview -bench RunExample -run XXX
func BenchmarkRunExample(b *testing.B) {
	wf, text := example(b, true)
	b.ResetTimer()
	for b.Loop() {
		r := Run(context.Background(), wf, "", text, nil)
		if r.Passed != 4 {
			b.Fatalf("passed %d", r.Passed)
		}
	}
}
