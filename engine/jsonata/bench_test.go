package jsonata_test

import (
	"context"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonata"
)

func BenchmarkOutput(b *testing.B) {
	tmpl, err := jsonata.CompileTemplate("Output", map[string]any{
		"count": "{% $states.input.count + 1 %}",
		"msg":   "{% 'at ' & $string($states.input.count) %}",
	})
	if err != nil {
		b.Fatal(err)
	}
	env := &jsonata.Env{States: map[string]any{"input": map[string]any{"count": int64(41)}, "context": map[string]any{}}, Runtime: jsonata.NewRuntime(nil)}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tmpl.Eval(ctx, env); err != nil {
			b.Fatal(err)
		}
	}
}
