package suite

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// FileFor is the test file of the workflow at workflowPath: the one beside
// it (NAME.tests.yaml, .yml or .json) when there is one, else where a new
// one goes (NAME.tests.yaml), and whether it exists.
func FileFor(workflowPath string) (string, bool) { return FileForMachine(workflowPath, "") }

// FileForMachine is FileFor for the state machine machineID inside the
// template at workflowPath (T.<LogicalId>.tests.yaml beside T.yaml), or
// for the workflow file itself when machineID is "".
func FileForMachine(workflowPath, machineID string) (string, bool) {
	dir, base := filepath.Dir(workflowPath), filepath.Base(workflowPath)
	if machineID != "" {
		base = templateMachineName(workflowPath, machineID)
	} else {
		for _, ext := range []string{".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"} {
			if strings.HasSuffix(base, ext) && len(base) > len(ext) {
				base = strings.TrimSuffix(base, ext)
				break
			}
		}
	}
	for _, s := range Suffixes {
		p := filepath.Join(dir, base+s)
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			return p, true
		}
	}
	return filepath.Join(dir, base+".tests.yaml"), false
}

// Append adds sc to the test file whose text is data (nil: the file does
// not exist yet), runs it on wf and writes what the run did as its
// expectations (status, output or error and cause, path), as --update
// does for a scenario without any. It returns the file's new text, in the
// file's own format, the name the scenario got (made unique) and its
// result; the caller writes the text.
func Append(ctx context.Context, file string, data []byte, wf Source, sc NewScenario) ([]byte, *Result, error) {
	isJSON := strings.HasSuffix(file, ".json")
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte("scenarios: []\n")
	}
	p := &parser{file: file}
	docNode, root := p.document(data, isJSON)
	if root == nil {
		return nil, nil, p.errs
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, &Error{File: file, Pos: posOf(root), Msg: "the test file must be a mapping with a list under \"scenarios:\""}
	}
	list := deref(valueOf(root, "scenarios"))
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, strNode("scenarios"), list)
	}
	if list.Kind != yaml.SequenceNode {
		return nil, nil, &Error{File: file, Pos: posOf(list), Msg: "scenarios must be a list to add one to it"}
	}
	list.Style = 0 // "scenarios: []" of a new file: write the list as a block
	sc.Name = uniqueName(list, sc.Name)
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	n.Content = append(n.Content, strNode("name"), strNode(sc.Name), strNode("input"), toNode(sc.Input))
	if len(sc.Mocks) > 0 {
		n.Content = append(n.Content, strNode("mocks"), toNode(sc.Mocks))
	}
	list.Content = append(list.Content, n)
	text, err := encode(docNode, root, isJSON)
	if err != nil {
		return nil, nil, err
	}
	s, err := parse(file, text, &wf)
	if err != nil {
		return nil, nil, fmt.Errorf("the scenario made of the run does not fit the test file: %w", err)
	}
	added := s.Scenarios[len(s.Scenarios)-1]
	results := Run(ctx, []*Suite{s}, Options{Workers: 1, Select: func(_ *Suite, c *Scenario) bool { return c == added }})
	r := results[0]
	if r.Err != nil {
		return nil, r, fmt.Errorf("scenario %q: %w", added.Name, r.Err)
	}
	out, _, err := s.Update(results)
	if err != nil {
		return nil, r, err
	}
	return out, r, nil
}

// uniqueName is name, or name (2), (3)… when a scenario has it already.
func uniqueName(list *yaml.Node, name string) string {
	if strings.TrimSpace(name) == "" {
		name = "a saved run"
	}
	taken := map[string]bool{}
	for _, c := range list.Content {
		if v := valueOf(deref(c), "name"); v != nil {
			taken[v.Value] = true
		}
	}
	out := name
	for i := 2; taken[out]; i++ {
		out = fmt.Sprintf("%s (%d)", name, i)
	}
	return out
}

// encode writes a test file's nodes back in its format.
func encode(docNode, root *yaml.Node, isJSON bool) ([]byte, error) {
	if isJSON {
		var b strings.Builder
		if err := writeJSON(&b, root, ""); err != nil {
			return nil, err
		}
		b.WriteString("\n")
		return []byte(b.String()), nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(docNode); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
