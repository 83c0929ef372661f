package suite

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/internal/suggest"
)

// The keys each level of a test file allows.
var (
	topKeys       = []string{"workflow", "type", "timeout", "sampleAnswers", "maxTransitions", "scenarios"}
	scenarioKeys  = []string{"name", "input", "inputFile", "testCase", "mocks", "timeout", "expect"}
	expectKeys    = []string{"status", "output", "outputContains", "assertions", "error", "cause", "path", "passesThrough", "neverReaches", "states"}
	stateKeys     = []string{"output", "outputContains", "variables", "retries", "iterations", "visits"}
	assertionKeys = []string{"path", "equals", "contains", "exists"}
	statuses      = []string{engine.StatusSucceeded, engine.StatusFailed, engine.StatusTimedOut, engine.StatusAborted}
)

// DefaultTimeout bounds a scenario whose file sets none: waits are
// virtual, so a run that takes this long is stuck.
const DefaultTimeout = 10 * time.Second

type parser struct {
	file   string
	errs   Errors
	states []string // the workflow's state names at any depth; nil: not checked
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: p.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Pos = posOf(n)
	}
	p.errs = append(p.errs, e)
}

func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// document parses the text (YAML, or JSON, which is YAML too) into its
// top node. Tabs are only whitespace in valid JSON (a string cannot hold
// a raw tab), but YAML refuses them as indentation: they become spaces.
func (p *parser) document(data []byte, isJSON bool) (*yaml.Node, *yaml.Node) {
	if isJSON {
		data = bytes.ReplaceAll(data, []byte("\t"), []byte(" "))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.errs = append(p.errs, &Error{File: p.file, Pos: yamlErrorPos(err), Msg: "not valid " + syntaxName(isJSON) + ": " + yamlErrorText(err)})
		return nil, nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		p.errs = append(p.errs, &Error{File: p.file, Msg: "the file is empty: write a list of scenarios under \"scenarios:\""})
		return nil, nil
	}
	return &doc, doc.Content[0]
}

func syntaxName(isJSON bool) string {
	if isJSON {
		return "JSON"
	}
	return "YAML"
}

// yamlErrorPos reads "yaml: line N: ..." for a location.
func yamlErrorPos(err error) Pos {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		j := strings.IndexByte(rest, ':')
		if j > 0 {
			if n, err := strconv.Atoi(rest[:j]); err == nil {
				return Pos{n, 1}
			}
		}
	}
	return Pos{}
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
		msg = msg[i+2:]
	}
	return msg
}

// pair is one key and its value in a mapping.
type pair struct {
	key, val *yaml.Node
}

// mapping checks n is a mapping whose keys are all allowed (any when
// allowed is nil) and each given once; it returns the pairs in order.
func (p *parser) mapping(n *yaml.Node, what string, allowed []string) []pair {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil
	}
	seen := map[string]bool{}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.errorf(k, "%q is given twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			msg := fmt.Sprintf("unknown key %q in %s", k.Value, what)
			if c := suggest.Closest(k.Value, allowed); c != "" {
				msg += fmt.Sprintf("; did you mean %q?", c)
			} else {
				msg += fmt.Sprintf(" (known keys: %s)", strings.Join(allowed, ", "))
			}
			p.errorf(k, "%s", msg)
			continue
		}
		out = append(out, pair{k, deref(v)})
	}
	return out
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// describe names what a node holds, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!bool":
			return "true/false"
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		p.errorf(n, "%s must be a string, not %s", what, describe(n))
		return "", false
	}
	return n.Value, true
}

func (p *parser) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.errorf(n, "%s must be true or false, not %s", what, describe(n))
		return false, false
	}
	return n.Value == "true", true
}

func (p *parser) count(n *yaml.Node, what string) *Count {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil && v >= 0 {
			return &Count{N: v, At: posOf(n)}
		}
	}
	p.errorf(n, "%s must be a whole number, 0 or more, not %s", what, describe(n))
	return nil
}

func (p *parser) duration(n *yaml.Node, what string) time.Duration {
	s, ok := p.str(n, what)
	if !ok {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		p.errorf(n, "%s must be a positive duration such as 10s or 1m30s, not %q", what, s)
		return 0
	}
	return d
}

// state checks name is a state of the workflow, suggesting the likely one.
func (p *parser) state(n *yaml.Node, name string) bool {
	if p.states == nil || slices.Contains(p.states, name) {
		return true
	}
	msg := fmt.Sprintf("the workflow has no state %q", name)
	if c := suggest.Closest(name, p.states); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	p.errorf(n, "%s", msg)
	return false
}

