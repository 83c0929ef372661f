package render

import (
	"fmt"
	"image/png"
	"io"
	"math"

	"github.com/fogleman/gg"
)

// rasterPainter draws with gg (pure Go, anti-aliased) at a scale.
type rasterPainter struct {
	dc    *gg.Context
	scale float64
}

// maxPixels bounds the image so a 1000-state export cannot eat the memory
// of a CI runner (64 Mpx is a 16k x 4k picture).
const maxPixels = 64 << 20

func newRaster(width, height, scale float64) (*rasterPainter, error) {
	w, h := int(math.Ceil(width*scale)), int(math.Ceil(height*scale))
	if w <= 0 || h <= 0 || w*h > maxPixels {
		return nil, fmt.Errorf("render: a %dx%d image is too large; lower the scale", w, h)
	}
	if err := loadFonts(); err != nil {
		return nil, err
	}
	dc := gg.NewContext(w, h)
	dc.Scale(scale, scale)
	return &rasterPainter{dc: dc, scale: scale}, nil
}

func (p *rasterPainter) encode(w io.Writer) error {
	if err := png.Encode(w, p.dc.Image()); err != nil {
		return fmt.Errorf("render: png: %w", err)
	}
	return nil
}

func (p *rasterPainter) begin(group) {}
func (p *rasterPainter) end()        {}

func (p *rasterPainter) rect(x, y, w, h, r float64, s style) {
	if r > 0 {
		p.dc.DrawRoundedRectangle(x, y, w, h, r)
	} else {
		p.dc.DrawRectangle(x, y, w, h)
	}
	p.paint(s)
}

func (p *rasterPainter) circle(cx, cy, r float64, s style) {
	p.dc.DrawCircle(cx, cy, r)
	p.paint(s)
}

func (p *rasterPainter) path(segs []segment, s style) {
	p.dc.NewSubPath()
	for _, sg := range segs {
		switch sg.op {
		case 'M':
			p.dc.MoveTo(sg.pts[0].x, sg.pts[0].y)
		case 'L':
			p.dc.LineTo(sg.pts[0].x, sg.pts[0].y)
		case 'C':
			p.dc.CubicTo(sg.pts[0].x, sg.pts[0].y, sg.pts[1].x, sg.pts[1].y, sg.pts[2].x, sg.pts[2].y)
		case 'Z':
			p.dc.ClosePath()
		}
	}
	p.paint(s)
}

// paint fills then strokes the current path, as SVG does.
func (p *rasterPainter) paint(s style) {
	if s.fill != nil {
		p.dc.SetColor(s.fill)
		if s.stroke != nil {
			p.dc.FillPreserve()
		} else {
			p.dc.Fill()
		}
	}
	if s.stroke != nil {
		p.dc.SetColor(s.stroke)
		p.dc.SetLineWidth(s.width)
		p.dc.SetDash(s.dash...)
		p.dc.Stroke()
		p.dc.SetDash()
	}
	p.dc.ClearPath()
}

func (p *rasterPainter) text(x, baseline float64, str string, t textStyle) {
	// Glyphs are rasterised at the output size (not scaled up from 1x) so
	// they stay sharp: draw in device pixels with the scale undone.
	f := face(t, p.scale)
	if f == nil {
		return
	}
	p.dc.Push()
	p.dc.Identity()
	p.dc.SetFontFace(f)
	p.dc.SetColor(t.color)
	ax := 0.0
	if t.anchor == "middle" {
		ax = 0.5
	}
	p.dc.DrawStringAnchored(str, x*p.scale, baseline*p.scale, ax, 0)
	p.dc.Pop()
}

func (p *rasterPainter) runs(x, baseline, gap float64, parts []run) {
	for _, r := range parts {
		p.text(x, baseline, r.str, r.t)
		x += measure(r.str, r.t) + gap
	}
}
