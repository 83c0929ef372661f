package jsonpath_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/stepstudio/stepstudio/engine/fault"
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

const doc = `{"Test\\\"\"Name\"":"escaped","a":{"b":[10,{"c":"x"},30]},"n":null,"s":"str","a-b":1,"items":[{"p":5,"k":"a"},{"p":15,"k":"b"},{"p":25,"k":"c"}]}`

func TestGet(t *testing.T) {
	tests := []struct {
		path     string
		want     string // JSON of the value, or "" when an error is expected
		definite bool
		err      string
	}{
		{path: "$", want: doc, definite: true},
		{path: "$.a.b[0]", want: `10`, definite: true},
		{path: "$.a.b[-1]", want: `30`, definite: true},
		{path: "$.a.b[1].c", want: `"x"`, definite: true},
		{path: "$['a']['b'][1]['c']", want: `"x"`, definite: true},
		{path: "$.a-b", want: `1`, definite: true},
		{path: "$.n", want: `null`, definite: true},
		// Recorded by AWS (conformance ESCAPE_SEQUENCES_JSONPATH): the
		// backslash stays part of the name.
		{path: `$['Test\""Name"']`, want: `"escaped"`, definite: true},
		// Jayway merges names at the leaf into one object, a definite value.
		{path: `$['s', 'a', 'nope']`, want: `{"s":"str","a":{"b":[10,{"c":"x"},30]}}`, definite: true},
		{path: `$['items','s'].k`, want: `[]`},
		{path: "$.items[*].k", want: `["a","b","c"]`},
		{path: "$.items[?(@.p > 10)].k", want: `["b","c"]`},
		{path: "$.items[?(@.k == 'z')]", want: `[]`},
		{path: "$.items[1:].p", want: `[15,25]`},
		{path: "$.items[0,2].p", want: `[5,25]`},
		{path: "$..c", want: `["x"]`},
		{path: "$.a.*", want: `[[10,{"c":"x"},30]]`},
		{path: "$.items[0].*", want: `[5,"a"]`},
		{path: "$.items[*]['k','p']", want: `[{"k":"a","p":5},{"k":"b","p":15},{"k":"c","p":25}]`},
		{path: "$.s['x','y']", definite: true, err: "Expected to find an object with property ['x', 'y'] in path $['s'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'."},
		{path: "$..p", want: `[5,15,25]`},
		{path: "$.items[-2:].k", want: `["b","c"]`},
		{path: "$.items[:1].k", want: `["a"]`},
		{path: "$.items[::2].k", want: `["a","c"]`},
		{path: "$.items[?(@.k)].p", want: `[5,15,25]`},
		{path: "$.a[?(@.b)].b[0]", want: `[10]`},
		// Forms found in real definitions AWS accepts.
		{path: "$.items.[0].k", want: `"a"`, definite: true},
		{path: "$.items.[*].['k', 'p']", want: `[{"k":"a","p":5},{"k":"b","p":15},{"k":"c","p":25}]`},
		{path: "$.items[?(@.k==b)].p", want: `[15]`},
		{path: "$.items[?(@.k == 'c' && @.p >= 25)].p", want: `[25]`},
		{path: "$.items[?(@.p in [5, 25])].k", want: `["a","c"]`},
		// Jayway matches regexes against the whole string.
		{path: "$.items[?(@.k =~ /b/)].p", want: `[15]`},
		{path: "$.items[?(@.k =~ /[ab]/)].p", want: `[5,15]`},
		{path: "$.items[?(@.k =~ /B/i)].p", want: `[15]`},
		{path: "$.items[?(@.k =~ /x/)].p", want: `[]`},
		{path: "$.nothing[*]", want: `[]`},
		{path: "$.missing", definite: true, err: "No results for path: $['missing']"},
		{path: "$.missing.deeper", definite: true, err: "Missing property in path $['missing']"},
		{path: "$.a.b[7]", definite: true, err: "No results for path: $['a']['b'][7]"},
		{path: "$.n[0]", definite: true, err: "The path $['n'] is null"},
		{path: "$.s.x", definite: true, err: "Expected to find an object with property ['x'] in path $['s'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'."},
	}
	input := mustJSON(t, doc)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := jsonpath.Compile(tt.path)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			if p.Definite() != tt.definite {
				t.Errorf("Definite() = %v, want %v", p.Definite(), tt.definite)
			}
			got, err := p.Get(input)
			if tt.err != "" {
				var nf *jsonpath.NotFoundError
				if !errors.As(err, &nf) || !errors.Is(err, jsonpath.ErrNotFound) {
					t.Fatalf("Get = %v, %v; want NotFoundError", got, err)
				}
				if nf.Detail != tt.err {
					t.Errorf("Detail = %q\nwant     %q", nf.Detail, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if !reflect.DeepEqual(got, mustJSON(t, tt.want)) {
				t.Errorf("Get = %s, want %s", jsonvalue.String(got), tt.want)
			}
		})
	}
}

func TestInvalidPathCause(t *testing.T) {
	_, err := jsonpath.MustCompile("$.NoSuchInputPath").Get(map[string]any{})
	var nf *jsonpath.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatal(err)
	}
	// Recorded by AWS (conformance base_scenarios__invalid_jsonpath).
	want := "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"
	if got := nf.InvalidPathCause(); got != want {
		t.Errorf("cause = %q, want %q", got, want)
	}
}

