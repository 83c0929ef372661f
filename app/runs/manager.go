package runs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// Manager starts runs, drives them (step, continue, stop, answers) and
// keeps them. It is safe for concurrent use.
type Manager struct {
	ctx    context.Context
	cancel context.CancelFunc
	store  *Store // nil when it could not be opened: runs still work, unsaved
	// storeErr says why there is no store, for the UI.
	storeErr   string
	out        *outbox // nil without an emitter
	batchEvery time.Duration
	batchMax   int
	paces      map[string]time.Duration
	trust      TrustStore

	mu   sync.Mutex
	runs map[string]*run // live runs, and finished ones the store could not keep
	wg   sync.WaitGroup
}

// Option configures a Manager.
type Option func(*Manager)

// WithBatching sets how often updates are emitted and how many events an
// update carries at most (default every 50 ms or 2,000 events).
func WithBatching(every time.Duration, max int) Option {
	return func(m *Manager) { m.batchEvery, m.batchMax = every, max }
}

// WithPaces sets the pause before each state for the named paces.
func WithPaces(p map[string]time.Duration) Option { return func(m *Manager) { m.paces = p } }

// New returns a manager that keeps runs in store (nil, with storeErr
// saying why, when the store could not be opened) and emits updates.
func New(store *Store, storeErr error, emitter Emitter, opts ...Option) *Manager {
	m := &Manager{store: store, batchEvery: 50 * time.Millisecond, batchMax: 2000,
		paces: map[string]time.Duration{"instant": 0, "normal": 400 * time.Millisecond, "slow": 1200 * time.Millisecond},
		runs:  map[string]*run{}}
	if storeErr != nil {
		m.storeErr = "Runs are not being saved: " + storeErr.Error()
	}
	for _, o := range opts {
		o(m)
	}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	if emitter != nil {
		m.out = newOutbox(emitter)
	}
	return m
}

// StoreError says why runs are not saved, or what happened to the store
// file (moved aside when damaged), "" when all is well.
func (m *Manager) StoreError() string {
	if m.store != nil {
		if p := m.store.Problem(); p != "" {
			return p
		}
	}
	return m.storeErr
}

// Close stops every run and waits for their last updates.
func (m *Manager) Close() {
	m.mu.Lock()
	for _, r := range m.runs {
		// A followed run belongs to its program: the endpoint keeps it.
		if r.isLive() && r.ext == nil {
			r.halt()
		}
	}
	m.mu.Unlock()
	m.cancel()
	m.wg.Wait()
	if m.out != nil {
		m.out.close()
	}
}

// emit queues updates for the emitter, in order.
func (m *Manager) emit(us ...Update) {
	if m.out != nil {
		m.out.push(us...)
	}
}

// Start checks the request and starts the run; it returns the run id at
// once. A bad request is refused with an error wrapping ErrInvalidRequest.
func (m *Manager) Start(req StartRequest) (string, error) {
	p, err := req.prepare()
	if err != nil {
		return "", err
	}
	pace, ok := m.paces[req.Pace]
	if !ok && req.Pace != "" {
		return "", invalid("Pace must be instant, normal or slow, not %q", req.Pace)
	}
	id := uuid.Must(uuid.NewV7()).String()
	r := &run{id: id, m: m, ready: make(chan struct{}), stopped: make(chan struct{}), kick: make(chan struct{}, 1),
		pace: pace, live: true, unsaved: m.storeErr, memory: m.store == nil}
	r.meta = Meta{ID: id, Workflow: req.Workflow, Name: id, Status: StatusRunning, StartDate: time.Now().UTC(),
		Input: engine.EncodeJSON(p.input), TestCase: req.TestCase, StartAt: req.StartAt, Definition: req.Definition, TryIt: req.TryIt}
	if m.store != nil {
		if err := m.store.Save(r.meta, nil, nil, nil); err != nil {
			r.unsaved, r.memory = "The run could not be saved: "+err.Error(), true
		}
	}
	var inv engine.Invoker = r
	if req.TryIt {
		inv = engine.InvokerFunc(r.generate)
	}
	if key := req.trustKey(); len(req.Handlers) > 0 && key != "" {
		// Configured handlers answer their states; the rest as before.
		inv = engine.Chain(&localHandlers{r: r, workflow: key, set: req.Handlers, asks: map[string]*trustAsk{}}, inv)
	}
	opts := append(p.opts, engine.WithObserver(r), engine.WithInvoker(inv), engine.WithoutHistory(), engine.WithExecutionName(id))
	m.mu.Lock()
	m.runs[id] = r
	m.mu.Unlock()
	ex, err := p.machine.Start(m.ctx, p.input, opts...)
	if err != nil {
		m.mu.Lock()
		delete(m.runs, id)
		m.mu.Unlock()
		if m.store != nil {
			_ = m.store.Delete(id)
		}
		return "", invalid("%v", err)
	}
	r.ex = ex
	close(r.ready)
	m.wg.Add(1)
	go r.loop()
	return id, nil
}

// finished forgets a run the store now holds in full.
func (m *Manager) finished(r *run) {
	r.mu.Lock()
	saved := m.store != nil && r.unsaved == ""
	r.mu.Unlock()
	if saved {
		m.mu.Lock()
		delete(m.runs, r.id)
		m.mu.Unlock()
	}
}

