package engine

import (
	"strconv"
	"strings"
	"sync"
)

// redrivePlan reads a failed run's history to tell a redrive what already
// succeeded (kept, never run again) and where each unfinished graph
// stopped (run again from there, with the input that state had).
//
// AWS histories name no thread, so each event is placed in a frame: the
// Map iterations it runs inside ("" at the top, "/Outer#3/Inner#0" deeper).
// Parallel branches need no frame of their own: state names are unique in
// a machine, so a branch is known by its states' names.
type redrivePlan struct {
	events []Event
	frames []string         // frames[i] is the frame of events[i]
	byID   map[int64]int    // event id -> index
	inFrm  map[string][]int // frame -> indices of its events, in order

	mu    sync.Mutex
	taken map[string]bool // (frame, state) already consulted in this redrive
}

func newRedrivePlan(evs []Event) *redrivePlan {
	p := &redrivePlan{events: evs, frames: make([]string, len(evs)), byID: map[int64]int{},
		inFrm: map[string][]int{}, taken: map[string]bool{}}
	for i, e := range evs {
		p.byID[e.ID] = i
	}
	for i, e := range evs {
		f := p.frameOf(e)
		p.frames[i] = f
		p.inFrm[f] = append(p.inFrm[f], i)
	}
	return p
}

// frameOf follows previousEventId, which stays in the thread except
// where AWS links a Map's events across its iterations.
func (p *redrivePlan) frameOf(e Event) string {
	prev := ""
	var pe *Event
	if i, ok := p.byID[e.PreviousEventID]; ok && e.PreviousEventID != e.ID {
		prev, pe = p.frames[i], &p.events[i]
	}
	if d := iterationDetails(e); d != nil {
		// An item's first event follows the Map's start or a sibling's
		// last event; its last events follow its own states.
		if e.Type == "MapIterationStarted" && pe != nil && pe.Type == "MapStateStarted" {
			return prev + itemSegment(d.Name, d.Index)
		}
		return cutAt(prev, d.Name) + itemSegment(d.Name, d.Index)
	}
	if pe != nil && pe.Type != "MapIterationStarted" {
		if d := iterationDetails(*pe); d != nil {
			// MapStateSucceeded and the Map's exit follow an item's end.
			return cutAt(prev, d.Name)
		}
	}
	if e.Type == "MapStateFailed" {
		// Linked after the failed item's last event.
		if k := strings.LastIndexByte(prev, '/'); k >= 0 {
			return prev[:k]
		}
	}
	return prev
}

func iterationDetails(e Event) *MapIterationDetails {
	switch {
	case e.MapIterationStartedEventDetails != nil:
		return e.MapIterationStartedEventDetails
	case e.MapIterationSucceededEventDetails != nil:
		return e.MapIterationSucceededEventDetails
	case e.MapIterationFailedEventDetails != nil:
		return e.MapIterationFailedEventDetails
	case e.MapIterationAbortedEventDetails != nil:
		return e.MapIterationAbortedEventDetails
	}
	return nil
}

func itemSegment(name string, i int) string { return "/" + name + "#" + strconv.Itoa(i) }

// cutAt returns frame without the segment of Map name's item and what is
// below it.
func cutAt(frame, name string) string {
	if k := strings.LastIndex(frame, "/"+name+"#"); k >= 0 {
		return frame[:k]
	}
	return frame
}

// stateMemo is what the last attempt of a Parallel or Map did, found
// once per (frame, state) in a redrive: a loop that enters it again later
// runs it afresh.
type stateMemo struct {
	p      *redrivePlan
	frame  string
	anchor int // index of the entry the unfinished attempts began with
}

// take returns the memo of state in frame, or nil when the history has
// none or it was taken already.
func (p *redrivePlan) take(frame, state string) *stateMemo {
	if p == nil {
		return nil
	}
	key := frame + "\x00" + state
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.taken[key] {
		return nil
	}
	p.taken[key] = true
	var entries []int
	exitedSince := []bool{}
	for _, i := range p.inFrm[frame] {
		e := p.events[i]
		switch {
		case e.StateEnteredEventDetails != nil && e.StateEnteredEventDetails.Name == state:
			entries = append(entries, i)
			exitedSince = append(exitedSince, false)
		case e.StateExitedEventDetails != nil && e.StateExitedEventDetails.Name == state && len(entries) > 0:
			exitedSince[len(entries)-1] = true
		}
	}
	if len(entries) == 0 {
		return nil
	}
	// An entry that never exited was redriven by the next one: what it
	// finished counts too (a second redrive keeps the first one's items).
	k := len(entries) - 1
	for k > 0 && !exitedSince[k-1] {
		k--
	}
	return &stateMemo{p: p, frame: frame, anchor: entries[k]}
}

// resumePoint says how to go on with one graph: done (its output kept),
// from a state with the input it had, or afresh (start == "").
type resumePoint struct {
	done  bool
	out   any
	start string
	input any
	// vars are the variables g's own states assigned before start: a
	// Map item's or a Parallel branch's scope holds them (AWS scopes
	// variables per iteration and branch), so a state redriven inside one
	// sees what its earlier siblings assigned.
	vars map[string]any
}

