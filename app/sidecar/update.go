package sidecar

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
)

// Load reads the sidecar at path. A missing file is an empty one.
func Load(path string) (*File, error) {
	data, err := files.ReadFile(path, files.Definitions)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return f, nil
}

// inProcess serialises updates within this process; lockDir (a file lock
// on the folder) serialises them between processes.
var inProcess sync.Mutex

// Update applies ops to the sidecar at path as it is on disk now and
// writes it atomically, so changes made meanwhile by another studio on the
// same file are kept. Either every op applies or nothing is written.
func Update(path string, ops []Op, now time.Time) (*File, error) {
	return Modify(path, func(f *File) error {
		for _, op := range ops {
			if err := f.Apply(op, now, NewID); err != nil {
				return err
			}
		}
		return nil
	})
}

// Modify changes the sidecar at path with fn, under the same locks as
// Update, and writes it atomically; nothing is written when fn fails.
func Modify(path string, fn func(*File) error) (*File, error) {
	if !strings.HasSuffix(path, Suffix) {
		return nil, fmt.Errorf("sidecar: %s is no notes file (*%s)", path, Suffix)
	}
	inProcess.Lock()
	defer inProcess.Unlock()
	unlock, err := lockDir(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	defer unlock()
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	if err := fn(f); err != nil {
		return nil, err
	}
	data, err := f.Marshal()
	if err != nil {
		return nil, err
	}
	return f, files.Write(path, data)
}

// Carry copies the sidecar of definition from to the one of definition to
// (Save As, a file renamed in the studio). It does nothing when from has
// none, and refuses to replace an existing one unless overwrite.
func Carry(from, to string, overwrite bool) error {
	src, dst := PathFor(from), PathFor(to)
	if src == dst {
		return nil
	}
	data, err := files.ReadFile(src, files.Definitions)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := Parse(data); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(src), err)
	}
	if _, err := os.Lstat(dst); err == nil && !overwrite {
		return fmt.Errorf("%w: %s", fs.ErrExist, filepath.Base(dst))
	}
	return files.Write(dst, data)
}

// NewID returns a short random id for a thread or a comment.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
