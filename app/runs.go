package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/runs"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/app/trust"
)

// RunsStoreEnv overrides where runs are kept (tests use a temp file).
const RunsStoreEnv = "STEPSTUDIO_RUNS_DB"

// Runs is the bound run service: start a run (its id comes back at once,
// progress follows as updates the page fetches when a "run:ready" event
// says they are there: postbox.go), drive it, answer its tasks, and the
// run history. The work is done by app/runs.
type Runs struct {
	m       *runs.Manager
	store   *runs.Store
	emitter *wailsEmitter
	post    *postbox  // the updates, for the page to fetch
	desk    fileSaver // the native save dialog, for exports
}

// fileSaver is the save dialog (wailsDesktop in the app, a fake or nil in
// tests: runtime.* outside a running app kills the process).
type fileSaver interface {
	SaveFile(ctx context.Context, title, dir, defaultName string, filters []runtime.FileFilter) (string, error)
}

// wailsEmitter sends updates through the Wails runtime once the window
// has started; before that there is no page to send them to.
type wailsEmitter struct {
	ctx atomic.Pointer[context.Context]
}

func (w *wailsEmitter) Emit(name string, data any) {
	if ctx := w.ctx.Load(); ctx != nil {
		runtime.EventsEmit(*ctx, name, data)
	}
}

// NewRuns opens the run store (RunsStoreEnv, else runs.db in the
// studio's config dir); when it cannot be opened, runs still work and the
// UI says they are not saved.
func NewRuns() *Runs {
	return newRuns(&wailsEmitter{}, wailsDesktop{}, os.Getenv(RunsStoreEnv))
}

func newRuns(em *wailsEmitter, desk fileSaver, path string) *Runs {
	var err error
	if path == "" {
		var dir string
		if dir, err = files.ConfigDir(); err == nil {
			path = filepath.Join(dir, "runs.db")
		}
	}
	var st *runs.Store
	if err == nil {
		st, err = runs.OpenStore(path)
	}
	r := &Runs{store: st, emitter: em, desk: desk, post: newPostbox(em.Emit)}
	var opts []runs.Option
	if dir, derr := files.ConfigDir(); derr == nil {
		opts = append(opts, runs.WithTrust(trust.New(dir)))
	}
	r.m = runs.New(st, err, r.post, opts...)
	return r
}

func (r *Runs) startup(ctx context.Context) { r.emitter.ctx.Store(&ctx) }

func (r *Runs) shutdown(context.Context) {
	r.m.Close()
	if r.store != nil {
		r.store.Close()
	}
}

// StoreError says why runs are not being saved, "" when they are.
func (r *Runs) StoreError() string { return r.m.StoreError() }

// Start checks and starts a run and returns its id.
func (r *Runs) Start(req runs.StartRequest) (string, error) {
	if err := withHandlers(&req); err != nil {
		return "", err
	}
	return r.m.Start(req)
}

// RerunFrom starts req at state with the input and variables that state
// had in run from.
func (r *Runs) RerunFrom(req runs.StartRequest, from, state string) (string, error) {
	if err := withHandlers(&req); err != nil {
		return "", err
	}
	return r.m.RerunFrom(req, from, state)
}

// Trust answers a run's "Trust this command?" card: yes runs the handler
// and remembers the decision in the user's config; no answers its tasks
// by hand.
func (r *Runs) Trust(runID, pendingID string, yes bool) error {
	return r.m.Trust(runID, pendingID, yes)
}

