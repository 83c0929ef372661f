package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/runs"
)

func TestMocksPath(t *testing.T) {
	cases := map[string]string{
		"":                  "",
		"/w/order.asl.json": "/w/order.mocks.json",
		"/w/order.asl.yaml": "/w/order.mocks.json",
		"/w/flow.json":      "/w/flow.mocks.json",
		"/w/template.yml":   "/w/template.mocks.json",
		"/w/no-extension":   "/w/no-extension.mocks.json",
	}
	for in, want := range cases {
		if got := MocksPath(in); got != want {
			t.Errorf("MocksPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMocksBesideTheWorkflow(t *testing.T) {
	dir := t.TempDir()
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
	defer r.shutdown(context.Background())
	wf := filepath.Join(dir, "order.asl.json")
	if text, err := r.LoadMocks(wf); err != nil || text != "" {
		t.Fatalf("no mock file yet: %q %v", text, err)
	}
	p, err := r.SaveMocks(wf, `{"StateMachines":{}}`)
	if err != nil || p != filepath.Join(dir, "order.mocks.json") {
		t.Fatalf("SaveMocks: %q %v", p, err)
	}
	if text, err := r.LoadMocks(wf); err != nil || text != `{"StateMachines":{}}` {
		t.Fatalf("LoadMocks: %q %v", text, err)
	}
	if _, err := r.SaveMocks("", "{}"); err == nil {
		t.Error("saved mocks of an unsaved workflow")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 { // runs.db and the mocks
		t.Errorf("folder holds %d entries: temp file left behind?", len(entries))
	}
}

// The mock file is written like every other file: never through a link
// (a cloned project could point order.mocks.json anywhere), and read
// only when it is a regular file under the mocks cap.
func TestMocksFileIsNoLink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
	defer r.shutdown(context.Background())
	wf := filepath.Join(dir, "order.asl.json")
	victim := filepath.Join(outside, "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	if err := os.Symlink(victim, MocksPath(wf)); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if _, err := r.SaveMocks(wf, "{}"); !errors.Is(err, files.ErrSymlink) {
		t.Errorf("SaveMocks through a link: %v", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("victim = %q", b)
	}
	os.Remove(MocksPath(wf))
	os.WriteFile(MocksPath(wf), make([]byte, files.MaxMocksSize+1), 0o644)
	if _, err := r.LoadMocks(wf); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("LoadMocks over the cap: %v", err)
	}
}

// A store that cannot be opened (here: its folder cannot be made, a file
// is in the way) leaves runs working and says why they are not saved.
func TestRunsWithoutStore(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(file, "runs.db"))
	defer r.shutdown(context.Background())
	if r.StoreError() == "" {
		t.Fatal("no store error")
	}
	if _, err := r.Start(runsReq()); err != nil {
		t.Fatal(err)
	}
}

// fakeSaver answers the save dialog with a path ("" = cancelled).
type fakeSaver struct{ path string }

func (f fakeSaver) SaveFile(context.Context, string, string, string, []runtime.FileFilter) (string, error) {
	return f.path, nil
}

func TestSaveHistory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "run.history.json")
	r := newRuns(&wailsEmitter{}, fakeSaver{out}, filepath.Join(dir, "runs.db"))
	defer r.shutdown(context.Background())
	id, err := r.Start(runsReq())
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		u, err := r.Snapshot(id, 0)
		if err == nil && !u.Live {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the run did not end")
		}
	}
	path, err := r.SaveHistory(id, "x.json")
	if err != nil || path != out {
		t.Fatalf("SaveHistory = %q, %v", path, err)
	}
	var h struct {
		Events []struct{ Type string } `json:"events"`
	}
	b, _ := os.ReadFile(out)
	if err := json.Unmarshal(b, &h); err != nil || len(h.Events) < 3 || h.Events[0].Type != "ExecutionStarted" {
		t.Fatalf("saved history: %v %s", err, b)
	}
	r.desk = fakeSaver{""}
	if path, err := r.SaveHistory(id, "x.json"); path != "" || err != nil {
		t.Errorf("cancelled: %q %v", path, err)
	}
}

func runsReq() runs.StartRequest {
	return runs.StartRequest{Workflow: "w", Definition: `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`}
}
