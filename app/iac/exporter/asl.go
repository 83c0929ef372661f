package exporter

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
	"gopkg.in/yaml.v3"
)

// aslJSON: the definition as JSON; a JSON source keeps its own layout.
func (j *job) aslJSON() ([]File, error) {
	text := string(j.text)
	if j.doc.Format != asl.JSON {
		var b bytes.Buffer
		writeJSON(&b, j.doc.Root, "")
		text = b.String()
	}
	return []File{{Path: j.name + ".asl.json", Content: strings.TrimRight(text, "\n") + "\n"}}, nil
}

// aslYAML: the definition as YAML, keys in their order.
func (j *job) aslYAML() ([]File, error) {
	text := string(j.text)
	if j.doc.Format != asl.YAML {
		out, err := encodeYAML(yamlNode(j.doc.Root))
		if err != nil {
			return nil, err
		}
		text = out
	}
	return []File{{Path: j.name + ".asl.yaml", Content: strings.TrimRight(text, "\n") + "\n"}}, nil
}

// writeJSON writes n indented by two spaces, keys in source order.
func writeJSON(b *bytes.Buffer, n *asl.Node, indent string) {
	switch n.Kind {
	case asl.KindObject:
		if len(n.Fields) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, f := range n.Fields {
			k, _ := json.Marshal(f.Key)
			b.WriteString(indent + "  ")
			b.Write(k)
			b.WriteString(": ")
			writeJSON(b, f.Value, indent+"  ")
			if i < len(n.Fields)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case asl.KindArray:
		if len(n.Items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, it := range n.Items {
			b.WriteString(indent + "  ")
			writeJSON(b, it, indent+"  ")
			if i < len(n.Items)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "]")
	case asl.KindString:
		s, _ := json.Marshal(n.Str)
		b.Write(s)
	case asl.KindNumber:
		b.WriteString(n.Num)
	case asl.KindBool:
		if n.Bool {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	default:
		b.WriteString("null")
	}
}

// yamlNode converts a definition tree to a block-style YAML tree.
func yamlNode(n *asl.Node) *yaml.Node {
	switch n.Kind {
	case asl.KindObject:
		y := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range n.Fields {
			y.Content = append(y.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Key}, yamlNode(f.Value))
		}
		return y
	case asl.KindArray:
		y := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range n.Items {
			y.Content = append(y.Content, yamlNode(it))
		}
		return y
	case asl.KindString:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: n.Str}
	case asl.KindNumber:
		tag := "!!int"
		if strings.ContainsAny(n.Num, ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: n.Num}
	case asl.KindBool:
		v := "false"
		if n.Bool {
			v = "true"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

func encodeYAML(n *yaml.Node) (string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}
