package endpoint

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/handler"
)

// handlerInvoker answers Task states with the --handlers file; nil
// without one (Chain skips it).
func (s *Server) handlerInvoker() engine.Invoker {
	var invokers []engine.Invoker
	if s.handlers != nil {
		invokers = append(invokers, s.handlers)
	}
	if ep := s.opts.LambdaEndpoint; ep != "" {
		invokers = append(invokers, &handler.Set{Bindings: []handler.Binding{
			{Resource: "arn:aws:lambda:*", LambdaEndpoint: ep},
			{Resource: "arn:aws:states:::lambda:invoke*", LambdaEndpoint: ep},
		}})
	}
	if len(invokers) == 0 {
		return nil
	}
	return engine.Chain(invokers...)
}

// Pending is a task waiting for an answer from outside: a callback
// (.waitForTaskToken) or a plain task nothing else answers. Its token
// works with SendTaskSuccess/Failure.
type Pending struct {
	Token        string    `json:"token"`
	ExecutionArn string    `json:"executionArn"`
	State        string    `json:"state"`
	Resource     string    `json:"resource"`
	Input        string    `json:"input"`
	Since        time.Time `json:"since"`
	Kind         string    `json:"kind"` // "callback" or "task"
	answer       chan callbackAnswer
}

type callbackAnswer struct {
	output any
	err    error
}

// tokens is what the server knows of the task tokens it handed out: the
// ones still waiting, and which execution each belongs to.
type tokens struct {
	mu      sync.Mutex
	pending map[string]*Pending   // by token
	issued  map[string]*execution // every token handed out, by token
	alias   map[string]string     // a token from before a restart -> the resumed task's
}

// waiter is an execution's last invoker: a callback task waits for its
// token; an activity goes to the activity's workers; any other task waits
// for an answer by token (SendTaskSuccess or the studio), as nothing
// else was configured to answer it.
func (s *Server) waiter(e *execution) engine.Invoker {
	return engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		if isActivity(req.Resource) {
			s.tokens.issue(req.TaskToken, e)
			return nil, engine.ErrNoHandler
		}
		if req.TaskToken != "" {
			// Kept (and saved) before it is listed: a token anyone could
			// have seen survives a crash.
			s.tokens.issue(req.TaskToken, e)
			s.remember(e, req.TaskToken, req.State)
			s.tokens.add(&Pending{Token: req.TaskToken, ExecutionArn: e.Arn, State: req.State, Resource: req.Resource,
				Input: engine.EncodeJSON(req.Input), Since: time.Now().UTC(), Kind: "callback"})
			return nil, engine.ErrAwaitCallback
		}
		p := &Pending{Token: uuid.NewString(), ExecutionArn: e.Arn, State: req.State, Resource: req.Resource,
			Input: engine.EncodeJSON(req.Input), Since: time.Now().UTC(), Kind: "task", answer: make(chan callbackAnswer, 1)}
		s.tokens.issue(p.Token, e)
		s.remember(e, p.Token, req.State)
		s.tokens.add(p)
		defer s.tokens.remove(p.Token)
		defer e.answered(p.Token)
		select {
		case a := <-p.answer:
			return a.output, a.err
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	})
}

// remember keeps a handed-out token with the execution (saved with it
// when there is a data folder) and, for a task asked again after a
// restart, makes its old token answer it too.
func (s *Server) remember(e *execution, token, state string) {
	if old := e.await(token, state); old != "" {
		s.tokens.mu.Lock()
		if s.tokens.alias == nil {
			s.tokens.alias = map[string]string{}
		}
		s.tokens.alias[old] = token
		s.tokens.issued[old] = e
		s.tokens.mu.Unlock()
	}
	if s.store != nil {
		s.checkpoint(e)
	}
}

// checkpoint saves the execution with its history so far: after a crash
// the run resumes at the task that handed out a token, not from its first
// state.
func (s *Server) checkpoint(e *execution) {
	e.mu.Lock()
	e.Events = slices.Clone(e.live)
	e.mu.Unlock()
	s.persistExecution(e)
}

func isActivity(resource string) bool {
	return strings.HasPrefix(resource, "arn:") && strings.Contains(resource, ":activity:")
}

func (t *tokens) issue(token string, e *execution) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.issued == nil {
		t.issued = map[string]*execution{}
	}
	t.issued[token] = e
}

func (t *tokens) add(p *Pending) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pending == nil {
		t.pending = map[string]*Pending{}
	}
	t.pending[p.Token] = p
}

