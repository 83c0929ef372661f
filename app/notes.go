package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// Notes is the bound service for the notes beside a workflow (its
// NAME.studio.json): comments, descriptions and pinned positions. Every
// change is written at once, applied to the file as it is on disk, so
// two studios on one file keep each other's comments.
type Notes struct {
	configDir string
	now       func() time.Time
}

// NewNotes keeps the author name in the user config dir.
func NewNotes() *Notes {
	dir, _ := files.ConfigDir() // "" only without a home: the author is then not remembered
	return &Notes{configDir: dir, now: time.Now}
}

// NotesLoaded is a workflow's notes with the states they name that the
// workflow does not have.
type NotesLoaded struct {
	Path    string        `json:"path"`
	Notes   *sidecar.File `json:"notes"`
	Orphans []string      `json:"orphans"`
}

// NotesPath is the notes file of a definition file, or of the state
// machine logicalID inside a template when logicalID is not "".
func (n *Notes) NotesPath(definitionPath, logicalID string) string {
	if logicalID != "" {
		return sidecar.PathForTemplate(definitionPath, logicalID)
	}
	return sidecar.PathFor(definitionPath)
}

// Load reads the notes at path (none yet is an empty set) and names the
// orphans among them, given the workflow's state names.
func (n *Notes) Load(path string, states []string) (NotesLoaded, error) {
	if err := checkNotesPath(path); err != nil {
		return NotesLoaded{}, err
	}
	f, err := sidecar.Load(path)
	if err != nil {
		return NotesLoaded{}, err
	}
	return loaded(path, f, states), nil
}

// Update applies ops to the notes at path and returns them as written.
// Comments without an author are signed with Author().
func (n *Notes) Update(path string, ops []sidecar.Op, states []string) (NotesLoaded, error) {
	if err := checkNotesPath(path); err != nil {
		return NotesLoaded{}, err
	}
	author := n.Author(filepath.Dir(path))
	for i := range ops {
		if ops[i].Author == "" {
			ops[i].Author = author
		}
	}
	f, err := sidecar.Update(path, ops, n.now())
	if err != nil {
		return NotesLoaded{}, err
	}
	return loaded(path, f, states), nil
}

// Carry copies the notes of a definition saved under a new name (Save As).
// When the new name has notes already and overwrite is false it writes
// nothing and answers Exists, so the studio can ask first.
func (n *Notes) Carry(fromPath, toPath string, overwrite bool) (Carried, error) {
	err := sidecar.Carry(fromPath, toPath, overwrite)
	if errors.Is(err, fs.ErrExist) {
		return Carried{Exists: true}, nil
	}
	return Carried{}, err
}

// Carried says whether Carry stopped because the target has notes.
type Carried struct {
	Exists bool `json:"exists"`
}

// Author is the name comments are signed with: the one set in the studio,
// else git's user.name (of the repository holding dir, else global).
func (n *Notes) Author(dir string) string {
	if s := n.settings(); s.Author != "" {
		return s.Author
	}
	return sidecar.GitAuthor(dir)
}

// SetAuthor remembers the name comments are signed with ("" goes back to
// git's user.name).
func (n *Notes) SetAuthor(name string) error {
	if n.configDir == "" {
		return errors.New("no user config folder to remember the name in")
	}
	s := n.settings()
	s.Author = strings.TrimSpace(name)
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(n.configDir, 0o700); err != nil {
		return err
	}
	_, err = files.WriteIn(n.configDir, "settings.json", append(data, '\n'), 0o600)
	return err
}

type settings struct {
	Author string `json:"author,omitempty"`
}

func (n *Notes) settings() settings {
	var s settings
	if n.configDir == "" {
		return s
	}
	if data, err := files.ReadFile(filepath.Join(n.configDir, "settings.json"), files.Config); err == nil {
		_ = json.Unmarshal(data, &s) // a broken settings file means no name set
	}
	return s
}

func loaded(path string, f *sidecar.File, states []string) NotesLoaded {
	orphans := f.Orphans(states)
	if orphans == nil {
		orphans = []string{}
	}
	return NotesLoaded{Path: path, Notes: f, Orphans: orphans}
}

func checkNotesPath(path string) error {
	if !filepath.IsAbs(path) || !strings.HasSuffix(path, sidecar.Suffix) {
		return fmt.Errorf("%s is no notes file (an absolute path ending in %s)", path, sidecar.Suffix)
	}
	return nil
}
