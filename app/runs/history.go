package runs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

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

// payloadFields are the event details' fields AWS gives as JSON text.
var payloadFields = []string{"input", "output", "result", "parameters"}

// normalizeEvent rewrites, in one event, what other tools give in another
// form than AWS's GetExecutionHistory: an epoch-seconds timestamp becomes
// RFC 3339, and a payload given as a JSON value becomes its JSON text, so
// the UI reads one form. An event already in AWS's form is returned as is.
func normalizeEvent(raw json.RawMessage) json.RawMessage {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return raw
	}
	changed := false
	if ts := obj["timestamp"]; len(ts) > 0 && ts[0] != '"' {
		obj["timestamp"], _ = json.Marshal(parseTimestamp(ts).Format(time.RFC3339Nano))
		changed = true
	}
	for key, details := range obj {
		if !strings.HasSuffix(key, "EventDetails") {
			continue
		}
		var d map[string]json.RawMessage
		if json.Unmarshal(details, &d) != nil {
			continue
		}
		touched := false
		for _, f := range payloadFields {
			if v := bytes.TrimSpace(d[f]); len(v) > 0 && v[0] != '"' && string(v) != "null" {
				var c bytes.Buffer
				if json.Compact(&c, v) == nil {
					d[f], _ = json.Marshal(c.String())
					touched = true
				}
			}
		}
		if vars, ok := textValues(d["assignedVariables"]); ok {
			d["assignedVariables"] = vars
			touched = true
		}
		if touched {
			obj[key] = encode(d)
			changed = true
		}
	}
	if !changed {
		return raw
	}
	return encode(obj)
}

// textValues turns an assignedVariables object whose values are JSON
// values into AWS's form (each value as JSON text); ok is false when there
// is nothing to change.
func textValues(raw json.RawMessage) (json.RawMessage, bool) {
	var vars map[string]json.RawMessage
	if json.Unmarshal(raw, &vars) != nil {
		return nil, false
	}
	changed := false
	for k, v := range vars {
		if len(v) > 0 && v[0] != '"' {
			var c bytes.Buffer
			if json.Compact(&c, v) == nil {
				vars[k], _ = json.Marshal(c.String())
				changed = true
			}
		}
	}
	return encode(vars), changed
}

func encode(v any) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // maps of raw JSON always encode
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
