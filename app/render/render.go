// Package render draws a placed diagram as a picture for people who will
// never open the studio: SVG for documents and wikis, PNG for chats and
// CI artifacts. It draws what the canvas draws (type-coloured boxes,
// container boxes, routed edges with arrowheads, dashed catch edges,
// labels, start and end markers) from the diagram package's placed nodes,
// with one drawing routine and two painters so both formats look alike.
package render

import (
	"fmt"
	"io"

	"github.com/stepstudio/stepstudio/app/diagram"
)

// margin is the blank border around the picture, in pixels.
const margin = 16

// SVG writes d as a standalone SVG document: one <g> per node and per edge,
// each carrying the node's id (the state's JSON pointer) or the edge's
// source and target, so the picture can be styled or scripted.
func SVG(w io.Writer, d *diagram.Diagram) error {
	if d == nil {
		return fmt.Errorf("render: no diagram")
	}
	p := newSVG(w, d.Width+2*margin, d.Height+2*margin)
	draw(p, d)
	return p.close()
}

// PNG writes d as a PNG image, scale times the diagram's pixel size (2
// gives a sharp picture on high-density screens).
func PNG(w io.Writer, d *diagram.Diagram, scale float64) error {
	if d == nil {
		return fmt.Errorf("render: no diagram")
	}
	if !(scale > 0 && scale <= 8) { // NaN fails too
		return fmt.Errorf("render: scale %v out of range (0, 8]", scale)
	}
	p, err := newRaster(d.Width+2*margin, d.Height+2*margin, scale)
	if err != nil {
		return err
	}
	draw(p, d)
	return p.encode(w)
}
