package iac

import (
	"fmt"
	"regexp"
	"sync"

	"gopkg.in/yaml.v3"
)

// fileVar is the Serverless Framework's ${file(path)} variable.
var fileVar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{file\(([^)]+)\)\}$`) })

// scanServerless lists stepFunctions.stateMachines of a serverless.yml
// (the serverless-step-functions plugin).
func scanServerless(path string, src []byte, rs resolver) (*Template, error) {
	doc, err := parseYAML(src)
	if err != nil {
		return nil, fmt.Errorf("parse Serverless file: %w", err)
	}
	t := &Template{Path: path, Kind: Serverless, Machines: []Machine{}}
	if len(doc.Content) == 0 {
		return t, nil
	}
	machines := mapGet(mapGet(doc.Content[0], "stepFunctions"), "stateMachines")
	if machines == nil || machines.Kind != yaml.MappingNode {
		return t, nil
	}
	l := newLines(src)
	for i := 0; i+1 < len(machines.Content); i += 2 {
		k, v := machines.Content[i], machines.Content[i+1]
		m := Machine{ID: k.Value, Type: "serverless-step-functions", File: path, Line: k.Line, Substitutions: []Substitution{}, src: src}
		m.Substitutions = substitutions(mapGet(v, "definitionSubstitutions"))
		dk, dv := mapEntry(v, "definition")
		switch {
		case dv == nil:
			m.Problem = "the state machine has no definition"
		case dv.Kind == yaml.MappingNode:
			m.Origin = "definition"
			definitionObject(&m, l, dk, dv)
		case dv.Kind == yaml.ScalarNode && fileVar().MatchString(dv.Value):
			m.Origin = "${file()}"
			ref := reference{what: "${file()}", text: fileVar().FindStringSubmatch(dv.Value)[1], line: dv.Line, col: dv.Column}
			rs.fileRef(&m, localPath(ref, path))
		default:
			m.Problem = fmt.Sprintf("the definition on line %d is neither an inline object nor ${file(...)}", dv.Line)
		}
		t.Machines = append(t.Machines, m)
	}
	return t, nil
}
