// Package coverview draws a workflow's test coverage on its diagram:
// states and transitions the scenarios reached in green, those they never
// reached in red and dashed, with a legend listing what no edge shows
// (retry rules never retried, branches never run). It overlays marks with
// the render package's Overlay, as the diff view does.
package coverview

import (
	"bytes"
	"context"
	"fmt"
	"image/color"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/app/suite"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// The colours: green reached, red not reached; the badge and the dashed
// outline say the same for grey print and colour-blind readers.
var (
	ColourCovered   = color.RGBA{0x1a, 0x7f, 0x37, 0xff}
	ColourUncovered = color.RGBA{0xcf, 0x22, 0x2e, 0xff}
)

// maxListed caps the uncovered rules named in the legend.
const maxListed = 12

// SVG draws m's diagram with c over it.
func SVG(ctx context.Context, m *asl.StateMachine, c *suite.Coverage) ([]byte, error) {
	d, err := diagram.Build(ctx, m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := render.SVGOverlay(&buf, d, Overlay(d, c)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Overlay turns c into marks on d.
func Overlay(d *diagram.Diagram, c *suite.Coverage) *render.Overlay {
	o := &render.Overlay{Nodes: map[string]render.Mark{}, Edges: map[string]render.Mark{}}
	covered := render.Mark{Colour: ColourCovered, Class: "cov-covered"}
	uncovered := render.Mark{Colour: ColourUncovered, Class: "cov-uncovered", Dashed: true}
	for _, s := range c.States {
		if s.Covered {
			o.Nodes[s.ID] = covered
		} else {
			m := uncovered
			m.Badge = "not reached"
			o.Nodes[s.ID] = m
		}
	}
	edges := map[string]bool{}
	for _, e := range d.Edges {
		edges[e.ID] = true
	}
	var unlisted []string
	for _, t := range c.Transitions {
		switch t.Kind {
		case suite.KindRetry, suite.KindProcessor:
			if !t.Covered {
				unlisted = append(unlisted, describe(t))
			}
			continue
		case suite.KindBranch:
			if !t.Covered {
				m := uncovered
				m.Badge = "never ran"
				o.Nodes[t.ID] = m
			}
			continue
		}
		if !edges[t.ID] {
			continue
		}
		if t.Covered {
			o.Edges[t.ID] = covered
		} else {
			o.Edges[t.ID] = uncovered
		}
	}
	o.Legend = []render.LegendRow{
		{Heading: true, Text: fmt.Sprintf("Test coverage: %d of %d (%.1f%%)", c.Covered, c.Total, c.Percent)},
		{Colour: ColourCovered, Text: "reached by a scenario"},
		{Colour: ColourUncovered, Text: "never reached", Dashed: true},
	}
	if len(unlisted) > 0 {
		o.Legend = append(o.Legend, render.LegendRow{Heading: true, Text: "Also never reached"})
		for i, s := range unlisted {
			if i == maxListed {
				o.Legend = append(o.Legend, render.LegendRow{Colour: ColourUncovered, Text: fmt.Sprintf("… and %d more", len(unlisted)-maxListed)})
				break
			}
			o.Legend = append(o.Legend, render.LegendRow{Colour: ColourUncovered, Text: s})
		}
	}
	return o
}

func describe(t suite.Item) string {
	if t.Kind == suite.KindRetry {
		return fmt.Sprintf("%s: retry rule %d never retried", t.State, *t.Index+1)
	}
	return fmt.Sprintf("%s: no Map iteration ran", t.State)
}
