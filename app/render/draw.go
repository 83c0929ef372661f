package render

import (
	"image/color"
	"math"
	"sort"
	"strconv"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/layout"
)

var (
	nameText  = textStyle{size: 13, bold: true, color: colText}
	subText   = textStyle{size: 11, color: colMuted}
	labelText = textStyle{size: 11, mono: true, color: colMuted}
	badgeText = textStyle{size: 11, color: colMuted}
)

// draw paints d on p: containers and branches first (outermost first), then
// edges, then state boxes and markers on top, as the canvas stacks them.
func draw(p painter, d *diagram.Diagram) { drawMarked(p, d, nil) }

// drawMarked is draw with an overlay's marks (o may be nil); the overlay's
// lines and legend are drawn by the caller on top.
func drawMarked(p painter, d *diagram.Diagram, o *Overlay) {
	w, h := o.size(d)
	p.rect(0, 0, w, h, 0, style{fill: colBackground})
	byID := map[string]diagram.Node{}
	for _, n := range d.Nodes {
		byID[n.ID] = n
	}
	depth := func(n diagram.Node) int {
		k := 0
		for n.Parent != "" && k < 64 {
			n = byID[n.Parent]
			k++
		}
		return k
	}
	var boxes, tops []diagram.Node
	for _, n := range d.Nodes {
		if n.Kind == diagram.KindContainer || n.Kind == diagram.KindBranch {
			boxes = append(boxes, n)
		} else {
			tops = append(tops, n)
		}
	}
	sort.SliceStable(boxes, func(i, j int) bool { return depth(boxes[i]) < depth(boxes[j]) })
	for _, n := range boxes {
		o.node(p, n)
	}
	for _, e := range d.Edges {
		o.edge(p, e)
	}
	for _, n := range tops {
		o.node(p, n)
	}
}

func nodeGroup(n diagram.Node) group {
	g := group{class: "node " + n.Kind, attrs: [][2]string{{"data-id", n.ID}}}
	if n.Name != "" {
		g.attrs = append(g.attrs, [2]string{"data-name", n.Name})
	}
	if n.Type != "" {
		g.attrs = append(g.attrs, [2]string{"data-type", n.Type})
	}
	if n.Parent != "" {
		g.attrs = append(g.attrs, [2]string{"data-parent", n.Parent})
	}
	return g
}

func drawNode(p painter, n diagram.Node) { drawNodeMarked(p, n, nil) }

// drawNodeMarked draws n and, when m is set, the mark around it.
func drawNodeMarked(p painter, n diagram.Node, m *Mark) {
	g := nodeGroup(n)
	if m != nil && m.Class != "" {
		g.class += " " + m.Class
	}
	p.begin(g)
	defer p.end()
	if m != nil {
		defer markNode(p, n, *m) // on top of the box, inside its group
	}
	x, y, w, h := n.X+margin, n.Y+margin, n.Width, n.Height
	switch n.Kind {
	case diagram.KindStart:
		p.circle(x+w/2, y+h/2, w/2, style{fill: colMuted})
	case diagram.KindEnd:
		p.circle(x+w/2, y+h/2, w/2-2, style{fill: colPanel, stroke: colMuted, width: 4})
	case diagram.KindBranch:
		p.rect(x, y, w, h, 4, style{stroke: colBorderStrong, width: 1, dash: []float64{4, 3}})
	case diagram.KindContainer:
		c := typeColour(n.Type)
		p.rect(x, y, w, h, 8, style{fill: tint(c, 14), stroke: c, width: 1.5, dash: []float64{6, 4}})
		icon(p, x+12, y+16, c)
		p.runs(x+28, y+20, 8, []run{{fit(n.Name, nameText, textRoom(w-120)), nameText}, {n.Type, subText}})
		if n.Retries > 0 {
			retryBadge(p, x+w-12, y+6, n.Retries)
		}
	default:
		c := typeColour(n.Type)
		p.rect(x, y, w, h, 8, style{fill: colPanel, stroke: colBorderStrong, width: 1})
		p.path(leftBar(x, y, h, 8, 4), style{fill: c})
		icon(p, x+22, y+h/2, c)
		right := x + w - 12
		if n.Retries > 0 {
			right = retryBadge(p, right, y+h/2-9, n.Retries) - 6
		}
		sub := n.Resource
		if sub == "" {
			sub = n.Type
		}
		p.text(x+40, y+h/2-2, fit(n.Name, nameText, textRoom(right-x-40)), nameText)
		p.text(x+40, y+h/2+14, fit(sub, subText, textRoom(right-x-40)), subText)
	}
}

// textRoom is the width text is fitted to: text is measured with the Go
// fonts, but an SVG viewer without them uses a wider fallback (DejaVu Sans
// runs about a tenth wider), so leave that much spare.
func textRoom(w float64) float64 { return w * 0.88 }

