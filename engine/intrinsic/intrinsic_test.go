package intrinsic_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
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

const input = `{"s":"a,b,,c","n":3,"f":1.5,"arr":[1,2,2,"x",{"k":1},{"k":1}],"obj":{"a":1,"b":[true,null]},"json":"{\"x\": [1, 2.5]}","empty":"","ordered":{"b":1,"a":2}}`

func TestEval(t *testing.T) {
	tests := []struct {
		expr string
		want string // JSON
	}{
		{`States.Format('Hello {}!', $.s)`, `"Hello a,b,,c!"`},
		{`States.Format('{} {} {} {}', $.n, $.f, $.obj, $.arr)`, `"3 1.5 {a=1, b=[true, null]} [1, 2, 2, x, {k=1}, {k=1}]"`},
		{`States.Format('\{\} {} it\'s \\ ok', null)`, `"{} null it's \\ ok"`},
		{`States.Format($.s)`, `"a,b,,c"`},
		{`States.StringToJson($.json)`, `{"x":[1,2.5]}`},
		{`States.StringToJson($.empty)`, `null`},
		{`States.StringToJson(' ')`, `null`},
		{`States.StringToJson('-0')`, `0`},
		{`States.StringToJson('{"a":"it\'s"}')`, `{"a":"it's"}`},
		{`States.JsonToString($.obj)`, `"{\"a\":1,\"b\":[true,null]}"`},
		{`States.JsonToString($.f)`, `"1.5"`},
		{`States.Array()`, `[]`},
		{`States.Array(1, 'two', $.n, null, true, States.Array(-1.5))`, `[1,"two",3,null,true,[-1.5]]`},
		{`States.ArrayPartition($.arr, 4)`, `[[1,2,2,"x"],[{"k":1},{"k":1}]]`},
		{`States.ArrayContains($.arr, $.obj.a)`, `true`},
		{`States.ArrayContains($.arr, 'y')`, `false`},
		{`States.ArrayContains($.arr, States.StringToJson('{"k":1.0}'))`, `true`},
		{`States.ArrayRange(1, 9, 2)`, `[1,3,5,7,9]`},
		{`States.ArrayRange(0, 10, 3)`, `[0,3,6,9]`},
		{`States.ArrayRange(5, 1, -2)`, `[5,3,1]`},
		{`States.ArrayRange(5, 1, 2)`, `[]`},
		{`States.ArrayGetItem($.arr, 3)`, `"x"`},
		{`States.ArrayLength($.arr)`, `6`},
		{`States.ArrayUnique($.arr)`, `[1,2,"x",{"k":1}]`},
		{`States.Base64Encode('Data to encode')`, `"RGF0YSB0byBlbmNvZGU="`},
		{`States.Base64Decode('RGF0YSB0byBlbmNvZGU=')`, `"Data to encode"`},
		{`States.Hash('input data', 'SHA-1')`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{`States.Hash('input data', 'SHA-256')`, `"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"`},
		{`States.JsonMerge($.obj, States.StringToJson('{"b":2,"c":3}'), false)`, `{"a":1,"b":2,"c":3}`},
		{`States.JsonToString(States.JsonMerge(States.StringToJson('{"z":1,"y":2}'), States.StringToJson('{"x":3,"z":4}'), false))`, `"{\"z\":4,\"y\":2,\"x\":3}"`},
		{`States.Format('{}', States.StringToJson('{"z":1,"y":[2]}'))`, `"{z=1, y=[2]}"`},
		{`States.JsonToString($.ordered)`, `"{\"b\":1,\"a\":2}"`},
		{`States.MathAdd(1.49, 1.5)`, `3`},
		{`States.MathAdd(-2.5, 0)`, `-2`},
		{`States.MathAdd($.n, -10)`, `-7`},
		{`States.MathRandom(7, 8)`, `7`},
		{`States.StringSplit($.s, ',')`, `["a","b","c"]`},
		{`States.StringSplit('split on T and ` + "\n" + `new line', 'T` + "\n" + `')`, `["split on "," and ","new line"]`},
		{`States.ArrayGetItem(States.StringSplit('a-b-c', '-'), States.MathAdd(States.ArrayLength(States.StringSplit('a-b-c', '-')), -1))`, `"c"`},
		{` States.ArrayLength( $.arr ) `, `6`},
		{`States.ArrayLength($.arr[?(@.k == 1)])`, `2`},
		{`States.Format('{}', $$.Execution.Name)`, `"exec"`},
		{`States.Format('{}', $v.f)`, `"var"`},
	}
	env := &intrinsic.Env{Scope: jsonpath.Scope{
		Input:   mustJSON(t, input),
		Context: mustJSON(t, `{"Execution":{"Name":"exec"}}`),
		Vars:    jsonpath.VarMap{"v": map[string]any{"f": "var"}},
	}}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			e, err := intrinsic.Compile(tt.expr)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			got, err := e.Eval(env)
			if err != nil {
				t.Fatalf("Eval: %v", err)
			}
			if !jsonvalue.Equal(got, mustJSON(t, tt.want)) {
				t.Errorf("Eval = %s, want %s", jsonvalue.String(got), tt.want)
			}
		})
	}
}

