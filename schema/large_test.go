package schema_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stepstudio/stepstudio/schema"
)

// TestLargeDefinition checks that a definition big enough to be validated
// on several goroutines gives the same, complete result as on one.
func TestLargeDefinition(t *testing.T) {
	src := generate(1200)
	// Break two states far apart: a wrongly typed field and a bad path.
	src = bytes.Replace(src, []byte(`"S8": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters"`),
		[]byte(`"S8": {"Type": "Task", "Resource": 7, "Parameters"`), 1)
	src = bytes.Replace(src, []byte(`"S1102": {"Type": "Pass", "Parameters": {"id.$"`), []byte(`"S1102": {"Type": "Pass", "Parameters": {"id.$": "x", "old.$"`), 1)
	run := func(procs int) []schema.Diagnostic {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return schema.Validate("big.asl.json", src, schema.Options{}).Diagnostics
	}
	one, many := run(1), run(4)
	if len(one) != 2 {
		t.Fatalf("want the 2 planted errors, got:\n%s", describe(one))
	}
	if describe(one) != describe(many) {
		t.Errorf("results differ with parallel validation:\n one:\n%s\nmany:\n%s", describe(one), describe(many))
	}
	if one[0].Location != "/States/S8/Resource" || one[1].Location != "/States/S1102/Parameters/id.$" {
		t.Errorf("wrong locations:\n%s", describe(one))
	}
}
