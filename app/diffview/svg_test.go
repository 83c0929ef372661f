package diffview_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/diffview"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Removed connections whose ends both still exist are drawn as lines;
// the others, and removed steps, are listed in the legend; added
// connections colour their edge; every status has its own colour.
func TestOverlay(t *testing.T) {
	a := `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "Old"}, "Old": {"Type": "Pass", "End": true}}}`
	b := `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "New"}, "B": {"Type": "Pass", "Result": 1, "End": true}, "New": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B"}], "Default": "B"}}}`
	r, err := flowdiff.CompareSources("a.json", []byte(a), "b.json", []byte(b), flowdiff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := asl.Parse("b.json", []byte(b))
	d, err := diagram.Build(context.Background(), doc.Machine)
	if err != nil {
		t.Fatal(err)
	}
	o := diffview.Overlay(d, r)
	if m := o.Nodes["/States/New"]; m.Colour != diffview.ColourAdded || m.Badge != "added" {
		t.Errorf("New: %+v", m)
	}
	if m := o.Nodes["/States/B"]; m.Colour != diffview.ColourChanged {
		t.Errorf("B: %+v", m)
	}
	if len(o.Lines) != 1 || o.Lines[0].From != "/States/A" || o.Lines[0].To != "/States/B" {
		t.Errorf("lines %+v, want the removed A → B", o.Lines)
	}
	if m, ok := o.Edges["/States/A/Next"]; !ok || m.Colour != diffview.ColourAdded {
		t.Errorf("edge A → New not marked added: %+v", o.Edges)
	}
	var legend []string
	for _, row := range o.Legend {
		legend = append(legend, row.Text)
	}
	text := strings.Join(legend, "\n")
	for _, want := range []string{"Removed steps\nOld (Pass)", "Removed connections\nB → Old"} {
		if !strings.Contains(text, want) {
			t.Errorf("legend lacks %q:\n%s", want, text)
		}
	}
	seen := map[any]string{}
	for name, c := range map[string]any{"added": diffview.ColourAdded, "removed": diffview.ColourRemoved, "changed": diffview.ColourChanged, "renamed": diffview.ColourRenamed, "moved": diffview.ColourMoved} {
		if other, dup := seen[c]; dup {
			t.Errorf("%s and %s share a colour", name, other)
		}
		seen[c] = name
	}
}
