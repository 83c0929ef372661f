package versions

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/gitrev"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// MaxRevisions caps the revisions a picker lists.
const MaxRevisions = 50

// Revisions is what the revision picker shows: the commits that changed
// a file, newest first, or why there are none.
type Revisions struct {
	Revisions []gitrev.Revision `json:"revisions"`
	// Reason says in plain words why the list is empty ("" when it is not).
	Reason string `json:"reason,omitempty"`
	// Root is the git work tree's folder ("" outside one).
	Root string `json:"root,omitempty"`
}

// ListRevisions lists the commits that changed the file at path (at most
// MaxRevisions). Outside a git work tree it is an empty list with a reason,
// not an error: that is a normal place for a workflow to be.
func ListRevisions(path string) (Revisions, error) {
	if path == "" {
		return Revisions{Revisions: []gitrev.Revision{}, Reason: "The workflow is not saved to a file yet, so it has no history."}, nil
	}
	repo, err := gitrev.Open(filepath.Dir(path))
	if errors.Is(err, gitrev.ErrNotWorkTree) {
		return Revisions{Revisions: []gitrev.Revision{}, Reason: "The file is not in a git repository, so it has no revisions to compare with."}, nil
	}
	if errors.Is(err, gitrev.ErrNoGit) {
		return Revisions{Revisions: []gitrev.Revision{}, Reason: "Comparing with a revision needs git installed: install git and open this again."}, nil
	}
	if err != nil {
		return Revisions{}, err
	}
	rel, err := repo.Rel(path)
	if err != nil {
		return Revisions{}, err
	}
	list, err := repo.Log(rel, MaxRevisions)
	if err != nil {
		return Revisions{}, fmt.Errorf("cannot read the history of %s: %w", rel, err)
	}
	out := Revisions{Revisions: list, Root: repo.Root()}
	if len(list) == 0 {
		out.Reason = "No commit holds this file yet: commit it to compare with its revisions."
	}
	return out, nil
}

// Revision is the file at path as revision rev (a hash, HEAD~1, a branch
// or a tag) holds it, with the notes file of the same revision.
func Revision(path, rev string) (Side, error) {
	repo, err := gitrev.Open(filepath.Dir(path))
	if err != nil {
		return Side{}, err
	}
	rel, err := repo.Rel(path)
	if err != nil {
		return Side{}, err
	}
	c, err := repo.Resolve(rev)
	if err != nil {
		return Side{}, err
	}
	data, err := repo.Read(c, rel, files.Definitions)
	if err != nil {
		return Side{}, err
	}
	short := c.Short()
	s := Side{
		Name:  filepath.Base(path),
		Text:  string(data),
		Label: fmt.Sprintf("%s · %s (%s)", short, c.Subject, c.When.Format("2006-01-02")),
		Pins:  map[string]sidecar.Point{},
	}
	notes := filepath.ToSlash(sidecar.PathFor(rel))
	switch nd, err := repo.Read(c, notes, files.Definitions); {
	case errors.Is(err, gitrev.ErrNotExist):
	case err != nil:
		s.Note = "pinned positions not compared: " + err.Error()
	default:
		s.setPins(nd, notes+" at "+short)
	}
	return s, nil
}
