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
// another state still holds.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}
