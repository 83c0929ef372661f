package endpoint

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
)

type startIn struct {
	StateMachineArn string  `json:"stateMachineArn"`
	Name            string  `json:"name"`
	Input           *string `json:"input"`
	TraceHeader     string  `json:"traceHeader"`
}

// target is what a StartExecution runs: a machine's current revision, a
// version, or the version an alias routes to.
type target struct {
	sm         *stateMachine
	rev        revision
	versionArn string
	aliasArn   string
}

// resolveTarget reads a state machine, version or alias ARN. Callers
// hold s.mu.
func (s *Server) resolveTarget(arn string) (target, string, error) {
	ref, testCase, ok := parseMachineArn(arn)
	if !ok {
		return target{}, "", invalidArn(arn)
	}
	sm := s.machines[ref.base]
	if sm == nil {
		return target{}, "", machineMissing(strings.TrimSuffix(arn, "#"+testCase))
	}
	t := target{sm: sm, rev: sm.Current}
	if ref.alias != "" {
		al := s.aliases[ref.base+":"+ref.alias]
		if al == nil {
			return target{}, "", errf(errResourceNotFound, "Resource not found: '%s'", ref.base+":"+ref.alias)
		}
		t.aliasArn = al.Arn
		t.versionArn = pickRoute(al.Routing)
	} else if ref.version > 0 {
		t.versionArn = versionArn(ref.base, ref.version)
	}
	if t.versionArn != "" {
		v := s.versions[t.versionArn]
		if v == nil {
			return target{}, "", machineMissing(t.versionArn)
		}
		t.rev = v.Rev
	}
	return t, testCase, nil
}

// pickRoute draws a version by the alias's weights.
func pickRoute(rs []routingEntry) string {
	if len(rs) == 1 {
		return rs[0].StateMachineVersionArn
	}
	n := rand.IntN(100)
	for _, r := range rs {
		if n < r.Weight {
			return r.StateMachineVersionArn
		}
		n -= r.Weight
	}
	return rs[len(rs)-1].StateMachineVersionArn
}

// parseInput checks an execution input: JSON, at most 256 KiB.
func parseInput(in *string) (string, any, error) {
	text := "{}"
	if in != nil {
		text = *in
	}
	if len(text) > engine.MaxPayloadSize {
		return "", nil, errf(errInvalidInput, "Invalid State Machine Execution Input: 'The input is over 256 KiB.'")
	}
	if strings.TrimSpace(text) == "" {
		return "", nil, errf(errInvalidInput, "Invalid State Machine Execution Input: 'Invalid execution input.'")
	}
	v, err := engine.DecodeJSON([]byte(text))
	if err != nil {
		return "", nil, errf(errInvalidInput, "Invalid State Machine Execution Input: '%s'", jacksonMessage(text, jsonErrorText(err)))
	}
	return text, v, nil
}

func jsonErrorText(err error) string {
	return strings.TrimSuffix(err.Error(), ".")
}

func startExecution(s *Server, r *request) (any, error) {
	e, err := s.start(r, false)
	if err != nil {
		return nil, err
	}
	return map[string]any{"executionArn": e.Arn, "startDate": epoch(e.Started)}, nil
}

// start begins an execution (StartExecution, StartSyncExecution).
func (s *Server) start(r *request, sync bool) (*execution, error) {
	var in startIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	return s.startExecution(in, sync)
}

// startExecution starts what in asks, for the API and for workflows that
// start workflows (arn:aws:states:::states:startExecution).
func (s *Server) startExecution(in startIn, sync bool) (*execution, error) {
	if in.Name == "" {
		in.Name = uuid.NewString()
	} else if !validName(in.Name) {
		return nil, errf(errInvalidName, "Invalid Name: '%s'", in.Name)
	}
	s.mu.Lock()
	t, testCase, err := s.resolveTarget(in.StateMachineArn)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if sync && t.sm.Type != "EXPRESS" {
		s.mu.Unlock()
		return nil, errf(errSMTypeNotSupported, "This operation is not supported by this type of state machine")
	}
	inText, inVal, err := parseInput(in.Input)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	prefix := arnPrefix(t.sm.region)
	arn := prefix + "execution:" + t.sm.Name + ":" + in.Name
	if t.sm.Type == "EXPRESS" {
		arn = prefix + "express:" + t.sm.Name + ":" + in.Name + ":" + uuid.NewString()
	}
	if old := s.executions[arn]; old != nil {
		status, _, _, _, _ := old.snapshot()
		s.mu.Unlock()
		// AWS: the same name and input while the first still runs is the
		// same call again; anything else is a conflict.
		if status == engine.StatusRunning && old.Input == inText && old.Machine == t.sm.Arn {
			return old, nil
		}
		return nil, errf(errExecAlreadyExists, "Execution Already Exists: '%s'", arn)
	}
	e := &execution{Arn: arn, Name: in.Name, Machine: t.sm.Arn, MachineNm: t.sm.Name,
		VersionArn: t.versionArn, AliasArn: t.aliasArn, Type: t.sm.Type, TestCase: testCase,
		Input: inText, Definition: t.rev.Definition, RoleArn: t.rev.RoleArn, Region: t.sm.region,
		Started: s.now(), TraceHeader: in.TraceHeader, Status: engine.StatusRunning, machine: t.rev.machine}
	if e.machine == nil {
		s.mu.Unlock()
		return nil, errf(errInvalidDefinition, "Invalid State Machine Definition: 'the stored definition no longer compiles'")
	}
	opts, err := s.runOptions(e)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	ex, err := e.machine.Start(context.Background(), inVal, opts...)
	if err != nil {
		s.mu.Unlock()
		return nil, errf(errInvalidInput, "Invalid State Machine Execution Input: '%v'", err)
	}
	e.mu.Lock() // its tasks may already be asking (remember reads e.ex)
	e.ex = ex
	e.mu.Unlock()
	s.executions[arn] = e
	s.execOrder = append(s.execOrder, e)
	s.mu.Unlock()
	s.persistExecution(e)
	s.follow(e, ex)
	return e, nil
}