// withHandlers gives a saved workflow's run the handlers and the folder
// for S3 its project file (NAME.studio.json, or for a machine inside a
// template the T.<LogicalId>.studio.json the studio names, read from disk)
// configures. A broken project file refuses the run rather than silently
// answering by hand.
func withHandlers(req *runs.StartRequest) error {
	req.Handlers, req.S3Root = nil, ""
	notes := ""
	switch {
	case filepath.IsAbs(req.Workflow):
		notes = sidecar.PathFor(req.Workflow)
	case req.Notes != "":
		// A machine inside a template: its own project file, named by the studio.
		if !filepath.IsAbs(req.Notes) || !strings.HasSuffix(req.Notes, sidecar.Suffix) {
			return fmt.Errorf("%w: %s is no project file", runs.ErrInvalidRequest, req.Notes)
		}
		notes = req.Notes
	default:
		return nil // unsaved: no project files
	}
	f, err := sidecar.Load(notes)
	if err != nil {
		return fmt.Errorf("%w: the project file with the task handlers cannot be read: %v", runs.ErrInvalidRequest, err)
	}
	for state, h := range f.Handlers {
		if err := h.Check(); err != nil {
			return fmt.Errorf("%w: the handler of state %q in %s: %v", runs.ErrInvalidRequest, state, filepath.Base(notes), err)
		}
	}
	req.Handlers = f.Handlers
	if f.S3Root != "" {
		if err := sidecar.CheckS3Root(f.S3Root); err != nil {
			return fmt.Errorf("%w: %s: %v", runs.ErrInvalidRequest, filepath.Base(notes), err)
		}
		dir := filepath.Dir(notes)
		root := filepath.Join(dir, filepath.FromSlash(f.S3Root))
		// A symlink must not carry the folder out of the project.
		if real, err := filepath.EvalSymlinks(root); err == nil {
			realDir, _ := filepath.EvalSymlinks(dir)
			if rel, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(rel) && rel != "." {
				return fmt.Errorf("%w: the folder for S3 %q leads outside the workflow's folder", runs.ErrInvalidRequest, f.S3Root)
			}
		}
		req.S3Root = root
	}
	return nil
}

// Redrive continues failed run runID from where it failed, in the same
// run, keeping what succeeded (AWS's RedriveExecution); req gives the
// mocks and pace, the run keeps its own definition and test case.
func (r *Runs) Redrive(req runs.StartRequest, runID string) error {
	if err := withHandlers(&req); err != nil {
		return err
	}
	return r.m.Redrive(req, runID)
}

// Snapshot is a run's state and its events after event id after.
func (r *Runs) Snapshot(runID string, after int64) (runs.Update, error) {
	return r.m.Snapshot(runID, after)
}

// Stages are a run's values between processing steps (after InputPath,
// ResultSelector, ResultPath) with seq greater than after.
func (r *Runs) Stages(runID string, after int64) ([]runs.StageRecord, error) {
	return r.m.Stages(runID, after)
}

// Step continues a paused run up to the next state.
func (r *Runs) Step(runID string) error { return r.m.Step(runID) }

// StepPause steps one paused Map item (or branch) of a run, by its
// pause id, up to its next state; the others stay paused.
func (r *Runs) StepPause(runID string, pauseID int64) error { return r.m.StepPause(runID, pauseID) }

// SetPauseMode sets whether one Map item at a time ("one") or every item
// ("all") stops at breakpoints, while the run goes on.
func (r *Runs) SetPauseMode(runID, mode string) error { return r.m.SetPauseMode(runID, mode) }

// Continue continues a paused run up to the next breakpoint.
func (r *Runs) Continue(runID string) error { return r.m.Continue(runID) }

// Pause pauses a run before its next state.
func (r *Runs) Pause(runID string) error { return r.m.Pause(runID) }

// Stop aborts a run.
func (r *Runs) Stop(runID string) error { return r.m.Stop(runID) }

// SetBreakpoint adds or removes a breakpoint of a run going on.
func (r *Runs) SetBreakpoint(runID, state string, on bool) error {
	return r.m.SetBreakpoint(runID, state, on)
}

// Succeed answers a pending task with a JSON result.
func (r *Runs) Succeed(runID, pendingID, output string) error {
	return r.m.Succeed(runID, pendingID, output)
}

// Fail answers a pending task with an error and a cause.
func (r *Runs) Fail(runID, pendingID, errName, cause string) error {
	return r.m.Fail(runID, pendingID, errName, cause)
}

// Heartbeat sends a heartbeat for a pending callback or activity.
func (r *Runs) Heartbeat(runID, pendingID string) error { return r.m.Heartbeat(runID, pendingID) }

// List is the run history of a workflow, newest first.
func (r *Runs) List(workflow string) ([]runs.Meta, error) { return r.m.List(workflow) }

