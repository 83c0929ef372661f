package jsonpath_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonpath"
)

func benchGet(b *testing.B, path string) {
	doc := mustJSON(b, doc)
	p := jsonpath.MustCompile(path)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Get(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetDefinite(b *testing.B)   { benchGet(b, "$.a.b[1].c") }
func BenchmarkGetIndefinite(b *testing.B) { benchGet(b, "$.items[?(@.p > 10)].k") }

func BenchmarkSet(b *testing.B) {
	in := mustJSON(b, doc)
	p := jsonpath.MustCompile("$.result.value")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Set(in, int64(1)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonpath.Compile("$.items[?(@.p > 10)].k"); err != nil {
			b.Fatal(err)
		}
	}
}
