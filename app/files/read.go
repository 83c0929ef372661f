package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// The read caps, one per kind of file. A file over its cap is refused with
// a message saying so, before it is read when its size is known and after
// cap+1 bytes when it is not (a pipe, a file still growing).
const (
	// MaxDefinitionSize caps definitions, templates and the files a
	// template references: ten times anything AWS accepts (1 MiB), so a
	// real file always opens and a disk image never does.
	MaxDefinitionSize = 10 << 20
	// MaxInputSize caps an execution input, AWS's own limit (256 KiB).
	MaxInputSize = 256 << 10
	// MaxMocksSize caps a mock file (AWS MockConfigFile) or a handlers
	// file.
	MaxMocksSize = 1 << 20
	// MaxConfigSize caps the studio's own small files (the recent list).
	MaxConfigSize = 1 << 20
	// maxSnapshotSize caps a recovery copy: a definition as a JSON string,
	// where escaping may grow each byte to six.
	maxSnapshotSize = 6*MaxDefinitionSize + 64<<10
)

// A Limit is a read cap and what it is for, as the refusal names it.
type Limit struct {
	Max  int64
	What string // plural noun: "definitions and templates"
}

// The limits callers read with.
var (
	Definitions = Limit{MaxDefinitionSize, "definitions and templates"}
	Inputs      = Limit{MaxInputSize, "execution inputs"}
	Mocks       = Limit{MaxMocksSize, "mock and handler files"}
	Config      = Limit{MaxConfigSize, "settings files"}
	snapshots   = Limit{maxSnapshotSize, "recovery copies"}
)

// Errors the readers wrap; match them with errors.Is.
var (
	// ErrTooLarge is a file over its Limit.
	ErrTooLarge = errors.New("file too large")
	// ErrNotRegular is a folder, named pipe, device or socket: only
	// regular files are read, so a FIFO cannot hang a read nor /dev/zero
	// fill the memory.
	ErrNotRegular = errors.New("not a regular file")
)

// ReadFile reads the regular file at path (a symbolic link to one is
// followed), refusing anything else and anything over lim.Max. A named
// pipe is refused without waiting for a writer: the file is opened
// non-blocking and checked again on the open handle, so swapping a pipe in
// after the first check cannot hang the read either.
func ReadFile(path string, lim Limit) ([]byte, error) {
	data, _, err := readFile(path, lim)
	return data, err
}

// readFile is ReadFile that also returns what the open handle says of the
// file (for a Stamp).
func readFile(path string, lim Limit) ([]byte, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(path, info, lim); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return readOpened(f, path, lim)
}

// ReadIn reads the regular file rel inside the folder root, as ReadFile
// does, and refuses a rel that leaves root: an absolute path, "..", or a
// symbolic link that resolves outside it (ErrOutside). Files a template
// references are read with it.
func ReadIn(root, rel string, lim Limit) ([]byte, error) {
	c, err := confine(root, rel)
	if err != nil {
		return nil, err
	}
	shown := filepath.Join(c.abs, rel)
	inner, err := c.insideAfterLinks(rel)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(c.real)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	info, err := r.Stat(inner)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(shown, info, lim); err != nil {
		return nil, err
	}
	f, err := r.OpenFile(inner, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, _, err := readOpened(f, shown, lim)
	return data, err
}

// readOpened checks the open handle again (the name may have been swapped
// since it was looked at) and reads at most lim.Max bytes.
func readOpened(f *os.File, name string, lim Limit) ([]byte, fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(name, info, lim); err != nil {
		return nil, nil, err
	}
	data, err := ReadAll(f, name, lim)
	return data, info, err
}

// ReadAll reads r (standard input, a file already open) up to lim.Max
// bytes; more is refused with ErrTooLarge. name says what r is in the
// message ("standard input").
func ReadAll(r io.Reader, name string, lim Limit) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.Max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > lim.Max {
		return nil, &fileError{fmt.Sprintf("%s is over %s; Stepstudio opens %s up to %s", name, size(lim.Max), lim.What, size(lim.Max)), ErrTooLarge}
	}
	return data, nil
}

// checkRegular refuses what is not a regular file, and a regular file
// whose size is already over the cap.
func checkRegular(name string, info fs.FileInfo, lim Limit) error {
	if !info.Mode().IsRegular() {
		return &fileError{fmt.Sprintf("%s is %s, not a regular file; Stepstudio reads only regular files", name, KindOf(info.Mode())), ErrNotRegular}
	}
	if info.Size() > lim.Max {
		return &fileError{fmt.Sprintf("%s is %s; Stepstudio opens %s up to %s", name, size(info.Size()), lim.What, size(lim.Max)), ErrTooLarge}
	}
	return nil
}

// KindOf names what a path that is not a regular file is, for messages:
// "a folder", "a named pipe (FIFO)", "a symbolic link"…
func KindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// size writes n bytes the way the refusals do: "12.3 MiB", "256 KiB".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MiB"
	case n >= 1<<10:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KiB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
