package jsonvalue_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b any
		want bool
	}{
		{nil, nil, true},
		{nil, false, false},
		{int64(1), float64(1), true},
		{float64(1.5), int64(1), false},
		{"1", int64(1), false},
		{[]any{int64(1), "a"}, []any{float64(1), "a"}, true},
		{[]any{int64(1)}, []any{int64(1), int64(2)}, false},
		{map[string]any{"a": nil}, map[string]any{"b": nil}, false},
		{map[string]any{"a": []any{true}}, map[string]any{"a": []any{true}}, true},
		{map[string]any{}, []any{}, false},
	}
	for _, tt := range tests {
		if got := jsonvalue.Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := jsonvalue.Equal(tt.b, tt.a); got != tt.want {
			t.Errorf("Equal(%v, %v) = %v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestStringReplacesInvalidUTF8(t *testing.T) {
	if got, want := jsonvalue.String("a\xffb"), `"a\uFFFDb"`; got != want {
		t.Errorf("String = %s, want %s", got, want)
	}
	if _, err := jsonvalue.Marshal(struct{}{}); err == nil {
		t.Error("Marshal accepted a Go value outside the JSON model")
	}
}