// resume scans frame after the anchor for g's states.
func (p *redrivePlan) resume(frame string, anchor int, g *graph) resumePoint {
	var (
		cur           string
		input, output string
		exited        bool
		entry         int        // index of cur's entry
		assigned      []assignAt // g's states' assignments, in order
	)
	for _, i := range p.inFrm[frame] {
		if i <= anchor {
			continue
		}
		e := p.events[i]
		switch {
		case e.StateEnteredEventDetails != nil:
			if _, ok := g.states[e.StateEnteredEventDetails.Name]; ok {
				cur, input, exited, entry = e.StateEnteredEventDetails.Name, e.StateEnteredEventDetails.Input, false, i
			}
		case e.StateExitedEventDetails != nil && e.StateExitedEventDetails.Name == cur:
			exited, output = true, e.StateExitedEventDetails.Output
			if len(e.StateExitedEventDetails.AssignedVariables) > 0 {
				assigned = append(assigned, assignAt{i, e.StateExitedEventDetails.AssignedVariables})
			}
			if n := g.states[cur]; n.end || n.typ == "Succeed" {
				return resumePoint{done: true, out: decodeText(output)}
			}
		}
	}
	if cur == "" {
		return resumePoint{}
	}
	if n := g.states[cur]; exited && n.next != "" && n.typ != "Choice" && len(n.catch) == 0 {
		// Stopped between states (cancelled as a sibling failed): the
		// state finished, its next one starts with its output. A Choice,
		// or a state that may have been caught, runs again: where it went
		// is not in its exit event.
		return resumePoint{start: n.next, input: decodeText(output), vars: varsBefore(assigned, len(p.events))}
	}
	return resumePoint{start: cur, input: decodeText(input), vars: varsBefore(assigned, entry)}
}

// assignAt is one state exit's AssignedVariables and its place.
type assignAt struct {
	at   int
	vars map[string]string
}

// varsBefore folds the assignments recorded before index end, later ones
// winning, as the scope held them then.
func varsBefore(assigned []assignAt, end int) map[string]any {
	var out map[string]any
	for _, a := range assigned {
		if a.at >= end {
			break
		}
		if out == nil {
			out = map[string]any{}
		}
		for k, v := range a.vars {
			out[k] = decodeText(v)
		}
	}
	return out
}

// restore sets the variables a redriven scope had assigned.
func (r resumePoint) restore(v *vars) {
	for k, x := range r.vars {
		v.set(k, x)
	}
}

// branch is how branch g of the Parallel goes on.
func (m *stateMemo) branch(g *graph) resumePoint {
	return m.p.resume(m.frame, m.anchor, g)
}

// mapRunArn is the ARN of the Map Run the last attempt started ("" when
// it started none).
func (m *stateMemo) mapRunArn() string {
	arn := ""
	for _, i := range m.p.inFrm[m.frame] {
		if d := m.p.events[i].MapRunStartedEventDetails; i > m.anchor && d != nil {
			arn = d.MapRunArn
		}
	}
	return arn
}

// item is how item i of Map name goes on: kept when the history has its
// MapIterationSucceeded (its output is the state exit it follows).
func (m *stateMemo) item(name string, i int, g *graph) resumePoint {
	f := m.frame + itemSegment(name, i)
	for _, k := range m.p.inFrm[f] {
		e := m.p.events[k]
		if k <= m.anchor || e.Type != "MapIterationSucceeded" {
			continue
		}
		if j, ok := m.p.byID[e.PreviousEventID]; ok {
			if x := m.p.events[j].StateExitedEventDetails; x != nil {
				return resumePoint{done: true, out: decodeText(x.Output)}
			}
		}
	}
	r := m.p.resume(f, m.anchor, g)
	r.done = false // a last state exited but the item was not recorded as done
	return r
}

// topLevel returns where the run stopped at the top and the variables the
// top-level states had assigned before that state was entered.
func (p *redrivePlan) topLevel(root *graph) (resumePoint, map[string]any) {
	r := p.resume("", -1, root)
	vars := map[string]any{}
	for _, i := range p.inFrm[""] {
		e := p.events[i]
		if x := e.StateExitedEventDetails; x != nil {
			if _, ok := root.states[x.Name]; ok {
				for k, v := range x.AssignedVariables {
					vars[k] = decodeText(v)
				}
			}
		}
	}
	return r, vars
}

// mockCalls counts each Task state's invocations in the history, so a
// mocked answer list goes on where the failed run left it ("0": Throw,
// "1": Return succeeds on redrive). A TaskScheduled names no state: its
// state is the Task entry it follows.
func (p *redrivePlan) mockCalls() map[string]int {
	calls := map[string]int{}
	for _, e := range p.events {
		if e.Type != "TaskScheduled" {
			continue
		}
		id := e.PreviousEventID
		for steps := 0; steps < len(p.events); steps++ {
			i, ok := p.byID[id]
			if !ok {
				break
			}
			if d := p.events[i].StateEnteredEventDetails; d != nil {
				calls[d.Name]++
				break
			}
			id = p.events[i].PreviousEventID
		}
	}
	return calls
}

func decodeText(s string) any {
	if s == "" {
		return nil
	}
	v, err := DecodeJSON([]byte(s))
	if err != nil {
		return s
	}
	return v
}
