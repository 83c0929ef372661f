package handbook

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// The dependency diagram's geometry, in pixels. The layout is our own and
// deterministic (no Graphviz): the workflow in the middle, the groups of
// resources stacked in a column on either side, one line from the
// workflow to each resource, labelled with the steps that use it.
const (
	depMargin  = 16.0
	depColumn  = 250.0 // a group's width
	depGap     = 170.0 // room between a column and the workflow for the lines' labels
	depFlowW   = 180.0
	depFlowH   = 56.0
	depTitleH  = 26.0
	depRowH    = 30.0
	depGroupGp = 14.0 // space between groups
)

type depRow struct {
	x, y, w float64 // the row's box
	left    bool
	name    string
	label   string
}

// dependencySVG draws the workflow and the resources it touches.
func dependencySVG(h *Handbook) []byte {
	var left, right []Group
	for i, g := range h.Resources {
		if i%2 == 0 {
			left = append(left, g)
		} else {
			right = append(right, g)
		}
	}
	colH := func(gs []Group) float64 {
		t := 0.0
		for i, g := range gs {
			if i > 0 {
				t += depGroupGp
			}
			t += depTitleH + float64(len(g.Resources))*depRowH + 6
		}
		return t
	}
	height := max(colH(left), colH(right), depFlowH) + 2*depMargin
	width := 2*depMargin + 2*depColumn + 2*depGap + depFlowW
	if len(right) == 0 {
		width -= depColumn + depGap // nothing on the right: no empty half
	}
	flowX := depMargin + depColumn + depGap
	flowY := (height - depFlowH) / 2

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="Inter, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif" font-size="12" role="img" aria-label="%s">`+"\n",
		num(width), num(height), num(width), num(height), esc("AWS resources used by "+h.Name))
	var rows []depRow
	column := func(gs []Group, x float64, isLeft bool) {
		y := depMargin
		for _, g := range gs {
			gh := depTitleH + float64(len(g.Resources))*depRowH + 6
			fmt.Fprintf(&b, `<g class="group"><rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="#f6f8fa" stroke="#8c959f"/>`, num(x), num(y), num(depColumn), num(gh))
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-weight="600">%s</text></g>`+"\n", num(x+10), num(y+17), esc(fit(g.Title, depColumn-20, 7)))
			ry := y + depTitleH
			for _, r := range g.Resources {
				name := r.Name
				if r.Runtime {
					name = "(run time) " + name
				}
				rows = append(rows, depRow{x: x + 6, y: ry, w: depColumn - 12, left: isLeft, name: name, label: strings.Join(r.Steps, ", ")})
				ry += depRowH
			}
			y += gh + depGroupGp
		}
	}
	column(left, depMargin, true)
	column(right, flowX+depFlowW+depGap, false)
	for _, r := range rows {
		cy := r.y + (depRowH-6)/2
		fx, tx, lx, anchor := flowX, r.x+r.w, r.x+r.w+6, "start"
		if !r.left {
			fx, tx, lx, anchor = flowX+depFlowW, r.x, r.x-6, "end"
		}
		fmt.Fprintf(&b, `<g class="edge"><path d="M%s %s L%s %s" fill="none" stroke="#57606a" stroke-width="1.2"/>`, num(fx), num(flowY+depFlowH/2), num(tx), num(cy))
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="10" fill="#57606a" text-anchor="%s">%s</text></g>`+"\n", num(lx), num(cy-4), anchor, esc(fit(r.label, depGap-20, 5.6)))
		fmt.Fprintf(&b, `<g class="resource"><rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="#ffffff" stroke="#d0d7de"/>`, num(r.x), num(r.y), num(r.w), num(depRowH-6))
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-family="'DejaVu Sans Mono', monospace" font-size="11">%s</text></g>`+"\n", num(r.x+8), num(cy+4), esc(fit(r.name, r.w-16, 6.7)))
	}
	fmt.Fprintf(&b, `<g class="workflow"><rect x="%s" y="%s" width="%s" height="%s" rx="10" fill="#dbeafe" stroke="#1d4ed8" stroke-width="1.5"/>`, num(flowX), num(flowY), num(depFlowW), num(depFlowH))
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" font-weight="600">%s</text></g>`+"\n", num(flowX+depFlowW/2), num(flowY+depFlowH/2+4), esc(fit(h.Name, depFlowW-16, 7)))
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// fit shortens s with "…" to about w pixels at per pixels a character.
func fit(s string, w, per float64) string {
	n := int(w / per)
	if utf8.RuneCountInString(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func esc(s string) string { return html.EscapeString(s) }

func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}