func TestEvalFails(t *testing.T) {
	tests := []struct {
		expr, name string
	}{
		{`States.Format('{} {}', 1)`, fault.IntrinsicFailure},
		{`States.Format('{}', 1, 2)`, fault.IntrinsicFailure},
		{`States.StringToJson('{bad')`, fault.IntrinsicFailure},
		{`States.ArrayPartition($.arr, 0)`, fault.IntrinsicFailure},
		{`States.ArrayPartition($.s, 1)`, fault.IntrinsicFailure},
		{`States.ArrayRange(0, 2000, 1)`, fault.IntrinsicFailure},
		{`States.ArrayRange(0, 2, 0)`, fault.IntrinsicFailure},
		{`States.ArrayGetItem($.arr, 6)`, fault.IntrinsicFailure},
		{`States.ArrayGetItem($.arr, 1.5)`, fault.IntrinsicFailure},
		{`States.Base64Decode('***')`, fault.IntrinsicFailure},
		{`States.Hash('x', 'SHA-3')`, fault.IntrinsicFailure},
		{`States.JsonMerge($.obj, $.obj, true)`, fault.IntrinsicFailure},
		{`States.MathAdd(2147483648, 1)`, fault.IntrinsicFailure},
		{`States.MathAdd('1', 1)`, fault.IntrinsicFailure},
		{`States.MathRandom(5, 5)`, fault.IntrinsicFailure},
		{`States.StringSplit(1, ',')`, fault.IntrinsicFailure},
		{`States.ArrayRange(-9000000000000000000, 9000000000000000000, 1)`, fault.IntrinsicFailure},
		{`States.MathRandom(-9000000000000000000, 9000000000000000000)`, fault.IntrinsicFailure},
		{`States.Format('{}', $.missing)`, fault.Runtime},
	}
	env := &intrinsic.Env{Scope: jsonpath.Scope{Input: mustJSON(t, input)}}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := intrinsic.MustCompile(tt.expr).Eval(env)
			if !errors.Is(err, &fault.Error{Name: tt.name}) {
				t.Fatalf("Eval = %v, %v; want %s", got, err, tt.name)
			}
		})
	}
}

func TestMissingPathCause(t *testing.T) {
	env := &intrinsic.Env{Scope: jsonpath.Scope{Input: map[string]any{"a": int64(1)}}}
	_, err := intrinsic.MustCompile(`States.Format('{}', $.receipt_bucket)`).Eval(env)
	fe, _ := fault.As(err)
	// The text AWS gives (quoted from AWS execution histories): the whole
	// expression as written, then the argument that names nothing.
	want := `The function 'States.Format('{}', $.receipt_bucket)' had the following error: The JsonPath argument for the field '$.receipt_bucket' could not be found in the input '{"a":1}'`
	if fe == nil || fe.Cause != want {
		t.Errorf("cause = %v, want %q", err, want)
	}
	_, err = intrinsic.MustCompile(`States.Array(States.Format('{}',$.a[0]))`).Eval(env)
	fe, _ = fault.As(err)
	want = `The function 'States.Array(States.Format('{}',$.a[0]))' had the following error: Filter: [0] can only be applied to arrays. Current context is: 1`
	if fe == nil || fe.Name != fault.Runtime || fe.Cause != want {
		t.Errorf("cause = %v, want %q", err, want)
	}
}

