// Package gitrev reads files as they were at a git revision ("HEAD~1",
// a branch, a tag, a short hash) of the work tree holding a folder, with
// go-git, so no git binary is needed. It is what `stepstudio diff
// REV:path` and the studio's "compare with a revision" stand on.
package gitrev

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/stepstudio/stepstudio/app/files"
)

// Errors callers match with errors.Is.
var (
	ErrNotWorkTree = errors.New("not inside a git work tree")
	ErrUnknownRev  = errors.New("no such revision")
	// ErrNotExist (fs.ErrNotExist) is returned for a path the revision
	// does not hold.
	ErrNotExist = fs.ErrNotExist
)

// Repo is an opened git work tree.
type Repo struct {
	repo *git.Repository
	root string // the work tree's folder, symbolic links resolved
}

// Open opens the git work tree holding dir (dir itself or a parent).
// A bare repository or no repository at all is ErrNotWorkTree.
func Open(dir string) (*Repo, error) {
	r, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotWorkTree)
		}
		return nil, fmt.Errorf("cannot open the git repository holding %s: %w", dir, err)
	}
	wt, err := r.Worktree()
	if err != nil { // a bare repository has no work tree to name paths in
		return nil, fmt.Errorf("%s: %w (%v)", dir, ErrNotWorkTree, err)
	}
	root, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	return &Repo{repo: r, root: root}, nil
}

// Root is the work tree's folder.
func (r *Repo) Root() string { return r.root }

// Resolve names the commit a revision points at: "HEAD", "HEAD~1", a
// branch, a tag (annotated ones are followed to their commit) or a hash,
// short or whole.
func (r *Repo) Resolve(rev string) (*object.Commit, error) {
	if rev == "" {
		return nil, fmt.Errorf("an empty revision: %w", ErrUnknownRev)
	}
	h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, fmt.Errorf("%q: %w", rev, ErrUnknownRev)
	}
	if c, err := r.repo.CommitObject(*h); err == nil {
		return c, nil
	}
	if tag, err := r.repo.TagObject(*h); err == nil {
		if c, err := tag.Commit(); err == nil {
			return c, nil
		}
	}
	return nil, fmt.Errorf("%q does not name a commit: %w", rev, ErrUnknownRev)
}

// Rel turns a path given on the command line (absolute, or relative to
// the current folder) into the slash-separated path inside the work
// tree that a revision's tree uses. A path outside the work tree is an
// error. The file need not exist now: it may exist only at the revision.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	abs = resolveExisting(abs)
	rel, err := filepath.Rel(r.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%s is outside the git work tree %s", path, r.root)
	}
	return filepath.ToSlash(rel), nil
}

// resolveExisting resolves symbolic links in the longest part of p that
// exists, so a path under a folder that is a symbolic link still lands inside a
// work tree whose root was resolved; the missing rest is kept as given.
func resolveExisting(p string) string {
	rest := ""
	for cur := p; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// Read returns the file at rel (a work-tree path from Rel) as commit c
// holds it, refusing one larger than lim before reading it.
func (r *Repo) Read(c *object.Commit, rel string, lim files.Limit) ([]byte, error) {
	f, err := c.File(rel)
	if err != nil {
		if errors.Is(err, object.ErrFileNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
			return nil, fmt.Errorf("%s at %s: %w", rel, short(c), ErrNotExist)
		}
		return nil, fmt.Errorf("%s at %s: %w", rel, short(c), err)
	}
	if !f.Mode.IsFile() {
		return nil, fmt.Errorf("%s at %s is not a regular file", rel, short(c))
	}
	if f.Size > lim.Max {
		return nil, fmt.Errorf("%s at %s: %w", rel, short(c), files.ErrTooLarge)
	}
	rd, err := f.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return files.ReadAll(rd, rel+" at "+short(c), lim)
}

func short(c *object.Commit) string { return c.Hash.String()[:7] }
