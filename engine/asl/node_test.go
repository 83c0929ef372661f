package asl_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		lit      string
		value    any
		integral bool
		i        int64
	}{
		{"42", int64(42), true, 42},
		{"-7", int64(-7), true, -7},
		{"1.5", 1.5, false, 0},
		{"1e3", 1000.0, true, 1000},
		{"10.0", 10.0, true, 10},
		{"9223372036854775808", 9223372036854775808.0, false, 0},
	}
	for _, tc := range tests {
		doc, err := asl.Parse("x.json", []byte(`{"n": `+tc.lit+`}`))
		if err != nil {
			t.Fatal(err)
		}
		n := doc.Root.Get("n")
		if n.Num != tc.lit || n.Value() != tc.value {
			t.Errorf("%s: Num %q Value %#v, want %#v", tc.lit, n.Num, n.Value(), tc.value)
		}
		if i, ok := n.Int(); ok != tc.integral || i != tc.i {
			t.Errorf("%s: Int() = %d, %v; want %d, %v", tc.lit, i, ok, tc.i, tc.integral)
		}
	}
}

// TestLargeObjectLookup covers the key index Parse builds for big objects.
func TestLargeObjectLookup(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&b, `"k%d": %d, `, i, i)
	}
	b.WriteString(`"k5": "duplicate"}`)
	for _, name := range []string{"x.json", "x.yaml"} {
		doc, err := asl.Parse(name, []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		root := doc.Root
		for i := range 100 {
			if n := root.Get(fmt.Sprintf("k%d", i)); n == nil || n.Num != fmt.Sprint(i) {
				t.Fatalf("%s: k%d = %+v", name, i, n)
			}
		}
		if root.Get("missing") != nil {
			t.Errorf("%s: a missing key was found", name)
		}
		if v := root.Value().(map[string]any)["k5"]; v != "duplicate" {
			t.Errorf("%s: Value() keeps the last duplicate, got %v", name, v)
		}
		// Fields edited after parsing are still found.
		root.Fields = append(root.Fields, &asl.Field{Key: "added", Value: &asl.Node{Kind: asl.KindBool, Bool: true}})
		if n := root.Get("added"); n == nil || !n.Bool {
			t.Errorf("%s: a field appended after parsing is not found", name)
		}
		root.Fields = root.Fields[1:]
		if root.Get("k0") != nil || root.Get("k1") == nil {
			t.Errorf("%s: lookups wrong after removing the first field", name)
		}
	}
}

// Children share slabs; appending to one object's Fields or one array's
// Items must not overwrite its neighbours'.
func TestAppendToChildrenKeepsNeighbours(t *testing.T) {
	doc, err := asl.Parse("x.json", []byte(`{"a": {"x": 1}, "b": {"y": 2}, "l": [1], "m": [2]}`))
	if err != nil {
		t.Fatal(err)
	}
	a, l := doc.Root.Get("a"), doc.Root.Get("l")
	a.Fields = append(a.Fields, &asl.Field{Key: "z", Value: &asl.Node{Kind: asl.KindNull}})
	l.Items = append(l.Items, &asl.Node{Kind: asl.KindNull})
	if b := doc.Root.Get("b"); len(b.Fields) != 1 || b.Fields[0].Key != "y" {
		t.Errorf("b's fields changed: %+v", b.Fields)
	}
	if m := doc.Root.Get("m"); len(m.Items) != 1 || m.Items[0].Num != "2" {
		t.Errorf("m's items changed: %+v", m.Items)
	}
	if doc.Root.Get("a").Get("z") == nil || len(doc.Root.Get("l").Items) != 2 {
		t.Error("the appends were lost")
	}
}

func TestMentions(t *testing.T) {
	doc, err := asl.Parse("x.json", []byte(`{"A": {"Arguments": {"t": "{% $states.context.Task.Token %}"}, "Branches": [{"x": "$states.context"}], "Key.Task.Token": 1}}`))
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Root.Get("A")
	for _, tc := range []struct {
		sub  string
		keys bool
		skip []string
		want bool
	}{
		{"$states.context", false, nil, true},
		{"$states.context.Task", false, []string{"Arguments"}, false},
		{"$states.context", false, []string{"Arguments"}, true}, // in Branches
		{"$states.context", false, []string{"Arguments", "Branches"}, false},
		{"Key.Task", false, nil, false}, // only in a key
		{"Key.Task", true, nil, true},
	} {
		if got := a.Mentions(tc.sub, tc.keys, tc.skip...); got != tc.want {
			t.Errorf("Mentions(%q, keys=%v, skip=%v) = %v", tc.sub, tc.keys, tc.skip, got)
		}
	}
}

func TestHasDuplicateKeys(t *testing.T) {
	big := func(dup bool) string {
		var b strings.Builder
		b.WriteString(`{`)
		for i := range 40 {
			fmt.Fprintf(&b, `"k%d": %d,`, i, i)
		}
		if dup {
			b.WriteString(`"k7": 0,`)
		}
		b.WriteString(`"last": 1}`)
		return b.String()
	}
	tests := []struct {
		name, src string
		want      bool
	}{
		{"small", `{"a": 1, "b": 2}`, false},
		{"small duplicate", `{"a": 1, "b": 2, "a": 3}`, true},
		{"indexed", big(false), false},
		{"indexed duplicate", big(true), true},
		{"not an object", `[1, 1]`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := asl.Parse("x.json", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Root.HasDuplicateKeys(); got != tc.want {
				t.Errorf("HasDuplicateKeys() = %v, want %v", got, tc.want)
			}
		})
	}
}
