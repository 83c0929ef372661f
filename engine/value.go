package engine

import (
	"fmt"
	"math"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// DecodeJSON parses a JSON document into the plain values the engine works
// on: nil, bool, string, int64 (integers), float64, []any and
// map[string]any.
func DecodeJSON(b []byte) (any, error) { return jsonvalue.Unmarshal(b) }

// EncodeJSON renders v compactly as AWS does in histories and outputs.
func EncodeJSON(v any) string { return jsonvalue.String(v) }

// AppendJSON appends v, encoded as EncodeJSON does, to b, growing b once
// to the size measured beforehand: a large output (a 10,000-item Map's)
// is written from one buffer instead of a doubling one, a string copy of
// it, and a copy of that.
func AppendJSON(b []byte, v any) []byte {
	if need := jsonSize(v, math.MaxInt); cap(b)-len(b) < need {
		b = append(make([]byte, 0, len(b)+need+1), b...)
	}
	out, err := jsonvalue.Append(b, v)
	if err != nil {
		return append(b, jsonvalue.String(v)...)
	}
	return out
}

// deepCopy copies maps and slices so that a state never mutates a value
// another state still holds; objects keep their key order.
func deepCopy(v any) any { return jsonvalue.Clone(v) }

// jsonType names the JSON type of a value, for messages.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int64, float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
