package asl

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
	s.Type = str(n, "Type")
	s.Comment = str(n, "Comment")
	s.QueryLanguage = str(n, "QueryLanguage")
	s.Next = str(n, "Next")
	s.End = boolean(n, "End")

	s.InputPath = pathPtr(n, "InputPath")
	s.OutputPath = pathPtr(n, "OutputPath")
	s.ResultPath = pathPtr(n, "ResultPath")
	s.Parameters = n.Get("Parameters")
	s.ResultSelector = n.Get("ResultSelector")
	s.Arguments = n.Get("Arguments")
	s.Output = n.Get("Output")
	s.Assign = n.Get("Assign")
	s.Result = n.Get("Result")

	s.Resource = str(n, "Resource")
	s.Integration = ParseResource(s.Resource)
	s.TimeoutSeconds = intPtr(n, "TimeoutSeconds")
	s.TimeoutSecondsPath = str(n, "TimeoutSecondsPath")
	s.HeartbeatSeconds = intPtr(n, "HeartbeatSeconds")
	s.HeartbeatSecondsPath = str(n, "HeartbeatSecondsPath")
	s.Credentials = n.Get("Credentials")

	s.Retry = decodeRetry(n.Get("Retry"))
	s.Catch = decodeCatch(n.Get("Catch"))

	if cs := n.Get("Choices"); cs.Is(KindArray) {
		for _, c := range cs.Items {
			s.Choices = append(s.Choices, DecodeChoiceRule(c))
		}
	}
	s.Default = str(n, "Default")

	s.Seconds = intPtr(n, "Seconds")
	s.SecondsPath = str(n, "SecondsPath")
	s.Timestamp = str(n, "Timestamp")
	s.TimestampPath = str(n, "TimestampPath")

	s.Error = str(n, "Error")
	s.ErrorPath = str(n, "ErrorPath")
	s.Cause = str(n, "Cause")
	s.CausePath = str(n, "CausePath")

	if bs := n.Get("Branches"); bs.Is(KindArray) {
		for _, b := range bs.Items {
			if b.Is(KindObject) {
				s.Branches = append(s.Branches, DecodeMachine(b))
			}
		}
	}
	decodeMap(s, n)
	return s
}
