package flowdiff_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diffview"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Versions generates two versions of an n-state workflow: a chain of Task
// states (Retry, an Arguments template) with a Choice every tenth state;
// in the new version about 5% of the states are edited and renames of
// them renamed (their neighbours follow). With sink, every Task catches
// into one shared Fail state and every Choice has a rule to it, the common
// real shape; without, a Choice's second rule skips one state ahead.
func Versions(n, renames int, sink bool) (a, b []byte) {
	gen := func(edited bool) []byte {
		name := func(i int) string {
			if edited && i%97 == 5 && i/97 < renames {
				return fmt.Sprintf("Renamed step %d", i)
			}
			return fmt.Sprintf("Step %d", i)
		}
		var sb strings.Builder
		sb.WriteString(`{"Comment": "generated", "QueryLanguage": "JSONata", "StartAt": "Step 0", "States": {`)
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteString(",")
			}
			next, skip := "Done", "Done"
			if i+1 < n {
				next = name(i + 1)
			}
			if i+2 < n {
				skip = name(i + 2)
			}
			failed, catch := skip, ""
			if sink {
				failed, catch = "Failed", `, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]`
			}
			edit := edited && i%20 == 7 // 5% of the states
			switch {
			case i%10 == 9:
				limit := 100
				if edit {
					limit = 150
				}
				fmt.Fprintf(&sb, `%q: {"Type": "Choice", "Choices": [{"Condition": "{%% $states.input.total > %d %%}", "Next": %q}, {"Condition": "{%% $states.input.vip %%}", "Next": %q}], "Default": %q}`, name(i), limit, next, failed, next)
			default:
				attempts := 3
				if edit {
					attempts = 5
				}
				fmt.Fprintf(&sb, `%q: {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "fn-%d", "Payload": {"id": "{%% $states.input.id %%}", "step": %d}}, "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": %d, "BackoffRate": 2}]%s, "Next": %q}`, name(i), i, i, attempts, catch, next)
			}
		}
		sb.WriteString(`, "Failed": {"Type": "Fail", "Error": "Failed"}, "Done": {"Type": "Succeed"}}}`)
		return []byte(sb.String())
	}
	return gen(false), gen(true)
}

func TestGeneratedVersions(t *testing.T) {
	a, b := Versions(300, 3, true)
	r, err := flowdiff.CompareSources("a.json", a, "b.json", b, flowdiff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Counts.Renamed != 3 || r.Counts.Changed != 15 || r.Counts.Added != 0 || r.Counts.Removed != 0 {
		t.Errorf("counts %+v, want 3 renamed, 15 changed, none added or removed", r.Counts)
	}
}

// BenchmarkDiff300 is the whole headless diff of two 300-state versions:
// parse both and compare (target: under 200 ms).
func BenchmarkDiff300(b *testing.B) {
	va, vb := Versions(300, 3, true)
	b.SetBytes(int64(len(va) + len(vb)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := flowdiff.CompareSources("a.json", va, "b.json", vb, flowdiff.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiffSVG300 is the SVG path: parse, compare, lay out the new
// version's diagram (Graphviz) and draw the overlay. Layout dominates, so
// it is measured apart from the headless figure. It runs on the versions
// without a shared Fail state: with one (hundreds of edges into one node)
// the layout itself takes minutes, diff or not (`stepstudio graph` too).
func BenchmarkDiffSVG300(b *testing.B) {
	va, vb := Versions(300, 3, false)
	ctx := context.Background()
	docB, err := asl.Parse("b.json", vb)
	if err != nil {
		b.Fatal(err)
	}
	r, err := flowdiff.CompareSources("a.json", va, "b.json", vb, flowdiff.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := diffview.SVG(ctx, docB.Machine, r, nil); err != nil { // start the layout engine outside the timing
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := flowdiff.CompareSources("a.json", va, "b.json", vb, flowdiff.Options{})
		if err != nil {
			b.Fatal(err)
		}
		doc, _ := asl.Parse("b.json", vb)
		if _, err := diffview.SVG(ctx, doc.Machine, r, nil); err != nil {
			b.Fatal(err)
		}
	}
}
