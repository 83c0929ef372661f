package endpoint

import (
	"fmt"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// activityHub wakes GetActivityTask pollers when a run queues work for
// their activity: each activity ARN has a channel that is closed (and
// replaced) on every new task.
type activityHub struct {
	mu   sync.Mutex
	wake map[string]chan struct{}
}

func newActivityHub() *activityHub { return &activityHub{wake: map[string]chan struct{}{}} }

func (h *activityHub) wait(arn string) <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	c, ok := h.wake[arn]
	if !ok {
		c = make(chan struct{})
		h.wake[arn] = c
	}
	return c
}

// notifyAll wakes every poller: a run just became known to the server,
// and it may have queued work before it was (its notify then found the
// pollers scanning without it).
func (h *activityHub) notifyAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for arn, c := range h.wake {
		close(c)
		delete(h.wake, arn)
	}
}

func (h *activityHub) notify(arn string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if c, ok := h.wake[arn]; ok {
		close(c)
		delete(h.wake, arn)
	}
}

func createActivity(s *Server, r *request) (any, error) {
	var in struct {
		Name string `json:"name"`
		Tags []tag  `json:"tags"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if !validName(in.Name) {
		return nil, errf(errInvalidName, "Invalid Name: '%s'", in.Name)
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	arn := arnPrefix(r.region) + "activity:" + in.Name
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.activities[arn]
	if a == nil {
		a = &activity{Arn: arn, Name: in.Name, Created: s.now()}
		s.activities[arn] = a
		s.saveControlLocked()
	}
	if len(in.Tags) > 0 {
		s.tags[arn] = mergeTags(s.tags[arn], in.Tags)
	}
	return map[string]any{"activityArn": a.Arn, "creationDate": epoch(a.Created)}, nil
}

type activityArnIn struct {
	ActivityArn string `json:"activityArn"`
	WorkerName  string `json:"workerName"`
}

func (s *Server) lookupActivity(arn string) (*activity, error) {
	if p, ok := parseArn(arn); !ok || p.kind != "activity" || len(p.parts) != 1 {
		return nil, invalidArn(arn)
	}
	s.mu.RLock()
	a := s.activities[arn]
	s.mu.RUnlock()
	if a == nil {
		return nil, errf(errActivityDoesNotExist, "Activity Does Not Exist: '%s'", arn)
	}
	return a, nil
}

func describeActivity(s *Server, r *request) (any, error) {
	var in activityArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	a, err := s.lookupActivity(in.ActivityArn)
	if err != nil {
		return nil, err
	}
	return map[string]any{"activityArn": a.Arn, "name": a.Name, "creationDate": epoch(a.Created),
		"encryptionConfiguration": awsOwnedKey}, nil
}

func deleteActivity(s *Server, r *request) (any, error) {
	var in activityArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if p, ok := parseArn(in.ActivityArn); !ok || p.kind != "activity" {
		return nil, invalidArn(in.ActivityArn)
	}
	s.mu.Lock()
	delete(s.activities, in.ActivityArn)
	delete(s.tags, in.ActivityArn)
	s.saveControlLocked()
	s.mu.Unlock()
	return struct{}{}, nil
}

func listActivities(s *Server, r *request) (any, error) {
	var in listIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	all := inRegion(s.activities, r.region, func(a *activity) (string, time.Time) { return a.Arn, a.Created })
	s.mu.RUnlock()
	items := make([]any, 0, len(all))
	for _, a := range all {
		items = append(items, map[string]any{"activityArn": a.Arn, "name": a.Name, "creationDate": epoch(a.Created)})
	}
	return listPage("activities", items, in.MaxResults, in.NextToken, 1024)
}

// getActivityTask long-polls for work: up to PollTimeout (60 s as in
// AWS), answering {} when none came, and giving up at once when the
// client goes away (its request context ends).
func getActivityTask(s *Server, r *request) (any, error) {
	var in activityArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if len(in.WorkerName) > 80 {
		return nil, errf(errValidation, "1 validation error detected: Value '%s' at 'workerName' failed to satisfy constraint: Member must have length less than or equal to 80", in.WorkerName)
	}
	if _, err := s.lookupActivity(in.ActivityArn); err != nil {
		return nil, err
	}
	worker := in.WorkerName // "": ActivityStarted names no worker, as AWS records it
	deadline := time.NewTimer(s.opts.PollTimeout)
	defer deadline.Stop()
	for {
		wake := s.acts.wait(in.ActivityArn)
		if t, ok := s.takeActivityTask(in.ActivityArn, worker); ok {
			return map[string]any{"taskToken": t.Token, "input": engine.EncodeJSON(t.Input)}, nil
		}
		select {
		case <-wake:
		case <-deadline.C:
			return struct{}{}, nil
		case <-r.ctx.Done():
			return struct{}{}, nil
		case <-s.closing:
			return struct{}{}, nil
		}
	}
}

// retake takes, for the worker that held token before a restart, the
// activity task the resumed run queues again, so that the worker's old
// token answers it. It gives up when the run ends or a new worker took
// the task first.
func (s *Server) retake(e *execution, ex *engine.Execution, old waitingTask) {
	defer s.wg.Done()
	for {
		wake := s.acts.wait(old.Activity)
		if t, ok := ex.TryActivityTask(old.Activity, old.Worker); ok {
			s.tokens.mu.Lock()
			if s.tokens.alias == nil {
				s.tokens.alias = map[string]string{}
			}
			s.tokens.alias[old.Token] = t.Token
			s.tokens.issued[old.Token] = e
			s.tokens.issued[t.Token] = e
			s.tokens.mu.Unlock()
			e.mu.Lock()
			e.Waiting = append(e.Waiting, waitingTask{Token: t.Token, Activity: old.Activity, Worker: old.Worker})
			e.mu.Unlock()
			return
		}
		select {
		case <-wake:
		case <-time.After(time.Second):
		case <-ex.Done():
			return
		case <-s.closing:
			return
		}
	}
}

// activityExists fails an activity Task whose activity is not there, in
// AWS's words (the engine prefixes the state).
func (s *Server) activityExists(arn string) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.activities[arn] == nil {
		return fmt.Errorf("The activity %s does not exist.", arn)
	}
	return nil
}

// takeActivityTask takes a queued task for the activity from any running
// execution.
func (s *Server) takeActivityTask(arn, worker string) (engine.ActivityTask, bool) {
	s.mu.RLock()
	running := make([]*execution, 0, len(s.running))
	for e := range s.running {
		running = append(running, e)
	}
	s.mu.RUnlock()
	for _, e := range running {
		ex := e.running()
		if ex == nil {
			continue
		}
		if t, ok := ex.TryActivityTask(arn, worker); ok {
			s.tokens.issue(t.Token, e)
			e.mu.Lock()
			e.Waiting = append(e.Waiting, waitingTask{Token: t.Token, Activity: arn, Worker: worker})
			e.mu.Unlock()
			if s.store != nil {
				s.checkpoint(e)
			}
			return t, true
		}
	}
	return engine.ActivityTask{}, false
}
