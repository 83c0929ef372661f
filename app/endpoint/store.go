package endpoint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/engine"
)

// store keeps the server's state in DATA/serve.db (bbolt, like the
// studio's runs): the control plane (state machines, versions, aliases,
// activities, tags) as one document rewritten on each change, and each
// execution under its ARN, written when it starts, ends, or the server
// stops while it runs.
type store struct {
	db *bolt.DB
}

var (
	bucketControl    = []byte("control")
	bucketExecutions = []byte("executions")
	keyControl       = []byte("state")
)

// storeFile is the database's name inside the data folder.
const storeFile = "serve.db"

func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	path := filepath.Join(dir, storeFile)
	// Never through a link, never a device: a regular file or none.
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("data folder: %s is not a regular file", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag|files.NoFollow, perm)
		}})
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w (is another stepstudio serve using it?)", dir, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketControl, bucketExecutions} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("data folder: %w", err)
	}
	return &store{db: db}, nil
}

func (st *store) close() error { return st.db.Close() }

func (st *store) put(bucket, key, value []byte) error {
	return st.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucket).Put(key, value) })
}

// control is the control plane as it is stored.
type control struct {
	Machines   []*stateMachine  `json:"machines"`
	Versions   []*version       `json:"versions"`
	Aliases    []*alias         `json:"aliases"`
	Activities []*activity      `json:"activities"`
	Tags       map[string][]tag `json:"tags"`
}

// saveControlLocked writes the control plane; callers hold s.mu.
func (s *Server) saveControlLocked() {
	if s.store == nil {
		return
	}
	c := control{Tags: s.tags}
	for _, m := range s.machines {
		c.Machines = append(c.Machines, m)
	}
	for _, v := range s.versions {
		c.Versions = append(c.Versions, v)
	}
	for _, a := range s.aliases {
		c.Aliases = append(c.Aliases, a)
	}
	for _, a := range s.activities {
		c.Activities = append(c.Activities, a)
	}
	b, err := json.Marshal(c)
	if err == nil {
		err = s.store.put(bucketControl, keyControl, b)
	}
	if err != nil {
		stderrLog.Printf("could not save the state machines to the data folder: %v", err)
	}
}

// persistExecution writes the execution's record.
func (s *Server) persistExecution(e *execution) {
	if s.store == nil {
		return
	}
	// One save at a time per execution, so the last one written is the
	// last one taken.
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	e.mu.Lock()
	b, err := json.Marshal(e)
	e.mu.Unlock()
	if err == nil {
		err = s.store.put(bucketExecutions, []byte(e.Arn), b)
	}
	if err != nil {
		stderrLog.Printf("could not save execution %s: %v", e.Arn, err)
	}
}

// saveInterrupted keeps a running execution's history so far when the
// server stops, to be resumed by the next start.
func (s *Server) saveInterrupted(e *execution, ex *engine.Execution) {
	evs := ex.Events()
	e.mu.Lock()
	e.Events = evs
	e.mu.Unlock()
	s.persistExecution(e)
}

