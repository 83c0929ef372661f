package runs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// History is AWS's GetExecutionHistory output: what Export writes and
// Import reads, so histories move between AWS and the studio unchanged.
type History struct {
	Events []json.RawMessage `json:"events"`
}

// Export returns a run's history as AWS GetExecutionHistory JSON.
func (m *Manager) Export(id string) (string, error) {
	_, evs, err := m.events(id)
	if err != nil {
		return "", err
	}
	if evs == nil {
		evs = []json.RawMessage{}
	}
	b, err := json.MarshalIndent(History{Events: evs}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("export run %s: %w", id, err)
	}
	return string(b), nil
}

// eventHead is the part of an event every reader needs.
type eventHead struct {
	ID        int64           `json:"id"`
	Type      string          `json:"type"`
	Timestamp json.RawMessage `json:"timestamp"`
	Entered   *struct {
		Name  string `json:"name"`
		Input string `json:"input"`
	} `json:"stateEnteredEventDetails"`
	Exited *struct {
		Name     string            `json:"name"`
		Assigned map[string]string `json:"assignedVariables"`
	} `json:"stateExitedEventDetails"`
	Started *struct {
		Input string `json:"input"`
	} `json:"executionStartedEventDetails"`
	Failed *struct {
		Error string `json:"error"`
		Cause string `json:"cause"`
	} `json:"executionFailedEventDetails"`
	Succeeded *struct {
		Output string `json:"output"`
	} `json:"executionSucceededEventDetails"`
}

// Import stores a history exported from AWS (or from the studio) as a run
// of workflow, so it can be replayed on the diagram.
func (m *Manager) Import(workflow, definition, text string) (Meta, error) {
	var h History
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&h); err != nil {
		return Meta{}, invalid("Not an execution history (GetExecutionHistory JSON with \"events\"): %v", err)
	}
	if len(h.Events) == 0 {
		return Meta{}, invalid("The history has no events")
	}
	meta := Meta{ID: uuid.Must(uuid.NewV7()).String(), Workflow: workflow, Status: StatusRunning, Imported: true, Definition: definition}
	ids := make([]int64, len(h.Events))
	evs := make([]json.RawMessage, len(h.Events))
	for i, raw := range h.Events {
		var e eventHead
		if err := json.Unmarshal(raw, &e); err != nil || e.Type == "" {
			return Meta{}, invalid("Event %d is not a history event", i+1)
		}
		if e.ID != int64(i+1) {
			return Meta{}, invalid("Event %d has id %d; a history's ids run 1, 2, 3… (export every page of it)", i+1, e.ID)
		}
		ids[i] = e.ID
		evs[i] = normalizeTimestamp(raw, e.Timestamp)
		at := parseTimestamp(e.Timestamp)
		switch {
		case e.Started != nil:
			meta.Input, meta.StartDate = e.Started.Input, at
		case e.Succeeded != nil:
			meta.Status, meta.Output, meta.StopDate = "SUCCEEDED", e.Succeeded.Output, at
		case e.Failed != nil:
			meta.Status, meta.Error, meta.Cause, meta.StopDate = "FAILED", e.Failed.Error, e.Failed.Cause, at
		case e.Type == "ExecutionAborted":
			meta.Status, meta.StopDate = "ABORTED", at
		case e.Type == "ExecutionTimedOut":
			meta.Status, meta.StopDate = "TIMED_OUT", at
		}
	}
	if meta.Status == StatusRunning {
		meta.Status = "ABORTED" // a history cut short: nothing runs it here
	}
	meta.Name, meta.Events = "imported", int64(len(evs))
	if m.store == nil {
		return Meta{}, fmt.Errorf("cannot import: %s", m.storeErr)
	}
	if err := m.store.Save(meta, evs, ids, nil); err != nil {
		return Meta{}, err
	}
	meta.Definition = ""
	return meta, nil
}

// parseTimestamp reads AWS's timestamps: RFC 3339 text (the CLI) or
// epoch seconds (some SDKs).
func parseTimestamp(raw json.RawMessage) time.Time {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		t, _ := time.Parse(time.RFC3339Nano, s)
		return t.UTC()
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil {
		return time.UnixMilli(int64(f * 1000)).UTC()
	}
	return time.Time{}
}

// normalizeTimestamp rewrites an epoch-seconds timestamp as RFC 3339, so
// the UI reads one form.
func normalizeTimestamp(raw json.RawMessage, ts json.RawMessage) json.RawMessage {
	if len(ts) == 0 || ts[0] == '"' {
		return raw
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return raw
	}
	t, _ := json.Marshal(parseTimestamp(ts).Format(time.RFC3339Nano))
	obj["timestamp"] = t
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(obj) != nil {
		return raw
	}
	return bytes.TrimSpace(b.Bytes())
}

// RerunFrom starts req at state with the input and variables state had
// when past run from last entered it: re-run from here, e.g. after fixing
// the workflow.
func (m *Manager) RerunFrom(req StartRequest, from, state string) (string, error) {
	_, evs, err := m.events(from)
	if err != nil {
		return "", err
	}
	doc, err := asl.Parse(req.Name, []byte(req.Definition))
	if err != nil || doc.Machine == nil {
		return "", invalid("The workflow does not parse")
	}
	top := map[string]bool{}
	for _, s := range doc.Machine.States {
		top[s.Name] = true
	}
	if !top[state] {
		return "", invalid("%q is not a top-level state; a run can start only there", state)
	}
	input, vars, err := recordedEntry(evs, state, top)
	if err != nil {
		return "", err
	}
	req.Input, req.StartAt, req.Variables = input, state, vars
	return m.Start(req)
}

// recordedEntry finds the last time state was entered and returns its
// input and the variables the top-level states (top) had assigned by
// then; state names are unique in a machine, and variables assigned in
// branches and iterations never reach the top level.
func recordedEntry(evs []json.RawMessage, state string, top map[string]bool) (string, map[string]string, error) {
	vars := map[string]string{}
	var found bool
	var input string
	var atEntry map[string]string
	for _, raw := range evs {
		var e eventHead
		if json.Unmarshal(raw, &e) != nil {
			continue
		}
		switch {
		case e.Entered != nil && e.Entered.Name == state:
			found, input = true, e.Entered.Input
			atEntry = clone(vars)
		case e.Exited != nil && top[e.Exited.Name]:
			for k, v := range e.Exited.Assigned {
				vars[k] = v
			}
		}
	}
	if !found {
		return "", nil, invalid("The run never entered %q, so it has no input to start from", state)
	}
	return input, atEntry, nil
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
