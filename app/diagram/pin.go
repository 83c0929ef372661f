package diagram

import (
	"context"
	"math"

	"github.com/stepstudio/stepstudio/app/layout"
)

// Point is a position on the diagram (top-left of a box, y downwards).
type Point = layout.Point

// pinGap is the room kept between a pinned box and a box pushed off it.
const pinGap = 24

// Pinned places the states with these names (top-level states and
// containers; a container moves with its children) at the given top-left
// corners; the other states keep the automatic layout, pushed off the
// pinned ones. States inside a container cannot be pinned: their box is
// part of the container's, so a pin on one is ignored.
func Pinned(at map[string]Point) Option {
	return func(o *options) {
		for name, p := range at {
			o.pinned[name] = p
		}
	}
}

// pin moves the pinned states of d to their places after the automatic
// layout, pushes the unpinned top-level boxes off them (and off each other
// as they are pushed), re-routes the arrows whose ends moved apart or
// that a moved box now lies on, and grows the diagram to hold everything.
// Layout first and pins after keeps the automatic layout's order for
// everything not pinned, so a new step lands where it would without pins
// unless a pinned box is in the way.
func pin(ctx context.Context, d *Diagram, pins map[string]Point) {
	if len(pins) == 0 {
		return
	}
	top := map[string]string{} // node id -> its top-level ancestor's id
	index := map[string]int{}
	for i, n := range d.Nodes {
		index[n.ID] = i
	}
	var root func(id string) string
	root = func(id string) string {
		if r, ok := top[id]; ok {
			return r
		}
		r := id
		if n := d.Nodes[index[id]]; n.Parent != "" {
			r = root(n.Parent)
		}
		top[id] = r
		return r
	}
	delta := map[string]Point{} // top-level id -> how far it (and all inside) moved
	move := func(id string, dx, dy float64) {
		p := delta[id]
		delta[id] = Point{X: p.X + dx, Y: p.Y + dy}
		for i := range d.Nodes {
			if root(d.Nodes[i].ID) == id {
				d.Nodes[i].X += dx
				d.Nodes[i].Y += dy
			}
		}
	}

	// Pinned boxes first, in diagram order (deterministic), then the
	// others top to bottom as the layout placed them.
	var settled []layout.Box
	var placed []bool // settled[i] was pinned or pushed (not where the layout put it)
	var rest []int
	for i, n := range d.Nodes {
		if n.Parent != "" {
			continue
		}
		p, ok := pins[n.Name]
		if ok && n.Type != "" {
			move(n.ID, p.X-n.X, p.Y-n.Y)
			settled = append(settled, box(d.Nodes[i]))
			placed = append(placed, true)
			continue
		}
		rest = append(rest, i)
	}
	if len(settled) == 0 {
		return
	}
	sortByPlace(d, rest)
	for _, i := range rest {
		dx, dy := clear(box(d.Nodes[i]), settled, placed)
		if dx != 0 || dy != 0 {
			move(d.Nodes[i].ID, dx, dy)
		}
		settled = append(settled, box(d.Nodes[i]))
		placed = append(placed, dx != 0 || dy != 0)
	}

	var moved []layout.Box // boxes not where the layout put them
	var boxes []layout.Placed
	for _, n := range d.Nodes {
		if n.Parent != "" {
			continue
		}
		boxes = append(boxes, layout.Placed{ID: n.ID, Box: box(n)})
		if _, ok := delta[n.ID]; ok {
			moved = append(moved, box(n))
		}
	}
	var again []layout.Edge
	for i := range d.Edges {
		e := &d.Edges[i]
		ds, dt := delta[root(e.Source)], delta[root(e.Target)]
		if ds == dt {
			e.Route = shift(e.Route, ds)
		}
		top := root(e.Source) == e.Source && root(e.Target) == e.Target
		if ds != dt || (top && crosses(e.Route, moved, box(d.Nodes[index[e.Source]]), box(d.Nodes[index[e.Target]]))) {
			again = append(again, layout.Edge{ID: e.ID, From: e.Source, To: e.Target, Label: e.Label})
		}
	}
	if len(again) > 0 {
		// Graphviz routes them around the boxes where they now are; an
		// edge it cannot route is drawn as a plain curve between the boxes.
		routes, _ := layout.Reroute(ctx, boxes, again)
		for _, a := range again {
			e := &d.Edges[edgeIndex(d, a.ID)]
			if r, ok := routes[a.ID]; ok {
				e.Route = r
				continue
			}
			e.Route = curve(box(d.Nodes[index[e.Source]]), box(d.Nodes[index[e.Target]]), e.Label != "")
		}
	}
	fit(d)
}

