//go:build unix

package handler

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// ownProcessGroup starts the command as the leader of a process group of
// its own and makes cancelling it (the handler's timeout, the run's end)
// kill the whole group: killing only the leader left what it started
// running (sh -c "sleep 30" kept sleep, and its hold on stdout kept the
// task waiting, for 30 s past a 1 s timeout).
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return killGroup(cmd) }
}

// killGroup kills every process of the command's group. Call it only
// while the group has a member (the leader not yet reaped, or a process
// still holding its output), so that the group id cannot have been reused.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	// A group's id is its leader's pid; a negative pid names the group.
	err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return os.ErrProcessDone
	}
	return err
}
