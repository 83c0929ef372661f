package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/runs"
)

// TestS3RootFromProjectFile: a saved workflow's run gets the folder for
// S3 its project file names, resolved beside it; a folder that a symlink
// carries out of the workflow's folder is refused.
func TestS3RootFromProjectFile(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "away")); err != nil {
		t.Fatal(err)
	}
	wf := filepath.Join(dir, "flow.asl.json")
	cases := []struct {
		sidecar, want, err string
	}{
		{`{"version":1,"workflow":{},"s3Root":"s3"}`, filepath.Join(dir, "s3"), ""},
		{`{"version":1,"workflow":{}}`, "", ""},
		{`{"version":1,"workflow":{},"s3Root":"away"}`, "", "leads outside"},
		{`{"version":1,"workflow":{},"s3Root":"../x"}`, "", "inside the workflow's folder"},
	}
	for _, tc := range cases {
		if err := os.WriteFile(filepath.Join(dir, "flow.studio.json"), []byte(tc.sidecar), 0o644); err != nil {
			t.Fatal(err)
		}
		req := runs.StartRequest{Workflow: wf, S3Root: "/given/by/the/page"}
		err := withHandlers(&req)
		if tc.err != "" {
			if !errors.Is(err, runs.ErrInvalidRequest) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err %v, want %q", tc.sidecar, err, tc.err)
			}
			continue
		}
		if err != nil || req.S3Root != tc.want {
			t.Errorf("%s: S3Root %q %v, want %q", tc.sidecar, req.S3Root, err, tc.want)
		}
	}
}

// TestProjectFileOfATemplateMachine: a state machine inside a template has
// no file of its own; its run reads the handlers and the folder for S3 from
// the project file the studio names (T.<LogicalId>.studio.json), and
// nothing else passes for one.
func TestProjectFileOfATemplateMachine(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "template.Checkout.studio.json")
	sidecarText := `{"version":1,"workflow":{},"s3Root":"s3","handlers":{"Charge":{"kind":"command","command":["/bin/echo","{}"]}}}`
	if err := os.WriteFile(notes, []byte(sidecarText), 0o644); err != nil {
		t.Fatal(err)
	}
	req := runs.StartRequest{Workflow: "template.yaml › Checkout", Notes: notes}
	if err := withHandlers(&req); err != nil {
		t.Fatal(err)
	}
	if req.Handlers["Charge"] == nil || req.S3Root != filepath.Join(dir, "s3") {
		t.Fatalf("handlers %v, S3Root %q", req.Handlers, req.S3Root)
	}
	for _, bad := range []string{"template.Checkout.studio.json", filepath.Join(dir, "template.yaml")} {
		req := runs.StartRequest{Workflow: "template.yaml › Checkout", Notes: bad}
		if err := withHandlers(&req); !errors.Is(err, runs.ErrInvalidRequest) {
			t.Errorf("notes %q: %v, want a refusal", bad, err)
		}
	}
}
