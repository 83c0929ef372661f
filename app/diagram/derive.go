package diagram

import (
	"strconv"

	"github.com/stepstudio/stepstudio/app/layout"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Box sizes in pixels. Widths grow with the name so labels fit.
const (
	stateHeight  = 60
	minWidth     = 168
	maxWidth     = 300
	charWidth    = 8.2 // average glyph width of the bold 13px UI font, with room to spare
	markerSize   = 28
	statePadding = 96 // icon, retry badge and side margins
)

// deriver builds both the diagram (without positions) and the layout graph.
type deriver struct {
	d Diagram
	g layout.Graph
	// entry and exit are the layout anchors edges attach to; for a plain
	// state both are the state itself, for a container the anchor points.
	entry, exit map[string]string
	container   map[string]bool
	collapsed   map[string]bool
}

func derive(m *asl.StateMachine, o options) (*Diagram, layout.Graph) {
	// Lists start empty rather than nil: a machine with no states yet (a new
	// blank workflow) still gives the UI arrays, not null.
	dv := &deriver{d: Diagram{Nodes: []Node{}, Edges: []Edge{}}, entry: map[string]string{}, exit: map[string]string{}, container: map[string]bool{}, collapsed: o.collapsed}
	dv.marker("start", KindStart)
	dv.machine(m, "", "")
	if start := m.State(m.StartAt); start != nil {
		dv.edge("start", "start", asl.Pointer("States", start.Name), EdgeStart, "")
	}
	hasEnd := false
	for _, s := range m.States {
		if s.Terminal() {
			if !hasEnd {
				dv.marker("end", KindEnd)
				hasEnd = true
			}
			id := asl.Pointer("States", s.Name)
			dv.edge(id+">end", id, "end", EdgeEnd, "")
		}
	}
	return &dv.d, dv.g
}

func (dv *deriver) marker(id, kind string) {
	dv.d.Nodes = append(dv.d.Nodes, Node{ID: id, Kind: kind})
	dv.g.Nodes = append(dv.g.Nodes, layout.Node{ID: id, Width: markerSize, Height: markerSize})
	dv.entry[id], dv.exit[id] = id, id
}

// machine adds the states of m, found at pointer base, inside cluster
// parent; then the transitions between them.
func (dv *deriver) machine(m *asl.StateMachine, base, parent string) {
	for _, s := range m.States {
		dv.state(s, base+asl.Pointer("States", s.Name), parent)
	}
	for _, s := range m.States {
		from := base + asl.Pointer("States", s.Name)
		for _, t := range s.Transitions() {
			if m.State(t.Target) == nil {
				continue // a dangling target: the validator reports it
			}
			to := base + asl.Pointer("States", t.Target)
			kind, label, full := transitionKind(t), "", ""
			switch t.Kind {
			case asl.ViaChoice:
				label = conditionLabel(s.Choices[t.Index])
				if whole := condition(s.Choices[t.Index]); whole != label {
					full = whole
				}
			case asl.ViaCatch:
				label = errorsLabel(t.Errors)
			case asl.ViaDefault:
				label = "Default"
			}
			dv.edge(from+t.Pointer, from, to, kind, label)
			dv.d.Edges[len(dv.d.Edges)-1].Full = full
		}
	}
}

func (dv *deriver) state(s *asl.State, id, parent string) {
	n := Node{ID: id, Kind: KindState, Name: s.Name, Type: s.Type, Parent: parent,
		Comment: s.Comment, Resource: resourceLabel(s), Retries: len(s.Retry), Distributed: s.Distributed()}
	children := childMachines(s)
	if children != nil && dv.collapsed[id] {
		n.Collapsed, n.Inner = true, countStates(children)
		children = nil
	}
	if children == nil {
		n.Width, n.Height = nameWidth(s.Name), stateHeight
		dv.d.Nodes = append(dv.d.Nodes, n)
		dv.g.Nodes = append(dv.g.Nodes, layout.Node{ID: id, Cluster: parent, Width: n.Width, Height: n.Height})
		dv.entry[id], dv.exit[id] = id, id
		return
	}
	n.Kind = KindContainer
	dv.d.Nodes = append(dv.d.Nodes, n)
	dv.g.Clusters = append(dv.g.Clusters, layout.Cluster{ID: id, Parent: parent, Label: s.Type + ": " + s.Name})
	dv.container[id] = true
	if s.Type == asl.TypeMap {
		// One processor: edges attach straight to its first and last states.
		base := id + childField(s)
		dv.machine(s.ItemProcessor, base, id)
		dv.entry[id], dv.exit[id] = dv.ends(s.ItemProcessor, base)
		return
	}
	// Branches side by side between two invisible anchors.
	in, out := id+"#in", id+"#out"
	dv.g.Nodes = append(dv.g.Nodes, layout.Node{ID: in, Cluster: id, Point: true}, layout.Node{ID: out, Cluster: id, Point: true})
	dv.entry[id], dv.exit[id] = in, out
	for i, branch := range children {
		base := id + "/Branches/" + strconv.Itoa(i)
		dv.d.Nodes = append(dv.d.Nodes, Node{ID: base, Kind: KindBranch, Name: "Branch " + strconv.Itoa(i+1), Parent: id})
		dv.g.Clusters = append(dv.g.Clusters, layout.Cluster{ID: base, Parent: id})
		dv.machine(branch, base, base)
		// Layout-only edges keep the branches between the anchors.
		if start := branch.State(branch.StartAt); start != nil {
			dv.g.Edges = append(dv.g.Edges, layout.Edge{ID: base + "#enter", From: in, To: dv.entry[base+asl.Pointer("States", start.Name)]})
		}
		for _, bs := range branch.States {
			if bs.Terminal() {
				bid := base + asl.Pointer("States", bs.Name)
				dv.g.Edges = append(dv.g.Edges, layout.Edge{ID: bid + "#leave", From: dv.exit[bid], To: out})
			}
		}
	}
}

// ends returns the layout anchors of a sub-machine's first state and of its
// first terminal state (or its first state when none is terminal).
func (dv *deriver) ends(m *asl.StateMachine, base string) (entry, exit string) {
	first := base + asl.Pointer("States", m.StartAt)
	if m.State(m.StartAt) == nil && len(m.States) > 0 {
		first = base + asl.Pointer("States", m.States[0].Name)
	}
	last := first
	for _, s := range m.States {
		if s.Terminal() {
			last = base + asl.Pointer("States", s.Name)
			break
		}
	}
	return dv.entry[first], dv.exit[last]
}

// edge adds a drawn transition between two diagram nodes.
func (dv *deriver) edge(id, from, to, kind, label string) {
	dv.d.Edges = append(dv.d.Edges, Edge{ID: id, Source: from, Target: to, Kind: kind, Label: label})
	e := layout.Edge{ID: id, From: dv.exit[from], To: dv.entry[to], Label: label}
	if dv.container[from] {
		e.TailCluster = from
	}
	if dv.container[to] {
		e.HeadCluster = to
	}
	dv.g.Edges = append(dv.g.Edges, e)
}

// childMachines returns the sub-machines drawn inside s, or nil.
func childMachines(s *asl.State) []*asl.StateMachine {
	switch {
	case s.Type == asl.TypeParallel && len(s.Branches) > 0:
		return s.Branches
	case s.Type == asl.TypeMap && s.ItemProcessor != nil && len(s.ItemProcessor.States) > 0:
		return []*asl.StateMachine{s.ItemProcessor}
	}
	return nil
}

// childField is where a Map's processor sits in the definition.
func childField(s *asl.State) string {
	if s.LegacyIterator {
		return "/Iterator"
	}
	return "/ItemProcessor"
}

func transitionKind(t asl.Transition) string {
	switch t.Kind {
	case asl.ViaChoice:
		return EdgeChoice
	case asl.ViaDefault:
		return EdgeDefault
	case asl.ViaCatch:
		return EdgeCatch
	}
	return EdgeNext
}

func nameWidth(name string) float64 {
	w := float64(len([]rune(name)))*charWidth + statePadding
	return min(max(w, minWidth), maxWidth)
}

// countStates counts the states in machines, nested ones included.
func countStates(ms []*asl.StateMachine) int {
	n := 0
	for _, m := range ms {
		for _, s := range m.States {
			n += 1 + countStates(childMachines(s))
		}
	}
	return n
}
