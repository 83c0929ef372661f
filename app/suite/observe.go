package suite

import (
	"slices"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Observation is what one run showed, read from its history events (and,
// for the Choice rule and the Catch that matched, from the engine's stage
// reports, which name them exactly where two rules share a target).
type Observation struct {
	Result engine.Result
	// Path lists the states entered, at any depth, in reading order: a
	// Parallel's branches one after the other, a Map's iterations in
	// item order (the history interleaves concurrent branches).
	Path []string

	visits     map[string]int
	outputs    map[string]string            // state -> last output (JSON text)
	variables  map[string]map[string]string // state -> variable -> JSON text, last assigned
	retries    map[string]int
	iterations map[string]int

	// Coverage facts.
	choices     map[string]map[int]bool // state -> rule index, -1 the Default
	catches     map[string]map[int]bool
	retried     map[string]map[int]bool
	transitions map[[2]string]bool // from -> to
}

// stages collects the Choice and Catch stage reports of one run.
type stages struct {
	mu      sync.Mutex
	choices map[string]map[int]bool
	catches map[string][]map[string]any
}

func (s *stages) OnEvent(engine.Event) {}

func (s *stages) OnStage(st engine.Stage) {
	if st.Step != "Choice" && st.Step != "Catch" {
		return
	}
	m, _ := st.Value.(map[string]any)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch st.Step {
	case "Choice":
		i := -1
		if r, ok := m["Rule"].(int64); ok {
			i = int(r)
		}
		mark(s.choices, st.State, i)
	case "Catch":
		s.catches[st.State] = append(s.catches[st.State], m)
	}
}

func newStages() *stages {
	return &stages{choices: map[string]map[int]bool{}, catches: map[string][]map[string]any{}}
}

func mark(m map[string]map[int]bool, state string, i int) {
	if m[state] == nil {
		m[state] = map[int]bool{}
	}
	m[state][i] = true
}

// attempt and failure events of a state visit: a failure followed by
// another attempt of the same visit was retried.
var (
	attemptEvents = map[string]bool{"TaskScheduled": true, "ActivityScheduled": true, "LambdaFunctionScheduled": true}
	failureEvents = map[string]bool{"TaskFailed": true, "TaskTimedOut": true, "ActivityFailed": true, "ActivityTimedOut": true,
		"LambdaFunctionFailed": true, "LambdaFunctionTimedOut": true, "LambdaFunctionScheduleFailed": true, "LambdaFunctionStartFailed": true}
)

// observe reads a finished run. states indexes the workflow's states by
// name (names are unique across a state machine, branches included).
func observe(r engine.Result, st *stages, states map[string]*asl.State) *Observation {
	o := &Observation{Result: r, visits: map[string]int{}, outputs: map[string]string{}, variables: map[string]map[string]string{},
		retries: map[string]int{}, iterations: map[string]int{}, choices: st.choices, catches: map[string]map[int]bool{},
		retried: map[string]map[int]bool{}, transitions: map[[2]string]bool{}}
	for state, cs := range st.catches {
		s := states[state]
		if s == nil {
			continue
		}
		for _, c := range cs {
			for i, catcher := range s.Catch {
				if sameCatcher(catcher, c) {
					mark(o.catches, state, i)
					break
				}
			}
		}
	}
	// Each event belongs to the state visit its previousEventId chain
	// leads back to: the history threads each branch and iteration. A
	// visit's parent is the visit it follows; closed visits (exited) are
	// skipped when looking for the Parallel or Map a nested event is in.
	branchOf := branches(states)
	byID := make(map[int64]*engine.Event, len(r.Events))
	owner := make(map[int64]*visit, len(r.Events))
	latest := map[string]*visit{}
	var all []*visit
	for i := range r.Events {
		e := &r.Events[i]
		byID[e.ID] = e
		v := owner[e.PreviousEventID]
		switch {
		case e.StateEnteredEventDetails != nil:
			name := e.StateEnteredEventDetails.Name
			o.visits[name]++
			nv := &visit{state: name, parent: v}
			nv.place(byID[e.PreviousEventID], branchOf)
			if s := states[name]; s != nil {
				nv.typ = s.Type
				if s.Type == asl.TypeFail && s.Error != "" {
					nv.failed(s.Error)
				}
			}
			if p := byID[e.PreviousEventID]; p != nil && p.StateExitedEventDetails != nil {
				o.transitions[[2]string{p.StateExitedEventDetails.Name, name}] = true
			}
			owner[e.ID], latest[name] = nv, nv
			all = append(all, nv)
			continue
		case e.StateExitedEventDetails != nil:
			d := e.StateExitedEventDetails
			o.outputs[d.Name] = d.Output
			if len(d.AssignedVariables) > 0 {
				if o.variables[d.Name] == nil {
					o.variables[d.Name] = map[string]string{}
				}
				for k, val := range d.AssignedVariables {
					o.variables[d.Name][k] = val
				}
			}
			if lv := latest[d.Name]; lv != nil {
				lv.closed = true
				v = lv
			}
		case e.MapIterationStartedEventDetails != nil:
			o.iterations[e.MapIterationStartedEventDetails.Name]++
		case e.Type == "ParallelStateStarted" || e.Type == "MapStateStarted":
			// A Parallel or Map starts again after a retry from deep
			// inside a branch: it belongs to the open container.
			want := asl.TypeParallel
			if e.Type == "MapStateStarted" {
				want = asl.TypeMap
			}
			for v != nil && (v.closed || v.typ != want) {
				v = v.parent
			}
			if v != nil {
				v.attempt()
			}
		case attemptEvents[e.Type] && v != nil:
			v.attempt()
		case failureEvents[e.Type] && v != nil:
			v.failed(failureName(e))
		}
		owner[e.ID] = v
	}
	o.Path = readingOrder(all)
	for _, v := range all {
		if v.attempts > 1 {
			o.retries[v.state] += v.attempts - 1
		}
		s := states[v.state]
		for _, name := range v.retried {
			if s == nil {
				break
			}
			for i, rt := range s.Retry {
				if errorMatches(rt.ErrorEquals, name, s.Type) {
					mark(o.retried, v.state, i)
					break
				}
			}
		}
	}
	return o
}

// visit is one entry into a state, as the history threads it.
type visit struct {
	state, typ string
	parent     *visit
	closed     bool     // its StateExited was recorded
	attempts   int      // tries of its work: task schedules, Parallel/Map starts
	lastErr    string   // the latest error raised in it or in anything it holds
	retried    []string // the errors it was retried for

	// Where it stands for the reading order of the path: inside which
	// Parallel or Map (nil: the top level), in which try of it, and in
	// which branch or Map iteration.
	container *visit
	try, slot int
	children  []*visit
}

// place finds v's container, try and slot from the event it follows.
func (v *visit) place(prev *engine.Event, branchOf map[string]int) {
	c := v.parent
	for c != nil && c.closed {
		c = c.parent
	}
	v.container = c
	if c == nil {
		return
	}
	v.try = c.attempts
	switch {
	case prev != nil && prev.MapIterationStartedEventDetails != nil:
		v.slot = prev.MapIterationStartedEventDetails.Index
	case c.typ == asl.TypeMap && v.parent != nil && v.parent != c:
		v.slot = v.parent.slot // the next state of the same iteration
	default:
		v.slot = branchOf[v.state]
	}
	c.children = append(c.children, v)
}

// readingOrder lists the states entered as a reader follows the diagram:
// a Parallel's branches one after the other, a Map's iterations in item
// order, so a path does not depend on how the branches interleaved.
func readingOrder(all []*visit) []string {
	var out []string
	var walk func(vs []*visit)
	walk = func(vs []*visit) {
		for _, v := range vs {
			out = append(out, v.state)
			kids := slices.Clone(v.children)
			slices.SortStableFunc(kids, func(a, b *visit) int {
				if a.try != b.try {
					return a.try - b.try
				}
				return a.slot - b.slot
			})
			walk(kids)
		}
	}
	var top []*visit
	for _, v := range all {
		if v.container == nil {
			top = append(top, v)
		}
	}
	walk(top)
	return out
}

// branches maps each state inside a Parallel to its branch's index.
func branches(states map[string]*asl.State) map[string]int {
	out := map[string]int{}
	for _, s := range states {
		for i, b := range s.Branches {
			for _, inner := range b.States {
				out[inner.Name] = i
			}
		}
	}
	return out
}

// attempt records a try; one after the first is a retry of the last error.
func (v *visit) attempt() {
	if v.attempts > 0 {
		v.retried = append(v.retried, v.lastErr)
	}
	v.attempts++
}

// failed records an error in v and in the open visits that hold it: a
// failure inside a branch is the Parallel's error too.
func (v *visit) failed(name string) {
	for p := v; p != nil; p = p.parent {
		if p == v || !p.closed {
			p.lastErr = name
		}
	}
}

func failureName(e *engine.Event) string {
	for _, d := range []*engine.TaskDetails{e.TaskFailedEventDetails, e.TaskTimedOutEventDetails} {
		if d != nil && d.Error != nil {
			return *d.Error
		}
	}
	for _, d := range []*engine.FailureDetails{e.LambdaFunctionFailedEventDetails, e.LambdaFunctionTimedOutEventDetails, e.ActivityFailedEventDetails, e.ActivityTimedOutEventDetails} {
		if d != nil && d.Error != nil {
			return *d.Error
		}
	}
	if strings.HasSuffix(e.Type, "TimedOut") {
		return "States.Timeout"
	}
	return "States.TaskFailed"
}

// errorMatches is ASL's ErrorEquals rule: the name itself, States.ALL for
// any error the state can handle, States.TaskFailed for a Task's failures
// other than a timeout.
func errorMatches(equals []string, name, stateType string) bool {
	if slices.Contains(equals, name) {
		return true
	}
	terminal := name == "States.Runtime" || name == "States.DataLimitExceeded"
	if slices.Contains(equals, "States.ALL") && !terminal {
		return true
	}
	return stateType == asl.TypeTask && slices.Contains(equals, "States.TaskFailed") && !terminal && name != "States.Timeout"
}

// sameCatcher reports whether the stage's catcher (ErrorEquals and Next)
// is c.
func sameCatcher(c *asl.Catcher, stage map[string]any) bool {
	if next, _ := stage["Next"].(string); next != c.Next {
		return false
	}
	eq, _ := stage["ErrorEquals"].([]any)
	if len(eq) != len(c.ErrorEquals) {
		return false
	}
	for i, e := range eq {
		if s, _ := e.(string); s != c.ErrorEquals[i] {
			return false
		}
	}
	return true
}

// statesByName indexes every state of m, at any depth.
func statesByName(m *asl.StateMachine, out map[string]*asl.State) map[string]*asl.State {
	if m == nil {
		return out
	}
	for _, s := range m.States {
		if _, dup := out[s.Name]; !dup {
			out[s.Name] = s
		}
		for _, b := range s.Branches {
			statesByName(b, out)
		}
		statesByName(s.ItemProcessor, out)
	}
	return out
}
