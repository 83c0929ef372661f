// Package runs runs workflows for the studio: each run goes on in its own
// goroutine, its engine events are batched and streamed through an
// Emitter with sequence numbers, and everything is kept in a Store so a
// reloaded page (Snapshot) or a later session (List, Load) sees it all.
// It knows nothing of Wails.
package runs

import (
	"encoding/json"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// StatusRunning is the status of a run still going on; the others are
// the engine's (SUCCEEDED, FAILED, TIMED_OUT, ABORTED).
const StatusRunning = "RUNNING"

// Meta is what the store keeps about a run besides its events.
type Meta struct {
	ID        string    `json:"id"`
	Workflow  string    `json:"workflow"`
	Name      string    `json:"name"` // the execution name
	Status    string    `json:"status"`
	StartDate time.Time `json:"startDate"`
	StopDate  time.Time `json:"stopDate,omitzero"`
	Input     string    `json:"input"`
	Output    string    `json:"output,omitempty"`
	Error     string    `json:"error,omitempty"`
	Cause     string    `json:"cause,omitempty"`
	Events    int64     `json:"events"` // the last event id
	Stages    int64     `json:"stages"` // the last stage record's seq
	TestCase  string    `json:"testCase,omitempty"`
	// RedriveCount is how many times the run was redriven (Redrive).
	RedriveCount int    `json:"redriveCount,omitempty"`
	StartAt      string `json:"startAt,omitempty"`
	Imported     bool   `json:"imported,omitempty"`
	Definition   string `json:"definition,omitempty"`
	// ErrorLocation places a FAILED run's error in the definition the run
	// was started with (Definition): its state, the JSON pointer of the
	// field or template key (as a validator diagnostic's location) and its
	// range. Absent when the engine does not know the place, and for
	// imported histories.
	ErrorLocation *fault.Location `json:"errorLocation,omitempty"`
	// TryIt marks a run whose unmocked tasks got generated answers;
	// Generated names those tasks, in the order they first answered.
	TryIt     bool     `json:"tryIt,omitempty"`
	Generated []string `json:"generated,omitempty"`
	// ImportNotes says, in plain words, where an imported history does not
	// match the workflow it was imported onto (steps it lacks, or has as
	// another type).
	ImportNotes []string `json:"importNotes,omitempty"`
	// Machine and ExecutionArn are set on a run a program started through
	// the local endpoint: the state machine's name and the execution's
	// ARN (follow.go).
	Machine      string `json:"machine,omitempty"`
	ExecutionArn string `json:"executionArn,omitempty"`
	// Remote is the ARN of the execution elsewhere (AWS, or an endpoint
	// standing in for it) whose history this imported run shows; its
	// status is the execution's as of the last import (RUNNING included).
	Remote string `json:"remote,omitempty"`
}

// Pending is a task waiting for the user: a Task with no mock and no
// handler ("task"), a .waitForTaskToken callback ("callback") or an
// activity ("activity").
type Pending struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	State    string    `json:"state"`
	Resource string    `json:"resource"`
	Input    string    `json:"input"` // JSON text of what the task was given
	Token    string    `json:"token,omitempty"`
	Since    time.Time `json:"since"`
	// Handler and Command are a "trust" card's: the kind of handler
	// (command, http, lambda) and the exact command line or URL.
	Handler string `json:"handler,omitempty"`
	Command string `json:"command,omitempty"`
}

// Update is one batch of a run's progress. Events are AWS
// GetExecutionHistory events (JSON) whose ids follow on from the previous
// update's; a gap means updates were missed and Snapshot fills it.
type Update struct {
	RunID string `json:"runId"`
	// Seq numbers the updates of a run from 1; FirstEvent/LastEvent are
	// the event ids carried (0 when none).
	Seq        int64             `json:"seq"`
	FirstEvent int64             `json:"firstEvent"`
	LastEvent  int64             `json:"lastEvent"`
	Events     []json.RawMessage `json:"events"`
	// Stages are the stage records since the previous update; Meta.Stages
	// is how many there are in all, so a reader missing some fetches them.
	Stages   []StageRecord `json:"stages"`
	Meta     Meta          `json:"meta"`
	PausedAt []string      `json:"pausedAt"`
	// Pauses are the paused threads (a Map item, a branch, the top level)
	// in index order, each with the input its state will get.
	Pauses []PauseInfo `json:"pauses"`
	// Waiting are the items queued before a breakpoint while one is
	// paused (one item at a time), in index order.
	Waiting [][]engine.PathStep `json:"waiting"`
	Pending []Pending           `json:"pending"`
	Live    bool                `json:"live"`              // the run is in this process and still going
	Unsaved string              `json:"unsaved,omitempty"` // why the run is not being stored, "" when it is
}

// StageRecord is a value between a state's processing steps (after
// InputPath, Parameters, ResultPath, a Catch…: engine.Stage lists them), which AWS's history does not
// record; Seq numbers a run's records from 1.
type StageRecord struct {
	Seq   int64  `json:"seq"`
	Event int64  `json:"event"` // the visit's StateEntered event id
	State string `json:"state"`
	Step  string `json:"step"`
	Value string `json:"value"` // JSON text
}

// UpdateEvent is the name of the event updates are emitted under.
const UpdateEvent = "run:update"

// Emitter sends updates to the UI; the app adapts Wails' EventsEmit to it.
type Emitter interface {
	Emit(name string, data any)
}
