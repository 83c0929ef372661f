package suite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/mock"
	"github.com/stepstudio/stepstudio/schema"
)

// MaxFileSize caps a test file: scenarios with inline inputs and mocks.
const MaxFileSize = 4 << 20

var testFiles = files.Limit{Max: MaxFileSize, What: "test files"}

// Suffixes a test file's name ends with.
var Suffixes = []string{".tests.yaml", ".tests.yml", ".tests.json"}

// IsTestFile reports whether name is a test file's name.
func IsTestFile(name string) bool {
	for _, s := range Suffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return true
		}
	}
	return false
}

// baseName is NAME of NAME.tests.yaml.
func baseName(file string) string {
	b := filepath.Base(file)
	for _, s := range Suffixes {
		b = strings.TrimSuffix(b, s)
	}
	return b
}

// Load reads a test file and everything it names (the workflow, input
// files, the workflow's NAME.mocks.json), ready to Run. Problems in the
// test file come back as Errors, each located.
func Load(file string) (*Suite, error) {
	data, err := files.ReadFile(file, testFiles)
	if err != nil {
		return nil, err
	}
	return parse(file, data, nil)
}

// Source is a workflow's text as an editor holds it, perhaps not yet
// saved: the studio runs a suite against what is open, not what is on disk.
type Source struct {
	Path string // the workflow's file, or the template holding it
	// MachineID is the state machine's LogicalId when Path is a template.
	MachineID string
	Text      []byte
}

// LoadFor reads a test file but takes its workflow from wf instead of the
// disk (whatever its workflow key names): the studio's Tests panel runs
// the document being edited.
func LoadFor(file string, wf Source) (*Suite, error) {
	data, err := files.ReadFile(file, testFiles)
	if err != nil {
		return nil, err
	}
	return parse(file, data, &wf)
}

