package files

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Snapshot is an autosaved copy of unsaved work, written every few seconds
// while the document is dirty and deleted after a clean save or close.
// Finding one on start means the studio did not close cleanly.
type Snapshot struct {
	ID         string `json:"id"`   // the editing session it belongs to
	Path       string `json:"path"` // the file it was opened from, "" for a new document
	Name       string `json:"name"`
	Format     string `json:"format"`
	LineEnding string `json:"lineEnding"`
	Text       string `json:"text"`
	SavedAt    int64  `json:"savedAt"` // Unix milliseconds
}

// Recovery is the folder of snapshots (ConfigDir()/recovery).
type Recovery struct {
	dir string
	now func() time.Time
}

// NewRecovery keeps snapshots in dir, created on first write.
func NewRecovery(dir string) *Recovery { return &Recovery{dir: dir, now: time.Now} }

var validID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`) })

// ErrBadID is returned for snapshot ids that could escape the folder.
var ErrBadID = errors.New("invalid snapshot id")

func (r *Recovery) file(id string) (string, error) {
	if !validID().MatchString(id) {
		return "", fmt.Errorf("files: recovery %q: %w", id, ErrBadID)
	}
	return filepath.Join(r.dir, id+".json"), nil
}

// Save writes s (stamped now) atomically, replacing the session's last one.
func (r *Recovery) Save(s Snapshot) error {
	name, err := r.file(s.ID)
	if err != nil {
		return err
	}
	s.SavedAt = r.now().UnixMilli()
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("files: recovery: %w", err)
	}
	if err := os.MkdirAll(r.dir, 0o700); err != nil {
		return fmt.Errorf("files: recovery: %w", err)
	}
	if _, err := WriteIn(r.dir, filepath.Base(name), data, 0o600); err != nil {
		return fmt.Errorf("files: recovery: %w", err)
	}
	return nil
}

// List returns the snapshots other than the session except's, newest
// first. Unreadable ones are skipped: a damaged copy must not hide the
// others.
func (r *Recovery) List(except string) ([]Snapshot, error) {
	entries, err := os.ReadDir(r.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []Snapshot{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("files: recovery: %w", err)
	}
	out := []Snapshot{}
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || id == except || !validID().MatchString(id) {
			continue
		}
		data, err := ReadFile(filepath.Join(r.dir, e.Name()), snapshots)
		if err != nil {
			continue
		}
		var s Snapshot
		if json.Unmarshal(data, &s) != nil || s.ID != id {
			continue
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SavedAt > out[j].SavedAt })
	return out, nil
}

// Discard deletes a snapshot; deleting one that is not there is fine.
func (r *Recovery) Discard(id string) error {
	name, err := r.file(id)
	if err != nil {
		return err
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("files: recovery: %w", err)
	}
	return nil
}
