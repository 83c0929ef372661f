package render

import (
	"math"

	"github.com/stepstudio/stepstudio/app/diagram"
)

// Graph is the diagram as data for scripts and CI (`stepstudio graph
// --format json`): where each state sits and how they connect.
type Graph struct {
	Width  float64     `json:"width"`
	Height float64     `json:"height"`
	Nodes  []GraphNode `json:"nodes"`
	Edges  []GraphEdge `json:"edges"`
}

// GraphNode is a placed box. Kind is "state", "container" (a Parallel or
// Map drawn around its states), "branch" (one branch of a Parallel),
// "start" or "end" (the markers, with no name). Parent is the name of the
// container state the node is drawn in, "" at the top level; Branch is the
// 1-based branch of a Parallel it sits in, 0 elsewhere. ID is the node's
// JSON pointer in the definition.
type GraphNode struct {
	ID     string  `json:"id"`
	Kind   string  `json:"kind"`
	Name   string  `json:"name"`
	Type   string  `json:"type"`
	Parent string  `json:"parent"`
	Branch int     `json:"branch,omitempty"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// GraphEdge is a transition. Source and Target are state names ("" for the
// start and end markers); SourceID and TargetID are the node ids. Kind is
// next, default, choice, catch, start or end; Label is the Choice condition,
// the caught errors or "Default".
type GraphEdge struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	SourceID string `json:"sourceId"`
	TargetID string `json:"targetId"`
	Kind     string `json:"kind"`
	Label    string `json:"label"`
}

// GraphOf converts a placed diagram.
func GraphOf(d *diagram.Diagram) Graph {
	g := Graph{Width: round(d.Width), Height: round(d.Height), Nodes: make([]GraphNode, 0, len(d.Nodes)), Edges: make([]GraphEdge, 0, len(d.Edges))}
	byID := make(map[string]diagram.Node, len(d.Nodes))
	branch := map[string]int{}
	for _, n := range d.Nodes {
		byID[n.ID] = n
		if n.Kind == diagram.KindBranch {
			branch[n.ID] = len(branchesOf(d, n.Parent, n.ID))
		}
	}
	for _, n := range d.Nodes {
		gn := GraphNode{ID: n.ID, Kind: n.Kind, Name: n.Name, Type: n.Type, X: round(n.X), Y: round(n.Y), Width: round(n.Width), Height: round(n.Height)}
		if p, ok := byID[n.Parent]; ok {
			if p.Kind == diagram.KindBranch {
				gn.Branch = branch[p.ID]
				p = byID[p.Parent]
			}
			gn.Parent = p.Name
		}
		g.Nodes = append(g.Nodes, gn)
	}
	for _, e := range d.Edges {
		g.Edges = append(g.Edges, GraphEdge{
			Source: byID[e.Source].Name, Target: byID[e.Target].Name,
			SourceID: e.Source, TargetID: e.Target, Kind: e.Kind, Label: e.Label,
		})
	}
	return g
}

// branchesOf lists the branch ids of container up to and including upTo,
// in order, so a branch's position is the list's length.
func branchesOf(d *diagram.Diagram, container, upTo string) []string {
	var ids []string
	for _, n := range d.Nodes {
		if n.Kind == diagram.KindBranch && n.Parent == container {
			ids = append(ids, n.ID)
			if n.ID == upTo {
				break
			}
		}
	}
	return ids
}

// round keeps two decimals: layout noise such as 64.99000000000001 helps
// nobody reading the JSON or diffing it in CI.
func round(v float64) float64 { return math.Round(v*100) / 100 }
