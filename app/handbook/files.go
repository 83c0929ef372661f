package handbook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// File is one file of a rendered handbook, named relative to the folder
// it goes into.
type File struct {
	Name string
	Data []byte
}

// Formats are the formats Render writes.
var Formats = []string{"html", "md"}

// Render lays h out as files named from base ("" for the workflow's
// name): "html" is one BASE.html; "md" is BASE.md with BASE.svg (the
// diagram) and BASE.resources.svg (the dependencies) beside it,
// referenced by those relative names.
func Render(h *Handbook, format, base string) ([]File, error) {
	if base == "" {
		base = h.Name
	}
	base = FileBase(base)
	switch format {
	case "html":
		return []File{{base + ".html", HTML(h)}}, nil
	case "md":
		diagram, deps := "", ""
		var out []File
		if h.Diagram != nil {
			diagram = base + ".svg"
			out = append(out, File{diagram, h.Diagram})
		}
		if h.Dependencies != nil {
			deps = base + ".resources.svg"
			out = append(out, File{deps, h.Dependencies})
		}
		return append([]File{{base + ".md", Markdown(h, diagram, deps)}}, out...), nil
	}
	return nil, fmt.Errorf("handbook: unknown format %q (html or md)", format)
}

// FileBase is a safe file name stem for the workflow's name: no folder
// separators, no leading dot.
func FileBase(name string) string {
	b := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || r == ':' {
			return '-'
		}
		return r
	}, name)
	b = strings.TrimLeft(b, ".")
	if b == "" {
		return "handbook"
	}
	return b
}

// Beside reads what a handbook shows from beside a definition file: the
// sidecar (NAME.studio.json; none is an empty one) and the mock file
// (mockPath, else NAME.mocks.json when it exists; nil when there is none).
// Both reads are bounded; a file that is there but unreadable or invalid
// is an error.
func Beside(definition, mockPath string) (*sidecar.File, *mock.Config, error) {
	notes, err := sidecar.Load(sidecar.PathFor(definition))
	if err != nil {
		return nil, nil, err
	}
	if mockPath == "" {
		mockPath = MocksPath(definition)
		if _, err := os.Lstat(mockPath); errors.Is(err, fs.ErrNotExist) {
			return notes, nil, nil
		}
	}
	data, err := files.ReadFile(mockPath, files.Mocks)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := mock.Parse(mockPath, data)
	if err != nil {
		return nil, nil, err
	}
	return notes, cfg, nil
}

// MocksPath is the mock file beside a definition: flow.asl.json →
// flow.mocks.json.
func MocksPath(definition string) string {
	return strings.TrimSuffix(sidecar.PathFor(definition), sidecar.Suffix) + ".mocks.json"
}

// Name is a workflow's name from its file: "order-process" from
// "path/order-process.asl.json".
func Name(path string) string {
	return strings.TrimPrefix(strings.TrimSuffix(sidecar.PathFor(filepath.Base(path)), sidecar.Suffix), string(filepath.Separator))
}

// WriteAll writes the files into dir atomically, each never through a
// symbolic link nor outside dir; every target is checked before the first
// is written, so a refusal leaves none written. It returns the paths
// written.
func WriteAll(dir string, list []File) ([]string, error) {
	for _, f := range list {
		if _, err := files.CheckIn(dir, f.Name); err != nil {
			return nil, err
		}
	}
	var written []string
	for _, f := range list {
		p, err := files.WriteIn(dir, f.Name, f.Data, 0o644)
		if err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}
