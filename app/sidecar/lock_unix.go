//go:build unix

package sidecar

import (
	"os"
	"syscall"
)

// lockDir holds an exclusive lock on the folder (flock on its handle, no
// file of its own) until the returned func is called.
func lockDir(dir string) (func(), error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(d.Fd()), syscall.LOCK_EX); err != nil {
		d.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
		d.Close()
	}, nil
}
