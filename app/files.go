package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/examples/templates"
	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// EventCloseRequested is emitted when the user closes the window over
// unsaved work: the window stays open and the frontend asks what to do,
// then calls Quit (discard) or saves first.
const EventCloseRequested = "files:close-requested"

var definitionFilters = []runtime.FileFilter{
	{DisplayName: "State machine definitions (*.asl.json, *.asl.yaml, *.json, *.yaml, *.yml)", Pattern: "*.asl.json;*.asl.yaml;*.json;*.yaml;*.yml"},
	{DisplayName: "All files", Pattern: "*"},
}

// Files is the bound file service: templates, open, save, recent files,
// autosave and recovery, changes on disk, export and the close prompt. The
// work is done by app/files; this layer adds dialogs and the window.
type Files struct {
	ctx      context.Context
	desk     desktop
	recent   *files.Recent
	recovery *files.Recovery
	session  string // this run's recovery id
	initial  string // the path given on the command line, "" for none

	mu       sync.Mutex
	dirty    bool
	quitting bool
	lastDir  string            // the folder of the last file opened or saved: where dialogs start
	askedAt  time.Time         // when the close prompt was last requested
	previews map[string]string // template id -> SVG, drawn once
	now      func() time.Time  // the clock, replaced in tests
}

// insistWithin is how soon a second close request after the prompt was
// asked closes the window anyway: a frontend that is stuck (or a user who
// means it) must never make the window impossible to close. The work stays
// in its recovery copy and is offered back on the next start.
const insistWithin = 10 * time.Second

// newFiles returns the file service keeping its state in configDir (the
// user config dir: files.ConfigDir); initialPath is opened on start when
// not "".
func newFiles(desk desktop, configDir, initialPath string) *Files {
	var id [8]byte
	rand.Read(id[:])
	return &Files{
		ctx:      context.Background(),
		desk:     desk,
		recent:   files.NewRecent(filepath.Join(configDir, "recent.json")),
		recovery: files.NewRecovery(filepath.Join(configDir, "recovery")),
		session:  hex.EncodeToString(id[:]),
		initial:  initialPath,
		now:      time.Now,
		previews: map[string]string{},
	}
}

func (f *Files) startup(ctx context.Context) { f.ctx = ctx }

// Templates lists the New-from-template gallery.
func (f *Files) Templates() []templates.Template { return templates.All }

// TemplatePreview draws template id as SVG for its gallery card.
func (f *Files) TemplatePreview(id string) (string, error) {
	f.mu.Lock()
	svg, ok := f.previews[id]
	f.mu.Unlock()
	if ok {
		return svg, nil
	}
	t, text, err := templates.Text(id)
	if err != nil {
		return "", err
	}
	svg, err = drawSVG(f.ctx, t.FileName, text)
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	f.previews[id] = svg
	f.mu.Unlock()
	return svg, nil
}

func drawSVG(ctx context.Context, name, text string) (string, error) {
	doc, err := asl.Parse(name, []byte(text))
	if err != nil || doc.Machine == nil {
		return "", fmt.Errorf("preview: %s does not parse", name)
	}
	svg, err := render.Picture(ctx, doc.Machine, "svg", 1)
	if err != nil {
		return "", fmt.Errorf("preview: %w", err)
	}
	return string(svg), nil
}

// NewFromTemplate returns an unsaved document holding template id.
func (f *Files) NewFromTemplate(id string) (files.File, error) {
	t, text, err := templates.Text(id)
	if err != nil {
		return files.File{}, err
	}
	return files.File{Name: t.FileName, Text: text, Format: string(asl.JSON), LineEnding: files.LF}, nil
}

// StartupFile opens the file named on the command line; with none it
// returns an empty File (Name "") and the frontend opens the example.
func (f *Files) StartupFile() (files.File, error) {
	if f.initial == "" {
		return files.File{}, nil
	}
	return f.Open(f.initial)
}

// ChooseOpenPath shows the open dialog; "" means cancelled.
func (f *Files) ChooseOpenPath() (string, error) {
	return f.desk.OpenFile(f.ctx, "Open a state machine", f.dir(), definitionFilters)
}

// ChooseSavePath shows the save dialog with suggestedName; "" means
// cancelled. A name typed without an extension gets the document's own
// (.asl.json or .asl.yaml). A name of the other format (.yaml for a JSON
// document, .json for a YAML one) is taken as asked: the editor converts
// the document before it saves (frontend/src/document/convert.ts).
func (f *Files) ChooseSavePath(suggestedName, format string) (string, error) {
	path, err := f.desk.SaveFile(f.ctx, "Save the state machine", f.dir(), suggestedName, definitionFilters)
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		if format == string(asl.YAML) {
			return path + ".asl.yaml", nil
		}
		return path + ".asl.json", nil
	}
	return path, nil
}

