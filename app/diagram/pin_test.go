package diagram_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/engine/asl"
)

const chain = `{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Second"},
    "Second": {"Type": "Pass", "Next": "Third"},
    "Third": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Fourth"}], "Default": "Fourth"},
    "Fourth": {"Type": "Succeed"}
  }
}`

// withNew is chain with a new unconnected state, as the palette adds one.
const withNew = `{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Second"},
    "Second": {"Type": "Pass", "Next": "Third"},
    "Third": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Fourth"}], "Default": "Fourth"},
    "Fourth": {"Type": "Succeed"},
    "Brand new step": {"Type": "Pass", "End": true}
  }
}`

func buildPinned(t *testing.T, src string, pins map[string]diagram.Point, opts ...diagram.Option) *diagram.Diagram {
	t.Helper()
	doc, err := asl.Parse("t.asl.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := diagram.Build(context.Background(), doc.Machine, append(opts, diagram.Pinned(pins))...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func byName(d *diagram.Diagram) map[string]diagram.Node {
	out := map[string]diagram.Node{}
	for _, n := range d.Nodes {
		if n.Name != "" && n.Type != "" {
			out[n.Name] = n
		} else {
			out[n.ID] = n
		}
	}
	return out
}

func overlap(a, b diagram.Node) bool {
	return a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height
}

func TestPinnedStates(t *testing.T) {
	auto := byName(buildPinned(t, withNew, nil))
	tests := []struct {
		name string
		src  string
		pins map[string]diagram.Point
	}{
		{"one moved aside", chain, map[string]diagram.Point{"Second": {X: 420, Y: 40}}},
		{"two swapped", chain, map[string]diagram.Point{"First": {X: 10, Y: 300}, "Fourth": {X: 10, Y: 10}}},
		// The new state's automatic place is taken by a pinned one.
		{"new state lands on a pin", withNew, map[string]diagram.Point{"First": {X: auto["Brand new step"].X, Y: auto["Brand new step"].Y}}},
		{"pinned on top of the whole flow", withNew, map[string]diagram.Point{"Third": {X: auto["Second"].X, Y: auto["Second"].Y}}},
		{"container with its children", nested, map[string]diagram.Point{"Fan out": {X: 600, Y: 30}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := buildPinned(t, tc.src, tc.pins)
			nodes := byName(d)
			for name, p := range tc.pins {
				n := nodes[name]
				if n.X != p.X+d.Shift.X || n.Y != p.Y+d.Shift.Y {
					t.Errorf("%s is at (%v, %v), pinned at (%v, %v)", name, n.X, n.Y, p.X, p.Y)
				}
			}
			// No top-level box overlaps a pinned one.
			for name := range tc.pins {
				for _, n := range d.Nodes {
					if _, pinned := tc.pins[n.Name]; n.Parent == "" && !pinned && overlap(n, nodes[name]) {
						t.Errorf("%q overlaps the pinned %q", n.ID, name)
					}
				}
			}
			for _, n := range d.Nodes {
				if n.X < 0 || n.Y < 0 || n.X+n.Width > d.Width || n.Y+n.Height > d.Height {
					t.Errorf("%s (%v,%v %vx%v) is outside the diagram %vx%v", n.ID, n.X, n.Y, n.Width, n.Height, d.Width, d.Height)
				}
			}
			// Every arrow still starts and ends at (or near) its boxes.
			for _, e := range d.Edges {
				pts := e.Route.Points
				if len(pts) < 4 || (len(pts)-1)%3 != 0 {
					t.Errorf("edge %s has a broken route %v", e.ID, pts)
					continue
				}
				tip := pts[len(pts)-1]
				if e.Route.End != nil {
					tip = *e.Route.End
				}
				if !near(nodesByID(d)[e.Source], pts[0]) || !near(nodesByID(d)[e.Target], tip) {
					t.Errorf("edge %s (%v -> %v) does not meet its boxes", e.ID, pts[0], tip)
				}
			}
		})
	}
}

func nodesByID(d *diagram.Diagram) map[string]diagram.Node {
	out := map[string]diagram.Node{}
	for _, n := range d.Nodes {
		out[n.ID] = n
	}
	return out
}

// near tells whether p is within a few pixels of n's box.
func near(n diagram.Node, p diagram.Point) bool {
	const slack = 4
	return p.X >= n.X-slack && p.X <= n.X+n.Width+slack && p.Y >= n.Y-slack && p.Y <= n.Y+n.Height+slack
}

func TestPinsInsideContainersAreIgnored(t *testing.T) {
	auto := byName(build(t, nested))
	d := byName(buildPinned(t, nested, map[string]diagram.Point{"A": {X: 900, Y: 900}}))
	if d["A"].X != auto["A"].X || d["A"].Y != auto["A"].Y {
		t.Errorf("A moved to (%v, %v) from (%v, %v)", d["A"].X, d["A"].Y, auto["A"].X, auto["A"].Y)
	}
}

func TestNegativePinShiftsTheDiagram(t *testing.T) {
	d := buildPinned(t, chain, map[string]diagram.Point{"Fourth": {X: -150, Y: -80}})
	if d.Shift != (diagram.Point{X: 150, Y: 80}) {
		t.Fatalf("shift = %+v, want {150 80}", d.Shift)
	}
	if n := byName(d)["Fourth"]; n.X != 0 || n.Y != 0 {
		t.Errorf("Fourth is at (%v, %v), want the top-left corner", n.X, n.Y)
	}
}

func TestPinnedLayoutIsDeterministic(t *testing.T) {
	pins := map[string]diagram.Point{"First": {X: 300, Y: 200}, "Third": {X: 0, Y: 0}, "Brand new step": {X: 500, Y: 500}}
	first, _ := json.Marshal(buildPinned(t, withNew, pins))
	for range 3 {
		again, _ := json.Marshal(buildPinned(t, withNew, pins))
		if string(again) != string(first) {
			t.Fatal("the same pins gave a different diagram")
		}
	}
}

// A pin out of everyone's way moves nothing else: the layout may put
// boxes closer than the room kept around pinned ones (the example does),
// and that stays.
func TestPinOutOfTheWayKeepsTheRest(t *testing.T) {
	src, err := os.ReadFile("../examples/order-process.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	auto := build(t, string(src))
	first := byName(auto)["Validate order"]
	d := buildPinned(t, string(src), map[string]diagram.Point{"Validate order": {X: auto.Width + 100, Y: first.Y}})
	for i, n := range d.Nodes {
		if n.Name == "Validate order" {
			continue
		}
		if a := auto.Nodes[i]; n.X != a.X || n.Y != a.Y {
			t.Errorf("%s moved from (%v, %v) to (%v, %v)", n.ID, a.X, a.Y, n.X, n.Y)
		}
	}
	if d.Width < auto.Width+100+first.Width {
		t.Errorf("width %v does not hold the pinned box", d.Width)
	}
}

// BenchmarkPinned prints what pins cost on the example: the same
// diagram without pins, with one pinned step (re-routing its arrows with
// Graphviz's nop2), and with every top-level step pinned.
func BenchmarkPinned(b *testing.B) {
	src, err := os.ReadFile("../examples/order-process.asl.json")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := asl.Parse("x.asl.json", src)
	if err != nil {
		b.Fatal(err)
	}
	auto, err := diagram.Build(context.Background(), doc.Machine)
	if err != nil {
		b.Fatal(err)
	}
	all := map[string]diagram.Point{}
	for i, n := range auto.Nodes {
		if n.Parent == "" && n.Type != "" {
			all[n.Name] = diagram.Point{X: n.X + float64(40*i), Y: n.Y}
		}
	}
	cases := []struct {
		name string
		pins map[string]diagram.Point
	}{
		{"none", nil},
		{"one", map[string]diagram.Point{"Validate order": {X: auto.Width + 100, Y: 65}}},
		{"all", all},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := diagram.Build(context.Background(), doc.Machine, diagram.Pinned(c.pins)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/diagram")
		})
	}
}
