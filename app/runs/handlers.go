package runs

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/handler"
)

// TrustStore holds the user's decisions to let handlers run (app/trust):
// a workflow's absolute path and a handler's content hash.
type TrustStore interface {
	Trusted(workflow, hash string) bool
	Grant(workflow, hash, shown string) error
}

// WithTrust sets where trust decisions are read and kept. Without one,
// nothing is trusted beyond the run the user said yes in.
func WithTrust(t TrustStore) Option { return func(m *Manager) { m.trust = t } }

// localHandlers answers the Task states the workflow's project files give
// a handler, after mocks and before answering by hand. A handler that
// needs trust the user has not given asks first: a pending "trust" card.
// Yes runs it (and is remembered in the user's config); no leaves the
// task to be answered by hand, as if no handler were configured.
type localHandlers struct {
	r        *run
	workflow string // absolute path: the trust key with the hash
	set      map[string]*sidecar.Handler

	mu   sync.Mutex
	asks map[string]*trustAsk // by hash: one question per handler per run
}

type trustAsk struct {
	done chan struct{}
	yes  bool
	card string // the pending card's id
}

func (l *localHandlers) Invoke(ctx context.Context, req engine.TaskRequest) (any, error) {
	h := l.set[req.State]
	if h == nil {
		return nil, engine.ErrNoHandler
	}
	if h.NeedsTrust() && !l.trusted(h) {
		yes, err := l.ask(ctx, req, h)
		if err != nil {
			return nil, err
		}
		if !yes {
			return nil, engine.ErrNoHandler
		}
	}
	b := handler.Binding{State: req.State, TimeoutSeconds: h.TimeoutSeconds}
	switch h.Kind {
	case sidecar.KindCommand:
		b.Command, b.Dir = h.Command, filepath.FromSlash(h.Dir)
		if b.Dir == "" {
			b.Dir = "." // the workflow's folder, not wherever the studio was started
		}
	case sidecar.KindHTTP:
		b.URL = h.URL
	default:
		b.LambdaEndpoint = h.URL
	}
	set := handler.Set{Dir: filepath.Dir(l.workflow), Bindings: []handler.Binding{b}}
	return set.Invoke(ctx, req)
}

func (l *localHandlers) trusted(h *sidecar.Handler) bool {
	hash := h.Hash()
	l.mu.Lock()
	a := l.asks[hash]
	l.mu.Unlock()
	if a != nil {
		select {
		case <-a.done:
			if a.yes {
				return true
			}
		default:
		}
	}
	return l.r.m.trust != nil && l.r.m.trust.Trusted(l.workflow, hash)
}

// ask shows one trust card per handler however many tasks (Map items)
// need it, and waits for the answer.
func (l *localHandlers) ask(ctx context.Context, req engine.TaskRequest, h *sidecar.Handler) (bool, error) {
	hash := h.Hash()
	l.mu.Lock()
	a := l.asks[hash]
	if a == nil {
		a = &trustAsk{done: make(chan struct{})}
		l.asks[hash] = a
		p := &pending{Pending: Pending{ID: uuid.NewString(), Kind: "trust", State: req.State, Resource: req.Resource,
			Input: engine.EncodeJSON(req.Input), Handler: h.Kind, Command: h.Shown(), Since: time.Now().UTC()},
			cancel: func() {}}
		p.trust = func(yes bool) error {
			var err error
			if yes && l.r.m.trust != nil {
				err = l.r.m.trust.Grant(l.workflow, hash, h.Shown())
			}
			a.yes = yes
			close(a.done)
			return err
		}
		a.card = p.ID
		l.r.add(p)
	}
	l.mu.Unlock()
	select {
	case <-a.done:
		return a.yes, nil
	case <-ctx.Done():
		// The run stopped (or the task timed out): nobody waits for the card.
		l.r.remove(a.card)
		l.r.wake()
		return false, context.Cause(ctx)
	}
}

// Trust answers a "trust" card: yes lets the handler run (remembered in
// the user's config), no answers its tasks by hand. When yes could not be
// remembered the handler still runs in this run, and the error says why.
func (m *Manager) Trust(id, pendingID string, yes bool) error {
	r, err := m.live(id)
	if err != nil {
		return err
	}
	p := r.remove(pendingID)
	if p == nil || p.trust == nil {
		return fmt.Errorf("%w (%s)", ErrNoPending, pendingID)
	}
	defer r.wake()
	if err := p.trust(yes); err != nil {
		return fmt.Errorf("the command runs in this run, but the decision could not be remembered: %w", err)
	}
	return nil
}
