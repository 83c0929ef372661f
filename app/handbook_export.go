package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/handbook"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/mock"
	"github.com/stepstudio/stepstudio/schema"
)

var handbookFilters = []runtime.FileFilter{
	{DisplayName: "Web page, one file (*.html)", Pattern: "*.html"},
	{DisplayName: "Markdown with SVG pictures beside it (*.md)", Pattern: "*.md"},
}

// ExportHandbook writes the process handbook of text (the document at
// path, "" when unsaved; name is its file name): it asks where to save,
// and the name chosen decides the format: NAME.md writes Markdown with
// NAME.svg and NAME.resources.svg beside it, anything else one
// self-contained HTML page. The sidecar and the mock file beside path
// add descriptions, open comments and the test scenarios; a state machine
// inside a template (path "") gives its own notes file as notesPath
// (T.<LogicalId>.studio.json) for its descriptions and comments. It
// returns the main file written, or "" when the user cancelled.
func (f *Files) ExportHandbook(path, notesPath, name, text string) (string, error) {
	res := schema.Validate(name, []byte(text), schema.Options{Placeholders: true})
	if res.Document == nil || res.Document.Machine == nil {
		return "", fmt.Errorf("handbook: the definition does not parse, so there is nothing to describe")
	}
	notes, cfg := sidecar.New(), (*mock.Config)(nil)
	var err error
	switch {
	case path != "":
		notes, cfg, err = handbook.Beside(path, "")
	case notesPath != "":
		if !filepath.IsAbs(notesPath) || !strings.HasSuffix(notesPath, sidecar.Suffix) {
			return "", fmt.Errorf("handbook: %s is no notes file", notesPath)
		}
		notes, err = sidecar.Load(notesPath)
	}
	if err != nil {
		return "", fmt.Errorf("handbook: %w", err)
	}
	title := handbook.Name(name)
	target, err := f.desk.SaveFile(f.ctx, "Export the process handbook", f.dir(), handbook.FileBase(title)+".html", handbookFilters)
	if err != nil || target == "" {
		return "", err
	}
	format := "html"
	switch strings.ToLower(filepath.Ext(target)) {
	case ".md", ".markdown":
		format = "md"
	case ".html", ".htm":
	default:
		target += ".html"
	}
	in := handbook.Input{Name: title, Doc: res.Document, Notes: notes, Mocks: cfg, MockMachine: title, Draw: true}
	if !res.Valid() {
		in.NotRun = handbook.InvalidNotRun // as `run` refuses an invalid definition
	}
	h, err := handbook.Build(f.ctx, in)
	if err != nil {
		return "", err
	}
	base := filepath.Base(target)
	list, err := handbook.Render(h, format, strings.TrimSuffix(base, filepath.Ext(base)))
	if err != nil {
		return "", err
	}
	list[0].Name = base // keep the name as typed (.htm, .markdown)
	if _, err := handbook.WriteAll(filepath.Dir(target), list); err != nil {
		return "", err
	}
	return target, nil
}
