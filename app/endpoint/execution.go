package endpoint

import (
	"slices"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// execution is one run the API started, with the engine's execution while
// it runs and its final record after.
type execution struct {
	Arn         string    `json:"arn"`
	Name        string    `json:"name"`
	Machine     string    `json:"machine"` // unqualified state machine ARN
	MachineNm   string    `json:"machineName"`
	VersionArn  string    `json:"versionArn,omitempty"`
	AliasArn    string    `json:"aliasArn,omitempty"`
	Type        string    `json:"type"`
	TestCase    string    `json:"testCase,omitempty"`
	Input       string    `json:"input"`
	Definition  string    `json:"definition"`
	RoleArn     string    `json:"roleArn"`
	Region      string    `json:"region"`
	Started     time.Time `json:"started"`
	TraceHeader string    `json:"traceHeader,omitempty"`

	mu           sync.Mutex
	saveMu       sync.Mutex        // persistExecution
	ex           *engine.Execution // the running (or last) engine execution
	machine      *engine.Machine
	Status       string          `json:"status"`
	Stopped      time.Time       `json:"stopped,omitzero"`
	Output       *string         `json:"output,omitempty"`
	Error        *string         `json:"error,omitempty"`
	Cause        *string         `json:"cause,omitempty"`
	Events       []engine.Event  `json:"events,omitempty"` // set once ended
	RedriveCount int             `json:"redriveCount"`
	RedriveDate  time.Time       `json:"redriveDate,omitzero"`
	MapRuns      []engine.MapRun `json:"mapRuns,omitempty"`

	// Waiting are the tasks waiting for an answer by token (callbacks and
	// plain tasks), kept so that after a restart their old tokens still
	// answer the tasks the resumed run asks again.
	Waiting []waitingTask `json:"waiting,omitempty"`

	// stopError and stopCause are StopExecution's, put on the end record.
	stopError, stopCause *string
	// oldTokens are the tokens of the tasks that were waiting when the
	// server stopped, by state: the resumed run's new task takes one.
	oldTokens map[string][]string
	// live is the history as it is recorded (with a data folder only).
	live []engine.Event
}

// waitingTask is a task token handed out and not answered yet.
type waitingTask struct {
	Token string `json:"token"`
	State string `json:"state,omitempty"`
	// Activity and Worker are set for an activity task a worker took.
	Activity string `json:"activity,omitempty"`
	Worker   string `json:"worker,omitempty"`
}

// await records a token handed out for state, and returns the token the
// same task had before a restart ("" when none).
func (e *execution) await(token, state string) (old string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Waiting = append(e.Waiting, waitingTask{Token: token, State: state})
	if olds := e.oldTokens[state]; len(olds) > 0 {
		old, e.oldTokens[state] = olds[0], olds[1:]
	}
	return old
}

// answered forgets a token once its task has its answer.
func (e *execution) answered(token string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Waiting = slices.DeleteFunc(e.Waiting, func(w waitingTask) bool { return w.Token == token })
}

// snapshot is the execution's state, read under its lock.
func (e *execution) snapshot() (status string, stopped time.Time, out, errName, cause *string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.Status, e.Stopped, e.Output, e.Error, e.Cause
}

// events is the history so far: the engine's while it runs, the record
// after.
func (e *execution) events() []engine.Event {
	e.mu.Lock()
	ex, evs, status := e.ex, e.Events, e.Status
	e.mu.Unlock()
	if status == engine.StatusRunning && ex != nil {
		return ex.Events()
	}
	return evs
}

func (e *execution) running() *engine.Execution {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.Status != engine.StatusRunning {
		return nil
	}
	return e.ex
}

// finish records how the engine's run ended.
func (e *execution) finish(res engine.Result, ex *engine.Execution, at time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ex != ex || e.Status != engine.StatusRunning {
		return // a redrive replaced this run, or its end is recorded
	}
	if res.Status == engine.StatusAborted && (e.stopError != nil || e.stopCause != nil) {
		res.Error, res.Cause = e.stopError, e.stopCause
		patchAbort(res.Events, e.stopError, e.stopCause)
	}
	e.Status, e.Stopped = res.Status, at
	if res.Status == engine.StatusSucceeded {
		s := engine.EncodeJSON(res.Output)
		e.Output = &s
	} else {
		e.Output = nil
	}
	e.Error, e.Cause = res.Error, res.Cause
	e.Events = res.Events
	if ex != nil {
		e.MapRuns = ex.MapRuns()
	}
}
