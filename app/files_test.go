package app

import (
	"context"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/files"
)

// fakeDesktop answers dialogs from a queue and records what the app did.
type fakeDesktop struct {
	answers []string
	dirs    []string // the folder each dialog started in
	events  []string
	titles  []string
	quit    int
	raised  int
	data    [][]any // each event's data, beside events
}

func (d *fakeDesktop) next() (string, error) {
	if len(d.answers) == 0 {
		return "", nil
	}
	a := d.answers[0]
	d.answers = d.answers[1:]
	return a, nil
}
func (d *fakeDesktop) OpenFile(_ context.Context, _, dir string, _ []runtime.FileFilter) (string, error) {
	d.dirs = append(d.dirs, dir)
	return d.next()
}
func (d *fakeDesktop) SaveFile(_ context.Context, _, dir, _ string, _ []runtime.FileFilter) (string, error) {
	d.dirs = append(d.dirs, dir)
	return d.next()
}
func (d *fakeDesktop) Emit(_ context.Context, e string, data ...any) {
	d.events = append(d.events, e)
	d.data = append(d.data, data)
}
func (d *fakeDesktop) SetTitle(_ context.Context, t string) { d.titles = append(d.titles, t) }
func (d *fakeDesktop) Quit(context.Context)                 { d.quit++ }
func (d *fakeDesktop) Raise(context.Context)                { d.raised++ }

func newTestFiles(t *testing.T) (*Files, *fakeDesktop, string) {
	desk := &fakeDesktop{}
	dir := t.TempDir()
	return newFiles(desk, filepath.Join(dir, "config"), ""), desk, dir
}

// New from a template, save as, edit, autosave, crash, recover, save.
func TestFilesNewSaveRecover(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	doc, err := f.NewFromTemplate("approval")
	if err != nil || doc.Path != "" || !strings.Contains(doc.Text, "Approved?") {
		t.Fatalf("NewFromTemplate: %+v, %v", doc.Name, err)
	}
	desk.answers = []string{filepath.Join(dir, "approval")}
	path, err := f.ChooseSavePath(doc.Name, doc.Format)
	if err != nil || path != filepath.Join(dir, "approval.asl.json") {
		t.Fatalf("ChooseSavePath = %q, %v; want the json extension added", path, err)
	}
	saved, err := f.Save(path, doc.Text, doc.LineEnding)
	if err != nil {
		t.Fatal(err)
	}
	if recent, _ := f.RecentFiles(); len(recent) != 1 || recent[0].Path != saved.Path {
		t.Errorf("recent after save: %+v", recent)
	}
	// Dialogs start where the user last worked.
	f.ChooseOpenPath()
	if len(desk.dirs) != 2 || desk.dirs[0] != "" || desk.dirs[1] != dir {
		t.Errorf("dialog folders %q, want the system's choice, then %s", desk.dirs, dir)
	}

	f.SetDirty(saved.Name, true)
	edited := strings.Replace(doc.Text, "Rejected", "Turned down", -1)
	if err := f.Autosave(files.Snapshot{Path: saved.Path, Name: saved.Name, Format: "json", Text: edited}); err != nil {
		t.Fatal(err)
	}
	// The app dies here; the next start shares the config dir.
	next := newFiles(&fakeDesktop{}, filepath.Join(dir, "config"), "")
	found, err := next.Recovered()
	if err != nil || len(found) != 1 || found[0].Text != edited || found[0].Path != saved.Path {
		t.Fatalf("Recovered = %+v, %v", found, err)
	}
	if mine, _ := f.Recovered(); len(mine) != 0 {
		t.Errorf("a session is offered its own autosave: %+v", mine)
	}
	if _, err := next.Save(found[0].Path, found[0].Text, files.LF); err != nil {
		t.Fatal(err)
	}
	if err := next.DiscardRecovered(found[0].ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := newFiles(&fakeDesktop{}, filepath.Join(dir, "config"), "").Recovered(); len(again) != 0 {
		t.Errorf("still offered after restore and discard: %+v", again)
	}
	if got, _ := os.ReadFile(saved.Path); string(got) != edited {
		t.Error("the restored text was not saved")
	}
}

func TestFilesClosePrompt(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	if f.beforeClose(context.Background()) {
		t.Error("a clean window was kept open")
	}
	f.SetDirty("flow.asl.json", true)
	if got := desk.titles[len(desk.titles)-1]; got != "● flow.asl.json — Stepstudio" {
		t.Errorf("title %q", got)
	}
	f.Autosave(files.Snapshot{Name: "flow.asl.json", Text: "{}"})
	if !f.beforeClose(context.Background()) {
		t.Fatal("closing over unsaved work was not stopped")
	}
	if len(desk.events) != 1 || desk.events[0] != EventCloseRequested {
		t.Errorf("events %v", desk.events)
	}
	f.Quit()
	if desk.quit != 1 || f.beforeClose(context.Background()) {
		t.Error("Quit did not let the window close")
	}
	if left, _ := newFiles(&fakeDesktop{}, filepath.Join(dir, "config"), "").Recovered(); len(left) != 0 {
		t.Errorf("a chosen discard left a recovery copy: %+v", left)
	}
}

func TestFilesStartupAndOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.asl.yaml")
	os.WriteFile(path, []byte("StartAt: A\nStates:\n  A: {Type: Succeed}\n"), 0o644)
	f := newFiles(&fakeDesktop{}, filepath.Join(dir, "config"), path)
	got, err := f.StartupFile()
	if err != nil || got.Path != path || got.Format != "yaml" {
		t.Fatalf("StartupFile = %+v, %v", got, err)
	}
	if none, err := newFiles(&fakeDesktop{}, dir, "").StartupFile(); err != nil || none.Name != "" {
		t.Errorf("no initial path: %+v, %v", none, err)
	}
	if _, err := newFiles(&fakeDesktop{}, dir, filepath.Join(dir, "gone.json")).StartupFile(); err == nil {
		t.Error("a missing initial file opened")
	}
}