func (t *tokens) remove(token string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.pending, token)
}

// lookup finds a token's task and execution; a token from before a
// restart resolves to the resumed task's (the token to answer with).
func (t *tokens) lookup(token string) (string, *Pending, *execution) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if now, ok := t.alias[token]; ok {
		token = now
	}
	return token, t.pending[token], t.issued[token]
}

// PendingTasks lists the tasks waiting for an answer from outside, for
// the studio to show and answer by hand.
func (s *Server) PendingTasks() []Pending {
	s.tokens.mu.Lock()
	defer s.tokens.mu.Unlock()
	var out []Pending
	for _, p := range s.tokens.pending {
		if e := s.tokens.issued[p.Token]; e != nil && e.running() != nil {
			out = append(out, *p)
		}
	}
	return out
}

// answer delivers a task's answer by token: to a plain task's waiter, or
// to the engine's callback table of the execution that issued it.
func (s *Server) answer(token string, send func(ex *engine.Execution, token string) error, direct callbackAnswer) error {
	if token == "" {
		return errf(errValidation, "1 validation error detected: Value null at 'taskToken' failed to satisfy constraint: Member must not be null")
	}
	if len(token) > 2048 {
		return errf(errValidation, "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length less than or equal to 2048")
	}
	token, p, e := s.tokens.lookup(token)
	if e == nil {
		return errf(errInvalidToken, "Invalid token")
	}
	if p != nil && p.answer != nil {
		select {
		case p.answer <- direct:
		default:
		}
		s.tokens.remove(token)
		return nil
	}
	ex := e.running()
	if ex == nil {
		return errf(errTaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'")
	}
	if err := send(ex, token); err != nil {
		if errors.Is(err, engine.ErrUnknownToken) {
			return errf(errTaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'")
		}
		return err
	}
	e.answered(token)
	return nil
}

// AnswerTask answers a pending task by hand (the studio's "answer"):
// output is the task's result as JSON text, or errName and cause fail it.
func (s *Server) AnswerTask(token, output, errName, cause string) error {
	var err error
	if errName != "" {
		err = s.answer(token, func(ex *engine.Execution, tok string) error { return ex.SendTaskFailure(tok, errName, cause) },
			callbackAnswer{err: fault.New(errName, cause)})
	} else {
		v, derr := engine.DecodeJSON([]byte(output))
		if derr != nil {
			return fmt.Errorf("the output is not JSON: %w", derr)
		}
		err = s.answer(token, func(ex *engine.Execution, tok string) error { return ex.SendTaskSuccess(tok, v) }, callbackAnswer{output: v})
	}
	if err == nil {
		s.tokens.remove(token)
	}
	return err
}

func sendTaskSuccess(s *Server, r *request) (any, error) {
	var in struct {
		TaskToken string  `json:"taskToken"`
		Output    *string `json:"output"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if in.Output == nil {
		return nil, errf(errValidation, "1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null")
	}
	out, err := engine.DecodeJSON([]byte(*in.Output))
	if err != nil {
		return nil, errf(errInvalidOutput, "Invalid State Machine Output: '%s'", jsonErrorText(err))
	}
	err = s.answer(in.TaskToken, func(ex *engine.Execution, tok string) error { return ex.SendTaskSuccess(tok, out) },
		callbackAnswer{output: out})
	if err != nil {
		return nil, err
	}
	s.tokens.remove(in.TaskToken)
	return struct{}{}, nil
}

func sendTaskFailure(s *Server, r *request) (any, error) {
	var in struct {
		TaskToken string `json:"taskToken"`
		Error     string `json:"error"`
		Cause     string `json:"cause"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	err := s.answer(in.TaskToken, func(ex *engine.Execution, tok string) error { return ex.SendTaskFailure(tok, in.Error, in.Cause) },
		callbackAnswer{err: fault.New(in.Error, in.Cause)})
	if err != nil {
		return nil, err
	}
	s.tokens.remove(in.TaskToken)
	return struct{}{}, nil
}

func sendTaskHeartbeat(s *Server, r *request) (any, error) {
	var in struct {
		TaskToken string `json:"taskToken"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	_, p, _ := s.tokens.lookup(in.TaskToken)
	if p != nil && p.answer != nil {
		return struct{}{}, nil // a plain task has no heartbeat to miss
	}
	err := s.answer(in.TaskToken, func(ex *engine.Execution, tok string) error { return ex.SendTaskHeartbeat(tok) }, callbackAnswer{})
	if err != nil {
		return nil, err
	}
	return struct{}{}, nil
}