// live is a run going on that the studio drives (step, pause, breakpoints);
// a run it only follows (follow.go) is refused.
func (m *Manager) live(id string) (*run, error) {
	r, err := m.liveAny(id)
	if err == nil && r.ext != nil {
		return nil, ErrFollowed
	}
	return r, err
}

// liveAny is a run going on, driven or followed: both have tasks to
// answer and can be stopped.
func (m *Manager) liveAny(id string) (*run, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r == nil || !r.isLive() {
		return nil, fmt.Errorf("run %s is not running", id)
	}
	<-r.ready
	return r, nil
}

// Snapshot returns the run's state and its events after event id after:
// a page that reloaded, or missed updates, catches up with it.
func (m *Manager) Snapshot(id string, after int64) (Update, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r != nil {
		return r.snapshot(after)
	}
	if m.store == nil {
		return Update{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	meta, err := m.store.Meta(id)
	if err != nil {
		return Update{}, err
	}
	evs, err := m.store.Events(id, after)
	if err != nil {
		return Update{}, err
	}
	u := Update{RunID: id, Events: evs, Stages: []StageRecord{}, Meta: meta, PausedAt: []string{}, Pauses: []PauseInfo{}, Waiting: [][]engine.PathStep{}, Pending: []Pending{}}
	if len(evs) > 0 {
		u.FirstEvent, u.LastEvent = after+1, after+int64(len(evs))
	}
	return u, nil
}

// Stages returns a run's stage records with seq greater than after.
func (m *Manager) Stages(id string, after int64) ([]StageRecord, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r != nil {
		return r.stagesAfter(after)
	}
	if m.store == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return m.store.Stages(id, after)
}

// Stop aborts a run.
func (m *Manager) Stop(id string) error {
	r, err := m.liveAny(id)
	if err != nil {
		return err
	}
	r.halt()
	return nil
}

// Step continues a paused run and pauses before the next state.
func (m *Manager) Step(id string) error { return m.control(id, (*engine.Execution).Step) }

// Continue continues a paused run until the next breakpoint.
func (m *Manager) Continue(id string) error { return m.control(id, (*engine.Execution).Resume) }

// Pause pauses the run before the next state it enters.
func (m *Manager) Pause(id string) error { return m.control(id, (*engine.Execution).Pause) }

func (m *Manager) control(id string, f func(*engine.Execution)) error {
	r, err := m.live(id)
	if err != nil {
		return err
	}
	f(r.ex)
	r.wake()
	return nil
}

// SetBreakpoint adds or removes a breakpoint while the run goes on.
func (m *Manager) SetBreakpoint(id, state string, on bool) error {
	r, err := m.live(id)
	if err != nil {
		return err
	}
	r.ex.SetBreakpoint(state, on)
	return nil
}

// Succeed answers a pending task with output (JSON text).
func (m *Manager) Succeed(id, pendingID, output string) error {
	r, err := m.liveAny(id)
	if err != nil {
		return err
	}
	v, err := engine.DecodeJSON([]byte(output))
	if err != nil {
		return invalid("The result is not valid JSON: %v", err)
	}
	return r.respond(pendingID, v, nil)
}

// Fail answers a pending task with an error its Retry and Catch see.
func (m *Manager) Fail(id, pendingID, errName, cause string) error {
	r, err := m.liveAny(id)
	if err != nil {
		return err
	}
	if errName == "" {
		return invalid("Give the error a name (e.g. PaymentDeclined)")
	}
	return r.respond(pendingID, nil, fault.New(errName, cause))
}

// Heartbeat tells a waiting callback or activity its worker is alive.
func (m *Manager) Heartbeat(id, pendingID string) error {
	r, err := m.liveAny(id)
	if err != nil {
		return err
	}
	return r.heartbeat(pendingID)
}

// events returns all of a run's recorded events, live or stored.
func (m *Manager) events(id string) (Meta, []json.RawMessage, error) {
	m.mu.Lock()
	r := m.runs[id]
	m.mu.Unlock()
	if r != nil {
		r.mu.Lock()
		meta := r.meta
		r.mu.Unlock()
		evs, err := r.eventsAfter(0)
		return meta, evs, err
	}
	if m.store == nil {
		return Meta{}, nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	meta, err := m.store.Meta(id)
	if err != nil {
		return Meta{}, nil, err
	}
	evs, err := m.store.Events(id, 0)
	return meta, evs, err
}

// List returns the stored and unsaved runs of a workflow, newest first.
func (m *Manager) List(workflow string) ([]Meta, error) {
	out := []Meta{}
	m.mu.Lock()
	for _, r := range m.runs {
		r.mu.Lock()
		if r.meta.Workflow == workflow && (m.store == nil || r.unsaved != "") {
			meta := r.meta
			meta.Definition = ""
			out = append(out, meta)
		}
		r.mu.Unlock()
	}
	m.mu.Unlock()
	if m.store != nil {
		stored, err := m.store.List(workflow)
		if err != nil {
			return out, err
		}
		out = append(out, stored...)
	}
	return out, nil
}

// Delete removes a finished run.
func (m *Manager) Delete(id string) error {
	m.mu.Lock()
	r := m.runs[id]
	if r != nil && !r.isLive() {
		delete(m.runs, id)
	}
	m.mu.Unlock()
	if r != nil && r.isLive() {
		return errors.New("the run is still going on: stop it first")
	}
	if m.store == nil {
		if r == nil {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		return nil
	}
	err := m.store.Delete(id)
	if r != nil && errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}