// parse reads a test file's text; wf, when given, is the workflow's text.
func parse(file string, data []byte, wf *Source) (*Suite, error) {
	s := &Suite{File: file, JSON: strings.HasSuffix(file, ".json"), data: data}
	p := &parser{file: file}
	docNode, root := p.document(data, s.JSON)
	if root == nil {
		return nil, p.errs
	}
	s.root, s.docNode = root, docNode
	wfNode, scNode := p.header(root, s)
	dir := filepath.Dir(file)
	doc, err := s.loadWorkflow(dir, wfNode, wf)
	if err != nil {
		at := Pos{}
		if wfNode != nil {
			at = posOf(wfNode)
		}
		p.errs = append(p.errs, &Error{File: file, Pos: at, Msg: err.Error()})
		return nil, p.errs
	}
	s.doc = doc
	p.states = s.machine.StateNames()
	if scNode != nil {
		p.scenarios(scNode, s)
	}
	if len(p.errs) == 0 {
		s.prepare(p, dir)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return s, nil
}

// loadWorkflow finds, validates and compiles the workflow: the file the
// workflow key names (inside the test file's folder), else NAME.asl.json
// or NAME.asl.yaml beside the test file.
func (s *Suite) loadWorkflow(dir string, wf *yaml.Node, given *Source) (*asl.Document, error) {
	var (
		src []byte
		err error
	)
	switch {
	case given != nil && given.MachineID != "":
		// A machine inside a template, as the editor holds it.
		s.Workflow, s.MachineID, s.name = given.Path, given.MachineID, templateMachineName(given.Path, given.MachineID)
		src = []byte(iac.IntrinsicsAsPlaceholders(string(given.Text)))
	case given != nil:
		s.Workflow, src = given.Path, given.Text
	case wf != nil:
		s.Workflow = filepath.Join(dir, wf.Value)
		src, err = files.ReadIn(dir, wf.Value, files.Definitions)
	default:
		name := baseName(s.File)
		for _, ext := range []string{".asl.json", ".asl.yaml", ".asl.yml"} {
			s.Workflow = filepath.Join(dir, name+ext)
			if _, statErr := os.Stat(s.Workflow); statErr == nil {
				break
			}
		}
		src, err = files.ReadFile(s.Workflow, files.Definitions)
		if errors.Is(err, os.ErrNotExist) {
			// T.<LogicalId>.tests.yaml: the machine inside template T.
			o, ok, tErr := templateMachine(dir, name)
			if !ok {
				return nil, errNoWorkflow(name)
			}
			if tErr != nil {
				return nil, tErr
			}
			s.Workflow, s.MachineID, s.name = filepath.Join(dir, filepath.Base(o.Template)), o.ID, name
			src, err = []byte(iac.IntrinsicsAsPlaceholders(o.Text)), nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("workflow: %w", err)
	}
	// A machine inside a template keeps the template's substitutions
	// (${Name}) until deployment: they are accepted where a value will be
	// substituted, as the studio accepts them.
	res := schema.Validate(s.Workflow, src, schema.Options{Placeholders: s.name != ""})
	if !res.Valid() {
		var b strings.Builder
		fmt.Fprintf(&b, "workflow %s is not a valid state machine definition:", s.Workflow)
		for _, d := range res.Diagnostics {
			if d.Severity == schema.Error {
				fmt.Fprintf(&b, "\n  %s:%d:%d: %s", s.Workflow, d.Range.Start.Line, d.Range.Start.Column, d.Message)
			}
		}
		return nil, errors.New(b.String())
	}
	m, err := engine.Compile(res.Document)
	if err != nil {
		return nil, err
	}
	s.machine = m
	return res.Document, nil
}

// machineName is the workflow's name as mock files know it: NAME of
// NAME.asl.json.
func (s *Suite) machineName() string {
	if s.name != "" {
		return s.name // T.<LogicalId>, the machine inside template T
	}
	b := filepath.Base(s.Workflow)
	for _, ext := range []string{".json", ".yaml", ".yml", ".asl"} {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

// prepare reads input files and turns each scenario's mocks into the
// engine's test case, reporting problems at the scenario's keys.
func (s *Suite) prepare(p *parser, dir string) {
	var cfg *mock.Config
	var cfgErr error
	loadCfg := func() (*mock.Config, error) {
		if cfg == nil && cfgErr == nil {
			name := s.machineName() + ".mocks.json"
			b, err := files.ReadIn(dir, name, files.Mocks)
			if err != nil {
				cfgErr = fmt.Errorf("testCase needs the workflow's mock file %s: %w", name, err)
			} else {
				cfg, cfgErr = mock.Parse(filepath.Join(dir, name), b)
			}
		}
		return cfg, cfgErr
	}
	for _, sc := range s.Scenarios {
		at := func(key string) *yaml.Node { return valueOf(sc.node, key) }
		if sc.InputFile != "" {
			b, err := files.ReadIn(dir, sc.InputFile, files.Inputs)
			if err == nil {
				sc.Input, err = engine.DecodeJSON(b)
				if err != nil {
					err = fmt.Errorf("%s is not JSON: %w", sc.InputFile, err)
				}
			}
			if err != nil {
				p.errorf(at("inputFile"), "scenario %q: inputFile: %v", sc.Name, err)
			}
		}
		switch {
		case sc.TestCase != "":
			c, err := loadCfg()
			if err == nil {
				sc.tc, err = c.TestCase(s.machineName(), sc.TestCase)
				if errors.Is(err, mock.ErrNoTestCase) {
					sc.tc, err = c.TestCase("", sc.TestCase)
				}
			}
			if err == nil {
				err = sc.tc.CheckStates(p.states)
			}
			if err != nil {
				p.errorf(at("testCase"), "scenario %q: testCase %q: %v", sc.Name, sc.TestCase, err)
			}
		case sc.Mocks != nil:
			s.inlineMocks(p, sc)
		}
	}
}

// inlineMocks checks a scenario's mocks with the MockConfigFile parser, so
// they follow exactly the rules of NAME.mocks.json, and keeps the test
// case it builds. Each problem is reported at the state's mock.
func (s *Suite) inlineMocks(p *parser, sc *Scenario) {
	tc := map[string]any{}
	for state := range sc.Mocks {
		tc[state] = state
	}
	cfg := map[string]any{
		"StateMachines":   map[string]any{"suite": map[string]any{"TestCases": map[string]any{"inline": tc}}},
		"MockedResponses": sc.Mocks,
	}
	b, err := jsonvalue.Marshal(cfg)
	if err == nil {
		var c *mock.Config
		c, err = mock.Parse("", b)
		if err == nil {
			sc.tc, err = c.TestCase("suite", "inline")
			return
		}
	}
	var es mock.Errors
	if !errors.As(err, &es) {
		p.errorf(valueOf(sc.node, "mocks"), "scenario %q: mocks: %v", sc.Name, err)
		return
	}
	for _, e := range es {
		state, rest := splitMockPointer(e.Pointer)
		pos, ok := sc.mockAt[state]
		if !ok {
			pos = posOf(valueOf(sc.node, "mocks"))
		}
		where := state
		if rest != "" {
			where += " " + rest
		}
		p.errs = append(p.errs, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf("scenario %q: mocks: %s: %s", sc.Name, where, e.Msg)})
	}
}

// splitMockPointer reads "/MockedResponses/STATE/0/Return" as STATE and
// "/0/Return".
func splitMockPointer(ptr string) (state, rest string) {
	const prefix = "/MockedResponses/"
	if !strings.HasPrefix(ptr, prefix) {
		return "", ptr
	}
	tail := ptr[len(prefix):]
	i := strings.IndexByte(tail, '/')
	if i < 0 {
		return unescape(tail), ""
	}
	return unescape(tail[:i]), tail[i:]
}

// valueOf is the value of key in mapping n (nil when absent).
func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// unescape reads a JSON Pointer token.
func unescape(tok string) string { return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok) }
