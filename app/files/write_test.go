package files

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// The target itself a symbolic link, live or dangling: refused, and the
// file it points at is neither changed nor created.
func TestWriteInRefusesSymlinkTarget(t *testing.T) {
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	for _, tc := range []struct{ name, to string }{
		{"live", victim},
		{"dangling", filepath.Join(outside, "created")},
		{"relative", "../" + filepath.Base(outside) + "/victim"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			symlink(t, tc.to, filepath.Join(root, "out.yaml"))
			_, err := WriteIn(root, "out.yaml", []byte("new"), 0o644)
			if !errors.Is(err, ErrSymlink) || !strings.Contains(err.Error(), tc.to) {
				t.Fatalf("err = %v, want ErrSymlink naming %s", err, tc.to)
			}
			if err := Write(filepath.Join(root, "out.yaml"), []byte("new")); !errors.Is(err, ErrSymlink) {
				t.Errorf("Write: err = %v, want ErrSymlink", err)
			}
			if got, _ := os.ReadFile(victim); string(got) != "keep" {
				t.Errorf("the link's target was written: %q", got)
			}
			if _, err := os.Stat(filepath.Join(outside, "created")); err == nil {
				t.Error("a dangling link created its target")
			}
			if got := entries(t, root); len(got) != 1 {
				t.Errorf("folder holds %v, want the link only", got)
			}
		})
	}
}

// A sub-folder that is a symbolic link out of the root, and paths that
// climb out with ".." or start at /, are refused before anything is
// written or created.
func TestWriteInStaysInTheFolder(t *testing.T) {
	outside := t.TempDir()
	root := t.TempDir()
	symlink(t, outside, filepath.Join(root, "lib"))
	os.Mkdir(filepath.Join(root, "real"), 0o755)
	symlink(t, "real", filepath.Join(root, "inside"))                          // stays in: fine
	symlink(t, filepath.Join(root, "real"), filepath.Join(root, "abs-inside")) // absolute, stays in: fine
	for _, rel := range []string{
		"lib/x.ts", "lib/new/x.ts", "../x", "a/../../x", "statemachine/../../x",
		filepath.Join(outside, "x"), "", "..",
	} {
		_, err := WriteIn(root, rel, []byte("x"), 0o644)
		if !errors.Is(err, ErrOutside) {
			t.Errorf("WriteIn(%q) = %v, want ErrOutside", rel, err)
		}
		var oe *OutsideError
		if errors.As(err, &oe) && oe.Resolved == "" {
			t.Errorf("WriteIn(%q): %+v names no resolved path", rel, oe)
		}
	}
	if got := entries(t, outside); len(got) != 0 {
		t.Errorf("written outside the folder: %v", got)
	}
	if p, err := WriteIn(root, "inside/sub/x.json", []byte("x"), 0o644); err != nil {
		t.Errorf("a link that stays inside: %v", err)
	} else if p != filepath.Join(root, "inside/sub/x.json") {
		t.Errorf("written to %s", p)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "real/sub/x.json")); string(got) != "x" {
		t.Errorf("real/sub/x.json = %q", got)
	}
	if _, err := WriteIn(root, "abs-inside/y.json", []byte("y"), 0o644); err != nil {
		t.Errorf("an absolute link that stays inside: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "real/y.json")); string(got) != "y" {
		t.Errorf("real/y.json = %q", got)
	}
	// The root itself may be a link: the caller named it.
	linkedRoot := filepath.Join(t.TempDir(), "root")
	symlink(t, root, linkedRoot)
	if _, err := WriteIn(linkedRoot, "top.json", []byte("x"), 0o644); err != nil {
		t.Errorf("a linked root: %v", err)
	}
}

func TestWriteInRefusesFoldersAndKeepsMode(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "dir"), 0o755)
	for _, rel := range []string{"dir", "."} {
		if _, err := WriteIn(root, rel, []byte("x"), 0o644); !errors.Is(err, ErrNotRegular) {
			t.Errorf("over the folder %q: %v", rel, err)
		}
	}
	p := filepath.Join(root, "secret.json")
	os.WriteFile(p, []byte("old"), 0o600)
	os.Chmod(p, 0o600)
	if _, err := WriteIn(root, "secret.json", []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", info.Mode().Perm())
	}
	if _, err := WriteIn(root, "a/b/c.json", []byte("x"), 0o640); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(filepath.Join(root, "a/b/c.json")); info.Mode().Perm() != 0o640 {
		t.Errorf("new file mode = %v, want 0640", info.Mode().Perm())
	}
}