var historyFilters = []runtime.FileFilter{
	{DisplayName: "Execution history (*.json)", Pattern: "*.json"},
	{DisplayName: "All files", Pattern: "*"},
}

// SaveHistory asks where to save a run's history (AWS GetExecutionHistory
// JSON) and writes it there; it returns the path, "" when cancelled.
func (r *Runs) SaveHistory(runID, suggestedName string) (string, error) {
	text, err := r.m.Export(runID)
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	if c := r.emitter.ctx.Load(); c != nil {
		ctx = *c
	}
	path, err := r.desk.SaveFile(ctx, "Export the execution history", "", suggestedName, historyFilters)
	if err != nil || path == "" {
		return "", err
	}
	if err := files.Write(path, []byte(text+"\n")); err != nil {
		return "", fmt.Errorf("export the history: %w", err)
	}
	return path, nil
}

// Delete removes a finished run.
func (r *Runs) Delete(runID string) error { return r.m.Delete(runID) }

// Export is a run's history as AWS GetExecutionHistory JSON.
func (r *Runs) Export(runID string) (string, error) { return r.m.Export(runID) }

// Import keeps an AWS GetExecutionHistory JSON as a run of workflow.
func (r *Runs) Import(workflow, definition, history string) (runs.Meta, error) {
	return r.m.Import(workflow, definition, history)
}

// ImportExecution shows a remote execution's history (arn: AWS, or an
// endpoint standing in) as a run of workflow, replacing the run imported
// for it before: a watched execution stays one run while it grows.
func (r *Runs) ImportExecution(workflow, definition, arn, history string) (runs.Meta, error) {
	return r.m.ImportExecution(arn, workflow, definition, history)
}

// MocksPath is where a workflow's mock file lives: beside it, named
// <name>.mocks.json ("" for a workflow with no file).
func MocksPath(workflowPath string) string {
	if workflowPath == "" {
		return ""
	}
	base := filepath.Base(workflowPath)
	for _, ext := range []string{".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"} {
		if strings.HasSuffix(base, ext) {
			base = strings.TrimSuffix(base, ext)
			break
		}
	}
	return filepath.Join(filepath.Dir(workflowPath), base+".mocks.json")
}

// LoadMocks reads the mock file beside the workflow; "" when there is none.
func (r *Runs) LoadMocks(workflowPath string) (string, error) {
	p := MocksPath(workflowPath)
	if p == "" {
		return "", nil
	}
	b, err := files.ReadFile(p, files.Mocks)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the mock file: %w", err)
	}
	return string(b), nil
}

// SaveMocks writes the mock file beside the workflow and returns its path.
func (r *Runs) SaveMocks(workflowPath, text string) (string, error) {
	p := MocksPath(workflowPath)
	if p == "" {
		return "", errors.New("save the workflow to a file first: its mocks are kept beside it")
	}
	if err := files.Write(p, []byte(text)); err != nil {
		return "", fmt.Errorf("save the mock file: %w", err)
	}
	return p, nil
}

// CheckMocks checks the mock file as it is typed, against the workflow
// (its text) whose file is workflowPath ("" when unsaved): located problems,
// none when all is well.
func (r *Runs) CheckMocks(workflowPath, definition, mocks string) []runs.MockProblem {
	out := runs.CheckMocks(machineName(workflowPath), definition, mocks)
	if out == nil {
		out = []runs.MockProblem{}
	}
	return out
}

// machineName is the workflow's entry name in its mock file: the file's
// name without its extension ("" for a workflow with no file).
func machineName(workflowPath string) string {
	if workflowPath == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(MocksPath(workflowPath)), ".mocks.json")
}

// MapRuns lists a run's distributed Map runs as JSON: each Map Run's
// counts by status and its child executions (without their histories).
func (r *Runs) MapRuns(runID string) (string, error) { return r.m.MapRunsOf(runID) }

// ChildExecution is one child execution of a Map Run as JSON, with its
// own history: what "open" in the Map Run view shows.
func (r *Runs) ChildExecution(runID, mapRunArn string, index int) (string, error) {
	return r.m.ChildExecution(runID, mapRunArn, index)
}
