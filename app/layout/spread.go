package layout

// dot turns every edge into a chain of virtual nodes, one per rank it
// crosses, and a labelled edge crosses twice as many (each label gets a
// rank of its own). A workflow where many steps catch into one shared
// failure state has long edges from every step to the end: the virtual
// nodes grow with the square of the steps, and dot's positioning and
// spline routing with them (80 such steps took 38 s). Past heavySpread
// virtual nodes (50 such steps; the real-world corpus stays under 150) the
// graph is laid out the light way: labels placed
// beside their edges after layout (xlabel, no rank of their own) and the
// positioning's network simplex cut short (nslimit), which keeps the same
// 80 steps under 0.2 s.
const heavySpread = 1500

// spread estimates the virtual nodes dot will make for g: each edge's
// rank span on a longest-path ranking (back edges of cycles left out, as
// dot reverses them), doubled for labelled edges.
func spread(g Graph) int {
	out := make(map[string][]int, len(g.Nodes))
	for i, e := range g.Edges {
		out[e.From] = append(out[e.From], i)
	}
	const (
		unseen = iota
		open
		done
	)
	state := make(map[string]int, len(g.Nodes))
	back := make([]bool, len(g.Edges))
	// Mark back edges with an iterative depth-first search.
	type frame struct {
		node string
		next int
	}
	for _, n := range g.Nodes {
		if state[n.ID] != unseen {
			continue
		}
		stack := []frame{{n.ID, 0}}
		state[n.ID] = open
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(out[top.node]) {
				state[top.node] = done
				stack = stack[:len(stack)-1]
				continue
			}
			i := out[top.node][top.next]
			top.next++
			switch to := g.Edges[i].To; state[to] {
			case open:
				back[i] = true
			case unseen:
				state[to] = open
				stack = append(stack, frame{to, 0})
			}
		}
	}
	// Longest-path ranks over the remaining edges (a DAG), in topological order.
	indeg := make(map[string]int, len(g.Nodes))
	for i, e := range g.Edges {
		if !back[i] {
			indeg[e.To]++
		}
	}
	rank := make(map[string]int, len(g.Nodes))
	var queue []string
	for _, n := range g.Nodes {
		if indeg[n.ID] == 0 {
			queue = append(queue, n.ID)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, i := range out[n] {
			if back[i] {
				continue
			}
			to := g.Edges[i].To
			rank[to] = max(rank[to], rank[n]+1)
			if indeg[to]--; indeg[to] == 0 {
				queue = append(queue, to)
			}
		}
	}
	total := 0
	for _, e := range g.Edges {
		span := rank[e.To] - rank[e.From]
		if span < 0 {
			span = -span
		}
		if e.Label != "" {
			span *= 2
		}
		total += span
	}
	return total
}
