package files

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"
	"unicode/utf8"
)

// Errors the writers wrap; match them with errors.Is.
var (
	// ErrSymlink is a target that is a symbolic link, live or dangling:
	// nothing is ever written through one.
	ErrSymlink = errors.New("is a symbolic link")
	// ErrOutside is a path that leaves the folder it is confined to, by
	// being absolute, by "..", or by a symbolic link (see OutsideError).
	ErrOutside = errors.New("outside the folder")
)

// OutsideError is a path that leads out of the folder it must stay in.
type OutsideError struct {
	Path     string // as it was given
	Resolved string // where it leads, symbolic links resolved
	Root     string // the folder it must stay in
}

func (e *OutsideError) Error() string {
	return fmt.Sprintf("%s leads to %s, outside %s", e.Path, e.Resolved, e.Root)
}

// Is makes errors.Is(err, ErrOutside) hold.
func (e *OutsideError) Is(target error) bool { return target == ErrOutside }

// write is the one step tests replace to fail (or crash) half-way through
// writing the temporary file.
var write = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// staleAfter is how old a temporary file must be before a write in its
// folder takes it for a crash's leftover and removes it. Well above the
// time any write takes, so two writers in one folder never remove each
// other's.
const staleAfter = time.Minute

// tempName matches the temporary files of WriteIn: ".NAME.saving-RANDOM".
var tempName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\..*\.saving-[0-9a-z]+$`) })

// WriteIn writes data to the file rel inside the folder root, atomically:
// into a temporary file in the same folder, synced to disk, given its
// mode, renamed over the target, and the folder synced so the rename
// survives a power cut. A crash or a full disk at any point leaves the old
// file or the new one, never a torn mix, and a failed write removes its
// temporary file; a crash's leftover (".NAME.saving-*", over a minute
// old) is removed by the next write in that folder.
//
// It refuses (writing nothing):
//   - a rel that leaves root: absolute, "..", or a sub-folder that is a
//     symbolic link resolving outside root (ErrOutside, *OutsideError);
//   - a target that is a symbolic link, live or dangling (ErrSymlink);
//   - a target that is a folder or anything but a regular file.
//
// The sub-folders of rel are created (0755). An existing file keeps its
// permission bits; a new one gets perm. It returns the path written, root
// joined with rel.
func WriteIn(root, rel string, data []byte, perm fs.FileMode) (string, error) {
	c, err := confine(root, rel)
	if err != nil {
		return "", err
	}
	shown := filepath.Join(c.abs, rel)
	dir, err := c.folderInside(filepath.Dir(rel))
	if err != nil {
		return "", err
	}
	rel = filepath.Join(dir, filepath.Base(rel)) // without links from here on
	r, err := os.OpenRoot(c.real)
	if err != nil {
		return "", err
	}
	defer r.Close()
	if dir != "." {
		if err := r.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	mode := perm
	info, err := c.target(r.Lstat, r.Readlink, rel, shown)
	if err != nil {
		return "", err
	}
	if info != nil {
		mode = info.Mode().Perm()
	}
	removeStale(r, dir)
	if err := replace(r, rel, data, mode); err != nil {
		return "", err
	}
	return shown, nil
}

// CheckIn reports, without writing anything, what WriteIn(root, rel, …)
// would refuse, and whether the target exists (a symbolic link, even a
// dangling one, does). Callers that write several files check them all
// first so that a refusal leaves none written.
func CheckIn(root, rel string) (exists bool, err error) {
	c, err := confine(root, rel)
	if err != nil {
		return false, err
	}
	dir, err := c.folderInside(filepath.Dir(rel))
	if err != nil {
		return false, err
	}
	lstat := func(name string) (fs.FileInfo, error) { return os.Lstat(filepath.Join(c.real, name)) }
	readlink := func(name string) (string, error) { return os.Readlink(filepath.Join(c.real, name)) }
	info, err := c.target(lstat, readlink, filepath.Join(dir, filepath.Base(rel)), filepath.Join(c.abs, rel))
	return info != nil || errors.Is(err, ErrSymlink) || errors.Is(err, ErrNotRegular), err
}

// target checks what is at rel (resolved, relative to the resolved root)
// now: nothing (nil, nil), a regular file (its info), or something
// WriteIn refuses to replace; shown names it in the refusal.
func (c confined) target(lstat func(string) (fs.FileInfo, error), readlink func(string) (string, error), rel, shown string) (fs.FileInfo, error) {
	info, err := lstat(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	switch m := info.Mode(); {
	case m&fs.ModeSymlink != 0:
		to, _ := readlink(rel)
		return nil, &fileError{fmt.Sprintf("%s is a symbolic link to %s; Stepstudio never writes through a link", shown, to), ErrSymlink}
	case m.IsDir():
		return nil, &fileError{shown + " is a folder", ErrNotRegular}
	case !m.IsRegular():
		return nil, &fileError{fmt.Sprintf("%s is %s, not a regular file; Stepstudio writes only regular files", shown, KindOf(m)), ErrNotRegular}
	}
	return info, nil
}

// Write is WriteIn of path's own folder: the atomic replace, refusing a
// symbolic link, keeping an existing file's mode (0644 for a new one).
func Write(path string, data []byte) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	_, err = WriteIn(filepath.Dir(abs), filepath.Base(abs), data, 0o644)
	return err
}

// replace writes data to a new temporary file beside rel and renames it
// over rel; on any failure the temporary file is removed.
func replace(r *os.Root, rel string, data []byte, mode fs.FileMode) (err error) {
	dir := filepath.Dir(rel)
	tmp, name, err := createTemp(r, dir, filepath.Base(rel))
	if err != nil {
		return err
	}
	failed := true
	defer func() {
		if failed { // an error, or a panic on its way up
			tmp.Close()
			r.Remove(name)
		}
	}()
	if err = write(tmp, data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = r.Rename(name, rel); err != nil {
		return err
	}
	failed = false
	// Sync the folder so the rename itself survives a power cut; some
	// file systems refuse to sync a folder, which is no reason to fail.
	if d, derr := r.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// createTemp creates ".BASE.saving-RANDOM" in dir, readable by the owner
// only until it gets its mode.
func createTemp(r *os.Root, dir, base string) (*os.File, string, error) {
	// Keep the name well under the 255 bytes file systems allow.
	for len(base) > 64 {
		_, n := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-n]
	}
	for range 10 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".saving-"+hex.EncodeToString(b[:]))
		f, err := r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", fmt.Errorf("create a temporary file in %s: too many exist", dir)
}

// removeStale removes what a crash left of earlier writes in dir:
// temporary files over staleAfter old. Newer ones may be another writer's
// at work. Failures are ignored: they are only litter.
func removeStale(r *os.Root, dir string) {
	d, err := r.Open(dir)
	if err != nil {
		return
	}
	entries, _ := d.ReadDir(-1)
	d.Close()
	now := time.Now()
	for _, e := range entries {
		if !e.Type().IsRegular() || !tempName().MatchString(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			r.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// confined is a folder reads and writes are kept inside: abs as the caller
// named it, real with its symbolic links resolved.
type confined struct {
	abs, real string
}

// confine resolves root and checks that rel names something below it
// without "..": the part of the check that needs no file system.
func confine(root, rel string) (confined, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return confined{}, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return confined{}, err
	}
	c := confined{abs: abs, real: real}
	if !filepath.IsLocal(rel) {
		resolved := rel
		if !filepath.IsAbs(rel) {
			resolved = filepath.Join(abs, rel)
		}
		return c, &OutsideError{Path: rel, Resolved: resolved, Root: abs}
	}
	return c, nil
}

// folderInside checks that the folder dir (relative, may not exist yet)
// stays below the root once its symbolic links are resolved, and returns
// it resolved, relative to the resolved root: a path without links, which
// os.Root then opens without following any (it refuses absolute links,
// even ones that stay inside) and refuses to leave if one is swapped in.
func (c confined) folderInside(dir string) (string, error) {
	if dir == "." {
		return ".", nil
	}
	resolved := resolveExisting(filepath.Join(c.real, dir))
	rel, err := filepath.Rel(c.real, resolved)
	if err != nil || !filepath.IsLocal(rel) {
		return "", &OutsideError{Path: dir, Resolved: resolved, Root: c.abs}
	}
	return rel, nil
}

// insideAfterLinks checks that rel, read through its symbolic links,
// stays below the root, and returns it resolved as folderInside does. A
// path that does not resolve (missing, a dangling link) passes with its
// folder resolved: opening it reports that.
func (c confined) insideAfterLinks(rel string) (string, error) {
	resolved, err := filepath.EvalSymlinks(filepath.Join(c.real, rel))
	if err != nil {
		dir, err := c.folderInside(filepath.Dir(rel))
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, filepath.Base(rel)), nil
	}
	inner, err := filepath.Rel(c.real, resolved)
	if err != nil || !filepath.IsLocal(inner) {
		return "", &OutsideError{Path: rel, Resolved: resolved, Root: c.abs}
	}
	return inner, nil
}

// resolveExisting resolves the symbolic links of the longest existing
// prefix of p and keeps the rest as is.
func resolveExisting(p string) string {
	rest := ""
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether p is root or below it (both clean and absolute).
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && filepath.IsLocal(rel) // "." is local
}

// fileError is a refusal with a message of its own that still matches its
// sentinel with errors.Is.
type fileError struct {
	msg  string
	kind error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.kind }
