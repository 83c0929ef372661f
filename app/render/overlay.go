package render

import (
	"fmt"
	"image/color"
	"io"

	"github.com/stepstudio/stepstudio/app/diagram"
)

// Overlay marks a diagram without changing it: an outline and a badge on
// nodes, a colour on edges, extra straight lines between nodes (say, a
// connection that no longer exists) and a legend beside the picture. The
// diff view draws its statuses with it.
type Overlay struct {
	Nodes  map[string]Mark // by node id
	Edges  map[string]Mark // by edge id
	Lines  []Line
	Legend []LegendRow
}

// Mark is how one node or edge is marked.
type Mark struct {
	Colour color.RGBA
	Badge  string // a word drawn on the node's top edge, e.g. "added"
	Class  string // added to the SVG group's class, for styling and tests
	Dashed bool   // a dashed outline
}

// Line is a straight dashed line from one node's centre to another's.
type Line struct {
	From, To string
	Mark     Mark
	Label    string
}

// LegendRow is one line of the legend: a swatch in Colour (none when
// Heading) and its text.
type LegendRow struct {
	Colour  color.RGBA
	Text    string
	Heading bool
	Dashed  bool // the swatch is a dashed outline, like a Line
}

const (
	legendWidth = 280
	legendRow   = 20
	legendPad   = 12
)

// SVGOverlay writes d as SVG with o drawn over it and its legend to the
// right.
func SVGOverlay(w io.Writer, d *diagram.Diagram, o *Overlay) error {
	if d == nil {
		return fmt.Errorf("render: no diagram")
	}
	width, height := o.size(d)
	p := newSVG(w, width, height)
	drawMarked(p, d, o)
	o.lines(p, d)
	o.legend(p, d)
	return p.close()
}

// size is the picture's size: the diagram, and the legend to its right.
func (o *Overlay) size(d *diagram.Diagram) (w, h float64) {
	w, h = d.Width+2*margin, d.Height+2*margin
	if o == nil || len(o.Legend) == 0 {
		return w, h
	}
	return w + legendWidth + margin, max(h, legendHeight(len(o.Legend))+2*margin)
}

func legendHeight(rows int) float64 { return float64(rows)*legendRow + 2*legendPad }

func (o *Overlay) node(p painter, n diagram.Node) {
	if o != nil {
		if m, ok := o.Nodes[n.ID]; ok {
			drawNodeMarked(p, n, &m)
			return
		}
	}
	drawNode(p, n)
}

func (o *Overlay) edge(p painter, e diagram.Edge) {
	if o != nil {
		if m, ok := o.Edges[e.ID]; ok {
			drawEdgeMarked(p, e, &m)
			return
		}
	}
	drawEdge(p, e)
}

// markNode draws the mark's outline around n and its badge on the top edge.
func markNode(p painter, n diagram.Node, m Mark) {
	x, y, w, h := n.X+margin, n.Y+margin, n.Width, n.Height
	s := style{stroke: m.Colour, width: 3}
	if m.Dashed {
		s.dash = []float64{6, 4}
	}
	p.rect(x-4, y-4, w+8, h+8, 11, s)
	if m.Badge == "" {
		return
	}
	t := textStyle{size: 10, bold: true, color: colPanel}
	label := fit(m.Badge, t, max(40, w-24))
	// Measured with the Go fonts; a viewer's fallback font runs wider, so
	// the pill keeps spare room (see textRoom).
	bw := measure(label, t)*1.15 + 12
	p.rect(x+w-bw-8, y-12, bw, 16, 8, style{fill: m.Colour})
	p.text(x+w-bw-2, y, label, t)
}

// lines draws the overlay's extra lines between node centres.
func (o *Overlay) lines(p painter, d *diagram.Diagram) {
	if o == nil || len(o.Lines) == 0 {
		return
	}
	at := map[string]diagram.Node{}
	for _, n := range d.Nodes {
		at[n.ID] = n
	}
	for _, l := range o.Lines {
		a, okA := at[l.From]
		b, okB := at[l.To]
		if !okA || !okB {
			continue
		}
		p.begin(group{class: "line " + l.Mark.Class, attrs: [][2]string{{"data-source", l.From}, {"data-target", l.To}}})
		ax, ay, bx, by := between(a, b)
		p.path([]segment{{op: 'M', pts: []pt{{ax, ay}}}, {op: 'L', pts: []pt{{bx, by}}}}, style{stroke: l.Mark.Colour, width: 2.5, dash: []float64{3, 4}})
		if l.Label != "" {
			t := textStyle{size: 11, color: l.Mark.Colour, anchor: "middle"}
			p.text((ax+bx)/2, (ay+by)/2-4, fit(l.Label, t, 200), t)
		}
		p.end()
	}
}

// legend draws the rows in a panel to the right of the diagram.
func (o *Overlay) legend(p painter, d *diagram.Diagram) {
	if o == nil || len(o.Legend) == 0 {
		return
	}
	x, y := d.Width+2*margin, float64(margin)
	p.begin(group{class: "legend"})
	defer p.end()
	p.rect(x, y, legendWidth, legendHeight(len(o.Legend)), 8, style{fill: colPanel, stroke: colBorderStrong, width: 1})
	for i, r := range o.Legend {
		cy := y + legendPad + float64(i)*legendRow + legendRow/2
		if r.Heading {
			p.text(x+legendPad, cy+4, fit(r.Text, nameText, legendWidth-2*legendPad), nameText)
			continue
		}
		s := style{fill: r.Colour}
		if r.Dashed {
			s = style{stroke: r.Colour, width: 2, dash: []float64{3, 2}}
		}
		p.rect(x+legendPad, cy-6, 12, 12, 3, s)
		t := textStyle{size: 12, color: colText}
		p.text(x+legendPad+20, cy+4, fit(r.Text, t, legendWidth-2*legendPad-20), t)
	}
}

// between is the segment joining the centres of a and b, cut where it
// leaves each box, so the line does not cross the names.
func between(a, b diagram.Node) (ax, ay, bx, by float64) {
	ax, ay = a.X+a.Width/2+margin, a.Y+a.Height/2+margin
	bx, by = b.X+b.Width/2+margin, b.Y+b.Height/2+margin
	dx, dy := bx-ax, by-ay
	// exit is the fraction of the way from a centre to the other centre at
	// which the line leaves a box of half-size hw, hh.
	exit := func(hw, hh float64) float64 {
		t := 1.0
		if dx != 0 {
			t = min(t, hw/abs(dx))
		}
		if dy != 0 {
			t = min(t, hh/abs(dy))
		}
		return t
	}
	ta, tb := exit(a.Width/2, a.Height/2), exit(b.Width/2, b.Height/2)
	if ta+tb >= 1 { // overlapping boxes: keep the centres
		return ax, ay, bx, by
	}
	return ax + dx*ta, ay + dy*ta, bx - dx*tb, by - dy*tb
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
