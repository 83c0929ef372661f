package jsonvalue_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"b":1,"a":[true,null,1.5,-2]}`, `{"a":[true,null,1.5,-2],"b":1}`},
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
	for _, in := range []string{``, `{`, `1 2`, `{"a":}`} {
		if _, err := jsonvalue.Unmarshal([]byte(in)); err == nil {
			t.Errorf("Unmarshal(%q) succeeded", in)
		}
	}
}
