package schema_test

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema"
)

// reuseBase has a state of every kind an edit can touch: a Task with
// Retry/Catch, a Choice, a Parallel, a Map with inner states, variables.
const reuseBase = `{
  "Comment": "reuse",
  "StartAt": "Load",
  "States": {
    "Load": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"},
      "Assign": {"count": 1}, "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}], "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [
        {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Fan"},
        {"Variable": "$.s", "StringEquals": "x", "Next": "Each"}],
      "Default": "Done"},
    "Fan": {"Type": "Parallel", "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"a": 1}, "End": true}}},
        {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "End": true}}}],
      "Next": "Each"},
    "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {
        "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Inner",
        "States": {"Inner": {"Type": "Pass", "Parameters": {"v.$": "$.v"}, "Next": "Last"},
                   "Last": {"Type": "Succeed"}}},
      "Next": "Done"},
    "Done": {"Type": "Succeed"},
    "Failed": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}
  }
}`

// TestValidatorEdits re-validates after each kind of edit and checks the
// reused result equals a fresh Validate, going to the edit and back.
func TestValidatorEdits(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"state field", `"MaxAttempts": 2`, `"MaxAttempts": -2`},
		{"field made invalid", `"Seconds": 1`, `"Seconds": "one"`},
		{"state name", `"Done": {"Type": "Succeed"}`, `"Finished": {"Type": "Succeed"}`},
		{"StartAt", `"StartAt": "Load"`, `"StartAt": "Lod"`},
		{"choice rule", `"NumericGreaterThan": 1`, `"NumericGreaterThan": "1"`},
		{"choice target", `"StringEquals": "x", "Next": "Each"`, `"StringEquals": "x", "Next": "Eachh"`},
		{"add a state", `"Done": {"Type": "Succeed"},`, `"Done": {"Type": "Succeed"}, "Extra": {"Type": "Pass", "Next": "Nowhere"},`},
		{"remove a state", `"Done": {"Type": "Succeed"},`, ``},
		{"rename a target", `"Failed": {"Type": "Fail"`, `"Gone": {"Type": "Fail"`},
		{"map inner state", `"Parameters": {"v.$": "$.v"}`, `"Parameters": {"v.$": "v"}, "Foo": 1`},
		{"branch state", `"Result": {"a": 1}`, `"Result": {"a": 1}, "ResultPath": "nope"`},
		{"lines shift", `"Comment": "reuse",`, "\"Comment\": \"reuse\",\n\n\n"},
		{"columns shift", `"Comment": "reuse"`, `"Comment": "reuse reuse reuse"`},
		{"variable assigned", `"Assign": {"count": 1}`, `"Assign": {"count": 1, "other": "{% $x %}"}`},
		{"query language", `"Comment": "reuse",`, `"Comment": "reuse", "QueryLanguage": "JSONata",`},
		{"duplicate name", `"Done": {"Type": "Succeed"},`, `"Done": {"Type": "Succeed"}, "Done": {"Type": "Pass"},`},
		{"duplicate field", `"Seconds": 1`, `"Seconds": 1, "Seconds": "x"`},
		{"duplicate processor", `"ItemsPath": "$.items",`, `"ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "Parameters": {"v.$": "$.v"}, "Next": "Last"}, "Last": {"Type": "Pass", "End": true}}},`},
		{"duplicate inner name", `"Last": {"Type": "Succeed"}`, `"Inner": {"Type": "Succeed"}, "Last": {"Type": "Succeed"}`},
		{"syntax error", `"Done": {"Type": "Succeed"},`, `"Done": {"Type": "Succeed"`},
	}
	// Start from a base with problems in every state, so reused
	// diagnostics have to move.
	bad := strings.NewReplacer(`"MaxAttempts": 2`, `"MaxAttempts": 2, "X": 1`, `"Seconds": 1`, `"Seconds": 1, "Y": true`,
		`"Cause": "it broke"`, `"Cause": "it broke", "CausePath": "$.c"`).Replace(reuseBase)
	// And both on one line, where an edit moves the columns of every
	// state after it.
	oneLine := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(l)
		}
		return strings.Join(lines, "")
	}
	for _, base := range []string{reuseBase, bad, oneLine(reuseBase), oneLine(bad)} {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				edited := strings.Replace(base, tc.old, tc.new, 1)
				if edited == base {
					t.Fatalf("edit %q matched nothing", tc.old)
				}
				// Options are part of the context: a change of options
				// reuses nothing, so each set gets its own Validator.
				for _, opts := range []schema.Options{{}, {Placeholders: true}} {
					v := schema.NewValidator()
					for i, text := range []string{base, edited, base, edited} {
						same(t, v, "flow.asl.json", []byte(text), opts, i)
					}
				}
			})
		}
	}
}

