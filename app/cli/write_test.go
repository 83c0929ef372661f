package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

const exportDef = "../iac/exporter/testdata/order.asl.json"

// export --out never writes outside the folder it names: not through a
// target that is a link (live or dangling, with or without --force), not
// through a sub-folder that links out. Nothing is written at all then.
func TestExportOutNeverLeavesTheFolder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(out, outside string) error
		force bool
		want  string
	}{
		{"live link, forced", func(out, outside string) error {
			return os.Symlink(filepath.Join(outside, "victim"), filepath.Join(out, "template.yaml"))
		}, true, "is a symbolic link to"},
		{"dangling link, forced", func(out, outside string) error {
			return os.Symlink(filepath.Join(outside, "created"), filepath.Join(out, "template.yaml"))
		}, true, "is a symbolic link to"},
		{"dangling link", func(out, outside string) error {
			return os.Symlink(filepath.Join(outside, "created"), filepath.Join(out, "template.yaml"))
		}, false, "exists; nothing was written"},
		{"linked sub-folder", func(out, outside string) error {
			return os.Symlink(outside, filepath.Join(out, "statemachine"))
		}, true, "outside " + "OUT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, outside := t.TempDir(), t.TempDir()
			os.WriteFile(filepath.Join(outside, "victim"), []byte("keep"), 0o644)
			if err := tc.setup(out, outside); err != nil {
				t.Skip("no symlinks here:", err)
			}
			args := []string{"export", "--to", "sam", "--out", out, exportDef}
			if tc.force {
				args = append(args, "--force")
			}
			code, stdout, errs := runIaCCLI(args...)
			if want := strings.ReplaceAll(tc.want, "OUT", out); code != cli.ExitFail || !strings.Contains(errs, want) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, errs, want)
			}
			if b, _ := os.ReadFile(filepath.Join(outside, "victim")); string(b) != "keep" {
				t.Errorf("victim = %q", b)
			}
			if entries, _ := os.ReadDir(outside); len(entries) != 1 {
				t.Errorf("written outside --out: %d entries", len(entries))
			}
		})
	}
}

// graph --out replaces its file atomically and never through a link.
func TestGraphOutRefusesALink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	victim := filepath.Join(outside, "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	out := filepath.Join(dir, "order.svg")
	if err := os.Symlink(victim, out); err != nil {
		t.Skip("no symlinks here:", err)
	}
	code, _, errs := runIaCCLI("graph", "--format", "svg", "--out", out, orderProcess)
	if code != cli.ExitFail || !strings.Contains(errs, "is a symbolic link to "+victim) {
		t.Errorf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("victim = %q", b)
	}
	os.Remove(out)
	os.WriteFile(out, []byte("old"), 0o600)
	if code, _, errs := runIaCCLI("graph", "--format", "svg", "--out", out, orderProcess); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries: temp file left?", len(entries))
	}
}
