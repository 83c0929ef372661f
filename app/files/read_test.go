package files_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
)

// A regular file over the cap is refused before it is read, with its size
// and the cap in the message.
func TestReadFileCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.asl.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(12_900_000) // sparse: 12.3 MiB of nothing
	f.Close()
	_, err = files.ReadFile(p, files.Definitions)
	if !errors.Is(err, files.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if want := p + " is 12.3 MiB; Stepstudio opens definitions and templates up to 10 MiB"; err.Error() != want {
		t.Errorf("message:\n%s\nwant\n%s", err, want)
	}
	if _, err := files.Open(p); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("Open: %v, want ErrTooLarge", err)
	}
	os.Truncate(p, files.MaxDefinitionSize) // exactly the cap opens
	if data, err := files.ReadFile(p, files.Definitions); err != nil || len(data) != files.MaxDefinitionSize {
		t.Errorf("at the cap: %d bytes, %v", len(data), err)
	}
}

// What is not a regular file is refused: a folder, a device, a link to
// one. /dev/zero read as a stream stops at the cap instead of filling
// the memory.
func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := files.ReadFile(dir, files.Definitions); !errors.Is(err, files.ErrNotRegular) || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("folder: %v", err)
	}
	if _, err := files.ReadFile(filepath.Join(dir, "missing"), files.Definitions); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	if _, err := files.ReadFile("/dev/zero", files.Definitions); !errors.Is(err, files.ErrNotRegular) || !strings.Contains(err.Error(), "device") {
		t.Errorf("/dev/zero: %v", err)
	}
	link := filepath.Join(dir, "zero.json")
	if os.Symlink("/dev/zero", link) == nil {
		if _, err := files.ReadFile(link, files.Definitions); !errors.Is(err, files.ErrNotRegular) {
			t.Errorf("a link to /dev/zero: %v", err)
		}
	}
	zero, _ := os.Open("/dev/zero")
	defer zero.Close()
	data, err := files.ReadAll(zero, "standard input", files.Definitions)
	if !errors.Is(err, files.ErrTooLarge) || data != nil {
		t.Errorf("/dev/zero as a stream: %d bytes, %v; want ErrTooLarge at the cap", len(data), err)
	}
	if want := "standard input is over 10 MiB; Stepstudio opens definitions and templates up to 10 MiB"; err != nil && err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if data, err := files.ReadAll(strings.NewReader(`{"a":1}`), "stdin", files.Inputs); err != nil || string(data) != `{"a":1}` {
		t.Errorf("small stream: %q %v", data, err)
	}
}

// ReadIn keeps reads in the folder: "..", an absolute path and a link out
// are refused with where they lead; a link that stays inside is read.
func TestReadInStaysInTheFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd")
	os.WriteFile(secret, []byte("root:x"), 0o644)
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "statemachine"), 0o755)
	os.WriteFile(filepath.Join(root, "statemachine", "a.asl.json"), []byte("{}"), 0o644)
	symlink := func(to, at string) {
		if err := os.Symlink(to, filepath.Join(root, at)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	symlink(secret, "leak.json")
	symlink(outside, "shared")
	symlink("statemachine/a.asl.json", "alias.json")
	symlink(filepath.Join(root, "statemachine", "a.asl.json"), "absolute-alias.json") // absolute, but inside
	for _, rel := range []string{"../" + filepath.Base(outside) + "/passwd", secret, "leak.json", "shared/passwd", "statemachine/../../x"} {
		_, err := files.ReadIn(root, rel, files.Definitions)
		var oe *files.OutsideError
		if !errors.As(err, &oe) || !errors.Is(err, files.ErrOutside) {
			t.Errorf("ReadIn(%q) = %v, want an OutsideError", rel, err)
			continue
		}
		if oe.Path != rel || oe.Root != root || !strings.HasPrefix(oe.Resolved, "/") {
			t.Errorf("ReadIn(%q): %+v", rel, oe)
		}
	}
	for _, rel := range []string{"statemachine/a.asl.json", "alias.json", "statemachine/../alias.json", "absolute-alias.json"} {
		if data, err := files.ReadIn(root, rel, files.Definitions); err != nil || string(data) != "{}" {
			t.Errorf("ReadIn(%q) = %q, %v", rel, data, err)
		}
	}
	if _, err := files.ReadIn(root, "statemachine/missing.json", files.Definitions); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}
