//go:build !linux && !darwin

package runs

import (
	"os"
	"time"
)

// lockFile does nothing here: bbolt's own lock (taken in bolt.Open,
// after the check) still keeps two studios apart. Without it the check
// could read a file another studio is writing; Windows will not rename a
// file another process has open, so such a file is not moved aside.
func lockFile(*os.File, time.Duration) error { return nil }

func unlockFile(*os.File) {}