func (p *parser) value(n *yaml.Node, what string) *Value {
	v, err := toJSON(n)
	if err != nil {
		p.errorf(n, "%s: %v", what, err)
		return nil
	}
	return &Value{V: v, At: posOf(n)}
}

// header reads the keys that say how to run (workflow, type, timeout,
// sampleAnswers); the scenarios are read once the workflow is known.
func (p *parser) header(root *yaml.Node, s *Suite) (workflow *yaml.Node, scenarios *yaml.Node) {
	s.Type, s.Timeout = engine.Standard, DefaultTimeout
	for _, kv := range p.mapping(root, "the test file", topKeys) {
		switch kv.key.Value {
		case "workflow":
			if _, ok := p.str(kv.val, "workflow"); ok {
				workflow = kv.val
			}
		case "type":
			if t, ok := p.str(kv.val, "type"); ok {
				switch strings.ToUpper(t) {
				case string(engine.Standard), string(engine.Express):
					s.Type = engine.StateMachineType(strings.ToUpper(t))
				default:
					p.errorf(kv.val, "type must be STANDARD or EXPRESS, not %q", t)
				}
			}
		case "timeout":
			if d := p.duration(kv.val, "timeout"); d > 0 {
				s.Timeout = d
			}
		case "sampleAnswers":
			s.SampleAnswers, _ = p.boolean(kv.val, "sampleAnswers")
		case "maxTransitions":
			if c := p.count(kv.val, "maxTransitions"); c != nil {
				if c.N == 0 {
					p.errorf(kv.val, "maxTransitions must be a positive number")
				} else {
					s.MaxTransitions = int64(c.N)
				}
			}
		case "scenarios":
			scenarios = kv.val
		}
	}
	if root.Kind == yaml.MappingNode && scenarios == nil {
		p.errorf(root, "the test file has no \"scenarios:\" list")
	}
	return workflow, scenarios
}

func (p *parser) scenarios(n *yaml.Node, s *Suite) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "scenarios must be a list, not %s", describe(n))
		return
	}
	names := map[string]bool{}
	for i, sn := range n.Content {
		sc := p.scenario(deref(sn), i, s.Timeout)
		if sc == nil {
			continue
		}
		if names[sc.Name] {
			p.errorf(sn, "two scenarios are named %q: names must differ, as reports and --run use them", sc.Name)
		}
		names[sc.Name] = true
		s.Scenarios = append(s.Scenarios, sc)
	}
}

func (p *parser) scenario(n *yaml.Node, i int, timeout time.Duration) *Scenario {
	sc := &Scenario{At: posOf(n), node: n, Timeout: timeout}
	what := fmt.Sprintf("scenario %d", i+1)
	pairs := p.mapping(n, what, scenarioKeys)
	if pairs == nil && n.Kind != yaml.MappingNode {
		return nil
	}
	var hasInput bool
	for _, kv := range pairs {
		switch kv.key.Value {
		case "name":
			sc.Name, _ = p.str(kv.val, what+": name")
		case "input":
			if v := p.value(kv.val, what+": input"); v != nil {
				sc.Input, hasInput = v.V, true
			}
		case "inputFile":
			sc.InputFile, _ = p.str(kv.val, what+": inputFile")
		case "testCase":
			sc.TestCase, _ = p.str(kv.val, what+": testCase")
		case "mocks":
			p.mocks(kv.val, sc, what)
		case "timeout":
			if d := p.duration(kv.val, what+": timeout"); d > 0 {
				sc.Timeout = d
			}
		case "expect":
			p.expect(kv.val, &sc.Expect, what)
		}
	}
	if sc.Name == "" {
		p.errorf(n, "%s has no name: give it one (name: ...)", what)
	} else {
		what = fmt.Sprintf("scenario %q", sc.Name)
	}
	if hasInput && sc.InputFile != "" {
		p.errorf(n, "%s has both input and inputFile: keep one", what)
	}
	if sc.TestCase != "" && sc.Mocks != nil {
		p.errorf(n, "%s has both testCase and mocks: keep one (copy the test case's answers into mocks to change some)", what)
	}
	if !hasInput {
		sc.Input = map[string]any{}
	}
	return sc
}

// mocks reads inline mocked responses: state name -> AWS MockedResponse
// ({"0": {"Return": ...}, "1-2": {"Throw": {...}}}), checked when the
// suite is prepared.
func (p *parser) mocks(n *yaml.Node, sc *Scenario, what string) {
	sc.Mocks, sc.mockAt = map[string]any{}, map[string]Pos{}
	for _, kv := range p.mapping(n, what+": mocks", nil) {
		if !p.state(kv.key, kv.key.Value) {
			continue
		}
		if v := p.value(kv.val, what+": mocks: "+kv.key.Value); v != nil {
			sc.Mocks[kv.key.Value] = v.V
			sc.mockAt[kv.key.Value] = posOf(kv.val)
		}
	}
}

