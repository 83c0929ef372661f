package teststate

import (
	"encoding/json"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// Error names TestState raises itself.
const (
	errThreshold   = "States.ExceedToleratedFailureThreshold"
	causeThreshold = "The specified tolerated failure threshold was exceeded"
)

// checkMock refuses what AWS refuses: a mock for a state with no task,
// both a result and an error, a Map or Parallel without one. A Task with
// no mock would call the real service, which a local run cannot.
func checkMock(m *Mock, t *tested) error {
	typ := t.typ()
	needs := typ == "Task" || typ == "Map" || typ == "Parallel"
	if m == nil {
		if needs {
			return validation("a %s state needs a mock (result or errorOutput) to be tested locally: nothing here can call the real service", typ)
		}
		return nil
	}
	if !needs {
		return validation("a mock applies to Task, Map and Parallel states, not to a %s state", typ)
	}
	if (m.Result == nil) == (m.ErrorOutput == nil) {
		return validation("a mock has exactly one of result and errorOutput")
	}
	switch m.FieldValidationMode {
	case "", "STRICT", "PRESENT", "NONE":
	default:
		return validation("fieldValidationMode must be STRICT, PRESENT or NONE, not %q", m.FieldValidationMode)
	}
	if m.Result != nil {
		v, err := decode([]byte(*m.Result))
		if err != nil {
			return validation("mock result is not valid JSON: %v", err)
		}
		if typ == "Task" {
			if err := checkShape(t.state, v, m.FieldValidationMode); err != nil {
				return err
			}
		}
	}
	return nil
}

// mocker answers the one task invocation.
type mocker struct {
	result any
	err    error
	isMap  bool
	failed int64 // failed Map iterations (stateConfiguration)
}

func newMocker(m *Mock, t *tested, sc *StateConfiguration, _ any) (*mocker, error) {
	mk := &mocker{isMap: t.typ() == "Map"}
	if sc != nil && sc.MapIterationFailureCount != nil {
		mk.failed = *sc.MapIterationFailureCount
	}
	if m == nil {
		return mk, nil
	}
	if m.ErrorOutput != nil {
		mk.err = fault.New(m.ErrorOutput.Error, m.ErrorOutput.Cause)
		return mk, nil
	}
	v, err := engine.DecodeJSON([]byte(*m.Result))
	if err != nil {
		return nil, validation("mock result is not valid JSON: %v", err)
	}
	mk.result = v
	return mk, nil
}

// answer is the task's result or error: the mocked error, else a Map
// whose failed iterations pass its tolerance fails as AWS's Map does.
// params are the task's effective parameters (a Map's settings, see
// tested.mapSettings).
func (mk *mocker) answer(params any) (any, error) {
	if mk.err != nil {
		return nil, mk.err
	}
	if mk.isMap {
		p, _ := params.(map[string]any)
		items := -1
		if a, ok := p["items"].([]any); ok {
			items = len(a)
		}
		if exceeds(p, mk.failed, items) {
			return nil, fault.New(errThreshold, causeThreshold)
		}
	}
	return mk.result, nil
}

// exceeds says whether failed iterations out of items pass the Map's
// toleratedFailureCount or toleratedFailurePercentage. With neither set,
// AWS's TestState ignores mapIterationFailureCount (the recorded calls
// show it).
func exceeds(p map[string]any, failed int64, items int) bool {
	count, hasCount := engineNumber(p["toleratedFailureCount"])
	pct, hasPct := engineNumber(p["toleratedFailurePercentage"])
	if hasCount && float64(failed) > count {
		return true
	}
	if hasPct && items > 0 && float64(failed)*100/float64(items) > pct {
		return true
	}
	return false
}

func engineNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func number(v any) (float64, bool) {
	if n, ok := v.(json.Number); ok {
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// checkConfiguration refuses settings that cannot describe the state:
// negative counts, and an errorCausedByState that is not a state inside
// the tested Map or Parallel.
func checkConfiguration(sc *StateConfiguration, t *tested) error {
	if sc == nil {
		return nil
	}
	if sc.RetrierRetryCount != nil && *sc.RetrierRetryCount < 0 {
		return validation("retrierRetryCount must not be negative")
	}
	if sc.MapIterationFailureCount != nil && *sc.MapIterationFailureCount < 0 {
		return validation("mapIterationFailureCount must not be negative")
	}
	if name := sc.ErrorCausedByState; name != "" {
		typ := t.typ()
		if typ != "Map" && typ != "Parallel" {
			return validation("errorCausedByState applies to a Map or Parallel state, not to a %s state", typ)
		}
		if _, _, ok := find(map[string]any{"": t.state}, name, nil); !ok {
			return validation("errorCausedByState %q is not a state inside the tested %s", name, typ)
		}
	}
	return nil
}
