package runs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	if path := os.Getenv("STEPSTUDIO_RUNS_CRASH_STORE"); path != "" {
		crashChild(path) // never returns: the parent kills it
	}
	goleak.VerifyTestMain(m)
}

// recorder is an Emitter that keeps every update, as the page would see
// them, and lets a test wait for one.
type recorder struct {
	mu      sync.Mutex
	updates []Update
	changed chan struct{}
	drop    bool // a page not listening yet: updates are lost
}

func (r *recorder) setDrop(on bool) {
	r.mu.Lock()
	r.drop = on
	r.mu.Unlock()
}

func newRecorder() *recorder { return &recorder{changed: make(chan struct{}, 1)} }

func (r *recorder) Emit(name string, data any) {
	if name != UpdateEvent {
		panic("unexpected event " + name)
	}
	r.mu.Lock()
	if !r.drop {
		r.updates = append(r.updates, data.(Update))
	}
	r.mu.Unlock()
	select {
	case r.changed <- struct{}{}:
	default:
	}
}

// await waits until the latest update of run id satisfies ok.
func (r *recorder) await(t *testing.T, id string, what string, ok func(Update) bool) Update {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		r.mu.Lock()
		for i := len(r.updates) - 1; i >= 0; i-- {
			if u := r.updates[i]; u.RunID == id {
				if ok(u) {
					r.mu.Unlock()
					return u
				}
				if !u.Live {
					r.mu.Unlock()
					t.Fatalf("run %s ended (%s %s %s) before %s", id, u.Meta.Status, u.Meta.Error, u.Meta.Cause, what)
				}
				break
			}
		}
		r.mu.Unlock()
		select {
		case <-r.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			t.Fatalf("run %s: timed out waiting for %s", id, what)
		}
	}
}

func (r *recorder) of(id string) []Update {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Update
	for _, u := range r.updates {
		if u.RunID == id {
			out = append(out, u)
		}
	}
	return out
}

func ended(u Update) bool { return !u.Live }

func pausedAt(state string) func(Update) bool {
	return func(u Update) bool { return len(u.PausedAt) == 1 && u.PausedAt[0] == state }
}

func hasPending(kind string) func(Update) bool {
	return func(u Update) bool {
		for _, p := range u.Pending {
			if p.Kind == kind {
				return true
			}
		}
		return false
	}
}

func pendingOf(t *testing.T, u Update, kind string) Pending {
	t.Helper()
	for _, p := range u.Pending {
		if p.Kind == kind {
			return p
		}
	}
	t.Fatalf("no pending %s in %+v", kind, u.Pending)
	return Pending{}
}

func definition(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// newManager returns a manager over a fresh store in a temp dir.
func newManager(t *testing.T, opts ...Option) (*Manager, *recorder, *Store) {
	t.Helper()
	st, err := OpenStore(filepath.Join(t.TempDir(), "runs.db"))
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	m := New(st, nil, rec, opts...)
	t.Cleanup(func() {
		m.Close()
		st.Close()
	})
	return m, rec, st
}

type head struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
}

func heads(t *testing.T, evs []json.RawMessage) []head {
	t.Helper()
	out := make([]head, len(evs))
	for i, e := range evs {
		if err := json.Unmarshal(e, &out[i]); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
	}
	return out
}
