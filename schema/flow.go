package schema

import (
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func (c *checker) startAt(sc scope) {
	n := sc.m.Node.Get("StartAt")
	if !n.Is(asl.KindString) || !sc.m.Node.Get("States").Is(asl.KindObject) {
		return // the schema reports a missing or mistyped StartAt or States
	}
	if sc.m.State(n.Str) == nil {
		c.errorAt(asl.Append(sc.ptr, "StartAt"), n, CodeMissingTarget,
			"StartAt names %q, but this machine has no state of that name.%s", n.Str, c.targetHint(sc.m, n.Str))
	}
}

// targetHint explains a missing target: it exists in another (sub-)machine,
// or it is a typo of a state of this one.
func (c *checker) targetHint(m *asl.StateMachine, name string) string {
	if c.allStates == nil {
		c.allStates = map[string]bool{}
		collectNames(c.doc.Machine, c.allStates)
	}
	if c.allStates[name] {
		return " A state with that name exists in another branch or Map; states can only move to states of their own machine."
	}
	// Suggestions cost a pass over the machine's names: a broken file with
	// thousands of bad targets gets them for the first few only.
	if c.suggested++; c.suggested > maxSuggestions {
		return " Check the spelling (names are case-sensitive) or add the state."
	}
	names := make([]string, 0, len(m.States))
	for _, s := range m.States {
		names = append(names, s.Name)
	}
	if hint := didYouMean(name, names); hint != "" {
		return hint
	}
	return " Check the spelling (names are case-sensitive) or add the state."
}

// maxSuggestions bounds the did-you-mean searches of one validation.
const maxSuggestions = 20

// collectNames adds the names of every state of m and its nested machines.
func collectNames(m *asl.StateMachine, into map[string]bool) {
	if m == nil {
		return
	}
	for _, s := range m.States {
		into[s.Name] = true
		for _, b := range s.Branches {
			collectNames(b, into)
		}
		collectNames(s.ItemProcessor, into)
	}
}

// stateNames checks AWS's naming rules and that names are unique across
// the whole definition (AWS refuses a name reused in a branch or processor).
func (c *checker) stateNames(sc scope) {
	for _, s := range sc.m.States {
		ptr := func() string { return asl.Append(sc.ptr, "States", s.Name) } // only built to report
		if c.names[s.Name] {
			c.report(Error, ptr(), s.NameRange, CodeDuplicateState,
				"The state name %q is used more than once. State names must be unique in the whole state machine, branches and Map processors included; rename one of them.", s.Name)
		}
		c.names[s.Name] = true
		switch n := utf8.RuneCountInString(s.Name); {
		case n < tableRules().stateNames.Min:
			c.report(Error, ptr(), s.NameRange, CodeInvalidStateName, "A state name is empty. Give the state a name.")
		case n > tableRules().stateNames.Max:
			c.report(Error, ptr(), s.NameRange, CodeInvalidStateName,
				"The state name %q is %d characters long; the limit is %d. Shorten it.", s.Name, n, tableRules().stateNames.Max)
		}
		for _, r := range s.Name {
			if unicode.IsControl(r) {
				c.report(Error, ptr(), s.NameRange, CodeInvalidStateName,
					"The state name %q contains the control character %U. Remove it.", s.Name, r)
				break
			}
		}
	}
}

func (c *checker) nextOrEnd(s *asl.State, ptr string) {
	switch s.Type {
	case asl.TypeTask, asl.TypePass, asl.TypeWait, asl.TypeParallel, asl.TypeMap:
	default:
		return
	}
	next, end := s.Field("Next"), s.Field("End")
	switch {
	case next != nil && s.End:
		c.errorAt(asl.Append(ptr, "End"), end, CodeSchema,
			"State %q has both Next and End: true. Keep Next to continue, or End to stop here.", s.Name)
	case next == nil && !s.End:
		msg := "State %q has neither Next nor End: true. Add Next with the following state, or End: true if the machine ends here."
		if end.Is(asl.KindBool) {
			msg = "State %q has End: false and no Next. Add Next with the following state, or set End to true."
		}
		c.errorKey(ptr, CodeSchema, msg, s.Name)
	}
}

// transitions checks that every target exists in the same machine, that
// every state is reachable from StartAt and that the machine can end.
func (c *checker) transitions(sc scope) {
	m := sc.m
	terminal := false
	edges := make(map[*asl.State][]asl.Transition, len(m.States))
	for _, s := range m.States {
		if s.Terminal() {
			terminal = true
		}
		edges[s] = s.Transitions()
		for _, t := range edges[s] {
			if m.State(t.Target) == nil {
				c.errorAt(asl.Append(sc.ptr, "States", s.Name)+t.Pointer, t.Node, CodeMissingTarget,
					"State %q goes to %q, but this machine has no state of that name.%s", s.Name, t.Target, c.targetHint(m, t.Target))
			}
		}
	}
	if len(m.States) > 0 && !terminal {
		c.errorKey(asl.Append(sc.ptr, "States"), CodeMissingEndState,
			"No state ends this machine. Add a Succeed or Fail state, or set End: true on the last state.")
	}
	start := m.Start()
	if start == nil {
		return // reported by startAt; reachability would flag every state
	}
	reached := make(map[*asl.State]bool, len(m.States))
	reached[start] = true
	queue := append(make([]*asl.State, 0, len(m.States)), start)
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, t := range edges[s] {
			if next := m.State(t.Target); next != nil && !reached[next] {
				reached[next] = true
				queue = append(queue, next)
			}
		}
	}
	for _, s := range m.States {
		if !reached[s] && m.State(s.Name) == s && s.Node.Is(asl.KindObject) {
			c.report(Error, asl.Append(sc.ptr, "States", s.Name), s.NameRange, CodeUnreachable,
				"State %q is never reached: no state goes to it and it is not StartAt. Connect it with Next, Default, a Choice rule or a Catch, or remove it.", s.Name)
		}
	}
}
