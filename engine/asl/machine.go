package asl

// StateMachine is a top-level definition, a Parallel branch or a Map's
// ItemProcessor (Iterator): all have StartAt and States.
type StateMachine struct {
	Node           *Node
	Comment        string
	StartAt        string
	Version        string
	QueryLanguage  string // "JSONPath" (the default) or "JSONata"
	TimeoutSeconds *int64
	// ProcessorConfig is set only on a Map's ItemProcessor.
	ProcessorConfig *ProcessorConfig
	// States in source order; duplicates (invalid) are all kept.
	States []*State

	byName map[string]*State
}

// State returns the state named name (the first one when duplicated), or nil.
func (m *StateMachine) State(name string) *State {
	if m == nil {
		return nil
	}
	return m.byName[name]
}

// Start returns the StartAt state, or nil when it does not exist.
func (m *StateMachine) Start() *State { return m.State(m.StartAt) }

// ProcessorConfig is a Map ItemProcessor's ProcessorConfig.
type ProcessorConfig struct {
	Node          *Node
	Mode          string // "INLINE" (default) or "DISTRIBUTED"
	ExecutionType string // "STANDARD" or "EXPRESS" for DISTRIBUTED
}

// Distributed reports whether the processor runs as a Distributed Map.
func (c *ProcessorConfig) Distributed() bool { return c != nil && c.Mode == "DISTRIBUTED" }

// EffectiveQueryLanguage is the query language of a state: its own
// QueryLanguage, else the machine's, else the top level's ("JSONPath" when
// unset everywhere). top may be nil or m itself.
func EffectiveQueryLanguage(s *State, m, top *StateMachine) string {
	switch {
	case s != nil && s.QueryLanguage != "":
		return s.QueryLanguage
	case m != nil && m.QueryLanguage != "":
		return m.QueryLanguage
	case top != nil && top.QueryLanguage != "":
		return top.QueryLanguage
	}
	return "JSONPath"
}

// DecodeMachine decodes a StateMachine leniently from an object node.
func DecodeMachine(n *Node) *StateMachine {
	m := &StateMachine{Node: n}
	m.Comment = str(n, "Comment")
	m.StartAt = str(n, "StartAt")
	m.Version = str(n, "Version")
	m.QueryLanguage = str(n, "QueryLanguage")
	m.TimeoutSeconds = intPtr(n, "TimeoutSeconds")
	if pc := n.Get("ProcessorConfig"); pc.Is(KindObject) {
		m.ProcessorConfig = &ProcessorConfig{Node: pc, Mode: str(pc, "Mode"), ExecutionType: str(pc, "ExecutionType")}
	}
	states := n.Get("States")
	if !states.Is(KindObject) {
		return m // a nil byName finds no state
	}
	m.States = make([]*State, 0, len(states.Fields))
	m.byName = make(map[string]*State, len(states.Fields))
	for _, f := range states.Fields {
		s := decodeState(f)
		m.States = append(m.States, s)
		if _, dup := m.byName[s.Name]; !dup {
			m.byName[s.Name] = s
		}
	}
	return m
}
