package app

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/options"
)

// EventOpenRequested carries the path of a file the user opened from the
// file manager (or with `stepstudio FILE`) while this studio was running.
// The frontend opens it the way it opens a recent file: over unsaved work
// it first asks to save, discard or cancel.
const EventOpenRequested = "files:open-requested"

// singleInstance makes a second start of the studio hand its file to the
// running one (Wails: a D-Bus name on Linux, a mutex and a window message
// on Windows) instead of opening a second window. The lock is per config
// dir: two studios sharing recent files and recovery copies are the ones
// that must merge, while tests and side-by-side e2e runs, each with a
// config dir of their own (STEPSTUDIO_CONFIG_DIR), keep their own windows.
func singleInstance(configDir string, f *Files) *options.SingleInstanceLock {
	sum := sha256.Sum256([]byte(configDir))
	return &options.SingleInstanceLock{
		UniqueId: "stepstudio-" + hex.EncodeToString(sum[:8]),
		OnSecondInstanceLaunch: func(d options.SecondInstanceData) {
			f.secondLaunch(d.Args, d.WorkingDirectory)
		},
	}
}

// secondLaunch brings the window to the front and, when the second start
// named a file, asks the frontend to open it. Flags (Wails' own) and
// anything that is not an existing regular file are ignored: the window
// just comes forward.
func (f *Files) secondLaunch(args []string, workDir string) {
	f.desk.Raise(f.ctx)
	if path := launchedFile(args, workDir); path != "" {
		f.desk.Emit(f.ctx, EventOpenRequested, path)
	}
}

// launchedFile is the file a second start asks to open: its first
// argument, relative to the folder it was started in. "" when none.
func launchedFile(args []string, workDir string) string {
	if len(args) == 0 || args[0] == "" || strings.HasPrefix(args[0], "-") {
		return ""
	}
	path := args[0]
	if !filepath.IsAbs(path) {
		path = filepath.Join(workDir, path)
	}
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		return ""
	}
	return path
}
