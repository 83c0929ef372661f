package engine

import (
	"math"
	"testing"
)

// TestJSONSize checks the size estimate against the real encoding for
// values without escapes.
func TestJSONSize(t *testing.T) {
	for _, v := range []any{
		nil, true, false, "", "héllo", int64(0), int64(9), int64(10), int64(-10), int64(math.MaxInt64), int64(math.MinInt64),
		1.5, -0.001, 1e300, []any{}, []any{int64(1), "a"}, map[string]any{"k": []any{nil}},
	} {
		want := len(EncodeJSON(v))
		if got := jsonSize(v, 1<<20); got < want-2 || got > want+2 {
			t.Errorf("jsonSize(%v) = %d, encoding is %d bytes", v, got, want)
		}
	}
}
