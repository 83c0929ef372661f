package gitrev

import (
	"errors"
	"fmt"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Revision is one commit that changed a file, as a picker lists it.
type Revision struct {
	Short   string `json:"short"` // 7 hex digits, what a person reads
	Hash    string `json:"hash"`  // the whole hash, what is resolved
	When    string `json:"when"`  // the author's time, RFC 3339
	Author  string `json:"author"`
	Subject string `json:"subject"` // the message's first line
}

// ScanLimit caps the commits Log looks at, so a file untouched for years
// in a long history costs a bounded walk, not the whole history.
const ScanLimit = 5000

// Log lists the commits reachable from HEAD that changed the file at rel
// (a work-tree path from Rel: added it or changed its content), newest
// first, at most max of them. A commit changed the file when the file's
// blob differs from its first parent's: comparing two tree entries is
// cheap, where a diff of every commit is not. A repository without
// commits lists none.
func (r *Repo) Log(rel string, max int) ([]Revision, error) {
	head, err := r.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return []Revision{}, nil // a new repository: nothing committed yet
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read HEAD: %w", err)
	}
	iter, err := r.repo.Log(&git.LogOptions{From: head.Hash(), Order: git.LogOrderCommitterTime})
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	out := []Revision{}
	seen := 0
	err = iter.ForEach(func(c *object.Commit) error {
		if seen++; seen > ScanLimit || len(out) >= max {
			return storer.ErrStop
		}
		h, ok := blobOf(c, rel)
		if !ok {
			return nil
		}
		if p, err := c.Parent(0); err == nil {
			if ph, ok := blobOf(p, rel); ok && ph == h {
				return nil // unchanged by this commit
			}
		}
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		out = append(out, Revision{Short: short(c), Hash: c.Hash.String(), When: c.Author.When.Format(time.RFC3339), Author: c.Author.Name, Subject: subject})
		return nil
	})
	return out, err
}

// blobOf is the hash of the file at rel in c's tree.
func blobOf(c *object.Commit, rel string) (plumbing.Hash, bool) {
	t, err := c.Tree()
	if err != nil {
		return plumbing.ZeroHash, false
	}
	e, err := t.FindEntry(rel)
	if err != nil || !e.Mode.IsFile() {
		return plumbing.ZeroHash, false
	}
	return e.Hash, true
}
