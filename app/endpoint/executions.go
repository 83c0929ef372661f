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
		return target{}, "", errf(errSMDoesNotExist, "State Machine Does Not Exist: '%s'", strings.TrimSuffix(arn, "#"+testCase))
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
			return target{}, "", errf(errSMDoesNotExist, "State Machine Does Not Exist: '%s'", t.versionArn)
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
	e.ex = ex
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
	if s.opts.OnEvent != nil {
		arn, on := e.Arn, s.opts.OnEvent
		opts = append(opts, engine.WithObserver(engine.ObserverFunc(func(ev engine.Event) { on(arn, ev) })))
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

type execArnIn struct {
	ExecutionArn string `json:"executionArn"`
	IncludedData string `json:"includedData"`
}

// lookupExecution finds an execution by ARN.
func (s *Server) lookupExecution(arn string) (*execution, error) {
	p, ok := parseArn(arn)
	if !ok || (p.kind != "execution" && p.kind != "express") {
		return nil, invalidArn(arn)
	}
	s.mu.RLock()
	e := s.executions[arn]
	s.mu.RUnlock()
	if e == nil {
		if p.kind == "express" {
			return nil, errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: express'")
		}
		return nil, errf(errExecDoesNotExist, "Execution Does Not Exist: '%s'", arn)
	}
	return e, nil
}

func describeExecution(s *Server, r *request) (any, error) {
	var in execArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	if e.Type == "EXPRESS" {
		return nil, errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: express'")
	}
	return describeExecutionOut(e), nil
}

func describeExecutionOut(e *execution) map[string]any {
	status, stopped, output, errName, cause := e.snapshot()
	out := map[string]any{
		"executionArn": e.Arn, "stateMachineArn": e.Machine, "name": e.Name, "status": status,
		"startDate": epoch(e.Started), "input": e.Input, "inputDetails": map[string]bool{"included": true},
		"redriveCount": e.RedriveCount,
	}
	if e.VersionArn != "" {
		out["stateMachineVersionArn"] = e.VersionArn
	}
	if e.AliasArn != "" {
		out["stateMachineAliasArn"] = e.AliasArn
	}
	if !stopped.IsZero() && status != engine.StatusRunning {
		out["stopDate"] = epoch(stopped)
	}
	if output != nil {
		out["output"] = *output
		out["outputDetails"] = map[string]bool{"included": true}
	}
	if errName != nil {
		out["error"] = *errName
	}
	if cause != nil {
		out["cause"] = *cause
	}
	if e.TraceHeader != "" {
		out["traceHeader"] = e.TraceHeader
	}
	if !e.RedriveDate.IsZero() {
		out["redriveDate"] = epoch(e.RedriveDate)
	}
	rs, reason := redriveStatus(e, status, stopped)
	out["redriveStatus"] = rs
	if reason != "" {
		out["redriveStatusReason"] = reason
	}
	return out
}

func stopExecution(s *Server, r *request) (any, error) {
	var in struct {
		ExecutionArn string  `json:"executionArn"`
		Error        *string `json:"error"`
		Cause        *string `json:"cause"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	if e.Type == "EXPRESS" {
		return nil, errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: express'")
	}
	ex := e.running()
	if ex != nil {
		e.mu.Lock()
		e.stopError, e.stopCause = in.Error, in.Cause
		e.mu.Unlock()
		ex.Stop()
		e.finish(ex.Wait(), ex, s.now())
		s.persistExecution(e)
	}
	_, stopped, _, _, _ := e.snapshot()
	return map[string]any{"stopDate": epoch(stopped)}, nil
}

// patchAbort puts StopExecution's error and cause on the ExecutionAborted
// event, as AWS records them.
func patchAbort(evs []engine.Event, errName, cause *string) {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Type == "ExecutionAborted" {
			d := &engine.FailureDetails{Error: errName, Cause: cause}
			evs[i].ExecutionAbortedEventDetails = d
			return
		}
	}
}

var execStatuses = []string{"RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"}

func listExecutions(s *Server, r *request) (any, error) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		StatusFilter    string `json:"statusFilter"`
		MaxResults      int    `json:"maxResults"`
		NextToken       string `json:"nextToken"`
		MapRunArn       string `json:"mapRunArn"`
		RedriveFilter   string `json:"redriveFilter"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	// AWS's order: the ARN, the paging parameters, the machine, its
	// type, then the filter.
	if err := checkPaging(in.MaxResults, in.NextToken, 3096); err != nil {
		return nil, err
	}
	badFilter := in.StatusFilter != "" && !slices.Contains(execStatuses, in.StatusFilter)
	filterErr := errf(errValidation, "1 validation error detected: Value '%s' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]", in.StatusFilter)
	if (in.StateMachineArn == "") == (in.MapRunArn == "") {
		return nil, errf(errValidation, "Must provide a StateMachine ARN or MapRun ARN")
	}
	if in.MapRunArn != "" {
		if badFilter {
			return nil, filterErr
		}
		return s.listMapRunExecutions(in.MapRunArn, in.StatusFilter, in.MaxResults, in.NextToken)
	}
	s.mu.RLock()
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok {
		s.mu.RUnlock()
		return nil, invalidArn(in.StateMachineArn)
	}
	sm := s.machines[ref.base]
	if sm == nil || (ref.version > 0 && s.versions[in.StateMachineArn] == nil) || (ref.alias != "" && s.aliases[in.StateMachineArn] == nil) {
		s.mu.RUnlock()
		return nil, errf(errSMDoesNotExist, "State Machine Does Not Exist: '%s'", in.StateMachineArn)
	}
	if sm.Type == "EXPRESS" {
		s.mu.RUnlock()
		return nil, errf(errSMTypeNotSupported, "This operation is not supported by this type of state machine")
	}
	if badFilter {
		s.mu.RUnlock()
		return nil, filterErr
	}
	var match []*execution
	for i := len(s.execOrder) - 1; i >= 0; i-- { // newest first, as AWS lists
		e := s.execOrder[i]
		switch {
		case e.Machine != sm.Arn:
			continue
		case ref.version > 0 && e.VersionArn != in.StateMachineArn:
			continue
		case ref.alias != "" && e.AliasArn != in.StateMachineArn:
			continue
		}
		match = append(match, e)
	}
	s.mu.RUnlock()
	items := make([]any, 0, len(match))
	for _, e := range match {
		status, stopped, _, _, _ := e.snapshot()
		if in.StatusFilter != "" && status != in.StatusFilter {
			continue
		}
		it := map[string]any{"executionArn": e.Arn, "stateMachineArn": e.Machine, "name": e.Name,
			"status": status, "startDate": epoch(e.Started), "redriveCount": e.RedriveCount}
		if status != engine.StatusRunning && !stopped.IsZero() {
			it["stopDate"] = epoch(stopped)
		}
		if e.VersionArn != "" {
			it["stateMachineVersionArn"] = e.VersionArn
		}
		if e.AliasArn != "" {
			it["stateMachineAliasArn"] = e.AliasArn
		}
		items = append(items, it)
	}
	page, next, err := paginate(items, in.MaxResults, in.NextToken, 3096)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"executions": page}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
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
	if output != nil {
		out["output"] = *output
		out["outputDetails"] = map[string]bool{"included": true}
	}
	if errName != nil {
		out["error"] = *errName
	}
	if cause != nil {
		out["cause"] = *cause
	}
	if e.TraceHeader != "" {
		out["traceHeader"] = e.TraceHeader
	}
	return out, nil
}

func describeStateMachineForExecution(s *Server, r *request) (any, error) {
	var in execArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	sm := s.machines[e.Machine]
	s.mu.RUnlock()
	out := map[string]any{"stateMachineArn": e.Machine, "name": e.MachineNm, "definition": e.Definition,
		"roleArn": e.RoleArn, "updateDate": epoch(e.Started)}
	out["encryptionConfiguration"] = awsOwnedKey
	if refs := variableReferences(e.Definition); refs != nil {
		out["variableReferences"] = refs
	}
	if sm != nil {
		out["loggingConfiguration"] = sm.Current.Logging
		out["tracingConfiguration"] = sm.Current.Tracing
		if !sm.Updated.IsZero() {
			out["updateDate"] = epoch(sm.Updated)
		} else {
			out["updateDate"] = epoch(sm.Created)
		}
		if sm.Current.RevisionID != "" && !sm.Updated.IsZero() {
			out["revisionId"] = sm.Current.RevisionID
		}
	}
	if e.VersionArn != "" {
		s.mu.RLock()
		if v := s.versions[e.VersionArn]; v != nil && v.Rev.RevisionID != "" {
			out["revisionId"] = v.Rev.RevisionID
		}
		s.mu.RUnlock()
	}
	return out, nil
}
