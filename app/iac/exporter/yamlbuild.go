package exporter

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Small builders for templates as yaml.v3 trees, so quoting and tags
// (!Ref, !Sub, !GetAtt) come out right.

func ymap(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, ystr(kv[i].(string)), yval(kv[i+1]))
	}
	return m
}

func yseq(items ...any) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		s.Content = append(s.Content, yval(it))
	}
	return s
}

func yval(v any) *yaml.Node {
	switch v := v.(type) {
	case *yaml.Node:
		return v
	case string:
		return ystr(v)
	case []string:
		s := yseq()
		for _, x := range v {
			s.Content = append(s.Content, ystr(x))
		}
		return s
	}
	panic("yval: unsupported value")
}

func ystr(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func ytag(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

// ysub writes s as is, or as !Sub when it holds ${...} placeholders.
func ysub(s string) *yaml.Node {
	if strings.Contains(s, "${") {
		return ytag("!Sub", s)
	}
	return ystr(s)
}

func ysubs(ss []string) *yaml.Node {
	s := yseq()
	for _, x := range ss {
		s.Content = append(s.Content, ysub(x))
	}
	return s
}

// set appends key: value to mapping m.
func set(m *yaml.Node, key string, v any) { m.Content = append(m.Content, ystr(key), yval(v)) }
