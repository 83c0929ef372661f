package runs

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/stepstudio/stepstudio/app/files"
)

// Store keeps every run on disk in one bbolt file. Each batch of events is
// committed in its own transaction as the run goes, so a crash loses at
// most the batch in flight and never corrupts what was committed.
type Store struct {
	db     *bolt.DB
	file   *os.File // bbolt's file, to let go of it when bbolt panicked (abandon)
	path   string
	notice string // why the old file was moved aside at open, "" when it was not

	mu     sync.Mutex
	failed error // set once a transaction met damage: the store is not used again
	closed bool
}

var (
	bucketRuns   = []byte("runs")   // run id -> Meta JSON
	bucketEvents = []byte("events") // run id -> bucket of event id (uint64 BE) -> event JSON
	bucketStages = []byte("stages") // run id -> bucket of seq (uint64 BE) -> StageRecord JSON
	// bucketMapRuns: run id -> JSON of the run's distributed Map runs
	// ([]engine.MapRun, children with their histories), written at its end.
	bucketMapRuns = []byte("mapruns")
)

// ErrNotFound says no run has that id.
var ErrNotFound = errors.New("run not found")

// ErrStoreLocked says another studio has the store open.
var ErrStoreLocked = errors.New("another Stepstudio is using the run history")

// A second studio holding the file must not hang this one.
const lockTimeout = time.Second

// OpenStore opens (or creates) the store at path. A file that is damaged,
// or is not a regular file, is moved aside (renamed, never deleted) and a
// new, empty store takes its place; Problem then says so. A store another
// studio holds is left alone (ErrStoreLocked). Runs a previous process
// left RUNNING are marked ABORTED: nothing is executing them any more.
func OpenStore(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open the run store: %w", err)
	}
	s, err := openChecked(path)
	var d *damageError
	if !errors.As(err, &d) {
		return s, err
	}
	aside, mvErr := moveAside(path)
	if mvErr != nil {
		return nil, fmt.Errorf("%w; it could not be moved aside: %v", err, mvErr)
	}
	if s, err = openChecked(path); err != nil {
		return nil, err
	}
	s.notice = fmt.Sprintf("The run history could not be read: %s. The studio moved that file to %s (nothing was deleted) and started a new, empty history.", d.why, aside)
	return s, nil
}

// openChecked checks the file at path and opens it with bbolt; an error
// that is a *damageError says the file is damaged.
func openChecked(path string) (*Store, error) {
	// Lstat first: a device is not even opened.
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist): // bbolt creates it
	case err != nil:
		return nil, fmt.Errorf("open the run store %s: %w", path, err)
	case !info.Mode().IsRegular():
		return nil, notRegular(info.Mode())
	default:
		if err := checkPath(path); err != nil {
			return nil, err
		}
	}
	s := &Store{path: path}
	opts := &bolt.Options{Timeout: lockTimeout, OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag|files.NoFollow, perm)
		s.file = f
		return f, err
	}}
	err = safely(func() error {
		db, err := bolt.Open(path, 0o600, opts)
		if err != nil {
			return err
		}
		s.db = db
		if err = s.check(); err == nil {
			err = s.abortInterrupted()
		}
		if err != nil {
			db.Close()
		}
		return err
	})
	var d *damageError
	switch {
	case err == nil:
		return s, nil
	case errors.As(err, &d):
		if d.panicked && s.file != nil {
			s.abandon()
		}
		return nil, err
	case errors.Is(err, berrors.ErrTimeout):
		return nil, locked(path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, damaged("%v", err)
	}
	return nil, fmt.Errorf("open the run store %s: %w", path, err)
}

// check runs bbolt's own consistency check; every error must be read off
// its channel, or its goroutine is left blocked.
func (s *Store) check() error {
	var errs []error
	err := s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if len(errs) < 3 {
				errs = append(errs, err)
			}
		}
		return nil
	})
	if err == nil && len(errs) > 0 {
		err = damaged("bbolt's check: %v", errors.Join(errs...))
	}
	return err
}

// Path is the store's file.
func (s *Store) Path() string { return s.path }

// Problem says, in words for the studio to show, what went wrong with the
// store file: moved aside at open, or damaged since; "" when nothing did.
func (s *Store) Problem() string {
	if err := s.failure(); err != nil {
		return err.Error()
	}
	return s.notice
}

// Close closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.failed != nil {
		return nil // after a failure bbolt is not called again: its file is closed already
	}
	s.closed = true
	return s.db.Close()
}

func (s *Store) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed
}

// view and update run a transaction so that damage it meets (a bbolt
// panic, or a fault reading the mapped file: see safely) is an error.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return s.guard(func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(*bolt.Tx) error) error {
	return s.guard(func() error { return s.db.Update(fn) })
}

func (s *Store) guard(tx func() error) error {
	if err := s.failure(); err != nil {
		return err
	}
	err := safely(tx)
	var d *damageError
	if errors.As(err, &d) {
		return s.fail(d)
	}
	if err != nil && s.failure() != nil {
		return s.failure() // another transaction failed meanwhile
	}
	return err
}

// fail stops using the store after a transaction met damage (see
// abandon). The file is checked and, when damaged, moved aside, so the
// next start begins a new history.
func (s *Store) fail(d *damageError) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed != nil {
		return s.failed
	}
	s.abandon()
	msg := fmt.Sprintf("The run history stopped working: %s. Runs from now on are kept only until the studio closes.", d.why)
	var found *damageError
	if err := checkPath(s.path); errors.As(err, &found) {
		if aside, err := moveAside(s.path); err == nil {
			msg = fmt.Sprintf("The run history could not be read: %s. The studio moved that file to %s (nothing was deleted); runs from now on are kept only until the studio closes, and the next start begins a new, empty history.", found.why, aside)
		}
	}
	s.failed = &damageError{why: d.why, msg: msg}
	return s.failed
}

