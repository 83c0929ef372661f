package jsonvalue_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"b":1,"a":[true,null,1.5,-2]}`, `{"b":1,"a":[true,null,1.5,-2]}`},
		{`{"z":{"y":1,"x":2},"a":[{"d":0,"c":0}]}`, `{"z":{"y":1,"x":2},"a":[{"d":0,"c":0}]}`},
		{`{"b":1,"a":2,"b":3}`, `{"b":3,"a":2}`},
		{`"\ud83c\udd97 \u00e9\/"`, "\"\U0001F197 \u00e9/\""},
		{`"\ud83c"`, "\"\uFFFD\""},
		{`1e-400`, `0.0`},
		{`"a<b>&\u2028é\u0001\n\"\\"`, `"a<b>&` + "\u2028" + `é\u0001\n\"\\"`},
		{`1e3`, `1000.0`},
		{`2.0`, `2.0`},
		{`-0.5`, `-0.5`},
		{`0.001`, `0.001`},
		{`0.0001`, `1.0E-4`},
		{`1.5e-7`, `1.5E-7`},
		{`9999999.5`, `9999999.5`},
		{`10000000.0`, `1.0E7`},
		{`12345678901234567890`, `1.2345678901234567E19`},
		{` [ ] `, `[]`},
	}
	for _, tt := range tests {
		v, err := jsonvalue.Unmarshal([]byte(tt.in))
		if err != nil {
			t.Fatalf("Unmarshal(%s): %v", tt.in, err)
		}
		if got := jsonvalue.String(v); got != tt.want {
			t.Errorf("String(Unmarshal(%s)) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestUnmarshalTypes(t *testing.T) {
	v, err := jsonvalue.Unmarshal([]byte(`[1, 1.0, 2.5]`))
	if err != nil {
		t.Fatal(err)
	}
	arr := v.([]any)
	if _, ok := arr[0].(int64); !ok {
		t.Errorf("1 decoded as %T, want int64", arr[0])
	}
	if _, ok := arr[1].(float64); !ok {
		t.Errorf("1.0 decoded as %T, want float64", arr[1])
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for _, in := range []string{``, `{`, `1 2`, `{"a":}`, `[1,]`, `{"a":1,}`, `01`, `1.`, `-`, `1e`, `"a`, "\"\t\"", `"\x"`, `tru`, `1e999`, `{1:2}`, strings.Repeat("[", 10002)} {
		if _, err := jsonvalue.Unmarshal([]byte(in)); err == nil {
			t.Errorf("Unmarshal(%q) succeeded", in)
		}
	}
}

func TestKeyOrder(t *testing.T) {
	v, err := jsonvalue.Unmarshal([]byte(`{"c":1,"a":2,"b":3}`))
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	if got := strings.Join(jsonvalue.Keys(m), ","); got != "c,a,b" {
		t.Errorf("Keys = %s, want c,a,b", got)
	}
	w := jsonvalue.With(m, "a", 9)
	w = jsonvalue.With(w, "0", 0)
	if got := jsonvalue.String(w); got != `{"c":1,"a":9,"b":3,"0":0}` {
		t.Errorf("With kept order as %s", got)
	}
	if got := jsonvalue.String(m); got != `{"c":1,"a":2,"b":3}` {
		t.Errorf("With modified its input: %s", got)
	}
	// Once the keys change behind the record's back, the order is unknown
	// and keys print sorted.
	m["d"] = 4
	if got := jsonvalue.String(m); got != `{"a":2,"b":3,"c":1,"d":4}` {
		t.Errorf("changed map printed %s", got)
	}
	built := map[string]any{"Error": "E", "Cause": "C"}
	jsonvalue.SetKeyOrder(built, []string{"Error", "Cause"})
	if got := jsonvalue.String(built); got != `{"Error":"E","Cause":"C"}` {
		t.Errorf("SetKeyOrder: %s", got)
	}
}

func TestRegisterShape(t *testing.T) {
	jsonvalue.RegisterShape([]string{"shape-b", "shape-c", "shape-a"})
	m := map[string]any{"shape-a": 1, "shape-b": 2, "shape-c": 3}
	if got := jsonvalue.String(m); got != `{"shape-b":2,"shape-c":3,"shape-a":1}` {
		t.Errorf("shaped object printed %s", got)
	}
	other := map[string]any{"shape-a": 1, "shape-b": 2}
	if got := jsonvalue.String(other); got != `{"shape-a":1,"shape-b":2}` {
		t.Errorf("a different key set took the shape: %s", got)
	}
	// An object's own order wins over a shape.
	v, err := jsonvalue.Unmarshal([]byte(`{"shape-c":3,"shape-a":1,"shape-b":2}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonvalue.String(v); got != `{"shape-c":3,"shape-a":1,"shape-b":2}` {
		t.Errorf("own order lost to a shape: %s", got)
	}
}

func TestClone(t *testing.T) {
	v, err := jsonvalue.Unmarshal([]byte(`{"z":[{"y":1,"x":2}],"a":null}`))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonvalue.Clone(v)
	if got, want := jsonvalue.String(c), jsonvalue.String(v); got != want {
		t.Errorf("Clone printed %s, original %s", got, want)
	}
	c.(map[string]any)["z"].([]any)[0].(map[string]any)["y"] = 9
	if got := jsonvalue.String(v); got != `{"z":[{"y":1,"x":2}],"a":null}` {
		t.Errorf("changing the clone changed the original: %s", got)
	}
}

func TestSyntaxErrorLocation(t *testing.T) {
	_, err := jsonvalue.Unmarshal([]byte("{\n  \"a\": 1,\n  \"b\": tru\n}"))
	var se *jsonvalue.SyntaxError
	if !errors.As(err, &se) || se.Line != 3 || se.Column != 8 {
		t.Fatalf("err = %#v, want line 3 column 8", err)
	}
}
