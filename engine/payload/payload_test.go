package payload_test

import (
	"errors"
	"testing"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/payload"
)

func mustJSON(t testing.TB, s string) any {
	t.Helper()
	v, err := jsonvalue.Unmarshal([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

func env(t testing.TB) *intrinsic.Env {
	return &intrinsic.Env{Scope: jsonpath.Scope{
		Input:   mustJSON(t, `{"a":{"b":1},"list":[{"id":1},{"id":2}],"name":"n"}`),
		Context: mustJSON(t, `{"Map":{"Item":{"Index":4,"Value":"v"}}}`),
		Vars:    jsonpath.VarMap{"x": mustJSON(t, `{"y":[7]}`)},
	}}
}

func TestEval(t *testing.T) {
	tests := []struct {
		name, template, want string
		static               bool
	}{
		{"static", `{"a":1,"b":[true,{"c":null}]}`, `{"a":1,"b":[true,{"c":null}]}`, true},
		{"scalar", `"plain $.not.a.path"`, `"plain $.not.a.path"`, true},
		{"path", `{"v.$":"$.a.b","w":2}`, `{"v":1,"w":2}`, false},
		{"root", `{"all.$":"$"}`, `{"all":{"a":{"b":1},"list":[{"id":1},{"id":2}],"name":"n"}}`, false},
		{"indefinite", `{"ids.$":"$.list[*].id","none.$":"$.list[?(@.id > 5)]"}`, `{"ids":[1,2],"none":[]}`, false},
		{"context", `{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value"}`, `{"i":4,"v":"v"}`, false},
		{"variable", `{"y.$":"$x.y[0]","all.$":"$x"}`, `{"y":7,"all":{"y":[7]}}`, false},
		{"intrinsic", `{"s.$":"States.Format('{}-{}', $.name, $$.Map.Item.Index)"}`, `{"s":"n-4"}`, false},
		{"nested", `{"o":{"p":[{"q.$":"$.a"}]}}`, `{"o":{"p":[{"q":{"b":1}}]}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl, err := payload.Compile(mustJSON(t, tt.template))
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			if tmpl.Static() != tt.static {
				t.Errorf("Static() = %v, want %v", tmpl.Static(), tt.static)
			}
			got, err := tmpl.Eval(env(t))
			if err != nil {
				t.Fatalf("Eval: %v", err)
			}
			if !jsonvalue.Equal(got, mustJSON(t, tt.want)) {
				t.Errorf("Eval = %s, want %s", jsonvalue.String(got), tt.want)
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	tests := []struct {
		template, name, cause, pointer string
	}{
		// Recorded by AWS (conformance base_scenarios__invalid_jsonpath).
		{`{"value.$":"$.no_such_jsonpath"}`, fault.Runtime,
			`The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"a":{"b":1},"list":[{"id":1},{"id":2}],"name":"n"}'`, "/value.$"},
		{`{"o":{"v.$":"$$.Nope"}}`, fault.Runtime,
			`The JSONPath '$$.Nope' specified for the field 'v.$' could not be found in the input '{"Map":{"Item":{"Index":4,"Value":"v"}}}'`, "/o/v.$"},
		{`{"v.$":"States.ArrayGetItem($.list, 9)"}`, fault.IntrinsicFailure, "", "/v.$"},
		{`{"a":[1,{"b/c.$":"$.nope"}]}`, fault.Runtime, "", "/a/1/b~1c.$"},
	}
	for _, tt := range tests {
		t.Run(tt.template, func(t *testing.T) {
			_, err := payload.MustCompile(mustJSON(t, tt.template)).Eval(env(t))
			fe, ok := fault.As(err)
			if !ok || fe.Name != tt.name {
				t.Fatalf("Eval error = %v, want %s", err, tt.name)
			}
			if tt.cause != "" && fe.Cause != tt.cause {
				t.Errorf("cause = %q\nwant    %q", fe.Cause, tt.cause)
			}
			var fieldErr *payload.FieldError
			if !errors.As(err, &fieldErr) || fieldErr.Pointer != tt.pointer {
				t.Errorf("Eval error = %#v, want a FieldError at %s", err, tt.pointer)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		template, pointer string
	}{
		{`{"a.$":"missing"}`, "/a.$"},
		{`{"a.$":1}`, "/a.$"},
		{`{"o":[{"b.$":"$.x["}]}`, "/o/0/b.$"},
		{`{"x/y.$":"States.Nope()"}`, "/x~1y.$"},
	}
	for _, tt := range tests {
		_, err := payload.Compile(mustJSON(t, tt.template))
		var ce *payload.CompileError
		if !errors.As(err, &ce) || ce.Pointer != tt.pointer {
			t.Errorf("Compile(%s) = %v, want a CompileError at %s", tt.template, err, tt.pointer)
		}
	}
	_, err := payload.Compile(mustJSON(t, `{"a.$":"missing"}`))
	if !errors.Is(err, payload.ErrNotDynamic) {
		t.Errorf("err = %v, want ErrNotDynamic", err)
	}
}

func TestKeyOrderKept(t *testing.T) {
	tmpl := payload.MustCompile(mustJSON(t, `{"z.$":"$.name","b":{"y":1,"x":2},"m.$":"States.Format('x')"}`))
	got, err := tmpl.Eval(env(t))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"z":"n","b":{"y":1,"x":2},"m":"x"}`; jsonvalue.String(got) != want {
		t.Errorf("Eval = %s, want the template's order %s", jsonvalue.String(got), want)
	}
}

// TestJsonToStringKeepsInputOrder: objects read from the input print in
// their written order inside intrinsic results, as AWS prints them.
func TestJsonToStringKeepsInputOrder(t *testing.T) {
	in := mustJSON(t, `[{"year":1997,"name":"A","status":0},{"year":2001,"last":"B","status":2}]`)
	tmpl := payload.MustCompile(mustJSON(t, `{"s.$":"States.JsonToString($.[?(@.year <= 1998)])"}`))
	got, err := tmpl.Eval(&intrinsic.Env{Scope: jsonpath.Scope{Input: in}})
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"year":1997,"name":"A","status":0}]`
	if s := got.(map[string]any)["s"]; s != want {
		t.Errorf("JsonToString = %v, want %s", s, want)
	}
}
