package jsonata_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

func mustJSON(t testing.TB, s string) any {
	t.Helper()
	v, err := jsonvalue.Unmarshal([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

func testEnv(t testing.TB) *jsonata.Env {
	return &jsonata.Env{
		States: map[string]any{
			"input":   mustJSON(t, `{"n":[1,2,3],"s":"hi","nul":null,"o":{"a":1.5},"str":"{\"x\":[1]}","big":9007199254740993}`),
			"context": mustJSON(t, `{"Execution":{"Name":"ex"}}`),
		},
		Vars:    jsonpath.VarMap{"v": int64(10), "obj": map[string]any{"k": "val"}, "fn": "not a function"},
		Runtime: jsonata.NewRuntime(intrinsic.SeededSource(1)),
	}
}

func TestEval(t *testing.T) {
	tests := []struct {
		name, template, want string
	}{
		{"literal", `"plain"`, `"plain"`},
		{"sum", `"{% $sum($states.input.n) + $v %}"`, `16`},
		{"float", `"{% $states.input.o.a * 2 %}"`, `3`},
		{"fraction", `"{% $states.input.o.a / 2 %}"`, `0.75`},
		{"null", `"{% $states.input.nul %}"`, `null`},
		{"context", `"{% $states.context.Execution.Name %}"`, `"ex"`},
		{"object", `{"a":"{% $states.input.s %}","b":[1,"{% $obj.k %}"],"c":"x"}`, `{"a":"hi","b":[1,"val"],"c":"x"}`},
		{"merge", `"{% $merge([{'a':1},{'b':2}]) %}"`, `{"a":1,"b":2}`},
		{"local shadows", `"{% ($v := 1; $v + 1) %}"`, `2`},
		{"partition", `"{% $partition([1,2,3], 2) %}"`, `[[1,2],[3]]`},
		{"partition one", `"{% $partition([0], 1) %}"`, `[[0]]`},
		{"range", `"{% $range(0, 9, 3) %}"`, `[0,3,6,9]`},
		{"range one", `"{% $range(1, 9, 9) %}"`, `1`},
		{"hash", `"{% $hash('input data', 'MD5') %}"`, `"812f45842bc6d66ee14572ce20db8e86"`},
		{"parse", `"{% $parse($states.input.str) %}"`, `{"x":[1]}`},
		{"parse -0", `"{% $parse('-0') %}"`, `0`},
		{"regex", `"{% $contains(\"hello$world\", /^hello\\ /) %}"`, `false`},
		{"string compare", `"{% $states.input.s = 'hi' %}"`, `true`},
		{"partition truncates", `"{% $partition([1,2,3,4,5], 2.9) %}"`, `[[1,2],[3,4],[5]]`},
		{"range truncates", `"{% $range(-1.7, 2, 1) %}"`, `[-1,0,1,2]`},
		{"range past 1000", `"{% $count($range(1, 5000, 1)) %}"`, `5000`},
		{"range down", `"{% $range(5, 1, -2) %}"`, `[5,3,1]`},
		{"partition size 0 is undefined", `"{% $exists($partition([1], 0)) %}"`, `false`},
		{"partition of [] is undefined", `"{% $exists($partition([], 2)) %}"`, `false`},
		{"range without step is undefined", `"{% $exists($range(1, 5)) %}"`, `false`},
		{"range away from end is undefined", `"{% $exists($range(1, 5, -1)) %}"`, `false`},
		{"hash without algorithm is undefined", `"{% $exists($hash('x')) %}"`, `false`},
		{"big integer", `"{% $states.input.big %}"`, `9007199254740993`},
		{"infinity", `{"a":"{% 1/0 %}","b":"{% [-1/0] %}","c":"{% 0/0 %}"}`, `{"a":"Infinity","b":["-Infinity"],"c":"NaN"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl, err := jsonata.CompileTemplate("Output", mustJSON(t, tt.template))
			if err != nil {
				t.Fatalf("CompileTemplate: %v", err)
			}
			got, err := tmpl.Eval(context.Background(), testEnv(t))
			if err != nil {
				t.Fatalf("Eval: %v", err)
			}
			if g := jsonvalue.String(got); g != jsonvalue.String(mustJSON(t, tt.want)) {
				t.Errorf("Eval = %s, want %s", g, tt.want)
			}
		})
	}
}

func TestRandomAndUUID(t *testing.T) {
	run := func(rt *jsonata.Runtime, expr string) string {
		tmpl, err := jsonata.CompileTemplate("Output", expr)
		if err != nil {
			t.Fatal(err)
		}
		v, err := tmpl.Eval(context.Background(), &jsonata.Env{Runtime: rt})
		if err != nil {
			t.Fatal(err)
		}
		return jsonvalue.String(v)
	}
	a, b := jsonata.NewRuntime(intrinsic.SeededSource(3)), jsonata.NewRuntime(intrinsic.SeededSource(3))
	if x, y := run(a, "{% $uuid() %}"), run(b, "{% $uuid() %}"); x != y || len(x) != 38 {
		t.Errorf("seeded $uuid() = %s and %s", x, y)
	}
	if x, y := run(a, "{% $random() %}"), run(b, "{% $random() %}"); x != y {
		t.Errorf("seeded $random() = %s and %s", x, y)
	}
	if x, y := run(a, "{% $random(5) %}"), run(nil, "{% $random(5) %}"); x != y {
		t.Errorf("$random(5) depends on more than its seed: %s, %s", x, y)
	}
	if x, y := run(nil, "{% $uuid() %}"), run(nil, "{% $uuid() %}"); x == y {
		t.Errorf("unseeded $uuid() repeated %s", x)
	}
}

func TestClock(t *testing.T) {
	at := time.Date(2024, 3, 5, 7, 9, 11, 123456789, time.UTC)
	rt := jsonata.NewRuntime(nil, jsonata.WithClock(func() time.Time { return at }))
	tmpl, err := jsonata.CompileTemplate("Output", map[string]any{
		"now":     "{% $now() %}",
		"millis":  "{% $millis() %}",
		"picture": "{% $now('[Y0001]-[M01]-[D01]') %}",
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Eval(context.Background(), &jsonata.Env{Runtime: rt})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"millis":1709622551123,"now":"2024-03-05T07:09:11.123Z","picture":"2024-03-05"}`
	if g := jsonvalue.String(got); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

func TestEvalErrors(t *testing.T) {
	tests := []struct {
		field, template, cause string
	}{
		// The three causes below were recorded by AWS (conformance corpus).
		{"Output", `{"result":"{% $doesNotExist %}"}`,
			"The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."},
		{"Output", `{"FunctionResult":"{% $randomSeeded($states.input.s) %}"}`,
			"The JSONata expression '$randomSeeded($states.input.s)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function"},
		{"Items", `"{% $fn := function($x){$x} %}"`,
			"The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type."},
		{"Output", `{"list":[1,{"x":"{% $nope %}"}]}`,
			"The JSONata expression '$nope' specified for the field 'Output/list[1]/x' returned nothing (undefined)."},
		{"Output", `"{% $eval('1') %}"`,
			"The JSONata expression '$eval('1')' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function"},
		{"Output", `"{% $pad('x', 'y') %}"`,
			`The JSONata expression '$pad('x', 'y')' specified for the field 'Output' threw an error during evaluation. T0410: Argument 2 of function "pad" does not match function signature`},
		{"Output", `"{% $number('x') %}"`,
			`The JSONata expression '$number('x')' specified for the field 'Output' threw an error during evaluation. D3030: Unable to cast value to a number: "x"`},
		{"Output", `"{% $sum('a') %}"`,
			`The JSONata expression '$sum('a')' specified for the field 'Output' threw an error during evaluation. T0412: Argument 1 of function "sum" must be an array of numbers`},
		{"Output", `"{% $states.input.s + 1 %}"`,
			`The JSONata expression '$states.input.s + 1' specified for the field 'Output' threw an error during evaluation. T2001: The left side of the "+" operator must evaluate to a number`},
	}
	for _, tt := range tests {
		t.Run(tt.template, func(t *testing.T) {
			tmpl, err := jsonata.CompileTemplate(tt.field, mustJSON(t, tt.template))
			if err != nil {
				t.Fatal(err)
			}
			_, err = tmpl.Eval(context.Background(), testEnv(t))
			fe, ok := fault.As(err)
			if !ok || fe.Name != fault.QueryEvaluationError {
				t.Fatalf("err = %v, want QueryEvaluationError", err)
			}
			if fe.Cause != tt.cause {
				t.Errorf("cause = %q\nwant    %q", fe.Cause, tt.cause)
			}
		})
	}
}

func TestEvalAs(t *testing.T) {
	tests := []struct {
		template, want, cause string
	}{
		{`"{% [1,2] %}"`, "array", ""},
		{`"{% 3 %}"`, "integer", ""},
		{`"{% 3 %}"`, "number", ""},
		{`"{% true %}"`, "array", "The JSONata expression 'true' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'boolean' for value: true"},
		{`"{% {'foo': 'bar'} %}"`, "array", `The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {"foo":"bar"}`},
		{`"{% null %}"`, "array", "The JSONata expression 'null' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'null' for value: null"},
		{`"{% 'string' %}"`, "array", `The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: "string"`},
		{`"{% 1 %}"`, "array", "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1"},
	}
	for _, tt := range tests {
		tmpl, err := jsonata.CompileTemplate("Items", mustJSON(t, tt.template))
		if err != nil {
			t.Fatal(err)
		}
		_, err = tmpl.EvalAs(context.Background(), testEnv(t), tt.want)
		if tt.cause == "" {
			if err != nil {
				t.Errorf("%s as %s: %v", tt.template, tt.want, err)
			}
			continue
		}
		if fe, ok := fault.As(err); !ok || fe.Cause != tt.cause {
			t.Errorf("%s as %s: err = %v\nwant cause %q", tt.template, tt.want, err, tt.cause)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, src := range []string{`{% %}`, `{% 1 + %}`, `{% $x := %}`, `{% "open %}`} {
		_, err := jsonata.CompileTemplate("Output", map[string]any{"k": []any{src}})
		var se *jsonata.SyntaxError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "Output/k[0]") {
			t.Errorf("CompileTemplate(%q) = %v, want a located SyntaxError", src, err)
		}
	}
	if jsonata.IsExpr("{% x") || !jsonata.IsExpr("{%x%}") {
		t.Error("IsExpr misjudges delimiters")
	}
}

func TestCancelled(t *testing.T) {
	tmpl, err := jsonata.CompileTemplate("Output", "{% $sum([1..1000000]) %}")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tmpl.Eval(ctx, testEnv(t)); !errors.Is(err, context.Canceled) {
		t.Errorf("Eval on a cancelled context = %v, want context.Canceled", err)
	}
}

// TestKeyOrderKept checks that objects keep AWS's key order through
// JSONata: the input's order, and the order an expression builds.
func TestKeyOrderKept(t *testing.T) {
	env := &jsonata.Env{States: map[string]any{"input": mustJSON(t, `{"z":1,"y":{"b":2,"a":3}}`)}}
	tests := []struct{ expr, want string }{
		{"{% $states.input %}", `{"z":1,"y":{"b":2,"a":3}}`},
		{"{% $keys($states.input.y) %}", `["b","a"]`},
		{"{% {'q': 1, 'p': $states.input.y} %}", `{"q":1,"p":{"b":2,"a":3}}`},
		{"{% $merge([$states.input.y, {'c': 4}]) %}", `{"b":2,"a":3,"c":4}`},
		{"{% $string($states.input.y) %}", `"{\"b\":2,\"a\":3}"`},
	}
	for _, tt := range tests {
		tmpl, err := jsonata.CompileTemplate("Output", tt.expr)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tmpl.Eval(context.Background(), env)
		if err != nil || jsonvalue.String(got) != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.expr, jsonvalue.String(got), err, tt.want)
		}
	}
}