// same checks that v's result for src, through Analyze as the editor
// calls it, equals Validate's: the diagnostics and the parsed document
// (which Analyze may have updated in place from the previous text).
func same(t *testing.T, v *schema.Validator, name string, src []byte, opts schema.Options, step int) {
	t.Helper()
	want := schema.Validate(name, src, opts)
	v.Analyze(name, src, opts, func(got schema.Result) {
		if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
			t.Fatalf("step %d: reused result differs from a fresh Validate\ngot:\n%s\nwant:\n%s", step, describe(got.Diagnostics), describe(want.Diagnostics))
		}
		if !reflect.DeepEqual(got.Document, want.Document) {
			t.Fatalf("step %d: the document Analyze gave differs from a fresh parse", step)
		}
	})
}

// TestValidatorCorpus validates every JSON and YAML file of the corpus
// through one Validator, each followed by random small edits (a byte
// changed, a line break added, a span deleted), and checks every result
// equals a fresh Validate.
func TestValidatorCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("walks the whole corpus")
	}
	root := corpus.Dir(t)
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".yaml")) && !strings.Contains(p, "/api/") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 100 {
		t.Fatalf("only %d corpus files", len(files))
	}
	rng := rand.New(rand.NewPCG(19, 5))
	v := schema.NewValidator()
	edits := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil || len(src) > 1<<20 {
			continue
		}
		name := filepath.Base(f)
		same(t, v, name, src, schema.Options{Placeholders: true}, 0)
		for i := range 4 {
			same(t, v, name, mutate(rng, src), schema.Options{Placeholders: true}, i+1)
			edits++
		}
		same(t, v, name, src, schema.Options{Placeholders: true}, 5)
	}
	t.Logf("%d files, %d edits: reused results equal fresh ones", len(files), edits)
}

// mutate returns src with one small random edit.
func mutate(rng *rand.Rand, src []byte) []byte {
	if len(src) < 2 {
		return src
	}
	at := rng.IntN(len(src))
	out := append([]byte(nil), src[:at]...)
	switch rng.IntN(4) {
	case 0:
		out = append(out, '\n')
		out = append(out, src[at:]...)
	case 1:
		out = append(out, "x"...)
		out = append(out, src[at+1:]...)
	case 2:
		out = append(out, src[min(len(src), at+1+rng.IntN(8)):]...)
	default:
		out = append(out, '1')
		out = append(out, src[at:]...)
	}
	return out
}

// TestValidatorConcurrent validates two texts of one name and other names
// from several goroutines (run it with -race): each result must equal a
// fresh Validate whichever previous text the cache held.
func TestValidatorConcurrent(t *testing.T) {
	edited := strings.Replace(reuseBase, `"MaxAttempts": 2`, `"MaxAttempts": "2"`, 1)
	texts := []string{reuseBase, edited}
	want := make([][]schema.Diagnostic, len(texts))
	for i, text := range texts {
		want[i] = schema.Validate("flow.asl.json", []byte(text), schema.Options{}).Diagnostics
	}
	v := schema.NewValidator()
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				k := (g + i) % 2
				name := "flow.asl.json"
				if i%5 == 0 {
					name = fmt.Sprintf("other%d.asl.json", g+i)
				}
				var got []schema.Diagnostic
				if g%2 == 0 { // the editor's way and the plain one, side by side
					v.Analyze(name, []byte(texts[k]), schema.Options{}, func(r schema.Result) { got = r.Diagnostics })
				} else {
					got = v.Validate(name, []byte(texts[k]), schema.Options{}).Diagnostics
				}
				if !reflect.DeepEqual(got, want[k]) {
					errs <- fmt.Sprintf("goroutine %d, step %d: result differs from a fresh Validate", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