func TestFilesExportDiagram(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	text := string(exampleDefinition)
	desk.answers = []string{filepath.Join(dir, "order.svg"), filepath.Join(dir, "order"), ""}
	svg, err := f.ExportDiagram("svg", ExampleName, text)
	if err != nil || svg != filepath.Join(dir, "order.svg") {
		t.Fatalf("svg: %q, %v", svg, err)
	}
	data, _ := os.ReadFile(svg)
	if err := xml.Unmarshal(data, new(struct{})); err != nil {
		t.Errorf("svg is not XML: %v", err)
	}
	pic, err := f.ExportDiagram("png", ExampleName, text)
	if err != nil || pic != filepath.Join(dir, "order.png") {
		t.Fatalf("png: %q, %v", pic, err)
	}
	r, _ := os.Open(pic)
	defer r.Close()
	if _, err := png.DecodeConfig(r); err != nil {
		t.Errorf("png: %v", err)
	}
	if path, err := f.ExportDiagram("svg", ExampleName, text); err != nil || path != "" {
		t.Errorf("cancelled export: %q, %v", path, err)
	}
	if _, err := f.ExportDiagram("svg", "x.json", "{not json"); err == nil {
		t.Error("exported a definition that does not parse")
	}
}

// The dialog seam exists only in dev-tagged builds (the browser tests use
// it, and fail without it); a release build must show the real dialog
// whatever the environment says.
func TestReleaseBuildHasNoDialogSeam(t *testing.T) {
	t.Setenv("STEPSTUDIO_DIALOG_ANSWERS", filepath.Join(t.TempDir(), "answer"))
	if _, ok := scriptedAnswer(); ok {
		t.Error("a release build answered a dialog from the environment")
	}
}

// A second close soon after the prompt was asked closes the window anyway
// (a stuck frontend must not trap the user), keeping the recovery copy; a
// later one asks again.
func TestFilesCloseInsisted(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	clock := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	f.now = func() time.Time { return clock }
	f.SetDirty("flow.asl.json", true)
	f.Autosave(files.Snapshot{Name: "flow.asl.json", Text: "{}"})
	if !f.beforeClose(context.Background()) {
		t.Fatal("first close over unsaved work was not stopped")
	}
	clock = clock.Add(time.Minute)
	if !f.beforeClose(context.Background()) || len(desk.events) != 2 {
		t.Fatalf("a close a minute later should ask again (events %v)", desk.events)
	}
	clock = clock.Add(2 * time.Second)
	if f.beforeClose(context.Background()) {
		t.Fatal("a second close right after the prompt kept the window open")
	}
	left, _ := newFiles(&fakeDesktop{}, filepath.Join(dir, "config"), "").Recovered()
	if len(left) != 1 || left[0].Text != "{}" {
		t.Errorf("the insisted close must keep the recovery copy: %+v", left)
	}
}

// An autosave that lands after the save it raced offers nothing.
func TestFilesRecoveredSkipsWhatIsOnDisk(t *testing.T) {
	f, _, dir := newTestFiles(t)
	path := filepath.Join(dir, "flow.asl.json")
	os.WriteFile(path, []byte("{}"), 0o644)
	f.Autosave(files.Snapshot{Path: path, Name: "flow.asl.json", Text: "{}"})
	f.session = "other" // as the next start sees it
	got, err := f.Recovered()
	if err != nil || len(got) != 0 {
		t.Errorf("Recovered = %+v, %v; want nothing", got, err)
	}
	if left, _ := f.recovery.List(""); len(left) != 0 {
		t.Errorf("the useless copy was kept: %+v", left)
	}
}

func TestFilesTemplatePreview(t *testing.T) {
	f, _, _ := newTestFiles(t)
	for _, tpl := range f.Templates() {
		svg, err := f.TemplatePreview(tpl.ID)
		if err != nil {
			t.Fatalf("%s: %v", tpl.ID, err)
		}
		if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil || !strings.Contains(svg, `class="node state"`) {
			t.Errorf("%s: not an SVG diagram: %v", tpl.ID, err)
		}
	}
	if _, err := f.TemplatePreview("nope"); err == nil {
		t.Error("a preview of an unknown template")
	}
}

// A name without an extension gets the document's own; a name of the
// other format is taken as asked (the editor converts before saving).
func TestChooseSavePathAddsTheDocumentsExtension(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	tests := []struct {
		chosen, format, want string
		fails                bool
	}{
		{"flow", "yaml", "flow.asl.yaml", false},
		{"flow", "json", "flow.asl.json", false},
		{"flow.yml", "yaml", "flow.yml", false},
		{"flow.yaml", "json", "flow.yaml", false},
		{"flow.JSON", "yaml", "flow.JSON", false},
	}
	for _, tc := range tests {
		desk.answers = []string{filepath.Join(dir, tc.chosen)}
		got, err := f.ChooseSavePath("x", tc.format)
		if (err != nil) != tc.fails || (!tc.fails && got != filepath.Join(dir, tc.want)) {
			t.Errorf("%s as %s: %q, %v", tc.chosen, tc.format, got, err)
		}
	}
}
