package endpoint

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// ExecutionInfo is what the studio shows of an execution a client
// started: which state machine, with which definition.
type ExecutionInfo struct {
	Arn        string
	Name       string
	Machine    string // the state machine's name
	MachineArn string
	Definition string
	Input      string
	Type       string
	Started    time.Time
}

// Execution describes an execution by its ARN, for the studio's "Local
// endpoint" (it follows what clients start). ok is false for an ARN the
// server does not know.
func (s *Server) Execution(arn string) (info ExecutionInfo, ok bool) {
	s.mu.RLock()
	e := s.executions[arn]
	s.mu.RUnlock()
	if e == nil {
		return ExecutionInfo{}, false
	}
	return ExecutionInfo{Arn: e.Arn, Name: e.Name, Machine: e.MachineNm, MachineArn: e.Machine,
		Definition: e.Definition, Input: e.Input, Type: e.Type, Started: e.Started}, true
}

// History is an execution's history so far (nil for an unknown ARN): the
// studio fills in the events it did not see, e.g. of an execution the
// server resumed after a restart.
func (s *Server) History(arn string) []engine.Event {
	s.mu.RLock()
	e := s.executions[arn]
	s.mu.RUnlock()
	if e == nil {
		return nil
	}
	e.mu.Lock()
	live := slices.Clone(e.live)
	e.mu.Unlock()
	if evs := e.events(); len(evs) >= len(live) {
		return evs
	}
	return live
}

// StopExecution aborts a running execution, as StopExecution does (the
// studio's Stop button on a run a client started).
func (s *Server) StopExecution(arn string) error {
	e, err := s.lookupExecution(arn)
	if err != nil {
		return err
	}
	if ex := e.running(); ex != nil {
		ex.Stop()
		e.finish(ex.Wait(), ex, s.now())
		s.persistExecution(e)
	}
	return nil
}

// EnvVar is one environment variable a client sets to use the endpoint.
type EnvVar struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ClientEnv is what a shell, an SDK or a test sets to reach the endpoint
// at url, with credentials the endpoint accepts (any SigV4-shaped
// signature): `stepstudio serve` prints it, the studio shows it.
func ClientEnv(url string) []EnvVar {
	return []EnvVar{
		{"AWS_ENDPOINT_URL_SFN", url},
		{"AWS_ACCESS_KEY_ID", "local"},
		{"AWS_SECRET_ACCESS_KEY", "local"},
		{"AWS_REGION", defaultRegion},
		{"AWS_DEFAULT_REGION", defaultRegion}, // what the AWS CLI v1 and boto3 read
	}
}

// AnswerActivity answers by hand, as the worker "Stepstudio", the oldest
// task of activity activityArn that execution executionArn queued and no
// worker took yet: the studio's card of an activity without a running
// worker. The history shows ActivityStarted as for any worker.
func (s *Server) AnswerActivity(executionArn, activityArn, output, errName, cause string) error {
	e, err := s.lookupExecution(executionArn)
	if err != nil {
		return err
	}
	ex := e.running()
	if ex == nil {
		return errors.New("the execution is not running any more")
	}
	if errName == "" {
		if _, err := engine.DecodeJSON([]byte(output)); err != nil {
			return fmt.Errorf("the output is not JSON: %w", err) // before the task is taken
		}
	}
	t, ok := ex.TryActivityTask(activityArn, studioWorker)
	if !ok {
		return errors.New("no task of this activity is waiting for a worker: a worker took it")
	}
	s.tokens.issue(t.Token, e)
	e.mu.Lock()
	e.Waiting = append(e.Waiting, waitingTask{Token: t.Token, Activity: activityArn, Worker: studioWorker})
	e.mu.Unlock()
	if s.store != nil {
		s.checkpoint(e)
	}
	return s.AnswerTask(t.Token, output, errName, cause)
}

// studioWorker is the worker name the studio takes activity tasks as.
const studioWorker = "Stepstudio"
