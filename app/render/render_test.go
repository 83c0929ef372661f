package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/engine/asl"
)

func build(t *testing.T, path string) *diagram.Diagram {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := asl.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := diagram.Build(context.Background(), doc.Machine)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var examples = []string{
	"../examples/order-process.asl.json",
	"../examples/templates/retry-and-compensate.asl.json",
	"testdata/nested.asl.yaml",
}

// The SVG is well-formed XML with one <g> per node and per edge, each
// naming what it draws, and every label text present.
func TestSVGHasAGroupPerNodeAndEdge(t *testing.T) {
	for _, path := range examples {
		t.Run(path, func(t *testing.T) {
			d := build(t, path)
			var buf bytes.Buffer
			if err := render.SVG(&buf, d); err != nil {
				t.Fatal(err)
			}
			nodes, edges := map[string]bool{}, map[string]bool{}
			var texts []string
			dec := xml.NewDecoder(&buf)
			inText := false
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not XML: %v", err)
				}
				switch el := tok.(type) {
				case xml.StartElement:
					inText = el.Name.Local == "text" || el.Name.Local == "tspan"
					if el.Name.Local != "g" {
						continue
					}
					class, id := attr(el, "class"), attr(el, "data-id")
					switch {
					case strings.HasPrefix(class, "node "):
						if nodes[id] {
							t.Errorf("node %s drawn twice", id)
						}
						nodes[id] = true
					case strings.HasPrefix(class, "edge "):
						edges[id] = true
					default:
						t.Errorf("group with class %q", class)
					}
				case xml.CharData:
					if inText {
						texts = append(texts, string(el))
					}
				case xml.EndElement:
					inText = false
				}
			}
			if len(nodes) != len(d.Nodes) || len(edges) != len(d.Edges) {
				t.Errorf("%d node groups, %d edge groups; diagram has %d nodes, %d edges", len(nodes), len(edges), len(d.Nodes), len(d.Edges))
			}
			all := strings.Join(texts, "\n")
			for _, n := range d.Nodes {
				if n.Kind == diagram.KindState && !strings.Contains(all, n.Name) {
					t.Errorf("no text for state %q", n.Name)
				}
			}
			for _, e := range d.Edges {
				head := []rune(e.Label)
				head = head[:min(len(head), 6)] // long labels are shortened with an ellipsis
				if e.Label != "" && !strings.Contains(all, string(head)) {
					t.Errorf("no label text for edge %s (%q)", e.ID, e.Label)
				}
			}
		})
	}
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// The PNG decodes, has the diagram's size times the scale (plus margins),
// and is not blank: the type colours of the states appear in it.
func TestPNGSizeAndContent(t *testing.T) {
	d := build(t, examples[0])
	for _, scale := range []float64{1, 2} {
		var buf bytes.Buffer
		if err := render.PNG(&buf, d, scale); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("scale %v: %v", scale, err)
		}
		b := img.Bounds()
		wantW, wantH := int(math.Ceil((d.Width+32)*scale)), int(math.Ceil((d.Height+32)*scale))
		if b.Dx() != wantW || b.Dy() != wantH {
			t.Errorf("scale %v: %dx%d, want %dx%d", scale, b.Dx(), b.Dy(), wantW, wantH)
		}
		// The Task accent (#2f6bff) is drawn somewhere.
		found := false
		for y := b.Min.Y; y < b.Max.Y && !found; y += 2 {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r>>8 == 0x2f && g>>8 == 0x6b && bl>>8 == 0xff {
					found = true
					break
				}
			}
		}
		if !found {
			t.Errorf("scale %v: no Task colour in the picture", scale)
		}
	}
	if err := render.PNG(io.Discard, d, 0); err == nil {
		t.Error("scale 0 accepted")
	}
}

// Picture is the pipeline every export uses: the same bytes as drawing the
// built diagram directly, for each format, and a clear error for others.
func TestPictureIsTheDiagramDrawn(t *testing.T) {
	src, _ := os.ReadFile(examples[0])
	doc, err := asl.Parse(examples[0], src)
	if err != nil {
		t.Fatal(err)
	}
	d := build(t, examples[0])
	var svg bytes.Buffer
	if err := render.SVG(&svg, d); err != nil {
		t.Fatal(err)
	}
	got, err := render.Picture(context.Background(), doc.Machine, "svg", 1)
	if err != nil || !bytes.Equal(got, svg.Bytes()) {
		t.Errorf("Picture svg differs from SVG (err %v)", err)
	}
	for _, f := range []string{"json", "png"} {
		if b, err := render.Picture(context.Background(), doc.Machine, f, 1); err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", f, len(b), err)
		}
	}
	if _, err := render.Picture(context.Background(), doc.Machine, "gif", 1); err == nil {
		t.Error("gif accepted")
	}
}
