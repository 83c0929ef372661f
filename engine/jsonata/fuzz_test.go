package jsonata_test

import (
	"context"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// FuzzTemplate checks that no expression makes CompileTemplate or Eval
// panic or return an error that is not an ASL error.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		`$sum($states.input.n) + $v`, `$states.input.o.a * 2`, `{'a': $states.input.s}`,
		`$partition([1,2,3], 2)`, `$range(0, 9, 3)`, `$parse('{"a":1}')`, `$fn := function($x){$x}`,
		`$states.input.s + 1`, `$merge([{'a':1},{'b':2}])`, `$contains("x", /^x/)`, `$uuid()`, `$random(1)`,
	} {
		f.Add(s)
	}
	input, err := jsonvalue.Unmarshal([]byte(`{"n":[1,2,3],"s":"hi","o":{"a":1.5}}`))
	if err != nil {
		f.Fatal(err)
	}
	env := &jsonata.Env{
		States:  map[string]any{"input": input, "context": map[string]any{}},
		Runtime: jsonata.NewRuntime(intrinsic.SeededSource(1)),
	}
	f.Fuzz(func(t *testing.T, expr string) {
		tmpl, err := jsonata.CompileTemplate("Output", map[string]any{"k": "{% " + expr + " %}"})
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if _, err := tmpl.Eval(ctx, env); err != nil {
			if _, ok := fault.As(err); !ok && ctx.Err() == nil {
				t.Fatalf("%q: error %v is not an ASL error", expr, err)
			}
		}
	})
}
