package intrinsic_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// FuzzCompile checks that no call text makes Compile or Eval panic, and
// that a compiled call's text compiles again.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`States.Format('Hello {} \{\}', $.s)`,
		`States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), States.MathAdd(States.ArrayLength($.arr), -1))`,
		`States.JsonMerge(States.StringToJson('{"a":1}'), $.obj, false)`,
		`States.ArrayRange(1, 9, 2)`, `States.Hash($.s, 'SHA-256')`, `States.UUID()`, `States.MathRandom(1, 10, 3)`,
		`States.Array(1, -2.5e3, true, null, 'x', $v.f[0])`, `States.ArrayLength($.arr[?(@ > 1)])`,
		`States.Base64Decode(States.Base64Encode('é'))`, `States.ArrayUnique($.arr)`, `States.ArrayPartition($.arr, 2)`,
	} {
		f.Add(s)
	}
	input, err := jsonvalue.Unmarshal([]byte(`{"s":"a-b","arr":[1,2,2,3],"obj":{"b":2},"n":3}`))
	if err != nil {
		f.Fatal(err)
	}
	env := &intrinsic.Env{
		Scope:  jsonpath.Scope{Input: input, Context: input, Vars: jsonpath.VarMap{"v": input}},
		Source: intrinsic.SeededSource(1),
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := intrinsic.Compile(src)
		if err != nil {
			return
		}
		if _, err := intrinsic.Compile(e.String()); err != nil {
			t.Fatalf("%q compiled, its text %q does not: %v", src, e.String(), err)
		}
		_, _ = e.Eval(env)
	})
}
