package handbook

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// The largest real-world definition, drawn and written as HTML and as
// Markdown: go test ./app/handbook -bench Largest -run XXX.
func BenchmarkLargestRealWorld(b *testing.B) {
	root := corpus.Dir(b, "realworld")
	var largest string
	var size int64
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasSuffix(p, ".manifest.json") {
			return nil
		}
		if info, err := e.Info(); err == nil && info.Size() > size {
			largest, size = p, info.Size()
		}
		return nil
	})
	src, err := os.ReadFile(largest)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s, %d bytes", filepath.Base(largest), size)
	for b.Loop() {
		doc, err := asl.Parse(largest, src)
		if err != nil {
			b.Fatal(err)
		}
		h, err := Build(context.Background(), Input{Name: Name(largest), Doc: doc, Draw: true})
		if err != nil {
			b.Fatal(err)
		}
		HTML(h)
		Render(h, "md", "")
	}
}
