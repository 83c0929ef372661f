package payload_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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
		c := readCase(t, filepath.Join(dir, e.Name()))
		pass, ok := c.singlePass()
		if !ok || pass["Parameters"] == nil || c.queryLanguage(pass) != "JSONPath" || c.Expected.Status != "SUCCEEDED" || c.nondeterministic() {
			continue
		}
		ran++
		t.Run(e.Name(), func(t *testing.T) {
			got, err := runPass(pass, c.Input)
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			if !matches(normalize(c.Expected.Output), normalize(got)) {
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
		Scope:  jsonpath.Scope{Input: input, Context: contextObject(input)},
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

// contextObject is a context object shaped like AWS's, with names the
// corpus' placeholders accept.
func contextObject(input any) any {
	return map[string]any{
		"Execution": map[string]any{
			"Id":        "arn:aws:states:us-east-1:111111111111:execution:machine-name:exec-name",
			"Input":     input,
			"Name":      "exec-name",
			"RoleArn":   "snf_role_arn",
			"StartTime": "2024-01-01T00:00:00.000Z",
		},
		"StateMachine": map[string]any{
			"Id":   "arn:aws:states:us-east-1:111111111111:stateMachine:machine-name",
			"Name": "machine-name",
		},
		"State": map[string]any{"Name": "State", "EnteredTime": "2024-01-01T00:00:00.000Z"},
	}
}

type conformanceCase struct {
	Definition map[string]any
	Input      any
	Expected   struct {
		Status string `json:"status"`
		Output any    `json:"output"`
		Error  string `json:"error"`
		Cause  string `json:"cause"`
		Meta   struct {
			Flags []string `json:"flags"`
		} `json:"meta"`
	}
}

// nondeterministic reports cases whose values cannot be compared (UUID,
// MathRandom): the corpus flags them.
func (c *conformanceCase) nondeterministic() bool {
	return slices.Contains(c.Expected.Meta.Flags, "nondeterministic-or-context-dependent")
}

func readCase(t *testing.T, dir string) *conformanceCase {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	c := &conformanceCase{}
	def, err := jsonvalue.Unmarshal(read("definition.json"))
	if err != nil {
		t.Fatal(err)
	}
	c.Definition, _ = def.(map[string]any)
	if c.Input, err = jsonvalue.Unmarshal(read("input.json")); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Status string          `json:"status"`
		Output json.RawMessage `json:"output"`
		Error  string          `json:"error"`
		Cause  string          `json:"cause"`
		Meta   struct {
			Flags []string `json:"flags"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(read("expected.json"), &raw); err != nil {
		t.Fatal(err)
	}
	c.Expected.Status, c.Expected.Error, c.Expected.Cause = raw.Status, raw.Error, raw.Cause
	c.Expected.Meta.Flags = raw.Meta.Flags
	if len(raw.Output) > 0 {
		if c.Expected.Output, err = jsonvalue.Unmarshal(raw.Output); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func (c *conformanceCase) singlePass() (map[string]any, bool) {
	states, _ := c.Definition["States"].(map[string]any)
	if len(states) != 1 {
		return nil, false
	}
	for _, s := range states {
		st, _ := s.(map[string]any)
		return st, st["Type"] == "Pass"
	}
	return nil, false
}

func (c *conformanceCase) queryLanguage(state map[string]any) string {
	if ql, ok := state["QueryLanguage"].(string); ok {
		return ql
	}
	if ql, ok := c.Definition["QueryLanguage"].(string); ok {
		return ql
	}
	return "JSONPath"
}

// normalize applies the corpus' rule 2: inside objects, strings that start
// with '{' and parse as JSON were recorded parsed.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if s, ok := e.(string); ok && strings.HasPrefix(s, "{") {
				if p, err := jsonvalue.Unmarshal([]byte(s)); err == nil {
					out[k] = normalize(p)
					continue
				}
			}
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}

var placeholder = regexp.MustCompile(`<[A-Za-z0-9_]+(?::[0-9]+)?>`)

// matches compares with the corpus' rule 5: <name> placeholders in
// expected strings are wildcards.
func matches(want, got any) bool {
	switch w := want.(type) {
	case string:
		g, ok := got.(string)
		if !ok {
			return false
		}
		if !placeholder.MatchString(w) {
			return w == g
		}
		parts := placeholder.Split(w, -1)
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(g)
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, e := range w {
			if ge, ok := g[k]; !ok || !matches(e, ge) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !matches(w[i], g[i]) {
				return false
			}
		}
		return true
	}
	return jsonvalue.Equal(want, got)
}
