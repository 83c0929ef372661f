package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Case is one case of conformance/: a definition, its input and the result
// AWS recorded for it.
type Case struct {
	Definition map[string]any
	Input      any
	Expected   Expected
}

// Expected is a case's expected.json.
type Expected struct {
	Status string
	Output any
	Error  string
	Cause  string
	Flags  []string // meta.flags
}

// ReadCase reads the case in dir; numbers keep AWS's int/float distinction.
func ReadCase(t testing.TB, dir string) *Case {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	c := &Case{}
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
	c.Expected = Expected{Status: raw.Status, Error: raw.Error, Cause: raw.Cause, Flags: raw.Meta.Flags}
	if len(raw.Output) > 0 {
		if c.Expected.Output, err = jsonvalue.Unmarshal(raw.Output); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// Nondeterministic reports cases whose values cannot be compared (UUID,
// MathRandom, $$, $now): the corpus flags them.
func (c *Case) Nondeterministic() bool {
	return slices.Contains(c.Expected.Flags, "nondeterministic-or-context-dependent")
}

// SingleState returns the state of a one-state definition.
func (c *Case) SingleState() (map[string]any, bool) {
	states, _ := c.Definition["States"].(map[string]any)
	if len(states) != 1 {
		return nil, false
	}
	for _, s := range states {
		st, ok := s.(map[string]any)
		return st, ok
	}
	return nil, false
}

// QueryLanguage is the query language state runs in within the case.
func (c *Case) QueryLanguage(state map[string]any) string {
	if ql, ok := state["QueryLanguage"].(string); ok {
		return ql
	}
	if ql, ok := c.Definition["QueryLanguage"].(string); ok {
		return ql
	}
	return "JSONPath"
}

// ContextObject is a context object shaped like AWS's, with names the
// corpus' placeholders accept.
func ContextObject(input any) any {
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

// Normalize applies the corpus README's rule 2: inside objects, strings
// that start with '{' and parse as JSON were recorded parsed.
func Normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if s, ok := e.(string); ok && strings.HasPrefix(s, "{") {
				if p, err := jsonvalue.Unmarshal([]byte(s)); err == nil {
					out[k] = Normalize(p)
					continue
				}
			}
			out[k] = Normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = Normalize(e)
		}
		return out
	}
	return v
}

var placeholder = regexp.MustCompile(`<[A-Za-z0-9_]+(?::[0-9]+)?>`)

// Matches compares with the corpus README's rule 5: <name> placeholders in
// expected strings are wildcards. Object key order does not matter (rule 1).
func Matches(want, got any) bool {
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
			if ge, ok := g[k]; !ok || !Matches(e, ge) {
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
			if !Matches(w[i], g[i]) {
				return false
			}
		}
		return true
	}
	return jsonvalue.Equal(want, got)
}
