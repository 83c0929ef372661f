package layout

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// rawGraph is the part of Graphviz's json0 output we read.
type rawGraph struct {
	BB      string      `json:"bb"`
	Objects []rawObject `json:"objects"`
	Edges   []rawEdge   `json:"edges"`
}

type rawObject struct {
	Name string `json:"name"`
	BB   string `json:"bb"`  // clusters
	Pos  string `json:"pos"` // nodes: centre
}

type rawEdge struct {
	ID  string `json:"id"`
	Pos string `json:"pos"`
	LP  string `json:"lp"`
	XLP string `json:"xlp"` // the label's place when drawn beside the edge (heavy graphs)
}

func (r *rawGraph) result(g Graph, names map[string]string) (*Result, error) {
	sizes := make(map[string][2]float64, len(g.Nodes))
	for _, n := range g.Nodes {
		sizes[n.ID] = [2]float64{n.Width, n.Height}
	}
	bb, err := floats(r.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("layout: graph bounding box: %w", err)
	}
	height := bb[3]
	flip := func(x, y float64) Point { return Point{X: x, Y: height - y} }
	res := &Result{
		Width: bb[2], Height: height,
		Nodes: map[string]Box{}, Clusters: map[string]Box{}, Edges: map[string]Route{},
	}
	for _, o := range r.Objects {
		id, ok := names[o.Name]
		if !ok {
			continue
		}
		switch {
		case o.BB != "":
			c, err := floats(o.BB, 4)
			if err != nil {
				return nil, fmt.Errorf("layout: cluster %q: %w", id, err)
			}
			res.Clusters[id] = Box{X: c[0], Y: height - c[3], Width: c[2] - c[0], Height: c[3] - c[1]}
		case o.Pos != "":
			p, err := floats(o.Pos, 2)
			if err != nil {
				return nil, fmt.Errorf("layout: node %q: %w", id, err)
			}
			// Graphviz rounds sizes to inches; the caller's are exact.
			w, h := sizes[id][0], sizes[id][1]
			c := flip(p[0], p[1])
			res.Nodes[id] = Box{X: c.X - w/2, Y: c.Y - h/2, Width: w, Height: h}
		}
	}
	for _, e := range r.Edges {
		id, ok := names[e.ID]
		if !ok {
			continue
		}
		route, err := parseRoute(e.Pos, flip)
		if err != nil {
			return nil, fmt.Errorf("layout: edge %q: %w", id, err)
		}
		if lpText := cmp.Or(e.LP, e.XLP); lpText != "" {
			if lp, err := floats(lpText, 2); err == nil {
				p := flip(lp[0], lp[1])
				route.Label = &p
			}
		}
		res.Edges[id] = route
	}
	return res, nil
}

// parseRoute reads a spline "e,x,y s,x,y x,y x,y …" (arrow end and start
// markers are optional).
func parseRoute(pos string, flip func(x, y float64) Point) (Route, error) {
	var r Route
	for _, f := range strings.Fields(pos) {
		switch {
		case strings.HasPrefix(f, "e,"):
			p, err := floats(f[2:], 2)
			if err != nil {
				return r, err
			}
			end := flip(p[0], p[1])
			r.End = &end
		case strings.HasPrefix(f, "s,"):
			// start arrowheads are never drawn here
		default:
			p, err := floats(f, 2)
			if err != nil {
				return r, err
			}
			r.Points = append(r.Points, flip(p[0], p[1]))
		}
	}
	return r, nil
}

// floats parses n comma-separated numbers.
func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers in %q", n, s)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
