// Package gitrev reads files as they were at a git revision ("HEAD~1",
// a branch, a tag, a short hash) of the work tree holding a folder. It is
// what `stepstudio diff REV:path` and the studio's "compare with a
// revision" stand on.
//
// It runs the git program (run.go) rather than linking a git library:
// every stepstudio process, the studio and each CLI command, runs the
// package inits of everything it links, and go-git's (openpgp, ssh, gob,
// transports: 48 packages with inits) cost `stepstudio version` 0.5-0.7
// ms of its 5.2 and the 10,000-item Map run 2.3-3 MiB of its 32 MiB peak (measured,
// engine/bench/README.md). Only a revision compare pays for git, when it
// happens.
package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

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
	root string // the work tree's folder, symbolic links resolved
}

// Commit is what a revision resolved to.
type Commit struct {
	Hash    string // the whole hash
	Author  string // the author's name
	When    time.Time
	Subject string // the message's first line
}

// Short is the 7-digit hash a person reads.
func (c Commit) Short() string { return c.Hash[:min(7, len(c.Hash))] }

// Open opens the git work tree holding dir (dir itself or a parent).
// A bare repository or no repository at all is ErrNotWorkTree; no git
// program is ErrNoGit.
func Open(dir string) (*Repo, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotWorkTree)
	}
	out, err := run(dir, outputLimit, "rev-parse", "--show-toplevel")
	var ge *gitError
	if errors.As(err, &ge) && (strings.Contains(ge.Stderr, "not a git repository") || strings.Contains(ge.Stderr, "must be run in a work tree")) {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotWorkTree)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the git repository holding %s: %w", dir, err)
	}
	top := strings.TrimSuffix(string(out), "\n")
	if top == "" { // inside .git, older gits print nothing
		return nil, fmt.Errorf("%s: %w", dir, ErrNotWorkTree)
	}
	root, err := filepath.EvalSymlinks(filepath.FromSlash(top))
	if err != nil {
		return nil, err
	}
	return &Repo{root: root}, nil
}

// Root is the work tree's folder.
func (r *Repo) Root() string { return r.root }

// logFormat is one commit per record: hash, author, author time (strict
// ISO 8601), subject, NUL-separated (a subject may hold anything else).
const logFormat = "--format=%H%x00%an%x00%aI%x00%s%x00"

// Resolve names the commit a revision points at: "HEAD", "HEAD~1", a
// branch, a tag (annotated ones are followed to their commit) or a hash,
// short or whole. A revision starting with "-" is a revision, never an
// option (--end-of-options).
func (r *Repo) Resolve(rev string) (Commit, error) {
	hash, err := r.hash(rev)
	if err != nil {
		return Commit{}, err
	}
	list, err := r.commits("log", "-1", "--no-show-signature", logFormat, hash, "--")
	if err != nil {
		return Commit{}, err
	}
	if len(list) != 1 {
		return Commit{}, fmt.Errorf("%q does not name a commit: %w", rev, ErrUnknownRev)
	}
	return list[0], nil
}

// hash is the whole hash of the commit rev names.
func (r *Repo) hash(rev string) (string, error) {
	if rev == "" {
		return "", fmt.Errorf("an empty revision: %w", ErrUnknownRev)
	}
	out, err := run(r.root, outputLimit, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	var ge *gitError
	if errors.As(err, &ge) && ge.Code == 1 {
		return "", fmt.Errorf("%q: %w", rev, ErrUnknownRev)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// commits runs a log command printing logFormat and parses its records.
func (r *Repo) commits(args ...string) ([]Commit, error) {
	out, err := run(r.root, outputLimit, args...)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimLeft(out, "\n")
	var list []Commit
	for len(out) > 0 {
		f := bytes.SplitN(out, []byte{0}, 5)
		if len(f) < 5 {
			return nil, fmt.Errorf("git log printed an unexpected record %q", out)
		}
		when, err := time.Parse(time.RFC3339, string(f[2]))
		if err != nil {
			return nil, fmt.Errorf("git log printed an unexpected date: %w", err)
		}
		list = append(list, Commit{Hash: string(f[0]), Author: string(f[1]), When: when, Subject: string(f[3])})
		out = bytes.TrimLeft(f[4], "\n")
	}
	return list, nil
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
// holds it, refusing one larger than lim before reading it: the tree
// entry (ls-tree -l) gives its kind and size, then cat-file reads the
// blob, at most lim.Max bytes.
func (r *Repo) Read(c Commit, rel string, lim files.Limit) ([]byte, error) {
	at := rel + " at " + c.Short()
	e, ok, err := r.entry(c, rel)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", at, err)
	case !ok || e.kind == "tree":
		return nil, fmt.Errorf("%s: %w", at, ErrNotExist)
	case e.kind != "blob" || e.mode == "120000":
		return nil, fmt.Errorf("%s is not a regular file", at)
	case e.size > lim.Max:
		return nil, fmt.Errorf("%s: %w", at, files.ErrTooLarge)
	}
	data, err := run(r.root, lim, "cat-file", "blob", e.hash)
	if errors.Is(err, files.ErrTooLarge) {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	return data, err
}

// entry is one line of ls-tree -l: "MODE TYPE HASH SIZE\tPATH".
type entry struct {
	mode, kind, hash string
	size             int64
}

// entry is the tree entry at rel in c, ok false when c holds none.
func (r *Repo) entry(c Commit, rel string) (entry, bool, error) {
	out, err := run(r.root, outputLimit, "ls-tree", "-l", "-z", "--full-tree", c.Hash, "--", rel)
	if err != nil {
		return entry{}, false, err
	}
	// Without -r, a path lists its own entry only; check the name anyway.
	for _, line := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		if !ok || name != rel || len(f) != 4 {
			continue
		}
		e := entry{mode: f[0], kind: f[1], hash: f[2]}
		if f[3] != "-" {
			if e.size, err = strconv.ParseInt(f[3], 10, 64); err != nil {
				return entry{}, false, fmt.Errorf("git ls-tree printed an unexpected size %q", f[3])
			}
		}
		return e, true, nil
	}
	return entry{}, false, nil
}