// icon is the type's mark: a ring in the type colour (the canvas draws a
// line icon there; a ring reads the same at export sizes).
func icon(p painter, cx, cy float64, c color.RGBA) {
	p.circle(cx, cy, 6, style{stroke: c, width: 2})
}

// retryBadge draws "retry N" right-aligned at right, top at y; it returns
// the badge's left edge.
func retryBadge(p painter, right, y float64, n int) float64 {
	label := "retry " + strconv.Itoa(n)
	w := measure(label, badgeText) + 12
	p.rect(right-w, y, w, 18, 9, style{fill: colBadge})
	p.text(right-w+6, y+13, label, badgeText)
	return right - w
}

// leftBar is the 4px type-coloured strip on the left of a state box,
// following the box's rounded corners (radius r).
func leftBar(x, y, h, r, bar float64) []segment {
	const steps = 6
	arc := func(top bool) []pt {
		var pts []pt
		for i := 0; i <= steps; i++ {
			xi := x + bar*float64(i)/steps
			dy := r - math.Sqrt(math.Max(0, r*r-(x+r-xi)*(x+r-xi)))
			if top {
				pts = append(pts, pt{xi, y + dy})
			} else {
				pts = append(pts, pt{xi, y + h - dy})
			}
		}
		return pts
	}
	top, bottom := arc(true), arc(false)
	segs := []segment{{op: 'M', pts: []pt{top[0]}}}
	for _, q := range top[1:] {
		segs = append(segs, segment{op: 'L', pts: []pt{q}})
	}
	for i := len(bottom) - 1; i >= 0; i-- {
		segs = append(segs, segment{op: 'L', pts: []pt{bottom[i]}})
	}
	return append(segs, segment{op: 'Z'})
}

func drawEdge(p painter, e diagram.Edge) { drawEdgeMarked(p, e, nil) }

// drawEdgeMarked draws e, in the mark's colour and thicker when m is set.
func drawEdgeMarked(p painter, e diagram.Edge, m *Mark) {
	class := "edge " + e.Kind
	if m != nil && m.Class != "" {
		class += " " + m.Class
	}
	p.begin(group{class: class, attrs: [][2]string{{"data-id", e.ID}, {"data-source", e.Source}, {"data-target", e.Target}}})
	defer p.end()
	col := color.Color(colEdge)
	width := 1.5
	var dash []float64
	switch e.Kind {
	case diagram.EdgeCatch:
		col, dash = colCatch, []float64{6, 4}
	case diagram.EdgeDefault:
		dash = []float64{2, 3}
	}
	if m != nil {
		col, width = m.Colour, 3
	}
	segs := routeSegments(e.Route)
	if len(segs) > 0 {
		p.path(segs, style{stroke: col, width: width, dash: dash})
	}
	if head := arrowhead(e.Route); head != nil {
		p.path(head, style{fill: col})
	}
	if e.Label != "" && e.Route.Label != nil {
		t := labelText
		border := colBorder
		if e.Kind == diagram.EdgeCatch {
			t.color, border = colCatch, colCatch
		}
		if m != nil {
			t.color, border = m.Colour, m.Colour
		}
		text := fit(e.Label, t, 280)
		w, h := measure(text, t)+12, 17.0
		cx, cy := e.Route.Label.X+margin, e.Route.Label.Y+margin
		p.rect(cx-w/2, cy-h/2, w, h, 4, style{fill: colPanel, stroke: border, width: 1})
		t.anchor = "middle"
		p.text(cx, cy+4, text, t)
	}
}

// routeSegments turns Graphviz's Bézier points (p0, then c1 c2 p per
// segment) into a path; the arrowhead covers the rest up to End.
func routeSegments(r layout.Route) []segment {
	if len(r.Points) == 0 {
		return nil
	}
	at := func(q layout.Point) pt { return pt{q.X + margin, q.Y + margin} }
	segs := []segment{{op: 'M', pts: []pt{at(r.Points[0])}}}
	for i := 1; i+2 < len(r.Points); i += 3 {
		segs = append(segs, segment{op: 'C', pts: []pt{at(r.Points[i]), at(r.Points[i+1]), at(r.Points[i+2])}})
	}
	return segs
}

// arrowhead is a filled triangle from the route's last point (where
// Graphviz ends the line) to End (where the head tips).
func arrowhead(r layout.Route) []segment {
	if r.End == nil || len(r.Points) == 0 {
		return nil
	}
	base := r.Points[len(r.Points)-1]
	tip := *r.End
	dx, dy := tip.X-base.X, tip.Y-base.Y
	l := math.Hypot(dx, dy)
	if l < 0.5 {
		return nil
	}
	const half = 4.5
	ux, uy := dx/l, dy/l
	bx, by := base.X+margin, base.Y+margin
	return []segment{
		{op: 'M', pts: []pt{{tip.X + margin, tip.Y + margin}}},
		{op: 'L', pts: []pt{{bx - uy*half, by + ux*half}}},
		{op: 'L', pts: []pt{{bx + uy*half, by - ux*half}}},
		{op: 'Z'},
	}
}
