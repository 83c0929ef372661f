package suite

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// NewScenario is a scenario made from a run ("Save this run as a
// scenario"): the run's input and, as inline mocks, every answer its
// tasks got, whether from a mock file's test case or typed by hand.
// Expectations come from running it (Append).
type NewScenario struct {
	Name  string
	Input any
	// Mocks are MockedResponses by state: {"0": {"Return": …}, "1-2": {"Throw": …}}.
	Mocks map[string]any
}

// historyEvent is the part of an AWS history event a scenario is made of.
type historyEvent struct {
	ID       int64  `json:"id"`
	Previous int64  `json:"previousEventId"`
	Type     string `json:"type"`
	Started  *struct {
		Input string `json:"input"`
	} `json:"executionStartedEventDetails"`
	Entered *struct {
		Name string `json:"name"`
	} `json:"stateEnteredEventDetails"`
	TaskSucceeded     *answer `json:"taskSucceededEventDetails"`
	TaskFailed        *answer `json:"taskFailedEventDetails"`
	TaskTimedOut      *answer `json:"taskTimedOutEventDetails"`
	LambdaSucceeded   *answer `json:"lambdaFunctionSucceededEventDetails"`
	LambdaFailed      *answer `json:"lambdaFunctionFailedEventDetails"`
	LambdaTimedOut    *answer `json:"lambdaFunctionTimedOutEventDetails"`
	ActivitySucceeded *answer `json:"activitySucceededEventDetails"`
	ActivityFailed    *answer `json:"activityFailedEventDetails"`
	ActivityTimedOut  *answer `json:"activityTimedOutEventDetails"`
}

type answer struct {
	Output string `json:"output"`
	Error  string `json:"error"`
	Cause  string `json:"cause"`
}

// result is the task answer the event carries, as a MockedResponse entry
// (nil when the event is no task's end).
func (e *historyEvent) result() (map[string]any, error) {
	for _, a := range []*answer{e.TaskSucceeded, e.LambdaSucceeded, e.ActivitySucceeded} {
		if a != nil {
			v, err := jsonvalue.Unmarshal([]byte(a.Output))
			if err != nil {
				return nil, fmt.Errorf("event %d: the task's output is not JSON: %w", e.ID, err)
			}
			return map[string]any{"Return": v}, nil
		}
	}
	for _, a := range []*answer{e.TaskFailed, e.LambdaFailed, e.ActivityFailed, e.TaskTimedOut, e.LambdaTimedOut, e.ActivityTimedOut} {
		if a != nil {
			errName := a.Error
			if errName == "" {
				errName = "States.TaskFailed"
			}
			thrown := map[string]any{"Error": errName, "Cause": a.Cause}
			jsonvalue.SetKeyOrder(thrown, []string{"Error", "Cause"}) // as AWS's docs write it
			return map[string]any{"Throw": thrown}, nil
		}
	}
	return nil, nil
}

// FromHistory makes a scenario of a run's AWS history events: its input,
// and each task's answers in the order the state was invoked, runs of the
// same answer folded into one range ("0-9").
func FromHistory(name string, events []json.RawMessage) (NewScenario, error) {
	sc := NewScenario{Name: name, Mocks: map[string]any{}}
	owner := map[int64]string{} // event id -> the state whose visit it is in
	answers := map[string][]map[string]any{}
	var order []string
	started := false
	for i, raw := range events {
		var e historyEvent
		if err := json.Unmarshal(raw, &e); err != nil {
			return sc, fmt.Errorf("event %d is not a history event: %w", i+1, err)
		}
		if e.Started != nil {
			v, err := jsonvalue.Unmarshal([]byte(e.Started.Input))
			if err != nil {
				return sc, fmt.Errorf("the run's input is not JSON: %w", err)
			}
			sc.Input, started = v, true
			continue
		}
		if e.Entered != nil {
			owner[e.ID] = e.Entered.Name
			continue
		}
		state := owner[e.Previous]
		owner[e.ID] = state
		a, err := e.result()
		if err != nil {
			return sc, err
		}
		if a == nil || state == "" {
			continue
		}
		if _, seen := answers[state]; !seen {
			order = append(order, state)
		}
		answers[state] = append(answers[state], a)
	}
	if !started {
		return sc, errors.New("the run has no ExecutionStarted event: there is no input to replay")
	}
	for _, state := range order {
		sc.Mocks[state] = fold(answers[state])
	}
	return sc, nil
}

// fold writes answers as MockedResponse keys, a run of equal answers as
// one range: invocations 0-9 answered alike read as one entry.
func fold(as []map[string]any) map[string]any {
	out := map[string]any{}
	var keys []string
	for i := 0; i < len(as); {
		j := i
		for j+1 < len(as) && jsonvalue.Equal(as[j+1], as[i]) {
			j++
		}
		key := strconv.Itoa(i)
		if j > i {
			key += "-" + strconv.Itoa(j)
		}
		out[key] = as[i]
		keys = append(keys, key)
		i = j + 1
	}
	jsonvalue.SetKeyOrder(out, keys) // invocation order, not "10" before "2"
	return out
}
