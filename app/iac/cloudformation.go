package iac

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// The resource types that define a state machine.
const (
	samStateMachine = "AWS::Serverless::StateMachine"
	cfnStateMachine = "AWS::StepFunctions::StateMachine"
)

// scanCloudFormation lists the state machines of a SAM or CloudFormation
// template, YAML (short-form intrinsics included) or JSON.
func scanCloudFormation(path string, src []byte, rs resolver) (*Template, error) {
	doc, err := parseYAML(src)
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	t := &Template{Path: path, Kind: CloudFormation, Machines: []Machine{}}
	if len(doc.Content) == 0 {
		return t, nil
	}
	resources := mapGet(doc.Content[0], "Resources")
	if resources == nil || resources.Kind != yaml.MappingNode {
		return t, nil
	}
	l := newLines(src)
	for i := 0; i+1 < len(resources.Content); i += 2 {
		id, res := resources.Content[i].Value, resources.Content[i+1]
		typ := mapGet(res, "Type")
		if typ == nil || (typ.Value != samStateMachine && typ.Value != cfnStateMachine) {
			continue
		}
		m := Machine{ID: id, Type: typ.Value, File: path, Line: resources.Content[i].Line, Substitutions: []Substitution{}, src: src}
		props := mapGet(res, "Properties")
		subs := mapGet(props, "DefinitionSubstitutions")
		m.Substitutions = substitutions(subs)
		checkReferences(doc.Content[0], m.Substitutions, mapValues(subs))
		cfnDefinition(&m, l, props, rs)
		t.Machines = append(t.Machines, m)
	}
	return t, nil
}

// cfnDefinition finds where the machine's definition lives.
func cfnDefinition(m *Machine, l lines, props *yaml.Node, rs resolver) {
	for _, key := range []string{"Definition", "DefinitionString", "DefinitionUri", "DefinitionS3Location"} {
		k, v := mapEntry(props, key)
		if v == nil {
			continue
		}
		m.Origin = key
		switch key {
		case "Definition":
			definitionObject(m, l, k, v)
		case "DefinitionString":
			definitionString(m, l, k, v)
		case "DefinitionUri":
			definitionURI(m, v, rs)
		case "DefinitionS3Location":
			definitionS3Location(m, v, rs)
		}
		return
	}
	m.Problem = "the resource has no Definition, DefinitionString or DefinitionUri"
}

// definitionObject: an inline Definition, a YAML block mapping or a flow
// (JSON-like) object.
func definitionObject(m *Machine, l lines, key, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		m.Problem = fmt.Sprintf("Definition on line %d is not an object", v.Line)
		return
	}
	start := l.offset(v.Line, v.Column)
	m.Line = v.Line
	if v.Style&yaml.FlowStyle != 0 {
		end := matchClose(l.src, start)
		if end < 0 {
			m.Problem = fmt.Sprintf("the Definition object on line %d is not closed", v.Line)
			return
		}
		m.region = linesRegion(l, start, end)
	} else {
		m.region = linesRegion(l, start, blockEnd(l, v.Line-1, key.Column-1))
	}
	m.Format = formatOf(l.src[m.region.Start:m.region.End])
}

// definitionString: a string, or !Sub / Fn::Sub of a string with optional
// variables, written as a block scalar or a double-quoted string.
func definitionString(m *Machine, l lines, key, v *yaml.Node) {
	str := v
	switch {
	case v.Tag == "!Sub" && v.Kind == yaml.SequenceNode, v.Kind == yaml.MappingNode && mapGet(v, "Fn::Sub") != nil:
		seq := v
		if v.Kind == yaml.MappingNode {
			seq = mapGet(v, "Fn::Sub")
		}
		if seq.Kind == yaml.SequenceNode {
			if len(seq.Content) == 0 {
				m.Problem = "Fn::Sub has no template string"
				return
			}
			str = seq.Content[0]
			if len(seq.Content) > 1 {
				m.Substitutions = append(m.Substitutions, substitutions(seq.Content[1])...)
			}
		} else {
			str = seq
		}
	case v.Tag == "!Join" || (v.Kind == yaml.MappingNode && mapGet(v, "Fn::Join") != nil):
		m.Problem = "DefinitionString is built with Fn::Join, which cannot be edited in place; write it as one !Sub string or move it to a file (DefinitionUri)"
		return
	case v.Kind == yaml.MappingNode:
		fn := ""
		if len(v.Content) > 0 {
			fn = v.Content[0].Value
		}
		m.Problem = fmt.Sprintf("DefinitionString uses %s, which Stepstudio cannot open; use a string, !Sub, or DefinitionUri", fn)
		return
	case strings.HasPrefix(v.Tag, "!") && !strings.HasPrefix(v.Tag, "!!") && v.Tag != "!Sub":
		m.Problem = fmt.Sprintf("DefinitionString uses %s, which Stepstudio cannot open; use a string, !Sub, or DefinitionUri", v.Tag)
		return
	}
	if str.Kind != yaml.ScalarNode {
		m.Problem = fmt.Sprintf("DefinitionString on line %d is not a string", str.Line)
		return
	}
	m.Line = str.Line
	switch {
	case str.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		r, ok := scalarBlockRegion(l, str.Line-1)
		if !ok {
			m.Problem = "DefinitionString is empty"
			return
		}
		if str.Style&yaml.FoldedStyle != 0 {
			r.Codec = codecLines // the raw lines; folding only joins them with spaces
		}
		m.region = r
		m.Line = l.lineOf(r.Start) + 1
	case str.Style&yaml.DoubleQuotedStyle != 0:
		open := l.offset(str.Line, str.Column)
		end := quotedEnd(l.src, open)
		if end < 0 || strings.Contains(string(l.src[open:end]), "\n") {
			m.Problem = "DefinitionString is a double-quoted string over several lines, which cannot be edited in place; use a literal block (|)"
			return
		}
		m.region = region{Start: open + 1, End: end, Codec: codecJSONString, Embedded: true}
	default:
		m.Problem = "DefinitionString is a plain or single-quoted scalar, which cannot be edited in place; use a literal block (|)"
		return
	}
	text, _ := m.region.decode(l.src)
	m.Format = formatOf([]byte(text))
}

