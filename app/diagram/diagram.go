// Package diagram turns a state machine into the picture the studio draws:
// one box per state (containers for Parallel and Map), start and end
// markers and one edge per transition, placed by the layout package.
// The diagram is derived from the definition and never stored in it.
package diagram

import (
	"context"
	"fmt"

	"github.com/stepstudio/stepstudio/app/layout"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Node kinds.
const (
	KindState     = "state"     // a plain state box
	KindContainer = "container" // a Parallel or Map state drawn around its children
	KindBranch    = "branch"    // one branch of a Parallel
	KindStart     = "start"     // the start marker
	KindEnd       = "end"       // the end marker
)

// Edge kinds: the transition fields they come from, plus the markers'.
const (
	EdgeNext    = "next"
	EdgeDefault = "default"
	EdgeChoice  = "choice"
	EdgeCatch   = "catch"
	EdgeStart   = "start"
	EdgeEnd     = "end"
)

// Node is a placed box. ID is the JSON pointer of the state in the
// definition ("/States/Charge/Branches/0/States/Pay"), so any node can be
// located in the code; markers use "start" and "end".
type Node struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Type     string `json:"type"` // the ASL state type, "" for markers and branches
	Parent   string `json:"parent,omitempty"`
	Comment  string `json:"comment,omitempty"`
	Resource string `json:"resource,omitempty"` // short integration label, e.g. "lambda:invoke"
	Retries  int    `json:"retries,omitempty"`  // number of Retry rules
	// Distributed marks a Map whose ItemProcessor runs in DISTRIBUTED mode
	// (child executions), which reads very differently from an inline loop.
	Distributed bool `json:"distributed,omitempty"`
	// Collapsed marks a Parallel or Map drawn as one box at the viewer's
	// request; Inner counts the states it holds.
	Collapsed bool    `json:"collapsed,omitempty"`
	Inner     int     `json:"inner,omitempty"`
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	Width     float64 `json:"width"`
	Height    float64 `json:"height"`
}

// Edge is a placed transition.
type Edge struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	Kind   string `json:"kind"`
	Label  string `json:"label,omitempty"`
	// Full is the whole condition when Label had to be shortened, for a tooltip.
	Full  string       `json:"full,omitempty"`
	Route layout.Route `json:"route"`
}

// Diagram is the placed picture of a state machine.
type Diagram struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Nodes  []Node  `json:"nodes"`
	Edges  []Edge  `json:"edges"`
	// Shift is how far everything was moved right and down so that pins
	// at negative positions fit: a pin at (x, y) is drawn at (x, y) + Shift.
	Shift Point `json:"shift"`
}

// Option changes how a diagram is drawn (never what it means).
type Option func(*options)

type options struct {
	collapsed map[string]bool
	pinned    map[string]Point
}

// Collapsed draws the Parallel and Map states with these ids (JSON
// pointers) as single boxes, their insides hidden.
func Collapsed(ids ...string) Option {
	return func(o *options) {
		for _, id := range ids {
			o.collapsed[id] = true
		}
	}
}

// Build derives the diagram of m and lays it out.
func Build(ctx context.Context, m *asl.StateMachine, opts ...Option) (*Diagram, error) {
	if m == nil {
		return nil, fmt.Errorf("diagram: the definition is not a JSON object with States")
	}
	o := options{collapsed: map[string]bool{}, pinned: map[string]Point{}}
	for _, opt := range opts {
		opt(&o)
	}
	d, g := derive(m, o)
	res, err := layout.Layout(ctx, g)
	if err != nil {
		return nil, fmt.Errorf("diagram: %w", err)
	}
	d.Width, d.Height = res.Width, res.Height
	for i := range d.Nodes {
		n := &d.Nodes[i]
		box, ok := res.Nodes[n.ID]
		if !ok {
			box = res.Clusters[n.ID]
		}
		n.X, n.Y, n.Width, n.Height = box.X, box.Y, box.Width, box.Height
	}
	for i := range d.Edges {
		d.Edges[i].Route = res.Edges[d.Edges[i].ID]
	}
	pin(ctx, d, o.pinned)
	return d, nil
}
