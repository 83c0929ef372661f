package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
)

// ErrUnknownToken is returned for a task token no waiting task issued.
var ErrUnknownToken = errors.New("task token is unknown or its task already ended")

// tokenTable holds the callback tasks waiting for their token.
type tokenTable struct {
	mu sync.Mutex
	m  map[string]*pendingTask
}

type pendingTask struct {
	done      chan callbackOutcome // buffered 1: the first answer wins
	heartbeat chan struct{}
}

type callbackOutcome struct {
	output any
	err    error
}

func newTokenTable() *tokenTable { return &tokenTable{m: map[string]*pendingTask{}} }

func (t *tokenTable) open(token string) *pendingTask {
	p := &pendingTask{done: make(chan callbackOutcome, 1), heartbeat: make(chan struct{}, 1)}
	t.mu.Lock()
	t.m[token] = p
	t.mu.Unlock()
	return p
}

func (t *tokenTable) close(token string) {
	t.mu.Lock()
	delete(t.m, token)
	t.mu.Unlock()
}

func (t *tokenTable) get(token string) (*pendingTask, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.m[token]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownToken, token)
	}
	return p, nil
}

// SendTaskSuccess completes the callback task that issued token.
func (ex *Execution) SendTaskSuccess(token string, output any) error {
	p, err := ex.tokens.get(token)
	if err != nil {
		return err
	}
	select {
	case p.done <- callbackOutcome{output: output}:
	default:
	}
	return nil
}

// SendTaskFailure fails the callback task that issued token with an error
// its Retry and Catch match on.
func (ex *Execution) SendTaskFailure(token, errName, cause string) error {
	p, err := ex.tokens.get(token)
	if err != nil {
		return err
	}
	select {
	case p.done <- callbackOutcome{err: fault.New(errName, cause)}:
	default:
	}
	return nil
}

// SendTaskHeartbeat tells a callback task with HeartbeatSeconds that its
// worker is alive.
func (ex *Execution) SendTaskHeartbeat(token string) error {
	p, err := ex.tokens.get(token)
	if err != nil {
		return err
	}
	select {
	case p.heartbeat <- struct{}{}:
	default:
	}
	return nil
}

// PendingTokens lists the task tokens waiting for a callback.
func (ex *Execution) PendingTokens() []string {
	ex.tokens.mu.Lock()
	defer ex.tokens.mu.Unlock()
	out := make([]string, 0, len(ex.tokens.m))
	for k := range ex.tokens.m {
		out = append(out, k)
	}
	return out
}

// awaitCallback waits for the token's answer, the task timeout (ctx), or a
// missed heartbeat. Callback waits are real time: someone outside answers
// (see task_deadline.go for the virtual clock); every heartbeat starts the
// heartbeat's time again.
func (st *stepCtx) awaitCallback(ctx context.Context, p *pendingTask, timeout, heartbeat time.Duration) (any, error) {
	ex := st.sc.ex
	var beat <-chan time.Time
	var timer *time.Timer
	if heartbeat > 0 {
		timer = time.NewTimer(realDuration(ex.clock, heartbeat))
		defer timer.Stop()
		beat = timer.C
	}
	for {
		select {
		case o := <-p.done:
			return o.output, o.err
		case <-p.heartbeat:
			if timer != nil {
				timer.Reset(realDuration(ex.clock, heartbeat))
			}
		case <-beat:
			st.deadlinePassed(heartbeat)
			return nil, newFault(errHeartbeatTimeout, "")
		case <-ctx.Done():
			if errors.Is(context.Cause(ctx), errTaskTimeout) {
				st.deadlinePassed(timeout)
				return nil, newFault(errTimeout, "")
			}
			return nil, ex.alive(ctx)
		}
	}
}
