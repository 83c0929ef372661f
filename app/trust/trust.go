// Package trust keeps the user's decisions to let a workflow's handlers
// run on this machine: trust.json in the user's config dir, never in a
// project, so a cloned repository cannot trust itself.
//
// A decision is keyed by the workflow's absolute path and the hash of the
// handler's content (app/sidecar Handler.Hash): the same command beside
// another copy of the workflow, or a changed command beside this one, is
// not trusted until the user says so again.
package trust

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
)

// FileName is the store's file in the config dir.
const FileName = "trust.json"

// MaxEntries bounds the file: the oldest decisions are forgotten first.
const MaxEntries = 1000

// Entry is one decision to trust a handler.
type Entry struct {
	Workflow string    `json:"workflow"` // absolute, cleaned
	Hash     string    `json:"hash"`
	Shown    string    `json:"shown,omitempty"` // the command line or URL the user saw, for reading the file
	Time     time.Time `json:"time"`
}

type file struct {
	Version int     `json:"version"`
	Trusted []Entry `json:"trusted"`
}

// Store is the trust file in one config dir. It is safe for concurrent use.
type Store struct {
	mu  sync.Mutex
	dir string
	now func() time.Time
}

// New keeps decisions in dir/trust.json; dir is created on first write.
func New(dir string) *Store { return &Store{dir: dir, now: time.Now} }

// Trusted says whether the user trusted the handler with hash for the
// workflow at path. Anything unreadable counts as not trusted.
func (s *Store) Trusted(workflow, hash string) bool {
	key, err := clean(workflow)
	if err != nil || hash == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.read()
	if err != nil {
		return false
	}
	return slices.ContainsFunc(f.Trusted, func(e Entry) bool { return e.Workflow == key && e.Hash == hash })
}

// Grant records that the user trusts the handler with hash (shown as
// shown) for the workflow at path.
func (s *Store) Grant(workflow, hash, shown string) error {
	key, err := clean(workflow)
	if err != nil {
		return err
	}
	if hash == "" {
		return errors.New("trust: no handler hash")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.read()
	if err != nil {
		// A damaged file holds no decision worth keeping: start again
		// rather than never being able to trust anything.
		f = &file{}
	}
	f.Trusted = slices.DeleteFunc(f.Trusted, func(e Entry) bool { return e.Workflow == key && e.Hash == hash })
	f.Trusted = append(f.Trusted, Entry{Workflow: key, Hash: hash, Shown: shown, Time: s.now().UTC()})
	if n := len(f.Trusted) - MaxEntries; n > 0 {
		f.Trusted = f.Trusted[n:]
	}
	f.Version = 1
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("trust: %w", err)
	}
	_, err = files.WriteIn(s.dir, FileName, append(data, '\n'), 0o600)
	return err
}

func (s *Store) read() (*file, error) {
	if s.dir == "" {
		return nil, errors.New("trust: no user config folder")
	}
	data, err := files.ReadFile(filepath.Join(s.dir, FileName), files.Config)
	if errors.Is(err, fs.ErrNotExist) {
		return &file{Version: 1}, nil
	}
	if err != nil {
		return nil, err
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("trust: %s is damaged: %w", FileName, err)
	}
	return &f, nil
}

func clean(workflow string) (string, error) {
	if !filepath.IsAbs(workflow) {
		return "", fmt.Errorf("trust: %q is not an absolute path: an unsaved workflow has no handlers to trust", workflow)
	}
	return filepath.Clean(workflow), nil
}
