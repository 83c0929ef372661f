package layout_test

import (
	"context"
	"testing"

	"github.com/stepstudio/stepstudio/app/layout"
)

func TestRerouteGoesAroundBoxes(t *testing.T) {
	a := layout.Box{X: 0, Y: 0, Width: 160, Height: 60}
	wall := layout.Box{X: 0, Y: 140, Width: 160, Height: 60} // straight below a, in the way
	b := layout.Box{X: 0, Y: 280, Width: 160, Height: 60}
	boxes := []layout.Placed{{ID: "a", Box: a}, {ID: "wall", Box: wall}, {ID: "b", Box: b}}
	routes, err := layout.Reroute(context.Background(), boxes, []layout.Edge{{ID: "ab", From: "a", To: "b", Label: "yes"}})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := routes["ab"]
	if !ok || len(r.Points) < 4 || r.End == nil || r.Label == nil {
		t.Fatalf("no whole route: %+v", r)
	}
	if p := r.Points[0]; !on(p, a) {
		t.Errorf("starts at %v, not on a", p)
	}
	if !on(*r.End, b) {
		t.Errorf("ends at %v, not on b", *r.End)
	}
	t.Logf("route %v end %v label %v", r.Points, *r.End, *r.Label)
	for _, p := range sample(r) {
		if p.X > wall.X+2 && p.X < wall.X+wall.Width-2 && p.Y > wall.Y+2 && p.Y < wall.Y+wall.Height-2 {
			t.Errorf("passes through the box in the way at %v", p)
		}
	}
	// The same input, the same route.
	again, _ := layout.Reroute(context.Background(), boxes, []layout.Edge{{ID: "ab", From: "a", To: "b", Label: "yes"}})
	if len(again["ab"].Points) != len(r.Points) || again["ab"].Points[1] != r.Points[1] {
		t.Error("the same boxes gave another route")
	}
}

// on tells whether p is on (or within 3 px of) box b's border or inside it.
func on(p layout.Point, b layout.Box) bool {
	return p.X >= b.X-3 && p.X <= b.X+b.Width+3 && p.Y >= b.Y-3 && p.Y <= b.Y+b.Height+3
}

// sample returns points along each cubic segment of r.
func sample(r layout.Route) []layout.Point {
	var out []layout.Point
	for i := 0; i+3 < len(r.Points); i += 3 {
		p0, p1, p2, p3 := r.Points[i], r.Points[i+1], r.Points[i+2], r.Points[i+3]
		for s := 0; s <= 20; s++ {
			t := float64(s) / 20
			u := 1 - t
			out = append(out, layout.Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			})
		}
	}
	return out
}
