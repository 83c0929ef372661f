package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// The definitions of the peer comparison (bench/run.sh), in process: what
// the engine itself costs, without process start-up. They record more than
// the 25,000 events a STANDARD history holds, so they run as EXPRESS.

func benchMachine(b *testing.B, name string) *engine.Machine {
	b.Helper()
	src, err := os.ReadFile(filepath.Join("bench", name))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := asl.Parse(name, src)
	if err != nil {
		b.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

func benchRun(b *testing.B, m *engine.Machine, input func() any, opts ...engine.Option) {
	opts = append(opts, engine.WithType(engine.Express))
	b.ReportAllocs()
	for b.Loop() {
		res, err := m.Run(context.Background(), input(), opts...)
		if err != nil || res.Status != engine.StatusSucceeded {
			b.Fatalf("%v %s %v %v", err, res.Status, res.Error, res.Cause)
		}
	}
}

func BenchmarkCountTo10000(b *testing.B) {
	m := benchMachine(b, "count.asl.json")
	benchRun(b, m, func() any { return map[string]any{"i": int64(0)} }, engine.WithoutHistory())
}

func BenchmarkCountTo10000WithHistory(b *testing.B) {
	m := benchMachine(b, "count.asl.json")
	benchRun(b, m, func() any { return map[string]any{"i": int64(0)} })
}

func BenchmarkMap10000(b *testing.B) {
	m := benchMachine(b, "map.asl.json")
	items := make([]any, 10000)
	for i := range items {
		items[i] = int64(i)
	}
	benchRun(b, m, func() any { return map[string]any{"run": "bench", "items": items} }, engine.WithoutHistory())
}
