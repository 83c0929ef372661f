//go:build !unix

package handler

import "os/exec"

// ownProcessGroup leaves the command as it is: without Unix process
// groups, cancelling it kills the command itself (exec's default), not
// what it started. The WaitDelay in runCommand still bounds how long
// such leftovers can hold the task.
func ownProcessGroup(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}
