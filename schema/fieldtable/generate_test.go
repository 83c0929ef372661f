package fieldtable

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the files generated from the table")

// generated are the files written from the table, with what writes each.
var generated = []struct {
	path string
	make func() ([]byte, error)
}{
	{"../../frontend/src/code/fields.json", JSON},
	{"../asl.schema.json", Schema},
}

// TestGenerate writes (with -update) or checks the files generated from
// the table: a change to the table, or an edit of a generated file,
// without regenerating fails here.
func TestGenerate(t *testing.T) {
	for _, g := range generated {
		want, err := g.make()
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(g.path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(g.path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the field table generates: run go test ./schema/fieldtable -run TestGenerate -update", g.path)
		}
	}
}

// TestExcludesAreMutual checks every "excludes" names a field of the same
// object that excludes it back, and that no field is listed twice.
func TestExcludesAreMutual(t *testing.T) {
	for obj, fields := range Objects() {
		by := map[string]Field{}
		for _, f := range fields {
			if _, dup := by[f.Name]; dup {
				t.Errorf("%s: %s listed twice", obj, f.Name)
			}
			by[f.Name] = f
		}
		for _, f := range fields {
			for _, x := range f.Excludes {
				other, ok := by[x]
				if !ok {
					t.Errorf("%s.%s excludes %s, which %s does not have", obj, f.Name, x, obj)
					continue
				}
				back := false
				for _, y := range other.Excludes {
					back = back || y == f.Name
				}
				if !back {
					t.Errorf("%s.%s excludes %s, but not the other way round", obj, f.Name, x)
				}
			}
			if f.Doc == "" {
				t.Errorf("%s.%s has no description", obj, f.Name)
			}
		}
	}
}

func TestSignature(t *testing.T) {
	in, err := Intrinsics()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"States.MathAdd":    "States.MathAdd(number, number)",
		"States.Format":     "States.Format(string, any...)",
		"States.MathRandom": "States.MathRandom(number, number, number?)",
		"States.UUID":       "States.UUID()",
		"States.Array":      "States.Array(any...)",
	}
	for _, i := range in {
		if w, ok := want[i.Name]; ok && i.Signature != w {
			t.Errorf("%s: got %q, want %q", i.Name, i.Signature, w)
		}
	}
}
