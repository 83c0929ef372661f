package teststate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// testedName is the name the tested state runs under: AWS's context
// object shows $states.context.State.Name as "StateName" for every
// TestState call, whatever the state is called in its machine.
const testedName = "StateName"

// document reads a JSON document the API sends as a string, or as the
// value itself. Empty or absent gives def.
func document(raw json.RawMessage, def any) (any, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return def, nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace([]byte(s))) == 0 {
			return def, nil
		}
		raw = []byte(s)
	}
	return decode(raw)
}

// decode parses JSON keeping numbers exact (json.Number).
func decode(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return v, nil
}

// tested is the state under test and where it sits.
type tested struct {
	state map[string]any // its definition, as given
	ql    string         // the machine's QueryLanguage ("" = JSONPath)
}

// pick finds the state to test: the definition itself, or with stateName
// the state of that name in a whole machine.
func pick(req *Request) (*tested, error) {
	v, err := document(req.Definition, nil)
	if err != nil {
		return nil, invalidDefinition("the definition is not valid JSON: %v", err)
	}
	def, ok := v.(map[string]any)
	if !ok {
		return nil, invalidDefinition("the definition must be a JSON object")
	}
	states, isMachine := def["States"].(map[string]any)
	if !isMachine {
		if req.StateName != "" {
			return nil, validation("stateName %q is given but the definition is a single state, not a state machine", req.StateName)
		}
		return &tested{state: def}, nil
	}
	if req.StateName == "" {
		return nil, validation("the definition is a state machine: give stateName, the state to test")
	}
	s, ok := find(states, req.StateName)
	if !ok {
		return nil, validation("the state machine has no state named %q", req.StateName)
	}
	ql, _ := def["QueryLanguage"].(string)
	return &tested{state: s, ql: ql}, nil
}

func (t *tested) typ() string { s, _ := t.state["Type"].(string); return s }

// queryLanguage is the state's own, else the machine's, else JSONPath.
func (t *tested) queryLanguage() string {
	if q, ok := t.state["QueryLanguage"].(string); ok && q != "" {
		return q
	}
	if t.ql != "" {
		return t.ql
	}
	return "JSONPath"
}

// targets are the states the tested state may go to next: Next, each
// Choice rule's Next, Default, each catcher's Next.
func (t *tested) targets() []string {
	seen := map[string]bool{}
	add := func(v any) {
		if s, ok := v.(string); ok && s != "" {
			seen[s] = true
		}
	}
	add(t.state["Next"])
	add(t.state["Default"])
	for _, key := range []string{"Choices", "Catch"} {
		list, _ := t.state[key].([]any)
		for _, r := range list {
			if m, ok := r.(map[string]any); ok {
				add(m["Next"])
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// machine wraps state into a runnable machine: the tested state first,
// each target a Succeed state of the same name, so a run ends as soon as
// the tested state has chosen where to go, with the state's output.
func (t *tested) machine(state map[string]any) ([]byte, error) {
	states := map[string]any{testedName: state}
	for _, n := range t.targets() {
		if n == testedName {
			return nil, validation("a state the tested state goes to is named %q, a name TestState reserves", testedName)
		}
		states[n] = map[string]any{"Type": "Succeed"}
	}
	m := map[string]any{"StartAt": testedName, "States": states}
	if t.ql != "" {
		m["QueryLanguage"] = t.ql
	}
	return json.Marshal(m)
}

// mockedResource is the resource a Map or Parallel runs as: TestState
// never runs their iterations or branches, the mock is their result.
const mockedResource = "arn:aws:states:::teststate:mocked"

// runnable is the state as the engine runs it: without Retry (TestState
// decides a retry, it never waits one out), and a Map or Parallel as a
// Task with the same input and output processing, whose result is the
// mock.
func (t *tested) runnable() map[string]any {
	s := make(map[string]any, len(t.state))
	for k, v := range t.state {
		s[k] = v
	}
	delete(s, "Retry")
	switch t.typ() {
	case "Map", "Parallel":
		keep := map[string]bool{"Type": true, "Comment": true, "QueryLanguage": true, "InputPath": true,
			"OutputPath": true, "ResultPath": true, "ResultSelector": true, "Output": true, "Assign": true,
			"Catch": true, "Next": true, "End": true}
		if t.typ() == "Parallel" {
			keep["Parameters"], keep["Arguments"] = true, true
		}
		for k := range s {
			if !keep[k] {
				delete(s, k)
			}
		}
		s["Type"], s["Resource"] = "Task", mockedResource
		if t.typ() == "Map" {
			t.mapSettings(s)
		}
	}
	return s
}

// Map settings the task is given as its parameters, so that the engine
// evaluates them (paths, JSONata) and the mock knows the items and the
// tolerance: items, maxConcurrency, toleratedFailureCount,
// toleratedFailurePercentage.
var mapSettings = []struct{ key, field string }{
	{"maxConcurrency", "MaxConcurrency"},
	{"toleratedFailureCount", "ToleratedFailureCount"},
	{"toleratedFailurePercentage", "ToleratedFailurePercentage"},
}

func (t *tested) mapSettings(s map[string]any) {
	p := map[string]any{}
	if t.queryLanguage() == "JSONata" {
		p["items"] = "{% $states.input %}"
		if v, ok := t.state["Items"]; ok {
			p["items"] = v
		}
		for _, f := range mapSettings {
			if v, ok := t.state[f.field]; ok {
				p[f.key] = v
			}
		}
		s["Arguments"] = p
		return
	}
	p["items.$"] = "$"
	if v, ok := t.state["ItemsPath"]; ok {
		p["items.$"] = v
	}
	for _, f := range mapSettings {
		if v, ok := t.state[f.field]; ok {
			p[f.key] = v
		}
		if v, ok := t.state[f.field+"Path"]; ok {
			p[f.key+".$"] = v
		}
	}
	s["Parameters"] = p
}

// find looks for a state by name in states and, depth first, in the
// branches and item processors inside them: TestState may test a state
// inside a Map or Parallel.
func find(states map[string]any, name string) (map[string]any, bool) {
	if s, ok := states[name].(map[string]any); ok {
		return s, true
	}
	names := make([]string, 0, len(states))
	for n := range states {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s, _ := states[n].(map[string]any)
		var graphs []any
		for _, k := range []string{"ItemProcessor", "Iterator"} {
			if g, ok := s[k]; ok {
				graphs = append(graphs, g)
			}
		}
		if b, ok := s["Branches"].([]any); ok {
			graphs = append(graphs, b...)
		}
		for _, g := range graphs {
			gm, _ := g.(map[string]any)
			inner, _ := gm["States"].(map[string]any)
			if found, ok := find(inner, name); ok {
				return found, true
			}
		}
	}
	return nil, false
}
