//go:build linux || darwin

package runs

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockFile takes the lock bbolt takes (flock, exclusive) within timeout,
// so the check never reads a file another studio is writing, and a store
// that is only in use is never taken for damaged. Closing f releases it.
func lockFile(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return ErrStoreLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// unlockFile releases the lock on f. Closing f alone would not while
// bbolt's memory map of the file is still there.
func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
