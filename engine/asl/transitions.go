package asl

import "strconv"

// TransitionKind says which field an outgoing edge comes from.
type TransitionKind string

// The transition kinds.
const (
	ViaNext    TransitionKind = "Next"
	ViaDefault TransitionKind = "Default"
	ViaChoice  TransitionKind = "Choice" // Choices[Index].Next
	ViaCatch   TransitionKind = "Catch"  // Catch[Index].Next
)

// Transition is one outgoing edge of a state within its machine.
type Transition struct {
	Kind   TransitionKind
	Target string
	Index  int      // rule index for ViaChoice and ViaCatch, else 0
	Errors []string // ErrorEquals of a ViaCatch edge
	Node   *Node    // the string node naming the target (for its range)
	// Pointer is the target's location relative to the state, e.g.
	// "/Choices/2/Next" or "/Catch/0/Next".
	Pointer string
}

// Transitions lists the state's outgoing edges in source order: the Choice
// rules, Default, Next, then the Catchers. A target field that is not a
// string is skipped.
func (s *State) Transitions() []Transition {
	var out []Transition
	for i, r := range s.Choices {
		if n := r.Node.Get("Next"); n.Is(KindString) {
			out = append(out, Transition{Kind: ViaChoice, Target: n.Str, Index: i, Node: n, Pointer: "/Choices/" + strconv.Itoa(i) + "/Next"})
		}
	}
	if n := s.Node.Get("Default"); n.Is(KindString) {
		out = append(out, Transition{Kind: ViaDefault, Target: n.Str, Node: n, Pointer: "/Default"})
	}
	if n := s.Node.Get("Next"); n.Is(KindString) {
		out = append(out, Transition{Kind: ViaNext, Target: n.Str, Node: n, Pointer: "/Next"})
	}
	for i, c := range s.Catch {
		if n := c.Node.Get("Next"); n.Is(KindString) {
			out = append(out, Transition{Kind: ViaCatch, Target: n.Str, Index: i, Errors: c.ErrorEquals, Node: n, Pointer: "/Catch/" + strconv.Itoa(i) + "/Next"})
		}
	}
	return out
}
