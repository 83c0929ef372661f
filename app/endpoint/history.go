package endpoint

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// wireEvent is a history event as AWS JSON 1.0 sends it: the timestamp as
// epoch seconds (the SDKs parse a number), the rest as the engine records it.
type wireEvent struct {
	*engine.Event
	Timestamp epoch `json:"timestamp"`
}

func getExecutionHistory(s *Server, r *request) (any, error) {
	var in struct {
		ExecutionArn         string `json:"executionArn"`
		MaxResults           int    `json:"maxResults"`
		NextToken            string `json:"nextToken"`
		ReverseOrder         bool   `json:"reverseOrder"`
		IncludeExecutionData *bool  `json:"includeExecutionData"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupStandardExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	evs := e.events()
	if in.ReverseOrder {
		evs = slices.Clone(evs)
		slices.Reverse(evs)
	}
	page, next, err := paginate(evs, in.MaxResults, in.NextToken, 3096)
	if err != nil {
		return nil, err
	}
	include := in.IncludeExecutionData == nil || *in.IncludeExecutionData
	out := make([]any, len(page))
	for i := range page {
		ev := page[i]
		if !include {
			out[i] = withoutData(ev)
			continue
		}
		out[i] = wireEvent{Event: &ev, Timestamp: epoch(ev.Timestamp)}
	}
	res := map[string]any{"events": out}
	if next != "" {
		res["nextToken"] = next
	}
	return res, nil
}

// withoutData is ev without its data (includeExecutionData false): every
// details object loses its input and output, which AWS leaves out.
func withoutData(ev engine.Event) any {
	b, err := json.Marshal(wireEvent{Event: &ev, Timestamp: epoch(ev.Timestamp)})
	if err != nil {
		return wireEvent{Event: &ev, Timestamp: epoch(ev.Timestamp)}
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return wireEvent{Event: &ev, Timestamp: epoch(ev.Timestamp)}
	}
	for _, v := range m {
		if d, ok := v.(map[string]any); ok {
			delete(d, "input")
			delete(d, "output")
		}
	}
	return m
}

// redriveStatus says whether RedriveExecution would accept e.
func redriveStatus(e *execution, status string, stopped time.Time) (string, string) {
	switch status {
	case engine.StatusRunning:
		return "NOT_REDRIVABLE", "Execution is RUNNING and cannot be redriven"
	case engine.StatusSucceeded:
		return "NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven"
	}
	if e.Type == "EXPRESS" {
		return "NOT_REDRIVABLE", "Execution is EXPRESS and cannot be redriven"
	}
	if err := engine.CheckRedrivable(e.events(), engine.Standard, time.Now()); err != nil {
		return "NOT_REDRIVABLE", err.Error()
	}
	return "REDRIVABLE", ""
}
