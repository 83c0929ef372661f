package intrinsic_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
)

func benchEval(b *testing.B, expr string) {
	e := intrinsic.MustCompile(expr)
	env := &intrinsic.Env{Scope: jsonpath.Scope{Input: map[string]any{"count": int64(41), "name": "loop"}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(env); err != nil {
			b.Fatal(err)
		}
	}
}

// The two calls of the counting loop in the engine's benchmark.
func BenchmarkMathAdd(b *testing.B) { benchEval(b, "States.MathAdd($.count, 1)") }
func BenchmarkFormat(b *testing.B)  { benchEval(b, "States.Format('{} is at {}', $.name, $.count)") }

func BenchmarkNested(b *testing.B) {
	benchEval(b, "States.ArrayGetItem(States.StringSplit($.name, 'o'), States.MathAdd(States.ArrayLength(States.Array(1, 2)), -1))")
}

func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := intrinsic.Compile("States.Format('{} is at {}', $.name, States.MathAdd($.count, 1))"); err != nil {
			b.Fatal(err)
		}
	}
}
