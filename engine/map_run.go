package engine

import (
	"encoding/json"
	"sync"
	"time"
)

// MapRun is the record AWS keeps of a distributed Map's run
// (DescribeMapRun): its status, its thresholds, the items counted by
// status and, locally, each child execution with its own history.
type MapRun struct {
	MapRunArn                  string       `json:"mapRunArn"`
	ExecutionArn               string       `json:"executionArn"` // the parent execution
	State                      string       `json:"stateName"`    // the Map state (not an AWS field)
	Status                     string       `json:"status"`       // RUNNING, SUCCEEDED, FAILED, ABORTED
	StartDate                  time.Time    `json:"startDate"`
	StopDate                   *time.Time   `json:"stopDate,omitempty"`
	MaxConcurrency             int64        `json:"maxConcurrency"`
	ToleratedFailureCount      int64        `json:"toleratedFailureCount"`
	ToleratedFailurePercentage float64      `json:"toleratedFailurePercentage"`
	ItemCounts                 MapRunCounts `json:"itemCounts"`
	ExecutionCounts            MapRunCounts `json:"executionCounts"`
	// RedriveCount and RedriveDate: how many times a redrive of the
	// parent redrove this Map Run, and when last (DescribeMapRun).
	RedriveCount int              `json:"redriveCount"`
	RedriveDate  *time.Time       `json:"redriveDate,omitempty"`
	Children     []ChildExecution `json:"children"`
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
	// FailuresNotRedrivable: unsuccessful children a redrive cannot
	// redrive; PendingRedrive: unsuccessful children waiting to be
	// redriven while a redriven Map Run goes on.
	FailuresNotRedrivable int64 `json:"failuresNotRedrivable"`
	PendingRedrive        int64 `json:"pendingRedrive"`
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
	// RedriveCount is how many times this child was redriven (a STANDARD
	// child is redriven in place with its Map Run; ListExecutions always
	// gives the field), RedriveDate when last.
	RedriveCount int        `json:"redriveCount"`
	RedriveDate  *time.Time `json:"redriveDate,omitempty"`
	Events       []Event    `json:"events,omitempty"`
}

// mapRunRec is a MapRun being filled while its children run.
type mapRunRec struct {
	mu    sync.Mutex
	run   MapRun
	taken bool // a redrive already goes on in this record
}

// childRun is what a child execution's states see of it: its own
// $$.Execution and $$.StateMachine.
type childRun struct {
	ctxExecution    map[string]any
	ctxStateMachine map[string]any
	plan            *redrivePlan // the child's own history when it is redriven
}

// newMapRun registers a map run of n's items on the execution.
func (ex *Execution) newMapRun(arn, state string, items int, start time.Time) *mapRunRec {
	r := &mapRunRec{run: MapRun{MapRunArn: arn, ExecutionArn: ex.arn, State: state, Status: "RUNNING", StartDate: start,
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
	if r.run.Children[i].Status == "PENDING" {
		r.run.ItemCounts.Pending--
	} else {
		r.run.ItemCounts.PendingRedrive-- // unsuccessful before this redrive
	}
	r.run.Children[i] = c
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
	// Items never started are not counted as pending once the run ended
	// (AWS aborts them). Counted from the children: a redriven run's
	// kept and not-yet-redriven children count by their own status.
	counts := MapRunCounts{Total: int64(len(r.run.Children)), ResultsWritten: written}
	for i := range r.run.Children {
		c := &r.run.Children[i]
		switch c.Status {
		case "PENDING", "RUNNING":
			c.Status = StatusAborted
			counts.Aborted++
		case StatusSucceeded:
			counts.Succeeded++
		case StatusFailed:
			counts.Failed++
		case StatusTimedOut:
			counts.TimedOut++
		default:
			counts.Aborted++
		}
	}
	r.run.ItemCounts, r.run.ExecutionCounts = counts, counts
}

// redriveFrom makes this run a redrive of prior (same ARN, children and
// thresholds): the children that succeeded keep their results and are
// counted at once; the others wait to be redriven (pendingRedrive).
// It returns the Map Run's redrive count, this redrive included.
func (r *mapRunRec) redriveFrom(at time.Time) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.run.RedriveCount++
	r.run.RedriveDate, r.run.Status, r.run.StopDate = &at, "RUNNING", nil
	counts := MapRunCounts{Total: int64(len(r.run.Children))}
	for _, c := range r.run.Children {
		switch c.Status {
		case StatusSucceeded:
			counts.Succeeded++
		case "PENDING":
			counts.Pending++
		default:
			counts.PendingRedrive++
		}
	}
	r.run.ItemCounts, r.run.ExecutionCounts = counts, counts
	return r.run.RedriveCount
}

// child returns a copy of child i's record.
func (r *mapRunRec) child(i int) ChildExecution {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.run.Children[i]
}

// redrivenMapRun returns the Map Run record with ARN arn kept from the
// run being redriven, to be redriven for items items; nil when there is
// none to redrive (no such record, or its items changed): then the Map
// starts a new Map Run, as AWS does for one that never started.
func (ex *Execution) redrivenMapRun(arn string, items int) *mapRunRec {
	if arn == "" {
		return nil
	}
	ex.mapRunsMu.Lock()
	defer ex.mapRunsMu.Unlock()
	for _, r := range ex.mapRuns {
		r.mu.Lock()
		ok := r.run.MapRunArn == arn && len(r.run.Children) == items && r.run.Status != "RUNNING" && !r.taken
		if ok {
			r.taken = true
		}
		r.mu.Unlock()
		if ok {
			return r
		}
	}
	return nil
}

// keepMapRuns carries the Map Runs of the run being redriven into this
// one: a redriven Map Run goes on in its record, the others stay listed.
func (ex *Execution) keepMapRuns(prior []MapRun) {
	ex.mapRunsMu.Lock()
	defer ex.mapRunsMu.Unlock()
	for _, p := range prior {
		p.Children = append([]ChildExecution(nil), p.Children...)
		ex.mapRuns = append(ex.mapRuns, &mapRunRec{run: p})
	}
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

// UnmarshalJSON reads a saved child with its input and output as the
// engine's own values (integers stay integers): a redrive gives a kept
// child's output back as the Map's result.
func (c *ChildExecution) UnmarshalJSON(b []byte) error {
	type plain ChildExecution
	var aux struct {
		plain
		Input  json.RawMessage `json:"input,omitempty"`
		Output json.RawMessage `json:"output,omitempty"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*c = ChildExecution(aux.plain)
	for _, f := range []struct {
		raw json.RawMessage
		to  *any
	}{{aux.Input, &c.Input}, {aux.Output, &c.Output}} {
		if len(f.raw) == 0 {
			continue
		}
		v, err := DecodeJSON(f.raw)
		if err != nil {
			return err
		}
		*f.to = v
	}
	return nil
}
