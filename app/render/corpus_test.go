package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// Every real-world definition that parses exports: the SVG is XML with a
// group per node and edge, the JSON keeps every node inside the picture,
// and a sample of PNGs decode at the expected size.
func TestRealWorldExports(t *testing.T) {
	root := corpus.Dir(t, "realworld")
	var paths []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasSuffix(p, ".manifest.json") {
			paths = append(paths, p)
		}
		return nil
	})
	drawn, skipped, pngs := 0, 0, 0
	for i, p := range paths {
		src, _ := os.ReadFile(p)
		doc, err := asl.Parse(p, src)
		if err != nil || doc.Machine == nil || len(doc.Machine.States) == 0 {
			skipped++
			continue
		}
		rel, _ := filepath.Rel(root, p)
		d, err := diagram.Build(context.Background(), doc.Machine)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		var buf bytes.Buffer
		if err := render.SVG(&buf, d); err != nil {
			t.Errorf("%s: svg: %v", rel, err)
			continue
		}
		nodes, edges, err := countGroups(&buf)
		if err != nil || nodes != len(d.Nodes) || edges != len(d.Edges) {
			t.Errorf("%s: svg %v; %d/%d node groups, %d/%d edge groups", rel, err, nodes, len(d.Nodes), edges, len(d.Edges))
		}
		g := render.GraphOf(d)
		// Graphviz rounds positions to its own units: a few hundredths of a
		// pixel over the edge are its, and the picture's margin absorbs them.
		const slack = 0.5
		for _, n := range g.Nodes {
			if n.X < -slack || n.Y < -slack || n.X+n.Width > g.Width+slack || n.Y+n.Height > g.Height+slack {
				t.Errorf("%s: node %s outside the picture", rel, n.ID)
			}
		}
		if i%10 == 0 {
			buf.Reset()
			if err := render.PNG(&buf, d, 1); err != nil {
				t.Errorf("%s: png: %v", rel, err)
			} else if cfg, err := png.DecodeConfig(&buf); err != nil || cfg.Width != int(math.Ceil(d.Width+32)) || cfg.Height != int(math.Ceil(d.Height+32)) {
				t.Errorf("%s: png %v %dx%d", rel, err, cfg.Width, cfg.Height)
			}
			pngs++
		}
		drawn++
	}
	t.Logf("realworld: %d definitions exported as JSON and SVG (%d also as PNG); %d files skipped (not a state machine)", drawn, pngs, skipped)
	if drawn == 0 {
		t.Error("no definition drawn")
	}
}

func countGroups(r io.Reader) (nodes, edges int, err error) {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nodes, edges, nil
		}
		if err != nil {
			return nodes, edges, err
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "g" {
			class := attr(el, "class")
			switch {
			case strings.HasPrefix(class, "node "):
				nodes++
			case strings.HasPrefix(class, "edge "):
				edges++
			}
		}
	}
}
