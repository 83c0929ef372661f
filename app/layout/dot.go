package layout

import (
	"fmt"
	"strings"
)

// ptPerInch converts our pixel sizes to Graphviz's inches (1 px = 1 pt).
const ptPerInch = 72

// toDOT writes g as DOT text. Graphviz names are short generated ids (n0,
// cluster_c0, e0) so no user text needs escaping except labels; names maps
// each generated id back to ours.
func toDOT(g Graph) ([]byte, map[string]string) {
	names := make(map[string]string, len(g.Nodes)+len(g.Clusters)+len(g.Edges))
	nodeID := make(map[string]string, len(g.Nodes))
	clusterID := make(map[string]string, len(g.Clusters))
	for i, n := range g.Nodes {
		nodeID[n.ID] = fmt.Sprintf("n%d", i)
		names[nodeID[n.ID]] = n.ID
	}
	for i, c := range g.Clusters {
		clusterID[c.ID] = fmt.Sprintf("cluster_c%d", i)
		names[clusterID[c.ID]] = c.ID
	}

	heavy := spread(g) > heavySpread && !forceFull
	labelAttr := "label"
	var b strings.Builder
	b.WriteString("digraph G {\n")
	b.WriteString("compound=true; rankdir=TB; newrank=true; nodesep=0.45; ranksep=0.5;\n")
	if heavy {
		labelAttr = "xlabel"
		b.WriteString("nslimit=1; forcelabels=true;\n")
	}
	b.WriteString("fontname=\"Helvetica\"; fontsize=13; labeljust=l;\n")
	b.WriteString("node [shape=box fixedsize=true label=\"\"];\n")
	// The canvas draws edge labels in an 11px monospace font with 6px of
	// padding a side: Courier (0.6em a character) and a space a side make
	// dot reserve that much room, so neighbouring labels do not overlap.
	b.WriteString("edge [fontname=\"Courier\" fontsize=11];\n")

	// Nodes and clusters are written as a tree so nesting is kept.
	children := map[string][]Cluster{}
	for _, c := range g.Clusters {
		children[c.Parent] = append(children[c.Parent], c)
	}
	nodesIn := map[string][]Node{}
	for _, n := range g.Nodes {
		nodesIn[n.Cluster] = append(nodesIn[n.Cluster], n)
	}
	var write func(cluster string, depth int)
	write = func(cluster string, depth int) {
		for _, n := range nodesIn[cluster] {
			if n.Point {
				fmt.Fprintf(&b, "%s [shape=point width=0.01 height=0.01];\n", nodeID[n.ID])
				continue
			}
			fmt.Fprintf(&b, "%s [width=%.3f height=%.3f];\n", nodeID[n.ID], n.Width/ptPerInch, n.Height/ptPerInch)
		}
		for _, c := range children[cluster] {
			fmt.Fprintf(&b, "subgraph %s { label=%s; margin=14;\n", clusterID[c.ID], quote(c.Label))
			write(c.ID, depth+1)
			b.WriteString("}\n")
		}
	}
	write("", 0)

	for i, e := range g.Edges {
		id := fmt.Sprintf("e%d", i)
		names[id] = e.ID
		from, to := nodeID[e.From], nodeID[e.To]
		if from == "" || to == "" {
			continue // an edge to a missing state: the validator reports it
		}
		fmt.Fprintf(&b, "%s -> %s [id=%s", from, to, id)
		if e.HeadCluster != "" {
			fmt.Fprintf(&b, " lhead=%s", clusterID[e.HeadCluster])
		}
		if e.TailCluster != "" {
			fmt.Fprintf(&b, " ltail=%s", clusterID[e.TailCluster])
		}
		if e.Label != "" {
			fmt.Fprintf(&b, " %s=%s", labelAttr, quote(" "+e.Label+" "))
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return []byte(b.String()), names
}

// forceFull lays every graph out the full way (benchmarks compare).
var forceFull bool

// quote makes s a DOT string literal.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
