// Package layout places a directed graph of boxes, nested clusters and
// edges with Graphviz's dot (go-graphviz, compiled to WASM and run by
// wazero). It knows nothing of ASL: the diagram package derives the graph.
//
// It lives in its own package so that tests elsewhere do not pay the WASM
// start-up. Graphviz is not goroutine-safe, so every call is serialised.
package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Graph is what to lay out. Sizes are in pixels.
type Graph struct {
	Nodes    []Node
	Clusters []Cluster
	Edges    []Edge
}

// Node is a box (or, with Point set, an invisible anchor such as the entry
// of a Parallel state).
type Node struct {
	ID            string
	Cluster       string // the innermost cluster holding the node, or ""
	Width, Height float64
	Point         bool
}

// Cluster is a box drawn around its nodes and sub-clusters. Label reserves
// room for a header at the top.
type Cluster struct {
	ID     string
	Parent string
	Label  string
}

// Edge goes From one node To another. HeadCluster / TailCluster clip it at
// a cluster's border instead of the node (used for container states).
// Label reserves room for a label beside the edge.
type Edge struct {
	ID, From, To             string
	HeadCluster, TailCluster string
	Label                    string
}

// Point is a position in pixels, with y growing downwards as on screen.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Box is a rectangle: top-left corner and size.
type Box struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// Route is an edge's path: Points are cubic Bézier control points
// (p0, then c1 c2 p per segment); End, when set, is where the arrowhead tips.
type Route struct {
	Points []Point `json:"points"`
	End    *Point  `json:"end,omitempty"`
	Label  *Point  `json:"label,omitempty"`
}

// Result is the placed graph.
type Result struct {
	Width    float64
	Height   float64
	Nodes    map[string]Box
	Clusters map[string]Box
	Edges    map[string]Route
}

var (
	mu sync.Mutex
	gv *graphviz.Graphviz
)

// Start starts Graphviz (its WASM module takes tens of milliseconds) if
// no layout has yet; the app calls it at start-up so that the first
// diagram does not wait.
func Start(ctx context.Context) error {
	mu.Lock()
	defer mu.Unlock()
	return start(ctx)
}

func start(ctx context.Context) error {
	if gv != nil {
		return nil
	}
	var err error
	if gv, err = graphviz.New(ctx); err != nil {
		return fmt.Errorf("layout: start graphviz: %w", err)
	}
	return nil
}

// Layout places g. Calls are serialised; the first one starts Graphviz.
func Layout(ctx context.Context, g Graph) (*Result, error) {
	src, names := toDOT(g)
	raw, err := run(ctx, src, graphviz.DOT)
	if err != nil {
		return nil, err
	}
	return raw.result(g, names)
}

// run lays out the DOT text src with engine and reads Graphviz's JSON
// answer. Graphviz is one instance: calls are serialised, the engine is
// set for this call only, and the first call starts it.
func run(ctx context.Context, src []byte, engine graphviz.Layout) (*rawGraph, error) {
	mu.Lock()
	defer mu.Unlock()
	if err := start(ctx); err != nil {
		return nil, err
	}
	parsed, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("layout: parse generated graph: %w", err)
	}
	defer parsed.Close()
	if engine != graphviz.DOT {
		gv.SetLayout(engine)
		defer gv.SetLayout(graphviz.DOT)
	}
	var out bytes.Buffer
	if err := gv.Render(ctx, parsed, graphviz.Format("json0"), &out); err != nil {
		return nil, fmt.Errorf("layout: %s: %w", engine, err)
	}
	var raw rawGraph
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		return nil, fmt.Errorf("layout: read %s output: %w", engine, err)
	}
	return &raw, nil
}
