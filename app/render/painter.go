package render

import "image/color"

// painter is what the drawing routine draws on; svg.go and raster.go
// implement it. Coordinates are diagram pixels, y down.
type painter interface {
	begin(g group)
	end()
	rect(x, y, w, h, radius float64, s style)
	circle(cx, cy, r float64, s style)
	path(p []segment, s style)
	text(x, baseline float64, str string, t textStyle)
	// runs draws texts one after another on a line, gap pixels apart, so
	// a viewer with other fonts still lays them out without overlap.
	runs(x, baseline, gap float64, parts []run)
}

// run is one piece of a line of text.
type run struct {
	str string
	t   textStyle
}

// group names what the next shapes belong to (an SVG <g>).
type group struct {
	class string
	attrs [][2]string // extra attributes, in order
}

// style is how a shape is filled and stroked; a nil colour draws nothing.
type style struct {
	fill, stroke color.Color
	width        float64
	dash         []float64
}

// textStyle is a run of text; anchor is "start" or "middle".
type textStyle struct {
	size   float64
	bold   bool
	mono   bool
	color  color.Color
	anchor string
}

// segment is one step of a path: M (move), L (line), C (cubic, three
// points) or Z (close).
type segment struct {
	op  byte
	pts []pt
}

type pt struct{ x, y float64 }
