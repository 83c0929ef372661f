package files

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Stamp identifies the version of a file the editor holds, to tell when
// someone else changed it. ModTime and Size are the cheap check; Hash
// settles it, so touching a file without changing it raises no notice.
type Stamp struct {
	ModTime string `json:"modTime"` // RFC 3339 with nanoseconds: exact, and safe in JavaScript
	Size    int64  `json:"size"`
	Hash    string `json:"hash"` // hex SHA-256 of the bytes
}

func stampOf(info fs.FileInfo, data []byte) Stamp {
	sum := sha256.Sum256(data)
	return Stamp{ModTime: modTime(info), Size: info.Size(), Hash: hex.EncodeToString(sum[:])}
}

// DiskState is what Check found.
type DiskState string

// The answers of Check.
const (
	Unchanged DiskState = "unchanged"
	Changed   DiskState = "changed" // the bytes differ from the stamp's
	Missing   DiskState = "missing" // the file was deleted or moved away
)

// Status is the answer of Check: the state, and the stamp of what is on
// disk now (the old one when Missing). An unchanged but touched file gets
// a fresh stamp so the next check is cheap again; for a Changed file the
// editor keeps the new stamp once the user chose (reload, or keep theirs)
// so the same change is not reported twice.
type Status struct {
	State DiskState `json:"state"`
	Stamp Stamp     `json:"stamp"`
}

// Check compares the file at path with the stamp taken when it was opened
// or last saved. It reads the file only when its modification time or size
// moved, so it is cheap enough to call on every window focus.
func Check(path string, s Stamp) (Status, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Status{State: Missing, Stamp: s}, nil
	}
	if err != nil {
		return Status{}, fmt.Errorf("files: check %s: %w", path, err)
	}
	if modTime(info) == s.ModTime && info.Size() == s.Size {
		return Status{State: Unchanged, Stamp: s}, nil
	}
	data, err := ReadFile(path, Definitions)
	if err != nil {
		return Status{}, fmt.Errorf("files: check %s: %w", path, err)
	}
	now := stampOf(info, data)
	if now.Hash == s.Hash {
		return Status{State: Unchanged, Stamp: now}, nil
	}
	return Status{State: Changed, Stamp: now}, nil
}

func modTime(info fs.FileInfo) string { return info.ModTime().UTC().Format(time.RFC3339Nano) }
