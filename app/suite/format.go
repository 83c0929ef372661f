package suite

import (
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// Suite is one parsed test file and the workflow it tests.
type Suite struct {
	File      string // the test file, as given
	JSON      bool   // written as JSON (else YAML): --update keeps the format
	Workflow  string // the workflow file (a template, for a machine inside one)
	MachineID string // the state machine's LogicalId inside the template Workflow; "" for a workflow file
	name      string // T.<LogicalId> for the machine LogicalId inside template T; "" for a workflow file
	Type      engine.StateMachineType
	Timeout   time.Duration // per scenario
	// SampleAnswers answers every Task no mock covers with a generated
	// result shaped like the service's (engine/sample), as "Try it" does.
	SampleAnswers bool
	// MaxTransitions caps each run's state transitions (0: the engine's
	// default), so a polling loop answered by samples ends.
	MaxTransitions int64
	Scenarios      []*Scenario

	data    []byte
	root    *yaml.Node // the document's top mapping, for --update
	docNode *yaml.Node
	doc     *asl.Document
	machine *engine.Machine
	once    sync.Once
	states  map[string]*asl.State
}

// Scenario is one run and what it must show.
type Scenario struct {
	Name string
	At   Pos

	Input     any
	InputFile string         // relative to the test file's folder
	TestCase  string         // a test case of the workflow's NAME.mocks.json
	Mocks     map[string]any // state -> MockedResponse (AWS's shape), inline
	mockAt    map[string]Pos
	Timeout   time.Duration
	Expect    Expect

	node *yaml.Node     // the scenario's mapping
	tc   *mock.TestCase // the mocks, from TestCase or Mocks; nil for none
}

// Pos is a place in the test file (1-based).
type Pos struct{ Line, Column int }

// Value is a JSON value written in the file, and where.
type Value struct {
	V  any
	At Pos
}

// Expect lists what a scenario's run must show; nil or empty fields are
// not checked.
type Expect struct {
	At             Pos
	Status         *Text
	Output         *Value // exact
	OutputContains *Value // partial: objects may have more keys
	Assertions     []Assertion
	Error, Cause   *Text
	Path           []string // exact list of the states entered, at any depth, in reading order (see Observation.Path)
	PathAt         Pos
	HasPath        bool
	PassesThrough  []Named
	NeverReaches   []Named
	States         []*StateExpect
}

// Text is a string written in the file, and where.
type Text struct {
	S  string
	At Pos
}

// Named is a state name written in the file, and where.
type Named struct {
	Name string
	At   Pos
}

// Assertion checks the value a JSONPath selects in the output.
type Assertion struct {
	At       Pos
	Path     string
	Equals   *Value
	Contains *Value
	Exists   *bool
	path     *jsonpath.Path
}

// StateExpect checks one state: its output (last visit), the variables it
// assigned, how often it was retried, how many Map iterations it ran, how
// often it was entered.
type StateExpect struct {
	Name           string
	At             Pos
	Output         *Value
	OutputContains *Value
	Variables      []Var
	Retries        *Count
	Iterations     *Count
	Visits         *Count
}

// Var is an expected variable value.
type Var struct {
	Name  string
	Value Value
}

// Count is an expected number, and where.
type Count struct {
	N  int
	At Pos
}

// Key names the state machine the suite runs: its workflow file, or the
// template and the machine's LogicalId (two machines may share a template).
func (s *Suite) Key() string {
	if s.MachineID != "" {
		return s.Workflow + "#" + s.MachineID
	}
	return s.Workflow
}