// Open reads path (any text opens; the validator reports what is wrong)
// and puts it at the top of the recent list.
func (f *Files) Open(path string) (files.File, error) {
	file, err := files.Open(path)
	if err != nil {
		return files.File{}, err
	}
	f.recent.Add(file.Path) // a list we cannot store is no reason to refuse the file
	f.remember(file.Path)
	return file, nil
}

// Save writes text to path atomically in the document's line ending,
// remembers the file and drops this session's recovery copy.
func (f *Files) Save(path, text, lineEnding string) (files.File, error) {
	file, err := files.Save(path, text, lineEnding)
	if err != nil {
		return files.File{}, err
	}
	f.recent.Add(file.Path)
	f.recovery.Discard(f.session)
	f.remember(file.Path)
	return file, nil
}

func (f *Files) remember(path string) {
	f.mu.Lock()
	f.lastDir = filepath.Dir(path)
	f.mu.Unlock()
}

func (f *Files) dir() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lastDir
}

// RecentFiles lists the recent files that still exist, newest first.
func (f *Files) RecentFiles() ([]files.RecentFile, error) { return f.recent.List() }

// CheckDisk says whether the file at path changed since stamp.
func (f *Files) CheckDisk(path string, stamp files.Stamp) (files.Status, error) {
	return files.Check(path, stamp)
}

// Autosave keeps a recovery copy of unsaved work (the frontend calls it a
// few seconds after each change while the document is dirty).
func (f *Files) Autosave(s files.Snapshot) error {
	s.ID = f.session
	return f.recovery.Save(s)
}

// DiscardAutosave drops this session's recovery copy (the document became
// clean again, or its changes were discarded on purpose).
func (f *Files) DiscardAutosave() error { return f.recovery.Discard(f.session) }

// Recovered lists copies of unsaved work left by sessions that did not end
// cleanly, newest first. A copy whose file on disk already holds the same
// text (an autosave that raced a save) has nothing to offer and is dropped.
func (f *Files) Recovered() ([]files.Snapshot, error) {
	all, err := f.recovery.List(f.session)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, s := range all {
		if s.Path != "" {
			if disk, err := files.ReadFile(s.Path, files.Definitions); err == nil && string(disk) == s.Text {
				f.recovery.Discard(s.ID)
				continue
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// DiscardRecovered deletes a recovered copy the user restored or declined.
func (f *Files) DiscardRecovered(id string) error { return f.recovery.Discard(id) }

// SetDirty tells the backend whether there is unsaved work, for the close
// prompt, and shows the document in the window title.
func (f *Files) SetDirty(name string, dirty bool) {
	f.mu.Lock()
	f.dirty = dirty
	f.mu.Unlock()
	title := name + " — Stepstudio"
	if dirty {
		title = "● " + title
	}
	f.desk.SetTitle(f.ctx, title)
}

// Quit closes the window without asking again, dropping unsaved work (the
// frontend calls it once the user chose so).
func (f *Files) Quit() {
	f.mu.Lock()
	f.quitting = true
	f.mu.Unlock()
	f.recovery.Discard(f.session)
	f.desk.Quit(f.ctx)
}

// beforeClose is Wails' OnBeforeClose: over unsaved work it keeps the
// window open and asks the frontend to prompt (a second request soon after
// closes anyway, keeping the recovery copy); otherwise the session ends
// cleanly and its recovery copy goes.
func (f *Files) beforeClose(ctx context.Context) (prevent bool) {
	f.mu.Lock()
	dirty := f.dirty && !f.quitting
	insisted := dirty && !f.askedAt.IsZero() && f.now().Sub(f.askedAt) < insistWithin
	if dirty && !insisted {
		f.askedAt = f.now()
	}
	f.mu.Unlock()
	switch {
	case insisted:
		return false
	case dirty:
		f.desk.Emit(ctx, EventCloseRequested)
		return true
	}
	f.recovery.Discard(f.session)
	return false
}

// ExportDiagram draws text's diagram as "svg" or "png", asks where to put
// it (next to the document, same base name) and writes it. It returns the
// path written, or "" when the user cancelled.
func (f *Files) ExportDiagram(format, name, text string) (string, error) {
	if format != "svg" && format != "png" {
		return "", fmt.Errorf("export: unknown format %q", format)
	}
	doc, err := asl.Parse(name, []byte(text))
	if err != nil || doc.Machine == nil {
		return "", fmt.Errorf("export: the definition does not parse, so there is no diagram to export")
	}
	pic, err := render.Picture(f.ctx, doc.Machine, format, 2)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	// order-process.asl.json -> order-process.svg
	base := filepath.Base(name)
	base = strings.TrimSuffix(strings.TrimSuffix(base, filepath.Ext(base)), ".asl")
	filter := []runtime.FileFilter{{DisplayName: strings.ToUpper(format) + " image (*." + format + ")", Pattern: "*." + format}}
	path, err := f.desk.SaveFile(f.ctx, "Export the diagram as "+strings.ToUpper(format), f.dir(), base+"."+format, filter)
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += "." + format
	}
	if err := files.Write(path, pic); err != nil {
		return "", err
	}
	return path, nil
}
