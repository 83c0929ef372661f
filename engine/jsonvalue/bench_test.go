package jsonvalue_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// benchDoc is a Map input: 1,000 small objects with keys out of order.
var benchDoc = func() []byte {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"item-%d","id":%d,"price":%d.5,"tags":["a","b"]}`, i, i, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}()

func BenchmarkUnmarshal(b *testing.B) {
	b.SetBytes(int64(len(benchDoc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonvalue.Unmarshal(benchDoc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUnmarshalStdlib is encoding/json on the same document, for
// comparison (it keeps no key order and gives json.Number).
func BenchmarkUnmarshalStdlib(b *testing.B) {
	b.SetBytes(int64(len(benchDoc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(benchDoc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	v, err := jsonvalue.Unmarshal(benchDoc)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonvalue.Marshal(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalShaped encodes what a Map returns: objects built by a
// payload template, whose key order comes from a registered shape.
func BenchmarkMarshalShaped(b *testing.B) {
	jsonvalue.RegisterShape([]string{"v", "size"})
	items := make([]any, 10000)
	for i := range items {
		items[i] = map[string]any{"v": int64(i), "size": "small"}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonvalue.Marshal(items); err != nil {
			b.Fatal(err)
		}
	}
}
