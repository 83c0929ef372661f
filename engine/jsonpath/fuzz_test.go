package jsonpath_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// FuzzCompile checks that no path text makes Compile, Get or Set panic,
// and that every definite path reads back what Set wrote.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"$", "$.a.b[0]", "$['a b'][-1]", "$..c", "$.items[?(@.p > 10)].k", "$.a[1:3]", "$.a[0,1]", "$$.Map.Item.Value", "$v.x[2]", "$.a-b", "$.a[?(@.x == 'y)]')]"} {
		f.Add(s)
	}
	doc, err := jsonvalue.Unmarshal([]byte(`{"a":{"b":[1,{"c":"x"}]},"items":[{"p":5,"k":"a"},{"p":15}],"s":"str"}`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := jsonpath.Compile(src)
		if err != nil {
			return
		}
		if _, err := p.Eval(jsonpath.Scope{Input: doc, Context: doc, Vars: jsonpath.VarMap{"v": doc}}); err != nil && !p.Definite() && p.Root() != jsonpath.Variable {
			t.Fatalf("indefinite path %q failed: %v", src, err)
		}
		if !p.Definite() || p.Root() != jsonpath.Input {
			return
		}
		out, err := p.Set(doc, "marker")
		if err != nil {
			return
		}
		got, err := p.Get(out)
		if err != nil || got != "marker" {
			t.Fatalf("%q: Get after Set = %v, %v", src, got, err)
		}
	})
}
