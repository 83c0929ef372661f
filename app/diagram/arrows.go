package diagram

import (
	"math"

	"github.com/stepstudio/stepstudio/app/layout"
)

// Arrows between boxes moved by hand: which ones need drawing again, and
// the plain curve drawn when Graphviz cannot route one.

// crosses tells whether route r passes through one of boxes other than
// its own ends (sampled along each Bézier segment).
func crosses(r layout.Route, boxes []layout.Box, from, to layout.Box) bool {
	const inset = 2 // touching a border is not crossing
	inside := func(p Point, b layout.Box) bool {
		return p.X > b.X+inset && p.X < b.X+b.Width-inset && p.Y > b.Y+inset && p.Y < b.Y+b.Height-inset
	}
	for i := 0; i+3 < len(r.Points); i += 3 {
		p0, p1, p2, p3 := r.Points[i], r.Points[i+1], r.Points[i+2], r.Points[i+3]
		for step := 0; step <= 10; step++ {
			t := float64(step) / 10
			u := 1 - t
			p := Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			}
			for _, b := range boxes {
				if b != from && b != to && inside(p, b) {
					return true
				}
			}
		}
	}
	return false
}

// shift moves a route by p.
func shift(r layout.Route, p Point) layout.Route {
	if p == (Point{}) {
		return r
	}
	out := layout.Route{Points: make([]Point, len(r.Points))}
	for i, q := range r.Points {
		out.Points[i] = Point{X: q.X + p.X, Y: q.Y + p.Y}
	}
	if r.End != nil {
		e := Point{X: r.End.X + p.X, Y: r.End.Y + p.Y}
		out.End = &e
	}
	if r.Label != nil {
		l := Point{X: r.Label.X + p.X, Y: r.Label.Y + p.Y}
		out.Label = &l
	}
	return out
}

// minVerticalGap is the room between two boxes above one another that
// makes an arrow between them go bottom to top rather than side to side.
const minVerticalGap = 20

// arrowLength is how far before the box the line stops and the arrowhead
// starts, as Graphviz draws it.
const arrowLength = 10

// curve is a route between two boxes that Graphviz did not place next to
// each other: one cubic Bézier leaving a from the side facing b and
// entering b from the side facing a — bottom to top (as the layout flows,
// and away from the side handles) whenever there is room between them
// vertically, else left and right.
func curve(a, b layout.Box, label bool) layout.Route {
	ac := Point{X: a.X + a.Width/2, Y: a.Y + a.Height/2}
	bc := Point{X: b.X + b.Width/2, Y: b.Y + b.Height/2}
	var p0, tip, dir Point // dir: the unit direction out of a (into b reversed)
	gapY := max(b.Y-(a.Y+a.Height), a.Y-(b.Y+b.Height))
	gapX := max(b.X-(a.X+a.Width), a.X-(b.X+b.Width))
	if gapY >= min(gapX, minVerticalGap) {
		if bc.Y >= ac.Y {
			p0, tip, dir = Point{X: ac.X, Y: a.Y + a.Height}, Point{X: bc.X, Y: b.Y}, Point{Y: 1}
		} else {
			p0, tip, dir = Point{X: ac.X, Y: a.Y}, Point{X: bc.X, Y: b.Y + b.Height}, Point{Y: -1}
		}
	} else {
		if bc.X >= ac.X {
			p0, tip, dir = Point{X: a.X + a.Width, Y: ac.Y}, Point{X: b.X, Y: bc.Y}, Point{X: 1}
		} else {
			p0, tip, dir = Point{X: a.X, Y: ac.Y}, Point{X: b.X + b.Width, Y: bc.Y}, Point{X: -1}
		}
	}
	p3 := Point{X: tip.X - dir.X*arrowLength, Y: tip.Y - dir.Y*arrowLength}
	// Handles long enough to leave and enter straight, short enough not to loop.
	k := min(max(30, math.Hypot(p3.X-p0.X, p3.Y-p0.Y)/2.5), 80)
	c1 := Point{X: p0.X + dir.X*k, Y: p0.Y + dir.Y*k}
	c2 := Point{X: p3.X - dir.X*k, Y: p3.Y - dir.Y*k}
	r := layout.Route{Points: []Point{p0, c1, c2, p3}, End: &tip}
	if label {
		// The curve's middle (t = 1/2), where Graphviz would put it too.
		m := Point{X: (p0.X + 3*c1.X + 3*c2.X + p3.X) / 8, Y: (p0.Y + 3*c1.Y + 3*c2.Y + p3.Y) / 8}
		r.Label = &m
	}
	return r
}
