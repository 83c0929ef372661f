package layout

import (
	"context"
	"fmt"
	"testing"
)

// sharedFailure is n steps in a chain, each catching into one shared
// failure state: the common shape whose long edges dot is slow with.
func sharedFailure(n int) Graph {
	var g Graph
	for i := range n {
		id := fmt.Sprintf("s%d", i)
		g.Nodes = append(g.Nodes, Node{ID: id, Width: 168, Height: 60})
		if i > 0 {
			g.Edges = append(g.Edges, Edge{ID: id + ">", From: fmt.Sprintf("s%d", i-1), To: id})
		}
		g.Edges = append(g.Edges, Edge{ID: id + "!", From: id, To: "fail", Label: "any error"})
	}
	g.Nodes = append(g.Nodes, Node{ID: "fail", Width: 168, Height: 60})
	return g
}

func TestSpreadFlagsLongLabelledEdges(t *testing.T) {
	small, big := spread(sharedFailure(10)), spread(sharedFailure(80))
	if small > heavySpread || big <= heavySpread {
		t.Fatalf("spread(10 steps) = %d, spread(80 steps) = %d; want the first light and the second heavy (> %d)", small, big, heavySpread)
	}
	// A cycle (a retry loop back to the start) does not make the estimate run away.
	g := sharedFailure(5)
	g.Edges = append(g.Edges, Edge{ID: "loop", From: "s4", To: "s0"})
	if s := spread(g); s > 100 {
		t.Errorf("spread with a loop = %d", s)
	}
}

// A heavy graph is laid out with its labels beside the edges: each
// labelled edge still has a label position, and the boxes do not overlap.
func TestHeavyGraphKeepsLabelsAndBoxes(t *testing.T) {
	g := sharedFailure(80)
	res, err := Layout(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if e.Label != "" && res.Edges[e.ID].Label == nil {
			t.Fatalf("edge %s lost its label position", e.ID)
		}
	}
	for i := range g.Nodes {
		for j := i + 1; j < len(g.Nodes); j++ {
			a, b := res.Nodes[g.Nodes[i].ID], res.Nodes[g.Nodes[j].ID]
			if a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height {
				t.Fatalf("%s and %s overlap", g.Nodes[i].ID, g.Nodes[j].ID)
			}
		}
	}
}

// BenchmarkLayoutSharedFailure: 60 steps catching into one failure state,
// the light way (as Layout does it) and the full way (labels with ranks
// of their own, unbounded positioning) for comparison.
func BenchmarkLayoutSharedFailure(b *testing.B) {
	g := sharedFailure(60)
	if _, err := Layout(context.Background(), g); err != nil { // start Graphviz
		b.Fatal(err)
	}
	b.Run("light", func(b *testing.B) {
		for b.Loop() {
			if _, err := Layout(context.Background(), g); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("full", func(b *testing.B) {
		forceFull = true
		defer func() { forceFull = false }()
		for b.Loop() {
			if _, err := Layout(context.Background(), g); err != nil {
				b.Fatal(err)
			}
		}
	})
}
