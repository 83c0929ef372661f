package suite

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Change is one expectation --update rewrote.
type Change struct {
	Scenario string
	Key      string
	Old, New string // JSON text; Old "" for an added key, New "" for a removed one
}

func (c Change) String() string {
	switch {
	case c.Old == "":
		return fmt.Sprintf("%s: %s: added %s", c.Scenario, c.Key, c.New)
	case c.New == "":
		return fmt.Sprintf("%s: %s: removed (was %s)", c.Scenario, c.Key, c.Old)
	}
	return fmt.Sprintf("%s: %s: %s → %s", c.Scenario, c.Key, c.Old, c.New)
}

// Update rewrites the expectations of s's scenarios that ran (results of
// other suites are ignored) with what the runs did, and returns the new
// file text, in the file's own format, and what changed. Exact
// expectations (status, output, error, cause, path, and per state output,
// variables, retries, iterations, visits) take the actual values; partial
// ones (outputContains, assertions, passesThrough, neverReaches) say
// what the author cares about and are kept as written. A scenario without
// expectations gets its status, output or error and cause, and path.
func (s *Suite) Update(results []*Result) ([]byte, []Change, error) {
	var changes []Change
	for _, r := range results {
		if r.Suite != s || r.Observed == nil {
			continue
		}
		changes = append(changes, updateScenario(r.Scenario, r.Observed)...)
	}
	if len(changes) == 0 {
		return s.data, nil, nil
	}
	if s.JSON {
		var b strings.Builder
		if err := writeJSON(&b, s.root, ""); err != nil {
			return nil, nil, err
		}
		b.WriteString("\n")
		return []byte(b.String()), changes, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s.docNode); err != nil {
		return nil, nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), changes, nil
}

type updater struct {
	scenario string
	prefix   string
	changes  []Change
}

// set gives key the value v in mapping m: always when add, else only when
// the key is there.
func (u *updater) set(m *yaml.Node, key string, v any, add bool) {
	n := toNode(v)
	if _, isList := v.([]any); isList && key == "path" {
		n.Style = yaml.FlowStyle
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old, err := toJSON(m.Content[i+1])
			if err == nil && jsonvalue.Equal(old, v) {
				return
			}
			m.Content[i+1] = n
			u.changes = append(u.changes, Change{u.scenario, u.prefix + key, short(old), short(v)})
			return
		}
	}
	if add {
		m.Content = append(m.Content, strNode(key), n)
		u.changes = append(u.changes, Change{u.scenario, u.prefix + key, "", short(v)})
	}
}

func (u *updater) remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old, _ := toJSON(m.Content[i+1])
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			u.changes = append(u.changes, Change{u.scenario, u.prefix + key, short(old), ""})
			return
		}
	}
}

func updateScenario(sc *Scenario, o *Observation) []Change {
	u := &updater{scenario: sc.Name}
	e := deref(valueOf(sc.node, "expect"))
	fresh := e == nil || len(e.Content) == 0
	if e == nil {
		// No expectations yet: add an empty mapping to fill.
		e = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		sc.node.Content = append(sc.node.Content, strNode("expect"), e)
	}
	r := o.Result
	u.set(e, "status", r.Status, true)
	if r.Status == engine.StatusSucceeded {
		hasPartial := valueOf(e, "outputContains") != nil || valueOf(e, "assertions") != nil
		u.set(e, "output", r.Output, !hasPartial)
		u.remove(e, "error")
		u.remove(e, "cause")
	} else {
		u.remove(e, "output")
		if r.Error != nil {
			u.set(e, "error", *r.Error, true)
		} else {
			u.remove(e, "error")
		}
		if r.Cause != nil {
			u.set(e, "cause", *r.Cause, true)
		} else {
			u.remove(e, "cause")
		}
	}
	u.set(e, "path", anyList(o.Path), fresh)
	if states := deref(valueOf(e, "states")); states != nil && states.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(states.Content); i += 2 {
			name, m := states.Content[i].Value, deref(states.Content[i+1])
			if m.Kind != yaml.MappingNode {
				continue
			}
			u.prefix = "states." + name + "."
			if out, ok := o.outputs[name]; ok {
				v, _ := jsonvalue.Unmarshal([]byte(out))
				u.set(m, "output", v, false)
			}
			if vars := o.variables[name]; vars != nil {
				got := map[string]any{}
				for k, t := range vars {
					got[k], _ = jsonvalue.Unmarshal([]byte(t))
				}
				u.set(m, "variables", got, false)
			}
			u.set(m, "retries", int64(o.retries[name]), false)
			u.set(m, "iterations", int64(o.iterations[name]), false)
			u.set(m, "visits", int64(o.visits[name]), false)
		}
		u.prefix = ""
	}
	return u.changes
}