// definitionURI: a local file next to the template (SAM packages it);
// S3 locations cannot be opened.
func definitionURI(m *Machine, v *yaml.Node, rs resolver) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		m.Problem = "DefinitionUri points to S3 (Bucket/Key or an intrinsic); only a local file can be opened"
		return
	}
	if strings.HasPrefix(v.Value, "s3://") {
		m.Problem = "DefinitionUri is an S3 location (" + v.Value + "); only a local file can be opened"
		return
	}
	rs.fileRef(m, localRef(m, "DefinitionUri", v))
}

// definitionS3Location: a Bucket/Key mapping is in S3 and cannot be
// opened; a plain path is a local file that `aws cloudformation package`
// uploads, read like DefinitionUri.
func definitionS3Location(m *Machine, v *yaml.Node, rs resolver) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || strings.HasPrefix(v.Value, "s3://") {
		m.Problem = "the definition is in S3 (DefinitionS3Location); download it and point DefinitionUri or Definition at it to edit it here"
		return
	}
	rs.fileRef(m, localRef(m, "DefinitionS3Location", v))
}

// localRef is the reference a YAML scalar makes to a file beside the
// template m was found in.
func localRef(m *Machine, what string, v *yaml.Node) reference {
	return localPath(reference{what: what, text: v.Value, line: v.Line, col: v.Column}, m.File)
}

// localPath sets where ref.text leads from the template's folder.
func localPath(ref reference, template string) reference {
	ref.absolute = filepath.IsAbs(ref.text)
	ref.path = filepath.Clean(ref.text)
	if !ref.absolute {
		ref.path = filepath.Join(filepath.Dir(template), ref.text)
	}
	return ref
}

// substitutions lists a DefinitionSubstitutions (or Fn::Sub variables)
// mapping in source order.
func substitutions(n *yaml.Node) []Substitution {
	out := []Substitution{}
	if n == nil || n.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		literal := v.Kind == yaml.ScalarNode && (v.Tag == "!!str" || v.Tag == "!!int" || v.Tag == "!!float" || v.Tag == "!!bool")
		out = append(out, Substitution{Name: n.Content[i].Value, Value: renderYAML(v), Literal: literal})
	}
	return out
}

// renderYAML writes an intrinsic compactly in short form: "!GetAtt
// Table.Arn", "!Sub arn:${AWS::Partition}:…", "!Join [”, [a, b]]".
func renderYAML(n *yaml.Node) string {
	tag := ""
	if n.Tag != "" && !strings.HasPrefix(n.Tag, "!!") {
		tag = n.Tag + " "
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return tag + n.Value
	case yaml.SequenceNode:
		if n.Tag == "!GetAtt" && len(n.Content) == 2 {
			return "!GetAtt " + n.Content[0].Value + "." + n.Content[1].Value
		}
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = renderYAML(c)
			if parts[i] == "" {
				parts[i] = "''"
			}
		}
		return tag + "[" + strings.Join(parts, ", ") + "]"
	case yaml.MappingNode:
		if len(n.Content) == 2 {
			k, v := n.Content[0].Value, n.Content[1]
			if k == "Ref" || strings.HasPrefix(k, "Fn::") {
				short := &yaml.Node{Kind: v.Kind, Tag: "!" + strings.TrimPrefix(k, "Fn::"), Value: v.Value, Content: v.Content}
				return renderYAML(short)
			}
		}
		parts := []string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, n.Content[i].Value+": "+renderYAML(n.Content[i+1]))
		}
		sort.Strings(parts)
		return tag + "{" + strings.Join(parts, ", ") + "}"
	case yaml.AliasNode:
		return "*" + n.Value
	}
	return ""
}

// mapValues returns the values of mapping n in order, nil for a non-mapping.
func mapValues(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content)/2)
	for i := 1; i < len(n.Content); i += 2 {
		out = append(out, n.Content[i])
	}
	return out
}

// mapGet returns the value of key in mapping n, or nil.
func mapGet(n *yaml.Node, key string) *yaml.Node {
	_, v := mapEntry(n, key)
	return v
}

func mapEntry(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}
