package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/stepstudio/stepstudio/app/versions"
)

// Compare is the bound service of the diff view: it compares the document
// as edited (always the new side unless the caller swaps) with another
// file, the file as last saved, or a git revision of it. The work is done
// by app/versions; this layer adds the dialog.
type Compare struct {
	ctx  context.Context
	desk desktop
}

// NewCompare returns the compare service using the real dialogs.
func NewCompare() *Compare { return &Compare{ctx: context.Background(), desk: wailsDesktop{}} }

func (c *Compare) startup(ctx context.Context) { c.ctx = ctx }

// ChooseOtherPath shows the open dialog for the file to compare with,
// starting beside the document (path, "" when unsaved); "" means cancelled.
func (c *Compare) ChooseOtherPath(path string) (string, error) {
	dir := ""
	if path != "" {
		dir = filepath.Dir(path)
	}
	return c.desk.OpenFile(c.ctx, "Compare with another workflow file", dir, definitionFilters)
}

// WithFile compares the document (name, text; path its file, "" when
// unsaved) with the workflow file at otherPath.
func (c *Compare) WithFile(name, text, path, otherPath string) (*versions.Comparison, error) {
	if otherPath == "" {
		return nil, errors.New("no file chosen to compare with")
	}
	old, err := versions.File(otherPath, otherPath)
	if err != nil {
		return nil, err
	}
	return compareWith(old, name, text, path)
}

// WithSaved compares the document with its file as last saved (on disk).
func (c *Compare) WithSaved(name, text, path string) (*versions.Comparison, error) {
	if path == "" {
		return nil, errors.New("the workflow has not been saved yet, so there is no saved version to compare with")
	}
	old, err := versions.File(path, "the last saved version")
	if err != nil {
		return nil, err
	}
	return compareWith(old, name, text, path)
}

// Revisions lists the commits that changed the file at path, newest
// first; outside a git work tree the list is empty with a reason.
func (c *Compare) Revisions(path string) (versions.Revisions, error) {
	return versions.ListRevisions(path)
}

// WithRevision compares the document with its file as revision rev holds it.
func (c *Compare) WithRevision(name, text, path, rev string) (*versions.Comparison, error) {
	if path == "" {
		return nil, errors.New("the workflow has not been saved yet, so it has no revisions")
	}
	old, err := versions.Revision(path, rev)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s at %s: %w", filepath.Base(path), rev, err)
	}
	return compareWith(old, name, text, path)
}

// Sides compares two versions the view already holds: the Swap button
// passes a comparison's sides back the other way round.
func (c *Compare) Sides(old, new versions.Side) (*versions.Comparison, error) {
	return versions.Compare(old, new)
}

func compareWith(old versions.Side, name, text, path string) (*versions.Comparison, error) {
	cur, err := versions.Current(name, text, path)
	if err != nil {
		return nil, err
	}
	return versions.Compare(old, cur)
}
