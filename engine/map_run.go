package engine

import (
	"sync"
	"time"
)

// MapRun is the record AWS keeps of a distributed Map's run
// (DescribeMapRun): its status, its thresholds, the items counted by
// status and, locally, each child execution with its own history.
type MapRun struct {
	MapRunArn                  string           `json:"mapRunArn"`
	State                      string           `json:"stateName"` // the Map state (not an AWS field)
	Status                     string           `json:"status"`    // RUNNING, SUCCEEDED, FAILED, ABORTED
	StartDate                  time.Time        `json:"startDate"`
	StopDate                   *time.Time       `json:"stopDate,omitempty"`
	MaxConcurrency             int64            `json:"maxConcurrency"`
	ToleratedFailureCount      int64            `json:"toleratedFailureCount"`
	ToleratedFailurePercentage float64          `json:"toleratedFailurePercentage"`
	ItemCounts                 MapRunCounts     `json:"itemCounts"`
	ExecutionCounts            MapRunCounts     `json:"executionCounts"`
	Children                   []ChildExecution `json:"children"`
}

// MapRunCounts count a Map Run's items (or child executions) by status,
// in DescribeMapRun's shape.
type MapRunCounts struct {
	Pending        int64 `json:"pending"`
	Running        int64 `json:"running"`
	Succeeded      int64 `json:"succeeded"`
	Failed         int64 `json:"failed"`
	TimedOut       int64 `json:"timedOut"`
	Aborted        int64 `json:"aborted"`
	Total          int64 `json:"total"`
	ResultsWritten int64 `json:"resultsWritten"`
}

// ChildExecution is one item's execution of a distributed Map: its own
// name, ARN, input and history, as ListExecutions(mapRunArn) shows it.
type ChildExecution struct {
	Index     int        `json:"index"`
	Name      string     `json:"name"`
	Arn       string     `json:"executionArn"`
	Status    string     `json:"status"` // PENDING until it starts
	StartDate *time.Time `json:"startDate,omitempty"`
	StopDate  *time.Time `json:"stopDate,omitempty"`
	Input     any        `json:"input,omitempty"`
	Output    any        `json:"output,omitempty"`
	Error     *string    `json:"error,omitempty"`
	Cause     *string    `json:"cause,omitempty"`
	Events    []Event    `json:"events,omitempty"`
}

// mapRunRec is a MapRun being filled while its children run.
type mapRunRec struct {
	mu  sync.Mutex
	run MapRun
}

// childRun is what a child execution's states see of it: its own
// $$.Execution and $$.StateMachine.
type childRun struct {
	ctxExecution    map[string]any
	ctxStateMachine map[string]any
}

// newMapRun registers a map run of n's items on the execution.
func (ex *Execution) newMapRun(arn, state string, items int, start time.Time) *mapRunRec {
	r := &mapRunRec{run: MapRun{MapRunArn: arn, State: state, Status: "RUNNING", StartDate: start,
		Children: make([]ChildExecution, items)}}
	for i := range r.run.Children {
		r.run.Children[i] = ChildExecution{Index: i, Status: "PENDING"}
	}
	r.run.ItemCounts.Total, r.run.ItemCounts.Pending = int64(items), int64(items)
	ex.mapRunsMu.Lock()
	ex.mapRuns = append(ex.mapRuns, r)
	ex.mapRunsMu.Unlock()
	return r
}

// started marks child i running.
func (r *mapRunRec) started(i int, c ChildExecution) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.run.Children[i] = c
	r.run.ItemCounts.Pending--
	r.run.ItemCounts.Running++
}

// ended records child i's end (its status, output or error, history).
func (r *mapRunRec) ended(i int, status string, at time.Time, out any, errName, cause *string, events []Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := &r.run.Children[i]
	c.Status, c.StopDate, c.Output, c.Error, c.Cause, c.Events = status, &at, out, errName, cause, events
	r.run.ItemCounts.Running--
	switch status {
	case StatusSucceeded:
		r.run.ItemCounts.Succeeded++
	case StatusFailed:
		r.run.ItemCounts.Failed++
	case StatusTimedOut:
		r.run.ItemCounts.TimedOut++
	default:
		r.run.ItemCounts.Aborted++
	}
}

// finish closes the run with its status.
func (r *mapRunRec) finish(status string, at time.Time, written int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.run.Status, r.run.StopDate = status, &at
	r.run.ItemCounts.ResultsWritten = written
	// Items never started are not counted as pending once the run ended
	// (AWS aborts them).
	r.run.ItemCounts.Aborted += r.run.ItemCounts.Pending + r.run.ItemCounts.Running
	r.run.ItemCounts.Pending, r.run.ItemCounts.Running = 0, 0
	for i := range r.run.Children {
		if c := &r.run.Children[i]; c.Status == "PENDING" || c.Status == "RUNNING" {
			c.Status = StatusAborted
		}
	}
	r.run.ExecutionCounts = r.run.ItemCounts
}

// snapshot copies the record (children included) for readers.
func (r *mapRunRec) snapshot() MapRun {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.run
	out.Children = append([]ChildExecution(nil), r.run.Children...)
	if out.Status == "RUNNING" {
		out.ExecutionCounts = out.ItemCounts
	}
	return out
}

// MapRuns returns the distributed Map runs so far, in the order they
// started; safe while the run goes on.
func (ex *Execution) MapRuns() []MapRun {
	ex.mapRunsMu.Lock()
	defer ex.mapRunsMu.Unlock()
	out := make([]MapRun, len(ex.mapRuns))
	for i, r := range ex.mapRuns {
		out[i] = r.snapshot()
	}
	return out
}

// setLimits records the run's MaxConcurrency and failure thresholds.
func (r *mapRunRec) setLimits(maxConc, toleratedCount int64, pct float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.run.MaxConcurrency, r.run.ToleratedFailureCount, r.run.ToleratedFailurePercentage = maxConc, toleratedCount, pct
}

// setWritten records how many results the ResultWriter wrote.
func (r *mapRunRec) setWritten(n int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.run.ItemCounts.ResultsWritten, r.run.ExecutionCounts.ResultsWritten = n, n
}