// killEnv makes the test binary a writer that is killed half-way
// through writing the file it names (see TestWriteKilledHalfway).
const killEnv = "STEPSTUDIO_TEST_KILL_WRITE"

func TestMain(m *testing.M) {
	if p := os.Getenv(killEnv); p != "" {
		write = func(f *os.File, data []byte) error {
			f.Write(data[:len(data)/2])
			f.Sync()
			os.Exit(3) // no deferred cleanup runs, as under kill -9
			return nil
		}
		Write(p, []byte("new content"))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A writer killed half-way through (another process, ended by os.Exit
// inside the write hook so no cleanup runs) leaves the old file whole and
// its temporary file behind; the next write in that folder removes the
// leftover once it is over a minute old, and not before (it may be
// another writer's at work).
func TestWriteKilledHalfway(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "template.yaml")
	os.WriteFile(p, []byte("old"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killEnv+"="+p)
	if err := cmd.Run(); err == nil || cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("the writer was not killed half-way: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Fatalf("after the kill the file is %q, want the old one", got)
	}
	names := entries(t, dir)
	if len(names) != 2 || !strings.HasPrefix(names[0], ".template.yaml.saving-") || !tempName().MatchString(names[0]) {
		t.Fatalf("after the kill: %v, want the file and its temporary file", names)
	}
	leftover := filepath.Join(dir, names[0])
	if got, _ := os.ReadFile(leftover); string(got) != "new c" {
		t.Errorf("leftover holds %q, want the half written", got)
	}
	if err := Write(filepath.Join(dir, "other.json"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); err != nil {
		t.Fatal("a fresh temporary file was removed:", err)
	}
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(leftover, old, old)
	if err := Write(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if got, _ := os.ReadFile(p); string(got) != "new" {
		t.Errorf("file = %q", got)
	}
}

// A write that fails or panics half-way removes its temporary file.
func TestWriteFailureRemovesTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	os.WriteFile(p, []byte("old"), 0o644)
	saved := write
	t.Cleanup(func() { write = saved })
	write = func(f *os.File, data []byte) error {
		f.Write(data[:1])
		panic("boom")
	}
	func() {
		defer func() { recover() }()
		Write(p, []byte("new"))
	}()
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("after a panic: %v, want the file only", got)
	}
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Errorf("file = %q", got)
	}
}

// Two writers in one folder never disturb each other.
func TestWriteConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for w := range 4 {
		wg.Go(func() {
			for i := range 50 {
				if err := Write(filepath.Join(dir, fmt.Sprintf("f%d.json", w)), []byte(fmt.Sprint(i))); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := entries(t, dir); len(got) != 4 {
		t.Errorf("folder holds %v, want the four files only", got)
	}
}

func TestCheckInReportsWithoutWriting(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "there.json"), nil, 0o644)
	symlink(t, filepath.Join(root, "nowhere"), filepath.Join(root, "dangling.json"))
	symlink(t, t.TempDir(), filepath.Join(root, "out"))
	for _, tc := range []struct {
		rel    string
		exists bool
		err    error
	}{
		{"new.json", false, nil},
		{"sub/new.json", false, nil},
		{"there.json", true, nil},
		{"dangling.json", true, ErrSymlink},
		{"out/x.json", false, ErrOutside},
		{"../x.json", false, ErrOutside},
	} {
		exists, err := CheckIn(root, tc.rel)
		if exists != tc.exists || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
			t.Errorf("CheckIn(%q) = %v, %v; want %v, %v", tc.rel, exists, err, tc.exists, tc.err)
		}
	}
	if got := entries(t, root); len(got) != 3 {
		t.Errorf("CheckIn wrote something: %v", got)
	}
}
