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

// TestJSONSizeOfLargeArrays: arrays measured in two halves side by side
// give the sequential figure, and still give up past the limit.
func TestJSONSizeOfLargeArrays(t *testing.T) {
	for _, n := range []int{parallelSizeItems - 1, parallelSizeItems, 10001} {
		a := make([]any, n)
		for i := range a {
			a[i] = map[string]any{"v": int64(i), "size": "small"}
		}
		want := 2 + itemsSize(a, 1<<30)
		if got := jsonSize(a, 1<<30); got != want {
			t.Errorf("%d items: %d, want %d", n, got, want)
		}
		if enc := len(EncodeJSON(a)); want < enc {
			t.Errorf("%d items: estimate %d below the encoding's %d bytes", n, want, enc)
		}
		if got := jsonSize(a, 1000); got <= 1000 {
			t.Errorf("%d items under a 1000-byte limit: %d", n, got)
		}
	}
}
