package asl

import "slices"

// The state types.
const (
	TypeTask     = "Task"
	TypePass     = "Pass"
	TypeChoice   = "Choice"
	TypeWait     = "Wait"
	TypeSucceed  = "Succeed"
	TypeFail     = "Fail"
	TypeParallel = "Parallel"
	TypeMap      = "Map"
)

// The query languages.
const (
	JSONPath = "JSONPath"
	JSONata  = "JSONata"
)

// State is one state of a StateMachine with every field of every state type.
// Fields that do not belong to Type stay zero unless the source sets them
// (the validator reports those). Fields holding JSON values (payload
// templates, JSONata-capable values) are *Node; the typed numeric fields are
// set only when the source holds a literal number, so in a JSONata state a
// "{% … %}" TimeoutSeconds leaves TimeoutSeconds nil and sits at
// Node.Get("TimeoutSeconds").
type State struct {
	Name      string
	NameRange Range // the key's range in States
	Node      *Node // the state's object; Node.Get(field) locates any field
	Type      string
	Comment   string
	// QueryLanguage as written on the state ("" when inherited).
	QueryLanguage string

	// Transitions.
	Next string
	End  bool

	// JSONPath data flow. A nil *PathValue means absent.
	InputPath      *PathValue
	OutputPath     *PathValue
	ResultPath     *PathValue
	Parameters     *Node
	ResultSelector *Node

	// JSONata data flow and Variables (Assign works in both languages).
	Arguments *Node
	Output    *Node
	Assign    *Node

	// Pass.
	Result *Node

	// Task.
	Resource             string
	Integration          Integration // parsed Resource
	TimeoutSeconds       *int64
	TimeoutSecondsPath   string
	HeartbeatSeconds     *int64
	HeartbeatSecondsPath string
	Credentials          *Node

	// Task, Parallel and Map.
	Retry []*Retrier
	Catch []*Catcher

	// Choice.
	Choices []*ChoiceRule
	Default string

	// Wait.
	Seconds       *int64
	SecondsPath   string
	Timestamp     string
	TimestampPath string

	// Fail.
	Error     string
	ErrorPath string
	Cause     string
	CausePath string

	// Parallel.
	Branches []*StateMachine

	// Map. ItemProcessor holds ItemProcessor or, in older definitions,
	// Iterator (LegacyIterator then reports which). ItemSelector holds
	// ItemSelector or the legacy Parameters of a Map.
	ItemProcessor                  *StateMachine
	LegacyIterator                 bool
	Items                          *Node // JSONata
	ItemsPath                      *PathValue
	ItemSelector                   *Node
	ItemReader                     *ItemReader
	ItemBatcher                    *ItemBatcher
	ResultWriter                   *ResultWriter
	MaxConcurrency                 *int64
	MaxConcurrencyPath             string
	ToleratedFailurePercentage     *float64
	ToleratedFailurePercentagePath string
	ToleratedFailureCount          *int64
	ToleratedFailureCountPath      string
	Label                          string
}

// Field returns the value node of one of the state's fields, or nil.
func (s *State) Field(name string) *Node { return s.Node.Get(name) }

// Terminal reports whether the state ends its machine: End true, or a
// Succeed or Fail state.
func (s *State) Terminal() bool {
	return s.End || s.Type == TypeSucceed || s.Type == TypeFail
}

// Distributed reports whether s is a Distributed Map.
func (s *State) Distributed() bool {
	return s.Type == TypeMap && s.ItemProcessor != nil && s.ItemProcessor.ProcessorConfig.Distributed()
}

func decodeState(f *Field) *State {
	n := f.Value
	s := &State{Name: f.Key, NameRange: f.KeyRange, Node: n}
	if !n.Is(KindObject) {
		return s
	}
	// One pass over the fields rather than a lookup per name the model
	// reads (some sixty, against a dozen fields in a state), last to first
	// so that the first of duplicate keys wins, as Get does.
	var processor, iterator *Node
	for _, fl := range slices.Backward(n.Fields) {
		v := fl.Value
		switch fl.Key {
		case "Type":
			s.Type = strOf(v)
		case "Comment":
			s.Comment = strOf(v)
		case "QueryLanguage":
			s.QueryLanguage = strOf(v)
		case "Next":
			s.Next = strOf(v)
		case "End":
			s.End = boolOf(v)
		case "InputPath":
			s.InputPath = pathOf(v)
		case "OutputPath":
			s.OutputPath = pathOf(v)
		case "ResultPath":
			s.ResultPath = pathOf(v)
		case "Parameters":
			s.Parameters = v
		case "ResultSelector":
			s.ResultSelector = v
		case "Arguments":
			s.Arguments = v
		case "Output":
			s.Output = v
		case "Assign":
			s.Assign = v
		case "Result":
			s.Result = v
		case "Resource":
			s.Resource = strOf(v)
		case "TimeoutSeconds":
			s.TimeoutSeconds = intOf(v)
		case "TimeoutSecondsPath":
			s.TimeoutSecondsPath = strOf(v)
		case "HeartbeatSeconds":
			s.HeartbeatSeconds = intOf(v)
		case "HeartbeatSecondsPath":
			s.HeartbeatSecondsPath = strOf(v)
		case "Credentials":
			s.Credentials = v
		case "Retry":
			s.Retry = decodeRetry(v)
		case "Catch":
			s.Catch = decodeCatch(v)
		case "Choices":
			s.Choices = decodeRules(v)
		case "Default":
			s.Default = strOf(v)
		case "Seconds":
			s.Seconds = intOf(v)
		case "SecondsPath":
			s.SecondsPath = strOf(v)
		case "Timestamp":
			s.Timestamp = strOf(v)
		case "TimestampPath":
			s.TimestampPath = strOf(v)
		case "Error":
			s.Error = strOf(v)
		case "ErrorPath":
			s.ErrorPath = strOf(v)
		case "Cause":
			s.Cause = strOf(v)
		case "CausePath":
			s.CausePath = strOf(v)
		case "Branches":
			s.Branches = decodeBranches(v)
		case "ItemProcessor":
			processor = objectOf(v)
		case "Iterator":
			iterator = objectOf(v)
		default:
			decodeMapField(s, fl.Key, v)
		}
	}
	s.Integration = ParseResource(s.Resource)
	switch {
	case processor != nil:
		s.ItemProcessor = DecodeMachine(processor)
	case iterator != nil:
		s.ItemProcessor = DecodeMachine(iterator)
		s.LegacyIterator = true
	}
	if s.ItemSelector == nil && s.Type == TypeMap {
		s.ItemSelector = s.Parameters
	}
	return s
}

func decodeBranches(v *Node) []*StateMachine {
	if !v.Is(KindArray) {
		return nil
	}
	var out []*StateMachine
	for _, b := range v.Items {
		if b.Is(KindObject) {
			out = append(out, DecodeMachine(b))
		}
	}
	return out
}