// runOptions are the engine options of an execution: its name, account,
// type, the real clock, mocks of its test case and the server's task
// answerers.
func (s *Server) runOptions(e *execution) ([]engine.Option, error) {
	typ := engine.Standard
	if e.Type == "EXPRESS" {
		typ = engine.Express
	}
	opts := []engine.Option{
		engine.WithExecutionName(e.Name), engine.WithAWSAccount(e.Region, account, e.RoleArn),
		engine.WithType(typ), engine.WithClock(s.clock()),
		engine.WithActivityNotify(s.acts.notify),
		engine.WithActivityCheck(s.activityExists),
		engine.WithInvoker(engine.Chain(s.handlerInvoker(), s.nestedInvoker(), s.waiter(e))),
	}
	if s.opts.S3Root != "" {
		opts = append(opts, engine.WithS3Root(s.opts.S3Root))
	}
	if keep, on := s.store != nil, s.opts.OnEvent; keep || on != nil {
		// With a data folder the server keeps its own copy of the history
		// as it grows, for checkpoints (remember) that cannot wait for the
		// engine's run to be known. Callers hold e.mu or run before the
		// engine does, so e.live is set here without the lock.
		e.live = slices.Clone(e.Events)
		arn := e.Arn
		opts = append(opts, engine.WithObserver(engine.ObserverFunc(func(ev engine.Event) {
			if keep {
				e.mu.Lock()
				e.live = append(e.live, ev)
				e.mu.Unlock()
			}
			if on != nil {
				on(arn, ev)
			}
		})))
	}
	if e.TestCase != "" {
		if s.mocks == nil {
			return nil, errf(errInvalidName, "Invalid mock test case name '%s' for state machine '%s': the server has no mock config (--mock-config or SFN_MOCK_CONFIG).", e.TestCase, e.MachineNm)
		}
		tc, err := s.mocks.TestCase(e.MachineNm, e.TestCase)
		if err != nil {
			return nil, errf(errInvalidName, "Invalid mock test case name '%s' for state machine '%s': %v", e.TestCase, e.MachineNm, err)
		}
		opts = append(opts, engine.WithMocks(tc))
	}
	return opts, nil
}

// clock is an execution's clock: real time, or scaled (WaitScale).
func (s *Server) clock() engine.Clock {
	if s.opts.WaitScale > 0 && s.opts.WaitScale != 1 {
		return engine.ScaledClock(s.opts.WaitScale)
	}
	return engine.RealClock()
}

// follow waits for the engine's run to end in the background and records
// the end.
func (s *Server) follow(e *execution, ex *engine.Execution) {
	s.mu.Lock()
	s.running[e] = struct{}{}
	s.mu.Unlock()
	s.acts.notifyAll()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			if e.running() == nil {
				delete(s.running, e)
			}
			s.mu.Unlock()
		}()
		select {
		case <-ex.Done():
		case <-s.closing:
			// The server stops: keep the run RUNNING in the store with its
			// history so far, to resume on the next start.
			if s.store != nil {
				s.saveInterrupted(e, ex)
			}
			ex.Stop()
			return
		}
		res := ex.Wait()
		e.finish(res, ex, s.now())
		s.persistExecution(e)
	}()
}

func startSyncExecution(s *Server, r *request) (any, error) {
	e, err := s.start(r, true)
	if err != nil {
		return nil, err
	}
	ex := e.running()
	if ex != nil {
		select {
		case <-ex.Done():
		case <-r.ctx.Done():
			ex.Stop()
		}
		e.finish(ex.Wait(), ex, s.now())
	}
	status, stopped, output, errName, cause := e.snapshot()
	out := map[string]any{"executionArn": e.Arn, "stateMachineArn": e.Machine, "name": e.Name,
		"status": status, "startDate": epoch(e.Started), "stopDate": epoch(stopped),
		"input": e.Input, "inputDetails": map[string]bool{"included": true},
		"billingDetails": map[string]any{"billedMemoryUsedInMB": 64, "billedDurationInMilliseconds": max(100, stopped.Sub(e.Started).Milliseconds())}}
	addOutcome(out, e, output, errName, cause)
	return out, nil
}