func TestCompileRejects(t *testing.T) {
	for _, src := range []string{
		``, `States`, `States.Nope()`, `States.Format`, `States.Format(`, `States.Format('x'`,
		`States.Format('x',)`, `States.Format('unterminated)`, `States.UUID(1)`,
		`States.ArrayLength()`, `States.MathAdd(1)`, `States.JsonMerge(1, 2)`, `States.Array(1) x`,
		`States.Array(tru)`, `States.Array($.a b)`, `States.Array(1 2)`, `$.a`,
		// AWS rejects these (conformance validation/illegal_escapes).
		`States.StringToJson('{"text":"An \"escaped double quote\" here"}')`,
		`States.Format('He said, \"Hello, {}!\"', 'Test \"Name\" Here')`,
		`States.Format('a\nb')`,
	} {
		if e, err := intrinsic.Compile(src); err == nil {
			t.Errorf("Compile(%q) = %v, want an error", src, e)
		} else {
			var se *intrinsic.SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("Compile(%q) error %T is not a SyntaxError", src, err)
			}
		}
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestSources(t *testing.T) {
	run := func(src intrinsic.Source, expr string) string {
		v, err := intrinsic.MustCompile(expr).Eval(&intrinsic.Env{Source: src})
		if err != nil {
			t.Fatal(err)
		}
		return jsonvalue.String(v)
	}
	a, b := intrinsic.SeededSource(42), intrinsic.SeededSource(42)
	for range 5 {
		ua, ub := run(a, `States.UUID()`), run(b, `States.UUID()`)
		if ua != ub || !uuidRE.MatchString(strings.Trim(ua, `"`)) {
			t.Errorf("seeded UUIDs %s, %s: want equal v4 UUIDs", ua, ub)
		}
		ra, rb := run(a, `States.MathRandom(0, 1000000)`), run(b, `States.MathRandom(0, 1000000)`)
		if ra != rb {
			t.Errorf("seeded MathRandom %s != %s", ra, rb)
		}
	}
	if u1, u2 := run(nil, `States.UUID()`), run(nil, `States.UUID()`); u1 == u2 || !uuidRE.MatchString(strings.Trim(u1, `"`)) {
		t.Errorf("random UUIDs %s, %s", u1, u2)
	}
	// A seed argument makes MathRandom depend on the seed only.
	if x, y := run(a, `States.MathRandom(0, 1000000, 7)`), run(nil, `States.MathRandom(0, 1000000, 7)`); x != y {
		t.Errorf("MathRandom with seed: %s != %s", x, y)
	}
	for range 100 {
		v := run(nil, `States.MathRandom(10, 12)`)
		if v != "10" && v != "11" {
			t.Fatalf("MathRandom(10, 12) = %s, want 10 or 11", v)
		}
	}
}

// TestSignaturesMatchFunctions checks the kinds Lookup publishes (for the
// validator's static checks) against what the functions accept: a call
// with good arguments succeeds, and putting a literal of another kind in
// any typed position fails with States.IntrinsicFailure.
func TestSignaturesMatchFunctions(t *testing.T) {
	good := map[byte]string{'s': "'abc'", 'n': "1.5", 'i': "2", 'a': "$.arr", 'o': "$.obj", 'b': "false", '*': "1"}
	wrong := map[byte][]string{'s': {"1", "true"}, 'n': {"'1'", "true"}, 'i': {"'2'", "2.5"}, 'a': {"'x'", "1"}, 'o': {"'x'", "1"}, 'b': {"'x'", "0"}}
	// Arguments that must be of the right kind and also make sense.
	special := map[string][]string{
		"States.Format":       {"'{}'", "1"},
		"States.StringToJson": {"'1'"},
		"States.Base64Decode": {"'YWJj'"},
		"States.Hash":         {"'abc'", "'SHA-256'"},
		"States.ArrayRange":   {"1", "3", "1"},
		"States.MathRandom":   {"1", "5", "7"},
	}
	env := &intrinsic.Env{Scope: jsonpath.Scope{Input: mustJSON(t, input)}}
	for _, name := range intrinsic.Names() {
		sig, ok := intrinsic.Lookup(name)
		if !ok {
			t.Fatalf("Lookup(%q) found nothing", name)
		}
		n := max(sig.Min, len(sig.Params))
		if sig.Max >= 0 {
			n = min(n, sig.Max)
		}
		args := special[name]
		if args == nil {
			for i := range n {
				args = append(args, good[sig.Param(i)])
			}
		}
		call := func(args []string) string { return name + "(" + strings.Join(args, ", ") + ")" }
		if _, err := intrinsic.MustCompile(call(args)).Eval(env); err != nil {
			t.Errorf("%s: %v", call(args), err)
		}
		for i := range args {
			for _, w := range wrong[sig.Param(i)] {
				bad := append([]string(nil), args...)
				bad[i] = w
				if _, err := intrinsic.MustCompile(call(bad)).Eval(env); !errors.Is(err, &fault.Error{Name: fault.IntrinsicFailure}) {
					t.Errorf("%s: want States.IntrinsicFailure (argument %d must be of kind %c), got %v", call(bad), i+1, sig.Param(i), err)
				}
			}
		}
	}
	if _, ok := intrinsic.Lookup("States.Nope"); ok {
		t.Error("Lookup found an unknown function")
	}
}
