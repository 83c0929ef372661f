package files

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// MaxRecent is how many files the recent list remembers.
const MaxRecent = 10

// RecentFile is one entry of the recent list, newest first.
type RecentFile struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Opened int64  `json:"opened"` // Unix milliseconds, as JavaScript's Date takes them
}

// Recent is the recent-files list, kept as JSON in one file
// (ConfigDir()/recent.json) so it survives restarts.
type Recent struct {
	mu   sync.Mutex
	file string
	now  func() time.Time
}

// NewRecent keeps the list in file; its folder is created on first write.
func NewRecent(file string) *Recent { return &Recent{file: file, now: time.Now} }

// List returns the remembered files that still exist, newest first; it
// forgets (and stops storing) the ones that are gone.
func (r *Recent) List() ([]RecentFile, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	all, err := r.read()
	if err != nil {
		return nil, err
	}
	kept := make([]RecentFile, 0, len(all))
	for _, f := range all {
		if info, err := os.Stat(f.Path); err == nil && !info.IsDir() {
			kept = append(kept, f)
		}
	}
	if len(kept) != len(all) {
		if err := r.write(kept); err != nil {
			return nil, err
		}
	}
	return kept, nil
}

// Add puts path at the top of the list (moving it if already there) and
// returns the new list.
func (r *Recent) Add(path string) ([]RecentFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("files: recent: %w", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	all, err := r.read()
	if err != nil {
		return nil, err
	}
	list := []RecentFile{{Path: abs, Name: filepath.Base(abs), Opened: r.now().UnixMilli()}}
	for _, f := range all {
		if f.Path != abs && len(list) < MaxRecent {
			list = append(list, f)
		}
	}
	return list, r.write(list)
}

// read returns the stored list; a missing file is an empty list and a
// damaged one (not JSON, too large, not a file) is forgotten rather than
// blocking every open.
func (r *Recent) read() ([]RecentFile, error) {
	data, err := ReadFile(r.file, Config)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotRegular) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("files: recent: %w", err)
	}
	var list []RecentFile
	if json.Unmarshal(data, &list) != nil {
		return nil, nil
	}
	return list, nil
}

func (r *Recent) write(list []RecentFile) error {
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return fmt.Errorf("files: recent: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(r.file), 0o755); err != nil {
		return fmt.Errorf("files: recent: %w", err)
	}
	if _, err := WriteIn(filepath.Dir(r.file), filepath.Base(r.file), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("files: recent: %w", err)
	}
	return nil
}
