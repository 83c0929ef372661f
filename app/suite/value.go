package suite

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// toJSON turns a YAML node into the engine's JSON values: objects,
// arrays, strings, booleans, null, int64 or float64 numbers. YAML-only
// values (timestamps, binary, non-string keys, infinities) are refused,
// as JSON cannot carry them.
func toJSON(n *yaml.Node) (any, error) {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		keys := make([]string, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || (k.Tag != "!!str" && k.Tag != "!!int" && k.Tag != "!!bool" && k.Tag != "!!float") {
				return nil, fmt.Errorf("line %d: a JSON object's keys are strings", k.Line)
			}
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("line %d: key %q is given twice", k.Line, k.Value)
			}
			v, err := toJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
			keys = append(keys, k.Value)
		}
		jsonvalue.SetKeyOrder(m, keys)
		return m, nil
	case yaml.SequenceNode:
		a := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := toJSON(c)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		return a, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!int", "!!float":
			if v, err := jsonvalue.Number(n.Value); err == nil {
				return v, nil
			}
			var f float64
			if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, fmt.Errorf("line %d: %s is not a JSON number", n.Line, n.Value)
			}
			if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
				return int64(f), nil
			}
			return f, nil
		case "!!str", "!!timestamp":
			// JSON has no dates: an unquoted 2026-01-31 stays the text
			// the author wrote.
			return n.Value, nil
		}
		return nil, fmt.Errorf("line %d: %s values are not JSON", n.Line, strings.TrimPrefix(n.Tag, "!!"))
	}
	return nil, fmt.Errorf("line %d: no value", n.Line)
}

// toNode turns a JSON value into a YAML node, for --update. Objects keep
// the engine's key order.
func toNode(v any) *yaml.Node {
	switch x := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range jsonvalue.Keys(x) {
			n.Content = append(n.Content, strNode(k), toNode(x[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			n.Content = append(n.Content, toNode(e))
		}
		return n
	case string:
		return strNode(x)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(x)}
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(x, 10)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(x)}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: jsonvalue.String(v)}
}

func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// writeJSON writes a node tree as indented JSON, keeping key order: a
// test file written as JSON stays JSON after --update.
func writeJSON(b *strings.Builder, n *yaml.Node, indent string) error {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{")
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			b.Write(jsonvalue.AppendString(nil, n.Content[i].Value))
			b.WriteString(": ")
			if err := writeJSON(b, n.Content[i+1], indent+"  "); err != nil {
				return err
			}
		}
		b.WriteString("\n" + indent + "}")
		return nil
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return nil
		}
		// Short lists of scalars (a path) stay on one line.
		if len(n.Content) <= 8 && !slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return c.Kind != yaml.ScalarNode }) {
			b.WriteString("[")
			for i, c := range n.Content {
				if i > 0 {
					b.WriteString(", ")
				}
				if err := writeJSON(b, c, indent); err != nil {
					return err
				}
			}
			b.WriteString("]")
			return nil
		}
		b.WriteString("[")
		for i, c := range n.Content {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			if err := writeJSON(b, c, indent+"  "); err != nil {
				return err
			}
		}
		b.WriteString("\n" + indent + "]")
		return nil
	}
	v, err := toJSON(n)
	if err != nil {
		return err
	}
	b.WriteString(jsonvalue.String(v))
	return nil
}
