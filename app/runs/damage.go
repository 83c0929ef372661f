package runs

import (
	"errors"
	"fmt"
	"github.com/stepstudio/stepstudio/app/files"
	"io/fs"
	"os"
	"runtime/debug"
	"time"
)

// ErrDamaged says the run store file is not a sound bbolt file.
var ErrDamaged = errors.New("the run history file is damaged")

// damageError says the store file is damaged: why, in words a person can
// follow. msg, when set, is the whole message for the studio to show.
type damageError struct {
	why, msg string
	panicked bool // bbolt panicked (or faulted) and may hold its locks
}

func (e *damageError) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return "the run history could not be read: " + e.why
}

func (e *damageError) Is(target error) bool { return target == ErrDamaged }

// damaged says what is wrong with the file, for a message that reads
// "The run history could not be read: its file is damaged (...)".
func damaged(format string, args ...any) error {
	return &damageError{why: "its file is damaged (" + fmt.Sprintf(format, args...) + ")"}
}

func notRegular(mode fs.FileMode) error {
	return &damageError{why: "its file is " + files.KindOf(mode) + ", not a regular file"}
}

// locked is the error for a store another studio holds.
func locked(path string) error {
	return fmt.Errorf("%w (%s). Runs made here are kept until this window closes; to save runs, close the other Stepstudio and start this one again", ErrStoreLocked, path)
}

// safely runs fn and turns a panic into a damageError. bbolt panics on
// some damaged pages; and a read of the memory-mapped file past its end
// (a file cut short) raises SIGBUS, which kills the process unless
// SetPanicOnFault makes it a panic in this goroutine. (It cannot reach
// goroutines bbolt starts itself, such as tx.Check's: checkStoreFile
// keeps damage from getting that far.)
func safely(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			why := fmt.Sprintf("its file is damaged (reading it failed: %v)", p)
			if _, fault := p.(interface{ Addr() uintptr }); fault {
				why = "its file is damaged (part of it is missing or could not be read)"
			}
			err = &damageError{why: why, panicked: true}
		}
	}()
	return fn()
}

// moveAside renames the file at path to path.damaged-<time> next to it,
// never over another file.
func moveAside(path string) (string, error) {
	base := path + ".damaged-" + time.Now().Format("2006-01-02T15-04-05")
	for i := 1; i < 100; i++ {
		aside := base
		if i > 1 {
			aside = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			return aside, os.Rename(path, aside)
		}
	}
	return "", fmt.Errorf("%s-* are all taken", base)
}

// abandon lets go of a store bbolt panicked in, perhaps holding its
// locks, so that it is never called again (it could wait on them
// forever, even in Close): its file lock is released and its file
// closed directly. The memory map stays until the studio exits.
func (s *Store) abandon() {
	unlockFile(s.file)
	s.file.Close()
}