func (p *parser) names(n *yaml.Node, what string) []Named {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of state names, not %s", what, describe(n))
		return nil
	}
	var out []Named
	for _, e := range n.Content {
		e = deref(e)
		if s, ok := p.str(e, what+" entry"); ok && p.state(e, s) {
			out = append(out, Named{s, posOf(e)})
		}
	}
	return out
}

func (p *parser) expect(n *yaml.Node, e *Expect, what string) {
	e.At = posOf(n)
	what += ": expect"
	for _, kv := range p.mapping(n, what, expectKeys) {
		k, v := kv.key.Value, kv.val
		switch k {
		case "status":
			if s, ok := p.str(v, what+": status"); ok {
				if !slices.Contains(statuses, s) {
					p.errorf(v, "status must be one of %s, not %q", strings.Join(statuses, ", "), s)
				} else {
					e.Status = &Text{s, posOf(v)}
				}
			}
		case "output":
			e.Output = p.value(v, what+": output")
		case "outputContains":
			e.OutputContains = p.value(v, what+": outputContains")
		case "assertions":
			p.assertions(v, e, what)
		case "error", "cause":
			if s, ok := p.str(v, what+": "+k); ok {
				t := &Text{s, posOf(v)}
				if k == "error" {
					e.Error = t
				} else {
					e.Cause = t
				}
			}
		case "path":
			e.HasPath, e.PathAt = true, posOf(v)
			for _, nm := range p.names(v, what+": path") {
				e.Path = append(e.Path, nm.Name)
			}
		case "passesThrough":
			e.PassesThrough = p.names(v, what+": passesThrough")
		case "neverReaches":
			e.NeverReaches = p.names(v, what+": neverReaches")
		case "states":
			for _, skv := range p.mapping(v, what+": states", nil) {
				if p.state(skv.key, skv.key.Value) {
					e.States = append(e.States, p.stateExpect(skv.key, skv.val, what))
				}
			}
		}
	}
}

func (p *parser) assertions(n *yaml.Node, e *Expect, what string) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: assertions must be a list such as [{path: $.total, equals: 42}], not %s", what, describe(n))
		return
	}
	for _, an := range n.Content {
		an = deref(an)
		a := Assertion{At: posOf(an)}
		hasPath := false
		for _, kv := range p.mapping(an, what+": assertion", assertionKeys) {
			switch kv.key.Value {
			case "path":
				hasPath = true
				if s, ok := p.str(kv.val, "path"); ok {
					jp, err := jsonpath.Compile(s)
					if err != nil {
						p.errorf(kv.val, "path %q is not a JSONPath: %v", s, err)
						continue
					}
					a.Path, a.path = s, jp
				}
			case "equals":
				a.Equals = p.value(kv.val, "equals")
			case "contains":
				a.Contains = p.value(kv.val, "contains")
			case "exists":
				if b, ok := p.boolean(kv.val, "exists"); ok {
					a.Exists = &b
				}
			}
		}
		checks := 0
		for _, set := range []bool{a.Equals != nil, a.Contains != nil, a.Exists != nil} {
			if set {
				checks++
			}
		}
		switch {
		case !hasPath && an.Kind == yaml.MappingNode:
			p.errorf(an, "an assertion needs a path, such as path: $.total")
		case a.path == nil:
		case checks != 1 && an.Kind == yaml.MappingNode:
			p.errorf(an, "an assertion needs exactly one of equals, contains or exists")
		default:
			e.Assertions = append(e.Assertions, a)
		}
	}
}

func (p *parser) stateExpect(k, n *yaml.Node, what string) *StateExpect {
	se := &StateExpect{Name: k.Value, At: posOf(k)}
	what += ": states: " + k.Value
	for _, kv := range p.mapping(n, what, stateKeys) {
		switch kv.key.Value {
		case "output":
			se.Output = p.value(kv.val, what+": output")
		case "outputContains":
			se.OutputContains = p.value(kv.val, what+": outputContains")
		case "variables":
			for _, vkv := range p.mapping(kv.val, what+": variables", nil) {
				if v := p.value(vkv.val, "variable "+vkv.key.Value); v != nil {
					se.Variables = append(se.Variables, Var{vkv.key.Value, *v})
				}
			}
		case "retries":
			se.Retries = p.count(kv.val, "retries")
		case "iterations":
			se.Iterations = p.count(kv.val, "iterations")
		case "visits":
			se.Visits = p.count(kv.val, "visits")
		}
	}
	return se
}
