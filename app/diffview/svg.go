// Package diffview draws a flowdiff.Result for people reading a pull
// request: the new version's diagram with every state coloured by what
// happened to it (and a legend saying what each colour means), as SVG, or
// as one self-contained HTML page with the change list beside it. It uses
// the same diagram and render pipeline as `stepstudio graph`.
package diffview

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"strconv"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// The colours of the statuses: far apart in hue and each also named by
// a badge on the node, so they read in grey print and to colour-blind
// readers too. The studio's diff view should use the same ones.
var (
	ColourAdded   = rgb(0x1a7f37) // green
	ColourRemoved = rgb(0xcf222e) // red
	ColourChanged = rgb(0xc65d00) // orange
	ColourRenamed = rgb(0x0969da) // blue
	ColourMoved   = rgb(0x8250df) // purple
)

// maxListed caps the removed steps and connections named in the legend.
const maxListed = 12

// SVG draws b's diagram (b is the new version r was computed against)
// with r's statuses over it. pins are b's pinned positions (from its
// sidecar; nil for none), so the picture is laid out as the studio shows it.
func SVG(ctx context.Context, b *asl.StateMachine, r *flowdiff.Result, pins flowdiff.Layout) ([]byte, error) {
	at := make(map[string]diagram.Point, len(pins))
	for name, p := range pins {
		at[name] = diagram.Point{X: p.X, Y: p.Y}
	}
	d, err := diagram.Build(ctx, b, diagram.Pinned(at))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := render.SVGOverlay(&buf, d, Overlay(d, r)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Overlay turns r into marks on d (the new version's diagram).
func Overlay(d *diagram.Diagram, r *flowdiff.Result) *render.Overlay {
	o := &render.Overlay{Nodes: map[string]render.Mark{}, Edges: map[string]render.Mark{}}
	for _, s := range r.States {
		switch s.Status {
		case flowdiff.Added:
			o.Nodes[s.ID] = render.Mark{Colour: ColourAdded, Badge: "added", Class: "diff-added"}
		case flowdiff.Changed:
			o.Nodes[s.ID] = render.Mark{Colour: ColourChanged, Badge: "changed", Class: "diff-changed"}
		case flowdiff.Renamed:
			badge := "renamed from " + s.OldName
			if s.Edited {
				badge = "renamed + edited"
			}
			o.Nodes[s.ID] = render.Mark{Colour: ColourRenamed, Badge: badge, Class: "diff-renamed"}
		case flowdiff.Moved:
			o.Nodes[s.ID] = render.Mark{Colour: ColourMoved, Badge: "moved", Class: "diff-moved", Dashed: true}
		}
	}

	// Connections: added ones are edges of d; removed ones are drawn as
	// dashed lines when both ends are still there, else listed.
	idOf := map[string]string{} // state name in B -> node id
	for _, n := range d.Nodes {
		if n.Kind == diagram.KindState || n.Kind == diagram.KindContainer {
			idOf[n.Name] = n.ID
		}
	}
	newName := map[string]string{}
	for _, s := range r.States {
		if s.Status == flowdiff.Renamed {
			newName[s.OldName] = s.Name
		}
	}
	inB := func(name string) (string, bool) {
		if n, ok := newName[name]; ok {
			name = n
		}
		id, ok := idOf[name]
		return id, ok
	}
	used := map[string]bool{}
	var unplaced []flowdiff.TransitionDiff
	for _, t := range r.Transitions {
		if t.Op == flowdiff.OpAdded {
			if id := findEdge(d, t, used); id != "" {
				o.Edges[id] = render.Mark{Colour: ColourAdded, Class: "diff-added"}
			}
			continue
		}
		from, okF := inB(t.From)
		to, okT := inB(t.To)
		if t.Kind == "StartAt" && t.From == "" {
			from, okF = "start", true
		}
		if okF && okT {
			o.Lines = append(o.Lines, render.Line{From: from, To: to, Label: "removed", Mark: render.Mark{Colour: ColourRemoved, Class: "diff-removed"}})
		} else {
			unplaced = append(unplaced, t)
		}
	}
	o.Legend = legend(r, unplaced)
	return o
}

// edgeKinds maps a connection's kind to the diagram's edge kind.
var edgeKinds = map[string]string{
	"Next": diagram.EdgeNext, "Default": diagram.EdgeDefault, "Choice": diagram.EdgeChoice,
	"Catch": diagram.EdgeCatch, "StartAt": diagram.EdgeStart,
}

// findEdge is the id of an edge of d drawing t and not yet used.
func findEdge(d *diagram.Diagram, t flowdiff.TransitionDiff, used map[string]bool) string {
	for _, e := range d.Edges {
		if !used[e.ID] && e.Source == t.FromID && e.Target == t.ToID && e.Kind == edgeKinds[t.Kind] {
			used[e.ID] = true
			return e.ID
		}
	}
	return ""
}

func legend(r *flowdiff.Result, unplaced []flowdiff.TransitionDiff) []render.LegendRow {
	c := r.Counts
	rows := []render.LegendRow{
		{Heading: true, Text: "What changed"},
		{Colour: ColourAdded, Text: "added step (" + strconv.Itoa(c.Added) + ")"},
		{Colour: ColourChanged, Text: "changed step (" + strconv.Itoa(c.Changed-editedRenames(r)) + ")"},
		{Colour: ColourRenamed, Text: "renamed step (" + strconv.Itoa(c.Renamed) + ")"},
		{Colour: ColourMoved, Text: "moved on the diagram only (" + strconv.Itoa(c.Moved) + ")", Dashed: true},
		{Colour: ColourRemoved, Text: "removed step (" + strconv.Itoa(c.Removed) + "), listed below"},
		{Colour: ColourAdded, Text: "connection added (" + strconv.Itoa(c.TransitionsAdded) + ")"},
		{Colour: ColourRemoved, Text: "connection removed (" + strconv.Itoa(c.TransitionsRemoved) + ")", Dashed: true},
	}
	var removed []string
	for _, s := range r.States {
		if s.Status == flowdiff.Removed {
			removed = append(removed, s.Name+" ("+s.Type+")")
		}
	}
	rows = appendList(rows, "Removed steps", removed)
	var conns []string
	for _, t := range unplaced {
		from := t.From
		if from == "" {
			from = "start"
		}
		conns = append(conns, from+" → "+t.To)
	}
	rows = appendList(rows, "Removed connections", conns)
	if c.MachineChanges > 0 {
		rows = append(rows, render.LegendRow{Heading: true, Text: fmt.Sprintf("Workflow settings: %d changed", c.MachineChanges)})
	}
	return rows
}

func appendList(rows []render.LegendRow, title string, items []string) []render.LegendRow {
	if len(items) == 0 {
		return rows
	}
	rows = append(rows, render.LegendRow{Heading: true, Text: title})
	for i, it := range items {
		if i == maxListed {
			rows = append(rows, render.LegendRow{Colour: ColourRemoved, Text: fmt.Sprintf("… and %d more", len(items)-maxListed)})
			break
		}
		rows = append(rows, render.LegendRow{Colour: ColourRemoved, Text: it})
	}
	return rows
}

// editedRenames counts renamed states that were also edited: Counts.Changed
// includes them, but on the diagram they wear the rename colour.
func editedRenames(r *flowdiff.Result) int {
	n := 0
	for _, s := range r.States {
		if s.Status == flowdiff.Renamed && s.Edited {
			n++
		}
	}
	return n
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}
