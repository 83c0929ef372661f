package render

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
)

// svgPainter writes SVG elements as it is called.
type svgPainter struct {
	w     *bufio.Writer
	depth int
}

const fontList = `Go, Inter, "Segoe UI", Cantarell, "Noto Sans", "DejaVu Sans", sans-serif`
const monoList = `"Go Mono", "JetBrains Mono", "DejaVu Sans Mono", monospace`

func newSVG(w io.Writer, width, height float64) *svgPainter {
	p := &svgPainter{w: bufio.NewWriter(w)}
	fmt.Fprintf(p.w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(p.w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family=%s>`+"\n",
		num(width), num(height), num(width), num(height), attr(fontList))
	return p
}

func (p *svgPainter) close() error {
	for p.depth > 0 {
		p.end()
	}
	fmt.Fprintln(p.w, "</svg>")
	return p.w.Flush()
}

func (p *svgPainter) begin(g group) {
	fmt.Fprintf(p.w, `<g class=%s`, attr(g.class))
	for _, a := range g.attrs {
		fmt.Fprintf(p.w, ` %s=%s`, a[0], attr(a[1]))
	}
	fmt.Fprintln(p.w, ">")
	p.depth++
}

func (p *svgPainter) end() {
	fmt.Fprintln(p.w, "</g>")
	p.depth--
}

func (p *svgPainter) rect(x, y, w, h, r float64, s style) {
	fmt.Fprintf(p.w, `<rect x="%s" y="%s" width="%s" height="%s"`, num(x), num(y), num(w), num(h))
	if r > 0 {
		fmt.Fprintf(p.w, ` rx="%s"`, num(r))
	}
	p.style(s)
	fmt.Fprintln(p.w, "/>")
}

func (p *svgPainter) circle(cx, cy, r float64, s style) {
	fmt.Fprintf(p.w, `<circle cx="%s" cy="%s" r="%s"`, num(cx), num(cy), num(r))
	p.style(s)
	fmt.Fprintln(p.w, "/>")
}

func (p *svgPainter) path(segs []segment, s style) {
	var d strings.Builder
	for _, sg := range segs {
		if d.Len() > 0 {
			d.WriteByte(' ')
		}
		d.WriteByte(sg.op)
		for _, q := range sg.pts {
			d.WriteString(" " + num(q.x) + " " + num(q.y))
		}
	}
	fmt.Fprintf(p.w, `<path d="%s"`, d.String())
	p.style(s)
	fmt.Fprintln(p.w, "/>")
}

func (p *svgPainter) text(x, baseline float64, str string, t textStyle) {
	fmt.Fprintf(p.w, `<text x="%s" y="%s" font-size="%s" fill="%s"`, num(x), num(baseline), num(t.size), colour(t.color))
	if t.bold {
		fmt.Fprint(p.w, ` font-weight="600"`)
	}
	if t.mono {
		fmt.Fprintf(p.w, ` font-family=%s`, attr(monoList))
	}
	if t.anchor == "middle" {
		fmt.Fprint(p.w, ` text-anchor="middle"`)
	}
	fmt.Fprintf(p.w, ">%s</text>\n", escape(str))
}

func (p *svgPainter) runs(x, baseline, gap float64, parts []run) {
	fmt.Fprintf(p.w, `<text x="%s" y="%s">`, num(x), num(baseline))
	for i, r := range parts {
		fmt.Fprintf(p.w, `<tspan font-size="%s" fill="%s"`, num(r.t.size), colour(r.t.color))
		if i > 0 {
			fmt.Fprintf(p.w, ` dx="%s"`, num(gap))
		}
		if r.t.bold {
			fmt.Fprint(p.w, ` font-weight="600"`)
		}
		fmt.Fprintf(p.w, ">%s</tspan>", escape(r.str))
	}
	fmt.Fprintln(p.w, "</text>")
}

func (p *svgPainter) style(s style) {
	fill := "none"
	if s.fill != nil {
		fill = colour(s.fill)
	}
	fmt.Fprintf(p.w, ` fill="%s"`, fill)
	if a := alpha(s.fill); a < 1 {
		fmt.Fprintf(p.w, ` fill-opacity="%s"`, num(a))
	}
	if s.stroke != nil {
		fmt.Fprintf(p.w, ` stroke="%s" stroke-width="%s"`, colour(s.stroke), num(s.width))
		if len(s.dash) > 0 {
			parts := make([]string, len(s.dash))
			for i, v := range s.dash {
				parts[i] = num(v)
			}
			fmt.Fprintf(p.w, ` stroke-dasharray="%s"`, strings.Join(parts, " "))
		}
	}
}

func colour(c color.Color) string {
	if c == nil {
		return "none"
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

func alpha(c color.Color) float64 {
	if c == nil {
		return 1
	}
	return float64(color.NRGBAModel.Convert(c).(color.NRGBA).A) / 255
}

// num prints a coordinate with at most two decimals, so files stay small
// and diffs of exported diagrams stay readable.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+copySign(0.5, v)))/100, 'f', -1, 64)
}

func copySign(a, b float64) float64 {
	if b < 0 {
		return -a
	}
	return a
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func escape(s string) string { return escaper.Replace(s) }

func attr(s string) string { return `"` + escape(s) + `"` }