func TestEvalRoots(t *testing.T) {
	scope := jsonpath.Scope{
		Input:   mustJSON(t, `{"x":1}`),
		Context: mustJSON(t, `{"Execution":{"Id":"arn"},"Map":{"Item":{"Index":3}}}`),
		Vars:    jsonpath.VarMap{"v": mustJSON(t, `{"f":[1,2]}`), "n": int64(4)},
	}
	tests := []struct {
		path string
		want any
		root jsonpath.Root
	}{
		{"$.x", int64(1), jsonpath.Input},
		{"$$.Execution.Id", "arn", jsonpath.Context},
		{"$$.Map.Item.Index", int64(3), jsonpath.Context},
		{"$v.f[1]", int64(2), jsonpath.Variable},
		{"$n", int64(4), jsonpath.Variable},
	}
	for _, tt := range tests {
		p := jsonpath.MustCompile(tt.path)
		if p.Root() != tt.root {
			t.Errorf("%s: Root() = %v, want %v", tt.path, p.Root(), tt.root)
		}
		got, err := p.Eval(scope)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Eval = %#v, %v; want %#v", tt.path, got, err, tt.want)
		}
	}
	if _, err := jsonpath.MustCompile("$undefined").Eval(scope); !errors.Is(err, jsonpath.ErrNotFound) {
		t.Errorf("undefined variable: err = %v", err)
	}
}

func TestCompileRejects(t *testing.T) {
	for _, src := range []string{"", "a.b", "$.", "$.a.", "$[", "$.a[?(@.x == 'y']", "$ .a", "$.a]"} {
		if p, err := jsonpath.Compile(src); err == nil {
			t.Errorf("Compile(%q) = %v, want an error", src, p)
		}
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		doc, path, value, want string
		fails                  bool
	}{
		{doc: `{"a":1}`, path: "$", value: `"r"`, want: `"r"`},
		{doc: `{"a":1}`, path: "$.b", value: `2`, want: `{"a":1,"b":2}`},
		{doc: `{"a":1}`, path: "$.a", value: `{"z":0}`, want: `{"a":{"z":0}}`},
		{doc: `{"a":1}`, path: "$.x.y.z", value: `true`, want: `{"a":1,"x":{"y":{"z":true}}}`},
		{doc: `{"z":1,"b":{"y":2,"c":3}}`, path: "$.b.a", value: `0`, want: `{"z":1,"b":{"y":2,"c":3,"a":0}}`},
		{doc: `{"z":1,"b":2,"c":3}`, path: "$.b", value: `0`, want: `{"z":1,"b":0,"c":3}`},
		{doc: `{"a":[1,{"b":2}]}`, path: "$.a[1].c", value: `3`, want: `{"a":[1,{"b":2,"c":3}]}`},
		{doc: `{"a":null}`, path: "$.a.b", value: `3`, want: `{"a":{"b":3}}`},
		{doc: `"str"`, path: "$.a", value: `1`, fails: true},
		{doc: `null`, path: "$.a", value: `1`, fails: true},
		{doc: `{"a":"s"}`, path: "$.a.b", value: `1`, fails: true},
		{doc: `{"a":[1]}`, path: "$.a[3]", value: `1`, fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.doc+tt.path, func(t *testing.T) {
			in := mustJSON(t, tt.doc)
			before := jsonvalue.String(in)
			got, err := jsonpath.MustCompile(tt.path).Set(in, mustJSON(t, tt.value))
			if tt.fails {
				if !errors.Is(err, &fault.Error{Name: fault.ResultPathMatchFailure}) {
					t.Fatalf("Set = %v, %v; want ResultPathMatchFailure", got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := jsonvalue.String(got); g != tt.want {
				t.Errorf("Set = %s, want %s", g, tt.want)
			}
			if after := jsonvalue.String(in); after != before {
				t.Errorf("Set modified its input: %s -> %s", before, after)
			}
		})
	}
	for _, src := range []string{"$.a[*]", "$$.Execution", "$v.x", "$['a','b']"} {
		if _, err := jsonpath.MustCompile(src).Set(map[string]any{}, 1); !errors.Is(err, jsonpath.ErrNotReference) {
			t.Errorf("Set on %s: err = %v, want ErrNotReference", src, err)
		}
	}
}

func TestFilterRegexMatchesWholeString(t *testing.T) {
	doc := mustJSON(t, `[{"s":"abc"},{"s":"b"},{"s":"ABC"}]`)
	tests := []struct{ path, want string }{
		{"$[?(@.s =~ /b/)].s", `["b"]`},
		{"$[?(@.s =~ /a.*/)].s", `["abc"]`},
		{"$[?(@.s =~ /a.*/i)].s", `["abc","ABC"]`},
	}
	for _, tt := range tests {
		got, err := jsonpath.MustCompile(tt.path).Get(doc)
		if err != nil || jsonvalue.String(got) != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.path, jsonvalue.String(got), err, tt.want)
		}
	}
}

// TestKeyOrderKept checks that results print in the input's key order, as
// AWS prints them.
func TestKeyOrderKept(t *testing.T) {
	in := mustJSON(t, `{"z":{"y":1,"x":2},"a":0}`)
	tests := []struct{ path, want string }{
		{"$", `{"z":{"y":1,"x":2},"a":0}`},
		{"$.z", `{"y":1,"x":2}`},
		{"$.*", `[{"y":1,"x":2},0]`},
		{"$..x", `[2]`},
		{"$.z['x','y']", `{"x":2,"y":1}`},
	}
	for _, tt := range tests {
		got, err := jsonpath.MustCompile(tt.path).Get(in)
		if err != nil || jsonvalue.String(got) != tt.want {
			t.Errorf("%s = %s, %v; want %s", tt.path, jsonvalue.String(got), err, tt.want)
		}
	}
	out, err := jsonpath.MustCompile("$.z.w").Set(in, int64(3))
	if err != nil || jsonvalue.String(out) != `{"z":{"y":1,"x":2,"w":3},"a":0}` {
		t.Errorf("Set = %s, %v", jsonvalue.String(out), err)
	}
}
