package engine

import "slices"

// PauseMode says how many Map iterations (or Parallel branches) may stop
// at breakpoints at once.
type PauseMode string

const (
	// PauseOne lets one iteration at a time run into a breakpoint: the
	// others wait before entering the breakpointed state, and go on in
	// index order once the paused one has finished. It is the default,
	// so stepping through one item is not raced by its siblings.
	PauseOne PauseMode = "one"
	// PauseAll pauses every iteration that reaches a breakpoint.
	PauseAll PauseMode = "all"
)

// PathStep is one level of where a paused thread runs: a Map iteration
// (State is the Map, Index the item) or a Parallel branch (Branch set,
// Index the branch).
type PathStep struct {
	State  string `json:"state"`
	Index  int    `json:"index"`
	Branch bool   `json:"branch,omitempty"`
}

// Pause is one thread of a run stopped before a state: the top level, a
// Map iteration or a Parallel branch, outermost first in Path.
type Pause struct {
	ID    int64      `json:"id"` // new for every stop; Step takes it
	State string     `json:"state"`
	Path  []PathStep `json:"path"`
	Input any        `json:"-"` // what the state is about to get
}

// thread is one sequence of states: the top level, a Map iteration or a
// Parallel branch. It lives in its scope (no allocation per item); its
// fields are guarded by the controller's mu.
type thread struct {
	parent *thread
	at     PathStep // where in parent: the Map item or the branch
	// step: pause before the next state (set by Step; valid while stepGen
	// equals the controller's gen, so Resume cancels it).
	step    bool
	stepGen int64
	// focusFrom is whom this thread took the focus from (PauseOne).
	focusFrom *thread
}

// path is where t runs, outermost first; built only when t stops.
func (t *thread) path() []PathStep {
	var out []PathStep
	for c := t; c.parent != nil; c = c.parent {
		out = append(out, c.at)
	}
	slices.Reverse(out)
	return out
}

// order is t's indices along its path: waiting threads go in this order.
func (t *thread) order() []int {
	var out []int
	for c := t; c.parent != nil; c = c.parent {
		out = append(out, c.at.Index)
	}
	slices.Reverse(out)
	return out
}

// isAncestorOf reports whether t encloses c (a Map or Parallel t runs).
func (t *thread) isAncestorOf(c *thread) bool {
	for p := c.parent; p != nil; p = p.parent {
		if p == t {
			return true
		}
	}
	return false
}

func orderLess(a, b []int) bool {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}