// load reads what the data folder holds. Definitions are compiled again;
// executions that were running when the server stopped go on from where
// they were (a redrive from the state that had not ended), or end FAILED
// saying why.
func (s *Server) load() error {
	var c control
	var execs []*execution
	err := s.store.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketControl).Get(keyControl); b != nil {
			if err := json.Unmarshal(b, &c); err != nil {
				return fmt.Errorf("state machines: %w", err)
			}
		}
		return tx.Bucket(bucketExecutions).ForEach(func(k, v []byte) error {
			e := &execution{}
			if err := json.Unmarshal(v, e); err != nil {
				return fmt.Errorf("execution %s: %w", k, err)
			}
			execs = append(execs, e)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	for _, m := range c.Machines {
		if p, ok := parseArn(m.Arn); ok {
			m.region = p.region
		}
		m.Current.machine, _ = compileDefinition(m.Name, m.Current.Definition, m.Type == "EXPRESS")
		s.machines[m.Arn] = m
	}
	for _, v := range c.Versions {
		if sm := s.machines[v.Machine]; sm != nil {
			v.Rev.machine, _ = compileDefinition(sm.Name, v.Rev.Definition, sm.Type == "EXPRESS")
		}
		s.versions[v.Arn] = v
	}
	for _, a := range c.Aliases {
		s.aliases[a.Arn] = a
	}
	for _, a := range c.Activities {
		s.activities[a.Arn] = a
	}
	if c.Tags != nil {
		s.tags = c.Tags
	}
	slices.SortFunc(execs, func(a, b *execution) int { return a.Started.Compare(b.Started) })
	for _, e := range execs {
		e.machine, _ = compileDefinition(e.MachineNm, e.Definition, e.Type == "EXPRESS")
		s.executions[e.Arn] = e
		s.execOrder = append(s.execOrder, e)
		if e.Status == engine.StatusRunning {
			s.resume(e)
		}
	}
	return nil
}

// interruptedCause is what an execution the server stopped under says.
const interruptedCause = "stepstudio serve stopped while this execution was running."

// resume ends an interrupted execution FAILED at the point it reached
// and, where the engine can go on from there, redrives it at once: the
// history shows both, and a task that was waiting is asked again (its old
// task token is not valid any more).
func (s *Server) resume(e *execution) {
	now := s.now()
	evs := e.Events
	last := int64(0)
	if n := len(evs); n > 0 {
		last = evs[n-1].ID
	} else {
		evs = []engine.Event{{ID: 1, Timestamp: e.Started, Type: "ExecutionStarted",
			ExecutionStartedEventDetails: &engine.ExecutionStartedDetails{Input: e.Input, RoleArn: e.RoleArn}}}
		last = 1
	}
	// The tokens handed out before the stop answer the tasks the resumed
	// run asks again (the same state, in order).
	e.oldTokens = map[string][]string{}
	var activities []waitingTask
	for _, w := range e.Waiting {
		if w.Activity != "" {
			activities = append(activities, w)
			continue
		}
		e.oldTokens[w.State] = append(e.oldTokens[w.State], w.Token)
	}
	e.Waiting = nil
	errName := "States.Runtime"
	cause := interruptedCause
	if e.machine == nil {
		cause += " Its definition no longer compiles, so it cannot go on."
	} else if e.Type == "EXPRESS" {
		cause += " EXPRESS executions cannot be redriven, so it cannot go on."
	}
	evs = append(evs, engine.Event{ID: last + 1, PreviousEventID: last, Timestamp: now, Type: "ExecutionFailed",
		ExecutionFailedEventDetails: &engine.FailureDetails{Error: &errName, Cause: &cause}})
	e.Events, e.Status, e.Stopped, e.Error, e.Cause, e.Output = evs, engine.StatusFailed, now, &errName, &cause, nil
	if e.machine == nil || e.Type == "EXPRESS" {
		s.persistExecution(e)
		return
	}
	opts, err := s.runOptions(e)
	var ex *engine.Execution
	if err == nil {
		ex, err = e.machine.Redrive(context.Background(), e.Events, opts...)
	}
	if err != nil {
		more := cause + " It could not be resumed: " + err.Error()
		e.Cause = &more
		e.Events[len(e.Events)-1].ExecutionFailedEventDetails.Cause = &more
		s.persistExecution(e)
		return
	}
	e.mu.Lock()
	e.ex, e.Status, e.Output, e.Error, e.Cause = ex, engine.StatusRunning, nil, nil, nil
	e.Stopped = time.Time{}
	e.RedriveCount++
	e.RedriveDate = now
	e.mu.Unlock()
	s.persistExecution(e)
	s.follow(e, ex)
	for _, w := range activities {
		s.wg.Add(1)
		go s.retake(e, ex, w)
	}
}