func edgeIndex(d *Diagram, id string) int {
	for i, e := range d.Edges {
		if e.ID == id {
			return i
		}
	}
	return -1
}

func box(n Node) layout.Box { return layout.Box{X: n.X, Y: n.Y, Width: n.Width, Height: n.Height} }

// sortByPlace orders node indexes top to bottom, then left to right.
func sortByPlace(d *Diagram, idx []int) {
	for a := 1; a < len(idx); a++ { // insertion sort: stable and small
		for b := a; b > 0; b-- {
			p, q := d.Nodes[idx[b-1]], d.Nodes[idx[b]]
			if p.Y < q.Y || (p.Y == q.Y && p.X <= q.X) {
				break
			}
			idx[b-1], idx[b] = idx[b], idx[b-1]
		}
	}
}

// overlaps tells whether a and b come closer than pinGap.
func overlaps(a, b layout.Box) bool {
	return a.X < b.X+b.Width+pinGap && b.X < a.X+a.Width+pinGap &&
		a.Y < b.Y+b.Height+pinGap && b.Y < a.Y+a.Height+pinGap
}

// clear returns the move that takes b off the boxes in settled: each time
// the shortest way off the box it overlaps (down, right, left or up), and
// when that keeps landing on others, below all of them. Where the layout
// put two boxes is left alone (it may put them closer than pinGap): while
// b has not moved, only the placed boxes (pinned or pushed) count.
func clear(b layout.Box, settled []layout.Box, placed []bool) (dx, dy float64) {
	start := b
	for range 4 * (len(settled) + 1) {
		hit := -1
		for i, s := range settled {
			if (placed[i] || b != start) && overlaps(b, s) {
				hit = i
				break
			}
		}
		if hit < 0 {
			return b.X - start.X, b.Y - start.Y
		}
		s := settled[hit]
		moves := []Point{
			{Y: s.Y + s.Height + pinGap - b.Y},   // down
			{X: s.X + s.Width + pinGap - b.X},    // right
			{X: s.X - pinGap - (b.X + b.Width)},  // left
			{Y: s.Y - pinGap - (b.Y + b.Height)}, // up
		}
		best := moves[0]
		for _, m := range moves[1:] {
			if math.Abs(m.X)+math.Abs(m.Y) < math.Abs(best.X)+math.Abs(best.Y) {
				best = m
			}
		}
		b.X += best.X
		b.Y += best.Y
	}
	bottom := math.Inf(-1)
	for _, s := range settled {
		bottom = max(bottom, s.Y+s.Height)
	}
	return 0, bottom + pinGap - start.Y
}

// fit shifts everything right and down when a pin lies left of or above
// the picture (a negative position) and sets the size to hold it all.
// Only boxes shift it (a curve's handles may reach past the top without
// the curve doing so, and the picture should not jump for that).
// Shift records the move, so the canvas can turn a dragged box's position
// back into the pin it means.
func fit(d *Diagram) {
	minX, minY := 0.0, 0.0
	maxX, maxY := d.Width, d.Height
	grow := func(x, y float64) {
		minX, minY = min(minX, x), min(minY, y)
		maxX, maxY = max(maxX, x), max(maxY, y)
	}
	for _, n := range d.Nodes {
		grow(n.X, n.Y)
		grow(n.X+n.Width, n.Y+n.Height)
	}
	s := Point{X: max(0, -minX), Y: max(0, -minY)} // max: never -0 in the JSON
	for _, e := range d.Edges {
		for _, p := range e.Route.Points {
			maxX, maxY = max(maxX, p.X), max(maxY, p.Y)
		}
	}
	if s != (Point{}) {
		for i := range d.Nodes {
			d.Nodes[i].X += s.X
			d.Nodes[i].Y += s.Y
		}
		for i := range d.Edges {
			d.Edges[i].Route = shift(d.Edges[i].Route, s)
		}
	}
	d.Shift = s
	d.Width, d.Height = maxX+s.X, maxY+s.Y
}
