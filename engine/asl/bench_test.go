package asl_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// flowDefinition is n chained Pass states as one line of JSON text, which
// is also a YAML flow document: the shape that made column counting
// quadratic when it restarted from the start of the line.
func flowDefinition(n int) []byte {
	states := map[string]any{}
	for i := range n {
		states[fmt.Sprintf("S%d", i)] = map[string]any{"Type": "Pass", "Next": fmt.Sprintf("S%d", i+1)}
	}
	states[fmt.Sprintf("S%d", n)] = map[string]any{"Type": "Succeed"}
	src, _ := json.Marshal(map[string]any{"StartAt": "S0", "States": states})
	return src
}

func BenchmarkParseJSON(b *testing.B) {
	src := flowDefinition(1000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := asl.ParseFormat("x.json", src, asl.JSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseYAMLOneLine(b *testing.B) {
	src := flowDefinition(1000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := asl.ParseFormat("x.yaml", src, asl.YAML); err != nil {
			b.Fatal(err)
		}
	}
}