// abortInterrupted creates the buckets of a new store and marks the runs
// a previous process left RUNNING as ABORTED.
func (s *Store) abortInterrupted() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		runs, err := tx.CreateBucketIfNotExists(bucketRuns)
		if err != nil {
			return err
		}
		for _, b := range [][]byte{bucketEvents, bucketStages, bucketMapRuns} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return runs.ForEach(func(k, v []byte) error {
			var m Meta
			// A remote execution's status is AWS's as last seen, not ours.
			if json.Unmarshal(v, &m) != nil || m.Status != StatusRunning || m.Remote != "" {
				return nil
			}
			m.Status, m.Error, m.Cause = "ABORTED", "Stepstudio.Interrupted", "The studio closed while this run was going on; its events up to then are kept."
			b, _ := json.Marshal(m)
			return runs.Put(k, b)
		})
	})
}

// appendOnly fills pages before splitting them: a run's events and stage
// records are only ever appended in key order, so half-full pages (bbolt's
// default for random inserts) would double the writes and the file.
const appendOnly = 0.95

// Save writes meta and appends events (AWS-shaped JSON, each with its
// id) and stage records in one transaction.
func (s *Store) Save(m Meta, events []json.RawMessage, ids []int64, stages []StageRecord) error {
	mb, err := json.Marshal(m)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketRuns).Put([]byte(m.ID), mb); err != nil {
			return err
		}
		if len(events) > 0 {
			eb, err := tx.Bucket(bucketEvents).CreateBucketIfNotExists([]byte(m.ID))
			if err != nil {
				return err
			}
			eb.FillPercent = appendOnly
			for i, e := range events {
				if err := eb.Put(key(ids[i]), e); err != nil {
					return err
				}
			}
		}
		if len(stages) > 0 {
			sb, err := tx.Bucket(bucketStages).CreateBucketIfNotExists([]byte(m.ID))
			if err != nil {
				return err
			}
			sb.FillPercent = appendOnly
			for _, st := range stages {
				b, err := json.Marshal(st)
				if err != nil {
					return err
				}
				if err := sb.Put(key(st.Seq), b); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save run %s: %w", m.ID, err)
	}
	return nil
}

func key(id int64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], uint64(id))
	return k[:]
}

// Meta reads one run's summary.
func (s *Store) Meta(id string) (Meta, error) {
	var m Meta
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketRuns).Get([]byte(id))
		if v == nil {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		return json.Unmarshal(v, &m)
	})
	return m, err
}

// Events reads a run's events with ids greater than after, in id order.
func (s *Store) Events(id string, after int64) ([]json.RawMessage, error) {
	var out []json.RawMessage
	err := s.view(func(tx *bolt.Tx) error {
		eb := tx.Bucket(bucketEvents).Bucket([]byte(id))
		if eb == nil {
			if tx.Bucket(bucketRuns).Get([]byte(id)) == nil {
				return fmt.Errorf("%w: %s", ErrNotFound, id)
			}
			return nil
		}
		c := eb.Cursor()
		for k, v := c.Seek(key(after + 1)); k != nil; k, v = c.Next() {
			out = append(out, bytes.Clone(v))
		}
		return nil
	})
	return out, err
}

// Stages reads a run's stage records with seq greater than after.
func (s *Store) Stages(id string, after int64) ([]StageRecord, error) {
	out := []StageRecord{}
	err := s.view(func(tx *bolt.Tx) error {
		sb := tx.Bucket(bucketStages).Bucket([]byte(id))
		if sb == nil {
			return nil
		}
		c := sb.Cursor()
		for k, v := c.Seek(key(after + 1)); k != nil; k, v = c.Next() {
			var st StageRecord
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("stage record %d of run %s: %w", binary.BigEndian.Uint64(k), id, err)
			}
			out = append(out, st)
		}
		return nil
	})
	return out, err
}

// List returns the runs of a workflow, newest first.
func (s *Store) List(workflow string) ([]Meta, error) {
	out := []Meta{}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRuns).ForEach(func(_, v []byte) error {
			var m Meta
			if err := json.Unmarshal(v, &m); err != nil {
				return nil // an unreadable entry must not hide the others
			}
			if m.Workflow == workflow {
				m.Definition = "" // the list stays light; Load gives it
				out = append(out, m)
			}
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].StartDate.After(out[j].StartDate) })
	return out, err
}

// Delete removes a run and its events.
func (s *Store) Delete(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketRuns).Get([]byte(id)) == nil {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		if err := tx.Bucket(bucketRuns).Delete([]byte(id)); err != nil {
			return err
		}
		for _, b := range [][]byte{bucketEvents, bucketStages} {
			if tx.Bucket(b).Bucket([]byte(id)) != nil {
				if err := tx.Bucket(b).DeleteBucket([]byte(id)); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketMapRuns).Delete([]byte(id))
	})
}

// SaveMapRuns keeps a finished run's distributed Map runs.
func (s *Store) SaveMapRuns(id string, data []byte) error {
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMapRuns).Put([]byte(id), data) })
}

// MapRuns reads a run's distributed Map runs (nil when it had none).
func (s *Store) MapRuns(id string) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMapRuns).Get([]byte(id)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}
