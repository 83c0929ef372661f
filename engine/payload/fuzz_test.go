package payload_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/payload"
)

// FuzzTemplate checks that no template makes Compile or Eval panic and
// that a static template evaluates to itself.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		`{"a":1,"b":[true,{"c":null}]}`,
		`{"v.$":"$.a.b","w":2,"o":{"p":[{"q.$":"$$.Map.Item.Value"}]}}`,
		`{"s.$":"States.Format('{}-{}', $.name, $$.Map.Item.Index)","x.$":"$x.y[0]"}`,
		`{"ids.$":"$.list[*].id"}`, `"scalar"`, `[{"a.$":"$"}]`,
	} {
		f.Add(s)
	}
	input, err := jsonvalue.Unmarshal([]byte(`{"a":{"b":1},"list":[{"id":1}],"name":"n"}`))
	if err != nil {
		f.Fatal(err)
	}
	env := &intrinsic.Env{
		Scope:  jsonpath.Scope{Input: input, Context: input, Vars: jsonpath.VarMap{"x": input}},
		Source: intrinsic.SeededSource(1),
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := jsonvalue.Unmarshal([]byte(text))
		if err != nil {
			return
		}
		tmpl, err := payload.Compile(v)
		if err != nil {
			return
		}
		got, err := tmpl.Eval(env)
		if tmpl.Static() && (err != nil || !jsonvalue.Equal(got, v)) {
			t.Fatalf("static template %s evaluated to %v, %v", text, got, err)
		}
	})
}
