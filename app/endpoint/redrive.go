package endpoint

import (
	"context"
	"errors"

	"github.com/stepstudio/stepstudio/engine"
)

func redriveExecution(s *Server, r *request) (any, error) {
	var in struct {
		ExecutionArn string `json:"executionArn"`
		ClientToken  string `json:"clientToken"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	if e.Type == "EXPRESS" {
		return nil, errf(errExecNotRedrivable, "Execution '%s' is an EXPRESS execution and cannot be redriven.", e.Arn)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.Status == engine.StatusRunning || e.Status == engine.StatusSucceeded {
		return nil, errf(errExecNotRedrivable, "Execution '%s' is in status %s and cannot be redriven.", e.Arn, e.Status)
	}
	if e.machine == nil {
		return nil, errf(errExecNotRedrivable, "Execution '%s' cannot be redriven: its definition could not be compiled.", e.Arn)
	}
	opts, err := s.runOptions(e)
	if err != nil {
		return nil, err
	}
	ex, err := e.machine.Redrive(context.Background(), e.Events, opts...)
	if err != nil {
		if errors.Is(err, engine.ErrInvalidOption) {
			return nil, err
		}
		return nil, errf(errExecNotRedrivable, "%v", err)
	}
	e.ex = ex
	e.Status = engine.StatusRunning
	e.Output, e.Error, e.Cause = nil, nil, nil
	e.RedriveCount++
	e.RedriveDate = s.now()
	date := e.RedriveDate
	s.follow(e, ex)
	go s.persistExecution(e)
	return map[string]any{"redriveDate": epoch(date)}, nil
}
