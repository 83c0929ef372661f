package schema

import (
	"reflect"
	"testing"
)

func TestJSONataVariables(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{`$x + 1`, []string{"x"}},
		{`$states.input.a`, []string{"states"}},
		{`$sum($items.price)`, []string{"sum", "items"}},
		{`($f := function($a, $b) { $a + $b + $c }; $f(1, 2))`, []string{"c"}},
		{`"$notAVariable" & '$nor' & $real`, []string{"real"}},
		{`/* $comment */ $y`, []string{"y"}},
		{"`$odd name` + $z", []string{"z"}},
		{`$ + $$`, nil},
	}
	for _, tc := range tests {
		got := jsonataVariables(tc.expr)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("jsonataVariables(%q) = %v, want %v", tc.expr, got, tc.want)
		}
	}
}
