package runs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// pending is a task waiting for the user. Manual tasks wait on answer;
// callbacks and activities wait in the engine for their token.
type pending struct {
	Pending
	answer chan answer // manual tasks only; buffered 1
	cancel func()
	seen   bool // its token was seen open: once closed, the task is over
	// trust answers a "trust" card (handlers.go).
	trust func(yes bool) error
}

type answer struct {
	output any
	err    error
}

// ErrNoPending says the task was already answered or its run moved on.
var ErrNoPending = errors.New("no such pending task: it was answered or its run moved on")

// Invoke is the run's last invoker, after mocks: a Task nothing answers
// asks the user. Callbacks wait for their token; activities are handed
// to the studio as their worker; other tasks wait for an answer by hand.
func (r *run) Invoke(ctx context.Context, req engine.TaskRequest) (any, error) {
	p := &pending{Pending: Pending{ID: uuid.NewString(), State: req.State, Resource: req.Resource,
		Input: engine.EncodeJSON(req.Input), Token: req.TaskToken, Since: time.Now().UTC()}, cancel: func() {}}
	switch {
	case isActivity(req.Resource):
		p.Kind = "activity"
		r.add(p)
		<-r.ready
		// Take the task from the activity's queue as its worker, so the
		// history shows ActivityStarted; the answer comes by its token.
		wctx, cancel := context.WithCancel(r.m.ctx)
		p.cancel = cancel
		go func() { _, _ = r.ex.GetActivityTask(wctx, req.Resource, "Stepstudio") }()
		return nil, engine.ErrNoHandler
	case req.TaskToken != "":
		p.Kind = "callback"
		r.add(p)
		return nil, engine.ErrAwaitCallback
	}
	p.Kind = "task"
	p.answer = make(chan answer, 1)
	r.add(p)
	defer r.remove(p.ID)
	select {
	case a := <-p.answer:
		return a.output, a.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

func isActivity(resource string) bool {
	return strings.HasPrefix(resource, "arn:") && strings.Contains(resource, ":activity:")
}

func (r *run) add(p *pending) {
	r.mu.Lock()
	r.pending = append(r.pending, p)
	r.mu.Unlock()
	r.wake()
}

func (r *run) remove(id string) *pending {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, p := range r.pending {
		if p.ID == id {
			r.pending = append(r.pending[:i:i], r.pending[i+1:]...)
			return p
		}
	}
	return nil
}

// pendingLocked lists the tasks still waiting. Callbacks whose token the
// engine closed (timed out, answered elsewhere) are dropped here; an
// activity's token opens only after its invoker returned, hence "seen".
func (r *run) pendingLocked() []Pending {
	var open map[string]bool
	out := []Pending{}
	kept := r.pending[:0]
	for _, p := range r.pending {
		if p.Token != "" && p.Kind != "task" && r.ex != nil {
			if open == nil {
				open = map[string]bool{}
				for _, t := range r.ex.PendingTokens() {
					open[t] = true
				}
			}
			switch {
			case open[p.Token]:
				p.seen = true
			case p.seen:
				p.cancel()
				continue
			}
		}
		kept = append(kept, p)
		out = append(out, p.Pending)
	}
	r.pending = kept
	return out
}

func pendingSig(ps []Pending) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.ID)
		b.WriteByte(',')
	}
	return b.String()
}

// respond answers a pending task: output when err is nil, else err.
func (r *run) respond(id string, output any, err error) error {
	p := r.remove(id)
	if p == nil {
		return fmt.Errorf("%w (%s)", ErrNoPending, id)
	}
	defer r.wake()
	if r.ext != nil {
		r.mu.Lock()
		r.ext.answered[p.ID] = true
		r.mu.Unlock()
		var fe *fault.Error
		var aerr error
		if errors.As(err, &fe) {
			aerr = r.ext.answer(p.Pending, "", fe.Name, fe.Cause)
		} else {
			aerr = r.ext.answer(p.Pending, engine.EncodeJSON(output), "", "")
		}
		if aerr != nil {
			// Not taken (a bad answer): the card comes back with the next list.
			r.mu.Lock()
			delete(r.ext.answered, p.ID)
			r.mu.Unlock()
		}
		return aerr
	}
	if p.Kind == "task" {
		p.answer <- answer{output: output, err: err}
		return nil
	}
	defer p.cancel()
	var fe *fault.Error
	if errors.As(err, &fe) {
		return r.ex.SendTaskFailure(p.Token, fe.Name, fe.Cause)
	}
	return r.ex.SendTaskSuccess(p.Token, output)
}

// heartbeat tells a callback or activity its worker is alive.
func (r *run) heartbeat(id string) error {
	r.mu.Lock()
	var token string
	for _, p := range r.pending {
		if p.ID == id && p.Kind != "task" {
			token = p.Token
		}
	}
	r.mu.Unlock()
	if token == "" {
		return fmt.Errorf("%w (%s)", ErrNoPending, id)
	}
	if r.ext != nil {
		return nil // the endpoint's tasks have no heartbeat timeout to miss here
	}
	return r.ex.SendTaskHeartbeat(token)
}
