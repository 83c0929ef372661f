package layout_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/layout"
)

// parallelGraph: a -> [branch b | branch c] -> z, the branches inside a
// container cluster entered and left through point anchors.
func parallelGraph() layout.Graph {
	box := func(id, cluster string) layout.Node {
		return layout.Node{ID: id, Cluster: cluster, Width: 180, Height: 56}
	}
	return layout.Graph{
		Clusters: []layout.Cluster{{ID: "P", Label: "Fan out"}, {ID: "B0", Parent: "P"}, {ID: "B1", Parent: "P"}},
		Nodes: []layout.Node{
			box("a", ""), box("z", ""), box("b", "B0"), box("c", "B1"),
			{ID: "in", Cluster: "P", Point: true}, {ID: "out", Cluster: "P", Point: true},
		},
		Edges: []layout.Edge{
			{ID: "a>P", From: "a", To: "in", HeadCluster: "P"},
			{ID: "in>b", From: "in", To: "b"}, {ID: "in>c", From: "in", To: "c"},
			{ID: "b>out", From: "b", To: "out"}, {ID: "c>out", From: "c", To: "out"},
			{ID: "P>z", From: "out", To: "z", TailCluster: "P", Label: "x > 1"},
		},
	}
}

func inside(inner, outer layout.Box) bool {
	return inner.X >= outer.X && inner.Y >= outer.Y &&
		inner.X+inner.Width <= outer.X+outer.Width && inner.Y+inner.Height <= outer.Y+outer.Height
}

func overlap(a, b layout.Box) bool {
	return a.X < b.X+b.Width && b.X < a.X+a.Width && a.Y < b.Y+b.Height && b.Y < a.Y+a.Height
}

func TestLayoutPlacesNestedClusters(t *testing.T) {
	res, err := layout.Layout(context.Background(), parallelGraph())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c", "z"} {
		b := res.Nodes[id]
		if b.Width != 180 || b.Height != 56 {
			t.Errorf("node %s has size %vx%v, want 180x56", id, b.Width, b.Height)
		}
	}
	if !inside(res.Nodes["b"], res.Clusters["B0"]) || !inside(res.Nodes["c"], res.Clusters["B1"]) {
		t.Errorf("branch states are not inside their branch clusters: %+v", res)
	}
	if !inside(res.Clusters["B0"], res.Clusters["P"]) || !inside(res.Clusters["B1"], res.Clusters["P"]) {
		t.Errorf("branch clusters are not inside the container")
	}
	if overlap(res.Nodes["b"], res.Nodes["c"]) || overlap(res.Clusters["B0"], res.Clusters["B1"]) {
		t.Errorf("branches overlap")
	}
	// Top to bottom: a above the container above z.
	if !(res.Nodes["a"].Y < res.Clusters["P"].Y && res.Clusters["P"].Y+res.Clusters["P"].Height < res.Nodes["z"].Y) {
		t.Errorf("rank order wrong: a=%+v P=%+v z=%+v", res.Nodes["a"], res.Clusters["P"], res.Nodes["z"])
	}
	// The edge into the container stops at its border, not at the anchor.
	in := res.Edges["a>P"]
	if in.End == nil || math.Abs(in.End.Y-res.Clusters["P"].Y) > 1 {
		t.Errorf("edge into container should end on its top border %v, got %+v", res.Clusters["P"].Y, in.End)
	}
	if res.Edges["P>z"].Label == nil {
		t.Errorf("labelled edge has no label position")
	}
	if len(res.Edges) != 6 {
		t.Errorf("got %d routes, want 6", len(res.Edges))
	}
}

func TestLayoutEscapesLabels(t *testing.T) {
	g := layout.Graph{
		Clusters: []layout.Cluster{{ID: "C", Label: "quote \" back\\slash {}"}},
		Nodes:    []layout.Node{{ID: "x", Cluster: "C", Width: 100, Height: 40}, {ID: "y", Width: 100, Height: 40}},
		Edges:    []layout.Edge{{ID: "xy", From: "x", To: "y", Label: "$.a == \"b\"\n"}},
	}
	if _, err := layout.Layout(context.Background(), g); err != nil {
		t.Fatal(err)
	}
}

// chain returns an n-node graph: a chain with a Parallel-like cluster of
// three branches every 20 nodes and a side edge every 7, like a big workflow.
func chain(n int) layout.Graph {
	var g layout.Graph
	prev := ""
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("s%d", i)
		cluster := ""
		if i%20 >= 10 && i%20 < 13 {
			cluster = fmt.Sprintf("p%d/b%d", i/20, i%20-10)
			if i%20 == 10 {
				g.Clusters = append(g.Clusters, layout.Cluster{ID: fmt.Sprintf("p%d", i/20), Label: "Parallel"})
			}
			g.Clusters = append(g.Clusters, layout.Cluster{ID: cluster, Parent: fmt.Sprintf("p%d", i/20)})
		}
		g.Nodes = append(g.Nodes, layout.Node{ID: id, Cluster: cluster, Width: 200, Height: 56})
		if prev != "" {
			g.Edges = append(g.Edges, layout.Edge{ID: prev + ">" + id, From: prev, To: id})
		}
		if i%7 == 6 && i > 10 {
			g.Edges = append(g.Edges, layout.Edge{ID: id + "~", From: id, To: fmt.Sprintf("s%d", i-5), Label: "retry"})
		}
		prev = id
	}
	return g
}

// BenchmarkLayout300 lays out a 300-node graph. The first call in the
// process also starts the Graphviz WASM module: it is reported apart.
func BenchmarkLayout300(b *testing.B) {
	g := chain(300)
	start := time.Now()
	if _, err := layout.Layout(context.Background(), g); err != nil {
		b.Fatal(err)
	}
	b.Logf("first layout in this process (includes any Graphviz start-up): %v", time.Since(start))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := layout.Layout(context.Background(), g); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/layout")
}
