package engine

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ActivityTask is work a worker took from an activity: the token to answer
// with (SendTaskSuccess/Failure/Heartbeat) and the input.
type ActivityTask struct {
	Token string
	Input any
}

// activityQueues holds the scheduled activity tasks no worker took yet,
// per activity ARN.
type activityQueues struct {
	mu      sync.Mutex
	m       map[string]chan *queuedActivity
	polling map[string]int // workers waiting in GetActivityTask, per ARN
}

// polled says whether a worker is waiting for the activity's tasks.
func (q *activityQueues) polled(arn string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.polling[arn] > 0
}

// poll counts a worker waiting for the activity until done is called.
func (q *activityQueues) poll(arn string) (done func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.polling == nil {
		q.polling = map[string]int{}
	}
	q.polling[arn]++
	return func() {
		q.mu.Lock()
		q.polling[arn]--
		q.mu.Unlock()
	}
}

type queuedActivity struct {
	task    ActivityTask
	started chan string   // receives the worker name when taken
	gone    chan struct{} // closed when its state stops waiting for a worker
}

func (q *activityQueues) queue(arn string) chan *queuedActivity {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.m == nil {
		q.m = map[string]chan *queuedActivity{}
	}
	c, ok := q.m[arn]
	if !ok {
		c = make(chan *queuedActivity, 1024)
		q.m[arn] = c
	}
	return c
}

// GetActivityTask waits until the run schedules a task for the activity
// and hands it to the worker, as AWS's GetActivityTask does.
func (ex *Execution) GetActivityTask(ctx context.Context, activityArn, workerName string) (ActivityTask, error) {
	q := ex.activities.queue(activityArn)
	defer ex.activities.poll(activityArn)()
	for {
		select {
		case a := <-q:
			select {
			case a.started <- workerName:
				return a.task, nil
			case <-a.gone: // its state gave up waiting (timeout, stop): skip it
			}
		case <-ctx.Done():
			return ActivityTask{}, ctx.Err()
		case <-ex.done:
			return ActivityTask{}, errors.New("the execution has ended")
		}
	}
}

// TryActivityTask hands the worker a task the run scheduled for the
// activity if one waits, without blocking: a server polling many runs for
// one activity (the API's GetActivityTask) takes work from whichever has it.
func (ex *Execution) TryActivityTask(activityArn, workerName string) (ActivityTask, bool) {
	q := ex.activities.queue(activityArn)
	for {
		select {
		case a := <-q:
			select {
			case a.started <- workerName:
				return a.task, true
			case <-a.gone: // its state gave up waiting (timeout, stop): skip it
			}
		default:
			return ActivityTask{}, false
		}
	}
}

// activity runs one attempt of an activity task: a mock or handler answers
// it when one is bound, else it waits for a worker (GetActivityTask) and
// the worker's answer, under TimeoutSeconds and HeartbeatSeconds.
func (st *stepCtx) activity(ctx context.Context, in any, timeout, heartbeat time.Duration) (any, error) {
	ex := st.sc.ex
	n := st.n
	if check := ex.cfg.activityCheck; check != nil {
		// AWS fails the run at once, before scheduling, when the activity
		// does not exist (a server that knows its activities checks).
		if err := check(n.resource); err != nil {
			return nil, newFault(errRuntime, st.causePrefix()+err.Error())
		}
	}
	// timeoutInSeconds only when the state sets one, as AWS records it.
	st.sc.emit(Event{Type: "ActivityScheduled", ActivityScheduledEventDetails: &ActivityScheduledDetails{
		Resource: n.resource, Input: EncodeJSON(in),
		TimeoutInSeconds: timeoutField(n, int64(timeout/time.Second)), HeartbeatInSeconds: int64(heartbeat / time.Second),
	}})
	tctx, cancel := context.WithTimeoutCause(ctx, realDuration(ex.clock, timeout), errTaskTimeout)
	defer cancel()
	out, err := st.activityResult(tctx, in, timeout, heartbeat)
	if err != nil && errors.Is(context.Cause(tctx), errTaskTimeout) {
		st.deadlinePassed(timeout)
		err = newFault(errTimeout, "")
	} else if err != nil && ctx.Err() != nil {
		err = ex.alive(ctx)
	}
	if err == nil {
		st.sc.emit(Event{Type: "ActivitySucceeded", ActivitySucceededEventDetails: &OutputDetails{Output: EncodeJSON(out)}})
		return out, nil
	}
	switch fe, isFault := asFaultStrict(err); {
	case !isFault:
	case fe.Name == errTimeout || fe.Name == errHeartbeatTimeout:
		st.sc.emit(Event{Type: "ActivityTimedOut", ActivityTimedOutEventDetails: &FailureDetails{Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}})
	default:
		st.sc.emit(Event{Type: "ActivityFailed", ActivityFailedEventDetails: &FailureDetails{Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}})
	}
	return out, err
}

func (st *stepCtx) activityResult(ctx context.Context, in any, timeout, heartbeat time.Duration) (any, error) {
	ex := st.sc.ex
	if ex.invoker != nil {
		out, err := ex.invoker.Invoke(ctx, TaskRequest{State: st.n.name, Resource: st.n.resource, Input: in,
			RetryCount: st.retryCount, TaskToken: st.token, Heartbeat: heartbeat})
		if !errors.Is(err, ErrNoHandler) {
			st.sc.emit(Event{Type: "ActivityStarted", ActivityStartedEventDetails: &ActivityStartedDetails{WorkerName: "stepstudio"}})
			return out, err
		}
	}
	if ex.virtualClock() && !ex.activities.polled(st.n.resource) {
		// Nobody can take it: its TimeoutSeconds passes at once.
		return nil, st.reachDeadline(ctx, timeout, newFault(errTimeout, ""))
	}
	pending := ex.tokens.open(st.token)
	defer ex.tokens.close(st.token)
	qa := &queuedActivity{task: ActivityTask{Token: st.token, Input: in}, started: make(chan string), gone: make(chan struct{})}
	// Until the state waits below, a worker that takes the task blocks on
	// started instead of skipping it; once the state stops waiting, gone
	// tells the worker to skip it.
	defer close(qa.gone)
	ex.activities.queue(st.n.resource) <- qa
	if ex.cfg.onActivity != nil {
		ex.cfg.onActivity(st.n.resource)
	}
	select {
	case worker := <-qa.started:
		st.sc.emit(Event{Type: "ActivityStarted", ActivityStartedEventDetails: &ActivityStartedDetails{WorkerName: worker}})
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
	return st.awaitCallback(ctx, pending, timeout, heartbeat)
}

// Polling says whether a worker waits in GetActivityTask for the
// activity's tasks. On the virtual clock a task nobody polls for times
// out at once.
func (ex *Execution) Polling(activityArn string) bool { return ex.activities.polled(activityArn) }
