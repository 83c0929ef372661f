package layout

import (
	"context"
	"fmt"
	"strings"

	"github.com/goccy/go-graphviz"
)

// Placed is a box that stays where it is while edges are routed around it.
type Placed struct {
	ID  string
	Box Box
}

// Reroute draws edges between boxes already placed (by the automatic
// layout, then moved by hand), with Graphviz's nop2 engine: the positions
// are taken as given and each edge is a spline routed around the boxes,
// its label placed beside it. Edges name boxes by ID in From and To
// (cluster fields are unused: a container is one box here). Calls are
// serialised with Layout's.
func Reroute(ctx context.Context, boxes []Placed, edges []Edge) (map[string]Route, error) {
	src, names, height := toPlacedDOT(boxes, edges)
	raw, err := run(ctx, src, graphviz.NOP2)
	if err != nil {
		return nil, err
	}
	flip := func(x, y float64) Point { return Point{X: x, Y: height - y} }
	routes := make(map[string]Route, len(raw.Edges))
	for _, e := range raw.Edges {
		id, ok := names[e.ID]
		if !ok || e.Pos == "" {
			continue
		}
		r, err := parseRoute(e.Pos, flip)
		if err != nil || len(r.Points) < 4 {
			continue // the caller draws its own line for an edge Graphviz could not route
		}
		if e.LP != "" {
			if lp, err := floats(e.LP, 2); err == nil {
				p := flip(lp[0], lp[1])
				r.Label = &p
			}
		}
		routes[id] = r
	}
	return routes, nil
}

// toPlacedDOT writes boxes with fixed positions (centres, in points, y
// up: flipped at height) and the edges between them.
func toPlacedDOT(boxes []Placed, edges []Edge) ([]byte, map[string]string, float64) {
	height := 0.0
	for _, p := range boxes {
		height = max(height, p.Box.Y+p.Box.Height)
	}
	height += ptPerInch // room below, as y flips
	var b strings.Builder
	b.WriteString("digraph G {\n")
	// notranslate: keep our coordinates (nop2 otherwise moves the picture to 0,0).
	b.WriteString("splines=spline; notranslate=true;\n")
	b.WriteString("node [shape=box fixedsize=true label=\"\"];\n")
	b.WriteString("edge [fontname=\"Courier\" fontsize=11];\n")
	nodeID := make(map[string]string, len(boxes))
	names := make(map[string]string, len(edges))
	for i, p := range boxes {
		nodeID[p.ID] = fmt.Sprintf("n%d", i)
		fmt.Fprintf(&b, "n%d [pos=\"%.2f,%.2f!\" width=%.3f height=%.3f];\n", i,
			p.Box.X+p.Box.Width/2, height-(p.Box.Y+p.Box.Height/2), p.Box.Width/ptPerInch, p.Box.Height/ptPerInch)
	}
	for i, e := range edges {
		from, to := nodeID[e.From], nodeID[e.To]
		if from == "" || to == "" {
			continue
		}
		id := fmt.Sprintf("e%d", i)
		names[id] = e.ID
		fmt.Fprintf(&b, "%s -> %s [id=%s", from, to, id)
		if e.Label != "" {
			fmt.Fprintf(&b, " label=%s", quote(" "+e.Label+" "))
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return []byte(b.String()), names, height
}
