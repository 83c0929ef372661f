//go:build unix

package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/cli"
)

// One unreadable file among good ones: every file is reported, the
// unreadable ones invalid with one FILE_UNREADABLE error, and the exit
// code is 1, not 2. A FIFO fails at once (in CI nothing would ever write
// to it), a file over the cap is refused before it is read.
func TestValidateReportsUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.asl.json")
	os.WriteFile(good, []byte(`{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`), 0o644)
	fifo := filepath.Join(dir, "pipe.asl.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	huge := filepath.Join(dir, "huge.asl.json")
	os.WriteFile(huge, nil, 0o644)
	os.Truncate(huge, 11<<20)
	missing := filepath.Join(dir, "missing.asl.json")
	walked := filepath.Join(dir, "sub")
	os.MkdirAll(walked, 0o755)
	os.WriteFile(filepath.Join(walked, "also-good.asl.yaml"), []byte("StartAt: A\nStates: {A: {Type: Succeed}}\n"), 0o644)
	locked := filepath.Join(walked, "locked")
	os.MkdirAll(locked, 0o755)
	os.Chmod(locked, 0)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	canLock := os.Geteuid() != 0 // root lists any folder

	want := map[string]string{ // path -> message part; "" for valid
		good: "", fifo: "is a named pipe (FIFO), not a regular file",
		huge:    "is 11 MiB; Stepstudio opens definitions and templates up to 10 MiB",
		missing: "cannot read " + missing + ": no such file or directory",
		filepath.Join(walked, "also-good.asl.yaml"): "",
	}
	if canLock {
		want[locked] = "cannot read " + locked + ": permission denied"
	}
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- cli.Main(context.Background(), []string{"validate", "--format", "json", good, fifo, huge, missing, walked},
			cli.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	}()
	var code int
	select {
	case code = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("validate hangs on a FIFO")
	}
	if code != cli.ExitFail || errb.Len() != 0 {
		t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errb.String())
	}
	var rep struct {
		Files []struct {
			Path        string
			Valid       bool
			Diagnostics []struct{ Severity, Code, Message string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out.String())
	}
	if len(rep.Files) != len(want) {
		t.Errorf("%d files reported, want %d:\n%s", len(rep.Files), len(want), out.String())
	}
	for _, f := range rep.Files {
		msg, ok := want[f.Path]
		switch {
		case !ok:
			t.Errorf("unexpected %s", f.Path)
		case msg == "" && !f.Valid:
			t.Errorf("%s: invalid %+v", f.Path, f.Diagnostics)
		case msg != "" && (f.Valid || len(f.Diagnostics) != 1 || f.Diagnostics[0].Code != "FILE_UNREADABLE" ||
			f.Diagnostics[0].Severity != "ERROR" || !strings.Contains(f.Diagnostics[0].Message, msg)):
			t.Errorf("%s: valid %v %+v, want one FILE_UNREADABLE saying %q", f.Path, f.Valid, f.Diagnostics, msg)
		}
	}
}
