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

// Pointers of the first rules' targets, built once: Transitions runs for
// every state on every validation.
var choicePointers, catchPointers = rulePointers("/Choices/"), rulePointers("/Catch/")

func rulePointers(prefix string) (out [16]string) {
	for i := range out {
		out[i] = prefix + strconv.Itoa(i) + "/Next"
	}
	return out
}

func rulePointer(table []string, prefix string, i int) string {
	if i < len(table) {
		return table[i]
	}
	return prefix + strconv.Itoa(i) + "/Next"
}

// Transitions lists the state's outgoing edges in source order: the Choice
// rules, Default, Next, then the Catchers. A target field that is not a
// string is skipped.
func (s *State) Transitions() []Transition {
	out := make([]Transition, 0, len(s.Choices)+len(s.Catch)+1)
	for i, r := range s.Choices {
		if n := r.Node.Get("Next"); n.Is(KindString) {
			out = append(out, Transition{Kind: ViaChoice, Target: n.Str, Index: i, Node: n, Pointer: rulePointer(choicePointers[:], "/Choices/", i)})
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
			out = append(out, Transition{Kind: ViaCatch, Target: n.Str, Index: i, Errors: c.ErrorEquals, Node: n, Pointer: rulePointer(catchPointers[:], "/Catch/", i)})
		}
	}
	return out
}
