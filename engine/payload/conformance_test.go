package payload_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/payload"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestConformanceIntrinsics runs the AWS-recorded intrinsic function cases
// that are one JSONPath Pass state (Parameters, ResultPath, OutputPath):
// the payload layer alone decides their output. The whole-run yardstick
// lives in package engine.
func TestConformanceIntrinsics(t *testing.T) {
	dir := corpus.Dir(t, "conformance", "intrinsic_functions")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ran, passed := 0, 0
	for _, e := range entries {
		c := corpus.ReadCase(t, filepath.Join(dir, e.Name()))
		pass, ok := c.SingleState()
		if !ok || pass["Type"] != "Pass" || pass["Parameters"] == nil || c.QueryLanguage(pass) != "JSONPath" || c.Expected.Status != "SUCCEEDED" || c.Nondeterministic() {
			continue
		}
		ran++
		t.Run(e.Name(), func(t *testing.T) {
			got, err := runPass(pass, c.Input)
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			if !corpus.Matches(corpus.Normalize(c.Expected.Output), corpus.Normalize(got)) {
				t.Fatalf("output %s\nwant       %s", jsonvalue.String(got), jsonvalue.String(c.Expected.Output))
			}
			passed++
		})
	}
	t.Logf("intrinsic_functions, JSONPath single-Pass cases: %d/%d pass", passed, ran)
	if ran == 0 {
		t.Fatal("no case ran: the corpus layout changed")
	}
}

func runPass(pass map[string]any, input any) (any, error) {
	tmpl, err := payload.Compile(pass["Parameters"])
	if err != nil {
		return nil, err
	}
	env := &intrinsic.Env{
		Scope:  jsonpath.Scope{Input: input, Context: corpus.ContextObject(input)},
		Source: intrinsic.SeededSource(1),
	}
	result, err := tmpl.Eval(env)
	if err != nil {
		return nil, err
	}
	out := result
	if rp, ok := pass["ResultPath"].(string); ok {
		if out, err = jsonpath.MustCompile(rp).Set(input, result); err != nil {
			return nil, err
		}
	}
	if op, ok := pass["OutputPath"].(string); ok {
		return jsonpath.MustCompile(op).Get(out)
	}
	return out, nil
}
