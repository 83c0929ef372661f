package gitrev

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
)

// Spec is a "REV:path" argument, resolved.
type Spec struct {
	Arg    string // as given
	Rev    string // as given, e.g. "HEAD~1"
	Path   string // inside the work tree, slash-separated
	Repo   *Repo
	Commit Commit
}

// ParseArg decides whether a command-line argument names a file or a
// file at a revision. An existing path always wins (so "C:\flow.json" on
// Windows stays a path); so does an argument without ':'. Otherwise the
// part before the first ':' must be a revision of the git work tree
// holding dir, and the rest a path relative to dir. It returns nil for a
// plain path; ErrNotWorkTree or ErrUnknownRev (wrapped, with the missing
// file named) when the argument is neither.
func ParseArg(arg, dir string) (*Spec, error) {
	rev, path, ok := strings.Cut(arg, ":")
	if !ok || exists(arg, dir) {
		return nil, nil
	}
	repo, err := Open(dir)
	if errors.Is(err, ErrNoGit) {
		return nil, fmt.Errorf("there is no file %s, and %w", arg, err)
	}
	if err != nil {
		return nil, fmt.Errorf("there is no file %s, and REV:path needs a git work tree: %w", arg, err)
	}
	c, err := repo.Resolve(rev)
	if err != nil {
		return nil, fmt.Errorf("there is no file %s, and %w", arg, err)
	}
	if path == "" {
		return nil, fmt.Errorf("%s names a revision but no file after the ':'", arg)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	rel, err := repo.Rel(path)
	if err != nil {
		return nil, err
	}
	return &Spec{Arg: arg, Rev: rev, Path: rel, Repo: repo, Commit: c}, nil
}

func exists(p, dir string) bool {
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	_, err := os.Lstat(p)
	return err == nil || !errors.Is(err, os.ErrNotExist)
}

// Read returns the file the spec names, capped at lim.
func (s *Spec) Read(lim files.Limit) ([]byte, error) {
	return s.Repo.Read(s.Commit, s.Path, lim)
}

// ReadSibling returns another file of the same revision, named by a path
// made from the spec's (e.g. its sidecar); ok is false when the revision
// does not hold it.
func (s *Spec) ReadSibling(rel string, lim files.Limit) (data []byte, ok bool, err error) {
	data, err = s.Repo.Read(s.Commit, rel, lim)
	if errors.Is(err, ErrNotExist) {
		return nil, false, nil
	}
	return data, err == nil, err
}
