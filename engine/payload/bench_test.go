package payload_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/payload"
)

// BenchmarkLoopStep is the Pass state of the engine's counting benchmark:
// one MathAdd and one Format per iteration.
func BenchmarkLoopStep(b *testing.B) {
	tmpl := payload.MustCompile(mustJSON(b, `{"count.$":"States.MathAdd($.count, 1)","msg.$":"States.Format('at {}', $.count)","limit.$":"$.limit"}`))
	env := &intrinsic.Env{Scope: jsonpath.Scope{Input: map[string]any{"count": int64(41), "limit": int64(10000)}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tmpl.Eval(env); err != nil {
			b.Fatal(err)
		}
	}
}
