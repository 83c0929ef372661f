package endpoint

// The operations that read or stop executions: Describe, Stop, List,
// DescribeStateMachineForExecution.

import (
	"slices"

	"github.com/stepstudio/stepstudio/engine"
)

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
			return nil, errExpressArn()
		}
		return nil, errf(errExecDoesNotExist, "Execution Does Not Exist: '%s'", arn)
	}
	return e, nil
}

// lookupStandardExecution finds an execution that has a history: AWS keeps
// none of an EXPRESS execution, so describing, stopping or reading one is
// refused as AWS refuses it.
func (s *Server) lookupStandardExecution(arn string) (*execution, error) {
	e, err := s.lookupExecution(arn)
	if err == nil && e.Type == "EXPRESS" {
		return nil, errExpressArn()
	}
	return e, err
}

func errExpressArn() error {
	return errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: express'")
}

func describeExecution(s *Server, r *request) (any, error) {
	var in execArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupStandardExecution(in.ExecutionArn)
	if err != nil {
		if parent, mr, c, ok := s.childOf(in.ExecutionArn); ok {
			return describeChildOut(parent, mr, c), nil
		}
		return nil, err
	}
	return describeExecutionOut(e), nil
}

// addOutcome adds what an execution ended with (output, error, cause)
// and its trace header, each only when there is one, as AWS's
// DescribeExecution and StartSyncExecution answers do.
func addOutcome(out map[string]any, e *execution, output, errName, cause *string) {
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
	addOutcome(out, e, output, errName, cause)
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
	e, err := s.lookupStandardExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
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
		return nil, machineMissing(in.StateMachineArn)
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
	return listPage("executions", items, in.MaxResults, in.NextToken, 3096)
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
