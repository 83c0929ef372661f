package jsonvalue_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// TestLargeArrays: arrays long enough to be encoded in two halves side by
// side give the same text as encoding/json, and an unencodable value in
// either half is an error.
func TestLargeArrays(t *testing.T) {
	ints := func(n int) []any {
		a := make([]any, n)
		for i := range a {
			a[i] = int64(i)
		}
		return a
	}
	objects := make([]any, 5001)
	for i := range objects {
		objects[i] = map[string]any{"v": int64(i), "size": "small", "tags": []any{"a", nil, true}}
	}
	tests := []struct {
		name string
		v    any
	}{
		{"below the threshold", ints(4095)},
		{"at the threshold", ints(4096)},
		{"odd length", ints(10001)},
		{"objects", objects},
		{"nested", []any{ints(9000), map[string]any{"x": ints(5000)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := jsonvalue.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(tt.v)
			if string(got) != string(want) {
				t.Fatalf("encoding differs from encoding/json (%d vs %d bytes)", len(got), len(want))
			}
		})
	}
	for _, at := range []int{10, 9990} {
		bad := ints(10000)
		bad[at] = math.NaN()
		if _, err := jsonvalue.Marshal(bad); err == nil {
			t.Errorf("NaN at %d: no error", at)
		}
	}
}
