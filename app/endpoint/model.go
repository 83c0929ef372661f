package endpoint

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// epoch is a date as AWS JSON 1.0 sends it: seconds since 1970 as a
// number with milliseconds.
type epoch time.Time

func (e epoch) MarshalJSON() ([]byte, error) {
	t := time.Time(e)
	return []byte(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', 3, 64)), nil
}

func (e *epoch) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	*e = epoch(time.UnixMilli(int64(f * 1000)).UTC())
	return nil
}

func ptrEpoch(t time.Time) *epoch {
	if t.IsZero() {
		return nil
	}
	e := epoch(t)
	return &e
}

// tag is one resource tag, as the API spells it.
type tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// revision is what a state machine runs: the definition and role of its
// latest update or of one published version.
type revision struct {
	Definition string          `json:"definition"`
	RoleArn    string          `json:"roleArn"`
	Logging    json.RawMessage `json:"loggingConfiguration,omitempty"`
	Tracing    json.RawMessage `json:"tracingConfiguration,omitempty"`
	RevisionID string          `json:"revisionId,omitempty"`
	machine    *engine.Machine
}

// stateMachine is one state machine and its unqualified revision.
type stateMachine struct {
	Arn      string    `json:"arn"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated,omitzero"`
	Current  revision  `json:"current"`
	Versions []int     `json:"versions,omitempty"` // version numbers alive, ascending
	NextVer  int       `json:"nextVersion"`        // last version number handed out
	region   string
}

// version is a published, immutable revision of a state machine.
type version struct {
	Arn         string    `json:"arn"`
	Machine     string    `json:"machine"` // unqualified ARN
	Number      int       `json:"number"`
	Description string    `json:"description,omitempty"`
	Created     time.Time `json:"created"`
	Rev         revision  `json:"revision"`
}

// alias routes executions to one or two versions by weight.
type alias struct {
	Arn         string         `json:"arn"`
	Machine     string         `json:"machine"`
	Name        string         `json:"name"`
	Description string         `json:"description,omitempty"`
	Routing     []routingEntry `json:"routingConfiguration"`
	Created     time.Time      `json:"created"`
	Updated     time.Time      `json:"updated,omitzero"`
}

type routingEntry struct {
	StateMachineVersionArn string `json:"stateMachineVersionArn"`
	Weight                 int    `json:"weight"`
}

// activity is a named queue of work for workers (GetActivityTask).
type activity struct {
	Arn     string    `json:"arn"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}
