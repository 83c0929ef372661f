//go:build unix

package files_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
)

// A named pipe with no writer is refused at once: opened non-blocking and
// checked on the handle, it never waits for a writer.
func TestReadFIFOFailsFast(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "flow.asl.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "link.json")
	os.Symlink(fifo, link)
	for name, read := range map[string]func() error{
		"ReadFile":     func() error { _, err := files.ReadFile(fifo, files.Definitions); return err },
		"a link to it": func() error { _, err := files.ReadFile(link, files.Definitions); return err },
		"ReadIn":       func() error { _, err := files.ReadIn(dir, "flow.asl.json", files.Definitions); return err },
		"Open":         func() error { _, err := files.Open(fifo); return err },
		"Check":        func() error { _, err := files.Check(fifo, files.Stamp{}); return err },
	} {
		done := make(chan error, 1)
		go func() { done <- read() }()
		select {
		case err := <-done:
			if !errors.Is(err, files.ErrNotRegular) {
				t.Errorf("%s: %v, want ErrNotRegular", name, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s hangs on a FIFO", name)
		}
	}
}
