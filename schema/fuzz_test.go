package schema_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stepstudio/stepstudio/schema"
)

// FuzzValidate feeds arbitrary bytes, as JSON and as YAML, through parse
// and validation. Nothing may panic, and the result must be well-formed:
// every diagnostic has a code, a message and a range inside the text, and
// diagnostics come sorted by position.
func FuzzValidate(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*")
	seeds = append(seeds, "../app/cli/testdata/validate/good.asl.yaml")
	for _, p := range seeds {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src, false, false)
		}
	}
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Format('{}', $.a)"},"End":true}}}`), true, false)
	f.Add([]byte(`{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Condition":"{% $x > 1 %}","Next":"B"}],"Default":"B"},"B":{"Type":"Succeed"}}}`), false, true)
	f.Add([]byte("StartAt: A\nStates:\n  A: &a {Type: Pass, End: true}\n  B: *a\n"), false, true)
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`), false, false)
	f.Fuzz(func(t *testing.T, src []byte, placeholders, yaml bool) {
		name := "fuzz.json"
		if yaml {
			name = "fuzz.yaml"
		}
		res := schema.Validate(name, src, schema.Options{Placeholders: placeholders})
		if len(src) > 0 && res.Document == nil && res.Valid() {
			t.Fatal("unparseable input reported valid")
		}
		for _, d := range res.Diagnostics {
			if d.Code == "" || d.Message == "" || (d.Severity != schema.Error && d.Severity != schema.Warning) {
				t.Fatalf("malformed diagnostic %+v", d)
			}
			if d.Range.Start.Offset < 0 || d.Range.End.Offset > len(src) || d.Range.Start.Offset > d.Range.End.Offset {
				t.Fatalf("range %+v outside the %d-byte input: %+v", d.Range, len(src), d)
			}
		}
		if !slices.IsSortedFunc(res.Diagnostics, func(a, b schema.Diagnostic) int { return a.Range.Start.Offset - b.Range.Start.Offset }) {
			t.Fatalf("diagnostics not sorted by position: %+v", res.Diagnostics)
		}
	})
}
