package exporter_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/iac/exporter"
)

var export = []exporter.File{{Path: "template.yaml", Content: "T\n"}, {Path: "statemachine/m.asl.json", Content: "{}\n"}}

func TestWriteAsksBeforeReplacing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	w, err := exporter.Write(dir, export, false)
	if err != nil || len(w.Written) != 2 || w.Written[1] != filepath.Join(dir, "statemachine", "m.asl.json") {
		t.Fatalf("%+v %v", w, err)
	}
	os.WriteFile(filepath.Join(dir, "template.yaml"), []byte("mine"), 0o644)
	w, err = exporter.Write(dir, export, false)
	if err != nil || len(w.Existing) != 2 || len(w.Written) != 0 {
		t.Fatalf("second write: %+v %v", w, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "template.yaml")); string(b) != "mine" {
		t.Error("an existing file was replaced without asking")
	}
	if w, err = exporter.Write(dir, export, true); err != nil || len(w.Written) != 2 {
		t.Fatalf("overwrite: %+v %v", w, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "template.yaml")); string(b) != "T\n" {
		t.Errorf("template.yaml = %q", b)
	}
}

// Nothing an export names can land outside its folder: not with "..",
// not with an absolute path, not through a sub-folder that is a link, not
// through a target that is a link (live or dangling). Each is refused
// before any file is written.
func TestWriteStaysInTheFolder(t *testing.T) {
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim")
	for name, tc := range map[string]struct {
		files []exporter.File
		setup func(dir string) error
		want  error
	}{
		"dot-dot":      {files: []exporter.File{{Path: "ok.yaml"}, {Path: "../victim"}}, want: files.ErrOutside},
		"deep dot-dot": {files: []exporter.File{{Path: "ok.yaml"}, {Path: "statemachine/../../victim"}}, want: files.ErrOutside},
		"absolute":     {files: []exporter.File{{Path: "ok.yaml"}, {Path: victim}}, want: files.ErrOutside},
		"linked sub-folder": {files: []exporter.File{{Path: "ok.yaml"}, {Path: "statemachine/victim"}}, want: files.ErrOutside, setup: func(dir string) error {
			return os.Symlink(outside, filepath.Join(dir, "statemachine"))
		}},
		"live link": {files: []exporter.File{{Path: "ok.yaml"}, {Path: "template.yaml"}}, want: files.ErrSymlink, setup: func(dir string) error {
			return os.Symlink(victim, filepath.Join(dir, "template.yaml"))
		}},
		"dangling link": {files: []exporter.File{{Path: "ok.yaml"}, {Path: "template.yaml"}}, want: files.ErrSymlink, setup: func(dir string) error {
			return os.Symlink(filepath.Join(outside, "created"), filepath.Join(dir, "template.yaml"))
		}},
	} {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(victim, []byte("keep"), 0o644)
			dir := t.TempDir()
			if tc.setup != nil {
				if err := tc.setup(dir); err != nil {
					t.Skip("no symlinks here:", err)
				}
			}
			for _, overwrite := range []bool{true, false} {
				w, err := exporter.Write(dir, tc.files, overwrite)
				if overwrite && !errors.Is(err, tc.want) {
					t.Errorf("overwrite: err = %v, want %v", err, tc.want)
				}
				if !overwrite && err == nil && len(w.Existing) == 0 {
					t.Errorf("without overwrite: %+v, nil; want a refusal or the link listed as existing", w)
				}
				if len(w.Written) != 0 {
					t.Errorf("wrote %v", w.Written)
				}
			}
			if b, _ := os.ReadFile(victim); string(b) != "keep" {
				t.Errorf("victim = %q", b)
			}
			if _, err := os.Stat(filepath.Join(outside, "created")); err == nil {
				t.Error("a dangling link created its target")
			}
			if _, err := os.Stat(filepath.Join(dir, "ok.yaml")); err == nil {
				t.Error("a file was written before the refusal")
			}
		})
	}
}
