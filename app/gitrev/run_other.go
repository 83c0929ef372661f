//go:build !windows

package gitrev

import "os/exec"

// hideWindow: only Windows opens a console window for a child process.
func hideWindow(*exec.Cmd) {}
