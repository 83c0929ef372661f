package teststate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
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
	raw   []byte         // the same, as written (key order kept)
	ql    string         // the machine's QueryLanguage ("" = JSONPath)
	// readerItems are the items a Map's ItemReader reads
	// (stateConfiguration.mapItemReaderData), nil when not given.
	readerItems any
}

// pick finds the state to test: the definition itself, or with stateName
// the state of that name in a whole machine.
func pick(req *Request) (*tested, error) {
	defRaw, err := docText(req.Definition)
	if err != nil {
		return nil, invalidDefinition("the definition is not valid JSON: %v", err)
	}
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
		return &tested{state: def, raw: defRaw}, nil
	}
	if req.StateName == "" {
		return nil, validation("the definition is a state machine: give stateName, the state to test")
	}
	s, path, ok := find(states, req.StateName, []any{"States"})
	if !ok {
		return nil, validation("the state machine has no state named %q", req.StateName)
	}
	raw, err := rawAt(defRaw, path)
	if err != nil {
		return nil, invalidDefinition("%v", err)
	}
	ql, _ := def["QueryLanguage"].(string)
	return &tested{state: s, raw: raw, ql: ql}, nil
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
func (t *tested) machine(state []byte) ([]byte, error) {
	states := map[string]any{testedName: json.RawMessage(state)}
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
func (t *tested) runnable() ([]byte, error) {
	ms, err := members(t.raw)
	if err != nil {
		return nil, invalidDefinition("%v", err)
	}
	typ := t.typ()
	keep := func(k string) bool { return k != "Retry" }
	if typ == "Map" || typ == "Parallel" {
		fields := map[string]bool{"Comment": true, "QueryLanguage": true, "InputPath": true,
			"OutputPath": true, "ResultPath": true, "ResultSelector": true, "Output": true, "Assign": true,
			"Catch": true, "Next": true, "End": true}
		if typ == "Parallel" {
			fields["Parameters"], fields["Arguments"] = true, true
		}
		keep = func(k string) bool { return fields[k] }
	}
	out := ms[:0:0]
	for _, m := range ms {
		if keep(m.key) {
			out = append(out, m)
		}
	}
	if typ == "Map" || typ == "Parallel" {
		out = append(out, member{"Type", json.RawMessage(`"Task"`)}, member{"Resource", json.RawMessage(`"` + mockedResource + `"`)})
		if typ == "Map" {
			key, v := t.mapSettings()
			b, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			out = append(out, member{key, b})
		}
	}
	return encodeMembers(out), nil
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

func (t *tested) mapSettings() (string, map[string]any) {
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
		t.readerSettings(p)
		return "Arguments", p
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
	t.readerSettings(p)
	return "Parameters", p
}

// readerSettings: a Map with an ItemReader runs over the items the
// request says it read.
func (t *tested) readerSettings(p map[string]any) {
	if _, ok := t.state["ItemReader"]; ok && t.readerItems != nil {
		delete(p, "items.$")
		p["items"] = t.readerItems
	}
}

// find looks for a state by name in states and, depth first, in the
// branches and item processors inside them: TestState may test a state
// inside a Map or Parallel. path leads to states from the definition's
// top; the state's own path is returned.
func find(states map[string]any, name string, path []any) (map[string]any, []any, bool) {
	if s, ok := states[name].(map[string]any); ok {
		return s, append(slices.Clone(path), name), true
	}
	names := make([]string, 0, len(states))
	for n := range states {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s, _ := states[n].(map[string]any)
		here := append(slices.Clone(path), n)
		for _, k := range []string{"ItemProcessor", "Iterator"} {
			g, _ := s[k].(map[string]any)
			inner, _ := g["States"].(map[string]any)
			if found, p, ok := find(inner, name, append(slices.Clone(here), k, "States")); ok {
				return found, p, true
			}
		}
		branches, _ := s["Branches"].([]any)
		for i, b := range branches {
			g, _ := b.(map[string]any)
			inner, _ := g["States"].(map[string]any)
			if found, p, ok := find(inner, name, append(slices.Clone(here), "Branches", i, "States")); ok {
				return found, p, true
			}
		}
	}
	return nil, nil, false
}

// member is one key of a JSON object with its value as written.
type member struct {
	key string
	val json.RawMessage
}

// members splits a JSON object into its members, in the order written:
// a state's fields reach the engine in the user's order, so the
// parameters and outputs print in it, as AWS prints them.
func members(raw []byte) ([]member, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("the state is not a JSON object")
	}
	var out []member
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{k.(string), v})
	}
	return out, nil
}

func encodeMembers(ms []member) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.val)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// docText is a JSON document as written: its text, or the text inside a
// JSON string.
func docText(raw json.RawMessage) ([]byte, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return bytes.TrimSpace([]byte(s)), nil
	}
	return raw, nil
}

// rawAt is the value at path (object keys and array indexes) in doc, as
// written.
func rawAt(doc []byte, path []any) ([]byte, error) {
	cur := json.RawMessage(doc)
	for _, p := range path {
		switch k := p.(type) {
		case string:
			var m map[string]json.RawMessage
			if err := json.Unmarshal(cur, &m); err != nil {
				return nil, err
			}
			cur = m[k]
		case int:
			var a []json.RawMessage
			if err := json.Unmarshal(cur, &a); err != nil || k >= len(a) {
				return nil, fmt.Errorf("no branch %d", k)
			}
			cur = a[k]
		}
	}
	return cur, nil
}
