package templates_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/examples/templates"
	"github.com/stepstudio/stepstudio/schema"
)

// Every template must validate without errors or warnings and lay out: a
// broken template is a build failure, not something a user discovers.
func TestTemplatesAreValidAndDraw(t *testing.T) {
	for _, tpl := range templates.All {
		t.Run(tpl.ID, func(t *testing.T) {
			got, text, err := templates.Text(tpl.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tpl.ID || text == "" {
				t.Fatalf("Text(%q) = %+v, %d bytes", tpl.ID, got, len(text))
			}
			res := schema.Validate(tpl.FileName, []byte(text), schema.Options{})
			for _, d := range res.Diagnostics {
				t.Errorf("%s %s: %s at %s", d.Severity, d.Code, d.Message, d.Location)
			}
			if res.Document == nil || res.Document.Machine == nil {
				t.Fatal("does not parse")
			}
			d, err := diagram.Build(context.Background(), res.Document.Machine)
			if err != nil {
				t.Fatal(err)
			}
			if d.Width <= 0 || d.Height <= 0 || len(d.Edges) == 0 {
				t.Errorf("diagram %vx%v with %d edges", d.Width, d.Height, len(d.Edges))
			}
		})
	}
}

// Each embedded file is listed in the gallery, and each listed one exists.
func TestGalleryListsEveryFile(t *testing.T) {
	listed := map[string]bool{}
	for _, tpl := range templates.All {
		listed[tpl.FileName] = true
	}
	files, _ := fs.Glob(os.DirFS("."), "*.asl.json")
	if len(files) != len(listed) {
		t.Errorf("%d template files, %d in the gallery", len(files), len(listed))
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not in the gallery", f)
		}
	}
	if _, _, err := templates.Text("no-such"); err == nil {
		t.Error("an unknown id gave a template")
	}
}
