package engine

import (
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// DecodeJSON parses a JSON document into the plain values the engine works
// on: nil, bool, string, int64 (integers), float64, []any and
// map[string]any.
func DecodeJSON(b []byte) (any, error) { return jsonvalue.Unmarshal(b) }

// EncodeJSON renders v compactly as AWS does in histories and outputs.
func EncodeJSON(v any) string { return jsonvalue.String(v) }

// deepCopy copies maps and slices so that a state never mutates a value
// another state still holds; objects keep their key order.
func deepCopy(v any) any { return jsonvalue.Clone(v) }
