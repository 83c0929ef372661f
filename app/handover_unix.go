//go:build unix && !desktop && !dev

package app

import (
	"os"
	"path/filepath"
	"syscall"
)

// handOver starts the studio from a build without the window: the
// command line that packages put on PATH as `stepstudio` is CGO-free (no
// libc, no GTK or WebKit to load), so every command starts in a few
// milliseconds; opening the studio then becomes the desktop build
// installed beside it, lib/stepstudio/stepstudio-studio, as the .deb and
// the tarball lay it out (scripts/package.sh). It returns only when there
// is no such build (a plain `go build .`, which then says what it lacks).
func handOver(args []string) error {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	studio := filepath.Join(filepath.Dir(exe), "..", "lib", "stepstudio", "stepstudio-studio")
	if st, err := os.Stat(studio); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	// argv[0] stays "stepstudio": GTK names the window's class after it,
	// and the desktop entry's StartupWMClass matches that name.
	return syscall.Exec(studio, append([]string{"stepstudio"}, args...), os.Environ())
}
