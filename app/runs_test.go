package app

import (
	"context"
	"github.com/stepstudio/stepstudio/app/runs"
	"os"
	"path/filepath"
	"testing"
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
	r := newRuns(&wailsEmitter{}, filepath.Join(dir, "runs.db"))
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
	if _, err := os.Stat(p + ".tmp"); err == nil {
		t.Error("temp file left behind")
	}
}

// A store that cannot be opened (here: a directory in its place) leaves
// runs working and says why they are not saved.
func TestRunsWithoutStore(t *testing.T) {
	dir := t.TempDir()
	r := newRuns(&wailsEmitter{}, dir)
	defer r.shutdown(context.Background())
	if r.StoreError() == "" {
		t.Fatal("no store error for a directory")
	}
	if _, err := r.Start(runsReq()); err != nil {
		t.Fatal(err)
	}
}

func runsReq() runs.StartRequest {
	return runs.StartRequest{Workflow: "w", Definition: `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`}
}
