package exporter

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stepstudio/stepstudio/app/files"
)

// Written says what Write did.
type Written struct {
	Folder  string   `json:"folder"`
	Written []string `json:"written"`
	// Existing lists the files already there when overwrite was not
	// given; then nothing was written.
	Existing []string `json:"existing"`
}

// Write writes an export's files into the folder dir (created if
// missing), each at its slash-separated File.Path, with files.WriteIn:
// atomically, never through a symbolic link, never outside dir. Every
// path is checked before anything is written, so a path that is absolute
// or climbs out with "..", a sub-folder that links out of dir, or (with
// overwrite) a target that is a link leaves every file as it was. Unless
// overwrite, nothing is written when any target already exists (a
// dangling link does), and Existing lists them. The studio and the CLI
// both write exports through it.
func Write(dir string, list []File, overwrite bool) (Written, error) {
	out := Written{Folder: dir, Written: []string{}, Existing: []string{}}
	if len(list) == 0 {
		return out, errors.New("nothing to write")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, err
	}
	rels := make([]string, len(list))
	for i, f := range list {
		rels[i] = filepath.FromSlash(f.Path)
		exists, err := files.CheckIn(dir, rels[i])
		switch {
		case exists && !overwrite:
			out.Existing = append(out.Existing, filepath.Join(dir, rels[i]))
		case err != nil:
			return out, fmt.Errorf("%w; nothing was written", err)
		}
	}
	if len(out.Existing) > 0 {
		return out, nil
	}
	for i, f := range list {
		p, err := files.WriteIn(dir, rels[i], []byte(f.Content), 0o644)
		if err != nil {
			return out, err
		}
		out.Written = append(out.Written, p)
	}
	return out, nil
}
